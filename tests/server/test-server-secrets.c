/* test-server-secrets.c
 *
 * API keys and tokens reach nobody but their owner: not the server's logs
 * (even with debug messages on), not its database files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

static char *
read_file_or_empty (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char            *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");

  return contents;
}

static guint
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize needle_length = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        count++;
    }

  return count;
}

/* The database is binary: search its bytes, not a C string. */
static guint
count_in_file (const char *dir,
               const char *name,
               const char *needle)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize            length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;

  return count_occurrences (contents, length, needle);
}

static void
test_no_secret_in_logs_or_database (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  g_autofree char *output = NULL;
  g_autofree char *token = NULL;
  g_autofree char *second_token = NULL;
  g_autofree char *bearer = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (GError) error = NULL;
  const char       *created_key;
  const char *const secrets_files[] = { "steward.db", "steward.db-wal" };
  int               log_fd;
  int               saved_stderr;
  guint             status = 0;

  /* The server inherits this stderr: its whole log lands in the file. */
  log_fd = g_file_open_tmp ("steward-server-log-XXXXXX", &log_path, &error);
  g_assert_no_error (error);
  saved_stderr = dup (STDERR_FILENO);
  g_assert_cmpint (saved_stderr, >=, 0);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_assert_cmpint (dup2 (log_fd, STDERR_FILENO), ==, STDERR_FILENO);

  server = steward_test_server_start (NULL, NULL);

  g_assert_cmpint (dup2 (saved_stderr, STDERR_FILENO), ==, STDERR_FILENO);
  close (saved_stderr);
  close (log_fd);
  /* Plain unsetenv(): GLib's would log a debug line about threads, into
   * this test's TAP output, since debug messages are on right now. */
  unsetenv ("G_MESSAGES_DEBUG");

  token = steward_test_http_authenticate (server, server->admin_api_key);
  json_node_unref (steward_test_http_request (server, "GET", "/bim/rpc/user/current", token, NULL, &status));
  g_assert_cmpuint (status, ==, 200);
  json_node_unref (steward_test_http_request_with_header (server, "GET", "/bim/iam", server->admin_api_key,
                                                          NULL, &status));
  g_assert_cmpuint (status, ==, 200);

  created = steward_test_http_request (server, "POST", "/bim/apikey", token, "{\"name\": \"log check\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  created_key = steward_test_json_get_string (steward_test_json_object (created), "apikey");
  second_token = steward_test_http_authenticate (server, created_key);

  /* A wrong key and a wrong token are refused, and not echoed either. */
  bearer = g_strdup_printf ("Bearer %sX", token);
  json_node_unref (steward_test_http_request_with_header (server, "GET", "/bim/iam", bearer, NULL, &status));
  g_assert_cmpuint (status, ==, 401);

  steward_test_server_stop (server);
  output = steward_test_server_dup_output (server);
  log = read_file_or_empty ("/", log_path);
  g_unlink (log_path);

  /* Logging was really on, so the checks below can fail. */
  g_assert_nonnull (strstr (log, "/bim/apikey/authenticate"));
  g_assert_nonnull (strstr (log, "/bim/rpc/user/current"));

  g_assert_null (strstr (log, server->admin_api_key));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, second_token));
  g_assert_null (strstr (log, created_key));

  /* stdout shows the first administrator's key exactly once, by design. */
  g_assert_cmpuint (count_occurrences (output, strlen (output), server->admin_api_key), ==, 1);
  g_assert_null (strstr (output, token));
  g_assert_null (strstr (output, created_key));

  for (guint i = 0; i < G_N_ELEMENTS (secrets_files); i++)
    {
      g_assert_cmpuint (count_in_file (server->data_dir, secrets_files[i], server->admin_api_key), ==, 0);
      g_assert_cmpuint (count_in_file (server->data_dir, secrets_files[i], created_key), ==, 0);
      g_assert_cmpuint (count_in_file (server->data_dir, secrets_files[i], token), ==, 0);
      g_assert_cmpuint (count_in_file (server->data_dir, secrets_files[i], second_token), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/secrets/not-in-logs-or-database", test_no_secret_in_logs_or_database);

  return g_test_run ();
}
