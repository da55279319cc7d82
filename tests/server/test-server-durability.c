/* test-server-durability.c
 *
 * steward-server across its own lifetime: the first start, restarts,
 * SIGTERM and SIGINT with and without requests in flight, and SIGKILL in the
 * middle of a stream of writes (every acknowledged write must survive and
 * the database must stay intact).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "steward-test-assert.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_first_start (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autofree char *key_path = g_build_filename (server->data_dir, "admin-api-key", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *output = NULL;
  g_autofree char *token = NULL;
  g_auto (GStrv) lines = NULL;
  struct stat info;

  g_assert_cmpint (stat (key_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (key_path, &contents, NULL, NULL));
  expected = g_strconcat (server->admin_api_key, "\n", NULL);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (strlen (server->admin_api_key), >=, 16);

  token = steward_test_http_authenticate (server, server->admin_api_key);
  steward_test_server_stop (server);

  /* The key is shown once, after the "Listening on" line. */
  output = steward_test_server_dup_output (server);
  lines = g_strsplit (output, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Listening on http://127.0.0.1:"));
  g_assert_null (strstr (lines[0], server->admin_api_key));
  g_assert_cmpuint (count_occurrences (output, server->admin_api_key), ==, 1);
}

static void
test_restart_keeps_data (void)
{
  g_autoptr (StewardTestServer) first = steward_test_server_start ("--iam", "okta:Okta", NULL);
  g_autoptr (StewardTestServer) second = NULL;
  g_autofree char *token = steward_test_http_authenticate (first, first->admin_api_key);
  g_autofree char *second_token = NULL;
  g_autofree char *output = NULL;
  g_autofree char *first_key = g_strdup (first->admin_api_key);
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) fetched = NULL;
  g_autoptr (JsonNode) iams = NULL;
  JsonObject              *user;
  JsonObject              *profile;
  static const char *const permissions[] = { "AUDIT", "GOVERNANCE", NULL };

  created = steward_test_http_create_user (first, token, "Rhea Restart", "rhea.restart@example.com", permissions);
  json_node_unref (steward_test_http_expect (first, "PUT", "/bim/iam/bim/user/rhea.restart%40example.com/profile",
                                             token, "{\"phone\": \"+1 555 0199\"}", 200));
  json_node_unref (steward_test_http_expect (first, "PUT", "/bim/iam/bim/user/rhea.restart%40example.com/disable/true",
                                             token, NULL, 200));

  first->keep_data_dir = TRUE;
  steward_test_server_stop (first);

  second = steward_test_server_start_in (first->data_dir, "--iam", "okta:Okta", NULL);
  g_assert_cmpstr (second->admin_api_key, ==, first_key);
  second_token = steward_test_http_authenticate (second, second->admin_api_key);

  fetched = steward_test_http_expect (second, "GET", "/bim/iam/bim/user/rhea.restart%40example.com",
                                      second_token, NULL, 200);
  user = steward_test_json_object (fetched);
  profile = steward_test_json_get_object (user, "profile");
  g_assert_cmpint (steward_test_json_get_int (user, "id"), ==,
                   steward_test_json_get_int (steward_test_json_object (created), "id"));
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Rhea Restart");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "phone"), ==, "+1 555 0199");
  g_assert_true (steward_test_json_get_bool (user, "disabled"));
  steward_test_assert_permissions (fetched, permissions);

  /* The IAM given on the first start is still configured, once. */
  iams = steward_test_http_expect (second, "GET", "/bim/iam", second_token, NULL, 200);
  g_assert_cmpuint (json_array_get_length (steward_test_json_array (iams)), ==, 2);

  /* A later start does not print the administrator's key again. */
  steward_test_server_stop (second);
  output = steward_test_server_dup_output (second);
  g_assert_null (strstr (output, first_key));
}

static void
test_signal_with_idle_connection (gconstpointer data)
{
  int signal_number = GPOINTER_TO_INT (data);
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);

  /* The session keeps this connection open; an idle keep-alive connection
   * must not hold up the shutdown. The stop asserts exit status 0 within
   * ten seconds. */
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", token, NULL, 200));
  steward_test_server_stop_with_signal (server, signal_number);
}

/* "Listening on" means ready: a stop request right after it must already
 * be handled as a clean shutdown, not kill the server. */
static void
test_sigterm_right_after_start (void)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);

      steward_test_server_stop (server);
    }
}

/* A client that creates users one after another as fast as the server
 * answers, until told to stop or the server goes away. */
typedef struct
{
  StewardTestServer *server;
  char              *token;
  const char        *prefix;
  GPtrArray         *answered;  /* userids acknowledged with 200 */
  GPtrArray         *surprises; /* other replies, as "status body" */
  int                stop;
  int                n_answered; /* answered->len, readable from the main thread */
} Stream;

static gpointer
stream_creates (gpointer data)
{
  Stream          *stream = data;
  g_autofree char *authorization = g_strconcat ("Bearer ", stream->token, NULL);

  for (guint i = 0; !g_atomic_int_get (&stream->stop); i++)
    {
      g_autofree char *email = g_strdup_printf ("%s%05u@example.com", stream->prefix, i);
      g_autofree char *text = steward_test_http_user_body ("Stream Person", email, NULL);
      g_autoptr (GBytes) body = g_bytes_new (text, strlen (text));
      g_autoptr (GBytes) reply = NULL;
      g_autoptr (GError) error = NULL;
      guint status = 0;

      reply = steward_test_http_send (stream->server, "POST", "/bim/iam/bim/user", authorization,
                                      "application/json", body, &status, &error);
      if (reply == NULL)
        break;

      if (status == 200)
        {
          g_ptr_array_add (stream->answered, g_steal_pointer (&email));
          g_atomic_int_inc (&stream->n_answered);
        }
      else
        g_ptr_array_add (stream->surprises, g_strdup_printf ("%u %.*s", status, (int) g_bytes_get_size (reply),
                                                             (const char *) g_bytes_get_data (reply, NULL)));
    }

  return NULL;
}

static Stream *
stream_start (StewardTestServer *server,
              const char        *prefix,
              GThread          **out_thread)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->server = server;
  stream->token = steward_test_http_authenticate (server, server->admin_api_key);
  stream->prefix = prefix;
  stream->answered = g_ptr_array_new_with_free_func (g_free);
  stream->surprises = g_ptr_array_new_with_free_func (g_free);
  *out_thread = g_thread_new ("create-stream", stream_creates, stream);

  return stream;
}

static void
stream_free (Stream *stream)
{
  g_free (stream->token);
  g_ptr_array_unref (stream->answered);
  g_ptr_array_unref (stream->surprises);
  g_free (stream);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stream, stream_free)

/* Restarts on @data_dir and asserts every acknowledged create is there, and
 * at most one more (the request in flight when the server went away). */
static void
assert_acknowledged_present (const char *data_dir,
                             Stream     *stream)
{
  g_autoptr (StewardTestServer) restarted = steward_test_server_start_in (data_dir, NULL, NULL);
  g_autofree char *token = steward_test_http_authenticate (restarted, restarted->admin_api_key);
  g_autofree char *count_path = g_strdup_printf ("/bim/user?searchText=%s&size=1", stream->prefix);
  g_autoptr (JsonNode) counted = NULL;
  gint64 count;

  for (guint i = 0; i < stream->answered->len; i++)
    {
      g_autofree char *path = steward_test_http_user_path ("bim", g_ptr_array_index (stream->answered, i), NULL);

      json_node_unref (steward_test_http_expect (restarted, "GET", path, token, NULL, 200));
    }

  counted = steward_test_http_expect (restarted, "GET", count_path, token, NULL, 200);
  count = steward_test_json_get_int (steward_test_json_object (counted), "count");
  g_assert_cmpint (count, >=, stream->answered->len);
  g_assert_cmpint (count, <=, stream->answered->len + 1);

  /* Leave the directory to the caller's server, which removes it. */
  restarted->keep_data_dir = TRUE;
}

static void
assert_database_intact (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "steward.db", NULL);
  sqlite3         *db = NULL;
  sqlite3_stmt    *statement = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

static void
assert_no_surprises (Stream *stream)
{
  for (guint i = 0; i < stream->surprises->len; i++)
    {
      g_autofree char *shown = steward_test_printable (g_ptr_array_index (stream->surprises, i), 300);

      g_test_message ("unexpected reply: %s", shown);
    }
  g_assert_cmpuint (stream->surprises->len, ==, 0);
}

/* Waits until the stream has @n acknowledged creates, however slow the
 * machine (sanitizers, a busy CI): the tests are about what happens to
 * acknowledged writes, not about how many fit in a fixed time. */
static void
wait_for_answers (Stream *stream,
                  int     n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (g_atomic_int_get (&stream->n_answered) < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

static void
test_crash_keeps_acknowledged_writes (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (Stream) stream = NULL;
  GThread *thread = NULL;

  stream = stream_start (server, "crash", &thread);
  wait_for_answers (stream, 10);
  /* And a moment more, so the kill lands mid-stream. */
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  steward_test_server_kill (server);
  g_atomic_int_set (&stream->stop, TRUE);
  g_thread_join (thread);

  g_test_message ("%u creates acknowledged before SIGKILL", stream->answered->len);
  g_assert_cmpuint (stream->answered->len, >=, 10);
  assert_no_surprises (stream);

  assert_database_intact (server->data_dir);
  assert_acknowledged_present (server->data_dir, stream);
  assert_database_intact (server->data_dir);
}

static void
test_sigterm_with_requests_in_flight (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (Stream) stream = NULL;
  GThread *thread = NULL;

  stream = stream_start (server, "sigterm", &thread);
  wait_for_answers (stream, 10);
  /* Asserts exit status 0 within ten seconds. */
  steward_test_server_stop (server);
  g_atomic_int_set (&stream->stop, TRUE);
  g_thread_join (thread);

  g_test_message ("%u creates acknowledged before SIGTERM", stream->answered->len);
  g_assert_cmpuint (stream->answered->len, >=, 10);
  /* A server that is stopping may refuse new work, but only clearly. */
  g_test_message ("%u requests refused while stopping", stream->surprises->len);
  for (guint i = 0; i < stream->surprises->len; i++)
    {
      const char *surprise = g_ptr_array_index (stream->surprises, i);

      if (!g_str_has_prefix (surprise, "503 "))
        {
          g_autofree char *shown = steward_test_printable (surprise, 300);

          g_test_message ("reply while stopping: %s", shown);
        }
      g_assert_true (g_str_has_prefix (surprise, "503 "));
    }

  assert_database_intact (server->data_dir);
  assert_acknowledged_present (server->data_dir, stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/durability/first-start", test_first_start);
  g_test_add_func ("/server/durability/restart-keeps-data", test_restart_keeps_data);
  g_test_add_data_func ("/server/durability/sigterm-exits-cleanly", GINT_TO_POINTER (SIGTERM),
                        test_signal_with_idle_connection);
  g_test_add_data_func ("/server/durability/sigint-exits-cleanly", GINT_TO_POINTER (SIGINT),
                        test_signal_with_idle_connection);
  g_test_add_func ("/server/durability/sigterm-right-after-start", test_sigterm_right_after_start);
  g_test_add_func ("/server/durability/sigterm-with-requests-in-flight", test_sigterm_with_requests_in_flight);
  g_test_add_func ("/server/durability/crash-keeps-acknowledged-writes", test_crash_keeps_acknowledged_writes);

  return g_test_run ();
}
