/* steward-metrics-dialog.h
 *
 * "Download Metrics": the anonymous usage metrics for a Number of Days,
 * drawn as a chart and saved as the server's JSON document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_METRICS_DIALOG (steward_metrics_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardMetricsDialog, steward_metrics_dialog, STEWARD, METRICS_DIALOG, AdwWindow)

GtkWidget *steward_metrics_dialog_new (StewardSession *session);

/* The metrics last downloaded, or NULL. */
StewardMetrics *steward_metrics_dialog_get_metrics (StewardMetricsDialog *self);
gboolean        steward_metrics_dialog_get_downloading (StewardMetricsDialog *self);

/* "steward-metrics-2026-11-28-30-days.json" */
char *steward_metrics_dialog_dup_file_name (StewardMetricsDialog *self);

/* Writes the downloaded document to @file, replacing it atomically (the
 * file chooser's answer ends here too). */
void     steward_metrics_dialog_save_async (StewardMetricsDialog *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean steward_metrics_dialog_save_finish (StewardMetricsDialog *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
