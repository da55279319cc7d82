/* steward-test-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-http.h"

#include "steward-test-assert.h"
#include "steward-test-json.h"

#include <string.h>

/* Long enough for a loaded two-core machine, short enough that a hung
 * server fails the test well before meson's timeout. */
#define REQUEST_TIMEOUT_SEC 20

/* SoupSession is not meant to be shared between threads; keep one per
 * thread and drop it when the thread ends. */
static GPrivate session_key = G_PRIVATE_INIT (g_object_unref);

static SoupSession *
thread_session (void)
{
  SoupSession *session = g_private_get (&session_key);

  if (session == NULL)
    {
      session = soup_session_new_with_options ("timeout", REQUEST_TIMEOUT_SEC,
                                               "idle-timeout", 5,
                                               NULL);
      g_private_set (&session_key, session);
    }

  return session;
}

static SoupMessage *
build_message (StewardTestServer *server,
               const char        *method,
               const char        *path,
               const char        *authorization,
               const char        *content_type,
               GBytes            *body)
{
  g_autofree char *uri = g_strconcat (server->base_url, path, NULL);
  SoupMessage     *message = soup_message_new (method, uri);

  if (message == NULL)
    return NULL;

  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "Authorization", authorization);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message,
                                              content_type != NULL ? content_type : "application/json",
                                              body);

  return message;
}

GBytes *
steward_test_http_send (StewardTestServer *server,
                        const char        *method,
                        const char        *path,
                        const char        *authorization,
                        const char        *content_type,
                        GBytes            *body,
                        guint             *out_status,
                        GError           **error)
{
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GBytes) reply = NULL;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  message = build_message (server, method, path, authorization, content_type, body);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "invalid path %s", path);
      return NULL;
    }

  reply = soup_session_send_and_read (thread_session (), message, NULL, error);
  if (reply == NULL)
    return NULL;

  if (out_status != NULL)
    *out_status = soup_message_get_status (message);

  return g_steal_pointer (&reply);
}

char *
steward_test_http_send_verbatim (StewardTestServer *server,
                                 const char        *request,
                                 guint             *out_status)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GByteArray) reply = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GInputStream    *input;
  guint8           buffer[4096];
  gssize           n_read;
  const char      *body;
  guint            status = 0;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  g_socket_client_set_timeout (client, REQUEST_TIMEOUT_SEC);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n_read = g_input_stream_read (input, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (reply, buffer, n_read);
  /* A reset after the reply is as good as an orderly close here. */
  g_clear_error (&error);

  text = g_strndup ((const char *) reply->data, reply->len);
  if (g_str_has_prefix (text, "HTTP/1.") && strlen (text) > 12)
    status = (guint) g_ascii_strtoull (text + 9, NULL, 10);
  if (out_status != NULL)
    *out_status = status;

  body = strstr (text, "\r\n\r\n");
  return g_strdup (body != NULL ? body + 4 : "");
}

static JsonNode *
request_bytes (StewardTestServer *server,
               const char        *method,
               const char        *path,
               const char        *authorization,
               GBytes            *body,
               guint             *out_status)
{
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *content_type;
  const char *data;
  gsize       length;

  message = build_message (server, method, path, authorization, NULL, body);
  g_assert_nonnull (message);

  reply = soup_session_send_and_read (thread_session (), message, NULL, &error);
  if (reply == NULL)
    {
      g_autofree char *shown = steward_test_printable (path, 300);

      g_test_message ("%s %s: no reply: %s", method, shown, error->message);
    }
  g_assert_no_error (error);

  data = g_bytes_get_data (reply, &length);
  if (length > 0)
    json_parser_load_from_data (parser, data, length, &error);
  if (length == 0 || error != NULL)
    {
      g_autofree char *shown_path = steward_test_printable (path, 300);
      g_autofree char *head = g_strndup (data, MIN (length, 600));
      g_autofree char *shown_body = steward_test_printable (head, 600);

      g_test_message ("%s %s: status %u, body is not JSON: \"%s\"", method, shown_path,
                      soup_message_get_status (message), shown_body);
    }
  g_assert_cmpuint (length, >, 0);
  g_assert_no_error (error);

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);
  g_assert_cmpstr (content_type, ==, "application/json");

  if (out_status != NULL)
    *out_status = soup_message_get_status (message);

  return json_parser_steal_root (parser);
}

JsonNode *
steward_test_http_request_with_header (StewardTestServer *server,
                                       const char        *method,
                                       const char        *path,
                                       const char        *authorization,
                                       const char        *json_body,
                                       guint             *out_status)
{
  g_autoptr (GBytes) body = NULL;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  if (json_body != NULL)
    body = g_bytes_new (json_body, strlen (json_body));

  return request_bytes (server, method, path, authorization, body, out_status);
}

JsonNode *
steward_test_http_request (StewardTestServer *server,
                           const char        *method,
                           const char        *path,
                           const char        *token,
                           const char        *json_body,
                           guint             *out_status)
{
  g_autofree char *authorization = NULL;

  if (token != NULL)
    authorization = g_strconcat ("Bearer ", token, NULL);

  return steward_test_http_request_with_header (server, method, path, authorization,
                                                json_body, out_status);
}

JsonNode *
steward_test_http_request_node (StewardTestServer *server,
                                const char        *method,
                                const char        *path,
                                const char        *token,
                                JsonNode          *body,
                                guint             *out_status)
{
  g_autofree char *text = NULL;

  if (body != NULL)
    text = steward_test_json_to_string (body);

  return steward_test_http_request (server, method, path, token, text, out_status);
}

char *
steward_test_http_authenticate (StewardTestServer *server,
                                const char        *apikey)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *object;
  guint       status = 0;

  g_return_val_if_fail (apikey != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apikey");
  json_builder_add_string_value (builder, apikey);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  reply = steward_test_http_request_node (server, "POST", "/bim/apikey/authenticate", NULL, body, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);

  object = steward_test_json_object (reply);
  g_assert_true (steward_test_json_get_bool (object, "authenticated"));
  g_assert_cmpstr (steward_test_json_get_string (object, "token"), !=, "");

  return g_strdup (steward_test_json_get_string (object, "token"));
}

JsonNode *
steward_test_http_expect (StewardTestServer *server,
                          const char        *method,
                          const char        *path,
                          const char        *token,
                          const char        *json_body,
                          guint              expected_status)
{
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *shown_path = steward_test_printable (path, 300);
  g_autofree char *shown_request = steward_test_printable (json_body != NULL ? json_body : "", 300);
  guint            status = 0;

  /* Say what was sent, so a failure further down names its request. */
  g_test_message ("%s %s %s", method, shown_path, shown_request);
  reply = steward_test_http_request (server, method, path, token, json_body, &status);
  if (expected_status >= 400)
    {
      steward_test_assert_error (reply, status, expected_status);
    }
  else if (status != expected_status)
    {
      g_autofree char *text = steward_test_json_to_string (reply);
      g_autofree char *shown_body = steward_test_printable (text, 600);

      g_test_message ("expected %u, got %u with %s", expected_status, status, shown_body);
      g_assert_cmpuint (status, ==, expected_status);
    }

  return g_steal_pointer (&reply);
}

char *
steward_test_http_user_body (const char        *name,
                             const char        *email,
                             const char *const *permissions)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

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
      json_builder_begin_array (builder);
      for (guint i = 0; permissions[i] != NULL; i++)
        json_builder_add_string_value (builder, permissions[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  return steward_test_json_to_string (body);
}

JsonNode *
steward_test_http_create_user (StewardTestServer *server,
                               const char        *token,
                               const char        *name,
                               const char        *email,
                               const char *const *permissions)
{
  g_autofree char *body = steward_test_http_user_body (name, email, permissions);
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *object;

  reply = steward_test_http_expect (server, "POST", "/bim/iam/bim/user", token, body, SOUP_STATUS_OK);
  object = steward_test_json_object (reply);
  steward_test_json_get_object (object, "newUser");

  return json_node_copy (json_object_get_member (object, "newUser"));
}

char *
steward_test_http_escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

char *
steward_test_http_user_path (const char *iamid,
                             const char *userid,
                             const char *suffix)
{
  g_autofree char *escaped_iamid = steward_test_http_escape (iamid);
  g_autofree char *escaped_userid = steward_test_http_escape (userid);

  return g_strconcat ("/bim/iam/", escaped_iamid, "/user/", escaped_userid, suffix, NULL);
}
