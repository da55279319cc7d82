/* steward-connect-dialog.h
 *
 * "Connect to a Server…": name, URL and API key of a new server profile.
 * Connect authenticates and loads the current user before anything is
 * stored; only then is the profile saved and its key put in the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-profiles.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CONNECT_DIALOG (steward_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardConnectDialog, steward_connect_dialog, STEWARD, CONNECT_DIALOG, AdwWindow)

/* Emits "connected" (StewardProfile *saved, StewardSession *session) once
 * the profile is saved and its key stored, then closes. */
GtkWidget *steward_connect_dialog_new (StewardProfiles *profiles);

void steward_connect_dialog_set_values (StewardConnectDialog *self,
                                        const char           *name,
                                        const char           *url,
                                        const char           *api_key);

G_END_DECLS
