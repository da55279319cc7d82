/* bench-bulk-add.c
 *
 * Bulk add of one permission to 1,000 users: a StewardBulkRun (each user
 * read, then granted; four in flight) against the same grants sent one at
 * a time without the read (what a script looping over `stewardctl users
 * grant` does at best), alternating round by round with a new permission
 * each time, so a machine that others are loading weighs on both alike.
 * Prints the median wall time of each, requests per second, and the ratio.
 *
 * A program that prints figures, not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "steward-bench.h"
#include "steward-bulk-run.h"
#include "steward-test-server.h"

#define N_USERS 1000

static int rounds = 3;

static const GOptionEntry options[] = {
  { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds of each kind (default 3)", "N" },
  { NULL }
};

#define ANSWER_TIMEOUT_S 600

static double
timed_bulk (StewardClient *client,
            GListModel    *users,
            const char    *permission)
{
  const char *grant[] = { permission, NULL };
  g_autoptr (StewardBulkPlan) plan = steward_bulk_plan_new (STEWARD_BULK_ADD_PERMISSIONS, grant, NULL);
  g_autoptr (StewardBulkRun) run = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      steward_bulk_plan_add_user (plan, user);
    }
  run = steward_bulk_run_new (client, plan);
  start = g_get_monotonic_time ();
  steward_bulk_run_apply_async (run, NULL, steward_bench_store_result_cb, &result);
  if (!steward_bulk_run_apply_finish (run, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error))
    steward_bench_fail ("the run failed: %s", error->message);
  if (steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE) != N_USERS)
    steward_bench_fail ("only %u users granted", steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE));
  return steward_bench_seconds_since (start);
}

static double
timed_one_at_a_time (StewardClient *client,
                     GListModel    *users,
                     const char    *permission)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      g_autoptr (StewardUser) granted = NULL;
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      steward_client_add_permission_async (client, steward_user_get_iamid (user), steward_user_get_userid (user), permission,
                                           NULL, steward_bench_store_result_cb, &result);
      granted = steward_client_add_permission_finish (client, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
      if (granted == NULL)
        steward_bench_fail ("a grant failed: %s", error->message);
    }
  return steward_bench_seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardTestServer) server = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) bulk = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) single = g_array_new (FALSE, FALSE, sizeof (double));
  double bulk_median, single_median;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rounds < 1)
    steward_bench_fail ("%s", error != NULL ? error->message : "--rounds must be at least 1");

  server = steward_test_server_start ("--demo", "1000", NULL);
  client = steward_client_new (server->base_url, server->admin_api_key);
  query->size = N_USERS;
  query->include_disabled = TRUE;
  steward_client_list_users_async (client, query, NULL, steward_bench_store_result_cb, &result);
  page = steward_client_list_users_finish (client, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
  if (page == NULL || steward_page_result_get_n_items (page) != N_USERS)
    steward_bench_fail ("cannot list %u users", N_USERS);

  for (int r = 0; r < rounds; r++)
    {
      g_autofree char *bulk_permission = g_strdup_printf ("BENCH_BULK_%d", r);
      g_autofree char *single_permission = g_strdup_printf ("BENCH_SINGLE_%d", r);
      double           seconds;

      seconds = timed_bulk (client, steward_page_result_get_items (page), bulk_permission);
      g_array_append_val (bulk, seconds);
      seconds = timed_one_at_a_time (client, steward_page_result_get_items (page), single_permission);
      g_array_append_val (single, seconds);
    }

  bulk_median = median (bulk);
  single_median = median (single);
  g_print ("bulk add of one permission to %u users, median of %d rounds (shared machine)\n", N_USERS, rounds);
  g_print ("  StewardBulkRun, 4 in flight, read + grant: %.2f s, %.0f requests/s, %.0f users/s\n",
           bulk_median, 2 * N_USERS / bulk_median, N_USERS / bulk_median);
  g_print ("  one at a time, grant only (baseline):      %.2f s, %.0f requests/s, %.0f users/s\n",
           single_median, N_USERS / single_median, N_USERS / single_median);
  g_print ("  ratio of wall times (baseline / bulk):     %.2f\n", single_median / bulk_median);
  return EXIT_SUCCESS;
}
