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

  steward_client_call_for_result (self, "GET", "/bim/rpc/user/current", NULL,
                                  (StewardDecodeFunc) steward_json_decode_user, g_object_unref,
                                  steward_client_get_current_user_async,
                                  cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_get_current_user)

/* Route 3 */

void
steward_client_list_iams_async (StewardClient      *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  CHECK_CALL (self, cancellable);

  steward_client_call_for_result (self, "GET", "/bim/iam", NULL,
                                  (StewardDecodeFunc) steward_json_decode_iams, g_object_unref,
                                  steward_client_list_iams_async,
                                  cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (GListModel, steward_client_list_iams)

/* Routes 4 and 17: a page of @route, asked for with @query_string
 * (taken). A NULL query of the public functions is the first page. */
static void
call_for_page (StewardClient      *self,
               const char         *route,
               char               *query_string,
               StewardDecodeFunc   decode,
               gpointer            source_tag,
               GCancellable       *cancellable,
               GAsyncReadyCallback callback,
               gpointer            user_data)
{
  g_autofree char *owned_query_string = query_string;
  g_autofree char *path = g_strconcat (route, "?", query_string, NULL);

  steward_client_call_for_result (self, "GET", path, NULL, decode, g_object_unref, source_tag,
                                  cancellable, callback, user_data);
}

/* Route 4 */

void
steward_client_list_users_async (StewardClient          *self,
                                 const StewardUserQuery *query,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr (StewardUserQuery) first_page = steward_user_query_new ();

  CHECK_CALL (self, cancellable);

  call_for_page (self, "/bim/user", steward_user_query_to_string (query != NULL ? query : first_page),
                 (StewardDecodeFunc) steward_json_decode_user_page, steward_client_list_users_async,
                 cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardPageResult, steward_client_list_users)

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

  /* The password goes to the server, never into the change. */
  steward_client_write_request (self, steward_change_new (STEWARD_CHANGE_CREATE, "bim", email, name),
                                "POST", "/bim/iam/bim/user", body,
                                (StewardDecodeFunc) steward_json_decode_new_user,
                                steward_client_create_user_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_create_user)

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
  steward_client_call_for_result (self, "GET", path, NULL,
                                  (StewardDecodeFunc) steward_json_decode_user, g_object_unref,
                                  steward_client_get_user_async,
                                  cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_get_user)

/* Route 7, then route 6 */

typedef struct
{
  char     *iamid;
  char     *userid;
  JsonNode *body;
} ProfileWrite;

static void
profile_write_free (ProfileWrite *write)
{
  g_free (write->iamid);
  g_free (write->userid);
  g_clear_pointer (&write->body, json_node_unref);
  g_free (write);
}

static void
profile_updated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  StewardUserOperation *user = g_task_get_task_data (task);
  GCancellable         *cancellable;

  if (!steward_client_call_finish (STEWARD_CLIENT (source), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Route 7 answers with the profile alone; callers want the whole user.
   * The cancellable is read before the task is handed on. */
  cancellable = g_task_get_cancellable (task);
  steward_client_get_user_async (STEWARD_CLIENT (source), user->iamid, user->userid, cancellable,
                                 steward_client_forward_object_cb, g_steal_pointer (&task));
}

static void
send_profile (StewardClient      *self,
              gpointer            data,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  ProfileWrite *write = data;
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  g_task_set_source_tag (task, send_profile);
  steward_client_set_user_operation (task, write->iamid, write->userid);

  path = steward_client_user_path (write->iamid, write->userid, "profile", NULL);
  steward_client_call_async (self, "PUT", path, write->body, STEWARD_CALL_DEFAULT, cancellable,
                             profile_updated_cb, g_steal_pointer (&task));
}

/* "email, phone": the fields @body sets. */
static char *
profile_fields (JsonNode *body)
{
  g_autoptr (GList) members = json_object_get_members (json_node_get_object (body));
  g_autoptr (GString) fields = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (fields->len > 0)
        g_string_append (fields, ", ");
      g_string_append (fields, l->data);
    }

  return g_string_free (g_steal_pointer (&fields), FALSE);
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
  ProfileWrite    *write;
  g_autofree char *fields = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);
  g_return_if_fail (update != NULL);

  write = g_new0 (ProfileWrite, 1);
  write->iamid = g_strdup (iamid);
  write->userid = g_strdup (userid);
  write->body = steward_profile_update_to_json (update);
  fields = profile_fields (write->body);

  steward_client_write (self, steward_change_new (STEWARD_CHANGE_UPDATE_PROFILE, iamid, userid, fields),
                        send_profile, write, (GDestroyNotify) profile_write_free,
                        steward_client_update_profile_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_update_profile)

/* Route 8 */

static JsonNode *
permissions_body (const char *const *permissions)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  add_string_array (builder, permissions);
  return json_builder_get_root (builder);
}

void
steward_client_put_permissions_async (StewardClient      *self,
                                      const char         *iamid,
                                      const char         *userid,
                                      const char *const  *permissions,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr (JsonNode) body = permissions_body (permissions);
  g_autofree char *path = steward_client_user_path (iamid, userid, "permissions", NULL);

  steward_client_call_for_result (self, "PUT", path, body,
                                  (StewardDecodeFunc) steward_json_decode_user, g_object_unref,
                                  steward_client_put_permissions_async,
                                  cancellable, callback, user_data);
}

void
steward_client_set_permissions_async (StewardClient      *self,
                                      const char         *iamid,
                                      const char         *userid,
                                      const char *const  *permissions,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *joined = NULL;

  CHECK_CALL (self, cancellable);
  CHECK_USER (iamid, userid);

  body = permissions_body (permissions);
  path = steward_client_user_path (iamid, userid, "permissions", NULL);
  joined = permissions != NULL ? g_strjoinv (", ", (char **) permissions) : g_strdup ("");

  steward_client_write_request (self, steward_change_new (STEWARD_CHANGE_SET_PERMISSIONS, iamid, userid, joined),
                                "PUT", path, body, (StewardDecodeFunc) steward_json_decode_user,
                                steward_client_set_permissions_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_set_permissions)

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
  steward_client_write_request (self, steward_change_new (STEWARD_CHANGE_REMOVE, iamid, userid, permission),
                                "DELETE", path, NULL, (StewardDecodeFunc) steward_json_decode_user,
                                steward_client_remove_permission_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_remove_permission)

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
  steward_client_write_request (self,
                                steward_change_new (disabled ? STEWARD_CHANGE_DISABLE : STEWARD_CHANGE_ENABLE, iamid, userid, NULL),
                                "PUT", path, NULL, (StewardDecodeFunc) steward_json_decode_user,
                                steward_client_set_disabled_async, cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardUser, steward_client_set_disabled)

/* Route 11 */

/* A flag, as every write answers a pointer. */
static gpointer
decode_deleted (JsonNode *reply,
                GError  **error)
{
  return steward_json_decode_deleted (reply, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
steward_client_delete_user_async (StewardClient      *self,
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
  steward_client_write_request (self, steward_change_new (STEWARD_CHANGE_DELETE, iamid, userid, NULL),
                                "DELETE", path, NULL, decode_deleted,
                                steward_client_delete_user_async, cancellable, callback, user_data);
}

gboolean
steward_client_delete_user_finish (StewardClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return steward_client_boolean_finish (self, result, steward_client_delete_user_async, error);
}

/* Route 17 */

void
steward_client_list_audit_async (StewardClient           *self,
                                 const StewardAuditQuery *query,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr (StewardAuditQuery) first_page = steward_audit_query_new ();

  CHECK_CALL (self, cancellable);

  call_for_page (self, "/audit", steward_audit_query_to_string (query != NULL ? query : first_page),
                 (StewardDecodeFunc) steward_json_decode_audit_page, steward_client_list_audit_async,
                 cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardPageResult, steward_client_list_audit)

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

  steward_client_call_for_result (self, "POST", "/bim/apikey", body,
                                  (StewardDecodeFunc) steward_json_decode_api_key, g_object_unref,
                                  steward_client_create_api_key_async,
                                  cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardApiKey, steward_client_create_api_key)

static gpointer
decode_revoked_tokens (JsonNode *reply,
                       GError  **error)
{
  return steward_client_decode_boxed_count (reply, "revokedTokens", error);
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
  steward_client_call_for_result (self, "DELETE", path, NULL, decode_revoked_tokens, g_free,
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

  steward_client_call_for_result (self, "GET", CONNECTION_INFO_PATH, NULL,
                                  (StewardDecodeFunc) steward_json_decode_connection_info, g_object_unref,
                                  steward_client_get_connection_info_async,
                                  cancellable, callback, user_data);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardConnectionInfo, steward_client_get_connection_info)
