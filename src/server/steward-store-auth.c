/* steward-store-auth.c
 *
 * API keys and the tokens exchanged for them. Only SHA-256 hashes of either
 * are stored: a copy of the database lets nobody sign in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-secrets.h"
#include "steward-store-private.h"
#include "steward-time.h"

char *
steward_store_create_api_key (StewardStore *self,
                              gint64        user_id,
                              const char   *name,
                              gint64       *out_key_id,
                              GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *key = steward_secret_new_api_key ();
  g_autofree char *hash = steward_secret_hash (key);

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = steward_store_prepare (self,
                                "INSERT INTO api_keys (user_id, name, key_hash, created_at) VALUES (?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  steward_bind_text (stmt, 2, name);
  steward_bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, steward_now_ms ());
  if (!steward_store_step_done (self, stmt, error))
    return NULL;

  if (out_key_id != NULL)
    *out_key_id = sqlite3_last_insert_rowid (self->db);

  return g_steal_pointer (&key);
}

/* The key's id and owner when the key exists and its owner is enabled. */
static gboolean
find_usable_key (StewardStore *self,
                 const char   *api_key,
                 gint64       *out_key_id,
                 gint64       *out_user_id,
                 GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *hash = steward_secret_hash (api_key);
  int              rc;

  stmt = steward_store_prepare (self,
                                "SELECT k.id, k.user_id FROM api_keys k JOIN users u ON u.id = k.user_id "
                                "WHERE k.key_hash = ? AND u.disabled = 0",
                                error);
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_key_id = sqlite3_column_int64 (stmt, 0);
      *out_user_id = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return steward_store_fail (self, rc, error);

  *out_key_id = 0;
  *out_user_id = 0;
  return TRUE;
}

static gboolean
forget_expired_tokens (StewardStore *self,
                       GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self, "DELETE FROM tokens WHERE expires_at <= ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, steward_now_ms ());
  return steward_store_step_done (self, stmt, error);
}

/* Exchanges a key for a new token. Returns NULL with no error set when the
 * key is unknown, revoked or its owner disabled: the caller answers 401. */
char *
steward_store_exchange_api_key (StewardStore *self,
                                const char   *api_key,
                                gint64        ttl_seconds,
                                gint64       *out_user_id,
                                GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  gint64           key_id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (out_user_id != NULL, NULL);

  if (!find_usable_key (self, api_key, &key_id, out_user_id, error))
    return NULL;
  if (key_id == 0)
    return NULL;

  /* Housekeeping rides on sign-ins, which are rare next to other calls. */
  if (!forget_expired_tokens (self, error))
    return NULL;

  token = steward_secret_new_token ();
  hash = steward_secret_hash (token);

  stmt = steward_store_prepare (self,
                                "INSERT INTO tokens (token_hash, user_id, api_key_id, expires_at) VALUES (?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return NULL;

  steward_bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, *out_user_id);
  sqlite3_bind_int64 (stmt, 3, key_id);
  sqlite3_bind_int64 (stmt, 4, steward_now_ms () + ttl_seconds * 1000);
  if (!steward_store_step_done (self, stmt, error))
    return NULL;

  return g_steal_pointer (&token);
}

/* The user behind a token (unexpired) or a raw API key, 0 when neither,
 * -1 on failure; OUT_EXPIRES_AT is when the answer stops being true
 * without any write: the token's expiry, never for a key. */
static gint64
resolve_credential (StewardStore *self,
                    const char   *credential,
                    const char   *hash,
                    gint64       *out_expires_at,
                    GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  gint64 key_id;
  gint64 user_id;
  int    rc;

  stmt = steward_store_prepare (self,
                                "SELECT t.user_id, t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id "
                                "WHERE t.token_hash = ? AND t.expires_at > ? AND u.disabled = 0",
                                error);
  if (stmt == NULL)
    return -1;

  steward_bind_text (stmt, 1, hash);
  sqlite3_bind_int64 (stmt, 2, steward_now_ms ());
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_expires_at = sqlite3_column_int64 (stmt, 1);
      return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return -1;
    }
  g_clear_pointer (&stmt, steward_cached_stmt_release);

  if (!find_usable_key (self, credential, &key_id, &user_id, error))
    return -1;

  *out_expires_at = G_MAXINT64;
  return user_id;
}

void
steward_cached_caller_free (StewardCachedCaller *cached)
{
  steward_store_user_free (cached->user);
  g_free (cached);
}

StewardStoreUser *
steward_store_find_caller (StewardStore *self,
                           const char   *credential,
                           GError      **error)
{
  /* Keyed by the hash, as in the database: memory holds no list of live
   * credentials either. */
  g_autofree char     *hash = steward_secret_hash (credential);
  StewardCachedCaller *cached;
  StewardStoreUser    *user;
  gint64               expires_at = 0;
  gint64               user_id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  cached = g_hash_table_lookup (self->callers, hash);
  if (cached != NULL && cached->expires_at > steward_now_ms ())
    return steward_store_user_copy (cached->user);
  if (cached != NULL)
    g_hash_table_remove (self->callers, hash);

  user_id = resolve_credential (self, credential, hash, &expires_at, error);
  if (user_id <= 0)
    return NULL;

  user = steward_store_get_user (self, user_id, error);
  if (user == NULL)
    return NULL;

  /* Bounded: tokens are many only when clients sign in over and over. */
  if (g_hash_table_size (self->callers) >= STEWARD_MAX_CACHED_CALLERS)
    g_hash_table_remove_all (self->callers);
  cached = g_new0 (StewardCachedCaller, 1);
  cached->user = steward_store_user_copy (user);
  cached->expires_at = expires_at;
  g_hash_table_insert (self->callers, g_steal_pointer (&hash), cached);

  return user;
}

gint64
steward_store_get_api_key_owner (StewardStore *self,
                                 gint64        key_id,
                                 GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self, "SELECT user_id FROM api_keys WHERE id = ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, key_id);
  return steward_store_step_int64 (self, stmt, error);
}

/* Deletes the key and every token it issued; returns how many tokens. */
gint64
steward_store_revoke_api_key (StewardStore *self,
                              gint64        key_id,
                              GError      **error)
{
  g_autoptr (StewardCachedStmt) tokens = NULL;
  g_autoptr (StewardCachedStmt) key = NULL;
  gint64 revoked;

  tokens = steward_store_prepare (self, "DELETE FROM tokens WHERE api_key_id = ?", error);
  if (tokens == NULL)
    return -1;

  sqlite3_bind_int64 (tokens, 1, key_id);
  if (!steward_store_step_done (self, tokens, error))
    return -1;
  revoked = sqlite3_changes (self->db);

  key = steward_store_prepare (self, "DELETE FROM api_keys WHERE id = ?", error);
  if (key == NULL)
    return -1;

  sqlite3_bind_int64 (key, 1, key_id);
  if (!steward_store_step_done (self, key, error))
    return -1;

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _ ("There is no API key with id %lld"), (long long) key_id);
      return -1;
    }

  return revoked;
}
