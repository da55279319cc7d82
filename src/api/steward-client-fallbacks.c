/* steward-client-fallbacks.c
 *
 * The extension routes of API.md (12 to 16). Real Immuta servers lack
 * them, so each is tried, and when the server answers "no such route" the
 * client remembers that and does what API.md says instead:
 *
 *   12 list permissions  → the built-in catalogue
 *   13 add a permission  → read the user, add, write the whole set (route 8)
 *   14 migrate a user    → UNSUPPORTED: it cannot be done another way
 *   15 metrics           → see steward-client-metrics.c
 *   16 interactions      → UNSUPPORTED: they are optional
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-json-codec.h"
#include "steward-permissions.h"

#include <glib/gi18n-lib.h>

/* API.md's largest page: the fewest requests for the metrics fallback. */
#define FALLBACK_PAGE_SIZE 1000
#define MAX_METRICS_DAYS 365

static gboolean
known_missing (StewardClient   *self,
               StewardExtension extension)
{
  return steward_client_get_extension_support (self, extension) == STEWARD_EXTENSION_SUPPORT_MISSING;
}

/* For the extensions without a fallback. */
static GError *
new_unsupported_error (StewardClient   *self,
                       StewardExtension extension)
{
  const char *host = steward_client_get_host (self);

  if (extension == STEWARD_EXTENSION_MIGRATE)
    return g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED,
                        _ ("The server at %s cannot migrate users between identity managers."), host);

  return g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED,
                      _ ("The server at %s does not collect usage statistics."), host);
}

/* Route 12 */

static GListModel *
builtin_permissions (void)
{
  const StewardBuiltinPermission *builtin;
  GListStore                     *store = g_list_store_new (STEWARD_TYPE_PERMISSION_INFO);
  guint                           n_builtin;

  builtin = steward_builtin_permissions (&n_builtin);
  for (guint i = 0; i < n_builtin; i++)
    {
      g_autoptr (StewardPermissionInfo) info = NULL;

      info = steward_permission_info_new (builtin[i].name, _ (builtin[i].description), TRUE);
      g_list_store_append (store, info);
    }

  return G_LIST_MODEL (store);
}

static void
permissions_listed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *permissions = NULL;

  if (steward_client_call_finish (self, result, &reply, &error))
    {
      steward_client_learn_extension (self, STEWARD_EXTENSION_PERMISSION_LIST, NULL);
      permissions = steward_json_decode_permissions (reply, &error);
    }
  else if (steward_client_learn_extension (self, STEWARD_EXTENSION_PERMISSION_LIST, error))
    {
      permissions = builtin_permissions ();
    }

  if (permissions == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, permissions, g_object_unref);
}

void
steward_client_list_permissions_async (StewardClient      *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  CHECK_CALL (self, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_list_permissions_async);

  if (known_missing (self, STEWARD_EXTENSION_PERMISSION_LIST))
    {
      g_task_return_pointer (task, builtin_permissions (), g_object_unref);
      return;
    }

  steward_client_call_async (self, "GET", "/bim/permissions", NULL, STEWARD_CALL_DEFAULT, cancellable,
                             permissions_listed_cb, g_steal_pointer (&task));
}

GListModel *
steward_client_list_permissions_finish (StewardClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_list_permissions_async, error);
}

/* Route 13, or read-modify-write */

typedef struct
{
  char        *iamid;
  char        *userid;
  char        *permission;
  StewardUser *first_read;
} AddPermission;

static void
add_permission_free (gpointer data)
{
  AddPermission *add = data;

  g_free (add->iamid);
  g_free (add->userid);
  g_free (add->permission);
  g_clear_object (&add->first_read);
  g_free (add);
}

static void
return_user_or_error (GTask       *task,
                      StewardUser *user,
                      GError      *error)
{
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user, g_object_unref);
}

static void
permissions_written_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError      *error = NULL;
  StewardUser *user;

  user = steward_client_set_permissions_finish (STEWARD_CLIENT (source), result, &error);
  return_user_or_error (task, user, error);
}

/* The same permissions, in any order. */
static gboolean
same_permissions (StewardUser *a,
                  StewardUser *b)
{
  const char *const *first = steward_user_get_permissions (a);
  const char *const *second = steward_user_get_permissions (b);

  if (g_strv_length ((char **) first) != g_strv_length ((char **) second))
    return FALSE;

  for (guint i = 0; first[i] != NULL; i++)
    {
      if (!g_strv_contains (second, first[i]))
        return FALSE;
    }

  return TRUE;
}

static void
second_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (StewardUser) second_read = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) permissions = NULL;
  GError        *error = NULL;
  AddPermission *add = g_task_get_task_data (task);
  GCancellable  *cancellable;

  second_read = steward_client_get_user_finish (self, result, &error);
  if (second_read == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Writing now would overwrite whatever someone else just changed. */
  if (!same_permissions (add->first_read, second_read))
    {
      g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT,
                               _ ("The permissions of %s changed while %s was being added. Review them and try again."),
                               steward_user_get_display_name (second_read), add->permission);
      return;
    }

  g_strv_builder_addv (builder, (const char **) steward_user_get_permissions (second_read));
  g_strv_builder_add (builder, add->permission);
  permissions = g_strv_builder_end (builder);

  /* The cancellable is read before the task is handed on. */
  cancellable = g_task_get_cancellable (task);
  steward_client_set_permissions_async (self, add->iamid, add->userid, (const char *const *) permissions,
                                        cancellable, permissions_written_cb, g_steal_pointer (&task));
}

static void
first_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  GError        *error = NULL;
  AddPermission *add = g_task_get_task_data (task);
  GCancellable  *cancellable;

  add->first_read = steward_client_get_user_finish (self, result, &error);
  if (add->first_read == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Route 13 is idempotent; so is this. */
  if (g_strv_contains (steward_user_get_permissions (add->first_read), add->permission))
    {
      g_task_return_pointer (task, g_object_ref (add->first_read), g_object_unref);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  steward_client_get_user_async (self, add->iamid, add->userid, cancellable,
                                 second_read_cb, g_steal_pointer (&task));
}

static void
read_modify_write (GTask *task)
{
  StewardClient *self = g_task_get_source_object (task);
  AddPermission *add = g_task_get_task_data (task);

  steward_client_get_user_async (self, add->iamid, add->userid, g_task_get_cancellable (task),
                                 first_read_cb, task);
}

static void
permission_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  GError      *error = NULL;
  StewardUser *user = NULL;

  if (steward_client_call_finish (self, result, &reply, &error))
    {
      steward_client_learn_extension (self, STEWARD_EXTENSION_ADD_PERMISSION, NULL);
      user = steward_json_decode_user (reply, &error);
    }
  else if (steward_client_learn_extension (self, STEWARD_EXTENSION_ADD_PERMISSION, error))
    {
      g_clear_error (&error);
      read_modify_write (g_steal_pointer (&task));
      return;
    }

  return_user_or_error (task, user, error);
}

void
steward_client_add_permission_async (StewardClient      *self,
                                     const char         *iamid,
                                     const char         *userid,
                                     const char         *permission,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;
  AddPermission   *add;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (permission != NULL && *permission != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_add_permission_async);
  add = g_new0 (AddPermission, 1);
  add->iamid = g_strdup (iamid);
  add->userid = g_strdup (userid);
  add->permission = g_strdup (permission);
  g_task_set_task_data (task, add, add_permission_free);

  if (known_missing (self, STEWARD_EXTENSION_ADD_PERMISSION))
    {
      read_modify_write (g_steal_pointer (&task));
      return;
    }

  path = steward_client_user_path (iamid, userid, "permissions", permission, NULL);
  steward_client_call_async (self, "PUT", path, NULL, STEWARD_CALL_DEFAULT, cancellable,
                             permission_added_cb, g_steal_pointer (&task));
}

StewardUser *
steward_client_add_permission_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_add_permission_async, error);
}

/* Route 14 */

static void
user_migrated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  GError      *error = NULL;
  StewardUser *user = NULL;

  if (steward_client_call_finish (self, result, &reply, &error))
    {
      steward_client_learn_extension (self, STEWARD_EXTENSION_MIGRATE, NULL);
      user = steward_json_decode_user (reply, &error);
    }
  else if (steward_client_learn_extension (self, STEWARD_EXTENSION_MIGRATE, error))
    {
      g_clear_error (&error);
      error = new_unsupported_error (self, STEWARD_EXTENSION_MIGRATE);
    }

  return_user_or_error (task, user, error);
}

void
steward_client_migrate_user_async (StewardClient      *self,
                                   const char         *iamid,
                                   const char         *userid,
                                   const char         *target_iamid,
                                   const char         *target_userid,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (target_iamid != NULL && *target_iamid != '\0');
  g_return_if_fail (target_userid != NULL && *target_userid != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_migrate_user_async);

  if (known_missing (self, STEWARD_EXTENSION_MIGRATE))
    {
      g_task_return_error (task, new_unsupported_error (self, STEWARD_EXTENSION_MIGRATE));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "iamid");
  json_builder_add_string_value (builder, target_iamid);
  json_builder_set_member_name (builder, "userid");
  json_builder_add_string_value (builder, target_userid);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = steward_client_user_path (iamid, userid, "migrate", NULL);
  steward_client_call_async (self, "POST", path, body, STEWARD_CALL_DEFAULT, cancellable,
                             user_migrated_cb, g_steal_pointer (&task));
}

StewardUser *
steward_client_migrate_user_finish (StewardClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_migrate_user_async, error);
}

/* Route 16 */

static void
interactions_posted_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;
  guint64 accepted;

  if (steward_client_call_finish (self, result, &reply, &error))
    {
      steward_client_learn_extension (self, STEWARD_EXTENSION_INTERACTIONS, NULL);
      if (steward_json_decode_count (reply, "accepted", &accepted, &error))
        {
          g_task_return_pointer (task, g_memdup2 (&accepted, sizeof accepted), g_free);
          return;
        }
    }
  else if (steward_client_learn_extension (self, STEWARD_EXTENSION_INTERACTIONS, error))
    {
      g_clear_error (&error);
      error = new_unsupported_error (self, STEWARD_EXTENSION_INTERACTIONS);
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

void
steward_client_post_interactions_async (StewardClient      *self,
                                        GHashTable         *counts,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) body = NULL;
  GHashTableIter iter;
  gpointer       control;
  gpointer       count;

  CHECK_CALL (self, cancellable);
  g_return_if_fail (counts != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_post_interactions_async);

  if (known_missing (self, STEWARD_EXTENSION_INTERACTIONS))
    {
      g_task_return_error (task, new_unsupported_error (self, STEWARD_EXTENSION_INTERACTIONS));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &control, &count))
    {
      json_builder_set_member_name (builder, control);
      json_builder_add_int_value (builder, GPOINTER_TO_UINT (count));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  steward_client_call_async (self, "POST", "/bim/metrics/interactions", body, STEWARD_CALL_DEFAULT, cancellable,
                             interactions_posted_cb, g_steal_pointer (&task));
}

/* @accepted: how many counts the server kept. */
gboolean
steward_client_post_interactions_finish (StewardClient *self,
                                         GAsyncResult  *result,
                                         guint64       *accepted,
                                         GError       **error)
{
  return steward_client_count_finish (self, result, steward_client_post_interactions_async, accepted, error);
}
