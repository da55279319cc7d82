/* steward-import-users-dialog.h
 *
 * "Import Users": a CSV file chosen by the person, each of its rows shown
 * with its validation result before anything is sent (bad name or
 * e-mail, bad permission, the same e-mail earlier in the file, already on
 * the server), then Create makes the valid rows' users with a bounded
 * number of requests in flight, a cancellable progress bar and each row's
 * result: created, already there, or failed with the server's own
 * sentence. Failed rows can be retried alone; the chosen file and its
 * rows stay on screen whatever fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-bulk-plan.h"
#include "steward-session.h"
#include "steward-user-import.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_IMPORT_USERS_DIALOG (steward_import_users_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardImportUsersDialog, steward_import_users_dialog, STEWARD, IMPORT_USERS_DIALOG, AdwWindow)

typedef enum
{
  STEWARD_IMPORT_USERS_EMPTY,    /* no file yet */
  STEWARD_IMPORT_USERS_READING,  /* reading and checking the file */
  STEWARD_IMPORT_USERS_PREVIEW,  /* every row validated, nothing sent */
  STEWARD_IMPORT_USERS_CREATING, /* Create is running */
  STEWARD_IMPORT_USERS_RESULTS,  /* each row says how it ended */
  STEWARD_IMPORT_USERS_FAILED,   /* the file could not be read or checked */
} StewardImportUsersStage;

/* Emits "users-created" after a run that created at least one user. */
GtkWidget *steward_import_users_dialog_new (StewardSession *session);

/* Reads, validates and checks @file as if the person had chosen it. */
void steward_import_users_dialog_open_file (StewardImportUsersDialog *self,
                                            GFile                    *file);

StewardImportUsersStage steward_import_users_dialog_get_stage (StewardImportUsersDialog *self);
/* The rows of the file (NULL before one was read). */
StewardUserImport *steward_import_users_dialog_get_import (StewardImportUsersDialog *self);
/* The plan of the last Create (a retry replaces it), or NULL. */
StewardBulkPlan *steward_import_users_dialog_get_plan (StewardImportUsersDialog *self);
/* What the row at @position of the file shows in its Result column. */
char *steward_import_users_dialog_dup_row_result (StewardImportUsersDialog *self,
                                                  guint                     position);

G_END_DECLS
