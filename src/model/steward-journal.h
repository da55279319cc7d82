/* steward-journal.h
 *
 * The local change journal: every write made from this desktop, in a
 * SQLite file under the user's data directory, kept for a configurable
 * number of days. A StewardChangeRecorder: give it to a client with
 * steward_client_set_recorder() and each write is committed to the file
 * before it is sent, then completed with the answer.
 *
 * All SQLite work happens on the journal's own thread, one operation after
 * another in the order they were asked for; callers get the answers on
 * their main context. Nothing it stores is a secret: no key, token or
 * password is part of a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-change-recorder.h"

G_BEGIN_DECLS

#define STEWARD_JOURNAL_DEFAULT_RETENTION_DAYS 365

/* Which changes a query returns; every member may be left empty. */
typedef struct
{
  char      *server; /* exactly this server name */
  int        kind;   /* a StewardChangeKind, or -1 for any */
  int        result; /* a StewardChangeResult, or -1 for any */
  GDateTime *since;  /* recorded at or after */
  GDateTime *until;  /* recorded before */
  char      *text;   /* in the user, the person signed in, the detail, the answer or the server */
  guint      limit;  /* the newest N; 0 for all */
} StewardJournalFilter;

StewardJournalFilter *steward_journal_filter_new (void);
void                  steward_journal_filter_free (StewardJournalFilter *filter);

typedef enum
{
  STEWARD_JOURNAL_FORMAT_CSV,
  STEWARD_JOURNAL_FORMAT_JSON,
} StewardJournalFormat;

#define STEWARD_TYPE_JOURNAL (steward_journal_get_type ())

G_DECLARE_FINAL_TYPE (StewardJournal, steward_journal, STEWARD, JOURNAL, GObject)

/* g_get_user_data_dir()/steward/journal.sqlite */
char *steward_journal_default_path (void);

/* Opens @path (created 0600, its directory 0700, when missing) on the
 * journal's thread and removes the changes older than @retention_days (0
 * keeps them all). Operations wait for the open; when it fails, each fails
 * with its error. */
StewardJournal *steward_journal_new (const char *path,
                                     guint       retention_days);

const char *steward_journal_get_path (StewardJournal *self);

/* The changes @filter (NULL: all) selects, newest first: a list model of
 * StewardChange. */
void        steward_journal_query_async (StewardJournal             *self,
                                         const StewardJournalFilter *filter,
                                         GCancellable               *cancellable,
                                         GAsyncReadyCallback         callback,
                                         gpointer                    user_data);
GListModel *steward_journal_query_finish (StewardJournal *self,
                                          GAsyncResult   *result,
                                          GError        **error);

/* The server names in the journal, sorted. */
void  steward_journal_list_servers_async (StewardJournal     *self,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GStrv steward_journal_list_servers_finish (StewardJournal *self,
                                           GAsyncResult   *result,
                                           GError        **error);

/* The changes @filter selects as a CSV or JSON document (see
 * steward-journal-export.h), made on the journal's thread. */
void    steward_journal_export_async (StewardJournal             *self,
                                      const StewardJournalFilter *filter,
                                      StewardJournalFormat        format,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data);
GBytes *steward_journal_export_finish (StewardJournal *self,
                                       GAsyncResult   *result,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardJournalFilter, steward_journal_filter_free)

G_END_DECLS
