/* steward-migrate-user-dialog.h
 *
 * "Migrate User": move a user to another identity manager under a
 * username there, keeping their numeric id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MIGRATE_USER_DIALOG (steward_migrate_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardMigrateUserDialog, steward_migrate_user_dialog, STEWARD, MIGRATE_USER_DIALOG, AdwWindow)

/* Emits "user-migrated" (StewardUser *the user in the target IAM) and
 * closes. On a server without the migrate route it says so and keeps
 * Migrate User insensitive. */
GtkWidget *steward_migrate_user_dialog_new (StewardSession *session,
                                            StewardUser    *user);

/* Selects the target IAM by id; FALSE when it is not offered. */
gboolean steward_migrate_user_dialog_select_iam (StewardMigrateUserDialog *self,
                                                 const char               *iamid);

G_END_DECLS
