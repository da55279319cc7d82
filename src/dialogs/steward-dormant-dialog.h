/* steward-dormant-dialog.h
 *
 * "Dormant Accounts": active users who have not signed in for a number of
 * days (90 unless changed), or never have, counted and listed oldest first
 * with their permissions, a hundred at a time. Activating one emits
 * "user-activated" so the window can show that user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DORMANT_DIALOG (steward_dormant_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDormantDialog, steward_dormant_dialog, STEWARD, DORMANT_DIALOG, AdwWindow)

#define STEWARD_DORMANT_DIALOG_PAGE_SIZE 100

GtkWidget *steward_dormant_dialog_new (StewardSession *session);

/* The criteria, as the controls hold them. */
void steward_dormant_dialog_set_days (StewardDormantDialog *self,
                                      guint                 days);
void steward_dormant_dialog_set_never_only (StewardDormantDialog *self,
                                            gboolean              never_only);

/* How many accounts are listed, how many are dormant in all, and how many
 * of those never signed in. */
guint    steward_dormant_dialog_get_n_shown (StewardDormantDialog *self);
guint    steward_dormant_dialog_get_n_dormant (StewardDormantDialog *self);
guint    steward_dormant_dialog_get_n_never (StewardDormantDialog *self);
gboolean steward_dormant_dialog_get_loading (StewardDormantDialog *self);

G_END_DECLS
