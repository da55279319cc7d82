/* test-usage-counter.c
 *
 * StewardUsageCounter against a real steward-server: nothing is counted
 * or sent until the person opts in, what is sent arrives in the server's
 * metrics as counts per control (and nothing else), a failed send keeps
 * the counts, and turning it off forgets them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-usage-counter.h"

#include "model-test-util.h"

static gboolean
send_counts (StewardUsageCounter *counter,
             StewardClient       *client,
             GError             **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_usage_counter_send_async (counter, client, NULL, model_test_store_result_cb, &result);
  return steward_usage_counter_send_finish (counter, model_test_wait_result (&result), error);
}

/* The count the server's metrics hold for @control today. */
static guint64
server_count (StewardClient *client,
              const char    *control)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardMetrics) metrics = NULL;
  g_autoptr (GError) error = NULL;
  guint64 total = 0;

  steward_client_get_metrics_async (client, 1, NULL, model_test_store_result_cb, &result);
  metrics = steward_client_get_metrics_finish (client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < steward_metrics_get_n_interactions (metrics); i++)
    {
      const char *date, *name;
      guint64     count;

      steward_metrics_get_interaction (metrics, i, &date, &name, &count);
      if (g_strcmp0 (name, control) == 0)
        total += count;
    }
  return total;
}

static void
test_opt_in (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUsageCounter) counter = steward_usage_counter_new ();
  g_autoptr (GError) error = NULL;

  /* Off by default: nothing is kept, nothing sent. */
  g_assert_false (steward_usage_counter_get_enabled (counter));
  steward_usage_counter_record (counter, "new-user");
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, NULL), ==, 0);
  g_assert_true (send_counts (counter, client, &error));
  g_assert_cmpuint (server_count (client, "new-user"), ==, 0);

  /* Opted in: counts per control reach the server. */
  steward_usage_counter_set_enabled (counter, TRUE);
  steward_usage_counter_record (counter, "new-user");
  steward_usage_counter_record (counter, "new-user");
  steward_usage_counter_record (counter, "disable-user");
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, "new-user"), ==, 2);
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, NULL), ==, 3);
  g_assert_true (send_counts (counter, client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, NULL), ==, 0);
  g_assert_cmpuint (server_count (client, "new-user"), ==, 2);
  g_assert_cmpuint (server_count (client, "disable-user"), ==, 1);

  /* Sent once only. */
  g_assert_true (send_counts (counter, client, &error));
  g_assert_cmpuint (server_count (client, "new-user"), ==, 2);

  /* Turning it off forgets what was not sent yet. */
  steward_usage_counter_record (counter, "audit-log");
  steward_usage_counter_set_enabled (counter, FALSE);
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, NULL), ==, 0);
}

static void
test_failed_send_keeps_counts (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUsageCounter) counter = steward_usage_counter_new ();
  g_autoptr (GError) error = NULL;

  steward_usage_counter_set_enabled (counter, TRUE);
  steward_usage_counter_record (counter, "search");
  steward_test_server_stop (server);

  g_assert_false (send_counts (counter, client, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, "search"), ==, 1);
  g_assert_true (steward_usage_counter_get_enabled (counter));
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add_func ("/model/usage-counter/opt-in", test_opt_in);
  g_test_add_func ("/model/usage-counter/failed-send-keeps-counts", test_failed_send_keeps_counts);

  return g_test_run ();
}
