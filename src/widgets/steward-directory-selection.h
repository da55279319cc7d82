/* steward-directory-selection.h
 *
 * The selection model of the directory view: a GtkSelectionModel over a
 * StewardUserDirectory (Ctrl/Shift-click, Ctrl+A) that never reads a row
 * nobody clicked. GTK 4.8's GtkMultiSelection looks up every selected
 * item (and every item after a change), which would page in the whole
 * directory on Select All; this one keeps positions as a bitset for the
 * rows on screen and who is selected in a StewardUserSelection: the
 * clicked users, or "all of the query" (minus the users Ctrl-clicked out
 * of it).
 *
 * When the directory changes in place (a page of rows arriving) the
 * positions hold; when it starts over (a refresh, a new query), picked
 * users are let go (finding them again would read every page) and "all"
 * becomes all of what the directory now shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-user-directory.h"
#include "steward-user-selection.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DIRECTORY_SELECTION (steward_directory_selection_get_type ())

G_DECLARE_FINAL_TYPE (StewardDirectorySelection, steward_directory_selection, STEWARD, DIRECTORY_SELECTION, GObject)

StewardDirectorySelection *steward_directory_selection_new (void);

void steward_directory_selection_set_directory (StewardDirectorySelection *self,
                                                StewardUserDirectory      *directory);

StewardUserSelection *steward_directory_selection_get_users (StewardDirectorySelection *self);

/* The position of the one user picked, GTK_INVALID_LIST_POSITION unless
 * exactly one is. */
guint steward_directory_selection_get_single_position (StewardDirectorySelection *self);

/* The directory's own row (it updates in place) when exactly one user is
 * picked, otherwise NULL. */
StewardUser *steward_directory_selection_dup_single_row (StewardDirectorySelection *self);

/* Nobody selected. */
void steward_directory_selection_clear (StewardDirectorySelection *self);

G_END_DECLS
