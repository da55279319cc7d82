/* steward-reader.h
 *
 * Pages of the directory (route 4), read and written out as JSON on a
 * thread of their own over a second connection to the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-store.h"

G_BEGIN_DECLS

typedef struct _StewardReader StewardReader;

/* Opens the reader's own connection to STORE's database. */
StewardReader *steward_reader_new (StewardStore *store,
                                   GError      **error);
/* Waits for the pages asked for to be read, then closes the connection. */
void steward_reader_free (StewardReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardReader, steward_reader_free)

/* The reply body of route 4 for FILTER (copied): {"hits": [...], "count"}.
 * The callback runs in the thread-default main context of the caller.
 * Cancelling skips the reading if it has not started yet. */
void     steward_reader_list_users_async (StewardReader           *self,
                                          const StewardUserFilter *filter,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
GString *steward_reader_list_users_finish (GAsyncResult *result,
                                           GError      **error);

G_END_DECLS
