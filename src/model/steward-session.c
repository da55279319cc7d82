/* steward-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-session.h"

struct _StewardSession
{
  GObject parent_instance;

  StewardProfile *profile;
  StewardClient  *client;
  StewardUser    *current_user;
  GListStore     *iams;
  GListStore     *permissions;
  gboolean        can_manage_users;
  gboolean        can_read_audit;
};

G_DEFINE_FINAL_TYPE (StewardSession, steward_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PROFILE,
  PROP_CLIENT,
  PROP_CURRENT_USER,
  PROP_CAN_MANAGE_USERS,
  PROP_CAN_READ_AUDIT,
  PROP_IAMS,
  PROP_PERMISSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The three reads of a reload run side by side; this collects them. */
typedef struct
{
  guint        pending;
  GError      *error; /* the first failure */
  StewardUser *user;
  GListModel  *iams;
  GListModel  *permissions;
} Reload;

static void
reload_free (Reload *reload)
{
  g_clear_error (&reload->error);
  g_clear_object (&reload->user);
  g_clear_object (&reload->iams);
  g_clear_object (&reload->permissions);
  g_free (reload);
}

static void
replace_items (GListStore *store,
               GListModel *items)
{
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr (GPtrArray) array = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
}

static void
set_capability (StewardSession *self,
                gboolean       *field,
                gboolean        value,
                guint           prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
apply_reload (StewardSession *self,
              Reload         *reload)
{
  StewardUser *user;

  /* Keep the object people bound to; update_from notifies what changed. */
  if (self->current_user == NULL)
    {
      self->current_user = g_object_ref (reload->user);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_USER]);
    }
  else
    {
      steward_user_update_from (self->current_user, reload->user);
    }

  replace_items (self->iams, reload->iams);
  replace_items (self->permissions, reload->permissions);

  user = self->current_user;
  set_capability (self, &self->can_manage_users,
                  steward_user_has_permission (user, "USER_ADMIN"),
                  PROP_CAN_MANAGE_USERS);
  set_capability (self, &self->can_read_audit,
                  steward_user_has_permission (user, "AUDIT") || steward_user_has_permission (user, "USER_ADMIN"),
                  PROP_CAN_READ_AUDIT);
}

static void
reload_part_done (GTask  *task,
                  GError *error)
{
  Reload *reload = g_task_get_task_data (task);

  if (error != NULL && reload->error == NULL)
    reload->error = g_steal_pointer (&error);
  g_clear_error (&error);

  if (--reload->pending > 0)
    return;

  if (reload->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&reload->error));
      return;
    }

  apply_reload (g_task_get_source_object (task), reload);
  g_task_return_boolean (task, TRUE);
}

static void
current_user_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Reload *reload = g_task_get_task_data (task);
  GError *error = NULL;

  reload->user = steward_client_get_current_user_finish (STEWARD_CLIENT (source), result, &error);
  reload_part_done (task, error);
}

static void
iams_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Reload *reload = g_task_get_task_data (task);
  GError *error = NULL;

  reload->iams = steward_client_list_iams_finish (STEWARD_CLIENT (source), result, &error);
  reload_part_done (task, error);
}

static void
permissions_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Reload *reload = g_task_get_task_data (task);
  GError *error = NULL;

  reload->permissions = steward_client_list_permissions_finish (STEWARD_CLIENT (source), result, &error);
  reload_part_done (task, error);
}

static void
connect_reloaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  StewardSession *session = STEWARD_SESSION (source);

  if (!steward_session_reload_finish (session, result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (session), g_object_unref);
}

static void
authenticated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_client_authenticate_finish (STEWARD_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  steward_session_reload_async (g_task_get_task_data (task),
                                g_task_get_cancellable (task),
                                connect_reloaded_cb, g_object_ref (task));
}

static void
steward_session_dispose (GObject *object)
{
  StewardSession *self = STEWARD_SESSION (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->client);
  g_clear_object (&self->current_user);
  g_clear_object (&self->iams);
  g_clear_object (&self->permissions);

  G_OBJECT_CLASS (steward_session_parent_class)->dispose (object);
}

static void
steward_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardSession *self = STEWARD_SESSION (object);

  switch (prop_id)
    {
      case PROP_PROFILE:
        g_value_set_object (value, self->profile);
        break;
      case PROP_CLIENT:
        g_value_set_object (value, self->client);
        break;
      case PROP_CURRENT_USER:
        g_value_set_object (value, self->current_user);
        break;
      case PROP_CAN_MANAGE_USERS:
        g_value_set_boolean (value, self->can_manage_users);
        break;
      case PROP_CAN_READ_AUDIT:
        g_value_set_boolean (value, self->can_read_audit);
        break;
      case PROP_IAMS:
        g_value_set_object (value, self->iams);
        break;
      case PROP_PERMISSIONS:
        g_value_set_object (value, self->permissions);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StewardSession *self = STEWARD_SESSION (object);

  switch (prop_id)
    {
      case PROP_PROFILE:
        self->profile = g_value_dup_object (value);
        break;
      case PROP_CLIENT:
        self->client = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_session_class_init (StewardSessionClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = steward_session_dispose;
  object_class->get_property = steward_session_get_property;
  object_class->set_property = steward_session_set_property;

  properties[PROP_PROFILE] = g_param_spec_object ("profile", NULL, NULL, STEWARD_TYPE_PROFILE, construct);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT, construct);
  properties[PROP_CURRENT_USER] = g_param_spec_object ("current-user", NULL, NULL, STEWARD_TYPE_USER, ro);
  properties[PROP_CAN_MANAGE_USERS] = g_param_spec_boolean ("can-manage-users", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_READ_AUDIT] = g_param_spec_boolean ("can-read-audit", NULL, NULL, FALSE, ro);
  properties[PROP_IAMS] = g_param_spec_object ("iams", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PERMISSIONS] = g_param_spec_object ("permissions", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_session_init (StewardSession *self)
{
  self->iams = g_list_store_new (STEWARD_TYPE_IAM);
  self->permissions = g_list_store_new (STEWARD_TYPE_PERMISSION_INFO);
}

/* A policy of the whole process, as the journal is one file for it. */
static StewardChangeRecorder *default_recorder;

void
steward_session_set_default_recorder (StewardChangeRecorder *recorder)
{
  g_return_if_fail (recorder == NULL || STEWARD_IS_CHANGE_RECORDER (recorder));

  g_set_object (&default_recorder, recorder);
}

void
steward_session_connect_async (StewardProfile     *profile,
                               const char         *api_key,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (GTask) task = NULL;
  StewardSession *session;

  g_return_if_fail (STEWARD_IS_PROFILE (profile));
  g_return_if_fail (api_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  client = steward_client_new (steward_profile_get_url (profile), api_key);
  steward_client_set_pinned_certificate (client, steward_profile_get_pinned_certificate (profile));
  if (default_recorder != NULL)
    steward_client_set_recorder (client, default_recorder, steward_profile_get_name (profile));

  /* Handed to the caller only once everything has loaded. */
  session = g_object_new (STEWARD_TYPE_SESSION,
                          "profile", profile,
                          "client", client,
                          NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_connect_async);
  g_task_set_task_data (task, session, g_object_unref);

  steward_client_authenticate_async (client, cancellable, authenticated_cb, g_steal_pointer (&task));
}

StewardSession *
steward_session_connect_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_session_connect_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
steward_session_reload_async (StewardSession     *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Reload *reload;

  g_return_if_fail (STEWARD_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  reload = g_new0 (Reload, 1);
  reload->pending = 3;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_reload_async);
  g_task_set_task_data (task, reload, (GDestroyNotify) reload_free);

  steward_client_get_current_user_async (self->client, cancellable,
                                         current_user_loaded_cb, g_object_ref (task));
  steward_client_list_iams_async (self->client, cancellable,
                                  iams_loaded_cb, g_object_ref (task));
  steward_client_list_permissions_async (self->client, cancellable,
                                         permissions_loaded_cb, g_object_ref (task));
}

gboolean
steward_session_reload_finish (StewardSession *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_session_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

StewardProfile *
steward_session_get_profile (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->profile;
}

StewardClient *
steward_session_get_client (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->client;
}

StewardUser *
steward_session_get_current_user (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->current_user;
}

gboolean
steward_session_get_can_manage_users (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), FALSE);

  return self->can_manage_users;
}

gboolean
steward_session_get_can_read_audit (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), FALSE);

  return self->can_read_audit;
}

GListModel *
steward_session_get_iams (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->iams);
}

GListModel *
steward_session_get_permissions (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->permissions);
}
