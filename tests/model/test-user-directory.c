/* test-user-directory.c
 *
 * StewardUserDirectory against a real steward-server with 300 demo users:
 * what a list view sees (counts, placeholders that fill in, the positions
 * of "items-changed"), how many requests it costs, what happens when the
 * query changes while pages are on their way, and the bounded window of
 * loaded pages while a view walks the whole directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"
#include "steward-api-enums.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-user-directory.h"

#define PAGE_SIZE 50
/* Small pages and a small window, so 300 users make a long walk. */
#define SMALL_PAGE_SIZE 10
#define SMALL_WINDOW 3

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  StewardTestServer    *server;
  StewardClient        *client;
  StewardUserDirectory *directory;
  GArray               *changes; /* Change */
  guint                 n_items_notifies;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
n_items_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Fixture    *fixture)
{
  fixture->n_items_notifies++;
}

static gboolean
directory_is_idle (gpointer user_data)
{
  return !steward_user_directory_get_loading (user_data);
}

static void
wait_idle (Fixture *fixture)
{
  model_test_wait_until (directory_is_idle, fixture->directory);
}

static void
watch_directory (Fixture *fixture)
{
  g_signal_connect (fixture->directory, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->directory, "notify::n-items", G_CALLBACK (n_items_notify_cb), fixture);
}

static void
assert_changes (Fixture      *fixture,
                const Change *expected,
                guint         n_expected)
{
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      const Change *change = &g_array_index (fixture->changes, Change, i);

      g_test_message ("items-changed (%u, %u, %u)", change->position, change->removed, change->added);
    }

  g_assert_cmpuint (fixture->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Change *change = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (change->position, ==, expected[i].position);
      g_assert_cmpuint (change->removed, ==, expected[i].removed);
      g_assert_cmpuint (change->added, ==, expected[i].added);
    }

  g_array_set_size (fixture->changes, 0);
}

/* What a new query's first page announces when no row shows a user past
 * the first page: the old positions past the new count removed, the first
 * page's positions filled in place, the new positions past the old count
 * added. */
static guint
new_query_changes (Change *changes,
                   guint   old_n_items,
                   guint   new_n_items,
                   guint   page_size)
{
  guint kept = MIN (old_n_items, new_n_items);
  guint n = 0;

  if (old_n_items > kept)
    changes[n++] = (Change){ kept, old_n_items - kept, 0 };
  if (kept > 0)
    changes[n++] = (Change){ 0, MIN (kept, page_size), MIN (kept, page_size) };
  if (new_n_items > kept)
    changes[n++] = (Change){ kept, 0, new_n_items - kept };

  return n;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start ("--demo", "300", NULL);
  fixture->client = model_test_admin_client (fixture->server);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

/* The directory most tests start from: loaded, its first page in. */
static void
fixture_set_up_loaded (Fixture      *fixture,
                       gconstpointer data)
{
  fixture_set_up (fixture, data);
  fixture->directory = steward_user_directory_new_with_page_size (fixture->client, PAGE_SIZE);
  watch_directory (fixture);
  wait_idle (fixture);
  g_array_set_size (fixture->changes, 0);
  fixture->n_items_notifies = 0;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->directory != NULL)
    g_assert_finalize_object (fixture->directory);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, steward_test_server_free);
  g_array_unref (fixture->changes);
}

static guint
server_count (Fixture    *fixture,
              const char *query)
{
  g_autofree char *path = g_strdup_printf ("/bim/user?size=1%s", query);
  g_autoptr (JsonNode) reply = model_test_get (fixture->server, path);

  return model_test_reply_count (reply);
}

static char **
server_page (Fixture    *fixture,
             guint       offset,
             guint       size,
             const char *query)
{
  g_autofree char *path = g_strdup_printf ("/bim/user?offset=%u&size=%u%s", offset, size, query);
  g_autoptr (JsonNode) reply = model_test_get (fixture->server, path);

  return model_test_reply_userids (reply);
}

static StewardUser *
get_user (Fixture *fixture,
          guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (fixture->directory), position);
}

static void
assert_users (Fixture           *fixture,
              guint              first,
              const char *const *userids)
{
  for (guint i = 0; userids[i] != NULL; i++)
    {
      g_autoptr (StewardUser) user = get_user (fixture, first + i);

      g_assert_cmpstr (steward_user_get_userid (user), ==, userids[i]);
    }
}

static gboolean
is_placeholder (StewardUser *user)
{
  return steward_user_get_userid (user) == NULL && steward_user_get_id (user) == 0;
}

static void
test_first_page (Fixture      *fixture,
                 gconstpointer data)
{
  guint expected = server_count (fixture, "");
  g_auto (GStrv) first_page = server_page (fixture, 0, PAGE_SIZE, "");
  const Change load[] = { { 0, 0, expected } };

  fixture->directory = steward_user_directory_new_with_page_size (fixture->client, PAGE_SIZE);
  watch_directory (fixture);

  /* Nothing is known before the first page arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, 0);
  g_assert_true (steward_user_directory_get_loading (fixture->directory));
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 1);

  wait_idle (fixture);

  /* One change announces the whole directory at once. */
  g_assert_cmpuint (expected, >, PAGE_SIZE * 4);
  assert_changes (fixture, load, G_N_ELEMENTS (load));
  g_assert_cmpuint (fixture->n_items_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, expected);
  g_assert_null (steward_user_directory_get_error (fixture->directory));

  /* The first page is there without another request. */
  assert_users (fixture, 0, (const char *const *) first_page);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 1);
  g_assert_false (steward_user_directory_get_loading (fixture->directory));
}

static void
test_placeholders_fill_in (Fixture      *fixture,
                           gconstpointer data)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));
  guint last_start = (n_items - 1) / PAGE_SIZE * PAGE_SIZE;
  g_auto (GStrv) third_page = server_page (fixture, 2 * PAGE_SIZE, PAGE_SIZE, "");
  g_auto (GStrv) last_page = server_page (fixture, last_start, PAGE_SIZE, "");
  g_autoptr (StewardUser) placeholder = get_user (fixture, 120);
  g_autoptr (StewardUser) last = NULL;
  const Change third[] = { { 100, 50, 50 } };
  const Change final[] = { { last_start, n_items - last_start, n_items - last_start } };

  /* Asking for a position of an unloaded page gives a placeholder and
   * requests that page. */
  g_assert_true (is_placeholder (placeholder));
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 2);
  g_assert_true (steward_user_directory_get_loading (fixture->directory));

  /* The same position again is the same object, with no new request. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (StewardUser) again = get_user (fixture, 120);

      g_assert_true (again == placeholder);
    }
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 2);
  assert_changes (fixture, NULL, 0);

  wait_idle (fixture);

  /* The page arrives as one change over exactly its positions, and the
   * placeholder a row holds became that user. */
  assert_changes (fixture, third, G_N_ELEMENTS (third));
  g_assert_cmpstr (steward_user_get_userid (placeholder), ==, third_page[20]);
  g_assert_cmpint (steward_user_get_id (placeholder), >, 0);
  assert_users (fixture, 2 * PAGE_SIZE, (const char *const *) third_page);
  g_assert_cmpuint (fixture->n_items_notifies, ==, 0);

  /* The short last page changes only the positions it has. */
  last = get_user (fixture, n_items - 1);
  g_assert_true (is_placeholder (last));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->directory), n_items));
  wait_idle (fixture);
  g_assert_cmpuint (n_items - last_start, <, PAGE_SIZE);
  assert_changes (fixture, final, G_N_ELEMENTS (final));
  assert_users (fixture, last_start, (const char *const *) last_page);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 3);
}

static void
test_one_request_per_page (Fixture      *fixture,
                           gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (fixture->directory);
  guint       n_items = g_list_model_get_n_items (model);
  guint       n_pages = (n_items + PAGE_SIZE - 1) / PAGE_SIZE;
  g_auto (GStrv) everyone = server_page (fixture, 0, 1000, "");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A view scrolling up and down asks for every position several times
   * before any page arrives. */
  for (guint round = 0; round < 3; round++)
    for (guint position = 0; position < n_items; position++)
      g_object_unref (g_list_model_get_item (model, n_items - 1 - position));

  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, n_pages);
  wait_idle (fixture);

  /* Every page but the first (already in) arrived once. */
  g_assert_cmpuint (fixture->changes->len, ==, n_pages - 1);
  g_array_set_size (fixture->changes, 0);

  /* Every position now holds its user, each user once, in the server's
   * order; touching them all again costs nothing. */
  g_assert_cmpuint (g_strv_length (everyone), ==, n_items);
  assert_users (fixture, 0, (const char *const *) everyone);
  for (guint position = 0; position < n_items; position++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (model, position);

      g_assert_true (g_hash_table_add (seen, (gpointer) steward_user_get_userid (user)));
    }
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, n_pages);
  g_assert_false (steward_user_directory_get_loading (fixture->directory));
  assert_changes (fixture, NULL, 0);
}

static void
test_new_search_cancels (Fixture      *fixture,
                         gconstpointer data)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));
  g_autoptr (StewardUser) known = get_user (fixture, 7);
  g_autoptr (StewardUser) old_first = get_user (fixture, 0);
  g_autoptr (StewardUser) pending = get_user (fixture, 200);
  g_autofree char *escaped = steward_test_http_escape (steward_user_get_userid (known));
  g_autofree char *query = g_strconcat ("&searchText=", escaped, NULL);
  guint            expected = server_count (fixture, query);
  g_auto (GStrv) found = server_page (fixture, 0, PAGE_SIZE, query);
  Change replaced[3];
  guint  n_replaced = new_query_changes (replaced, n_items, expected, PAGE_SIZE);
  guint  requested_before;

  /* Page 4 is on its way; then the person types two searches in a row. */
  g_assert_true (is_placeholder (pending));
  g_assert_true (steward_user_directory_get_loading (fixture->directory));
  requested_before = steward_user_directory_get_pages_requested (fixture->directory);
  g_assert_cmpuint (expected, >=, 1);
  g_assert_cmpuint (expected, <, n_items);

  steward_user_directory_set_search_text (fixture->directory, "a");
  steward_user_directory_set_search_text (fixture->directory, steward_user_get_userid (known));

  /* Until the new first page arrives, the old items stay. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, n_items);
  {
    g_autoptr (StewardUser) still = get_user (fixture, 0);

    g_assert_true (still == old_first);
  }
  assert_changes (fixture, NULL, 0);

  wait_idle (fixture);
  model_test_spin (200);

  /* Only the last search lands, as one removal and one addition; neither
   * the first search nor the page requested under the old query ever
   * does. */
  assert_changes (fixture, replaced, n_replaced);
  g_assert_cmpuint (fixture->n_items_notifies, ==, 1);
  g_assert_cmpuint (steward_user_directory_get_n_loaded_pages (fixture->directory), ==, 1);
  /* The row showing position 0 keeps its object, now the search's user. */
  {
    g_autoptr (StewardUser) first = get_user (fixture, 0);

    g_assert_true (first == old_first);
    g_assert_cmpstr (steward_user_get_userid (old_first), ==, found[0]);
  }
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, requested_before + 2);
  assert_users (fixture, 0, (const char *const *) found);
  g_assert_true (is_placeholder (pending));
  g_assert_cmpstr (steward_user_directory_get_search_text (fixture->directory), ==,
                   steward_user_get_userid (known));
  g_assert_null (steward_user_directory_get_error (fixture->directory));

  /* An empty search is everyone again. */
  steward_user_directory_set_search_text (fixture->directory, "");
  g_assert_null (steward_user_directory_get_search_text (fixture->directory));
  wait_idle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, n_items);
}

typedef struct
{
  const char *query; /* as route 4 spells it */
  void (*apply) (StewardUserDirectory *directory);
} FilterCase;

static void
include_disabled (StewardUserDirectory *directory)
{
  steward_user_directory_set_include_disabled (directory, TRUE);
}

static void
only_user_admins (StewardUserDirectory *directory)
{
  steward_user_directory_set_permission (directory, "USER_ADMIN");
}

static void
by_name_descending (StewardUserDirectory *directory)
{
  steward_user_directory_set_sort_field (directory, STEWARD_USER_SORT_NAME);
  steward_user_directory_set_sort_order (directory, STEWARD_SORT_DESCENDING);
}

static void
by_last_login (StewardUserDirectory *directory)
{
  steward_user_directory_set_sort_field (directory, STEWARD_USER_SORT_LAST_LOGIN);
}

static void
test_filters_and_order (Fixture      *fixture,
                        gconstpointer data)
{
  const FilterCase cases[] = {
    { "&includeDisabled=true", include_disabled },
    { "&includeDisabled=true&permission=USER_ADMIN", only_user_admins },
    { "&includeDisabled=true&permission=USER_ADMIN&sortField=name&sortOrder=desc", by_name_descending },
    { "&includeDisabled=true&permission=USER_ADMIN&sortField=lastLogin&sortOrder=desc", by_last_login },
  };
  guint enabled = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint old_n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));
      guint expected = server_count (fixture, cases[i].query);
      g_auto (GStrv) first_page = server_page (fixture, 0, PAGE_SIZE, cases[i].query);
      Change replaced[3];
      guint  n_replaced = new_query_changes (replaced, old_n_items, expected, PAGE_SIZE);

      g_test_message ("Query %s", cases[i].query);
      cases[i].apply (fixture->directory);
      wait_idle (fixture);

      assert_changes (fixture, replaced, n_replaced);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, expected);
      assert_users (fixture, 0, (const char *const *) first_page);
    }

  /* The demo has disabled accounts, hidden by default. */
  g_assert_cmpuint (server_count (fixture, "&includeDisabled=true"), >, enabled);
  g_assert_true (steward_user_directory_get_include_disabled (fixture->directory));
  g_assert_cmpstr (steward_user_directory_get_permission (fixture->directory), ==, "USER_ADMIN");
  g_assert_cmpint (steward_user_directory_get_sort_field (fixture->directory), ==, STEWARD_USER_SORT_LAST_LOGIN);
  g_assert_cmpint (steward_user_directory_get_sort_order (fixture->directory), ==, STEWARD_SORT_DESCENDING);

  /* Setting what is already set is no new query. */
  {
    guint requested = steward_user_directory_get_pages_requested (fixture->directory);

    include_disabled (fixture->directory);
    only_user_admins (fixture->directory);
    g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, requested);
  }
}

static void
test_refresh (Fixture      *fixture,
              gconstpointer data)
{
  guint            n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));
  g_autofree char *token = steward_test_http_authenticate (fixture->server, fixture->server->admin_api_key);
  g_autoptr (JsonNode) created = NULL;
  Change grown[3];
  guint  n_grown = new_query_changes (grown, n_items, n_items + 1, PAGE_SIZE);

  created = steward_test_http_create_user (fixture->server, token, "Zed Newcomer",
                                           "zed.newcomer@example.com", NULL);

  /* Nobody told the directory yet. */
  model_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, n_items);

  steward_user_directory_refresh (fixture->directory);
  wait_idle (fixture);
  assert_changes (fixture, grown, n_grown);
  g_assert_cmpuint (fixture->n_items_notifies, ==, 1);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_update_user (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (StewardUser) shown = get_user (fixture, 3);
  g_autoptr (StewardUser) changed = steward_user_new (steward_user_get_iamid (shown),
                                                      steward_user_get_userid (shown));
  g_autoptr (StewardUser) stranger = steward_user_new ("bim", "nobody@example.com");
  guint notifies = 0;

  /* What a route returns after a change to that user. */
  steward_user_update_from (changed, shown);
  g_object_set (changed, "name", "Renamed Person", NULL);

  g_signal_connect (shown, "notify::name", G_CALLBACK (count_notify_cb), &notifies);

  steward_user_directory_update_user (fixture->directory, changed);
  g_assert_cmpstr (steward_user_get_name (shown), ==, "Renamed Person");
  g_assert_cmpuint (notifies, ==, 1);

  /* A user the directory does not show changes nothing. */
  g_object_set (stranger, "id", (gint64) 987654, "name", "Renamed Person", NULL);
  steward_user_directory_update_user (fixture->directory, stranger);
  g_assert_cmpuint (notifies, ==, 1);
  assert_changes (fixture, NULL, 0);
}

static void
test_failures (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (StewardClient) wrong = steward_client_new (fixture->server->base_url, "not-a-key");
  g_autoptr (StewardUserDirectory) refused = steward_user_directory_new (wrong);
  g_autoptr (StewardUser) unreachable = NULL;
  const GError *error;
  guint         requested;

  /* A refused first page leaves an empty directory and says why. */
  model_test_wait_until (directory_is_idle, refused);
  g_assert_error (steward_user_directory_get_error (refused), STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refused)), ==, 0);

  /* A later page that fails stays a placeholder, and is asked for again
   * when a view asks for its positions again. */
  fixture->directory = steward_user_directory_new_with_page_size (fixture->client, PAGE_SIZE);
  watch_directory (fixture);
  wait_idle (fixture);
  g_array_set_size (fixture->changes, 0);
  steward_test_server_stop (fixture->server);

  unreachable = get_user (fixture, 150);
  requested = steward_user_directory_get_pages_requested (fixture->directory);
  wait_idle (fixture);
  error = steward_user_directory_get_error (fixture->directory);
  g_assert_nonnull (error);
  g_assert_true (error->domain == STEWARD_API_ERROR);
  g_assert_true (is_placeholder (unreachable));
  assert_changes (fixture, NULL, 0);

  g_object_unref (get_user (fixture, 150));
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, requested + 1);
  wait_idle (fixture);
}

static void
test_without_client (Fixture      *fixture,
                     gconstpointer data)
{
  guint        expected = server_count (fixture, "");
  const Change load[] = { { 0, 0, expected } };
  const Change unload[] = { { 0, expected, 0 } };

  fixture->directory = steward_user_directory_new (NULL);
  watch_directory (fixture);
  g_assert_cmpuint (steward_user_directory_get_page_size (fixture->directory), ==,
                    STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE);

  /* Nothing to ask until there is a server. */
  model_test_spin (50);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->directory)) == STEWARD_TYPE_USER);

  steward_user_directory_set_client (fixture->directory, fixture->client);
  wait_idle (fixture);
  assert_changes (fixture, load, G_N_ELEMENTS (load));

  /* Disconnecting empties it at once. */
  steward_user_directory_set_client (fixture->directory, NULL);
  assert_changes (fixture, unload, G_N_ELEMENTS (unload));
  g_assert_false (steward_user_directory_get_loading (fixture->directory));
}

static void
test_constructed_with_query (Fixture      *fixture,
                             gconstpointer data)
{
  const char *query = "&includeDisabled=true&permission=CREATE_PROJECT&sortField=email&sortOrder=desc";
  guint       expected = server_count (fixture, query);
  g_auto (GStrv) first_page = server_page (fixture, 0, PAGE_SIZE, query);
  const Change load[] = { { 0, 0, expected } };

  /* Filters given at construction make one first request, not one each. */
  fixture->directory = g_object_new (STEWARD_TYPE_USER_DIRECTORY,
                                     "client", fixture->client,
                                     "page-size", PAGE_SIZE,
                                     "include-disabled", TRUE,
                                     "permission", "CREATE_PROJECT",
                                     "sort-field", STEWARD_USER_SORT_EMAIL,
                                     "sort-order", STEWARD_SORT_DESCENDING,
                                     NULL);
  watch_directory (fixture);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 1);
  wait_idle (fixture);

  assert_changes (fixture, load, G_N_ELEMENTS (load));
  assert_users (fixture, 0, (const char *const *) first_page);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), ==, 1);
}

/* A directory of small pages with a small window, its first page in. */
static void
fixture_set_up_window (Fixture      *fixture,
                       gconstpointer data)
{
  fixture_set_up (fixture, data);
  fixture->directory = g_object_new (STEWARD_TYPE_USER_DIRECTORY,
                                     "client", fixture->client,
                                     "page-size", SMALL_PAGE_SIZE,
                                     "window-pages", SMALL_WINDOW,
                                     NULL);
  watch_directory (fixture);
  wait_idle (fixture);
  g_array_set_size (fixture->changes, 0);
  fixture->n_items_notifies = 0;
}

static guint
n_loaded_pages (Fixture *fixture)
{
  return steward_user_directory_get_n_loaded_pages (fixture->directory);
}

static guint
pages_requested (Fixture *fixture)
{
  return steward_user_directory_get_pages_requested (fixture->directory);
}

/* Asks for every position in order, as a view scrolling down does, letting
 * each page arrive; every position must show the server's user there and
 * no more than @max_loaded pages may be loaded at any time. */
static void
walk_to_the_end (Fixture           *fixture,
                 const char *const *everyone,
                 guint              max_loaded)
{
  GListModel *model = G_LIST_MODEL (fixture->directory);
  guint       n_items = g_list_model_get_n_items (model);

  for (guint position = 0; position < n_items; position++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (model, position);

      wait_idle (fixture);
      g_assert_cmpstr (steward_user_get_userid (user), ==, everyone[position]);
      g_assert_cmpuint (n_loaded_pages (fixture), <=, max_loaded);
    }
}

static void
test_window_stays_bounded (Fixture      *fixture,
                           gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (fixture->directory);
  guint       n_items = g_list_model_get_n_items (model);
  guint       n_pages = (n_items + SMALL_PAGE_SIZE - 1) / SMALL_PAGE_SIZE;
  g_auto (GStrv) everyone = server_page (fixture, 0, 1000, "");

  g_assert_cmpuint (steward_user_directory_get_window_pages (fixture->directory), ==, SMALL_WINDOW);
  g_assert_cmpuint (g_strv_length (everyone), ==, n_items);
  g_assert_cmpuint (n_pages, >, SMALL_WINDOW * 5);

  walk_to_the_end (fixture, (const char *const *) everyone, SMALL_WINDOW);

  /* Each page was fetched once; all but the window's were dropped, without
   * a single change of size or position. */
  g_assert_cmpuint (pages_requested (fixture), ==, n_pages);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, SMALL_WINDOW);
  g_assert_cmpuint (steward_user_directory_get_pages_dropped (fixture->directory), ==, n_pages - SMALL_WINDOW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
  g_assert_cmpuint (fixture->n_items_notifies, ==, 0);
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      const Change *change = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (change->removed, ==, change->added);
    }
  g_array_set_size (fixture->changes, 0);

  /* The window's last pages are there without a request. */
  g_object_unref (get_user (fixture, n_items - 1));
  g_object_unref (get_user (fixture, n_items - SMALL_PAGE_SIZE * (SMALL_WINDOW - 1)));
  g_assert_cmpuint (pages_requested (fixture), ==, n_pages);

  /* Lowering the window drops the farthest pages at once. */
  steward_user_directory_set_window_pages (fixture->directory, 2);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, 2);
  assert_changes (fixture, NULL, 0);
}

static void
test_dropped_users_reused (Fixture      *fixture,
                           gconstpointer data)
{
  g_auto (GStrv) everyone = server_page (fixture, 0, 1000, "");
  g_autoptr (StewardUser) placeholder = NULL;

  /* The first page's objects, marked but not held: nobody else has them
   * once their page is dropped, so they become later placeholders. */
  for (guint i = 0; i < SMALL_PAGE_SIZE; i++)
    {
      g_autoptr (StewardUser) user = get_user (fixture, i);

      g_object_set_data (G_OBJECT (user), "first-page", GUINT_TO_POINTER (TRUE));
    }
  for (guint position = SMALL_PAGE_SIZE; position < (SMALL_WINDOW + 1) * SMALL_PAGE_SIZE; position++)
    {
      g_object_unref (get_user (fixture, position));
      wait_idle (fixture);
    }
  g_assert_cmpuint (steward_user_directory_get_pages_dropped (fixture->directory), ==, 1);
  placeholder = get_user (fixture, (SMALL_WINDOW + 1) * SMALL_PAGE_SIZE);
  g_assert_nonnull (g_object_get_data (G_OBJECT (placeholder), "first-page"));
  g_assert_true (is_placeholder (placeholder));
  wait_idle (fixture);
  g_assert_cmpstr (steward_user_get_userid (placeholder), ==, everyone[(SMALL_WINDOW + 1) * SMALL_PAGE_SIZE]);
  g_clear_object (&placeholder);
}

static void
test_dropped_page_refills (Fixture      *fixture,
                           gconstpointer data)
{
  g_auto (GStrv) everyone = server_page (fixture, 0, 1000, "");
  g_auto (GStrv) first_page = server_page (fixture, 0, SMALL_PAGE_SIZE, "");
  g_autoptr (StewardUser) held = get_user (fixture, 4);
  g_autoptr (StewardUser) again = NULL;
  guint requested;

  walk_to_the_end (fixture, (const char *const *) everyone, SMALL_WINDOW);
  requested = pages_requested (fixture);

  /* The first page was dropped: asking for it again is a new request, with
   * new objects, and it fills in with the same users. */
  again = get_user (fixture, 4);
  g_assert_true (is_placeholder (again));
  g_assert_true (again != held);
  g_assert_cmpuint (pages_requested (fixture), ==, requested + 1);
  wait_idle (fixture);
  assert_users (fixture, 0, (const char *const *) first_page);
  g_assert_cmpstr (steward_user_get_userid (again), ==, first_page[4]);

  /* The object a row still held kept its user. */
  g_assert_cmpstr (steward_user_get_userid (held), ==, first_page[4]);
  g_assert_cmpint (steward_user_get_id (held), ==, steward_user_get_id (again));
  g_assert_cmpuint (n_loaded_pages (fixture), <=, SMALL_WINDOW);
}

static void
test_jump_to_the_end (Fixture      *fixture,
                      gconstpointer data)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->directory));
  guint last_start = (n_items - 1) / SMALL_PAGE_SIZE * SMALL_PAGE_SIZE;
  g_auto (GStrv) last_page = server_page (fixture, last_start, SMALL_PAGE_SIZE, "");
  guint requested = pages_requested (fixture);
  g_autoptr (StewardUser) last = NULL;

  /* The End key: the view asks for the last rows only. */
  for (guint position = n_items - 1; position > last_start; position--)
    g_object_unref (get_user (fixture, position));
  last = get_user (fixture, n_items - 1);

  g_assert_cmpuint (pages_requested (fixture), ==, requested + 1);
  wait_idle (fixture);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, 2);
  assert_users (fixture, last_start, (const char *const *) last_page);
  g_assert_cmpuint (pages_requested (fixture), ==, requested + 1);
}

static void
test_pinned_row_survives (Fixture      *fixture,
                          gconstpointer data)
{
  g_auto (GStrv) everyone = server_page (fixture, 0, 1000, "");
  guint        pinned = SMALL_PAGE_SIZE + 5;
  StewardUser *selected;
  guint        requested;
  guint        dropped;

  /* The view selects a row and pins it. */
  g_object_unref (get_user (fixture, pinned));
  wait_idle (fixture);
  steward_user_directory_pin (fixture->directory, pinned);
  selected = get_user (fixture, pinned);
  g_object_unref (selected);

  /* Walking away keeps its page, and its very object (a selection finds
   * its item again by identity), on top of the window. */
  walk_to_the_end (fixture, (const char *const *) everyone, SMALL_WINDOW + 1);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, SMALL_WINDOW + 1);
  requested = pages_requested (fixture);
  {
    g_autoptr (StewardUser) still = get_user (fixture, pinned);

    g_assert_true (still == selected);
    g_assert_cmpstr (steward_user_get_userid (still), ==, everyone[pinned]);
  }
  g_assert_cmpuint (pages_requested (fixture), ==, requested);

  /* A row being edited there gets the change. */
  {
    g_autoptr (StewardUser) changed = steward_user_new (NULL, NULL);

    steward_user_update_from (changed, selected);
    g_object_set (changed, "name", "Pinned Person", NULL);
    steward_user_directory_update_user (fixture->directory, changed);
    g_assert_cmpstr (steward_user_get_name (selected), ==, "Pinned Person");
  }

  /* Unpinned, far from the view, it goes at once; unpinning again, or a
   * position never pinned, does nothing. */
  g_object_unref (get_user (fixture, g_strv_length (everyone) - 1));
  dropped = steward_user_directory_get_pages_dropped (fixture->directory);
  steward_user_directory_unpin (fixture->directory, pinned);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, SMALL_WINDOW);
  g_assert_cmpuint (steward_user_directory_get_pages_dropped (fixture->directory), ==, dropped + 1);
  steward_user_directory_unpin (fixture->directory, pinned);
  steward_user_directory_unpin (fixture->directory, 0);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, SMALL_WINDOW);

  /* Pins end with their query. The other rows of the first page keep
   * their objects, but a pinned one there (the selection) gets a new
   * object, so the selection cannot turn into someone else. */
  steward_user_directory_pin (fixture->directory, pinned);
  {
    g_autoptr (StewardUser) top_pinned = get_user (fixture, 2);
    g_autoptr (StewardUser) top_free = get_user (fixture, 3);

    wait_idle (fixture);
    steward_user_directory_pin (fixture->directory, 2);
    steward_user_directory_refresh (fixture->directory);
    wait_idle (fixture);
    g_assert_cmpuint (n_loaded_pages (fixture), ==, 1);
    {
      g_autoptr (StewardUser) new_pinned = get_user (fixture, 2);
      g_autoptr (StewardUser) new_free = get_user (fixture, 3);

      g_assert_true (new_pinned != top_pinned);
      g_assert_true (new_free == top_free);
      g_assert_cmpstr (steward_user_get_userid (new_pinned), ==, steward_user_get_userid (top_pinned));
    }
  }
  walk_to_the_end (fixture, (const char *const *) everyone, SMALL_WINDOW);
}

static void
test_search_cancels_page_requests (Fixture      *fixture,
                                   gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (fixture->directory);
  guint       n_items = g_list_model_get_n_items (model);
  g_autoptr (StewardUser) known = get_user (fixture, 7);
  g_autofree char *escaped = steward_test_http_escape (steward_user_get_userid (known));
  g_autofree char *query = g_strconcat ("&searchText=", escaped, NULL);
  guint            expected = server_count (fixture, query);
  g_auto (GStrv) found = server_page (fixture, 0, SMALL_PAGE_SIZE, query);
  Change replaced[3];
  guint  n_replaced = new_query_changes (replaced, n_items, expected, SMALL_PAGE_SIZE);
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  guint requested;

  /* A view jumped through the directory: pages of the old query on their
   * way, far more than the window, when a key is typed. */
  for (guint page = 5; page < 5 + SMALL_WINDOW * 3; page++)
    g_ptr_array_add (pending, get_user (fixture, page * SMALL_PAGE_SIZE));
  requested = pages_requested (fixture);
  g_assert_true (steward_user_directory_get_loading (fixture->directory));
  g_assert_cmpuint (expected, >=, 1);
  g_assert_cmpuint (expected, <, n_items);

  steward_user_directory_set_search_text (fixture->directory, steward_user_get_userid (known));
  wait_idle (fixture);
  model_test_spin (200);

  /* Only the search's first page landed: none of the old pages, which
   * would have stretched the new list to their offsets. */
  assert_changes (fixture, replaced, n_replaced);
  g_assert_cmpuint (pages_requested (fixture), ==, requested + 1);
  g_assert_cmpuint (n_loaded_pages (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  assert_users (fixture, 0, (const char *const *) found);
  for (guint i = 0; i < pending->len; i++)
    g_assert_true (is_placeholder (g_ptr_array_index (pending, i)));
  g_assert_null (steward_user_directory_get_error (fixture->directory));
}

static void
test_dispose_while_loading (Fixture      *fixture,
                            gconstpointer data)
{
  StewardUserDirectory *directory = steward_user_directory_new (fixture->client);

  /* Dropped while its first page is on its way: the reply must find
   * nothing to touch. */
  g_assert_true (steward_user_directory_get_loading (directory));
  g_assert_finalize_object (directory);
  model_test_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

#define ADD(path, set_up, func) \
  g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD ("/model/directory/first-page", fixture_set_up, test_first_page);
  ADD ("/model/directory/placeholders-fill-in", fixture_set_up_loaded, test_placeholders_fill_in);
  ADD ("/model/directory/one-request-per-page", fixture_set_up_loaded, test_one_request_per_page);
  ADD ("/model/directory/new-search-cancels", fixture_set_up_loaded, test_new_search_cancels);
  ADD ("/model/directory/filters-and-order", fixture_set_up_loaded, test_filters_and_order);
  ADD ("/model/directory/refresh", fixture_set_up_loaded, test_refresh);
  ADD ("/model/directory/update-user", fixture_set_up_loaded, test_update_user);
  ADD ("/model/directory/failures", fixture_set_up, test_failures);
  ADD ("/model/directory/without-client", fixture_set_up, test_without_client);
  ADD ("/model/directory/constructed-with-query", fixture_set_up, test_constructed_with_query);
  ADD ("/model/directory/dispose-while-loading", fixture_set_up, test_dispose_while_loading);
  ADD ("/model/directory/window-stays-bounded", fixture_set_up_window, test_window_stays_bounded);
  ADD ("/model/directory/window-dropped-users-reused", fixture_set_up_window, test_dropped_users_reused);
  ADD ("/model/directory/window-dropped-page-refills", fixture_set_up_window, test_dropped_page_refills);
  ADD ("/model/directory/window-jump-to-the-end", fixture_set_up_window, test_jump_to_the_end);
  ADD ("/model/directory/window-pinned-row-survives", fixture_set_up_window, test_pinned_row_survives);
  ADD ("/model/directory/window-search-cancels-page-requests", fixture_set_up_window, test_search_cancels_page_requests);

#undef ADD

  return g_test_run ();
}
