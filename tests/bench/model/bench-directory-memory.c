/* bench-directory-memory.c
 *
 * What a StewardUserDirectory of 100,000 users costs once every position
 * has been asked for: a real steward-server seeded with "--demo N", a
 * connected StewardClient, then g_list_model_get_item() on every position
 * 0..n-1 (the reference dropped at once, as a list view does with rows it
 * has recycled) and the main context run until every page it requested has
 * arrived. Disabled accounts are included so the directory holds every
 * seeded user, and its window of loaded pages is unbounded so it keeps
 * every page: the cost per user of what the window bounds (the app's
 * bench measures the window while scrolling).
 *
 * The baseline is the same process just after connecting, before the
 * directory exists: the difference between the two RSS figures is what the
 * directory and the pages it fetched cost. Prints the time to the first
 * page, the time to load everything, the pages requested and VmRSS/VmHWM
 * before and after, with the target (at most 120 MB).
 *
 * A program that prints figures, not a test: it fails only when the
 * directory does not end up holding every user, or, with --enforce, when
 * the target is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "steward-bench.h"
#include "steward-test-server.h"
#include "steward-user-directory.h"

#define DEFAULT_USERS 100000
#define TARGET_MB 120.0
/* Waits longer than this mean the directory lost a page for good. */
#define WAIT_SECONDS 600
/* A failed page is asked for again when one of its positions is; this
 * many sweeps over the placeholders left give up on a server that keeps
 * failing. */
#define MAX_SWEEPS 3

static int      n_users = DEFAULT_USERS;
static int      page_size = STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE;
static gboolean enforce;

static const GOptionEntry options[] = {
  { "users", 'n', 0, G_OPTION_ARG_INT, &n_users, "Users the server is seeded with (default 100000)", "N" },
  { "page-size", 'p', 0, G_OPTION_ARG_INT, &page_size, "Users per page the directory requests (default 50)", "N" },
  { "enforce", 0, 0, G_OPTION_ARG_NONE, &enforce, "Exit with 1 when the target is missed", NULL },
  { NULL }
};

typedef gboolean (*Predicate) (gpointer user_data);

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main context until @predicate holds; @what says in the message
 * what never happened. */
static void
run_until (Predicate   predicate,
           gpointer    user_data,
           const char *what)
{
  gboolean timed_out = FALSE;
  guint    timeout_id = g_timeout_add_seconds (WAIT_SECONDS, set_flag_cb, &timed_out);

  while (!predicate (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    steward_bench_fail ("%s within %d s", what, WAIT_SECONDS);

  g_source_remove (timeout_id);
}

static gboolean
result_arrived (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static gboolean
directory_is_idle (gpointer user_data)
{
  return !steward_user_directory_get_loading (user_data);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Route 1, so the baseline includes a session that has talked to the
 * server, as an application has once it shows the directory. */
static void
connect_client (StewardClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  steward_client_authenticate_async (client, NULL, store_result_cb, &result);
  run_until (result_arrived, &result, "the client did not authenticate");
  if (!steward_client_authenticate_finish (client, result, &error))
    steward_bench_fail ("cannot authenticate: %s", error->message);
}

/* Asks for every position, each reference dropped at once. */
static void
touch_every_position (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint position = 0; position < n_items; position++)
    g_object_unref (g_list_model_get_item (model, position));
}

/* Positions still holding a placeholder (a user without a userid). */
static guint
count_placeholders (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint n_placeholders = 0;

  for (guint position = 0; position < n_items; position++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (model, position);

      if (steward_user_get_userid (user) == NULL)
        n_placeholders++;
    }

  return n_placeholders;
}

static void
print_memory (const char *when,
              guint64     rss_kb,
              guint64     peak_kb,
              const char *peak_note)
{
  g_print ("  %-34s VmRSS %7.1f MB   VmHWM %7.1f MB %s\n",
           when, steward_bench_kb_to_mb (rss_kb), steward_bench_kb_to_mb (peak_kb), peak_note);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- the memory of a fully touched user directory");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardTestServer) server = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (StewardUserDirectory) directory = NULL;
  g_autofree char *demo = NULL;
  GListModel      *model;
  guint64          baseline_rss_kb;
  guint64          baseline_peak_kb;
  gboolean         peak_restarted;
  guint64          after_rss_kb;
  guint64          after_peak_kb;
  gint64           started;
  double           first_page_s;
  double           touch_s;
  double           load_s;
  guint            n_items;
  guint            expected_pages;
  guint            n_placeholders;
  guint            sweeps = 0;
  double           peak_mb;
  gboolean         met;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    steward_bench_fail ("%s", error->message);
  if (n_users < 1 || page_size < 1 || page_size > 1000)
    steward_bench_fail ("--users must be at least 1 and --page-size between 1 and 1000");

  demo = g_strdup_printf ("%d", n_users);
  started = g_get_monotonic_time ();
  server = steward_test_server_start ("--demo", demo, NULL);
  g_print ("steward-server --demo %d seeded and listening after %.1f s\n", n_users, steward_bench_seconds_since (started));

  client = steward_client_new (server->base_url, server->admin_api_key);
  started = g_get_monotonic_time ();
  connect_client (client);
  g_print ("client connected (route 1) in %.0f ms\n\n", steward_bench_seconds_since (started) * 1000);

  baseline_rss_kb = steward_bench_rss_kb ();
  baseline_peak_kb = steward_bench_peak_rss_kb ();
  /* From here on the peak is the directory's phase alone. */
  peak_restarted = steward_bench_reset_peak_rss ();

  started = g_get_monotonic_time ();
  /* The client last: GObject sets these after constructed(), in this
   * order, and each change of query starts over, so any other order would
   * send a first request only to cancel it. */
  directory = g_object_new (STEWARD_TYPE_USER_DIRECTORY,
                            "page-size", (guint) page_size,
                            "include-disabled", TRUE,
                            "window-pages", G_MAXUINT,
                            "client", client,
                            NULL);
  model = G_LIST_MODEL (directory);
  run_until (directory_is_idle, directory, "the first page did not arrive");
  first_page_s = steward_bench_seconds_since (started);
  if (steward_user_directory_get_error (directory) != NULL)
    steward_bench_fail ("the first page failed: %s", steward_user_directory_get_error (directory)->message);

  n_items = g_list_model_get_n_items (model);
  if (n_items < (guint) n_users)
    steward_bench_fail ("the directory holds %u users, the server was seeded with %d", n_items, n_users);

  /* Every position at once, then every page it asked for; a page that
   * failed is asked for again by the next sweep over what is left. */
  started = g_get_monotonic_time ();
  touch_every_position (model);
  touch_s = steward_bench_seconds_since (started);
  do
    {
      run_until (directory_is_idle, directory, "the pages did not all arrive");
      n_placeholders = count_placeholders (model);
      sweeps++;
    }
  while (n_placeholders > 0 && sweeps < MAX_SWEEPS);
  load_s = steward_bench_seconds_since (started);

  if (n_placeholders > 0)
    steward_bench_fail ("%u positions never loaded (last error: %s)", n_placeholders,
                        steward_user_directory_get_error (directory) != NULL ? steward_user_directory_get_error (directory)->message : "none");

  after_rss_kb = steward_bench_rss_kb ();
  after_peak_kb = steward_bench_peak_rss_kb ();
  expected_pages = (n_items + page_size - 1) / page_size;

  g_print ("directory: %u users, pages of %d, disabled accounts included\n", n_items, page_size);
  g_print ("  time to the first page           %8.3f s\n", first_page_s);
  g_print ("  time to touch every position     %8.3f s (the get_item() calls alone)\n", touch_s);
  g_print ("  time until every page had loaded %8.3f s (touching included)\n", load_s);
  g_print ("  pages requested                  %8u (one per page would be %u; %u sweep%s)\n",
           steward_user_directory_get_pages_requested (directory), expected_pages, sweeps, sweeps == 1 ? "" : "s");

  g_print ("\nmemory of this process (1 MB = 10^6 bytes):\n");
  print_memory ("baseline: connected, no directory", baseline_rss_kb, baseline_peak_kb, "(peak since start)");
  print_memory ("after every page loaded", after_rss_kb, after_peak_kb,
                peak_restarted ? "(peak since the baseline)" : "(peak since start: the kernel refused a restart)");
  g_print ("  the directory's share (RSS after - baseline) %.1f MB, %.0f bytes per user\n",
           steward_bench_kb_to_mb (after_rss_kb - MIN (after_rss_kb, baseline_rss_kb)),
           (double) (after_rss_kb - MIN (after_rss_kb, baseline_rss_kb)) * 1024 / n_items);

  peak_mb = steward_bench_kb_to_mb (MAX (after_peak_kb, after_rss_kb));
  met = peak_mb <= TARGET_MB;
  g_print ("\ntarget: process peak RSS <= %.0f MB with every position touched: %.1f MB, %s\n",
           TARGET_MB, peak_mb, met ? "met" : "MISSED");

  g_clear_object (&directory);
  steward_test_server_stop (server);

  return enforce && !met ? EXIT_FAILURE : EXIT_SUCCESS;
}
