/* test-dormant.c
 *
 * Dormant accounts: the locator's bisection over every layout a server can
 * sort into (nulls first as in SQLite, nulls last as in PostgreSQL, none,
 * all), and the scan against a real steward-server with demo data, whose
 * counts must equal a direct computation from the server's own replies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"
#include "steward-api-error.h"
#include "steward-dormant-scan.h"
#include "steward-test-json.h"
#include "steward-user-private.h"

#define CUTOFF 1000000 /* seconds; logins in the layouts are around it */

/* ----------------------------------------------------- the locator alone */

/* A listing sorted by last login: the users and whether nulls sort first. */
typedef struct
{
  GPtrArray *ascending; /* StewardUser, in ascending order */
  gboolean   nulls_first;
  guint      n_probes;
} Listing;

static StewardUser *
user_with_login (guint  index,
                 gint64 last_login) /* 0: never */
{
  StewardUserFields fields = { 0 };

  fields.id = index + 1;
  fields.iamid = g_strdup ("bim");
  fields.userid = g_strdup_printf ("user%u@example.com", index);
  if (last_login != 0)
    fields.last_login = g_date_time_new_from_unix_utc (last_login);
  return steward_user_new_take_fields (&fields);
}

/* @n_never nulls, @n_old logins before CUTOFF, @n_recent after it. */
static Listing *
listing_new (guint    n_never,
             guint    n_old,
             guint    n_recent,
             gboolean nulls_first)
{
  Listing *listing = g_new0 (Listing, 1);
  guint    index = 0;

  listing->ascending = g_ptr_array_new_with_free_func (g_object_unref);
  listing->nulls_first = nulls_first;
  if (nulls_first)
    for (guint i = 0; i < n_never; i++)
      g_ptr_array_add (listing->ascending, user_with_login (index++, 0));
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (listing->ascending, user_with_login (index++, CUTOFF - (gint64) n_old + i));
  for (guint i = 0; i < n_recent; i++)
    g_ptr_array_add (listing->ascending, user_with_login (index++, CUTOFF + i));
  if (!nulls_first)
    for (guint i = 0; i < n_never; i++)
      g_ptr_array_add (listing->ascending, user_with_login (index++, 0));
  return listing;
}

static void
listing_free (Listing *listing)
{
  g_ptr_array_unref (listing->ascending);
  g_free (listing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listing, listing_free)

static StewardUser *
listing_at (Listing         *listing,
            StewardSortOrder order,
            guint            position)
{
  guint n = listing->ascending->len;

  if (position >= n)
    return NULL;
  return g_ptr_array_index (listing->ascending, order == STEWARD_SORT_ASCENDING ? position : n - 1 - position);
}

static StewardDormantLocator *
locate_in (Listing *listing,
           gboolean never_only)
{
  StewardDormantLocator *locator = steward_dormant_locator_new (CUTOFF, never_only);
  StewardSortOrder       order;
  guint                  position;

  while (steward_dormant_locator_next (locator, &order, &position))
    {
      listing->n_probes++;
      g_assert_cmpuint (listing->n_probes, <, 200);
      steward_dormant_locator_feed (locator, listing_at (listing, order, position), listing->ascending->len);
    }
  return locator;
}

/* The ranges hold exactly the dormant users of the listing, each once. */
static void
assert_ranges_cover (Listing *listing,
                     gboolean never_only)
{
  g_autoptr (StewardDormantLocator) locator = locate_in (listing, never_only);
  g_autoptr (GHashTable) listed = g_hash_table_new (NULL, NULL);
  const StewardDormantRange *ranges;
  guint                      n_ranges = 0;
  guint                      expected = 0;
  guint                      expected_never = 0;

  ranges = steward_dormant_locator_get_ranges (locator, &n_ranges);
  g_assert_cmpuint (n_ranges, <=, 2);
  for (guint r = 0; r < n_ranges; r++)
    for (guint i = 0; i < ranges[r].count; i++)
      {
        StewardUser *user = listing_at (listing, ranges[r].order, i);

        g_assert_nonnull (user);
        g_assert_true (steward_dormant_locator_matches (locator, user));
        g_assert_true (g_hash_table_add (listed, user));
      }

  for (guint i = 0; i < listing->ascending->len; i++)
    {
      StewardUser *user = g_ptr_array_index (listing->ascending, i);

      if (steward_dormant_locator_matches (locator, user))
        expected++;
      if (steward_user_get_last_login (user) == NULL)
        expected_never++;
    }

  g_assert_cmpuint (g_hash_table_size (listed), ==, expected);
  g_assert_cmpuint (steward_dormant_locator_count (locator), ==, expected);
  g_assert_cmpuint (steward_dormant_locator_get_n_never (locator), ==, expected_never);
  /* Oldest first: whoever never signed in comes before any login. */
  if (n_ranges == 2)
    g_assert_null (steward_user_get_last_login (listing_at (listing, ranges[0].order, 0)));
}

static void
test_locator_every_layout (void)
{
  for (guint n_never = 0; n_never <= 6; n_never++)
    for (guint n_old = 0; n_old <= 6; n_old++)
      for (guint n_recent = 0; n_recent <= 6; n_recent++)
        for (int nulls_first = 0; nulls_first <= 1; nulls_first++)
          for (int never_only = 0; never_only <= 1; never_only++)
            {
              g_autoptr (Listing) listing = listing_new (n_never, n_old, n_recent, nulls_first);

              assert_ranges_cover (listing, never_only);
            }
}

/* 100,000 users cost a few dozen probes, not 100,000 rows (a million
 * costs 2 × 20: each doubling adds two). */
static void
test_locator_probes_logarithmically (void)
{
  g_autoptr (Listing) listing = listing_new (15000, 30000, 55000, FALSE);
  g_autoptr (StewardDormantLocator) locator = locate_in (listing, FALSE);

  g_assert_cmpuint (steward_dormant_locator_count (locator), ==, 45000);
  g_assert_cmpuint (steward_dormant_locator_get_n_never (locator), ==, 15000);
  g_assert_cmpuint (listing->n_probes, <=, 2 + 2 * 17);
}

/* A listing that shrinks between probes (accounts deleted meanwhile) ends
 * the bisection early instead of looping or reading past the end. */
static void
test_locator_listing_shrinks (void)
{
  g_autoptr (Listing) listing = listing_new (10, 10, 10, TRUE);
  g_autoptr (StewardDormantLocator) locator = steward_dormant_locator_new (CUTOFF, FALSE);
  StewardSortOrder order;
  guint            position;
  guint            probes = 0;

  while (steward_dormant_locator_next (locator, &order, &position))
    {
      StewardUser *user = probes < 2 ? listing_at (listing, order, position) : NULL;

      steward_dormant_locator_feed (locator, user, probes < 2 ? 30 : 0);
      g_assert_cmpuint (++probes, <, 100);
    }
  g_assert_cmpuint (steward_dormant_locator_count (locator), <=, 30);
}

static void
test_locator_disabled_never_dormant (void)
{
  g_autoptr (StewardDormantLocator) locator = steward_dormant_locator_new (CUTOFF, FALSE);
  StewardUserFields fields = { 0 };
  g_autoptr (StewardUser) disabled = NULL;
  g_autoptr (StewardUser) never = user_with_login (1, 0);
  g_autoptr (StewardUser) old = user_with_login (2, CUTOFF - 1);
  g_autoptr (StewardUser) recent = user_with_login (3, CUTOFF);

  fields.userid = g_strdup ("gone@example.com");
  fields.disabled = TRUE;
  disabled = steward_user_new_take_fields (&fields);

  g_assert_false (steward_dormant_locator_matches (locator, disabled));
  g_assert_true (steward_dormant_locator_matches (locator, never));
  g_assert_true (steward_dormant_locator_matches (locator, old));
  g_assert_false (steward_dormant_locator_matches (locator, recent));
}

/* --------------------------------------------- against a real server */

/* The userids of every active user the server lists, straight from its
 * JSON, that is dormant by (cutoff, never_only), and how many never signed
 * in. */
static GHashTable *
dormant_from_server (StewardTestServer *server,
                     gint64             cutoff,
                     gboolean           never_only,
                     guint             *n_never)
{
  GHashTable *userids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint       offset = 0;
  guint       count;

  *n_never = 0;
  do
    {
      g_autofree char *path = g_strdup_printf ("/bim/user?size=1000&offset=%u", offset);
      g_autoptr (JsonNode) reply = model_test_get (server, path);
      JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");

      count = model_test_reply_count (reply);
      for (guint i = 0; i < json_array_get_length (hits); i++)
        {
          JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));
          const char *last_login = steward_test_json_get_nullable_string (hit, "lastLogin");
          gboolean    dormant;

          g_assert_false (steward_test_json_get_bool (hit, "disabled"));
          if (last_login == NULL)
            {
              (*n_never)++;
              dormant = TRUE;
            }
          else
            {
              g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (last_login, NULL);

              g_assert_nonnull (when);
              dormant = !never_only && g_date_time_to_unix (when) < cutoff;
            }
          if (dormant)
            g_hash_table_add (userids, g_strdup (steward_test_json_get_string (hit, "userid")));
        }
      offset += json_array_get_length (hits);
    }
  while (offset < count);

  return userids;
}

static StewardDormantLocator *
locate_on (StewardClient *client,
           gint64         cutoff,
           gboolean       never_only,
           GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_dormant_locate_async (client, cutoff, never_only, NULL, model_test_store_result_cb, &result);
  return steward_dormant_locate_finish (model_test_wait_result (&result), error);
}

/* The userids a cursor over @locator reads, page by page; takes @locator. */
static GHashTable *
list_ranges (StewardClient         *client,
             StewardDormantLocator *locator)
{
  GHashTable *userids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (StewardDormantCursor) cursor = steward_dormant_cursor_new (locator);
  guint pages = 0;

  while (!steward_dormant_cursor_is_done (cursor))
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GListModel) users = NULL;
      g_autoptr (GError) error = NULL;

      steward_dormant_cursor_next_async (cursor, client, 40, NULL, model_test_store_result_cb, &result);
      users = steward_dormant_cursor_next_finish (cursor, model_test_wait_result (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (users), <=, 40);
      for (guint i = 0; i < g_list_model_get_n_items (users); i++)
        {
          g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

          g_assert_true (steward_dormant_locator_matches (locator, user));
          g_assert_true (g_hash_table_add (userids, g_strdup (steward_user_get_userid (user))));
        }
      g_assert_cmpuint (++pages, <, 100);
    }
  return userids;
}

static void
assert_same_set (GHashTable *expected,
                 GHashTable *actual)
{
  GHashTableIter iter;
  gpointer       userid;

  g_assert_cmpuint (g_hash_table_size (actual), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &userid, NULL))
    g_assert_true (g_hash_table_contains (actual, userid));
}

static void
test_scan_matches_server_data (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "400", NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const guint days[] = { 1, 30, 60, STEWARD_DORMANT_DEFAULT_DAYS, 400 };
  gboolean    saw_old = FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (int never_only = 0; never_only <= 1; never_only++)
      {
        gint64 cutoff = steward_dormant_cutoff (now, days[d]);
        g_autoptr (GError) error = NULL;
        g_autoptr (StewardDormantLocator) locator = locate_on (client, cutoff, never_only, &error);
        g_autoptr (GHashTable) listed = NULL;
        g_autoptr (GHashTable) expected = NULL;
        guint n_never = 0;

        g_assert_no_error (error);
        expected = dormant_from_server (server, cutoff, never_only, &n_never);
        g_assert_cmpuint (steward_dormant_locator_count (locator), ==, g_hash_table_size (expected));
        g_assert_cmpuint (steward_dormant_locator_get_n_never (locator), ==, n_never);
        listed = list_ranges (client, g_steal_pointer (&locator));
        assert_same_set (expected, listed);
        g_assert_cmpuint (n_never, >, 0);
        if (g_hash_table_size (expected) > n_never)
          saw_old = TRUE;
      }

  /* The demo data has logins on both sides of some cutoff. */
  g_assert_true (saw_old);
}

static void
test_scan_new_accounts_never_signed_in (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (StewardDormantLocator) locator = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *email = g_strdup_printf ("new%u@example.com", i);
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (StewardUser) user = NULL;

      steward_client_create_user_async (client, email, "New Hire", NULL, NULL, NULL, model_test_store_result_cb, &result);
      user = steward_client_create_user_finish (client, model_test_wait_result (&result), &error);
      g_assert_no_error (error);
    }

  /* The administrator signed in just now; the three never did. */
  locator = locate_on (client, steward_dormant_cutoff (now, 1), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_dormant_locator_count (locator), ==, 3);
  g_assert_cmpuint (steward_dormant_locator_get_n_never (locator), ==, 3);
}

static void
test_scan_server_down (void)
{
  g_autofree char *url = model_test_unused_url ();
  g_autoptr (StewardClient) client = steward_client_new (url, "no-key");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardDormantLocator) locator = locate_on (client, steward_dormant_cutoff (now, 90), FALSE, &error);

  g_assert_null (locator);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
}

static void
test_scan_cancelled (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "50", NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardDormantLocator) locator = NULL;

  steward_dormant_locate_async (client, steward_dormant_cutoff (now, 30), FALSE, cancellable, model_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  locator = steward_dormant_locate_finish (model_test_wait_result (&result), &error);
  g_assert_null (locator);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add_func ("/dormant/locator/every-layout", test_locator_every_layout);
  g_test_add_func ("/dormant/locator/probes-logarithmically", test_locator_probes_logarithmically);
  g_test_add_func ("/dormant/locator/listing-shrinks", test_locator_listing_shrinks);
  g_test_add_func ("/dormant/locator/disabled-never-dormant", test_locator_disabled_never_dormant);
  g_test_add_func ("/dormant/scan/matches-server-data", test_scan_matches_server_data);
  g_test_add_func ("/dormant/scan/new-accounts-never-signed-in", test_scan_new_accounts_never_signed_in);
  g_test_add_func ("/dormant/scan/server-down", test_scan_server_down);
  g_test_add_func ("/dormant/scan/cancelled", test_scan_cancelled);

  return g_test_run ();
}
