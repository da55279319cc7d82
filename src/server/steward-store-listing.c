/* steward-store-listing.c
 *
 * Route 4's listing: filters turned into SQL (with every value bound, never
 * spliced), the sort orders, and the listings remembered until the next
 * write so paging and counting stay cheap on large directories.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-store-private.h"

/* FTS5's trigram tokenizer can only match queries of three or more
 * characters; shorter ones are searched with instr() instead. */
#define TRIGRAM_MIN_CHARS 3

/* The users the trigram index matches for one bound phrase, and their ids. */
#define TRIGRAM_MATCHES "FROM user_search WHERE user_search MATCH ?"
#define TRIGRAM_MATCHING_IDS "SELECT rowid " TRIGRAM_MATCHES
/* Whether a user's folded text (name, e-mail or userid) contains the
 * parameter PARAM, for texts too short for the trigram index. */
#define ANY_KEY_CONTAINS(param)                                            \
  "(instr(u.name_key, " param ") > 0 OR instr(u.email_key, " param ") > 0" \
  " OR instr(u.userid_key, " param ") > 0)"

typedef struct
{
  GString   *where;
  GPtrArray *values; /* strings, bound in order */
  GString   *cache_key;
} FilterClause;

static void
add_value (FilterClause *clause,
           const char   *value)
{
  g_ptr_array_add (clause->values, g_strdup (value));
  /* Length-prefixed so no two filters share a key. */
  g_string_append_printf (clause->cache_key, "%zu:%s|", strlen (value), value);
}

/* A quoted FTS5 phrase: the text is data, never query syntax. */
static char *
fts_phrase (const char *folded)
{
  g_autoptr (GString) phrase = g_string_new ("\"");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

/* A text with the separator of the index's fields in it would match
 * across two of them, and no field holds it. */
static gboolean
can_match (const char *folded)
{
  return strchr (folded, STEWARD_SEARCH_TEXT_SEPARATOR) == NULL;
}

static gboolean
trigram_can_match (const char *folded)
{
  return g_utf8_strlen (folded, -1) >= TRIGRAM_MIN_CHARS;
}

static void
add_substring_filter (FilterClause *clause,
                      const char   *column, /* NULL: any searchable column */
                      const char   *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = steward_fold (text);
  g_string_append_printf (clause->cache_key, "%s~", column != NULL ? column : "*");

  if (!can_match (folded))
    {
      g_string_append (clause->where, " AND 0");
      g_string_append (clause->cache_key, "none|");
      return;
    }

  if (trigram_can_match (folded))
    {
      g_autofree char *phrase = fts_phrase (folded);

      /* The index holds the three fields as one text: it narrows the
       * search of one field down, and the row says which field matched. */
      g_string_append (clause->where, " AND u.id IN (" TRIGRAM_MATCHING_IDS ")");
      add_value (clause, phrase);
      if (column != NULL)
        {
          g_string_append_printf (clause->where, " AND instr(u.%s, ?) > 0", column);
          add_value (clause, folded);
        }
    }
  else if (column != NULL)
    {
      g_string_append_printf (clause->where, " AND instr(u.%s, ?) > 0", column);
      add_value (clause, folded);
    }
  else
    {
      g_string_append (clause->where, " AND " ANY_KEY_CONTAINS ("?"));
      add_value (clause, folded);
      add_value (clause, folded);
      add_value (clause, folded);
    }
}

/* WITH_SEARCH FALSE leaves searchText out: the clause of the listing a
 * search narrows down. */
static void
build_filter (const StewardUserFilter *filter,
              gboolean                 with_search,
              FilterClause            *clause)
{
  clause->where = g_string_new ("WHERE 1");
  clause->values = g_ptr_array_new_with_free_func (g_free);
  clause->cache_key = g_string_new (NULL);

  /* The unary + keeps SQLite from using an index for these low-selectivity
   * filters, so it walks the index of the sort order and stops at LIMIT. */
  if (filter->disabled_only)
    {
      g_string_append (clause->where, " AND +u.disabled = 1");
      g_string_append (clause->cache_key, "disabled|");
    }
  else if (!filter->include_disabled)
    {
      g_string_append (clause->where, " AND +u.disabled = 0");
      g_string_append (clause->cache_key, "enabled|");
    }

  if (filter->iamids != NULL && filter->iamids->len > 0)
    {
      g_string_append (clause->where, " AND +u.iamid IN (");
      g_string_append (clause->cache_key, "iam=");
      for (guint i = 0; i < filter->iamids->len; i++)
        {
          g_string_append (clause->where, i == 0 ? "?" : ", ?");
          add_value (clause, g_ptr_array_index (filter->iamids, i));
        }
      g_string_append (clause->where, ")");
    }

  if (filter->permission != NULL)
    {
      g_string_append (clause->where,
                       " AND EXISTS (SELECT 1 FROM user_permissions p"
                       " WHERE p.user_id = u.id AND p.permission = ?)");
      g_string_append (clause->cache_key, "perm=");
      add_value (clause, filter->permission);
    }

  if (with_search)
    add_substring_filter (clause, NULL, filter->search_text);
  add_substring_filter (clause, "name_key", filter->name);
  add_substring_filter (clause, "email_key", filter->email);
  add_substring_filter (clause, "userid_key", filter->userid);
}

static void
clear_filter (FilterClause *clause)
{
  if (clause->where != NULL)
    g_string_free (clause->where, TRUE);
  g_clear_pointer (&clause->values, g_ptr_array_unref);
  if (clause->cache_key != NULL)
    g_string_free (clause->cache_key, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterClause, clear_filter)

static const char *
order_by (StewardSortField field,
          gboolean         descending)
{
  static const char *const ascending_order[] = {
    [STEWARD_SORT_NAME] = "u.name_key ASC, u.id ASC",
    [STEWARD_SORT_EMAIL] = "u.email_key ASC, u.id ASC",
    [STEWARD_SORT_IAMID] = "u.iamid ASC, u.name_key ASC, u.id ASC",
    [STEWARD_SORT_CREATED_AT] = "u.created_at ASC, u.id ASC",
    [STEWARD_SORT_LAST_LOGIN] = "u.last_login ASC, u.id ASC",
    [STEWARD_SORT_USERNAME] = "u.userid_key ASC, u.id ASC",
  };
  static const char *const descending_order[] = {
    [STEWARD_SORT_NAME] = "u.name_key DESC, u.id DESC",
    [STEWARD_SORT_EMAIL] = "u.email_key DESC, u.id DESC",
    [STEWARD_SORT_IAMID] = "u.iamid DESC, u.name_key DESC, u.id DESC",
    [STEWARD_SORT_CREATED_AT] = "u.created_at DESC, u.id DESC",
    [STEWARD_SORT_LAST_LOGIN] = "u.last_login DESC, u.id DESC",
    [STEWARD_SORT_USERNAME] = "u.userid_key DESC, u.id DESC",
  };

  g_assert (field <= STEWARD_SORT_USERNAME);

  return descending ? descending_order[field] : ascending_order[field];
}

static void
bind_values (sqlite3_stmt *stmt,
             GPtrArray    *values)
{
  for (guint i = 0; i < values->len; i++)
    steward_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i));
}

static gboolean
count_matches (StewardStore *self,
               FilterClause *clause,
               gint64       *out_count,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM users u %s", clause->where->str);
  g_autoptr (StewardCachedStmt) stmt = NULL;
  gint64 *cached;
  int     rc;

  /* Counting 100,000 rows on every page request would cost more than the
   * page itself; the cache is dropped by every committed write. */
  cached = g_hash_table_lookup (self->count_cache, clause->cache_key->str);
  if (cached != NULL)
    {
      *out_count = *cached;
      return TRUE;
    }

  stmt = steward_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, clause->values);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return steward_store_fail (self, rc, error);

  *out_count = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (self->count_cache, g_strdup (clause->cache_key->str),
                       g_memdup2 (out_count, sizeof *out_count));
  return TRUE;
}

/* The ids of a page (LIMIT size OFFSET offset) in order. */
static GArray *
select_page_ids (StewardStore            *self,
                 FilterClause            *clause,
                 const char              *order,
                 const StewardUserFilter *page,
                 GError                 **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT u.id FROM users u %s ORDER BY %s LIMIT ? OFFSET ?",
                                          clause->where->str, order);
  g_autoptr (GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), page->size);
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  stmt = steward_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_values (stmt, clause->values);
  sqlite3_bind_int64 (stmt, (int) clause->values->len + 1, page->size);
  sqlite3_bind_int64 (stmt, (int) clause->values->len + 2, page->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Every id matching the filter in ascending ORDER, as 32-bit ids (half the
 * memory at a million users). FALSE with ERROR on failure; TRUE with
 * *OUT_IDS NULL when an id does not fit in 32 bits. */
static gboolean
select_all_ids (StewardStore *self,
                FilterClause *clause,
                const char   *order,
                GArray      **out_ids,
                GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT u.id FROM users u %s ORDER BY %s",
                                          clause->where->str, order);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  *out_ids = NULL;
  stmt = steward_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, clause->values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64  id = sqlite3_column_int64 (stmt, 0);
      guint32 narrow = (guint32) id;

      if (id < 0 || id > G_MAXUINT32)
        return TRUE;
      g_array_append_val (ids, narrow);
    }

  if (rc != SQLITE_DONE)
    return steward_store_fail (self, rc, error);

  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

static gsize
listing_bytes (StewardListing *listing)
{
  return (listing->ordered_ids != NULL ? listing->ordered_ids->len * sizeof (guint32) : 0) + (listing->positions != NULL ? listing->positions->len * sizeof (guint32) : 0);
}

/* Drops the least recently paged listings (never KEEP) until the ids of
 * all of them fit the budget, or until the table has room for one more. */
static void
trim_listings (StewardStore   *self,
               StewardListing *keep,
               gboolean        for_new_listing)
{
  for (;;)
    {
      GHashTableIter  iter;
      gpointer        key, value;
      gpointer        oldest_key = NULL;
      StewardListing *oldest = NULL;
      gsize           total = 0;

      g_hash_table_iter_init (&iter, self->listings);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          StewardListing *listing = value;

          total += listing_bytes (listing);
          if (listing != keep && (oldest == NULL || listing->last_used < oldest->last_used))
            {
              oldest = listing;
              oldest_key = key;
            }
        }

      if (oldest == NULL)
        return;
      if (total <= STEWARD_LISTINGS_MAX_BYTES && (!for_new_listing || g_hash_table_size (self->listings) < STEWARD_MAX_LISTINGS))
        return;
      g_hash_table_remove (self->listings, oldest_key);
    }
}

/* The ordered matches of a listing, kept from the second time it is asked
 * for until the next write: paging through it then costs a slice, not an
 * OFFSET walk over the index, and the count comes for free. A listing
 * asked for once (a one-off search) never pays for materializing. One
 * listing serves both directions of a sort: every descending order is
 * exactly its ascending order reversed, ids included. */
static StewardListing *
lookup_listing (StewardStore *self,
                const char   *key)
{
  StewardListing *listing = g_hash_table_lookup (self->listings, key);

  if (listing == NULL)
    {
      trim_listings (self, NULL, TRUE);
      listing = g_new0 (StewardListing, 1);
      g_hash_table_insert (self->listings, g_strdup (key), listing);
    }

  listing->last_used = ++self->listing_clock;
  return listing;
}

/* Reads every match of LISTING into memory, unless that was done or is
 * not possible (an id beyond 32 bits). */
static gboolean
materialize_listing (StewardStore   *self,
                     StewardListing *listing,
                     FilterClause   *clause,
                     const char     *order,
                     GError        **error)
{
  if (listing->ordered_ids != NULL || listing->unsupported)
    return TRUE;
  if (!select_all_ids (self, clause, order, &listing->ordered_ids, error))
    return FALSE;
  listing->unsupported = listing->ordered_ids == NULL;
  trim_listings (self, listing, FALSE);
  return TRUE;
}

static GArray *
slice_listing (StewardListing          *listing,
               const StewardUserFilter *filter)
{
  GArray *all = listing->ordered_ids;
  guint   start = MIN (filter->offset, all->len);
  guint   length = MIN (filter->size, all->len - start);
  GArray *page = g_array_sized_new (FALSE, FALSE, sizeof (gint64), length);

  for (guint i = 0; i < length; i++)
    {
      guint  position = filter->descending ? all->len - 1 - (start + i) : start + i;
      gint64 id = g_array_index (all, guint32, position);

      g_array_append_val (page, id);
    }

  return page;
}

/* ------------------------------------------------ searches in memory */

/* A search narrows a listing down: when the listing without the search
 * text is in memory, the matching ids (the trigram index's, or one
 * sequential pass's for one or two characters) are placed by their
 * position in it, and neither counting nor sorting them reads a user's row
 * at random (one such read per match was the whole cost of a search of a
 * common fragment on a large directory). */

static GArray *
listing_positions (StewardListing *listing)
{
  GArray *ids = listing->ordered_ids;
  guint32 max_id = 0;

  if (listing->positions != NULL)
    return listing->positions;

  for (guint i = 0; i < ids->len; i++)
    max_id = MAX (max_id, g_array_index (ids, guint32, i));

  listing->positions = g_array_sized_new (FALSE, FALSE, sizeof (guint32), max_id + 1);
  g_array_set_size (listing->positions, max_id + 1);
  memset (listing->positions->data, 0xff, (gsize) (max_id + 1) * sizeof (guint32));
  for (guint i = 0; i < ids->len; i++)
    g_array_index (listing->positions, guint32, g_array_index (ids, guint32, i)) = i;

  return listing->positions;
}

/* gather_ids(ID): an aggregate that appends each ID that fits in 32 bits
 * to the store's gathered_ids, and returns NULL. It keeps the loop over the
 * matches inside SQLite: stepping out of it to return each id as a row of
 * its own cost a tenth of a new search at 1,000,000 users, and a fifth of
 * a search of one common letter. The array is the store's rather than a
 * bound pointer because SQLite compares a pointer's type name on every
 * read of it, 4 % of a new search. */
static void
gather_ids_step (sqlite3_context *context,
                 int              n_values,
                 sqlite3_value  **values)
{
  StewardStore *self = sqlite3_user_data (context);
  gint64        id = sqlite3_value_int64 (values[0]);

  (void) n_values;

  if (self->gathered_ids != NULL && id >= 0 && id <= G_MAXUINT32)
    {
      guint32 narrow = (guint32) id;

      g_array_append_val (self->gathered_ids, narrow);
    }
}

static void
gather_ids_final (sqlite3_context *context)
{
  sqlite3_result_null (context);
}

gboolean
steward_store_listing_add_functions (StewardStore *self,
                                     GError      **error)
{
  /* The store outlives its connection's functions: it closes the
   * connection when it is finalized. */
  int rc = sqlite3_create_function (self->db, "gather_ids", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, self, NULL,
                                    gather_ids_step, gather_ids_final);

  return rc == SQLITE_OK || steward_store_fail (self, rc, error);
}

/* Appends to IDS the ids of the users whose text contains FOLDED, in
 * ascending order: from the trigram index, or for one or two characters
 * (which it cannot match) from one pass over the users table in rowid
 * order. That pass reads the table front to back; the SQL listing of such
 * a search walks the sort order's index instead and reads every row at
 * random: 3.1–3.5 s for a rare pair at 1,000,000 users, 0.42–0.46 s this
 * way. FALSE with ERROR on failure. */
static gboolean
gather_matching_ids (StewardStore *self,
                     const char   *folded,
                     GArray       *ids,
                     GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autofree char *phrase = NULL;
  int              rc;

  if (!can_match (folded))
    return TRUE;

  if (trigram_can_match (folded))
    {
      stmt = steward_store_prepare (self, "SELECT gather_ids(rowid) " TRIGRAM_MATCHES, error);
      phrase = fts_phrase (folded);
    }
  else
    {
      stmt = steward_store_prepare (self, "SELECT gather_ids(u.id) FROM users u WHERE " ANY_KEY_CONTAINS ("?1"),
                                    error);
    }
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, phrase != NULL ? phrase : folded);
  /* An aggregate: one row, once every match is gathered. */
  self->gathered_ids = ids;
  rc = sqlite3_step (stmt);
  self->gathered_ids = NULL;
  if (rc != SQLITE_ROW)
    return steward_store_fail (self, rc, error);
  return TRUE;
}

/* The positions in the listing of the users whose text contains FOLDED;
 * FALSE with ERROR on failure. */
static gboolean
matching_positions (StewardStore *self,
                    GArray       *positions,
                    const char   *folded,
                    GArray       *out_found,
                    GError      **error)
{
  const guint32 *position_of = (const guint32 *) positions->data;
  guint          placed = 0;

  if (!gather_matching_ids (self, folded, out_found, error))
    return FALSE;

  /* Placed in a loop of their own, after the index is read: the position
   * of each id is a cache miss in an array of four bytes per user, and
   * only a tight loop lets the processor wait for many of them at once
   * (placing each between two steps of the statement was a sixth of a new
   * search at 1,000,000 users). */
  for (guint i = 0; i < out_found->len; i++)
    {
      guint32 id = g_array_index (out_found, guint32, i);
      guint32 position = id < positions->len ? position_of[id] : G_MAXUINT32;

      if (position != G_MAXUINT32)
        g_array_index (out_found, guint32, placed++) = position;
    }
  g_array_set_size (out_found, placed);
  return TRUE;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts FOUND, distinct positions below N_POSITIONS. Many matches (tens
 * of thousands for a common fragment at a million users) are marked in a
 * bitmap and read back in order, linear in the listing's length: qsort of
 * them was a quarter of such a search. */
static void
sort_positions (GArray *found,
                guint32 n_positions)
{
  g_autofree guint64 *bits = NULL;
  guint               n_words = n_positions / 64 + 1;
  guint               sorted = 0;

  /* Below this qsort costs less than clearing and reading the bitmap. */
  if (found->len < n_words / 16)
    {
      g_array_sort (found, compare_positions);
      return;
    }

  bits = g_new0 (guint64, n_words);
  for (guint i = 0; i < found->len; i++)
    {
      guint32 position = g_array_index (found, guint32, i);

      bits[position / 64] |= G_GUINT64_CONSTANT (1) << (position % 64);
    }
  for (guint word = 0; word < n_words; word++)
    for (guint64 rest = bits[word]; rest != 0; rest &= rest - 1)
      g_array_index (found, guint32, sorted++) = word * 64 + (guint32) __builtin_ctzll (rest);
  /* The index answers every user once; were one answered twice, it is
   * listed once. */
  g_array_set_size (found, sorted);
}

/* Whether FILTER is a search the listing in memory can answer: a search
 * text, and no other text filter. */
static gboolean
is_memory_search (const StewardUserFilter *filter)
{
  g_autofree char *folded = NULL;

  if (filter->search_text == NULL || filter->name != NULL || filter->email != NULL || filter->userid != NULL)
    return FALSE;

  folded = steward_fold (filter->search_text);
  return *folded != '\0';
}

/* TRUE with *OUT_IDS NULL when the base listing is not in memory (yet): the
 * search then goes through SQL. */
static gboolean
search_in_memory (StewardStore            *self,
                  const StewardUserFilter *filter,
                  const char              *search_key,
                  GArray                 **out_ids,
                  gint64                  *out_count,
                  GError                 **error)
{
  g_auto (FilterClause) base_clause = { 0 };
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *base_key = NULL;
  g_autofree char *folded = steward_fold (filter->search_text);
  const char      *order = order_by (filter->sort_field, FALSE);
  StewardListing  *base;
  StewardListing  *search;
  GArray          *all;
  guint            start, length;

  *out_ids = NULL;
  build_filter (filter, FALSE, &base_clause);
  base_key = g_strconcat (base_clause.cache_key->str, "#", order, NULL);
  base = lookup_listing (self, base_key);
  /* A search counts as a use of the listing it narrows down. */
  if (++base->requests >= 2 && !materialize_listing (self, base, &base_clause, order, error))
    return FALSE;
  if (base->ordered_ids == NULL)
    return TRUE;

  if (!matching_positions (self, listing_positions (base), folded, found, error))
    return FALSE;
  trim_listings (self, base, FALSE);

  /* Sorting positions is sorting users: they are the listing's order. */
  sort_positions (found, base->ordered_ids->len);
  for (guint i = 0; i < found->len; i++)
    g_array_index (found, guint32, i) = g_array_index (base->ordered_ids, guint32, g_array_index (found, guint32, i));

  /* Kept like any listing asked for twice; paging on costs a slice. */
  search = lookup_listing (self, search_key);
  all = found;
  if (search->ordered_ids == NULL && ++search->requests >= 2)
    {
      search->ordered_ids = g_steal_pointer (&found);
      all = search->ordered_ids;
      trim_listings (self, search, FALSE);
    }

  *out_count = all->len;
  start = MIN (filter->offset, all->len);
  length = MIN (filter->size, all->len - start);
  *out_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), length);
  for (guint i = 0; i < length; i++)
    {
      guint  position = filter->descending ? all->len - 1 - (start + i) : start + i;
      gint64 id = g_array_index (all, guint32, position);

      g_array_append_val (*out_ids, id);
    }
  return TRUE;
}

gboolean
steward_store_list_users (StewardStore            *self,
                          const StewardUserFilter *filter,
                          GPtrArray              **out_users,
                          gint64                  *out_count,
                          GError                 **error)
{
  g_auto (FilterClause) clause = { 0 };
  g_autoptr (GArray) page_ids = NULL;
  g_autofree char *listing_key = NULL;
  StewardListing  *listing;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter->sort_field <= STEWARD_SORT_USERNAME, FALSE);

  build_filter (filter, TRUE, &clause);
  listing_key = g_strconcat (clause.cache_key->str, "#", order_by (filter->sort_field, FALSE), NULL);
  listing = lookup_listing (self, listing_key);

  if (listing->ordered_ids == NULL && is_memory_search (filter))
    {
      if (!search_in_memory (self, filter, listing_key, &page_ids, out_count, error))
        return FALSE;
      if (page_ids != NULL)
        {
          *out_users = steward_store_get_users (self, (const gint64 *) page_ids->data, page_ids->len, error);
          return *out_users != NULL;
        }
      /* Looked up again: making room for the base listing may have
       * dropped this one. */
      listing = lookup_listing (self, listing_key);
    }

  if (++listing->requests >= 2 && !materialize_listing (self, listing, &clause, order_by (filter->sort_field, FALSE), error))
    return FALSE;

  if (listing->ordered_ids != NULL)
    {
      *out_count = listing->ordered_ids->len;
      page_ids = slice_listing (listing, filter);
    }
  else
    {
      if (!count_matches (self, &clause, out_count, error))
        return FALSE;
      page_ids = select_page_ids (self, &clause, order_by (filter->sort_field, filter->descending), filter, error);
      if (page_ids == NULL)
        return FALSE;
    }

  *out_users = steward_store_get_users (self, (const gint64 *) page_ids->data, page_ids->len, error);
  return *out_users != NULL;
}
