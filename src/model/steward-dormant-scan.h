/* steward-dormant-scan.h
 *
 * Dormant accounts: active users who have not signed in for a number of
 * days, or never have. Found on the core routes only (route 4 sorted by
 * lastLogin, see steward-dormant-locator.h), so it works against any
 * Immuta-style server; the accounts themselves are then read page by page
 * from the ranges, never all at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-client.h"
#include "steward-dormant-locator.h"

G_BEGIN_DECLS

#define STEWARD_DORMANT_DEFAULT_DAYS 90
#define STEWARD_DORMANT_MAX_DAYS 3650

/* The first instant that no longer counts as dormant: @now minus @days. */
gint64 steward_dormant_cutoff (GDateTime *now,
                               guint      days);

/* Probes the server (a few dozen one-user pages) until the ranges of
 * dormant accounts are known. */
void steward_dormant_locate_async (StewardClient      *client,
                                   gint64              cutoff,
                                   gboolean            never_only,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
/* The finished locator (its ranges and counts), or NULL with the error of
 * the probe that failed. */
StewardDormantLocator *steward_dormant_locate_finish (GAsyncResult *result,
                                                      GError      **error);

/* The route 4 query that lists @range from offset 0 (set offset and size
 * to page through it). */
StewardUserQuery *steward_dormant_range_query (const StewardDormantRange *range);

/* The number of dormant accounts in all the ranges. */
guint steward_dormant_locator_count (StewardDormantLocator *locator);

/* Reads the ranges of a finished locator a page at a time, oldest first. */
#define STEWARD_TYPE_DORMANT_CURSOR (steward_dormant_cursor_get_type ())

G_DECLARE_FINAL_TYPE (StewardDormantCursor, steward_dormant_cursor, STEWARD, DORMANT_CURSOR, GObject)

/* Takes @locator. */
StewardDormantCursor  *steward_dormant_cursor_new (StewardDormantLocator *locator);
StewardDormantLocator *steward_dormant_cursor_get_locator (StewardDormantCursor *self);

/* TRUE once every range has been read. */
gboolean steward_dormant_cursor_is_done (StewardDormantCursor *self);

/* Reads the next page of at most @size accounts (one request). One read
 * at a time; a failed read can be repeated. */
void steward_dormant_cursor_next_async (StewardDormantCursor *self,
                                        StewardClient        *client,
                                        guint                 size,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The StewardUsers of that page that are still dormant (someone may have
 * signed in since the probes), possibly none; NULL on error. */
GListModel *steward_dormant_cursor_next_finish (StewardDormantCursor *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
