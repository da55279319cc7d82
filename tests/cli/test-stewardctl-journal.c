/* test-stewardctl-journal.c
 *
 * stewardctl's writes go into the local change journal, and "stewardctl
 * journal" shows it as a table, CSV and JSON with its filters; a
 * stewardctl killed (SIGKILL) while its write is in flight leaves the
 * change there, unfinished, and the server untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-proxy.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

typedef struct
{
  StewardTestServer *server;
  char              *data_home;
  char              *env[3];
  CliRun             run;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start (NULL, NULL);
  fixture->data_home = g_dir_make_tmp ("stewardctl-journal-XXXXXX", NULL);
  fixture->env[0] = g_strconcat ("XDG_DATA_HOME=", fixture->data_home, NULL);
  fixture->env[1] = g_strconcat ("STEWARD_API_KEY=", fixture->server->admin_api_key, NULL);
  fixture->run.env = fixture->env;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->data_home, "steward", NULL);
  const char      *names[] = { "journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  g_rmdir (fixture->data_home);
  g_free (fixture->data_home);
  g_free (fixture->env[0]);
  g_free (fixture->env[1]);
  steward_test_server_free (fixture->server);
}

/* stewardctl --server @url ARGS… in the fixture's data home. */
static CliResult *
run_on (Fixture    *fixture,
        const char *url,
        const char *first_arg,
        ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, (gpointer) url);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_runv (&fixture->run, (const char *const *) argv->pdata);
}

static JsonArray *
journal_json (Fixture    *fixture,
              JsonNode  **node,
              const char *first_arg,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (CliResult) result = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "journal");
  g_ptr_array_add (argv, (gpointer) "--format");
  g_ptr_array_add (argv, (gpointer) "json");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  result = cli_runv (&fixture->run, (const char *const *) argv->pdata);
  cli_assert_status (result, 0);
  *node = cli_result_json (result);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*node));
  return json_node_get_array (*node);
}

static const char *
member (JsonArray  *changes,
        guint       index,
        const char *name)
{
  JsonObject *change = json_array_get_object_element (changes, index);

  return json_object_get_null_member (change, name) ? NULL : json_object_get_string_member (change, name);
}

static void
test_writes_journaled (Fixture      *fixture,
                       gconstpointer data)
{
  const char *url = fixture->server->base_url;
  g_autoptr (CliResult) created = run_on (fixture, url, "users", "create", "--name", "Ann Lee", "--email", "ann@example.com", NULL);
  g_autoptr (CliResult) granted = run_on (fixture, url, "users", "grant", "ann@example.com", "GOVERNANCE", NULL);
  g_autoptr (CliResult) disabled = run_on (fixture, url, "users", "disable", "ann@example.com", NULL);
  g_autoptr (CliResult) refused = NULL;
  g_autoptr (CliResult) table = NULL;
  g_autoptr (CliResult) csv = NULL;
  g_autoptr (JsonNode) all = NULL;
  g_autoptr (JsonNode) disables = NULL;
  g_autoptr (JsonNode) future = NULL;
  g_autoptr (JsonNode) elsewhere = NULL;
  g_autoptr (JsonNode) found = NULL;
  g_autoptr (JsonNode) me = NULL;
  g_autofree char *actor = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray  *changes;
  JsonObject *disable;

  cli_assert_status (created, 0);
  cli_assert_status (granted, 0);
  cli_assert_status (disabled, 0);

  {
    g_autofree char *token = steward_test_http_authenticate (fixture->server, fixture->server->admin_api_key);

    me = steward_test_http_expect (fixture->server, "GET", "/bim/rpc/user/current", token, NULL, 200);
    actor = g_strdup_printf ("bim:%s", json_object_get_string_member (json_node_get_object (me), "userid"));
  }

  /* The server refuses to delete the one asking. */
  refused = run_on (fixture, url, "users", "delete", actor, "--confirm", "Delete", NULL);
  cli_assert_failure (refused, 1);

  /* Newest first, each with the server, the person and the answer. */
  changes = journal_json (fixture, &all, NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 4);
  g_assert_cmpstr (member (changes, 0, "kind"), ==, "delete");
  g_assert_cmpstr (member (changes, 0, "result"), ==, "failed");
  g_assert_cmpstr (member (changes, 0, "errorCode"), ==, "invalid");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (changes, 0), "status"), ==, 400);
  g_assert_nonnull (member (changes, 0, "message"));
  g_assert_cmpstr (member (changes, 1, "kind"), ==, "disable");
  g_assert_cmpstr (member (changes, 2, "kind"), ==, "grant");
  g_assert_cmpstr (member (changes, 2, "detail"), ==, "GOVERNANCE");
  g_assert_cmpstr (member (changes, 3, "kind"), ==, "create");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (member (changes, i, "server"), ==, url);
      g_assert_cmpstr (member (changes, i, "actor"), ==, actor);
    }
  for (guint i = 1; i < 4; i++)
    g_assert_cmpstr (member (changes, i, "result"), ==, "done");

  disable = json_array_get_object_element (changes, 1);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (disable, "before"), "disabled"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (disable, "after"), "disabled"));

  /* The filters. */
  changes = journal_json (fixture, &disables, "--kind", "disable", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  changes = journal_json (fixture, &future, "--since", "2999-01-01", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 0);
  changes = journal_json (fixture, &elsewhere, "--server", "https://elsewhere.example.com", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 0);
  changes = journal_json (fixture, &found, "--search", "ANN@", "--result", "done", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 3);

  /* A table for people… */
  table = cli_run (&fixture->run, "journal", "--kind", "grant", NULL);
  cli_assert_status (table, 0);
  g_assert_nonnull (strstr (table->out, "Grant GOVERNANCE"));
  g_assert_nonnull (strstr (table->out, "bim:ann@example.com"));
  g_assert_nonnull (strstr (table->out, "Done"));
  g_assert_true (g_str_has_suffix (table->out, "\n1 change\n"));

  /* …and CSV: a header and one line per change. */
  csv = cli_run (&fixture->run, "journal", "--format", "csv", NULL);
  cli_assert_status (csv, 0);
  lines = g_strsplit (csv->out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "id,time,finished,server,serverUrl,actor,kind,"));
  g_assert_nonnull (strstr (lines[2], ",disable,bim,ann@example.com,"));
  g_assert_cmpstr (lines[5], ==, "");
}

static void
test_usage (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (CliResult) since = cli_run (&fixture->run, "journal", "--since", "last week", NULL);
  g_autoptr (CliResult) format = cli_run (&fixture->run, "journal", "--format", "xml", NULL);
  g_autoptr (CliResult) kind = cli_run (&fixture->run, "journal", "--kind", "promote", NULL);

  cli_assert_failure (since, 2);
  g_assert_nonnull (strstr (since->err, "last week"));
  cli_assert_failure (format, 2);
  cli_assert_failure (kind, 2);
}

static void
test_killed_in_flight (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (StewardTestProxy) proxy = steward_test_proxy_new (fixture->server, NULL, NULL);
  g_autoptr (CliResult) created = run_on (fixture, fixture->server->base_url, "users", "create", "--name", "Bo Kim", "--email", "bo@example.com", NULL);
  const char *args[] = { "--server", steward_test_proxy_get_url (proxy), "users", "disable", "bo@example.com", NULL };
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) while_held = NULL;
  g_autoptr (JsonNode) after_kill = NULL;
  g_autoptr (JsonNode) user = NULL;
  g_autoptr (CliResult) table = NULL;
  g_autofree char *token = NULL;
  JsonArray       *changes;
  gint64           deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  cli_assert_status (created, 0);

  /* The server is slow to answer the disable… */
  steward_test_proxy_set_hold_writes (proxy, TRUE);
  process = cli_spawnv (&fixture->run, args);
  while (steward_test_proxy_get_n_held (proxy) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }

  /* …which is in the journal already, unfinished… */
  changes = journal_json (fixture, &while_held, "--result", "unfinished", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (member (changes, 0, "kind"), ==, "disable");

  /* …and stays there when stewardctl is killed before the answer. */
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  changes = journal_json (fixture, &after_kill, "--kind", "disable", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (member (changes, 0, "result"), ==, "unfinished");
  g_assert_cmpstr (member (changes, 0, "userid"), ==, "bo@example.com");
  g_assert_null (member (changes, 0, "finished"));

  table = cli_run (&fixture->run, "journal", NULL);
  cli_assert_status (table, 0);
  g_assert_nonnull (strstr (table->out, "Unfinished"));

  /* The held request never reached the server. */
  token = steward_test_http_authenticate (fixture->server, fixture->server->admin_api_key);
  user = steward_test_http_expect (fixture->server, "GET", "/bim/iam/bim/user/bo%40example.com", token, NULL, 200);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (user), "disabled"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stewardctl/journal/writes-journaled", Fixture, NULL, fixture_set_up, test_writes_journaled, fixture_tear_down);
  g_test_add ("/stewardctl/journal/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/stewardctl/journal/killed-in-flight", Fixture, NULL, fixture_set_up, test_killed_in_flight, fixture_tear_down);

  return g_test_run ();
}
