/* test-client-failures.c
 *
 * Every error code produced for real, against small in-process fakes:
 * connection refused, a listener that never answers, a connect that never
 * completes, 500, a body that is not JSON, a truncated body, 401 followed by
 * success after re-authentication, a second 401, a shared exchange for
 * concurrent calls, cancellation, and a self-signed certificate rejected by
 * default and accepted when pinned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api-test-util.h"
#include "steward-certificate.h"
#include "steward-client.h"

#include <glib/gstdio.h>
#include <string.h>

#define USER_JSON "{\"id\": 1, \"iamid\": \"bim\", \"userid\": \"admin@example.com\", \"permissions\": [\"USER_ADMIN\"]}"

/* A fake with the authentication route and one route behind it, counting
 * what it was asked. */
typedef struct
{
  SoupServer *server;
  char       *url;
  guint       exchanges;
  guint       requests;
  char       *last_authorization;
  char       *last_path;
  GPtrArray  *paused; /* exchanges held back until released */
  gboolean    pause_exchanges;

  /* What GET /bim/rpc/user/current does: */
  guint       fail_status; /* 0: answer with the user */
  const char *fail_body;
  guint       fail_until_exchange; /* fail while fewer exchanges happened */
  gboolean    reject_key;
} Fake;

static void
reply_token (Fake              *fake,
             SoupServerMessage *message)
{
  g_autofree char *json = g_strdup_printf ("{\"authenticated\": true, \"token\": \"token-%u\"}", fake->exchanges);

  api_test_reply_json (message, 200, json);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fake       *fake = user_data;
  const char *authorization;

  g_free (fake->last_path);
  fake->last_path = g_strdup (g_uri_get_path (soup_server_message_get_uri (message)));

  if (g_str_equal (path, "/bim/apikey/authenticate"))
    {
      g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
      g_autoptr (JsonNode) node = api_test_parse (g_bytes_get_data (body, NULL));

      fake->exchanges++;
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "apikey"), ==, "the-key");
      if (fake->reject_key)
        {
          api_test_reply_error (message, 401, "Invalid API key");
          return;
        }
      if (fake->pause_exchanges)
        {
          soup_server_message_pause (message);
          g_ptr_array_add (fake->paused, g_object_ref (message));
          return;
        }
      reply_token (fake, message);
      return;
    }

  fake->requests++;
  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");
  g_free (fake->last_authorization);
  fake->last_authorization = g_strdup (authorization);
  g_assert_cmpstr (soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Accept"), ==, "application/json");

  if (fake->fail_status != 0 && fake->exchanges < fake->fail_until_exchange)
    {
      const char *body = fake->fail_body != NULL ? fake->fail_body : "";

      soup_server_message_set_status (message, fake->fail_status, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_COPY, body, strlen (body));
      return;
    }

  api_test_reply_json (message, 200, USER_JSON);
}

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);

  fake->server = api_test_soup_server_new (NULL, &fake->url);
  fake->paused = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (fake->server, NULL, fake_handler, fake, NULL);
  return fake;
}

static void
fake_release_exchanges (Fake *fake)
{
  fake->pause_exchanges = FALSE;
  for (guint i = 0; i < fake->paused->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (fake->paused, i);

      reply_token (fake, message);
      soup_server_message_unpause (message);
    }
  g_ptr_array_set_size (fake->paused, 0);
}

static void
fake_free (Fake *fake)
{
  api_test_soup_server_free (fake->server);
  g_ptr_array_unref (fake->paused);
  g_free (fake->url);
  g_free (fake->last_authorization);
  g_free (fake->last_path);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

/* Runs route 2 and returns the user or the error. */
static StewardUser *
get_current_user (StewardClient *client,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_client_get_current_user_async (client, cancellable, api_test_store_result_cb, &result);
  return steward_client_get_current_user_finish (client, api_test_wait (&result), error);
}

static void
test_refused (void)
{
  g_autofree char *url = api_test_unused_url ();
  g_autoptr (StewardClient) client = steward_client_new (url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = get_current_user (client, NULL, &error);

  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url + strlen ("http://")));
  g_assert_cmpuint (steward_api_error_get_status (error), ==, 0);
}

static void
test_no_answer (void)
{
  g_autofree char *url = NULL;
  GSocketService  *silent = api_test_raw_server_new (NULL, &url);
  g_autoptr (StewardClient) client = steward_client_new (url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  gint64 start;
  gint64 elapsed;

  g_assert_cmpuint (steward_client_get_request_timeout (client), ==, 30);
  g_assert_cmpuint (steward_client_get_connect_timeout (client), ==, 10);
  steward_client_set_request_timeout (client, 1);

  start = g_get_monotonic_time ();
  user = get_current_user (client, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC * 9 / 10);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC * 10);

  api_test_raw_server_free (silent);
}

/* A listener whose accept queue is full and never drained drops further
 * SYNs, so a new connection stays in progress: a connect that hangs,
 * without needing an unroutable address. */
static GSocket *
listen_without_accepting (char     **url,
                          GPtrArray *fillers)
{
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  GSocket *listener;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (listener, 0);
  g_socket_bind (listener, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 4; i++)
    {
      GSocket *filler = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

      g_assert_no_error (error);
      g_socket_set_blocking (filler, FALSE);
      g_socket_connect (filler, bound, NULL, NULL);
      g_ptr_array_add (fillers, filler);
    }

  *url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return listener;
}

static void
test_connect_timeout (void)
{
  g_autoptr (GPtrArray) fillers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *url = NULL;
  g_autoptr (GSocket) listener = listen_without_accepting (&url, fillers);
  g_autoptr (StewardClient) client = steward_client_new (url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  gint64 start;
  gint64 elapsed;

  /* The request timeout is longer: only the connect timeout can end this. */
  steward_client_set_connect_timeout (client, 1);
  steward_client_set_request_timeout (client, 20);

  start = g_get_monotonic_time ();
  user = get_current_user (client, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (user);

  /* With net.ipv4.tcp_abort_on_overflow set the kernel refuses instead. */
  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK))
    {
      g_test_skip ("This kernel resets connections to a full listener instead of leaving them pending");
      return;
    }

  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "connection"));

  /* Still listening, still not accepting: the listener made the hang. */
  g_assert_false (g_socket_is_closed (listener));
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC * 9 / 10);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC * 10);
}

static void
test_server_error (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;

  fake->fail_status = 500;
  fake->fail_body = "{\"statusCode\": 500, \"error\": \"Internal Server Error\", \"message\": \"The database is locked\"}";
  fake->fail_until_exchange = G_MAXUINT;

  user = get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_cmpuint (steward_api_error_get_status (error), ==, 500);
  g_assert_cmpstr (steward_api_error_get_server_message (error), ==, "The database is locked");
  g_assert_nonnull (strstr (error->message, "The database is locked"));
  g_clear_error (&error);

  /* A gateway's HTML error page is still a server error, not malformed. */
  fake->fail_status = 502;
  fake->fail_body = "<html><body>Bad Gateway</body></html>";
  user = get_current_user (client, NULL, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_null (steward_api_error_get_server_message (error));
}

static void
test_status_codes (void)
{
  struct
  {
    guint status;
    int   code;
  } cases[] = {
    { 403, STEWARD_API_ERROR_FORBIDDEN },
    { 404, STEWARD_API_ERROR_NOT_FOUND },
    { 409, STEWARD_API_ERROR_CONFLICT },
    { 400, STEWARD_API_ERROR_INVALID },
    { 413, STEWARD_API_ERROR_INVALID },
    { 422, STEWARD_API_ERROR_INVALID },
  };
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");

  fake->fail_until_exchange = G_MAXUINT;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardUser) user = NULL;

      fake->fail_status = cases[i].status;
      user = get_current_user (client, NULL, &error);
      g_assert_error (error, STEWARD_API_ERROR, cases[i].code);
      g_assert_cmpuint (steward_api_error_get_status (error), ==, cases[i].status);
    }
}

static void
test_not_json (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;

  fake->fail_status = 200;
  fake->fail_body = "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>";
  fake->fail_until_exchange = G_MAXUINT;

  user = get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  /* Valid JSON of the wrong shape is malformed too. */
  fake->fail_body = "[1, 2, 3]";
  user = get_current_user (client, NULL, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  /* And so is nothing at all. */
  fake->fail_body = "";
  user = get_current_user (client, NULL, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
}

static void
test_truncated (void)
{
  g_autofree char *url = NULL;
  GSocketService  *raw = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  /* Promises 400 bytes, sends 30 and hangs up. */
  raw = api_test_raw_server_new ("HTTP/1.1 200 OK\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Content-Length: 400\r\n"
                                 "Connection: close\r\n"
                                 "\r\n"
                                 "{\"authenticated\": true, \"tok",
                                 &url);
  client = steward_client_new (url, "the-key");

  steward_client_authenticate_async (client, NULL, api_test_store_result_cb, &result);
  g_assert_false (steward_client_authenticate_finish (client, api_test_wait (&result), &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);

  api_test_raw_server_free (raw);
}

static void
test_reauthenticate (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (StewardUser) again = NULL;

  /* The first token "expires": 401 until a second exchange happened. */
  fake->fail_status = 401;
  fake->fail_until_exchange = 2;

  user = get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (user), ==, "admin@example.com");
  g_assert_cmpuint (fake->exchanges, ==, 2);
  g_assert_cmpuint (fake->requests, ==, 2);
  g_assert_cmpstr (fake->last_authorization, ==, "Bearer token-2");

  /* The new token is kept: no exchange for the next call. */
  again = get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake->exchanges, ==, 2);
  g_assert_cmpuint (fake->requests, ==, 3);
}

static void
test_unauthorized_twice (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;

  fake->fail_status = 401;
  fake->fail_until_exchange = G_MAXUINT;

  /* Exchange, request, exchange once more, request once more, report. */
  user = get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (fake->exchanges, ==, 2);
  g_assert_cmpuint (fake->requests, ==, 2);
}

static void
test_rejected_key (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;

  fake->reject_key = TRUE;

  user = get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "API key"));
  g_assert_cmpstr (steward_api_error_get_server_message (error), ==, "Invalid API key");
  g_assert_cmpuint (fake->exchanges, ==, 1);
  g_assert_cmpuint (fake->requests, ==, 0);
}

static void
test_shared_exchange (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "the-key");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *results[4] = {
    NULL,
  };

  fake->pause_exchanges = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    steward_client_get_current_user_async (client, i == 3 ? cancellable : NULL,
                                           api_test_store_result_cb, &results[i]);

  /* All four wait for one exchange; one of them gives up meanwhile. */
  while (fake->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  api_test_wait (&results[3]);
  fake_release_exchanges (fake);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardUser) user = NULL;

      user = steward_client_get_current_user_finish (client, api_test_wait (&results[i]), &error);
      if (i == 3)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else
        g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (fake->exchanges, ==, 1);
  g_assert_cmpuint (fake->requests, ==, 3);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autofree char *url = NULL;
  GSocketService  *silent = api_test_raw_server_new (NULL, &url);
  g_autoptr (StewardClient) client = steward_client_new (url, "the-key");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  gint64 start;

  /* Cancelled while the request hangs: at once, and not as a timeout. */
  g_timeout_add (200, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  user = get_current_user (client, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC * 5);
  g_clear_error (&error);

  /* Cancelled before it started. */
  g_cancellable_cancel (cancelled);
  user = get_current_user (client, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  api_test_raw_server_free (silent);
}

static void
test_bad_address (void)
{
  g_autoptr (StewardClient) client = steward_client_new ("governance example com", "the-key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = get_current_user (client, NULL, &error);

  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "governance example com"));
}

#define TOKEN_AND_USER "{\"authenticated\": true, \"token\": \"t\", \"iamid\": \"bim\", \"userid\": \"x\"}"

/* What goes on the wire, as SoupServer would decode the path for us. */
static void
test_trailing_slash_and_encoding (void)
{
  g_autofree char *url = NULL;
  g_autofree char *slashed = NULL;
  g_autofree char *reply = NULL;
  GSocketService  *raw = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  GPtrArray *requests;

  /* One canned reply that reads both as a token and as a user. */
  reply = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                           strlen (TOKEN_AND_USER), TOKEN_AND_USER);
  raw = api_test_raw_server_new (reply, &url);
  slashed = g_strconcat (url, "//", NULL);
  client = steward_client_new (slashed, "the-key");
  g_assert_cmpstr (steward_client_get_base_url (client), ==, url);

  steward_client_get_user_async (client, "bim", "a/b c%d@example.com", NULL, api_test_store_result_cb, &result);
  user = steward_client_get_user_finish (client, api_test_wait (&result), &error);
  g_assert_no_error (error);

  requests = api_test_raw_server_get_requests (raw);
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (requests, 0), "POST /bim/apikey/authenticate HTTP/1.1\r\n"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (requests, 1), "GET /bim/iam/bim/user/a%2Fb%20c%25d%40example.com HTTP/1.1\r\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (requests, 1), "\r\nAuthorization: Bearer t\r\n"));

  api_test_raw_server_free (raw);
}

/* TLS */

static GTlsCertificate *
make_self_signed (const char *dir,
                  const char *name)
{
  g_autofree char *cert_path = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree char *key_path = g_strdup_printf ("%s/%s.key", dir, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) openssl = NULL;
  GTlsCertificate *certificate;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-keyout", key_path, "-out", cert_path, "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                              NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (openssl, NULL, &error);
  g_assert_no_error (error);

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  return certificate;
}

static char *
openssl_fingerprint (const char *dir,
                     const char *name)
{
  g_autofree char *cert_path = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) openssl = NULL;
  const char *equals;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "openssl", "x509", "-in", cert_path, "-noout", "-fingerprint", "-sha256", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (openssl, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  /* "sha256 Fingerprint=AB:CD:…\n" */
  equals = strchr (output, '=');
  g_assert_nonnull (equals);
  return g_strstrip (g_strdup (equals + 1));
}

static const char *const tls_files[] = { "server.pem", "server.key", "other.pem", "other.key" };

static void
test_tls (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected_fingerprint = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GTlsCertificate) other = NULL;
  g_autoptr (GTlsCertificate) seen = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (StewardUser) user = NULL;
  SoupServer *server;
  Fake        fake = {
           0,
  };

  if (g_find_program_in_path ("openssl") == NULL)
    {
      g_test_skip ("openssl is needed to make a certificate");
      return;
    }

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("GIO has no TLS backend (glib-networking)");
      return;
    }

  dir = g_dir_make_tmp ("steward-tls-XXXXXX", &error);
  g_assert_no_error (error);
  certificate = make_self_signed (dir, "server");
  other = make_self_signed (dir, "other");
  expected_fingerprint = openssl_fingerprint (dir, "server");

  fake.paused = g_ptr_array_new_with_free_func (g_object_unref);
  server = api_test_soup_server_new (certificate, &url);
  soup_server_add_handler (server, NULL, fake_handler, &fake, NULL);
  client = steward_client_new (url, "the-key");

  /* Not trusted by default: a TLS error carrying the certificate. */
  user = get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS);
  g_assert_true (steward_api_error_get_tls_errors (error) & G_TLS_CERTIFICATE_UNKNOWN_CA);
  g_assert_nonnull (steward_api_error_get_peer_certificate (error));
  g_assert_true (g_tls_certificate_is_same (steward_api_error_get_peer_certificate (error), certificate));
  g_assert_cmpstr (steward_api_error_get_peer_fingerprint (error), ==, expected_fingerprint);
  fingerprint = steward_certificate_dup_fingerprint (certificate);
  g_assert_cmpstr (fingerprint, ==, expected_fingerprint);
  g_assert_cmpuint (fake.exchanges, ==, 0);
  seen = g_object_ref (steward_api_error_get_peer_certificate (error));
  g_clear_error (&error);

  /* Pinning another certificate changes nothing. */
  steward_client_set_pinned_certificate (client, other);
  user = get_current_user (client, NULL, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS);
  g_clear_error (&error);

  /* Pinning the one the person saw is accepted. */
  steward_client_set_pinned_certificate (client, seen);
  user = get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (user), ==, "admin@example.com");
  g_assert_true (g_tls_certificate_is_same (steward_client_get_pinned_certificate (client), certificate));
  g_clear_object (&user);

  /* Removing the pin rejects it again, even though a connection was open. */
  steward_client_set_pinned_certificate (client, NULL);
  user = get_current_user (client, NULL, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS);

  api_test_soup_server_free (server);
  g_ptr_array_unref (fake.paused);
  g_free (fake.last_authorization);
  g_free (fake.last_path);
  for (guint i = 0; i < G_N_ELEMENTS (tls_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, tls_files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/failures/refused", test_refused);
  g_test_add_func ("/api/failures/no-answer", test_no_answer);
  g_test_add_func ("/api/failures/connect-timeout", test_connect_timeout);
  g_test_add_func ("/api/failures/server-error", test_server_error);
  g_test_add_func ("/api/failures/status-codes", test_status_codes);
  g_test_add_func ("/api/failures/not-json", test_not_json);
  g_test_add_func ("/api/failures/truncated", test_truncated);
  g_test_add_func ("/api/failures/reauthenticate", test_reauthenticate);
  g_test_add_func ("/api/failures/unauthorized-twice", test_unauthorized_twice);
  g_test_add_func ("/api/failures/rejected-key", test_rejected_key);
  g_test_add_func ("/api/failures/shared-exchange", test_shared_exchange);
  g_test_add_func ("/api/failures/cancel", test_cancel);
  g_test_add_func ("/api/failures/bad-address", test_bad_address);
  g_test_add_func ("/api/failures/encoding", test_trailing_slash_and_encoding);
  g_test_add_func ("/api/failures/tls", test_tls);

  return g_test_run ();
}
