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
return_builtin_permissions (GTask *task)
{
  g_autoptr (GTask) owned = task;

  g_task_return_pointer (owned, builtin_permissions (), g_object_unref);
}

void
steward_client_list_permissions_async (StewardClient      *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  GTask *task;

  CHECK_CALL (self, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_list_permissions_async);

  steward_client_call_extension (task, STEWARD_EXTENSION_PERMISSION_LIST, "GET", "/bim/permissions", NULL,
                                 (StewardDecodeFunc) steward_json_decode_permissions, g_object_unref,
                                 return_builtin_permissions);
}

STEWARD_CLIENT_DEFINE_FINISH (GListModel, steward_client_list_permissions)

/* Route 13, or read-modify-write */

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
  GError               *error = NULL;
  StewardUserOperation *add = g_task_get_task_data (task);
  GCancellable         *cancellable;

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
  steward_client_put_permissions_async (self, add->iamid, add->userid, (const char *const *) permissions,
                                        cancellable, steward_client_forward_object_cb, g_steal_pointer (&task));
}

static void
first_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  GError               *error = NULL;
  StewardUserOperation *add = g_task_get_task_data (task);
  GCancellable         *cancellable;

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
  StewardClient        *self = g_task_get_source_object (task);
  StewardUserOperation *add = g_task_get_task_data (task);

  steward_client_get_user_async (self, add->iamid, add->userid, g_task_get_cancellable (task),
                                 first_read_cb, task);
}

static void
send_add_permission (StewardClient      *self,
                     gpointer            data,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  StewardChange        *change = data;
  const char           *iamid = steward_change_get_iamid (change);
  const char           *userid = steward_change_get_userid (change);
  g_autofree char      *path = NULL;
  GTask                *task;
  StewardUserOperation *add;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, send_add_permission);
  add = steward_client_set_user_operation (task, iamid, userid);
  add->permission = g_strdup (steward_change_get_detail (change));

  path = steward_client_user_path (iamid, userid, "permissions", add->permission, NULL);
  steward_client_call_extension (task, STEWARD_EXTENSION_ADD_PERMISSION, "PUT", path, NULL,
                                 (StewardDecodeFunc) steward_json_decode_user, g_object_unref,
                                 read_modify_write);
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
  StewardChange *change;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (permission != NULL && *permission != '\0');

  /* The request needs only what the change holds. */
  change = steward_change_new (STEWARD_CHANGE_GRANT, iamid, userid, permission);
  steward_client_write (self, change, send_add_permission, g_object_ref (change), g_object_unref,
                        steward_client_add_permission_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_add_permission)

/* Route 14 */

/* It cannot be done another way. */
static void
return_migrate_unsupported (GTask *task)
{
  g_autoptr (GTask) owned = task;

  g_task_return_new_error (owned, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED,
                           _ ("The server at %s cannot migrate users between identity managers."),
                           steward_client_get_host (g_task_get_source_object (owned)));
}

typedef struct
{
  char     *path;
  JsonNode *body;
} MigrateWrite;

static void
migrate_write_free (MigrateWrite *write)
{
  g_free (write->path);
  g_clear_pointer (&write->body, json_node_unref);
  g_free (write);
}

static void
send_migrate (StewardClient      *self,
              gpointer            data,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  MigrateWrite *write = data;
  GTask        *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, send_migrate);
  steward_client_call_extension (task, STEWARD_EXTENSION_MIGRATE, "POST", write->path, write->body,
                                 (StewardDecodeFunc) steward_json_decode_user, g_object_unref,
                                 return_migrate_unsupported);
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
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *target = NULL;
  MigrateWrite    *write;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (target_iamid != NULL && *target_iamid != '\0');
  g_return_if_fail (target_userid != NULL && *target_userid != '\0');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "iamid");
  json_builder_add_string_value (builder, target_iamid);
  json_builder_set_member_name (builder, "userid");
  json_builder_add_string_value (builder, target_userid);
  json_builder_end_object (builder);

  write = g_new0 (MigrateWrite, 1);
  write->body = json_builder_get_root (builder);
  write->path = steward_client_user_path (iamid, userid, "migrate", NULL);
  target = g_strdup_printf ("%s:%s", target_iamid, target_userid);

  steward_client_write (self, steward_change_new (STEWARD_CHANGE_MIGRATE, iamid, userid, target),
                        send_migrate, write, (GDestroyNotify) migrate_write_free,
                        steward_client_migrate_user_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_migrate_user)

/* Route 16 */

/* They are optional. */
static void
return_interactions_unsupported (GTask *task)
{
  g_autoptr (GTask) owned = task;

  g_task_return_new_error (owned, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED,
                           _ ("The server at %s does not collect usage statistics."),
                           steward_client_get_host (g_task_get_source_object (owned)));
}

static gpointer
decode_accepted (JsonNode *reply,
                 GError  **error)
{
  return steward_client_decode_boxed_count (reply, "accepted", error);
}

void
steward_client_post_interactions_async (StewardClient      *self,
                                        GHashTable         *counts,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  GTask         *task;
  GHashTableIter iter;
  gpointer       control;
  gpointer       count;

  CHECK_CALL (self, cancellable);
  g_return_if_fail (counts != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_post_interactions_async);

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

  steward_client_call_extension (task, STEWARD_EXTENSION_INTERACTIONS, "POST", "/bim/metrics/interactions", body,
                                 decode_accepted, g_free, return_interactions_unsupported);
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
