/* bench-select-all.c
 *
 * Select All of a large directory turned into a bulk plan: what
 * steward_user_selection_add_to_plan_async() costs for 100,000 users (the
 * query paged through 1,000 at a time, a plan item per user) against
 * paging through the same query and dropping each page (the least any
 * reader of all of it can do), alternating round by round. Prints the
 * median wall time of each, their ratio, and the peak memory the plan
 * adds. Selecting itself costs nothing measurable (a copy of the query),
 * so it is not timed.
 *
 * A program that prints figures, not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "steward-bench.h"
#include "steward-test-server.h"
#include "steward-user-selection.h"

static int rounds = 3;
static int n_users = 100000;

static const GOptionEntry options[] = {
  { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds of each kind (default 3)", "N" },
  { "users", 'u', 0, G_OPTION_ARG_INT, &n_users, "Demo users on the server (default 100000)", "N" },
  { NULL }
};

#define ANSWER_TIMEOUT_S 900

/* Every page of @query read and dropped; returns how many users. */
static guint
page_through (StewardClient          *client,
              const StewardUserQuery *query)
{
  g_autoptr (StewardUserQuery) page_query = steward_user_query_copy (query);
  guint read = 0;

  page_query->size = 1000;
  for (;;)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (StewardPageResult) page = NULL;
      g_autoptr (GError) error = NULL;
      guint n;

      steward_client_list_users_async (client, page_query, NULL, steward_bench_store_result_cb, &result);
      page = steward_client_list_users_finish (client, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
      if (page == NULL)
        steward_bench_fail ("a page failed: %s", error->message);
      n = steward_page_result_get_n_items (page);
      read += n;
      page_query->offset += n;
      if (n < page_query->size || page_query->offset >= steward_page_result_get_total (page))
        return read;
    }
}

static guint
plan_all (StewardClient          *client,
          const StewardUserQuery *query,
          guint                   count,
          guint64                *peak_kb)
{
  g_autoptr (StewardUserSelection) selection = steward_user_selection_new ();
  g_autoptr (StewardBulkPlan) plan = steward_bulk_plan_new (STEWARD_BULK_ADD_PERMISSIONS, (const char *const[]){ "GOVERNANCE", NULL }, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint added;

  steward_user_selection_select_query (selection, query, count);
  steward_user_selection_add_to_plan_async (selection, client, plan, NULL, steward_bench_store_result_cb, &result);
  added = steward_user_selection_add_to_plan_finish (selection, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
  if (error != NULL)
    steward_bench_fail ("the plan failed: %s", error->message);
  *peak_kb = steward_bench_peak_rss_kb ();
  return added;
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
  g_autoptr (GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) planned = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *demo = NULL;
  guint64          start_kb = 0, peak_kb = 0;
  guint            count = 0;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rounds < 1 || n_users < 1)
    steward_bench_fail ("%s", error != NULL ? error->message : "--rounds and --users must be at least 1");

  demo = g_strdup_printf ("%d", n_users);
  server = steward_test_server_start ("--demo", demo, NULL);
  client = steward_client_new (server->base_url, server->admin_api_key);
  query->include_disabled = TRUE;

  for (int r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;
      guint  added;

      count = page_through (client, query);
      seconds = steward_bench_seconds_since (start);
      g_array_append_val (baseline, seconds);

      /* Memory from the first plan: later ones reuse what the allocator
       * kept from it, so their peak would say nothing. */
      if (r == 0)
        {
          steward_bench_reset_peak_rss ();
          start_kb = steward_bench_rss_kb ();
        }
      start = g_get_monotonic_time ();
      added = plan_all (client, query, count, r == 0 ? &peak_kb : &(guint64){ 0 });
      seconds = steward_bench_seconds_since (start);
      g_array_append_val (planned, seconds);
      if (added != count)
        steward_bench_fail ("the plan holds %u of %u users", added, count);
    }

  g_print ("Select All of %u users into a bulk plan, median of %d rounds (shared machine)\n", count, rounds);
  g_print ("  selection -> plan (pages of 1,000, an item per user): %.2f s, %.0f users/s\n",
           steward_bench_median (planned), count / steward_bench_median (planned));
  g_print ("  paging through the same query, pages dropped (baseline): %.2f s, %.0f users/s\n",
           steward_bench_median (baseline), count / steward_bench_median (baseline));
  g_print ("  ratio of wall times (plan / baseline): %.2f\n", steward_bench_median (planned) / steward_bench_median (baseline));
  g_print ("  memory the first plan added at its peak: %.1f MB (%.2f kB per user)\n",
           steward_bench_kb_to_mb (peak_kb > start_kb ? peak_kb - start_kb : 0),
           count > 0 ? (double) (peak_kb > start_kb ? peak_kb - start_kb : 0) / count : 0.0);
  return EXIT_SUCCESS;
}
