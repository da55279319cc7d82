/* steward-new-user-dialog.h
 *
 * "New User": Full Name and Email; the e-mail becomes the username.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_NEW_USER_DIALOG (steward_new_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardNewUserDialog, steward_new_user_dialog, STEWARD, NEW_USER_DIALOG, AdwWindow)

/* Emits "user-created" (StewardUser *) once the server created the user,
 * then closes. */
GtkWidget *steward_new_user_dialog_new (StewardSession *session);

G_END_DECLS
