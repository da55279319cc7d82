/* steward-user-directory.h
 *
 * The users of one server as a GListModel of StewardUser that pages itself
 * in from route 4 as positions are asked for. The number of items is the
 * server's "count" for the current search, filters and order; a position
 * whose page has not arrived yet holds a placeholder: a StewardUser whose
 * userid is NULL. When the page arrives, the placeholder is filled in place
 * (the same object, so bound rows update through notify) and
 * "items-changed" is emitted for the page.
 *
 * Each page is requested once, however often its positions are asked for
 * while it stays loaded. Only a window of pages stays loaded: around the
 * page of the position asked for last (what a view shows) at most
 * "window-pages" pages, plus the pages of pinned positions (the selected
 * row, the row being edited). Pages farther away are dropped silently: no
 * "items-changed", the positions stay, the directory releases their users,
 * and a dropped page is requested again when one of its positions is asked
 * for, with new objects. So memory stays flat however far a view scrolls,
 * and a jump to any position costs that position's page only. Users that
 * nobody else held are reused as placeholders.
 *
 * Changing the search text, a filter or the order cancels every request in
 * flight and starts over from the first page; the old items stay until that
 * page arrives. Then the old first page's objects take the new first
 * page's users in place (one "items-changed" over them, so rows keep their
 * widgets), except at pinned positions, which get new objects; the other
 * old items go in one removal followed by one addition of the new ones
 * (not one replacement, which would make a selection model look for its
 * selection among every new position). Pins end with the query. Nothing
 * ever loads the whole directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE 50
/* 400 rows of 50: several screenfuls on either side of a tall window. */
#define STEWARD_USER_DIRECTORY_DEFAULT_WINDOW_PAGES 8

#define STEWARD_TYPE_USER_DIRECTORY (steward_user_directory_get_type ())

G_DECLARE_FINAL_TYPE (StewardUserDirectory, steward_user_directory, STEWARD, USER_DIRECTORY, GObject)

/* @client may be NULL: the directory is then empty until one is set. */
StewardUserDirectory *steward_user_directory_new (StewardClient *client);
StewardUserDirectory *steward_user_directory_new_with_page_size (StewardClient *client,
                                                                 guint          page_size);

StewardClient *steward_user_directory_get_client (StewardUserDirectory *self);
void           steward_user_directory_set_client (StewardUserDirectory *self,
                                                  StewardClient        *client);
guint          steward_user_directory_get_page_size (StewardUserDirectory *self);

const char *steward_user_directory_get_search_text (StewardUserDirectory *self);
void        steward_user_directory_set_search_text (StewardUserDirectory *self,
                                                    const char           *search_text);
gboolean    steward_user_directory_get_include_disabled (StewardUserDirectory *self);
void        steward_user_directory_set_include_disabled (StewardUserDirectory *self,
                                                         gboolean              include_disabled);
/* Disabled accounts only (an extension: on servers without it the
 * directory reports STEWARD_API_ERROR_UNSUPPORTED). */
gboolean             steward_user_directory_get_disabled_only (StewardUserDirectory *self);
void                 steward_user_directory_set_disabled_only (StewardUserDirectory *self,
                                                               gboolean              disabled_only);
const char          *steward_user_directory_get_permission (StewardUserDirectory *self);
void                 steward_user_directory_set_permission (StewardUserDirectory *self,
                                                            const char           *permission);
StewardUserSortField steward_user_directory_get_sort_field (StewardUserDirectory *self);
void                 steward_user_directory_set_sort_field (StewardUserDirectory *self,
                                                            StewardUserSortField  sort_field);
StewardSortOrder     steward_user_directory_get_sort_order (StewardUserDirectory *self);
void                 steward_user_directory_set_sort_order (StewardUserDirectory *self,
                                                            StewardSortOrder      sort_order);

/* TRUE while a request of the current query is outstanding. */
gboolean steward_user_directory_get_loading (StewardUserDirectory *self);

/* Why the last request failed, or NULL once one succeeds again. A failed
 * first page empties the directory; a failed later page is asked for again
 * the next time one of its positions is. */
const GError *steward_user_directory_get_error (StewardUserDirectory *self);

/* How many pages were requested from the server since construction. */
guint steward_user_directory_get_pages_requested (StewardUserDirectory *self);

/* How many unpinned pages stay loaded around the last position asked for
 * (at least 2). Lowering it drops the farthest pages at once. */
guint steward_user_directory_get_window_pages (StewardUserDirectory *self);
void  steward_user_directory_set_window_pages (StewardUserDirectory *self,
                                               guint                 window_pages);

/* Pages loaded now (pinned ones included) and pages dropped so far. */
guint steward_user_directory_get_n_loaded_pages (StewardUserDirectory *self);
guint steward_user_directory_get_pages_dropped (StewardUserDirectory *self);

/* Keeps the page of @position loaded, whatever the window, until as many
 * unpins of @position, or until a new query. Pin the
 * position of a row whose object must stay the directory's (the selected
 * row: selection models find it again by identity; a row being edited:
 * steward_user_directory_update_user() finds it). Unpinning a position
 * that is not pinned does nothing. */
void steward_user_directory_pin (StewardUserDirectory *self,
                                 guint                 position);
void steward_user_directory_unpin (StewardUserDirectory *self,
                                   guint                 position);

/* Starts over with the current query, for changes made elsewhere. */
void steward_user_directory_refresh (StewardUserDirectory *self);

/* Copies @user (as a route returned it after a change) into the loaded
 * item with the same id, if there is one, so its row updates in place. */
void steward_user_directory_update_user (StewardUserDirectory *self,
                                         StewardUser          *user);

/* The search, filters and order shown now, as a query for route 4 (offset
 * and size left at 0), for work over all of it: an export, a selection. */
StewardUserQuery *steward_user_directory_dup_query (StewardUserDirectory *self);

G_END_DECLS
