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
 * Each page is requested once, however often its positions are asked for.
 * Changing the search text, a filter or the order cancels every request in
 * flight and starts over from the first page; the old items stay until that
 * page arrives and then are replaced in one "items-changed". Nothing ever
 * loads the whole directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE 50

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
