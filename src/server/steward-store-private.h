/* steward-store-private.h
 *
 * What the parts of StewardStore share: the connection, the statement cache
 * and small binding helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "steward-store.h"

G_BEGIN_DECLS

/* How many listings (filter and sort) are remembered at once, and how much
 * memory their ids may take together: 32 MiB hold eight listings of a
 * million users (4 bytes an id), and the server's peak RSS stays bounded
 * however many sorts and filters are paged through. */
#define STEWARD_MAX_LISTINGS 16
#define STEWARD_LISTINGS_MAX_BYTES (32 * 1024 * 1024)

typedef struct
{
  guint    requests;
  guint64  last_used;   /* the store's listing_clock when last paged */
  gboolean unsupported; /* an id beyond 32 bits: always pages through SQL */
  GArray  *ordered_ids; /* guint32, every match in ascending order; NULL until asked twice */
  GArray  *positions;   /* guint32 by user id: its index in ordered_ids, or G_MAXUINT32 */
} StewardListing;

void steward_listing_free (StewardListing *listing);

/* How many callers (credentials) are remembered at once. */
#define STEWARD_MAX_CACHED_CALLERS 4096

typedef struct
{
  StewardStoreUser *user;
  gint64            expires_at; /* ms; G_MAXINT64 for an API key */
} StewardCachedCaller;

void steward_cached_caller_free (StewardCachedCaller *cached);

struct _StewardStore
{
  GObject parent_instance;

  sqlite3    *db;
  GHashTable *statements;        /* SQL text → sqlite3_stmt, prepared once */
  GHashTable *count_cache;       /* filter key → gint64, valid until the next write */
  GHashTable *listings;          /* filter and sort key → StewardListing, likewise */
  GHashTable *callers;           /* credential hash → StewardCachedCaller, likewise */
  GHashTable *group_permissions; /* group id → its names, likewise; NULL until read */
  GArray     *gathered_ids;      /* guint32: where gather_ids() appends while a search runs */
  guint64     listing_clock;
  gint64      data_version;   /* PRAGMA data_version when the caches were last valid */
  gint64      listings_epoch; /* cache_epoch.listings when the listings were last valid */
  gboolean    writing;        /* the open transaction may write */
  gboolean    only_sign_ins;  /* ... but only records sign-ins */
  gboolean    bulk_loading;   /* synchronous is OFF until the load ends */
};

/* A cached statement is never finalized by its user, only reset. */
typedef sqlite3_stmt StewardCachedStmt;

void steward_cached_stmt_release (StewardCachedStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCachedStmt, steward_cached_stmt_release)

StewardCachedStmt *steward_store_prepare (StewardStore *self,
                                          const char   *sql,
                                          GError      **error);
gboolean           steward_store_exec (StewardStore *self,
                                       const char   *sql,
                                       GError      **error);
gboolean           steward_store_fail (StewardStore *self,
                                       int           rc,
                                       GError      **error);
/* Steps a statement that returns no rows, turning constraint failures into
 * STEWARD_STORE_ERROR_CONFLICT. */
gboolean steward_store_step_done (StewardStore      *self,
                                  StewardCachedStmt *stmt,
                                  GError           **error);

/* Steps a statement that yields at most one integer: its value, 0 for no
 * row, -1 (with ERROR set) on failure. */
gint64 steward_store_step_int64 (StewardStore      *self,
                                 StewardCachedStmt *stmt,
                                 GError           **error);

void  steward_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text);
char *steward_column_dup (sqlite3_stmt *stmt,
                          int           column);

/* The users with these ids, in the order given; missing ids are left out. */
GPtrArray *steward_store_get_users (StewardStore *self,
                                    const gint64 *ids,
                                    guint         n_ids,
                                    GError      **error);

/* The order of permission names on the wire: bytewise, as SQLite's
 * BINARY collation sorts them. */
int steward_store_compare_names (gconstpointer a,
                                 gconstpointer b);

/* What joins a user's folded name, e-mail and userid in the search index
 * (the unit separator, char(31) in the schema's SQL). No name or e-mail
 * holds a control character, so a search text holding it matches no one. */
#define STEWARD_SEARCH_TEXT_SEPARATOR '\x1f'

/* Adds the SQL functions the listing's queries use to a new connection;
 * FALSE with ERROR on failure. */
gboolean steward_store_listing_add_functions (StewardStore *self,
                                              GError      **error);

/* The case-folded form used for case-insensitive search, sort and
 * uniqueness; the same function is used on queries. */
char *steward_fold (const char *text);

G_END_DECLS
