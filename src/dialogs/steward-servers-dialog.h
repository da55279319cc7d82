/* steward-servers-dialog.h
 *
 * "Servers…": the saved server profiles, each renamed, re-tagged or
 * removed in place. Removing a profile deletes its key from the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-profiles.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SERVERS_DIALOG (steward_servers_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardServersDialog, steward_servers_dialog, STEWARD, SERVERS_DIALOG, AdwPreferencesWindow)

GtkWidget *steward_servers_dialog_new (StewardProfiles *profiles);

G_END_DECLS
