/* steward-directory-view.h
 *
 * The user directory as a table: one row per StewardUser of a
 * StewardUserDirectory, sorted by the server when a column header is
 * clicked, with the total, a spinner while pages load, and a status page
 * when there is nobody to show or the server could not be reached. Rows
 * are selected with Ctrl/Shift-click, Ctrl+A or Select All (all of the
 * current search and filters, across every page); a bar then says how
 * many and offers the window's bulk actions (win.bulk-*) and Clear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-user-directory.h"
#include "steward-user-selection.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DIRECTORY_VIEW (steward_directory_view_get_type ())

G_DECLARE_FINAL_TYPE (StewardDirectoryView, steward_directory_view, STEWARD, DIRECTORY_VIEW, AdwBin)

GtkWidget            *steward_directory_view_new (void);
StewardUserDirectory *steward_directory_view_get_directory (StewardDirectoryView *self);
void                  steward_directory_view_set_directory (StewardDirectoryView *self,
                                                            StewardUserDirectory *directory);
/* The user of the selected row when exactly one is selected (possibly still a placeholder that fills in
 * when its page arrives), or NULL. */
StewardUser *steward_directory_view_get_selected_user (StewardDirectoryView *self);
/* Who is selected: picked users or all of the query. */
StewardUserSelection *steward_directory_view_get_selection (StewardDirectoryView *self);
void                  steward_directory_view_clear_selection (StewardDirectoryView *self);

/* Compact (a narrow window): only Name and Email. */
void steward_directory_view_set_compact (StewardDirectoryView *self,
                                         gboolean              compact);

/* The style classes of every cell of a user's row: disabled users dimmed. */
GStrv steward_directory_view_row_css_classes (gboolean disabled);

G_END_DECLS
