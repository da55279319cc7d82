/* steward-application-actions.h
 *
 * The application actions other programs call over org.gtk.Actions (and
 * desktop shortcuts could): app.show-user (s: an e-mail address or
 * userid), app.new-user and app.switch-server (s: a server profile's
 * name). Each works on the main window focused last, opening one when
 * there is none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

void steward_application_add_remote_actions (StewardApplication *self);

G_END_DECLS
