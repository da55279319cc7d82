/* steward-client-routes.c
 *
 * The core routes of API.md, each a thin async/finish pair over the
 * request machinery of steward-client.c. The extension routes and their
 * fallbacks are in steward-client-fallbacks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-json-codec.h"

#define CONNECTION_INFO_PATH "/dataSource/featureStore/connection"

/* Route 1 (authenticate) lives with the token handling in steward-client.c. */

/* Route 2 */

void
steward_client_get_current_user_async (StewardClient      *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  CHECK_CALL (self, cancellable);

  steward_client_call_for_object (self, "GET", "/bim/rpc/user/current", NULL,
                                  (StewardDecodeFunc) steward_json_decode_user,
                                  steward_client_get_current_user_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_get_current_user_finish (StewardClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_get_current_user_async, error);
}

/* Route 3 */

void
steward_client_list_iams_async (StewardClient      *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  CHECK_CALL (self, cancellable);

  steward_client_call_for_object (self, "GET", "/bim/iam", NULL,
                                  (StewardDecodeFunc) steward_json_decode_iams,
                                  steward_client_list_iams_async,
                                  cancellable, callback, user_data);
}

GListModel *
steward_client_list_iams_finish (StewardClient *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_list_iams_async, error);
}

/* Route 4 */

void
steward_client_list_users_async (StewardClient          *self,
                                 const StewardUserQuery *query,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr (StewardUserQuery) first_page = NULL;
  g_autofree char *query_string = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);

  if (query == NULL)
    query = first_page = steward_user_query_new ();

  query_string = steward_user_query_to_string (query);
  path = g_strconcat ("/bim/user?", query_string, NULL);

  steward_client_call_for_object (self, "GET", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_user_page,
                                  steward_client_list_users_async,
                                  cancellable, callback, user_data);
}

StewardPageResult *
steward_client_list_users_finish (StewardClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_list_users_async, error);
}

/* Route 5 */

static void
add_string_array (JsonBuilder       *builder,
                  const char *const *strings)
{
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

void
steward_client_create_user_async (StewardClient      *self,
                                  const char         *email,
                                  const char         *name,
                                  const char *const  *permissions,
                                  const char         *password,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

  CHECK_CALL (self, cancellable);
  g_return_if_fail (email != NULL);
  g_return_if_fail (name != NULL);

  /* For the built-in IAM the e-mail address is the userid. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "userid");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_end_object (builder);
  if (permissions != NULL)
    {
      json_builder_set_member_name (builder, "permissions");
      add_string_array (builder, permissions);
    }
  if (password != NULL)
    {
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, password);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  steward_client_call_for_object (self, "POST", "/bim/iam/bim/user", body,
                                  (StewardDecodeFunc) steward_json_decode_new_user,
                                  steward_client_create_user_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_create_user_finish (StewardClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_create_user_async, error);
}

/* Route 6 */

void
steward_client_get_user_async (StewardClient      *self,
                               const char         *iamid,
                               const char         *userid,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);

  path = steward_client_user_path (iamid, userid, NULL);
  steward_client_call_for_object (self, "GET", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_user,
                                  steward_client_get_user_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_get_user_finish (StewardClient *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_get_user_async, error);
}

/* Route 7, then route 6 */

typedef struct
{
  char *iamid;
  char *userid;
} UserRef;

static void
user_ref_free (gpointer data)
{
  UserRef *ref = data;

  g_free (ref->iamid);
  g_free (ref->userid);
  g_free (ref);
}

static void
updated_user_fetched_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  user = steward_client_get_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, user, g_object_unref);
}

static void
profile_updated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  UserRef      *ref = g_task_get_task_data (task);
  GCancellable *cancellable;

  if (!steward_client_call_finish (STEWARD_CLIENT (source), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Route 7 answers with the profile alone; callers want the whole user.
   * The cancellable is read before the task is handed on. */
  cancellable = g_task_get_cancellable (task);
  steward_client_get_user_async (STEWARD_CLIENT (source), ref->iamid, ref->userid, cancellable,
                                 updated_user_fetched_cb, g_steal_pointer (&task));
}

void
steward_client_update_profile_async (StewardClient              *self,
                                     const char                 *iamid,
                                     const char                 *userid,
                                     const StewardProfileUpdate *update,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;
  UserRef         *ref;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (update != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_update_profile_async);
  ref = g_new0 (UserRef, 1);
  ref->iamid = g_strdup (iamid);
  ref->userid = g_strdup (userid);
  g_task_set_task_data (task, ref, user_ref_free);

  path = steward_client_user_path (iamid, userid, "profile", NULL);
  body = steward_profile_update_to_json (update);
  steward_client_call_async (self, "PUT", path, body, STEWARD_CALL_DEFAULT, cancellable,
                             profile_updated_cb, g_steal_pointer (&task));
}

StewardUser *
steward_client_update_profile_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_update_profile_async, error);
}

/* Route 8 */

void
steward_client_set_permissions_async (StewardClient      *self,
                                      const char         *iamid,
                                      const char         *userid,
                                      const char *const  *permissions,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);

  add_string_array (builder, permissions);
  body = json_builder_get_root (builder);
  path = steward_client_user_path (iamid, userid, "permissions", NULL);

  steward_client_call_for_object (self, "PUT", path, body,
                                  (StewardDecodeFunc) steward_json_decode_user,
                                  steward_client_set_permissions_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_set_permissions_finish (StewardClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_set_permissions_async, error);
}

/* Route 9 */

void
steward_client_remove_permission_async (StewardClient      *self,
                                        const char         *iamid,
                                        const char         *userid,
                                        const char         *permission,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (permission != NULL && *permission != '\0');

  path = steward_client_user_path (iamid, userid, "permissions", permission, NULL);
  steward_client_call_for_object (self, "DELETE", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_user,
                                  steward_client_remove_permission_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_remove_permission_finish (StewardClient *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_remove_permission_async, error);
}

/* Route 10 */

void
steward_client_set_disabled_async (StewardClient      *self,
                                   const char         *iamid,
                                   const char         *userid,
                                   gboolean            disabled,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);

  path = steward_client_user_path (iamid, userid, "disable", disabled ? "true" : "false", NULL);
  steward_client_call_for_object (self, "PUT", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_user,
                                  steward_client_set_disabled_async,
                                  cancellable, callback, user_data);
}

StewardUser *
steward_client_set_disabled_finish (StewardClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_set_disabled_async, error);
}

/* Route 11 */

static void
user_deleted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;

  if (!steward_client_call_finish (STEWARD_CLIENT (source), result, &reply, &error) || !steward_json_decode_deleted (reply, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
steward_client_delete_user_async (StewardClient      *self,
                                  const char         *iamid,
                                  const char         *userid,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_delete_user_async);

  path = steward_client_user_path (iamid, userid, NULL);
  steward_client_call_async (self, "DELETE", path, NULL, STEWARD_CALL_DEFAULT, cancellable,
                             user_deleted_cb, g_steal_pointer (&task));
}

gboolean
steward_client_delete_user_finish (StewardClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_client_delete_user_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Route 17 */

void
steward_client_list_audit_async (StewardClient           *self,
                                 const StewardAuditQuery *query,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr (StewardAuditQuery) first_page = NULL;
  g_autofree char *query_string = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);

  if (query == NULL)
    query = first_page = steward_audit_query_new ();

  query_string = steward_audit_query_to_string (query);
  path = g_strconcat ("/audit?", query_string, NULL);

  steward_client_call_for_object (self, "GET", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_audit_page,
                                  steward_client_list_audit_async,
                                  cancellable, callback, user_data);
}

StewardPageResult *
steward_client_list_audit_finish (StewardClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_list_audit_async, error);
}

/* Route 18 */

void
steward_client_create_api_key_async (StewardClient      *self,
                                     const char         *name,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

  CHECK_CALL (self, cancellable);
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  steward_client_call_for_object (self, "POST", "/bim/apikey", body,
                                  (StewardDecodeFunc) steward_json_decode_api_key,
                                  steward_client_create_api_key_async,
                                  cancellable, callback, user_data);
}

StewardApiKey *
steward_client_create_api_key_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_create_api_key_async, error);
}

void
steward_client_revoke_api_key_async (StewardClient      *self,
                                     const char         *key_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  CHECK_CALL (self, cancellable);
  g_return_if_fail (key_id != NULL && *key_id != '\0');

  escaped = g_uri_escape_string (key_id, NULL, FALSE);
  path = g_strconcat ("/bim/apikey/", escaped, NULL);
  steward_client_call_for_count (self, "DELETE", path, NULL, "revokedTokens",
                                 steward_client_revoke_api_key_async,
                                 cancellable, callback, user_data);
}

/* @revoked_tokens: how many tokens of the key stopped working. */
gboolean
steward_client_revoke_api_key_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      guint64       *revoked_tokens,
                                      GError       **error)
{
  return steward_client_count_finish (self, result, steward_client_revoke_api_key_async, revoked_tokens, error);
}

/* Connection information for impersonation */

void
steward_client_get_connection_info_async (StewardClient      *self,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data)
{
  CHECK_CALL (self, cancellable);

  steward_client_call_for_object (self, "GET", CONNECTION_INFO_PATH, NULL,
                                  (StewardDecodeFunc) steward_json_decode_connection_info,
                                  steward_client_get_connection_info_async,
                                  cancellable, callback, user_data);
}

StewardConnectionInfo *
steward_client_get_connection_info_finish (StewardClient *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return steward_client_object_finish (self, result, steward_client_get_connection_info_async, error);
}
