/* steward-bulk-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bulk-progress.h"

#include <glib/gi18n-lib.h>

static void
progress_notify_cb (StewardBulkRun *run,
                    GParamSpec     *pspec,
                    GtkProgressBar *bar)
{
  guint            total = steward_bulk_run_get_n_total (run);
  guint            finished = steward_bulk_run_get_n_finished (run);
  gint64           left = steward_bulk_run_get_seconds_left (run);
  g_autofree char *text = NULL;

  if (left < 0)
    text = g_strdup_printf (_ ("%u of %u"), finished, total);
  else
    /* TRANSLATORS: "3 of 12, about 5 s left" */
    text = g_strdup_printf (_ ("%u of %u, about %u s left"), finished, total, (guint) left);
  gtk_progress_bar_set_fraction (bar, total > 0 ? (double) finished / total : 1.0);
  gtk_progress_bar_set_text (bar, text);
}

void
steward_bulk_progress_follow (GtkProgressBar *bar,
                              StewardBulkRun *run)
{
  g_return_if_fail (GTK_IS_PROGRESS_BAR (bar));
  g_return_if_fail (STEWARD_IS_BULK_RUN (run));

  g_signal_connect_object (run, "notify::n-finished", G_CALLBACK (progress_notify_cb), bar, 0);
  g_signal_connect_object (run, "notify::seconds-left", G_CALLBACK (progress_notify_cb), bar, 0);
  progress_notify_cb (run, NULL, bar);
}
