/* steward-metrics-chart.h
 *
 * The daily workflow counts of a metrics document as stacked bars, one
 * per day, with a legend; its accessible description says the totals, so
 * the numbers are not only seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-metrics.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_METRICS_CHART (steward_metrics_chart_get_type ())

G_DECLARE_FINAL_TYPE (StewardMetricsChart, steward_metrics_chart, STEWARD, METRICS_CHART, GtkWidget)

GtkWidget      *steward_metrics_chart_new (void);
StewardMetrics *steward_metrics_chart_get_metrics (StewardMetricsChart *self);
void            steward_metrics_chart_set_metrics (StewardMetricsChart *self,
                                                   StewardMetrics      *metrics);

/* What the accessible description says, for a person or a test. */
char *steward_metrics_chart_dup_summary (StewardMetricsChart *self);

G_END_DECLS
