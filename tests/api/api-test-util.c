/* api-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api-test-util.h"

#include <string.h>

void
api_test_store_result_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

GAsyncResult *
api_test_wait (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint    timeout_id = g_timeout_add_seconds (60, set_flag_cb, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("An asynchronous call did not finish within a minute");

  g_source_remove (timeout_id);
  return *slot;
}

void
api_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

JsonNode *
api_test_parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static char *
url_for_address (GSocketAddress *address,
                 const char     *scheme)
{
  guint16 port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));

  return g_strdup_printf ("%s://127.0.0.1:%u", scheme, port);
}

SoupServer *
api_test_soup_server_new (GTlsCertificate *certificate,
                          char           **url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) uris = NULL;
  SoupServer             *server;
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;

  server = soup_server_new ("tls-certificate", certificate, NULL);
  if (certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  soup_server_listen_local (server, 0, options, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  *url = g_strdup_printf ("%s://127.0.0.1:%d",
                          certificate != NULL ? "https" : "http",
                          g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  return server;
}

void
api_test_soup_server_free (SoupServer *server)
{
  soup_server_disconnect (server);
  /* Let the closed connections finish before the next test. */
  api_test_spin (10);
  g_object_unref (server);
}

void
api_test_reply_json (SoupServerMessage *message,
                     guint              status,
                     const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

void
api_test_reply_error (SoupServerMessage *message,
                      guint              status,
                      const char        *message_text)
{
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{\"statusCode\": %u, \"error\": \"%s\", \"message\": \"%s\"}",
                          status, soup_status_get_phrase (status), message_text);
  api_test_reply_json (message, status, json);
}

/* Raw servers */

typedef struct
{
  GPtrArray         *requests;
  GSocketConnection *connection;
  char              *reply;
  GString           *received;
  char               buffer[4096];
} RawConnection;

static void
raw_connection_free (RawConnection *raw)
{
  g_io_stream_close (G_IO_STREAM (raw->connection), NULL, NULL);
  g_object_unref (raw->connection);
  g_free (raw->reply);
  g_string_free (raw->received, TRUE);
  g_ptr_array_unref (raw->requests);
  g_free (raw);
}

static void
raw_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  raw_connection_free (user_data);
}

/* Headers and as much body as Content-Length says: closing a socket with
 * unread input would reset the connection instead of ending it. */
static gboolean
request_is_complete (const char *received)
{
  g_autofree char *lower = g_ascii_strdown (received, -1);
  const char      *end = strstr (received, "\r\n\r\n");
  const char      *length;

  if (end == NULL)
    return FALSE;

  length = strstr (lower, "\r\ncontent-length:");
  if (length == NULL || length > lower + (end - received))
    return TRUE;

  return strlen (end + 4) >= g_ascii_strtoull (length + strlen ("\r\ncontent-length:"), NULL, 10);
}

static void
raw_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RawConnection *raw = user_data;
  gssize         n_read = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  GOutputStream *output;

  if (n_read <= 0)
    {
      raw_connection_free (raw);
      return;
    }

  g_string_append_len (raw->received, raw->buffer, n_read);
  if (!request_is_complete (raw->received->str))
    {
      g_input_stream_read_async (G_INPUT_STREAM (source), raw->buffer, sizeof raw->buffer,
                                 G_PRIORITY_DEFAULT, NULL, raw_read_cb, raw);
      return;
    }

  g_ptr_array_add (raw->requests, g_strdup (raw->received->str));
  output = g_io_stream_get_output_stream (G_IO_STREAM (raw->connection));
  g_output_stream_write_all_async (output, raw->reply, strlen (raw->reply), G_PRIORITY_DEFAULT,
                                   NULL, raw_written_cb, raw);
}

static gboolean
raw_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source_object,
                 gpointer           user_data)
{
  const char    *reply = user_data;
  RawConnection *raw;

  /* Never answering: keep the connection open until the service goes. */
  if (reply == NULL)
    {
      GPtrArray *silent = g_object_get_data (G_OBJECT (service), "silent");

      g_ptr_array_add (silent, g_object_ref (connection));
      return TRUE;
    }

  raw = g_new0 (RawConnection, 1);
  raw->connection = g_object_ref (connection);
  raw->reply = g_strdup (reply);
  raw->received = g_string_new (NULL);
  raw->requests = g_ptr_array_ref (g_object_get_data (G_OBJECT (service), "requests"));
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             raw->buffer, sizeof raw->buffer, G_PRIORITY_DEFAULT, NULL,
                             raw_read_cb, raw);
  return TRUE;
}

static void
close_connection (gpointer data)
{
  g_io_stream_close (G_IO_STREAM (data), NULL, NULL);
  g_object_unref (data);
}

GSocketService *
api_test_raw_server_new (const char *reply,
                         char      **url)
{
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  GSocketService *service = g_socket_service_new ();

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);

  g_object_set_data_full (G_OBJECT (service), "reply", g_strdup (reply), g_free);
  g_object_set_data_full (G_OBJECT (service), "silent",
                          g_ptr_array_new_with_free_func (close_connection),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (service), "requests",
                          g_ptr_array_new_with_free_func (g_free),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (service, "incoming", G_CALLBACK (raw_incoming_cb),
                    g_object_get_data (G_OBJECT (service), "reply"));
  g_socket_service_start (service);

  *url = url_for_address (bound, "http");
  return service;
}

GPtrArray *
api_test_raw_server_get_requests (GSocketService *service)
{
  return g_object_get_data (G_OBJECT (service), "requests");
}

void
api_test_raw_server_free (GSocketService *service)
{
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_object_unref (service);
  api_test_spin (10);
}

char *
api_test_unused_url (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  /* Bind to learn a free port, then close so nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);

  return url_for_address (bound, "http");
}
