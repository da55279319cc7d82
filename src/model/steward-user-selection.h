/* steward-user-selection.h
 *
 * Which users a bulk change is for, as the directory's selection says:
 * either a few users picked one by one (each kept as a copy, so the
 * directory may drop or reuse its rows), or "all of this query" — the
 * search, filters and order of the directory at the moment Select All
 * was chosen, with the server's count, minus the users taken out of it
 * afterwards. The second form never needs the users themselves: the
 * directory loads only the pages on screen however many are selected.
 *
 * steward_user_selection_add_to_plan_async() turns either form into the
 * items of a StewardBulkPlan; for a query it pages through route 4 one
 * page at a time, like the export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-bulk-plan.h"
#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_USER_SELECTION (steward_user_selection_get_type ())

G_DECLARE_FINAL_TYPE (StewardUserSelection, steward_user_selection, STEWARD, USER_SELECTION, GObject)

StewardUserSelection *steward_user_selection_new (void);

/* Nobody selected. */
void steward_user_selection_clear (StewardUserSelection *self);

/* Selects or unselects @user: in a picked selection it is added or
 * removed; in "all of the query" an unselected user is left out of it. */
void     steward_user_selection_set_selected (StewardUserSelection *self,
                                              StewardUser          *user,
                                              gboolean              selected);
gboolean steward_user_selection_contains (StewardUserSelection *self,
                                          StewardUser          *user);

/* Every user matching @query (copied; its offset and size are ignored),
 * of whom the server counts @count. */
void                    steward_user_selection_select_query (StewardUserSelection   *self,
                                                             const StewardUserQuery *query,
                                                             guint                   count);
gboolean                steward_user_selection_get_all_of_query (StewardUserSelection *self);
const StewardUserQuery *steward_user_selection_get_query (StewardUserSelection *self);
/* The server counted differently since (a page arrived with a new count). */
void steward_user_selection_set_query_count (StewardUserSelection *self,
                                             guint                 count);

/* How many users are selected ("n-selected" notifies). */
guint steward_user_selection_get_n_selected (StewardUserSelection *self);

/* The one picked user when exactly one is, otherwise NULL. */
StewardUser *steward_user_selection_get_single_user (StewardUserSelection *self);

/* Adds every selected user to @plan (steward_bulk_plan_add_user) and
 * finishes with how many were added. The selection may change meanwhile:
 * what was selected when this was called is what goes into the plan. */
void  steward_user_selection_add_to_plan_async (StewardUserSelection *self,
                                                StewardClient        *client,
                                                StewardBulkPlan      *plan,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
guint steward_user_selection_add_to_plan_finish (StewardUserSelection *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
