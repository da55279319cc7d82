/* steward-command-palette.h
 *
 * The command palette (Ctrl+K): one search entry over one list, which
 * holds the users the server finds by name or e-mail and the window's
 * actions found by name. Choosing a user emits "user-chosen" (the window
 * puts them on its user page) and leaves the palette open for an action;
 * choosing an action closes the palette and activates it on the action
 * group it was given, so the same guards, confirmations and journal
 * apply as for the buttons. Arrows move through the list, Enter chooses,
 * Escape closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_COMMAND_PALETTE (steward_command_palette_get_type ())

G_DECLARE_FINAL_TYPE (StewardCommandPalette, steward_command_palette, STEWARD, COMMAND_PALETTE, AdwWindow)

/* How many users one search shows. */
#define STEWARD_COMMAND_PALETTE_MAX_USERS 8

/* @session may be NULL (no server yet: actions only). @window's "win."
 * actions are offered while enabled (its action group's, and the widget
 * actions of its class) and run through it. @user is the one actions
 * apply to (the user page's), or NULL. */
GtkWidget *steward_command_palette_new (StewardSession *session,
                                        GtkWidget      *window,
                                        StewardUser    *user);

/* The user actions apply to, shown above the list. */
void         steward_command_palette_set_user (StewardCommandPalette *self,
                                               StewardUser           *user);
StewardUser *steward_command_palette_get_user (StewardCommandPalette *self);

/* A user search is waiting for its pause or its reply. */
gboolean steward_command_palette_get_searching (StewardCommandPalette *self);

/* Moves the highlight one row down (@delta 1) or up (-1); Enter in the
 * entry chooses the highlighted row. */
void steward_command_palette_move (StewardCommandPalette *self,
                                   int                    delta);

G_END_DECLS
