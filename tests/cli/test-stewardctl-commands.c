/* test-stewardctl-commands.c
 *
 * The commands of the built stewardctl other than "users" and "profiles"
 * (help, iams, permissions, audit, metrics, impersonation-sql) and the
 * failures every command shares: no server, a refused key, usage errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-json.h"

#include <glib/gstdio.h>
#include <string.h>

static StewardTestServer *server;

static CliResult *
run_admin (const char *first_arg,
           ...) G_GNUC_NULL_TERMINATED;

static CliResult *
run_admin (const char *first_arg,
           ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *key = g_strconcat ("STEWARD_API_KEY=", server->admin_api_key, NULL);
  char            *env[] = { key, NULL };
  CliRun           run = { env, NULL };
  va_list          args;

  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, server->base_url);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_runv (&run, (const char *const *) argv->pdata);
}

static char **
json_member_strings (JsonArray  *array,
                     const char *member)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, steward_test_json_get_string (steward_test_json_object (json_array_get_element (array, i)), member));

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------ help, usage */

static void
test_help (void)
{
  g_autoptr (CliResult) result = cli_run (NULL, "--help", NULL);
  g_autoptr (CliResult) command_help = cli_run (NULL, "users", "list", "--help", NULL);
  g_autoptr (CliResult) group_help = cli_run (NULL, "users", "--help", NULL);

  cli_assert_status (result, 0);
  /* The decisions scripts rely on are written down. */
  g_assert_nonnull (strstr (result->out, "users delete USER [--confirm Delete]"));
  g_assert_nonnull (strstr (result->out, "impersonation-sql"));
  g_assert_nonnull (strstr (result->out, "STEWARD_API_KEY"));
  g_assert_nonnull (strstr (result->out, "IAMID:USERID"));
  g_assert_nonnull (strstr (result->out, "--force"));
  g_assert_nonnull (strstr (result->out, "{userid}"));
  g_assert_nonnull (strstr (result->out, "Exit status: 0 success, 1 refused by the server"));
  g_assert_nonnull (strstr (result->out, "3 cannot reach the server"));
  g_assert_nonnull (strstr (result->out, "4 not authorized"));

  cli_assert_status (command_help, 0);
  g_assert_nonnull (strstr (command_help->out, "--include-disabled"));
  g_assert_nonnull (strstr (command_help->out, "--limit"));

  cli_assert_status (group_help, 0);
  g_assert_nonnull (strstr (group_help->out, "list, show, create, grant, revoke, disable, enable, delete, migrate"));
}

static void
test_usage_errors (void)
{
  /* Each row is an argument vector, NULL-terminated. */
  const char *const cases[][7] = {
    { NULL },
    { "frobnicate", NULL },
    { "users", NULL },
    { "users", "frob", NULL },
    { "iams", NULL },
    { "iams", "list", "extra", NULL },
    { "--no-such-option", "users", "list", NULL },
    { "--profile", "x", "--server", "http://127.0.0.1:1", "users", "list", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliResult) result = cli_runv (NULL, cases[i]);

      cli_assert_failure (result, 2);
      g_assert_cmpstr (result->out, ==, "");
    }
}

/* ---------------------------------------------------------- reaching it */

static void
test_closed_port (void)
{
  g_autofree char *url = cli_closed_port_url ();
  char            *env[] = { (char *) "STEWARD_API_KEY=whatever", NULL };
  CliRun           run = { env, NULL };
  g_autoptr (CliResult) result = cli_run (&run, "--server", url, "users", "list", NULL);

  cli_assert_failure (result, 3);
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_wrong_key (void)
{
  g_autoptr (CliResult) result = cli_run_server (server, "wrong-key", NULL, "iams", "list", NULL);

  cli_assert_failure (result, 4);
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_key_only_from_environment (void)
{
  g_autoptr (CliResult) no_key = cli_run_server (server, NULL, NULL, "iams", "list", NULL);
  g_autoptr (CliResult) empty_key = cli_run_server (server, "", NULL, "iams", "list", NULL);
  g_autoptr (CliResult) bad_url = cli_run (NULL, "--server", "ftp://example.com", "iams", "list", NULL);
  g_autoptr (CliResult) key_option = cli_run_server (server, NULL, NULL, "--api-key", server->admin_api_key, "iams", "list", NULL);

  cli_assert_failure (no_key, 2);
  g_assert_nonnull (strstr (no_key->err, "STEWARD_API_KEY"));
  cli_assert_failure (empty_key, 2);
  cli_assert_failure (bad_url, 2);
  /* There is no option that takes a key. */
  cli_assert_failure (key_option, 2);
}

static void
test_trailing_slash (void)
{
  g_autofree char *url = g_strconcat (server->base_url, "/", NULL);
  g_autofree char *key = g_strconcat ("STEWARD_API_KEY=", server->admin_api_key, NULL);
  char            *env[] = { key, NULL };
  CliRun           run = { env, NULL };
  g_autoptr (CliResult) result = cli_run (&run, "--server", url, "iams", "list", NULL);

  cli_assert_status (result, 0);
}

/* ----------------------------------------------- iams and permissions */

static void
test_iams (void)
{
  g_autoptr (CliResult) table = run_admin ("iams", "list", NULL);
  g_autoptr (CliResult) json = run_admin ("iams", "list", "--json", NULL);
  g_autoptr (JsonNode) iams = NULL;
  g_auto (GStrv) ids = NULL;

  cli_assert_status (table, 0);
  g_assert_true (g_str_has_prefix (table->out, "ID"));
  g_assert_nonnull (strstr (table->out, "DISPLAY NAME"));
  g_assert_nonnull (strstr (table->out, "\nbim "));
  g_assert_true (g_str_has_suffix (table->out, "\n3 identity managers\n"));

  cli_assert_status (json, 0);
  iams = cli_result_json (json);
  ids = json_member_strings (steward_test_json_array (iams), "id");
  g_assert_true (g_strv_contains ((const char *const *) ids, "bim"));
  g_assert_true (g_strv_contains ((const char *const *) ids, "okta"));
  g_assert_true (g_strv_contains ((const char *const *) ids, "ldap"));
  for (guint i = 0; i < g_strv_length (ids); i++)
    {
      JsonObject *iam = steward_test_json_object (json_array_get_element (steward_test_json_array (iams), i));

      steward_test_json_get_string (iam, "displayName");
      steward_test_json_get_string (iam, "type");
      steward_test_json_get_bool (iam, "oauth");
    }
}

static void
test_permissions (void)
{
  g_autoptr (CliResult) table = run_admin ("permissions", "list", NULL);
  g_autoptr (CliResult) json = run_admin ("--json", "permissions", "list", NULL);
  g_autoptr (JsonNode) permissions = NULL;
  g_auto (GStrv) names = NULL;

  cli_assert_status (table, 0);
  g_assert_nonnull (strstr (table->out, "USER_ADMIN"));
  g_assert_nonnull (strstr (table->out, "Manage users and groups"));
  g_assert_nonnull (strstr (table->out, " permissions\n"));

  cli_assert_status (json, 0);
  permissions = cli_result_json (json);
  names = json_member_strings (steward_test_json_array (permissions), "name");
  g_assert_true (g_strv_contains ((const char *const *) names, "USER_ADMIN"));
  g_assert_true (g_strv_contains ((const char *const *) names, "IMPERSONATE_USER"));
  g_assert_cmpuint (g_strv_length (names), >=, 11);
}

/* ------------------------------------------------------ paged user lists */

static void
test_users_paging (void)
{
  g_autoptr (CliResult) all = run_admin ("--json", "users", "list", "--include-disabled", NULL);
  g_autoptr (CliResult) limited = run_admin ("--json", "users", "list", "--include-disabled", "--limit", "1050", NULL);
  g_autoptr (CliResult) table = run_admin ("users", "list", "--include-disabled", NULL);
  g_autoptr (JsonNode) all_list = NULL;
  g_autoptr (JsonNode) limited_list = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *total_line = NULL;
  JsonArray       *hits;
  gint64           count;

  cli_assert_status (all, 0);
  all_list = cli_result_json (all);
  count = steward_test_json_get_int (steward_test_json_object (all_list), "count");
  hits = steward_test_json_get_array (steward_test_json_object (all_list), "hits");
  g_assert_cmpint (count, >, 1000);
  g_assert_cmpint (json_array_get_length (hits), ==, count);

  /* Two pages, joined without a gap or a repeat. */
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));
      gint64     *id = g_new (gint64, 1);

      *id = steward_test_json_get_int (hit, "id");
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
    }

  cli_assert_status (limited, 0);
  limited_list = cli_result_json (limited);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (limited_list), "hits")), ==, 1050);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (limited_list), "count"), ==, count);

  /* The total with a thousands separator. */
  cli_assert_status (table, 0);
  total_line = g_strdup_printf ("\n%d,%03d users\n", (int) (count / 1000), (int) (count % 1000));
  g_assert_true (g_str_has_suffix (table->out, total_line));
}

/* ------------------------------------------------------------------ audit */

static void
test_audit (void)
{
  g_autoptr (CliResult) table = run_admin ("audit", "--limit", "5", NULL);
  g_autoptr (CliResult) json = run_admin ("--json", "audit", NULL);
  g_autoptr (CliResult) many = run_admin ("--json", "audit", "--limit", "1500", NULL);
  g_autoptr (JsonNode) records = NULL;
  g_autoptr (JsonNode) more = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray *hits;
  gint64     count;

  cli_assert_status (table, 0);
  lines = g_strsplit (table->out, "\n", -1);
  /* Header, five records, "5 of N records", and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_nonnull (strstr (lines[0], "RECORD"));
  g_assert_true (g_str_has_prefix (lines[6], "5 of "));
  g_assert_true (g_str_has_suffix (lines[6], " records"));

  cli_assert_status (json, 0);
  records = cli_result_json (json);
  hits = steward_test_json_get_array (steward_test_json_object (records), "hits");
  count = steward_test_json_get_int (steward_test_json_object (records), "count");
  /* 25 by default, from sixty days of demo history. */
  g_assert_cmpuint (json_array_get_length (hits), ==, 25);
  g_assert_cmpint (count, >, 1000);
  steward_test_json_get_string (steward_test_json_object (json_array_get_element (hits, 0)), "recordType");
  steward_test_json_get_object (steward_test_json_object (json_array_get_element (hits, 0)), "actor");

  /* More than one page: 1,000 and then 500 more. */
  cli_assert_status (many, 0);
  more = cli_result_json (many);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (more), "hits")), ==,
                    MIN (1500, (guint) steward_test_json_get_int (steward_test_json_object (more), "count")));
}

static void
test_audit_user (void)
{
  g_autoptr (CliResult) created = run_admin ("--json", "users", "create", "--name", "Aud It", "--email", "audited@example.com", NULL);
  g_autoptr (JsonNode) user = NULL;
  g_autofree char *id = NULL;
  g_autoptr (CliResult) by_userid = NULL;
  g_autoptr (CliResult) by_id = NULL;
  g_autoptr (CliResult) bad_limit = run_admin ("audit", "--limit", "0", NULL);
  g_autoptr (JsonNode) by_userid_records = NULL;
  g_autoptr (JsonNode) by_id_records = NULL;
  JsonArray *hits;

  cli_assert_status (created, 0);
  user = cli_result_json (created);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_test_json_get_int (steward_test_json_object (user), "id"));

  by_userid = run_admin ("--json", "audit", "--user", "audited@example.com", NULL);
  cli_assert_status (by_userid, 0);
  by_userid_records = cli_result_json (by_userid);
  hits = steward_test_json_get_array (steward_test_json_object (by_userid_records), "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (json_array_get_element (hits, 0)), "recordType"), ==,
                   "userCreated");

  by_id = run_admin ("--json", "audit", "--user", id, NULL);
  cli_assert_status (by_id, 0);
  by_id_records = cli_result_json (by_id);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (by_id_records), "count"), ==, 1);

  cli_assert_failure (bad_limit, 2);
}

/* ---------------------------------------------------------------- metrics */

static void
test_metrics_printed (void)
{
  g_autoptr (CliResult) json = run_admin ("--json", "metrics", "--days", "7", NULL);
  g_autoptr (CliResult) table = run_admin ("metrics", "--days", "7", NULL);
  g_autoptr (JsonNode) document = NULL;
  JsonObject *root;

  cli_assert_status (json, 0);
  document = cli_result_json (json);
  root = steward_test_json_object (document);
  g_assert_cmpint (steward_test_json_get_int (root, "days"), ==, 7);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (root, "workflows")), ==, 7);
  steward_test_json_get_object (root, "totals");

  cli_assert_status (table, 0);
  g_assert_true (g_str_has_prefix (table->out, "Metrics of 7 days, "));
  g_assert_nonnull (strstr (table->out, "Users created"));
  g_assert_nonnull (strstr (table->out, "API key sign-ins"));
}

static void
test_metrics_saved (void)
{
  g_autofree char *dir = g_dir_make_tmp ("stewardctl-metrics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "m.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (CliResult) saved = run_admin ("metrics", "--days", "30", "-o", path, NULL);
  g_autoptr (CliResult) refused = NULL;
  g_autoptr (CliResult) forced = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *expected = NULL;

  cli_assert_status (saved, 0);
  expected = g_strdup_printf ("Saved the metrics of 30 days to %s\n", path);
  g_assert_cmpstr (saved->out, ==, expected);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  document = steward_test_json_parse (contents);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (document), "days"), ==, 30);

  /* An existing file is kept unless --force. */
  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));
  refused = run_admin ("metrics", "--days", "30", "--output", path, NULL);
  cli_assert_failure (refused, 2);
  g_assert_nonnull (strstr (refused->err, "--force"));
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "precious");

  forced = run_admin ("metrics", "--days", "30", "--output", path, "--force", NULL);
  cli_assert_status (forced, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, !=, "precious");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_metrics_errors (void)
{
  g_autoptr (CliResult) no_days = run_admin ("metrics", NULL);
  g_autoptr (CliResult) zero = run_admin ("metrics", "--days", "0", NULL);
  g_autoptr (CliResult) too_many = run_admin ("metrics", "--days", "366", NULL);
  g_autoptr (CliResult) force_alone = run_admin ("metrics", "--days", "3", "--force", NULL);
  g_autoptr (CliResult) no_directory = run_admin ("metrics", "--days", "3", "-o", "/nonexistent/dir/m.json", NULL);

  cli_assert_failure (no_days, 2);
  cli_assert_failure (zero, 2);
  cli_assert_failure (too_many, 2);
  cli_assert_failure (force_alone, 2);
  /* The server answered; the file could not be written. */
  cli_assert_failure (no_directory, 1);
}

/* -------------------------------------------------------- impersonation */

static void
assert_sql (const char *userid,
            const char *expected_line)
{
  /* No server, no key: it needs neither. */
  g_autoptr (CliResult) result = cli_run (NULL, "impersonation-sql", "--iamid", "Okta", "--userid", userid, NULL);
  g_autofree char *expected = g_strconcat ("SET immuta.impersonation_iamid = 'Okta';\n", expected_line, NULL);

  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpstr (result->out, ==, expected);
}

static void
test_impersonation_sql (void)
{
  g_autoptr (CliResult) template = NULL;
  g_autoptr (CliResult) json = NULL;
  g_autoptr (JsonNode) statements = NULL;

  assert_sql ("jdoe", "SET immuta.impersonation_userid = 'jdoe';\n");
  assert_sql ("O'Brien", "SET immuta.impersonation_userid = 'O''Brien';\n");
  assert_sql ("'; DROP ROLE x; --", "SET immuta.impersonation_userid = '''; DROP ROLE x; --';\n");
  assert_sql ("back\\'slash", "SET immuta.impersonation_userid = E'back\\\\''slash';\n");

  template = cli_run (NULL, "impersonation-sql", "--iamid", "bim", "--userid", "ann",
                      "--template", "{userid}@example.com", NULL);
  cli_assert_status (template, 0);
  g_assert_true (g_str_has_suffix (template->out, "SET immuta.impersonation_userid_template = '{userid}@example.com';\n"));

  json = cli_run (NULL, "--json", "impersonation-sql", "--iamid", "bim", "--userid", "O'Brien", NULL);
  cli_assert_status (json, 0);
  statements = cli_result_json (json);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (statements), "statements")), ==, 2);
}

static void
test_impersonation_sql_refused (void)
{
  g_autoptr (CliResult) no_placeholder = cli_run (NULL, "impersonation-sql", "--iamid", "bim", "--userid", "ann",
                                                  "--template", "someone@example.com", NULL);
  g_autoptr (CliResult) control = cli_run (NULL, "impersonation-sql", "--iamid", "bim", "--userid", "ann\nSET x = 1", NULL);
  g_autoptr (CliResult) no_userid = cli_run (NULL, "impersonation-sql", "--iamid", "bim", NULL);
  g_autoptr (CliResult) no_iamid = cli_run (NULL, "impersonation-sql", "--userid", "ann", NULL);

  cli_assert_failure (no_placeholder, 2);
  g_assert_nonnull (strstr (no_placeholder->err, "{userid}"));
  cli_assert_failure (control, 2);
  g_assert_cmpstr (control->out, ==, "");
  cli_assert_failure (no_userid, 2);
  cli_assert_failure (no_iamid, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Over a thousand users and audit records: more than one page of each. */
  server = steward_test_server_start ("--demo", "1100", NULL);

  g_test_add_func ("/stewardctl/help", test_help);
  g_test_add_func ("/stewardctl/usage-errors", test_usage_errors);
  g_test_add_func ("/stewardctl/closed-port", test_closed_port);
  g_test_add_func ("/stewardctl/wrong-key", test_wrong_key);
  g_test_add_func ("/stewardctl/key-from-environment", test_key_only_from_environment);
  g_test_add_func ("/stewardctl/trailing-slash", test_trailing_slash);
  g_test_add_func ("/stewardctl/iams", test_iams);
  g_test_add_func ("/stewardctl/permissions", test_permissions);
  g_test_add_func ("/stewardctl/users-paging", test_users_paging);
  g_test_add_func ("/stewardctl/audit", test_audit);
  g_test_add_func ("/stewardctl/audit/user", test_audit_user);
  g_test_add_func ("/stewardctl/metrics/printed", test_metrics_printed);
  g_test_add_func ("/stewardctl/metrics/saved", test_metrics_saved);
  g_test_add_func ("/stewardctl/metrics/errors", test_metrics_errors);
  g_test_add_func ("/stewardctl/impersonation-sql", test_impersonation_sql);
  g_test_add_func ("/stewardctl/impersonation-sql/refused", test_impersonation_sql_refused);

  status = g_test_run ();
  steward_test_server_free (server);

  return status;
}
