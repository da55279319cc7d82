/* steward-routes-auth.c
 *
 * Routes 1, 2 and 18 of API.md, and the caller's query-engine connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-routes.h"
#include "steward-server-json.h"
#include "steward-time.h"

#define API_KEY_NAME_MAX_CHARS 100
#define QUERY_ENGINE_PORT 5432
#define QUERY_ENGINE_DATABASE "immuta"

void
steward_route_authenticate (StewardRequest *request)
{
  g_autoptr (JsonNode) body = steward_request_body (request, JSON_NODE_OBJECT);
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  JsonObject      *reply;
  const char      *api_key;
  gint64           user_id = 0;

  /* Signing in changes no listing but the order by last login: the app's
   * first page after it is then read from the listing already in memory. */
  steward_store_note_only_sign_ins (request->store);
  if (body == NULL)
    return;
  if (!steward_request_member_string (request, json_node_get_object (body), "apikey", "apikey", &api_key))
    return;
  if (api_key == NULL || *api_key == '\0')
    {
      steward_request_fail_field (request, "apikey", "required", _ ("An API key is required"));
      return;
    }

  token = steward_store_exchange_api_key (request->store, api_key,
                                          request->settings->token_ttl_seconds,
                                          &user_id, &error);
  if (error != NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  if (token == NULL)
    {
      /* Failed sign-ins belong in the audit log too. */
      request->commit_on_error = TRUE;
      steward_request_audit (request, "apiKeyAuthenticated", NULL, FALSE, NULL);
      steward_request_fail (request, SOUP_STATUS_UNAUTHORIZED,
                            _ ("The API key was not accepted: it is wrong, was revoked, or its account is disabled"));
      return;
    }

  request->caller = steward_store_get_user (request->store, user_id, &error);
  if (request->caller == NULL || !steward_store_set_last_login (request->store, user_id, steward_now_ms (), &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  if (!steward_request_audit (request, "apiKeyAuthenticated", request->caller, TRUE, NULL))
    return;

  reply = json_object_new ();
  json_object_set_boolean_member (reply, "authenticated", TRUE);
  json_object_set_string_member (reply, "token", token);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

void
steward_route_current_user (StewardRequest *request)
{
  steward_route_send_user (request, request->caller);
}

void
steward_route_create_api_key (StewardRequest *request)
{
  g_autoptr (JsonNode) body = steward_request_body (request, JSON_NODE_OBJECT);
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  JsonObject      *details;
  JsonObject      *reply;
  const char      *name;
  gint64           key_id = 0;

  if (body == NULL)
    return;
  if (!steward_request_member_string (request, json_node_get_object (body), "name", "name", &name))
    return;
  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > API_KEY_NAME_MAX_CHARS)
    {
      steward_request_fail_field (request, "name", "range",
                                  _ ("Give the API key a name of 1 to %d characters"),
                                  API_KEY_NAME_MAX_CHARS);
      return;
    }

  key = steward_store_create_api_key (request->store, request->caller->id, name, &key_id, &error);
  if (key == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  details = json_object_new ();
  json_object_set_int_member (details, "keyid", key_id);
  json_object_set_string_member (details, "name", name);
  if (!steward_request_audit (request, "apiKeyCreated", request->caller, TRUE, details))
    return;

  reply = json_object_new ();
  json_object_set_string_member (reply, "apikey", key);
  json_object_set_int_member (reply, "keyid", key_id);
  json_object_set_string_member (reply, "name", name);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

void
steward_route_revoke_api_key (StewardRequest *request)
{
  g_autoptr (GError) error = NULL;
  const char *key_text = steward_request_param (request, 0);
  JsonObject *details;
  JsonObject *reply;
  guint64     key_id;
  gint64      owner;
  gint64      revoked;

  if (!g_ascii_string_to_unsigned (key_text, 10, 1, G_MAXINT64, &key_id, NULL))
    {
      steward_request_fail_field (request, "keyid", "format", _ ("An API key id is a positive whole number"));
      return;
    }

  owner = steward_store_get_api_key_owner (request->store, (gint64) key_id, &error);
  if (owner < 0)
    {
      steward_request_fail_error (request, error);
      return;
    }

  /* Administrators may revoke anyone's key; others only their own. Not
   * telling others whether a key exists keeps ids from being probed. */
  if (owner != request->caller->id && !steward_request_caller_has (request, "USER_ADMIN") && !steward_request_caller_has (request, "APPLICATION_ADMIN"))
    owner = 0;

  if (owner == 0)
    {
      steward_request_fail (request, SOUP_STATUS_NOT_FOUND,
                            _ ("You have no API key with id %llu"), (unsigned long long) key_id);
      return;
    }

  revoked = steward_store_revoke_api_key (request->store, (gint64) key_id, &error);
  if (revoked < 0)
    {
      steward_request_fail_error (request, error);
      return;
    }

  details = json_object_new ();
  json_object_set_int_member (details, "keyid", (gint64) key_id);
  json_object_set_int_member (details, "revokedTokens", revoked);
  if (!steward_request_audit (request, "apiKeyRevoked", request->caller, TRUE, details))
    return;

  reply = json_object_new ();
  json_object_set_int_member (reply, "revokedTokens", revoked);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

void
steward_route_connection_info (StewardRequest *request)
{
  const char *sql_user = request->caller->sql_user;
  const char *host = request->settings->query_engine_host;
  JsonObject *reply = json_object_new ();

  if (sql_user != NULL)
    {
      g_autofree char *connection = g_strdup_printf ("postgresql://%s@%s:%d/%s?sslmode=require",
                                                     sql_user, host, QUERY_ENGINE_PORT,
                                                     QUERY_ENGINE_DATABASE);

      json_object_set_string_member (reply, "sqlUser", sql_user);
      json_object_set_string_member (reply, "connectionString", connection);
    }
  else
    {
      /* No SQL credentials yet: the details are still useful, the
       * connection string is not. */
      json_object_set_null_member (reply, "sqlUser");
      json_object_set_null_member (reply, "connectionString");
    }

  json_object_set_string_member (reply, "host", host);
  json_object_set_int_member (reply, "port", QUERY_ENGINE_PORT);
  json_object_set_string_member (reply, "database", QUERY_ENGINE_DATABASE);
  json_object_set_string_member (reply, "sslMode", "require");
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}
