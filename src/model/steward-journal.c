/* steward-journal.c
 *
 * The file: one table of changes, WAL, synchronous=FULL so a recorded
 * change is on disk before the client sends it, a busy timeout so the app
 * and stewardctl can write to it at the same time, and the schema version
 * in PRAGMA user_version.
 *
 * The thread: a GThreadPool of one thread owns the connection; every
 * operation is a job on it, so they run in the order they were queued
 * (the open and pruning first). A job returns through its GTask, whose
 * callback runs on the caller's main context. Jobs hold the Store, not
 * the journal, so the journal is never finalized on the thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-journal.h"
#include "steward-journal-export.h"
#include "steward-json-codec.h"
#include "steward-user-json.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#define SCHEMA_VERSION 1

#define SCHEMA                           \
  "CREATE TABLE IF NOT EXISTS changes (" \
  " id INTEGER PRIMARY KEY,"             \
  " recorded_at INTEGER NOT NULL,"       \
  " finished_at INTEGER,"                \
  " server TEXT NOT NULL,"               \
  " server_url TEXT NOT NULL,"           \
  " actor TEXT,"                         \
  " kind TEXT NOT NULL,"                 \
  " iamid TEXT NOT NULL,"                \
  " userid TEXT NOT NULL,"               \
  " detail TEXT,"                        \
  " before TEXT,"                        \
  " after TEXT,"                         \
  " result TEXT NOT NULL,"               \
  " error_code TEXT,"                    \
  " status INTEGER,"                     \
  " message TEXT,"                       \
  " run_id TEXT);"                       \
  "CREATE INDEX IF NOT EXISTS changes_recorded_at ON changes (recorded_at);"

#define COLUMNS                                                                   \
  "id, recorded_at, finished_at, server, server_url, actor, kind, iamid, userid," \
  " detail, before, after, result, error_code, status, message, run_id"

typedef struct
{
  gatomicrefcount ref_count;
  char           *path;
  guint           retention_days;
  sqlite3        *db;
  GError         *open_error;
  gboolean        opened;
} Store;

struct _StewardJournal
{
  GObject parent_instance;

  Store       *store;
  GThreadPool *pool;
};

static void recorder_iface_init (StewardChangeRecorderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardJournal, steward_journal, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (STEWARD_TYPE_CHANGE_RECORDER, recorder_iface_init))

typedef void (*JobFunc) (Store   *store,
                         GTask   *task,
                         gpointer data);

typedef struct
{
  Store         *store;
  GTask         *task;
  JobFunc        func;
  gpointer       data;
  GDestroyNotify data_free;
} Job;

static Store *
store_ref (Store *store)
{
  g_atomic_ref_count_inc (&store->ref_count);
  return store;
}

static void
store_unref (Store *store)
{
  if (!g_atomic_ref_count_dec (&store->ref_count))
    return;

  if (store->db != NULL)
    sqlite3_close (store->db);
  g_clear_error (&store->open_error);
  g_free (store->path);
  g_free (store);
}

static gint64
to_unix_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static GDateTime *
from_unix_usec (gint64 usec)
{
  g_autoptr (GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

/* Opening */

static gboolean
fail_sqlite (Store   *store,
             GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The change journal %s cannot be used: %s"),
               store->path, store->db != NULL ? sqlite3_errmsg (store->db) : g_strerror (ENOMEM));
  return FALSE;
}

static gboolean
exec (Store      *store,
      const char *sql,
      GError    **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (store, error);

  return TRUE;
}

/* The file exists, private to its owner, before SQLite opens it. */
static gboolean
create_private_file (const char *path,
                     GError    **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int              fd;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The folder %s for the change journal could not be created: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The change journal %s could not be opened: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
prune (Store   *store,
       GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) cutoff = NULL;
  sqlite3_stmt *statement = NULL;
  int           rc;

  if (store->retention_days == 0)
    return TRUE;

  cutoff = g_date_time_add_days (now, -(int) store->retention_days);
  if (sqlite3_prepare_v2 (store->db, "DELETE FROM changes WHERE recorded_at < ?", -1, &statement, NULL) != SQLITE_OK)
    return fail_sqlite (store, error);

  sqlite3_bind_int64 (statement, 1, to_unix_usec (cutoff));
  rc = sqlite3_step (statement);
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    return fail_sqlite (store, error);

  return TRUE;
}

static gboolean
open_store (Store   *store,
            GError **error)
{
  sqlite3_stmt *statement = NULL;
  int           version = 0;

  if (!create_private_file (store->path, error))
    return FALSE;

  if (sqlite3_open_v2 (store->path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return fail_sqlite (store, error);

  sqlite3_busy_timeout (store->db, 5000);
  if (!exec (store, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", error))
    return FALSE;

  if (sqlite3_prepare_v2 (store->db, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    version = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("The change journal %s was written by a newer version of Steward."), store->path);
      return FALSE;
    }

  if (version < SCHEMA_VERSION && !exec (store, "BEGIN;" SCHEMA "PRAGMA user_version=1; COMMIT;", error))
    return FALSE;

  return prune (store, error);
}

/* The thread */

static void
run_job (gpointer data,
         gpointer pool_data)
{
  Job   *job = data;
  Store *store = job->store;

  if (!store->opened)
    {
      store->opened = TRUE;
      if (!open_store (store, &store->open_error) && store->db != NULL)
        g_clear_pointer (&store->db, sqlite3_close);
    }

  if (g_task_return_error_if_cancelled (job->task))
    ;
  else if (store->open_error != NULL)
    g_task_return_error (job->task, g_error_copy (store->open_error));
  else
    job->func (store, job->task, job->data);

  if (job->data_free != NULL)
    job->data_free (job->data);
  g_object_unref (job->task);
  store_unref (store);
  g_free (job);
}

static void
queue (StewardJournal *self,
       GTask          *task,
       JobFunc         func,
       gpointer        data,
       GDestroyNotify  data_free)
{
  Job *job = g_new0 (Job, 1);

  job->store = store_ref (self->store);
  job->task = task;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_thread_pool_push (self->pool, job, NULL);
}

static GTask *
new_task (StewardJournal     *self,
          GCancellable       *cancellable,
          gpointer            source_tag,
          GAsyncReadyCallback callback,
          gpointer            user_data)
{
  /* No source object: the last reference to the journal is never dropped
   * on its thread. */
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[steward] journal");
  return task;
}

static gpointer
propagate (GAsyncResult *result,
           gpointer      source_tag,
           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Rows */

static char *
user_to_string (StewardUser *user)
{
  g_autoptr (JsonNode) node = NULL;

  if (user == NULL)
    return NULL;

  node = steward_user_to_json (user);
  return json_to_string (node, FALSE);
}

static StewardUser *
user_from_column (sqlite3_stmt *statement,
                  int           column)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);
  g_autoptr (JsonNode) node = NULL;

  if (text == NULL)
    return NULL;

  node = json_from_string (text, NULL);
  return node != NULL ? steward_json_decode_user (node, NULL) : NULL;
}

static const char *
text_column (sqlite3_stmt *statement,
             int           column)
{
  return (const char *) sqlite3_column_text (statement, column);
}

static StewardChange *
change_from_row (sqlite3_stmt *statement)
{
  g_autoptr (StewardChange) change = NULL;
  g_autoptr (GDateTime) time = from_unix_usec (sqlite3_column_int64 (statement, 1));
  g_autoptr (GDateTime) finished = NULL;
  g_autoptr (StewardUser) before = user_from_column (statement, 10);
  g_autoptr (StewardUser) after = user_from_column (statement, 11);
  StewardChangeKind   kind;
  StewardChangeResult result;

  if (!steward_change_kind_from_string (text_column (statement, 6), &kind))
    return NULL;
  if (!steward_change_result_from_string (text_column (statement, 12), &result))
    result = STEWARD_CHANGE_PENDING;
  if (sqlite3_column_type (statement, 2) != SQLITE_NULL)
    finished = from_unix_usec (sqlite3_column_int64 (statement, 2));

  change = steward_change_new (kind, text_column (statement, 7), text_column (statement, 8), text_column (statement, 9));
  steward_change_set_id (change, sqlite3_column_int64 (statement, 0));
  steward_change_set_time (change, time);
  steward_change_set_server (change, text_column (statement, 3), text_column (statement, 4));
  steward_change_set_actor (change, text_column (statement, 5));
  steward_change_set_before (change, before);
  steward_change_set_run_id (change, text_column (statement, 16));
  steward_change_restore_result (change, result, after, text_column (statement, 13),
                                 (guint) sqlite3_column_int (statement, 14), text_column (statement, 15), finished);

  return g_steal_pointer (&change);
}

/* Recording */

/* What is written, copied on the caller's thread. */
typedef struct
{
  gint64 id;
  gint64 recorded_at;
  gint64 finished_at;
  char  *server;
  char  *server_url;
  char  *actor;
  char  *kind;
  char  *iamid;
  char  *userid;
  char  *detail;
  char  *before;
  char  *after;
  char  *result;
  char  *error_code;
  guint  status;
  char  *message;
  char  *run_id;
} Row;

static void
row_free (Row *row)
{
  g_free (row->server);
  g_free (row->server_url);
  g_free (row->actor);
  g_free (row->kind);
  g_free (row->iamid);
  g_free (row->userid);
  g_free (row->detail);
  g_free (row->before);
  g_free (row->after);
  g_free (row->result);
  g_free (row->error_code);
  g_free (row->message);
  g_free (row->run_id);
  g_free (row);
}

static Row *
row_new (StewardChange *change)
{
  Row *row = g_new0 (Row, 1);

  row->id = steward_change_get_id (change);
  row->recorded_at = to_unix_usec (steward_change_get_time (change));
  row->finished_at = steward_change_get_finished_time (change) != NULL ? to_unix_usec (steward_change_get_finished_time (change)) : 0;
  row->server = g_strdup (steward_change_get_server (change) != NULL ? steward_change_get_server (change) : "");
  row->server_url = g_strdup (steward_change_get_server_url (change) != NULL ? steward_change_get_server_url (change) : "");
  row->actor = g_strdup (steward_change_get_actor (change));
  row->kind = g_strdup (steward_change_kind_to_string (steward_change_get_kind (change)));
  row->iamid = g_strdup (steward_change_get_iamid (change));
  row->userid = g_strdup (steward_change_get_userid (change));
  row->detail = g_strdup (steward_change_get_detail (change));
  row->before = user_to_string (steward_change_get_before (change));
  row->after = user_to_string (steward_change_get_after (change));
  row->result = g_strdup (steward_change_result_to_string (steward_change_get_result (change)));
  row->error_code = g_strdup (steward_change_get_error_code (change));
  row->status = steward_change_get_status (change);
  row->message = g_strdup (steward_change_get_message (change));
  row->run_id = g_strdup (steward_change_get_run_id (change));

  return row;
}

static void
bind_text (sqlite3_stmt *statement,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, index);
}

static void
insert_job (Store   *store,
            GTask   *task,
            gpointer data)
{
  Row          *row = data;
  sqlite3_stmt *statement = NULL;
  GError       *error = NULL;

  if (sqlite3_prepare_v2 (store->db,
                          "INSERT INTO changes (recorded_at, server, server_url, actor, kind, iamid, userid, detail, before, result, run_id)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &statement, NULL)
      != SQLITE_OK)
    {
      fail_sqlite (store, &error);
      g_task_return_error (task, error);
      return;
    }

  sqlite3_bind_int64 (statement, 1, row->recorded_at);
  bind_text (statement, 2, row->server);
  bind_text (statement, 3, row->server_url);
  bind_text (statement, 4, row->actor);
  bind_text (statement, 5, row->kind);
  bind_text (statement, 6, row->iamid);
  bind_text (statement, 7, row->userid);
  bind_text (statement, 8, row->detail);
  bind_text (statement, 9, row->before);
  bind_text (statement, 10, row->result);
  bind_text (statement, 11, row->run_id);

  /* Autocommit: once the step is done, the change is on disk. */
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      fail_sqlite (store, &error);
      sqlite3_finalize (statement);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_finalize (statement);

  g_task_return_pointer (task, g_memdup2 (&(gint64){ sqlite3_last_insert_rowid (store->db) }, sizeof (gint64)), g_free);
}

static void
update_job (Store   *store,
            GTask   *task,
            gpointer data)
{
  Row          *row = data;
  sqlite3_stmt *statement = NULL;
  GError       *error = NULL;

  if (sqlite3_prepare_v2 (store->db,
                          "UPDATE changes SET finished_at = ?, after = ?, result = ?, error_code = ?, status = ?, message = ?"
                          " WHERE id = ?",
                          -1, &statement, NULL)
      != SQLITE_OK)
    {
      fail_sqlite (store, &error);
      g_task_return_error (task, error);
      return;
    }

  sqlite3_bind_int64 (statement, 1, row->finished_at);
  bind_text (statement, 2, row->after);
  bind_text (statement, 3, row->result);
  bind_text (statement, 4, row->error_code);
  if (row->status > 0)
    sqlite3_bind_int (statement, 5, (int) row->status);
  else
    sqlite3_bind_null (statement, 5);
  bind_text (statement, 6, row->message);
  sqlite3_bind_int64 (statement, 7, row->id);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      fail_sqlite (store, &error);
      sqlite3_finalize (statement);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_finalize (statement);

  g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
}

static void
steward_journal_record_async (StewardChangeRecorder *recorder,
                              StewardChange         *change,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  StewardJournal *self = STEWARD_JOURNAL (recorder);
  GTask          *task = new_task (self, NULL, steward_journal_record_async, callback, user_data);

  g_task_set_task_data (task, g_object_ref (change), g_object_unref);
  queue (self, task, insert_job, row_new (change), (GDestroyNotify) row_free);
}

static gboolean
steward_journal_record_finish (StewardChangeRecorder *recorder,
                               GAsyncResult          *result,
                               GError               **error)
{
  g_autofree gint64 *id = propagate (result, steward_journal_record_async, error);

  if (id == NULL)
    return FALSE;

  steward_change_set_id (g_task_get_task_data (G_TASK (result)), *id);
  return TRUE;
}

static void
steward_journal_complete_async (StewardChangeRecorder *recorder,
                                StewardChange         *change,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  StewardJournal *self = STEWARD_JOURNAL (recorder);
  GTask          *task = new_task (self, NULL, steward_journal_complete_async, callback, user_data);

  queue (self, task, update_job, row_new (change), (GDestroyNotify) row_free);
}

static gboolean
steward_journal_complete_finish (StewardChangeRecorder *recorder,
                                 GAsyncResult          *result,
                                 GError               **error)
{
  return propagate (result, steward_journal_complete_async, error) != NULL;
}

static void
recorder_iface_init (StewardChangeRecorderInterface *iface)
{
  iface->record_async = steward_journal_record_async;
  iface->record_finish = steward_journal_record_finish;
  iface->complete_async = steward_journal_complete_async;
  iface->complete_finish = steward_journal_complete_finish;
}

/* Queries */

static StewardJournalFilter *
filter_copy (const StewardJournalFilter *filter)
{
  StewardJournalFilter *copy = steward_journal_filter_new ();

  if (filter == NULL)
    return copy;

  copy->server = g_strdup (filter->server);
  copy->kind = filter->kind;
  copy->result = filter->result;
  copy->since = filter->since != NULL ? g_date_time_ref (filter->since) : NULL;
  copy->until = filter->until != NULL ? g_date_time_ref (filter->until) : NULL;
  copy->text = filter->text != NULL && *filter->text != '\0' ? g_strdup (filter->text) : NULL;
  copy->limit = filter->limit;
  return copy;
}

static GListModel *
select_changes (Store                      *store,
                const StewardJournalFilter *filter,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT " COLUMNS " FROM changes WHERE 1");
  g_autoptr (GListStore) changes = g_list_store_new (STEWARD_TYPE_CHANGE);
  sqlite3_stmt *statement = NULL;
  int           index = 1;
  int           rc;

  if (filter->server != NULL)
    g_string_append (sql, " AND server = ?");
  if (filter->kind >= 0)
    g_string_append (sql, " AND kind = ?");
  if (filter->result >= 0)
    g_string_append (sql, " AND result = ?");
  if (filter->since != NULL)
    g_string_append (sql, " AND recorded_at >= ?");
  if (filter->until != NULL)
    g_string_append (sql, " AND recorded_at < ?");
  if (filter->text != NULL)
    g_string_append (sql, " AND instr(lower(iamid || ':' || userid || ' ' || coalesce(actor, '') || ' ' || coalesce(detail, '')"
                          " || ' ' || coalesce(message, '') || ' ' || server || ' ' || kind), lower(?)) > 0");
  g_string_append (sql, " ORDER BY recorded_at DESC, id DESC");
  if (filter->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", filter->limit);

  if (sqlite3_prepare_v2 (store->db, sql->str, -1, &statement, NULL) != SQLITE_OK)
    {
      fail_sqlite (store, error);
      return NULL;
    }

  if (filter->server != NULL)
    bind_text (statement, index++, filter->server);
  if (filter->kind >= 0)
    bind_text (statement, index++, steward_change_kind_to_string (filter->kind));
  if (filter->result >= 0)
    bind_text (statement, index++, steward_change_result_to_string (filter->result));
  if (filter->since != NULL)
    sqlite3_bind_int64 (statement, index++, to_unix_usec (filter->since));
  if (filter->until != NULL)
    sqlite3_bind_int64 (statement, index++, to_unix_usec (filter->until));
  if (filter->text != NULL)
    bind_text (statement, index++, filter->text);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr (StewardChange) change = change_from_row (statement);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (change != NULL)
        g_list_store_append (changes, change);
    }
  sqlite3_finalize (statement);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fail_sqlite (store, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

static void
query_job (Store   *store,
           GTask   *task,
           gpointer data)
{
  GError     *error = NULL;
  GListModel *changes = select_changes (store, data, g_task_get_cancellable (task), &error);

  if (changes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, changes, g_object_unref);
}

typedef struct
{
  StewardJournalFilter *filter;
  StewardJournalFormat  format;
} Export;

static void
export_free (Export *export)
{
  steward_journal_filter_free (export->filter);
  g_free (export);
}

static void
export_job (Store   *store,
            GTask   *task,
            gpointer data)
{
  Export *export = data;
  GError *error = NULL;
  g_autoptr (GListModel) changes = select_changes (store, export->filter, g_task_get_cancellable (task), &error);

  if (changes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, steward_journal_export (changes, export->format), (GDestroyNotify) g_bytes_unref);
}

static void
servers_job (Store   *store,
             GTask   *task,
             gpointer data)
{
  g_autoptr (GStrvBuilder) servers = g_strv_builder_new ();
  sqlite3_stmt *statement = NULL;
  GError       *error = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (store->db, "SELECT DISTINCT server FROM changes ORDER BY server", -1, &statement, NULL) != SQLITE_OK)
    {
      fail_sqlite (store, &error);
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (servers, text_column (statement, 0));
  sqlite3_finalize (statement);

  if (rc != SQLITE_DONE)
    {
      fail_sqlite (store, &error);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_strv_builder_end (servers), (GDestroyNotify) g_strfreev);
}

/* GObject */

static void
steward_journal_finalize (GObject *object)
{
  StewardJournal *self = STEWARD_JOURNAL (object);

  /* What was queued is written before the journal goes. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  store_unref (self->store);

  G_OBJECT_CLASS (steward_journal_parent_class)->finalize (object);
}

static void
steward_journal_class_init (StewardJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_journal_finalize;
}

static void
steward_journal_init (StewardJournal *self)
{
}

/* Public API */

StewardJournalFilter *
steward_journal_filter_new (void)
{
  StewardJournalFilter *filter = g_new0 (StewardJournalFilter, 1);

  filter->kind = -1;
  filter->result = -1;
  return filter;
}

void
steward_journal_filter_free (StewardJournalFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->server);
  g_clear_pointer (&filter->since, g_date_time_unref);
  g_clear_pointer (&filter->until, g_date_time_unref);
  g_free (filter->text);
  g_free (filter);
}

char *
steward_journal_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "steward", "journal.sqlite", NULL);
}

StewardJournal *
steward_journal_new (const char *path,
                     guint       retention_days)
{
  StewardJournal *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_JOURNAL, NULL);
  self->store = g_new0 (Store, 1);
  g_atomic_ref_count_init (&self->store->ref_count);
  self->store->path = g_strdup (path);
  self->store->retention_days = retention_days;
  /* One thread: operations run in the order they were asked for. */
  self->pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);

  return self;
}

const char *
steward_journal_get_path (StewardJournal *self)
{
  g_return_val_if_fail (STEWARD_IS_JOURNAL (self), NULL);

  return self->store->path;
}

void
steward_journal_query_async (StewardJournal             *self,
                             const StewardJournalFilter *filter,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  g_return_if_fail (STEWARD_IS_JOURNAL (self));

  queue (self, new_task (self, cancellable, steward_journal_query_async, callback, user_data),
         query_job, filter_copy (filter), (GDestroyNotify) steward_journal_filter_free);
}

GListModel *
steward_journal_query_finish (StewardJournal *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return propagate (result, steward_journal_query_async, error);
}

void
steward_journal_list_servers_async (StewardJournal     *self,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_return_if_fail (STEWARD_IS_JOURNAL (self));

  queue (self, new_task (self, cancellable, steward_journal_list_servers_async, callback, user_data),
         servers_job, NULL, NULL);
}

GStrv
steward_journal_list_servers_finish (StewardJournal *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return propagate (result, steward_journal_list_servers_async, error);
}

void
steward_journal_export_async (StewardJournal             *self,
                              const StewardJournalFilter *filter,
                              StewardJournalFormat        format,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  Export *export;

  g_return_if_fail (STEWARD_IS_JOURNAL (self));

  export = g_new0 (Export, 1);
  export->filter = filter_copy (filter);
  export->format = format;
  queue (self, new_task (self, cancellable, steward_journal_export_async, callback, user_data),
         export_job, export, (GDestroyNotify) export_free);
}

GBytes *
steward_journal_export_finish (StewardJournal *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return propagate (result, steward_journal_export_async, error);
}
