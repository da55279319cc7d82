/* steward-impersonation-dialog.h
 *
 * "Prepare Impersonation…": pick the user to act as, and get the SET
 * immuta.impersonation_* statements, quoted safely, to run in a query
 * engine connection, with that connection's details and the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_IMPERSONATION_DIALOG (steward_impersonation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardImpersonationDialog, steward_impersonation_dialog, STEWARD, IMPERSONATION_DIALOG, AdwWindow)

/* @operator: the user who will impersonate (their readiness is shown). */
GtkWidget *steward_impersonation_dialog_new (StewardSession *session,
                                             StewardUser *
                                             operator);

/* Chooses the user to impersonate, as a click on a search result does. */
void steward_impersonation_dialog_set_target (StewardImpersonationDialog *self,
                                              StewardUser                *target);

/* The statements shown, or NULL while there are none (no user chosen, or
 * the template is refused). */
const char *steward_impersonation_dialog_get_statements (StewardImpersonationDialog *self);
/* TRUE once the connection details (or their absence) are known. */
gboolean steward_impersonation_dialog_get_connection_loaded (StewardImpersonationDialog *self);
/* Matches shown for the search, once the server answered. */
guint    steward_impersonation_dialog_get_n_results (StewardImpersonationDialog *self);
gboolean steward_impersonation_dialog_get_searching (StewardImpersonationDialog *self);

G_END_DECLS
