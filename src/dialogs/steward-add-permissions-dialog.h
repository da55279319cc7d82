/* steward-add-permissions-dialog.h
 *
 * "Add Permissions": the permissions a user does not hold yet, each with
 * its meaning, several chosen at once, plus a custom name. Also the
 * chooser of a bulk change (every permission, nothing sent).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-bulk-item.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ADD_PERMISSIONS_DIALOG (steward_add_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardAddPermissionsDialog, steward_add_permissions_dialog, STEWARD, ADD_PERMISSIONS_DIALOG, AdwWindow)

/* Emits "permissions-granted" (StewardUser *the user as the server has it
 * now) once every chosen permission is granted, then closes. */
GtkWidget *steward_add_permissions_dialog_new (StewardSession *session,
                                               StewardUser    *user);

/* Chooses the permissions to add or remove (@kind STEWARD_BULK_ADD_PERMISSIONS
 * or STEWARD_BULK_REMOVE_PERMISSIONS) for @n_users selected users: emits
 * "permissions-chosen" (GStrv) and closes, without sending anything. */
GtkWidget *steward_add_permissions_dialog_new_for_many (StewardSession *session,
                                                        StewardBulkKind kind,
                                                        guint           n_users);

/* The names chosen so far, in catalogue order, the custom one last. */
GStrv steward_add_permissions_dialog_dup_chosen (StewardAddPermissionsDialog *self);

G_END_DECLS
