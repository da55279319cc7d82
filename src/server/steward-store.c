/* steward-store.c
 *
 * Opening the database, its schema and migrations, transactions and the
 * statement cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-store-private.h"

#define SCHEMA_VERSION 4

G_DEFINE_QUARK (steward - store - error - quark, steward_store_error)
G_DEFINE_FINAL_TYPE (StewardStore, steward_store, G_TYPE_OBJECT)

/* Version 1. The sort indexes carry "disabled" so that skipping disabled
 * users while paging needs no visit to the table. Times are milliseconds since the epoch (UTC). The *_key columns
 * hold case-folded copies that searching, sorting and the case-insensitive
 * uniqueness of bim user names rely on. */
static const char schema_v1[] = "CREATE TABLE iams ("
                                "  id TEXT PRIMARY KEY,"
                                "  display_name TEXT NOT NULL,"
                                "  type TEXT NOT NULL,"
                                "  oauth INTEGER NOT NULL DEFAULT 0);"
                                "CREATE TABLE users ("
                                /* AUTOINCREMENT: an id is never handed out twice, even after a
                                 * permanent delete, so old audit records and client caches never
                                 * point at a stranger. */
                                "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                "  iamid TEXT NOT NULL REFERENCES iams(id),"
                                "  userid TEXT NOT NULL,"
                                "  userid_key TEXT NOT NULL,"
                                "  name TEXT NOT NULL,"
                                "  name_key TEXT NOT NULL,"
                                "  email TEXT,"
                                "  email_key TEXT NOT NULL DEFAULT '',"
                                "  sql_user TEXT UNIQUE,"
                                "  phone TEXT,"
                                "  position TEXT,"
                                "  organization TEXT,"
                                "  password_hash TEXT,"
                                "  disabled INTEGER NOT NULL DEFAULT 0,"
                                "  system_generated INTEGER NOT NULL DEFAULT 0,"
                                "  last_login INTEGER,"
                                "  created_at INTEGER NOT NULL,"
                                "  updated_at INTEGER NOT NULL,"
                                "  profile_updated_at INTEGER NOT NULL,"
                                "  UNIQUE (iamid, userid));"
                                "CREATE VIRTUAL TABLE user_search USING fts5("
                                "  name_key, email_key, userid_key,"
                                "  content='users', content_rowid='id',"
                                "  tokenize='trigram case_sensitive 1');"
                                "CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN"
                                "  INSERT INTO user_search(user_search, rowid, name_key, email_key, userid_key)"
                                "  VALUES ('delete', old.id, old.name_key, old.email_key, old.userid_key);"
                                "END;"
                                "CREATE TRIGGER users_search_update AFTER UPDATE OF name_key, email_key, userid_key ON users BEGIN"
                                "  INSERT INTO user_search(user_search, rowid, name_key, email_key, userid_key)"
                                "  VALUES ('delete', old.id, old.name_key, old.email_key, old.userid_key);"
                                "  INSERT INTO user_search(rowid, name_key, email_key, userid_key)"
                                "  VALUES (new.id, new.name_key, new.email_key, new.userid_key);"
                                "END;"
                                "CREATE TABLE user_permissions ("
                                "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                                "  permission TEXT NOT NULL,"
                                "  PRIMARY KEY (user_id, permission)) WITHOUT ROWID;"
                                "CREATE TABLE groups ("
                                "  id INTEGER PRIMARY KEY,"
                                "  name TEXT NOT NULL UNIQUE);"
                                "CREATE TABLE group_permissions ("
                                "  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
                                "  permission TEXT NOT NULL,"
                                "  PRIMARY KEY (group_id, permission)) WITHOUT ROWID;"
                                "CREATE TABLE group_members ("
                                "  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
                                "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                                "  PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;"
                                "CREATE TABLE subscriptions ("
                                "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                                "  data_source TEXT NOT NULL,"
                                "  PRIMARY KEY (user_id, data_source)) WITHOUT ROWID;"
                                "CREATE TABLE api_keys ("
                                "  id INTEGER PRIMARY KEY,"
                                "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                                "  name TEXT NOT NULL,"
                                "  key_hash TEXT NOT NULL UNIQUE,"
                                "  created_at INTEGER NOT NULL);"
                                "CREATE INDEX api_keys_by_user ON api_keys(user_id);"
                                "CREATE TABLE tokens ("
                                "  token_hash TEXT PRIMARY KEY,"
                                "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                                "  api_key_id INTEGER REFERENCES api_keys(id) ON DELETE CASCADE,"
                                "  expires_at INTEGER NOT NULL) WITHOUT ROWID;"
                                "CREATE INDEX tokens_by_user ON tokens(user_id);"
                                "CREATE INDEX tokens_by_key ON tokens(api_key_id);"
                                "CREATE TABLE audit ("
                                "  id INTEGER PRIMARY KEY,"
                                "  date_time INTEGER NOT NULL,"
                                "  record_type TEXT NOT NULL,"
                                "  actor_iamid TEXT,"
                                "  actor_userid TEXT,"
                                "  target_iamid TEXT,"
                                "  target_userid TEXT,"
                                "  success INTEGER NOT NULL,"
                                "  details TEXT NOT NULL DEFAULT '{}');"
                                "CREATE TABLE interactions ("
                                "  day TEXT NOT NULL,"
                                "  control TEXT NOT NULL,"
                                "  count INTEGER NOT NULL,"
                                "  PRIMARY KEY (day, control)) WITHOUT ROWID;";

/* Version 2. A copy of each user's permission names and group ids in the
 * users row, joined by the unit separator (char 31, which no permission
 * name holds), so that a page of users costs one row read per user instead
 * of a row read and two index searches: at 100,000 users those searches
 * were a third of a page's time. user_permissions and group_members stay
 * the truth that filters and joins use; steward-store-users.c rewrites the
 * copies in the transaction of every change to them. */
static const char schema_v2[] = "ALTER TABLE users ADD COLUMN permission_names TEXT NOT NULL DEFAULT '';"
                                "ALTER TABLE users ADD COLUMN group_ids TEXT NOT NULL DEFAULT '';"
                                "UPDATE users SET"
                                "  permission_names = coalesce((SELECT group_concat(permission, char(31))"
                                "    FROM user_permissions WHERE user_id = users.id), ''),"
                                "  group_ids = coalesce((SELECT group_concat(group_id, char(31))"
                                "    FROM group_members WHERE user_id = users.id), '');";

/* Version 3. A counter that every write transaction raises unless it only
 * recorded sign-ins (steward_store_note_only_sign_ins). Another connection
 * (the reader thread's, or another process) sees through PRAGMA
 * data_version only that something was committed; the counter says whether
 * its listings are still valid. Without it the app's every sign-in made the
 * next page count and order a million users again. */
static const char schema_v3[] = "CREATE TABLE cache_epoch ("
                                "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                                "  listings INTEGER NOT NULL);"
                                "INSERT INTO cache_epoch (id, listings) VALUES (1, 0);";

/* Version 4. The search index holds one text per user: the folded name,
 * e-mail and userid joined by the unit separator, the userid left out when
 * it is the e-mail (as for most users). Three columns with the userid
 * mostly repeated made every match carry three position lists: at a
 * million users the index was twice the size (216 MB, now 109) and its
 * part of a new search a fifth slower (6 % of the whole request).
 * Contentless: nothing reads the text back, and the delete command is
 * given the same text. Searches of one field (name=, email=, userid=)
 * check that field in the row. char(31) is STEWARD_SEARCH_TEXT_SEPARATOR. */
#define SEARCH_TEXT_OF(row)                                          \
  row ".name_key || char(31) || " row ".email_key"                   \
      " || CASE WHEN " row ".userid_key = " row ".email_key THEN ''" \
      " ELSE char(31) || " row ".userid_key END"

#define OLD_SEARCH_TEXT SEARCH_TEXT_OF ("old")
#define NEW_SEARCH_TEXT SEARCH_TEXT_OF ("new")
#define USERS_SEARCH_TEXT SEARCH_TEXT_OF ("users")

static const char schema_v4[] = "DROP TRIGGER IF EXISTS users_search_insert;"
                                "DROP TRIGGER users_search_delete;"
                                "DROP TRIGGER users_search_update;"
                                "DROP TABLE user_search;"
                                "CREATE VIRTUAL TABLE user_search USING fts5("
                                "  search_text, content='', columnsize=0,"
                                "  tokenize='trigram case_sensitive 1');"
                                "CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN"
                                "  INSERT INTO user_search(user_search, rowid, search_text)"
                                "  VALUES ('delete', old.id, " OLD_SEARCH_TEXT ");"
                                "END;"
                                "CREATE TRIGGER users_search_update AFTER UPDATE OF name_key, email_key, userid_key ON users BEGIN"
                                "  INSERT INTO user_search(user_search, rowid, search_text)"
                                "  VALUES ('delete', old.id, " OLD_SEARCH_TEXT ");"
                                "  INSERT INTO user_search(rowid, search_text) VALUES (new.id, " NEW_SEARCH_TEXT ");"
                                "END;";

/* Fills the (empty) search index from every user. FTS5 writes what it has
 * gathered as a segment every megabyte by default; 8 MB at a time fills a
 * million users' index in 8.7 s at 68 MiB (1 MB: 10.5 s at 58 MiB; 64 MB:
 * 8.0 s at 133 MiB). The segments are then merged into one (left side by
 * side, every later insert's merge step would work through them), and the
 * default comes back so the small writes of requests are not held in
 * memory longer. */
static const char fill_search[] = "INSERT INTO user_search(user_search, rank) VALUES ('hashsize', 8388608);"
                                  "INSERT INTO user_search(rowid, search_text) SELECT id, " USERS_SEARCH_TEXT " FROM users;"
                                  "INSERT INTO user_search(user_search) VALUES ('optimize');"
                                  "INSERT INTO user_search(user_search, rank) VALUES ('hashsize', 1048576);";

/* What can be rebuilt from the tables: the secondary indexes and the
 * trigger that feeds the search index (in its version 4 form). Created
 * after the tables of every version; a bulk load drops them first and
 * builds them once at the end, which is several times faster than updating
 * them row by row. */
static const struct
{
  const char *kind; /* for DROP */
  const char *name;
  const char *create;
} derived[] = {
  /* Unique, but a load's rows are unique by construction: building it at
   * the end is a sort instead of a million searches in random order. */
  { "INDEX", "users_bim_userid_key", "CREATE UNIQUE INDEX users_bim_userid_key ON users(userid_key) WHERE iamid = 'bim'" },
  { "INDEX", "users_by_name", "CREATE INDEX users_by_name ON users(name_key, id, disabled)" },
  { "INDEX", "users_by_email", "CREATE INDEX users_by_email ON users(email_key, id, disabled)" },
  { "INDEX", "users_by_userid", "CREATE INDEX users_by_userid ON users(userid_key, id, disabled)" },
  { "INDEX", "users_by_iamid", "CREATE INDEX users_by_iamid ON users(iamid, name_key, id, disabled)" },
  { "INDEX", "users_by_created", "CREATE INDEX users_by_created ON users(created_at, id, disabled)" },
  { "INDEX", "users_by_last_login", "CREATE INDEX users_by_last_login ON users(last_login, id, disabled)" },
  { "TRIGGER", "users_search_insert",
    "CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN"
    "  INSERT INTO user_search(rowid, search_text) VALUES (new.id, " NEW_SEARCH_TEXT ");"
    "END" },
  { "INDEX", "user_permissions_by_name", "CREATE INDEX user_permissions_by_name ON user_permissions(permission, user_id)" },
  { "INDEX", "group_members_by_user", "CREATE INDEX group_members_by_user ON group_members(user_id)" },
  { "INDEX", "audit_by_time", "CREATE INDEX audit_by_time ON audit(date_time)" },
  { "INDEX", "audit_by_actor", "CREATE INDEX audit_by_actor ON audit(actor_userid, date_time)" },
  { "INDEX", "audit_by_target", "CREATE INDEX audit_by_target ON audit(target_userid, date_time)" },
};

static gboolean
create_derived (StewardStore *self,
                GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      if (!steward_store_exec (self, derived[i].create, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_derived_object (StewardStore *self,
                       const char   *name,
                       GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      if (g_str_equal (derived[i].name, name))
        return steward_store_exec (self, derived[i].create, error);
    }
  g_return_val_if_reached (FALSE);
}

static gboolean
drop_derived (StewardStore *self,
              GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP %s %s", derived[i].kind, derived[i].name);

      if (!steward_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

void
steward_cached_stmt_release (StewardCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
steward_store_fail (StewardStore *self,
                    int           rc,
                    GError      **error)
{
  int code = STEWARD_STORE_ERROR_FAILED;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = STEWARD_STORE_ERROR_CONFLICT;
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    code = STEWARD_STORE_ERROR_CORRUPT;

  g_set_error (error, STEWARD_STORE_ERROR, code, "%s",
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

StewardCachedStmt *
steward_store_prepare (StewardStore *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
steward_store_exec (StewardStore *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return steward_store_fail (self, rc, error);

  return TRUE;
}

gboolean
steward_store_step_done (StewardStore      *self,
                         StewardCachedStmt *stmt,
                         GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return steward_store_fail (self, rc, error);

  return TRUE;
}

gint64
steward_store_step_int64 (StewardStore      *self,
                          StewardCachedStmt *stmt,
                          GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return -1;
    }

  return 0;
}

void
steward_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
steward_column_dup (sqlite3_stmt *stmt,
                    int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

int
steward_store_compare_names (gconstpointer a,
                             gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
steward_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Normalize first so "é" typed two ways folds to one key. */
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static gboolean
migrate (StewardStore *self,
         GError      **error)
{
  g_autoptr (StewardCachedStmt) version_stmt = NULL;
  int version;

  version_stmt = steward_store_prepare (self, "PRAGMA user_version", error);
  if (version_stmt == NULL)
    return FALSE;
  if (sqlite3_step (version_stmt) != SQLITE_ROW)
    return steward_store_fail (self, sqlite3_errcode (self->db), error);
  version = sqlite3_column_int (version_stmt, 0);
  g_clear_pointer (&version_stmt, steward_cached_stmt_release);

  if (version == SCHEMA_VERSION)
    return TRUE;

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT,
                   _ ("The database was written by a newer steward-server (schema %d; this one knows %d)"),
                   version, SCHEMA_VERSION);
      return FALSE;
    }

  /* One transaction: a crash halfway leaves the old version intact. */
  if (!steward_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (version < 1 && !steward_store_exec (self, schema_v1, error))
    goto fail;
  if (version < 2 && !steward_store_exec (self, schema_v2, error))
    goto fail;
  if (version < 3 && !steward_store_exec (self, schema_v3, error))
    goto fail;
  if (version < 4 && (!steward_store_exec (self, schema_v4, error) || !steward_store_exec (self, fill_search, error)))
    goto fail;
  /* A new database gets them here, after the tables of every version;
   * version 4 replaced the trigger that feeds the search index. */
  if ((version < 1 && !create_derived (self, error)) || (version >= 1 && version < 4 && !create_derived_object (self, "users_search_insert", error)))
    goto fail;

  if (!steward_store_exec (self, "PRAGMA user_version = " G_STRINGIFY (SCHEMA_VERSION), error))
    goto fail;

  if (!steward_store_exec (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  steward_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
steward_store_finalize (GObject *object)
{
  StewardStore *self = (StewardStore *) object;

  steward_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->count_cache, g_hash_table_unref);
  g_clear_pointer (&self->listings, g_hash_table_unref);
  g_clear_pointer (&self->callers, g_hash_table_unref);
  g_clear_pointer (&self->group_permissions, g_hash_table_unref);

  G_OBJECT_CLASS (steward_store_parent_class)->finalize (object);
}

static void
steward_store_class_init (StewardStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_store_finalize;
}

static void
steward_store_init (StewardStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->count_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->listings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) steward_listing_free);
  self->callers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) steward_cached_caller_free);
}

static StewardStore *
open_with (const char *path,
           int         open_flags,
           const char *pragmas,
           GError    **error)
{
  g_autoptr (StewardStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_STORE, NULL);

  /* The server keeps no statistics of SQLite's memory, and counting them
   * takes a mutex around every allocation. Only possible before SQLite
   * initializes, so the first store opened decides. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  /* Another process (--issue-api-key) may hold the write lock briefly. */
  sqlite3_busy_timeout (self->db, 5000);

  if (!steward_store_exec (self, pragmas, error))
    return NULL;
  if (!steward_store_exec (self,
                           "PRAGMA foreign_keys = ON;"
                           /* Not MEMORY: a statement that rewrites much of the
                            * database in a transaction (the migration to version 4
                            * fills the search index of every user) keeps the pages
                            * it may have to undo in a temporary store; at a million
                            * users that took the server to 300 MiB, and to 71 MiB
                            * with the store in a file. */
                           "PRAGMA temp_store = FILE;"
                           /* A 48 MiB page cache holds the indexes of a 100,000-user
                            * directory; no mmap, which would count the whole file
                            * against the server's memory. */
                           "PRAGMA cache_size = -49152;",
                           error))
    return NULL;

  if (!steward_store_listing_add_functions (self, error) || !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

StewardStore *
steward_store_open (const char *path,
                    GError    **error)
{
  /* WAL lets readers run beside a writer; synchronous=FULL makes every
   * acknowledged commit survive a power cut, not only a crash. */
  return open_with (path, SQLITE_OPEN_CREATE, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error);
}

StewardStore *
steward_store_open_new (const char *path,
                        GError    **error)
{
  /* Nothing reads this file until it is renamed into place, and a crash
   * before that discards it whole: keeping a journal or syncing pages
   * would only protect a file that is thrown away. Writing the pages
   * straight to the file saves a tenth of a million-user load. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, _ ("%s already exists"), path);
      return NULL;
    }

  return open_with (path, SQLITE_OPEN_CREATE,
                    "PRAGMA journal_mode = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA synchronous = OFF;",
                    error);
}

StewardStore *
steward_store_open_sibling (StewardStore *self,
                            GError      **error)
{
  g_autoptr (StewardStore) sibling = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  /* The journal mode is kept in the file, so the WAL is already on. */
  sibling = open_with (sqlite3_db_filename (self->db, "main"), 0, "PRAGMA synchronous = FULL;", error);
  if (sibling == NULL)
    return NULL;

  /* The 48 MiB of page cache are one budget for the database, however
   * many connections share the work: without splitting it, each fills its
   * own, and the server's memory grows by half. The sibling (the reader
   * of pages and searches) takes two thirds. */
  if (!steward_store_exec (sibling, "PRAGMA cache_size = -32768", error) || !steward_store_exec (self, "PRAGMA cache_size = -16384", error))
    return NULL;

  return g_steal_pointer (&sibling);
}

/* What is remembered between requests describes the data as it was: after
 * a write transaction ends (committed, or rolled back after the handler
 * read its own changes) none of it may be used again. A disabled or
 * deleted caller is thereby refused from the next request on. */
static void
forget_cached (StewardStore *self)
{
  g_hash_table_remove_all (self->count_cache);
  g_hash_table_remove_all (self->listings);
  g_hash_table_remove_all (self->callers);
  g_clear_pointer (&self->group_permissions, g_hash_table_unref);
}

/* After a transaction that only recorded sign-ins: the last logins
 * changed, so listings ordered by them and the callers read with them go;
 * counts and every other order stay, since no filter looks at last logins. */
static void
forget_last_logins (StewardStore *self)
{
  GHashTableIter iter;
  const char    *key;

  g_hash_table_iter_init (&iter, self->listings);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      if (strstr (key, "last_login") != NULL)
        g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->callers);
}

static gboolean
read_listings_epoch (StewardStore *self,
                     gint64       *out_epoch,
                     GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, "SELECT listings FROM cache_epoch WHERE id = 1", error);
  gint64 epoch = stmt != NULL ? steward_store_step_int64 (self, stmt, error) : -1;

  *out_epoch = epoch;
  return epoch >= 0;
}

/* What this connection remembers is dropped on its own writes; a commit
 * by another connection (the server's, seen from its reader) changes the
 * data version instead. Reading it starts the transaction's snapshot, so
 * nothing remembered from before that commit is used in this one. */
static gboolean
forget_if_changed_elsewhere (StewardStore *self,
                             GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, "PRAGMA data_version", error);
  gint64 version = stmt != NULL ? steward_store_step_int64 (self, stmt, error) : -1;

  g_clear_pointer (&stmt, steward_cached_stmt_release);
  if (version < 0)
    {
      steward_store_rollback (self);
      return FALSE;
    }

  if (version != self->data_version)
    {
      gint64 epoch;

      if (!read_listings_epoch (self, &epoch, error))
        {
          steward_store_rollback (self);
          return FALSE;
        }
      if (epoch != self->listings_epoch)
        forget_cached (self);
      else
        forget_last_logins (self);
      self->listings_epoch = epoch;
    }
  self->data_version = version;
  return TRUE;
}

/* BEGIN, COMMIT and ROLLBACK run around every request: prepared once
 * rather than parsed each time by sqlite3_exec. */
static gboolean
run_cached (StewardStore *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, sql, error);

  return stmt != NULL && steward_store_step_done (self, stmt, error);
}

static gboolean
raise_listings_epoch (StewardStore *self,
                      GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, "UPDATE cache_epoch SET listings = listings + 1 WHERE id = 1 RETURNING listings", error);
  gint64 epoch = stmt != NULL ? steward_store_step_int64 (self, stmt, error) : -1;

  if (epoch < 0)
    return FALSE;
  self->listings_epoch = epoch;
  return TRUE;
}

gboolean
steward_store_begin (StewardStore *self,
                     gboolean      for_writing,
                     GError      **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  self->writing = for_writing;
  self->only_sign_ins = FALSE;
  /* IMMEDIATE takes the write lock up front so two writers never deadlock
   * halfway through a request. */
  if (!run_cached (self, for_writing ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return FALSE;

  return forget_if_changed_elsewhere (self, error);
}

gboolean
steward_store_begin_bulk_load (StewardStore *self,
                               GError      **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  /* Nothing is acknowledged to anyone during a load, and the load is one
   * transaction: a crash leaves the database as it was before it. */
  /* A larger page cache keeps the load's pages out of the WAL until the
   * indexes are built, and a second sorter thread builds each index while
   * the first merges; both go back to the defaults afterwards. */
  if (!steward_store_exec (self, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA threads = 2", error))
    return FALSE;
  self->bulk_loading = TRUE;
  if (!steward_store_begin (self, TRUE, error) || !drop_derived (self, error))
    {
      steward_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
steward_store_commit_bulk_load (StewardStore *self,
                                GError      **error)
{
  /* The loaded users were not indexed one by one (the trigger was
   * dropped); the index is emptied and filled from every user at once. */
  static const char empty_search[] = "INSERT INTO user_search(user_search) VALUES ('delete-all');";
  gboolean          committed;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!create_derived (self, error) || !steward_store_exec (self, empty_search, error) || !steward_store_exec (self, fill_search, error))
    {
      steward_store_rollback (self);
      return FALSE;
    }

  committed = steward_store_commit (self, error);
  self->bulk_loading = FALSE;
  /* Back to committing every request to disk before it is answered. */
  return steward_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA cache_size = -49152; PRAGMA threads = 0", committed ? error : NULL) && committed;
}

gboolean
steward_store_commit (StewardStore *self,
                      GError      **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  /* Raised inside the transaction, so no connection can see the write
   * without the new count. */
  if (self->writing && !self->only_sign_ins && !raise_listings_epoch (self, error))
    {
      steward_store_rollback (self);
      return FALSE;
    }
  if (!run_cached (self, "COMMIT", error))
    {
      steward_store_rollback (self);
      return FALSE;
    }

  if (self->writing && self->only_sign_ins)
    forget_last_logins (self);
  else if (self->writing)
    forget_cached (self);
  self->writing = FALSE;

  return TRUE;
}

void
steward_store_note_only_sign_ins (StewardStore *self)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (self->writing);

  self->only_sign_ins = TRUE;
}

void
steward_store_rollback (StewardStore *self)
{
  g_return_if_fail (STEWARD_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    run_cached (self, "ROLLBACK", NULL);
  if (self->writing)
    forget_cached (self);
  self->writing = FALSE;
  if (self->bulk_loading)
    {
      self->bulk_loading = FALSE;
      steward_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA cache_size = -49152; PRAGMA threads = 0", NULL);
    }
}

void
steward_store_close (StewardStore *self)
{
  g_return_if_fail (STEWARD_IS_STORE (self));

  if (self->db == NULL)
    return;

  steward_store_rollback (self);
  /* Statements must be finalized before the connection closes. */
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = NULL;
}

void
steward_listing_free (StewardListing *listing)
{
  g_clear_pointer (&listing->ordered_ids, g_array_unref);
  g_clear_pointer (&listing->positions, g_array_unref);
  g_free (listing);
}

void
steward_store_iam_free (StewardStoreIam *iam)
{
  if (iam == NULL)
    return;

  g_free (iam->id);
  g_free (iam->display_name);
  g_free (iam->type);
  g_free (iam);
}

/* By hand: the copy owns its strings whichever GLib version g_ptr_array_copy
 * carries the free function over in. */
static GPtrArray *
copy_names (GPtrArray *names)
{
  GPtrArray *copy = g_ptr_array_new_full (names->len, g_free);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (names, i)));
  return copy;
}

StewardStoreUser *
steward_store_user_copy (const StewardStoreUser *user)
{
  StewardStoreUser *copy = g_memdup2 (user, sizeof *user);

  copy->iamid = g_strdup (user->iamid);
  copy->userid = g_strdup (user->userid);
  copy->name = g_strdup (user->name);
  copy->email = g_strdup (user->email);
  copy->sql_user = g_strdup (user->sql_user);
  copy->phone = g_strdup (user->phone);
  copy->position = g_strdup (user->position);
  copy->organization = g_strdup (user->organization);
  copy->permissions = copy_names (user->permissions);
  copy->group_permissions = copy_names (user->group_permissions);
  return copy;
}

void
steward_store_user_free (StewardStoreUser *user)
{
  if (user == NULL)
    return;

  g_free (user->iamid);
  g_free (user->userid);
  g_free (user->name);
  g_free (user->email);
  g_free (user->sql_user);
  g_free (user->phone);
  g_free (user->position);
  g_free (user->organization);
  g_clear_pointer (&user->permissions, g_ptr_array_unref);
  g_clear_pointer (&user->group_permissions, g_ptr_array_unref);
  g_free (user);
}

void
steward_store_audit_record_free (StewardStoreAuditRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->record_type);
  g_free (record->actor_iamid);
  g_free (record->actor_userid);
  g_free (record->target_iamid);
  g_free (record->target_userid);
  g_free (record->details);
  g_free (record);
}

void
steward_store_interaction_count_free (StewardInteractionCount *count)
{
  if (count == NULL)
    return;

  g_free (count->day);
  g_free (count->control);
  g_free (count);
}
