/* steward-json-codec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-json-codec.h"
#include "steward-user-private.h"
#include "steward-api-error-private.h"
#include "steward-iam.h"
#include "steward-json-private.h"
#include "steward-metrics-private.h"
#include "steward-permission-info.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef gpointer (*DecodeItemFunc) (JsonNode *node,
                                    GError  **error);

static gboolean
fail (GError    **error,
      const char *detail)
{
  g_propagate_error (error, steward_api_error_new_malformed (detail));
  return FALSE;
}

/* Ids are numbers on some servers and strings on others; both read as text. */
static gboolean
read_id_text (JsonObject *object,
              const char *member,
              char      **out,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64    number;

  *out = NULL;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return steward_json_read_string (object, member, out, error);

  if (!steward_json_read_int (object, member, &number, error))
    return FALSE;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  return TRUE;
}

static gboolean
read_required_string (JsonObject *object,
                      const char *member,
                      char      **out,
                      GError    **error)
{
  g_autofree char *detail = NULL;

  if (!steward_json_read_string (object, member, out, error))
    return FALSE;

  if (*out != NULL && **out != '\0')
    return TRUE;

  g_clear_pointer (out, g_free);
  detail = g_strdup_printf (_ ("“%s” is missing"), member);
  return fail (error, detail);
}

gboolean
steward_json_decode_error_body (JsonNode *node,
                                char    **message,
                                char    **field,
                                char    **field_code)
{
  JsonObject *object;
  JsonArray  *validation = NULL;
  gint64      status_code = 0;
  gboolean    has_status;

  *message = NULL;
  *field = NULL;
  *field_code = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);

  /* A body that breaks the rules here is still an error reply; what cannot
   * be read is simply not shown. */
  has_status = json_object_has_member (object, "statusCode") && steward_json_read_int (object, "statusCode", &status_code, NULL) && status_code > 0;
  if (!steward_json_read_string (object, "message", message, NULL))
    *message = NULL;

  if (steward_json_read_array (object, "validation", &validation, NULL) && validation != NULL && json_array_get_length (validation) > 0)
    {
      JsonNode *first = json_array_get_element (validation, 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        {
          JsonObject *entry = json_node_get_object (first);

          if (!steward_json_read_string (entry, "field", field, NULL))
            *field = NULL;
          if (!steward_json_read_string (entry, "code", field_code, NULL))
            *field_code = NULL;
        }
    }

  return has_status && (*message != NULL || json_object_has_member (object, "error"));
}

char *
steward_json_decode_token (JsonNode *node,
                           GError  **error)
{
  JsonObject *object = steward_json_expect_object (node, "authentication", error);
  gboolean    authenticated;
  char       *token = NULL;

  if (object == NULL)
    return NULL;

  if (!read_required_string (object, "token", &token, error))
    return NULL;

  /* Servers that omit "authenticated" still mean it when they send a token. */
  if (json_object_has_member (object, "authenticated") && (!steward_json_read_boolean (object, "authenticated", &authenticated, error) || !authenticated))
    {
      g_free (token);
      if (error != NULL && *error == NULL)
        fail (error, _ ("the server sent a token but says the key is not authenticated"));
      return NULL;
    }

  return token;
}

StewardUser *
steward_json_decode_user (JsonNode *node,
                          GError  **error)
{
  g_autofree char *iamid = NULL;
  g_autofree char *userid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *sql_user = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *position = NULL;
  g_autofree char *organization = NULL;
  g_auto (GStrv) permissions = NULL;
  g_auto (GStrv) group_permissions = NULL;
  g_autoptr (GDateTime) last_login = NULL;
  g_autoptr (GDateTime) created_at = NULL;
  g_autoptr (GDateTime) updated_at = NULL;
  JsonObject *object;
  JsonObject *profile = NULL;
  gint64      id = 0;
  gboolean    disabled = FALSE;
  gboolean    system_generated = FALSE;

  object = steward_json_expect_object (node, "user", error);
  if (object == NULL)
    return NULL;

  if (!steward_json_read_int (object, "id", &id, error) || !read_required_string (object, "iamid", &iamid, error) || !read_required_string (object, "userid", &userid, error) || !steward_json_read_strv (object, "permissions", &permissions, error) || !steward_json_read_strv (object, "groupPermissions", &group_permissions, error) || !steward_json_read_boolean (object, "disabled", &disabled, error) || !steward_json_read_boolean (object, "systemGenerated", &system_generated, error) || !steward_json_read_date_time (object, "lastLogin", &last_login, error) || !steward_json_read_date_time (object, "createdAt", &created_at, error) || !steward_json_read_date_time (object, "updatedAt", &updated_at, error) || !steward_json_read_object (object, "profile", &profile, error))
    return NULL;

  if (profile != NULL && (!steward_json_read_string (profile, "name", &name, error) || !steward_json_read_string (profile, "email", &email, error) || !steward_json_read_string (profile, "sqlUser", &sql_user, error) || !steward_json_read_string (profile, "phone", &phone, error) || !steward_json_read_string (profile, "position", &position, error) || !steward_json_read_string (profile, "organization", &organization, error)))
    return NULL;

  {
    StewardUserFields fields = {
      .id = id,
      .iamid = g_steal_pointer (&iamid),
      .userid = g_steal_pointer (&userid),
      .name = g_steal_pointer (&name),
      .email = g_steal_pointer (&email),
      .sql_user = g_steal_pointer (&sql_user),
      .phone = g_steal_pointer (&phone),
      .position = g_steal_pointer (&position),
      .organization = g_steal_pointer (&organization),
      .permissions = g_steal_pointer (&permissions),
      .group_permissions = g_steal_pointer (&group_permissions),
      .disabled = disabled,
      .system_generated = system_generated,
      .last_login = g_steal_pointer (&last_login),
      .created_at = g_steal_pointer (&created_at),
      .updated_at = g_steal_pointer (&updated_at),
    };

    return steward_user_new_take_fields (&fields);
  }
}

StewardUser *
steward_json_decode_new_user (JsonNode *node,
                              GError  **error)
{
  JsonObject *object = steward_json_expect_object (node, "reply", error);

  if (object == NULL)
    return NULL;

  return steward_json_decode_user (json_object_get_member (object, "newUser"), error);
}

/* Fills a list store of @item_type from the elements of @array. */
static GListStore *
decode_items (JsonArray     *array,
              GType          item_type,
              DecodeItemFunc decode_item,
              GError       **error)
{
  g_autoptr (GListStore) store = g_list_store_new (item_type);
  guint length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      g_autoptr (GObject) item = decode_item (json_array_get_element (array, i), error);

      if (item == NULL)
        return NULL;

      g_list_store_append (store, item);
    }

  return g_steal_pointer (&store);
}

static StewardPageResult *
decode_page (JsonNode      *node,
             GType          item_type,
             DecodeItemFunc decode_item,
             GError       **error)
{
  g_autoptr (GListStore) items = NULL;
  JsonObject *object;
  JsonArray  *hits;
  JsonNode   *count_node;
  gint64      count;

  object = steward_json_expect_object (node, "page", error);
  if (object == NULL)
    return NULL;

  if (!steward_json_read_array (object, "hits", &hits, error) || !steward_json_read_int (object, "count", &count, error))
    return NULL;

  if (count < 0)
    {
      fail (error, _ ("“count” is negative"));
      return NULL;
    }

  items = decode_items (hits, item_type, decode_item, error);
  if (items == NULL)
    return NULL;

  /* A server that leaves out the total still told us about this page. */
  count_node = json_object_get_member (object, "count");
  if (count_node == NULL || JSON_NODE_HOLDS_NULL (count_node))
    count = g_list_model_get_n_items (G_LIST_MODEL (items));

  return steward_page_result_new (G_LIST_MODEL (items), (guint64) count);
}

StewardPageResult *
steward_json_decode_user_page (JsonNode *node,
                               GError  **error)
{
  return decode_page (node, STEWARD_TYPE_USER, (DecodeItemFunc) steward_json_decode_user, error);
}

static gpointer
decode_iam (JsonNode *node,
            GError  **error)
{
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *type = NULL;
  JsonObject      *object;
  gboolean         oauth;

  object = steward_json_expect_object (node, "iam", error);
  if (object == NULL)
    return NULL;

  if (!read_required_string (object, "id", &id, error) || !steward_json_read_string (object, "displayName", &display_name, error) || !steward_json_read_string (object, "type", &type, error) || !steward_json_read_boolean (object, "oauth", &oauth, error))
    return NULL;

  return steward_iam_new (id, display_name, type, oauth);
}

GListModel *
steward_json_decode_iams (JsonNode *node,
                          GError  **error)
{
  JsonArray *array = steward_json_expect_array (node, "identity managers", error);

  if (array == NULL)
    return NULL;

  return G_LIST_MODEL (decode_items (array, STEWARD_TYPE_IAM, decode_iam, error));
}

static gpointer
decode_permission (JsonNode *node,
                   GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  JsonObject      *object;
  gboolean         builtin;

  object = steward_json_expect_object (node, "permission", error);
  if (object == NULL)
    return NULL;

  if (!read_required_string (object, "name", &name, error) || !steward_json_read_string (object, "description", &description, error) || !steward_json_read_boolean (object, "builtin", &builtin, error))
    return NULL;

  return steward_permission_info_new (name, description, builtin);
}

GListModel *
steward_json_decode_permissions (JsonNode *node,
                                 GError  **error)
{
  JsonArray *array = steward_json_expect_array (node, "permissions", error);

  if (array == NULL)
    return NULL;

  return G_LIST_MODEL (decode_items (array, STEWARD_TYPE_PERMISSION_INFO, decode_permission, error));
}

StewardMetrics *
steward_json_decode_metrics (JsonNode *node,
                             GError  **error)
{
  return steward_metrics_new_from_document (node, error);
}

/* {"iamid", "userid"} of an audit record's actor or target. */
static gboolean
read_party (JsonObject *record,
            const char *member,
            char      **iamid,
            char      **userid,
            GError    **error)
{
  JsonObject *party;

  *iamid = NULL;
  *userid = NULL;

  if (!steward_json_read_object (record, member, &party, error))
    return FALSE;

  return party == NULL || (steward_json_read_string (party, "iamid", iamid, error) && steward_json_read_string (party, "userid", userid, error));
}

StewardAuditRecord *
steward_json_decode_audit_record (JsonNode *node,
                                  GError  **error)
{
  g_autofree char *id = NULL;
  g_autofree char *record_type = NULL;
  g_autofree char *actor_iamid = NULL;
  g_autofree char *actor_userid = NULL;
  g_autofree char *target_iamid = NULL;
  g_autofree char *target_userid = NULL;
  g_autoptr (GDateTime) date_time = NULL;
  JsonObject *object;
  JsonNode   *details;
  gboolean    success;

  object = steward_json_expect_object (node, "audit record", error);
  if (object == NULL)
    return NULL;

  if (!read_id_text (object, "id", &id, error) || !steward_json_read_date_time (object, "dateTime", &date_time, error) || !steward_json_read_string (object, "recordType", &record_type, error) || !read_party (object, "actor", &actor_iamid, &actor_userid, error) || !read_party (object, "target", &target_iamid, &target_userid, error) || !steward_json_read_boolean (object, "success", &success, error))
    return NULL;

  details = json_object_get_member (object, "details");
  if (details != NULL && JSON_NODE_HOLDS_NULL (details))
    details = NULL;

  return g_object_new (STEWARD_TYPE_AUDIT_RECORD,
                       "id", id,
                       "date-time", date_time,
                       "record-type", record_type,
                       "actor-iamid", actor_iamid,
                       "actor-userid", actor_userid,
                       "target-iamid", target_iamid,
                       "target-userid", target_userid,
                       "success", success,
                       "details", details,
                       NULL);
}

StewardPageResult *
steward_json_decode_audit_page (JsonNode *node,
                                GError  **error)
{
  return decode_page (node, STEWARD_TYPE_AUDIT_RECORD, (DecodeItemFunc) steward_json_decode_audit_record, error);
}

StewardConnectionInfo *
steward_json_decode_connection_info (JsonNode *node,
                                     GError  **error)
{
  g_autofree char *sql_user = NULL;
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  g_autofree char *ssl_mode = NULL;
  g_autofree char *connection_string = NULL;
  JsonObject      *object;
  gint64           port;

  object = steward_json_expect_object (node, "connection", error);
  if (object == NULL)
    return NULL;

  if (!steward_json_read_string (object, "sqlUser", &sql_user, error) || !steward_json_read_string (object, "host", &host, error) || !steward_json_read_int (object, "port", &port, error) || !steward_json_read_string (object, "database", &database, error) || !steward_json_read_string (object, "sslMode", &ssl_mode, error) || !steward_json_read_string (object, "connectionString", &connection_string, error))
    return NULL;

  if (port < 0 || port > G_MAXUINT16)
    {
      fail (error, _ ("“port” is not a port number"));
      return NULL;
    }

  return g_object_new (STEWARD_TYPE_CONNECTION_INFO,
                       "sql-user", sql_user,
                       "host", host,
                       "port", (guint) port,
                       "database", database,
                       "ssl-mode", ssl_mode,
                       "connection-string", connection_string,
                       NULL);
}

StewardApiKey *
steward_json_decode_api_key (JsonNode *node,
                             GError  **error)
{
  g_autofree char *key = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *name = NULL;
  StewardApiKey   *api_key;
  JsonObject      *object;

  object = steward_json_expect_object (node, "API key", error);
  if (object == NULL)
    return NULL;

  if (!read_required_string (object, "apikey", &key, error) || !read_id_text (object, "keyid", &key_id, error) || !steward_json_read_string (object, "name", &name, error))
    return NULL;

  api_key = g_object_new (STEWARD_TYPE_API_KEY, "key", key, "key-id", key_id, "name", name, NULL);

  /* Only the object keeps the secret now. */
  memset (key, 0, strlen (key));

  return api_key;
}

gboolean
steward_json_decode_count (JsonNode   *node,
                           const char *member,
                           guint64    *count,
                           GError    **error)
{
  g_autofree char *detail = NULL;
  JsonObject      *object;
  gint64           value;

  *count = 0;
  object = steward_json_expect_object (node, "reply", error);
  if (object == NULL || !steward_json_read_int (object, member, &value, error))
    return FALSE;

  if (value < 0)
    {
      detail = g_strdup_printf (_ ("“%s” is negative"), member);
      return fail (error, detail);
    }

  *count = (guint64) value;
  return TRUE;
}

gboolean
steward_json_decode_deleted (JsonNode *node,
                             GError  **error)
{
  JsonObject *object = steward_json_expect_object (node, "reply", error);
  gboolean    deleted;

  if (object == NULL || !steward_json_read_boolean (object, "deleted", &deleted, error))
    return FALSE;

  if (!deleted)
    return fail (error, _ ("the server says nothing was deleted"));

  return TRUE;
}
