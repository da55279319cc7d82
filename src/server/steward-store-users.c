/* steward-store-users.c
 *
 * Identity managers, users, their permissions, groups and subscriptions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-secrets.h"
#include "steward-store-private.h"
#include "steward-time.h"

#define USER_COLUMNS                                                          \
  "id, iamid, userid, name, email, sql_user, phone, position, organization, " \
  "disabled, system_generated, last_login, created_at, updated_at, profile_updated_at"

/* ------------------------------------------------------------------ IAMs */

gboolean
steward_store_ensure_iam (StewardStore *self,
                          const char   *id,
                          const char   *display_name,
                          const char   *type,
                          GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = steward_store_prepare (self,
                                "INSERT INTO iams (id, display_name, type) VALUES (?, ?, ?) "
                                "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name",
                                error);
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, id);
  steward_bind_text (stmt, 2, display_name);
  steward_bind_text (stmt, 3, type);
  return steward_store_step_done (self, stmt, error);
}

GPtrArray *
steward_store_list_iams (StewardStore *self,
                         GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) iams = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_store_iam_free);
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = steward_store_prepare (self,
                                "SELECT id, display_name, type, oauth FROM iams "
                                "ORDER BY id != 'bim', id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardStoreIam *iam = g_new0 (StewardStoreIam, 1);

      iam->id = steward_column_dup (stmt, 0);
      iam->display_name = steward_column_dup (stmt, 1);
      iam->type = steward_column_dup (stmt, 2);
      iam->oauth = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (iams, iam);
    }

  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&iams);
}

gboolean
steward_store_has_iam (StewardStore *self,
                       const char   *id,
                       GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self, "SELECT 1 FROM iams WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* ------------------------------------------------------------- lookups */

static gint64
select_id (StewardStore *self,
           const char   *sql,
           const char   *first,
           const char   *second,
           GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;

  steward_bind_text (stmt, 1, first);
  if (second != NULL)
    steward_bind_text (stmt, 2, second);

  return steward_store_step_int64 (self, stmt, error);
}

/* The id of the user holding USERID in IAMID, 0 when none, -1 on error.
 * bim user names are e-mail addresses and compare case-insensitively;
 * other identity managers compare exactly, as their servers do. */
static gint64
lookup_userid (StewardStore *self,
               const char   *iamid,
               const char   *userid,
               GError      **error)
{
  g_autofree char *key = NULL;

  if (!g_str_equal (iamid, "bim"))
    return select_id (self, "SELECT id FROM users WHERE iamid = ? AND userid = ?",
                      iamid, userid, error);

  key = steward_fold (userid);
  return select_id (self, "SELECT id FROM users WHERE iamid = 'bim' AND userid_key = ?",
                    key, NULL, error);
}

static StewardStoreUser *
read_user_row (sqlite3_stmt *stmt)
{
  StewardStoreUser *user = g_new0 (StewardStoreUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->iamid = steward_column_dup (stmt, 1);
  user->userid = steward_column_dup (stmt, 2);
  user->name = steward_column_dup (stmt, 3);
  user->email = steward_column_dup (stmt, 4);
  user->sql_user = steward_column_dup (stmt, 5);
  user->phone = steward_column_dup (stmt, 6);
  user->position = steward_column_dup (stmt, 7);
  user->organization = steward_column_dup (stmt, 8);
  user->disabled = sqlite3_column_int (stmt, 9) != 0;
  user->system_generated = sqlite3_column_int (stmt, 10) != 0;
  user->last_login = sqlite3_column_int64 (stmt, 11);
  user->created_at = sqlite3_column_int64 (stmt, 12);
  user->updated_at = sqlite3_column_int64 (stmt, 13);
  user->profile_updated_at = sqlite3_column_int64 (stmt, 14);
  user->permissions = g_ptr_array_new_with_free_func (g_free);
  user->group_permissions = g_ptr_array_new_with_free_func (g_free);

  return user;
}

/* A user's permission names (or group ids) in one column, joined by the
 * unit separator, which no permission name can hold. */
#define NAMES_SEPARATOR "\x1f"

/* One row per user with its permission names and its groups' ids, the
 * copies schema version 2 keeps in the row: a page costs one prepared
 * statement stepped once per user, and no search beside the row's. */
#define USER_WITH_NAMES_BY_ID \
  "SELECT " USER_COLUMNS ", permission_names, group_ids FROM users WHERE id = ?"

static void
split_names (const char *text,
             GPtrArray  *out_names)
{
  while (text != NULL && *text != '\0')
    {
      const char *end = strchr (text, NAMES_SEPARATOR[0]);

      if (end == NULL)
        {
          g_ptr_array_add (out_names, g_strdup (text));
          break;
        }
      g_ptr_array_add (out_names, g_strndup (text, end - text));
      text = end + 1;
    }
}

/* Every group's permissions, read once until the next write: groups are a
 * handful, members many. */
static GHashTable *
group_permissions (StewardStore *self,
                   GError      **error)
{
  g_autoptr (GHashTable) groups = NULL;
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  if (self->group_permissions != NULL)
    return self->group_permissions;

  stmt = steward_store_prepare (self, "SELECT group_id, permission FROM group_permissions", error);
  if (stmt == NULL)
    return NULL;

  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64     group_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *names = g_hash_table_lookup (groups, &group_id);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (groups, g_memdup2 (&group_id, sizeof group_id), names);
        }
      g_ptr_array_add (names, steward_column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  self->group_permissions = g_steal_pointer (&groups);
  return self->group_permissions;
}

static void
sort_unique (GPtrArray *names)
{
  guint kept = 0;

  g_ptr_array_sort (names, steward_store_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      if (kept > 0 && g_str_equal (g_ptr_array_index (names, kept - 1), g_ptr_array_index (names, i)))
        {
          g_free (g_ptr_array_index (names, i));
          continue;
        }
      names->pdata[kept++] = names->pdata[i];
    }
  names->len = kept;
}

/* Fills the user's permission names from the row's columns 15 and 16. */
static void
read_user_names (sqlite3_stmt     *stmt,
                 GHashTable       *groups,
                 StewardStoreUser *user)
{
  const char *group_ids = (const char *) sqlite3_column_text (stmt, 16);

  split_names ((const char *) sqlite3_column_text (stmt, 15), user->permissions);
  sort_unique (user->permissions);

  while (group_ids != NULL && *group_ids != '\0')
    {
      gint64     group_id = g_ascii_strtoll (group_ids, (char **) &group_ids, 10);
      GPtrArray *names = g_hash_table_lookup (groups, &group_id);

      for (guint i = 0; names != NULL && i < names->len; i++)
        g_ptr_array_add (user->group_permissions, g_strdup (g_ptr_array_index (names, i)));
      if (*group_ids == NAMES_SEPARATOR[0])
        group_ids++;
      else
        break;
    }
  sort_unique (user->group_permissions);
}

/* The users with these ids, in the order given; ids that do not exist are
 * left out. */
GPtrArray *
steward_store_get_users (StewardStore *self,
                         const gint64 *ids,
                         guint         n_ids,
                         GError      **error)
{
  g_autoptr (GPtrArray) users = g_ptr_array_new_full (n_ids, (GDestroyNotify) steward_store_user_free);
  g_autoptr (StewardCachedStmt) stmt = NULL;
  GHashTable *groups = group_permissions (self, error);

  if (groups == NULL)
    return NULL;
  stmt = steward_store_prepare (self, USER_WITH_NAMES_BY_ID, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          StewardStoreUser *user = read_user_row (stmt);

          read_user_names (stmt, groups, user);
          g_ptr_array_add (users, user);
        }
      else if (rc != SQLITE_DONE)
        {
          steward_store_fail (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&users);
}

StewardStoreUser *
steward_store_get_user (StewardStore *self,
                        gint64        id,
                        GError      **error)
{
  g_autoptr (GPtrArray) users = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  users = steward_store_get_users (self, &id, 1, error);
  if (users == NULL)
    return NULL;

  if (users->len == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _ ("There is no user with id %lld"), (long long) id);
      return NULL;
    }

  return g_ptr_array_steal_index (users, 0);
}

static gboolean
is_decimal_id (const char *text)
{
  guint64 value;

  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL);
}

StewardStoreUser *
steward_store_find_user (StewardStore *self,
                         const char   *iamid,
                         const char   *userid_or_id,
                         GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  id = lookup_userid (self, iamid, userid_or_id, &local_error);
  if (id < 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* API.md allows the numeric id in place of the userid. A userid that
   * happens to be all digits wins over an id, as it is the more specific. */
  if (id == 0 && is_decimal_id (userid_or_id))
    {
      id = select_id (self, "SELECT id FROM users WHERE id = ? AND iamid = ?",
                      userid_or_id, iamid, &local_error);
      if (id < 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (id == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _ ("There is no user “%s” in the identity manager “%s”"),
                   userid_or_id, iamid);
      return NULL;
    }

  return steward_store_get_user (self, id, error);
}

/* ------------------------------------------------------------- changes */

static gboolean
check_userid_free (StewardStore *self,
                   const char   *iamid,
                   const char   *userid,
                   gint64        except_id,
                   GError      **error)
{
  gint64 holder = lookup_userid (self, iamid, userid, error);

  if (holder < 0)
    return FALSE;

  if (holder != 0 && holder != except_id)
    {
      if (g_str_equal (iamid, "bim"))
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CONFLICT,
                     _ ("A user with e-mail %s already exists"), userid);
      else
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CONFLICT,
                     _ ("The identity manager “%s” already has a user “%s”"), iamid, userid);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_sql_user_free (StewardStore *self,
                     const char   *sql_user,
                     gint64        except_id,
                     GError      **error)
{
  gint64 holder;

  if (sql_user == NULL || *sql_user == '\0')
    return TRUE;

  holder = select_id (self, "SELECT id FROM users WHERE sql_user = ?", sql_user, NULL, error);
  if (holder < 0)
    return FALSE;

  if (holder != 0 && holder != except_id)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CONFLICT,
                   _ ("The SQL user name “%s” is already taken by another user"), sql_user);
      return FALSE;
    }

  return TRUE;
}

/* The names as users.permission_names keeps them: each once, joined by
 * NAMES_SEPARATOR. The lists are a handful of names, so the quadratic
 * check for repeats is the cheap one. */
static char *
join_distinct_names (const char *const *names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_str_equal (names[i], names[j]);
      if (repeated)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, NAMES_SEPARATOR[0]);
      g_string_append (joined, names[i]);
    }

  return g_string_free (joined, FALSE);
}

static gboolean
insert_permissions (StewardStore      *self,
                    gint64             id,
                    const char *const *permissions,
                    GError           **error)
{
  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    {
      g_autoptr (StewardCachedStmt) stmt = NULL;

      stmt = steward_store_prepare (self,
                                    "INSERT OR IGNORE INTO user_permissions (user_id, permission) VALUES (?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      steward_bind_text (stmt, 2, permissions[i]);
      if (!steward_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gint64
steward_store_insert_user (StewardStore              *self,
                           const StewardStoreNewUser *user,
                           GError                   **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *userid_key = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *email_key = NULL;
  g_autofree char *password_hash = NULL;
  g_autofree char *permission_names = join_distinct_names (user->permissions);
  gint64           created_at;
  gint64           id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);
  g_return_val_if_fail (user->iamid != NULL && user->userid != NULL && user->name != NULL, 0);

  /* A bulk load's rows are unique by construction; the UNIQUE constraints
   * still refuse a duplicate, only without the friendlier message. */
  if (!self->bulk_loading && (!check_userid_free (self, user->iamid, user->userid, 0, error) || !check_sql_user_free (self, user->sql_user, 0, error)))
    return 0;

  userid_key = steward_fold (user->userid);
  name_key = steward_fold (user->name);
  email_key = steward_fold (user->email);
  if (user->password != NULL)
    password_hash = steward_secret_hash_password (user->password);
  created_at = user->created_at != 0 ? user->created_at : steward_now_ms ();

  stmt = steward_store_prepare (self,
                                "INSERT INTO users (iamid, userid, userid_key, name, name_key, email, email_key, "
                                "sql_user, password_hash, disabled, system_generated, last_login, "
                                "created_at, updated_at, profile_updated_at, permission_names) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return 0;

  steward_bind_text (stmt, 1, user->iamid);
  steward_bind_text (stmt, 2, user->userid);
  steward_bind_text (stmt, 3, userid_key);
  steward_bind_text (stmt, 4, user->name);
  steward_bind_text (stmt, 5, name_key);
  steward_bind_text (stmt, 6, user->email);
  steward_bind_text (stmt, 7, email_key);
  steward_bind_text (stmt, 8, user->sql_user);
  steward_bind_text (stmt, 9, password_hash);
  sqlite3_bind_int (stmt, 10, user->disabled);
  sqlite3_bind_int (stmt, 11, user->system_generated);
  if (user->last_login != 0)
    sqlite3_bind_int64 (stmt, 12, user->last_login);
  sqlite3_bind_int64 (stmt, 13, created_at);
  sqlite3_bind_int64 (stmt, 14, created_at);
  sqlite3_bind_int64 (stmt, 15, created_at);
  steward_bind_text (stmt, 16, permission_names);

  if (!steward_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  if (!insert_permissions (self, id, user->permissions, error))
    return 0;

  return id;
}

static gboolean
expect_one_change (StewardStore *self,
                   gint64        id,
                   GError      **error)
{
  if (sqlite3_changes (self->db) == 1)
    return TRUE;

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _ ("There is no user with id %lld"), (long long) id);
  return FALSE;
}

/* Appends "column = ?" to the UPDATE and remembers the value to bind. */
static void
add_assignment (GString    *sql,
                GPtrArray  *values,
                const char *column,
                const char *value)
{
  g_string_append_printf (sql, ", %s = ?", column);
  g_ptr_array_add (values, value != NULL && *value != '\0' ? g_strdup (value) : NULL);
}

gboolean
steward_store_update_profile (StewardStore                    *self,
                              gint64                           id,
                              const StewardStoreProfileChange *change,
                              GError                         **error)
{
  g_autoptr (StewardStoreUser) current = NULL;
  g_autoptr (GString) sql = g_string_new ("UPDATE users SET updated_at = ?1, profile_updated_at = ?1");
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (StewardCachedStmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  current = steward_store_get_user (self, id, error);
  if (current == NULL)
    return FALSE;

  if (change->name != NULL)
    {
      g_autofree char *key = steward_fold (change->name);

      add_assignment (sql, values, "name", change->name);
      add_assignment (sql, values, "name_key", key);
    }

  if (change->email != NULL)
    {
      g_autofree char *key = steward_fold (change->email);

      add_assignment (sql, values, "email", change->email);
      add_assignment (sql, values, "email_key", key);

      /* A bim user's name is their e-mail: the two change together. */
      if (g_str_equal (current->iamid, "bim"))
        {
          if (!check_userid_free (self, "bim", change->email, id, error))
            return FALSE;
          add_assignment (sql, values, "userid", change->email);
          add_assignment (sql, values, "userid_key", key);
        }
    }

  if (change->sql_user != NULL)
    {
      if (!check_sql_user_free (self, change->sql_user, id, error))
        return FALSE;
      add_assignment (sql, values, "sql_user", change->sql_user);
    }

  if (change->phone != NULL)
    add_assignment (sql, values, "phone", change->phone);
  if (change->position != NULL)
    add_assignment (sql, values, "position", change->position);
  if (change->organization != NULL)
    add_assignment (sql, values, "organization", change->organization);

  g_string_append (sql, " WHERE id = ?");

  /* The text only ever combines the fixed column names above, so the cache
   * holds at most one statement per combination. */
  stmt = steward_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, steward_now_ms ());
  for (guint i = 0; i < values->len; i++)
    steward_bind_text (stmt, (int) i + 2, g_ptr_array_index (values, i));
  sqlite3_bind_int64 (stmt, (int) values->len + 2, id);

  if (!steward_store_step_done (self, stmt, error))
    return FALSE;

  return expect_one_change (self, id, error);
}

gboolean
steward_store_set_permissions (StewardStore      *self,
                               gint64             id,
                               const char *const *permissions,
                               GError           **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *permission_names = join_distinct_names (permissions);

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = steward_store_prepare (self, "UPDATE users SET updated_at = ?, permission_names = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, steward_now_ms ());
  steward_bind_text (stmt, 2, permission_names);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!steward_store_step_done (self, stmt, error) || !expect_one_change (self, id, error))
    return FALSE;
  g_clear_pointer (&stmt, steward_cached_stmt_release);

  stmt = steward_store_prepare (self, "DELETE FROM user_permissions WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!steward_store_step_done (self, stmt, error))
    return FALSE;

  return insert_permissions (self, id, permissions, error);
}

gboolean
steward_store_set_disabled (StewardStore *self,
                            gint64        id,
                            gboolean      disabled,
                            GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = steward_store_prepare (self, "UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, disabled);
  sqlite3_bind_int64 (stmt, 2, steward_now_ms ());
  sqlite3_bind_int64 (stmt, 3, id);
  if (!steward_store_step_done (self, stmt, error) || !expect_one_change (self, id, error))
    return FALSE;
  g_clear_pointer (&stmt, steward_cached_stmt_release);

  if (!disabled)
    return TRUE;

  /* A disabled account must lose its sessions at once, not when they
   * expire. Its API keys stay, but stop working while it is disabled. */
  stmt = steward_store_prepare (self, "DELETE FROM tokens WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return steward_store_step_done (self, stmt, error);
}

gboolean
steward_store_delete_user (StewardStore *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  /* Foreign keys cascade to permissions, group memberships, subscriptions,
   * API keys and tokens. */
  stmt = steward_store_prepare (self, "DELETE FROM users WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!steward_store_step_done (self, stmt, error))
    return FALSE;

  return expect_one_change (self, id, error);
}

gboolean
steward_store_migrate_user (StewardStore *self,
                            gint64        id,
                            const char   *iamid,
                            const char   *userid,
                            GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *userid_key = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!check_userid_free (self, iamid, userid, id, error))
    return FALSE;

  userid_key = steward_fold (userid);
  stmt = steward_store_prepare (self,
                                "UPDATE users SET iamid = ?, userid = ?, userid_key = ?, updated_at = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, iamid);
  steward_bind_text (stmt, 2, userid);
  steward_bind_text (stmt, 3, userid_key);
  sqlite3_bind_int64 (stmt, 4, steward_now_ms ());
  sqlite3_bind_int64 (stmt, 5, id);
  if (!steward_store_step_done (self, stmt, error))
    return FALSE;

  return expect_one_change (self, id, error);
}

gboolean
steward_store_set_last_login (StewardStore *self,
                              gint64        id,
                              gint64        when,
                              GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self, "UPDATE users SET last_login = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, when);
  sqlite3_bind_int64 (stmt, 2, id);
  return steward_store_step_done (self, stmt, error);
}

gboolean
steward_store_count_users (StewardStore *self,
                           gint64       *out_total,
                           gint64       *out_disabled,
                           GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  stmt = steward_store_prepare (self, "SELECT count(*), coalesce(sum(disabled), 0) FROM users", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return steward_store_fail (self, rc, error);

  *out_total = sqlite3_column_int64 (stmt, 0);
  *out_disabled = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

GPtrArray *
steward_store_custom_permissions (StewardStore *self,
                                  GError      **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (StewardCachedStmt) stmt = NULL;
  const char *after = "";

  /* The names in use are a handful, the grants millions: each next name
   * is found with one search of user_permissions_by_name from the last
   * one (groups are few, their permissions are read whole). Reading every
   * grant and sorting them took 45 ms at 100,000 users, on every sign-in
   * of the app. */
  stmt = steward_store_prepare (self,
                                "SELECT min(name) FROM ("
                                " SELECT (SELECT min(permission) FROM user_permissions WHERE permission > ?1) AS name"
                                " UNION ALL SELECT min(permission) FROM group_permissions WHERE permission > ?1)",
                                error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      int rc;

      sqlite3_reset (stmt);
      steward_bind_text (stmt, 1, after);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          steward_store_fail (self, rc, error);
          return NULL;
        }
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        break;
      g_ptr_array_add (names, steward_column_dup (stmt, 0));
      after = g_ptr_array_index (names, names->len - 1);
    }

  return g_steal_pointer (&names);
}

/* ------------------------------------------- groups and subscriptions */

gboolean
steward_store_add_group_member (StewardStore      *self,
                                const char        *group_name,
                                const char *const *group_permissions,
                                gint64             user_id,
                                GError           **error)
{
  g_autoptr (StewardCachedStmt) member = NULL;
  gint64 group_id;

  {
    g_autoptr (StewardCachedStmt) stmt = steward_store_prepare (self, "INSERT OR IGNORE INTO groups (name) VALUES (?)", error);

    if (stmt == NULL)
      return FALSE;
    steward_bind_text (stmt, 1, group_name);
    if (!steward_store_step_done (self, stmt, error))
      return FALSE;
  }

  group_id = select_id (self, "SELECT id FROM groups WHERE name = ?", group_name, NULL, error);
  if (group_id <= 0)
    return FALSE;

  for (guint i = 0; group_permissions != NULL && group_permissions[i] != NULL; i++)
    {
      g_autoptr (StewardCachedStmt) stmt = NULL;

      stmt = steward_store_prepare (self,
                                    "INSERT OR IGNORE INTO group_permissions (group_id, permission) VALUES (?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      steward_bind_text (stmt, 2, group_permissions[i]);
      if (!steward_store_step_done (self, stmt, error))
        return FALSE;
    }

  member = steward_store_prepare (self,
                                  "INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)",
                                  error);
  if (member == NULL)
    return FALSE;
  sqlite3_bind_int64 (member, 1, group_id);
  sqlite3_bind_int64 (member, 2, user_id);
  if (!steward_store_step_done (self, member, error))
    return FALSE;
  /* Already a member: the row's copy has the group. */
  if (sqlite3_changes (self->db) == 0)
    return TRUE;
  g_clear_pointer (&member, steward_cached_stmt_release);

  /* Appended rather than rebuilt from group_members: during a bulk load
   * its index by user is not there yet. */
  member = steward_store_prepare (self,
                                  "UPDATE users SET group_ids = CASE group_ids WHEN '' THEN ?2"
                                  " ELSE group_ids || char(31) || ?2 END WHERE id = ?1",
                                  error);
  if (member == NULL)
    return FALSE;
  sqlite3_bind_int64 (member, 1, user_id);
  sqlite3_bind_int64 (member, 2, group_id);
  return steward_store_step_done (self, member, error) && expect_one_change (self, user_id, error);
}

gboolean
steward_store_add_subscription (StewardStore *self,
                                gint64        user_id,
                                const char   *data_source,
                                GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self,
                                "INSERT OR IGNORE INTO subscriptions (user_id, data_source) VALUES (?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  steward_bind_text (stmt, 2, data_source);
  return steward_store_step_done (self, stmt, error);
}
