/* bench-journal-writes.c
 *
 * What the change journal adds to a write: a real steward-server, one
 * user disabled and enabled again and again, through a client without a
 * recorder (the baseline) and through one whose writes a StewardJournal
 * records (read the user before, commit the change, send, commit the
 * answer). The two alternate round by round, so a machine that others are
 * loading weighs on both alike. Prints the median and the 90th percentile
 * of each, the ratio of the medians, and the median of a record plus its
 * completion alone (no network).
 *
 * A program that prints figures, not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "steward-bench.h"
#include "steward-client.h"
#include "steward-journal.h"
#include "steward-test-server.h"

static int rounds = 200;

static const GOptionEntry options[] = {
  { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Writes of each kind (default 200)", "N" },
  { NULL }
};

#define ANSWER_TIMEOUT_S 60

/* Seconds one disable or enable takes through @client. */
static double
timed_write (StewardClient *client,
             gboolean       disabled)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  steward_client_set_disabled_async (client, "bim", "bench@example.com", disabled, NULL, steward_bench_store_result_cb, &result);
  user = steward_client_set_disabled_finish (client, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
  if (user == NULL)
    steward_bench_fail ("the write failed: %s", error->message);

  return steward_bench_seconds_since (start);
}

static double
timed_record (StewardJournal *journal)
{
  g_autoptr (StewardChange) change = steward_change_new (STEWARD_CHANGE_DISABLE, "bim", "bench@example.com", NULL);
  g_autoptr (GAsyncResult) recorded = NULL;
  g_autoptr (GAsyncResult) completed = NULL;
  g_autoptr (GDateTime) now = NULL;
  StewardChangeRecorder *recorder = STEWARD_CHANGE_RECORDER (journal);
  gint64                 start = g_get_monotonic_time ();

  steward_change_set_server (change, "Bench", "http://127.0.0.1");
  steward_change_recorder_record_async (recorder, change, steward_bench_store_result_cb, &recorded);
  if (!steward_change_recorder_record_finish (recorder, steward_bench_wait_for (&recorded, ANSWER_TIMEOUT_S), NULL))
    steward_bench_fail ("cannot record");
  now = g_date_time_new_now_utc ();
  steward_change_finish (change, NULL, NULL, now);
  steward_change_recorder_complete_async (recorder, change, steward_bench_store_result_cb, &completed);
  if (!steward_change_recorder_complete_finish (recorder, steward_bench_wait_for (&completed, ANSWER_TIMEOUT_S), NULL))
    steward_bench_fail ("cannot complete");

  return steward_bench_seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

static double
percentile (GArray *samples,
            double  fraction)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint) (fraction * (samples->len - 1)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardTestServer) server = NULL;
  g_autoptr (StewardClient) plain = NULL;
  g_autoptr (StewardClient) journaled = NULL;
  g_autoptr (StewardJournal) journal = NULL;
  g_autoptr (GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) with_journal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  double           baseline_median, journal_median;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rounds < 2)
    steward_bench_fail ("%s", error != NULL ? error->message : "--rounds must be at least 2");

  server = steward_test_server_start (NULL, NULL);
  directory = g_dir_make_tmp ("bench-journal-XXXXXX", NULL);
  path = g_build_filename (directory, "journal.sqlite", NULL);
  journal = steward_journal_new (path, 0);
  plain = steward_client_new (server->base_url, server->admin_api_key);
  journaled = steward_client_new (server->base_url, server->admin_api_key);
  steward_client_set_recorder (journaled, STEWARD_CHANGE_RECORDER (journal), "Bench");

  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (StewardUser) user = NULL;

    steward_client_create_user_async (plain, "bench@example.com", "Bench User", NULL, NULL, NULL, steward_bench_store_result_cb, &result);
    user = steward_client_create_user_finish (plain, steward_bench_wait_for (&result, ANSWER_TIMEOUT_S), &error);
    if (user == NULL)
      steward_bench_fail ("cannot create the user: %s", error->message);
  }

  /* Warm both up: tokens, connections, the journal's file. */
  timed_write (plain, TRUE);
  timed_write (plain, FALSE);
  timed_write (journaled, TRUE);
  timed_write (journaled, FALSE);

  for (int i = 0; i < rounds; i++)
    {
      double seconds;

      seconds = timed_write (plain, i % 2 == 0);
      g_array_append_val (baseline, seconds);
      seconds = timed_write (journaled, i % 2 != 0);
      g_array_append_val (with_journal, seconds);
      seconds = timed_record (journal);
      g_array_append_val (records, seconds);
    }

  baseline_median = percentile (baseline, 0.5);
  journal_median = percentile (with_journal, 0.5);
  g_print ("journaled writes, %d each, alternating, one steward-server on 127.0.0.1 (shared machine):\n", rounds);
  g_print ("  without a recorder (baseline)  median %7.2f ms   p90 %7.2f ms\n", baseline_median * 1000, percentile (baseline, 0.9) * 1000);
  g_print ("  with the change journal        median %7.2f ms   p90 %7.2f ms\n", journal_median * 1000, percentile (with_journal, 0.9) * 1000);
  g_print ("  ratio of medians               %.2f\n", journal_median / baseline_median);
  g_print ("  record + complete alone        median %7.2f ms   p90 %7.2f ms\n", percentile (records, 0.5) * 1000, percentile (records, 0.9) * 1000);

  g_clear_object (&journal);
  body = g_strconcat (path, "-wal", NULL);
  g_unlink (body);
  g_free (body);
  body = g_strconcat (path, "-shm", NULL);
  g_unlink (body);
  g_unlink (path);
  g_rmdir (directory);

  return EXIT_SUCCESS;
}
