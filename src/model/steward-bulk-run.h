/* steward-bulk-run.h
 *
 * Applies a StewardBulkPlan through a StewardClient (so the journal sees
 * every write): at most "max-in-flight" users at a time, in the plan's
 * order, each item once. For each user it reads the user first (route 6),
 * so a user deleted meanwhile fails with the server's sentence and a
 * change already so is ALREADY, then sends only what is missing.
 *
 * Progress: "n-finished" of "n-total" (the items to send: neither ALREADY
 * nor SKIPPED when planned) and "seconds-left", estimated from the pace so
 * far (-1 until the first item finishes). Each item's "result" notifies as
 * it ends.
 *
 * Cancelling stops sending: items not sent stay PENDING, items whose
 * request was out are FAILED with G_IO_ERROR_CANCELLED (the server may or
 * may not have applied them: a retry reads them again). The run then
 * finishes with G_IO_ERROR_CANCELLED. Any other failure is per item: the
 * run itself succeeds.
 *
 * A run is used once. Retry: steward_bulk_plan_new_retry() and a new run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-bulk-plan.h"
#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_BULK_RUN_DEFAULT_MAX_IN_FLIGHT 4

#define STEWARD_TYPE_BULK_RUN (steward_bulk_run_get_type ())

G_DECLARE_FINAL_TYPE (StewardBulkRun, steward_bulk_run, STEWARD, BULK_RUN, GObject)

StewardBulkRun *steward_bulk_run_new (StewardClient   *client,
                                      StewardBulkPlan *plan);

StewardBulkPlan *steward_bulk_run_get_plan (StewardBulkRun *self);

/* 1 to 64; before steward_bulk_run_apply_async(). */
void  steward_bulk_run_set_max_in_flight (StewardBulkRun *self,
                                          guint           max_in_flight);
guint steward_bulk_run_get_max_in_flight (StewardBulkRun *self);

guint    steward_bulk_run_get_n_total (StewardBulkRun *self);
guint    steward_bulk_run_get_n_finished (StewardBulkRun *self);
gint64   steward_bulk_run_get_seconds_left (StewardBulkRun *self);
gboolean steward_bulk_run_get_running (StewardBulkRun *self);

/* Evaluates the server-side guard first (again: the count of
 * administrators may have changed since the review).
 * Finishes when every item has ended. */
void     steward_bulk_run_apply_async (StewardBulkRun     *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean steward_bulk_run_apply_finish (StewardBulkRun *self,
                                        GAsyncResult   *result,
                                        GError        **error);

G_END_DECLS
