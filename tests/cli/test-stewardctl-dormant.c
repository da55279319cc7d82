/* test-stewardctl-dormant.c
 *
 * "stewardctl users dormant" against a real steward-server with demo
 * data: its counts and accounts equal a direct computation from the
 * server's own replies, oldest first, in a table and in JSON, and its
 * refusals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-http.h"
#include "steward-test-json.h"

#include <stdlib.h>
#include <string.h>

#define SECONDS_PER_DAY (24 * 60 * 60)

static StewardTestServer *server;

/* Every active user as the server lists them, straight from its JSON. */
static GPtrArray *
server_users (void)
{
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);
  GPtrArray       *users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint            offset = 0;
  guint            count;

  do
    {
      g_autofree char *path = g_strdup_printf ("/bim/user?size=1000&offset=%u", offset);
      g_autoptr (JsonNode) reply = steward_test_http_expect (server, "GET", path, token, NULL, 200);
      JsonObject *object = steward_test_json_object (reply);
      JsonArray  *hits = steward_test_json_get_array (object, "hits");

      count = steward_test_json_get_int (object, "count");
      for (guint i = 0; i < json_array_get_length (hits); i++)
        g_ptr_array_add (users, json_node_copy (json_array_get_element (hits, i)));
      offset += json_array_get_length (hits);
    }
  while (offset < count);

  return users;
}

/* How many are dormant by (days, never_only), counted here. */
static guint
expected_dormant (guint    days,
                  gboolean never_only,
                  guint   *n_never)
{
  g_autoptr (GPtrArray) users = server_users ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 cutoff = g_date_time_to_unix (now) - (gint64) days * SECONDS_PER_DAY;
  guint  count = 0;

  *n_never = 0;
  for (guint i = 0; i < users->len; i++)
    {
      JsonObject *user = steward_test_json_object (g_ptr_array_index (users, i));
      const char *last_login = steward_test_json_get_nullable_string (user, "lastLogin");

      if (last_login == NULL)
        {
          (*n_never)++;
          count++;
        }
      else if (!never_only)
        {
          g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (last_login, NULL);

          if (g_date_time_to_unix (when) < cutoff)
            count++;
        }
    }
  return count;
}

static JsonObject *
run_json (JsonNode  **node,
          const char *first_arg,
          ...) G_GNUC_NULL_TERMINATED;

static JsonObject *
run_json (JsonNode  **node,
          const char *first_arg,
          ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (CliResult) result = NULL;
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

  result = cli_runv (&run, (const char *const *) argv->pdata);
  cli_assert_status (result, 0);
  *node = cli_result_json (result);
  return steward_test_json_object (*node);
}

/* The hits are dormant, active, and oldest first: never signed in, then
 * by last login. */
static void
assert_oldest_first (JsonArray *hits)
{
  g_autoptr (GDateTime) previous = NULL;
  gboolean seen_login = FALSE;

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
      const char *last_login = steward_test_json_get_nullable_string (user, "lastLogin");

      g_assert_false (steward_test_json_get_bool (user, "disabled"));
      if (last_login == NULL)
        {
          g_assert_false (seen_login);
          continue;
        }
      seen_login = TRUE;
      {
        g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (last_login, NULL);

        if (previous != NULL)
          g_assert_cmpint (g_date_time_compare (previous, when), <=, 0);
        g_clear_pointer (&previous, g_date_time_unref);
        previous = g_date_time_ref (when);
      }
    }
}

static void
test_counts_match_server (void)
{
  const char *days[] = { "1", "20", "45", "90" };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (int never_only = 0; never_only <= 1; never_only++)
      {
        g_autoptr (JsonNode) node = NULL;
        JsonObject *reply;
        guint       n_never = 0;
        guint       expected = expected_dormant (atoi (days[d]), never_only, &n_never);

        if (never_only)
          reply = run_json (&node, "users", "dormant", "--days", days[d], "--never", "--format", "json", NULL);
        else
          reply = run_json (&node, "users", "dormant", "--days", days[d], "--format", "json", NULL);

        g_assert_cmpint (steward_test_json_get_int (reply, "count"), ==, expected);
        g_assert_cmpint (steward_test_json_get_int (reply, "neverSignedIn"), ==, n_never);
        g_assert_cmpint (steward_test_json_get_int (reply, "days"), ==, atoi (days[d]));
        g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (reply, "hits")), ==, expected);
        assert_oldest_first (steward_test_json_get_array (reply, "hits"));
      }
}

static void
test_table (void)
{
  g_autoptr (CliResult) result = cli_run_server (server, server->admin_api_key, NULL, "users", "dormant", "--days", "30", NULL);
  g_autofree char *summary = NULL;
  guint            n_never = 0;
  guint            expected = expected_dormant (30, FALSE, &n_never);
  g_auto (GStrv) lines = NULL;

  cli_assert_status (result, 0);
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "NAME"));
  g_assert_nonnull (strstr (lines[0], "LAST LOGIN"));
  g_assert_nonnull (strstr (lines[0], "PERMISSIONS"));
  /* Header, one line per account, the summary, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, expected + 3);
  summary = g_strdup_printf ("%u dormant accounts (no sign-in for 30 days), %u never signed in", expected, n_never);
  g_assert_cmpstr (lines[expected + 1], ==, summary);
  g_assert_nonnull (strstr (lines[1], "never"));
}

/* --format csv: the columns of users export, the same accounts in the
 * same order as the JSON form, and nothing but records. */
static void
test_csv (void)
{
  g_autoptr (CliResult) result = cli_run_server (server, server->admin_api_key, NULL, "users", "dormant", "--days", "30",
                                                 "--format", "csv", NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *reply = run_json (&node, "users", "dormant", "--days", "30", "--format", "json", NULL);
  JsonArray  *hits = steward_test_json_get_array (reply, "hits");
  guint       n_hits = json_array_get_length (hits);
  g_auto (GStrv) records = NULL;

  cli_assert_status (result, 0);
  records = g_strsplit (result->out, "\r\n", -1);
  g_assert_cmpstr (records[0], ==, "name,email,iamid,userid,status,createdAt,lastLogin,permissions");
  /* The header, one record per account, and the empty rest after the last line end. */
  g_assert_cmpuint (g_strv_length (records), ==, n_hits + 2);
  g_assert_cmpstr (records[n_hits + 1], ==, "");
  g_assert_cmpuint (n_hits, >, 0);
  for (guint i = 0; i < n_hits; i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));
      g_auto (GStrv) fields = g_strsplit (records[i + 1], ",", -1);

      g_assert_cmpstr (fields[1], ==, steward_test_json_get_string (steward_test_json_get_object (hit, "profile"), "email"));
      g_assert_cmpstr (fields[4], ==, "active");
    }
}

/* The global --json is the same as --format json. */
static void
test_global_json (void)
{
  g_autoptr (JsonNode) node = NULL;
  guint       n_never = 0;
  JsonObject *reply = run_json (&node, "--json", "users", "dormant", NULL);

  g_assert_cmpint (steward_test_json_get_int (reply, "count"), ==, expected_dormant (90, FALSE, &n_never));
}

static void
test_refusals (void)
{
  const char *const bad[][4] = {
    { "--days", "0", NULL },
    { "--days", "3651", NULL },
    { "--days", "ninety", NULL },
    { "--format", "xml", NULL },
    { "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (CliResult) result = cli_run_server (server, server->admin_api_key, NULL, "users", "dormant",
                                                     bad[i][0], bad[i][1], NULL);

      cli_assert_failure (result, 2);
    }
}

static void
test_server_down (void)
{
  g_autofree char *url = cli_closed_port_url ();
  g_autofree char *key = g_strconcat ("STEWARD_API_KEY=", server->admin_api_key, NULL);
  char            *env[] = { key, NULL };
  CliRun           run = { env, NULL };
  g_autoptr (CliResult) result = cli_run (&run, "--server", url, "users", "dormant", NULL);

  g_assert_cmpint (result->status, !=, 0);
  g_assert_nonnull (strstr (result->err, "stewardctl: "));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = steward_test_server_start ("--demo", "250", NULL);

  g_test_add_func ("/stewardctl/dormant/counts-match-server", test_counts_match_server);
  g_test_add_func ("/stewardctl/dormant/table", test_table);
  g_test_add_func ("/stewardctl/dormant/csv", test_csv);
  g_test_add_func ("/stewardctl/dormant/global-json", test_global_json);
  g_test_add_func ("/stewardctl/dormant/refusals", test_refusals);
  g_test_add_func ("/stewardctl/dormant/server-down", test_server_down);

  status = g_test_run ();
  steward_test_server_free (server);
  return status;
}
