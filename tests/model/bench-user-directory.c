/* bench-user-directory.c
 *
 * The memory a StewardUserDirectory costs once a person has scrolled
 * through a whole directory of 100,000 users: every position touched, every
 * page loaded. Prints the time it took and the resident set size, and fails
 * when the peak is over the budget (120 MB by default; --budget-mb N).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model-test-util.h"
#include "steward-user-directory.h"

#define DEFAULT_USERS 100000
#define DEFAULT_BUDGET_MB 120
/* A view shows about this many rows at once; a scroll bar dragged from top
 * to bottom asks for them a screen at a time. */
#define SCREEN_ROWS 40

static guint users = DEFAULT_USERS;
static guint budget_mb = DEFAULT_BUDGET_MB;

/* A field of /proc/self/status ("VmRSS", "VmHWM") in kB. */
static guint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_auto (GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_ascii_strtoull (lines[i] + field_len + 1, NULL, 10);

  return 0;
}

static gboolean
directory_is_idle (gpointer user_data)
{
  return !steward_user_directory_get_loading (user_data);
}

static void
bench_scroll_everything (void)
{
  g_autofree char *demo = g_strdup_printf ("%u", users);
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", demo, NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUserDirectory) directory = NULL;
  GListModel *model;
  guint64     before_kb = read_status_kb ("VmRSS");
  gint64      started = g_get_monotonic_time ();
  guint       n_items;
  guint64     peak_kb;

  /* Disabled accounts too, so every demo user is in it. */
  directory = g_object_new (STEWARD_TYPE_USER_DIRECTORY,
                            "client", client,
                            "include-disabled", TRUE,
                            NULL);
  model = G_LIST_MODEL (directory);
  model_test_wait_until (directory_is_idle, directory);
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >=, users);

  /* Screen by screen, letting each screen's page arrive as a view would. */
  for (guint position = 0; position < n_items; position += SCREEN_ROWS)
    {
      for (guint row = position; row < MIN (position + SCREEN_ROWS, n_items); row++)
        g_object_unref (g_list_model_get_item (model, row));

      if (steward_user_directory_get_loading (directory))
        model_test_wait_until (directory_is_idle, directory);
    }

  /* Every position is a real user now, and none was fetched twice. */
  for (guint position = 0; position < n_items; position += 997)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (model, position);

      g_assert_nonnull (steward_user_get_userid (user));
    }
  g_assert_cmpuint (steward_user_directory_get_pages_requested (directory), ==,
                    (n_items + STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE - 1) / STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE);

  peak_kb = read_status_kb ("VmHWM");
  g_test_minimized_result ((double) peak_kb / 1024.0, "peak RSS %.1f MB", (double) peak_kb / 1024.0);
  g_test_message ("%u users in %.1f s; RSS %.1f MB before, %.1f MB after, peak %.1f MB (budget %u MB)",
                  n_items, (g_get_monotonic_time () - started) / 1e6,
                  (double) before_kb / 1024.0, (double) read_status_kb ("VmRSS") / 1024.0,
                  (double) peak_kb / 1024.0, budget_mb);

  g_assert_cmpuint (peak_kb, <=, (guint64) budget_mb * 1024);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i + 1 < argc; i++)
    {
      if (g_str_equal (argv[i], "--users"))
        users = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
      else if (g_str_equal (argv[i], "--budget-mb"))
        budget_mb = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
    }

  model_test_init (&argc, &argv);
  g_test_add_func ("/model/bench/directory-memory", bench_scroll_everything);

  return g_test_run ();
}
