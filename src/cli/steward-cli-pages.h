/* steward-cli-pages.h
 *
 * Paged lists (routes 4 and 17) fetched page after page, at most 1,000
 * items per request, until a limit or the end of the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"
#include "steward-client.h"

G_BEGIN_DECLS

/* The servers' page size limit. */
#define STEWARD_CLI_PAGE_SIZE_MAX 1000

/* How to ask for one page of a list and read the reply. @query is what was
 * given to steward_cli_fetch_pages_async(). */
typedef struct
{
  void (*send) (StewardClient      *client,
                gpointer            query,
                guint               offset,
                guint               size,
                GCancellable       *cancellable,
                GAsyncReadyCallback callback,
                gpointer            user_data);
  StewardPageResult *(*finish) (StewardClient *client,
                                GAsyncResult  *result,
                                GError       **error);
} StewardCliPageSource;

/* Fetches pages of @source into one list of @item_type until @limit items
 * (0: no limit) or the end. @query must outlive the operation. */
void steward_cli_fetch_pages_async (StewardClient              *client,
                                    const StewardCliPageSource *source,
                                    gpointer                    query,
                                    GType                       item_type,
                                    guint                       limit,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data);

/* The items, and in @total how many the server says match in all. */
GListModel *steward_cli_fetch_pages_finish (StewardClient *client,
                                            GAsyncResult  *result,
                                            guint64       *total,
                                            GError       **error);

/* What a listed item is, for the line that counts them. */
typedef enum
{
  STEWARD_CLI_LIST_USERS,
  STEWARD_CLI_LIST_RECORDS,
} StewardCliListKind;

/* "1,320 users\n", or "25 of 1,320 users\n" when only @shown of @total are
 * listed. */
char *steward_cli_format_list_total (StewardCliListKind kind,
                                     guint              shown,
                                     guint64            total);

/* Prints @items, of which the server says @total match in all. */
typedef void (*StewardCliPrintItems) (StewardCli *cli,
                                      GListModel *items,
                                      guint64     total);

/* Fetches as steward_cli_fetch_pages_async() does for the run @cli, then
 * prints the items with @print and ends the run successfully, or ends it
 * with what went wrong. @query must outlive the run. */
void steward_cli_list_pages (StewardCli                 *cli,
                             const StewardCliPageSource *source,
                             gpointer                    query,
                             GType                       item_type,
                             guint                       limit,
                             StewardCliPrintItems        print);

G_END_DECLS
