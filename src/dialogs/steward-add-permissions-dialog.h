/* steward-add-permissions-dialog.h
 *
 * "Add Permissions": the permissions a user does not hold yet, each with
 * its meaning, several chosen at once, plus a custom name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ADD_PERMISSIONS_DIALOG (steward_add_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardAddPermissionsDialog, steward_add_permissions_dialog, STEWARD, ADD_PERMISSIONS_DIALOG, AdwWindow)

/* Emits "permissions-granted" (StewardUser *the user as the server has it
 * now) once every chosen permission is granted, then closes. */
GtkWidget *steward_add_permissions_dialog_new (StewardSession *session,
                                               StewardUser    *user);

/* The names chosen so far, in catalogue order, the custom one last. */
GStrv steward_add_permissions_dialog_dup_chosen (StewardAddPermissionsDialog *self);

G_END_DECLS
