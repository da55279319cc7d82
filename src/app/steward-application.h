/* steward-application.h
 *
 * The application object: the settings, the server profiles and the local
 * server shared by every window, the application-wide actions and their
 * keyboard shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-journal.h"
#include "steward-local-server.h"
#include "steward-profiles.h"
#include "steward-usage-counter.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_APPLICATION (steward_application_get_type ())

G_DECLARE_FINAL_TYPE (StewardApplication, steward_application, STEWARD, APPLICATION, AdwApplication)

StewardApplication *steward_application_new (void);

GSettings       *steward_application_get_settings (StewardApplication *self);
StewardProfiles *steward_application_get_profiles (StewardApplication *self);
/* Created on first use; stopped when the application shuts down. */
StewardLocalServer *steward_application_get_local_server (StewardApplication *self);

/* Counts uses of controls once the person opted in (Send Anonymous Usage
 * Counts, kept in GSettings). */
StewardUsageCounter *steward_application_get_usage_counter (StewardApplication *self);

/* The local change journal every session of the application records its
 * writes in. */
StewardJournal *steward_application_get_journal (StewardApplication *self);

/* The StewardWindow focused last, or NULL: the one D-Bus callers and
 * the application actions work on. */
GtkWindow *steward_application_get_main_window (StewardApplication *self);

G_END_DECLS
