/* steward-window.h
 *
 * The main window: the status page while no server is connected, then the
 * user directory beside (or, when narrow, instead of) the user page, with
 * the server switcher, filters and menus in the header bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-application.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_WINDOW (steward_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardWindow, steward_window, STEWARD, WINDOW, AdwApplicationWindow)

StewardWindow *steward_window_new (StewardApplication *application);
/* Opens @profile's session (reusing one this window opened before). */
void steward_window_connect_profile (StewardWindow  *self,
                                     StewardProfile *profile);
/* The session on screen, or NULL. */
StewardSession *steward_window_get_session (StewardWindow *self);

G_END_DECLS
