/* steward-delete-user-dialog.h
 *
 * "Permanently Delete": what a permanent delete means, a copy of the user
 * to keep, "Disable Instead", and then the word Delete typed by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DELETE_USER_DIALOG (steward_delete_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDeleteUserDialog, steward_delete_user_dialog, STEWARD, DELETE_USER_DIALOG, AdwWindow)

/* The one word that confirms, exactly. */
#define STEWARD_DELETE_CONFIRMATION_WORD "Delete"

/* Emits "user-deleted" (StewardUser *) after the server deleted the user,
 * or "disable-requested" when the person chose Disable Instead; closes
 * after either. */
GtkWidget *steward_delete_user_dialog_new (StewardSession *session,
                                           StewardUser    *user);

/* Writes the user's JSON snapshot to @file, replacing it atomically. */
void     steward_delete_user_dialog_save_copy_async (StewardDeleteUserDialog *self,
                                                     GFile                   *file,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
gboolean steward_delete_user_dialog_save_copy_finish (StewardDeleteUserDialog *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

G_END_DECLS
