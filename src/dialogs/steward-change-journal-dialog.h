/* steward-change-journal-dialog.h
 *
 * Change Journal: the writes made from this computer (the local change
 * journal), newest first, searched and filtered by server, kind, result
 * and date, and exported as CSV or JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-journal.h"

G_BEGIN_DECLS

/* How many changes are shown at first, and added by Show More. */
#define STEWARD_CHANGE_JOURNAL_PAGE_SIZE 200

#define STEWARD_TYPE_CHANGE_JOURNAL_DIALOG (steward_change_journal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardChangeJournalDialog, steward_change_journal_dialog, STEWARD, CHANGE_JOURNAL_DIALOG, AdwWindow)

/* @server: the server (profile name) chosen at first, or NULL for all. */
GtkWidget *steward_change_journal_dialog_new (StewardJournal *journal,
                                              const char     *server);

/* The changes on screen: a list model of StewardChange. */
GListModel *steward_change_journal_dialog_get_changes (StewardChangeJournalDialog *self);
gboolean    steward_change_journal_dialog_get_loading (StewardChangeJournalDialog *self);

/* Writes every change the filters select (not only those shown) to
 * @file atomically: what Export does once the person chose the file. */
void     steward_change_journal_dialog_export_async (StewardChangeJournalDialog *self,
                                                     GFile                      *file,
                                                     StewardJournalFormat        format,
                                                     GCancellable               *cancellable,
                                                     GAsyncReadyCallback         callback,
                                                     gpointer                    user_data);
gboolean steward_change_journal_dialog_export_finish (StewardChangeJournalDialog *self,
                                                      GAsyncResult               *result,
                                                      GError                    **error);

G_END_DECLS
