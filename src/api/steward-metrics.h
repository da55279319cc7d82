/* steward-metrics.h
 *
 * The anonymous usage metrics of route 15: totals, one row of workflow
 * counts per day of the range, and the opt-in interaction counts. The whole
 * document is kept as the server sent it, so "Download Metrics" saves what
 * the server said, not our reading of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The per-day counters of the "workflows" rows, in the order API.md lists
 * them. */
typedef enum
{
  STEWARD_METRICS_WORKFLOW_USER_CREATED,
  STEWARD_METRICS_WORKFLOW_USER_DISABLED,
  STEWARD_METRICS_WORKFLOW_USER_ENABLED,
  STEWARD_METRICS_WORKFLOW_USER_DELETED,
  STEWARD_METRICS_WORKFLOW_USER_MIGRATED,
  STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED,
  STEWARD_METRICS_WORKFLOW_PERMISSION_REMOVED,
  STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED,
} StewardMetricsWorkflow;

#define STEWARD_METRICS_N_WORKFLOWS (STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED + 1)

/* The member name in the document, e.g. "userCreated". */
const char *steward_metrics_workflow_get_key (StewardMetricsWorkflow workflow);

#define STEWARD_TYPE_METRICS (steward_metrics_get_type ())

G_DECLARE_FINAL_TYPE (StewardMetrics, steward_metrics, STEWARD, METRICS, GObject)

JsonNode *steward_metrics_get_document (StewardMetrics *self);
char     *steward_metrics_to_json (StewardMetrics *self,
                                   gsize          *length);

guint       steward_metrics_get_days (StewardMetrics *self);
const char *steward_metrics_get_from (StewardMetrics *self);
const char *steward_metrics_get_to (StewardMetrics *self);
GDateTime  *steward_metrics_get_generated_at (StewardMetrics *self);
guint64     steward_metrics_get_total_users (StewardMetrics *self);
guint64     steward_metrics_get_active_users (StewardMetrics *self);
guint64     steward_metrics_get_disabled_users (StewardMetrics *self);
const char *steward_metrics_get_note (StewardMetrics *self);

guint       steward_metrics_get_n_days (StewardMetrics *self);
const char *steward_metrics_get_day_date (StewardMetrics *self,
                                          guint           day);
guint64     steward_metrics_get_day_count (StewardMetrics        *self,
                                           guint                  day,
                                           StewardMetricsWorkflow workflow);
guint64     steward_metrics_get_workflow_total (StewardMetrics        *self,
                                                StewardMetricsWorkflow workflow);

guint steward_metrics_get_n_interactions (StewardMetrics *self);
void  steward_metrics_get_interaction (StewardMetrics *self,
                                       guint           index,
                                       const char    **date,
                                       const char    **control,
                                       guint64        *count);

G_END_DECLS
