/* steward-pending-changes-dialog.h
 *
 * "Pending Changes": the review of a bulk change before anything is sent
 * (each user with before → after, and the users a guard leaves out with
 * the reason), then its progress (count and time left, cancellable), then
 * each user's result: done, already so, failed with the server's own
 * sentence, or skipped. Failures can be retried alone, and what was
 * applied can be undone, each through the same review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-bulk-plan.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PENDING_CHANGES_DIALOG (steward_pending_changes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardPendingChangesDialog, steward_pending_changes_dialog, STEWARD, PENDING_CHANGES_DIALOG, AdwWindow)

typedef enum
{
  STEWARD_PENDING_CHANGES_CHECKING, /* guards and what is already so, on the server */
  STEWARD_PENDING_CHANGES_REVIEW,
  STEWARD_PENDING_CHANGES_APPLYING,
  STEWARD_PENDING_CHANGES_RESULTS,
  STEWARD_PENDING_CHANGES_FAILED, /* the check itself failed */
} StewardPendingChangesStage;

/* Emits "applied" (StewardBulkPlan *the plan run) each time a run ends,
 * cancelled or not, so what shows the users can reload them. */
GtkWidget *steward_pending_changes_dialog_new (StewardSession  *session,
                                               StewardBulkPlan *plan);

StewardPendingChangesStage steward_pending_changes_dialog_get_stage (StewardPendingChangesDialog *self);
/* The plan shown now (a retry or an undo replaces it). */
StewardBulkPlan *steward_pending_changes_dialog_get_plan (StewardPendingChangesDialog *self);

G_END_DECLS
