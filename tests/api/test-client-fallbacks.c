/* test-client-fallbacks.c
 *
 * The extension routes against a fake server with only the core routes, as
 * real Immuta servers are: each unknown route answers like hapi does
 * ({"statusCode": 404, "error": "Not Found", "message": "Not Found"}) or
 * with 405, and the client must fall back as API.md says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api-test-util.h"
#include "steward-client.h"
#include "steward-permissions.h"

#include <string.h>

#define ANN "ann@example.com"

typedef struct
{
  char      *userid;
  gboolean   disabled;
  GDateTime *created_at;
} DirectoryEntry;

typedef struct
{
  SoupServer *server;
  char       *url;
  GPtrArray  *log;            /* "METHOD /path" of every request but route 1 */
  GPtrArray  *permissions;    /* Ann's */
  guint       reads;          /* GETs of Ann */
  guint       change_on_read; /* someone else grants AUDIT at this read */
  guint       missing_status; /* 404 (hapi) or 405 for unknown routes */
  gboolean    has_route_13;   /* answers route 13 for unknown users only */
  gboolean    ignore_sort;    /* route 4 returns the oldest first */
  GArray     *directory;      /* of DirectoryEntry, newest first */
} Fake;

static char *
user_json (Fake *fake)
{
  g_autoptr (GString) json = g_string_new ("{\"id\": 7, \"iamid\": \"bim\", \"userid\": \"" ANN "\", \"permissions\": [");

  for (guint i = 0; i < fake->permissions->len; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? ", " : "", (char *) g_ptr_array_index (fake->permissions, i));
  g_string_append (json, "]}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
reply_missing_route (Fake              *fake,
                     SoupServerMessage *message)
{
  if (fake->missing_status == 405)
    api_test_reply_error (message, 405, "Method Not Allowed");
  else
    api_test_reply_error (message, 404, "Not Found");
}

static void
reply_directory (Fake              *fake,
                 SoupServerMessage *message,
                 GHashTable        *query)
{
  g_autoptr (GString) json = g_string_new ("{\"hits\": [");
  gboolean include_disabled = query != NULL && g_strcmp0 (g_hash_table_lookup (query, "includeDisabled"), "true") == 0;
  guint    offset = query != NULL && g_hash_table_contains (query, "offset") ? atoi (g_hash_table_lookup (query, "offset")) : 0;
  guint    size = query != NULL && g_hash_table_contains (query, "size") ? atoi (g_hash_table_lookup (query, "size")) : 25;
  guint    matched = 0;
  guint    shown = 0;

  for (guint n = 0; n < fake->directory->len; n++)
    {
      guint            i = fake->ignore_sort ? fake->directory->len - 1 - n : n;
      DirectoryEntry  *entry = &g_array_index (fake->directory, DirectoryEntry, i);
      g_autofree char *created_at = NULL;

      if (entry->disabled && !include_disabled)
        continue;

      if (matched++ < offset || shown >= size)
        continue;

      created_at = g_date_time_format_iso8601 (entry->created_at);
      g_string_append_printf (json, "%s{\"id\": %u, \"iamid\": \"bim\", \"userid\": \"%s\", \"disabled\": %s, \"createdAt\": \"%s\"}",
                              shown > 0 ? ", " : "", i, entry->userid, entry->disabled ? "true" : "false", created_at);
      shown++;
    }

  g_string_append_printf (json, "], \"count\": %u}", matched);
  api_test_reply_json (message, 200, json->str);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fake            *fake = user_data;
  const char      *method = soup_server_message_get_method (message);
  g_autofree char *json = NULL;

  if (g_str_equal (path, "/bim/apikey/authenticate"))
    {
      api_test_reply_json (message, 200, "{\"authenticated\": true, \"token\": \"t\"}");
      return;
    }

  g_ptr_array_add (fake->log, g_strdup_printf ("%s %s", method, path));

  if (g_str_equal (method, "GET") && g_str_equal (path, "/bim/user"))
    {
      reply_directory (fake, message, query);
    }
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/bim/iam/bim/user/" ANN))
    {
      if (++fake->reads == fake->change_on_read)
        g_ptr_array_add (fake->permissions, g_strdup ("AUDIT"));
      json = user_json (fake);
      api_test_reply_json (message, 200, json);
    }
  else if (g_str_equal (method, "PUT") && g_str_equal (path, "/bim/iam/bim/user/" ANN "/permissions"))
    {
      g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
      g_autoptr (JsonNode) node = api_test_parse (g_bytes_get_data (body, NULL));
      JsonArray *array = json_node_get_array (node);

      g_ptr_array_set_size (fake->permissions, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (fake->permissions, g_strdup (json_array_get_string_element (array, i)));
      json = user_json (fake);
      api_test_reply_json (message, 200, json);
    }
  else if (fake->has_route_13 && g_str_equal (method, "PUT") && strstr (path, "/permissions/") != NULL)
    {
      api_test_reply_error (message, 404, "No user bim/ghost@example.com exists");
    }
  else
    {
      reply_missing_route (fake, message);
    }
}

static void
clear_entry (gpointer data)
{
  DirectoryEntry *entry = data;

  g_free (entry->userid);
  g_date_time_unref (entry->created_at);
}

/* Seven users: two created today, one yesterday, one three days ago and
 * three long ago; two of them disabled. Newest first. */
static void
fill_directory (Fake *fake)
{
  const struct
  {
    int      days_ago;
    gboolean disabled;
  } users[] = { { 0, FALSE }, { 0, TRUE }, { 1, FALSE }, { 3, FALSE }, { 40, TRUE }, { 41, FALSE }, { 400, FALSE } };
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      DirectoryEntry entry;

      entry.userid = g_strdup_printf ("user%u@example.com", i);
      entry.disabled = users[i].disabled;
      entry.created_at = g_date_time_add_seconds (now, -1.0 - users[i].days_ago * 86400.0);
      g_array_append_val (fake->directory, entry);
    }
}

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);

  fake->server = api_test_soup_server_new (NULL, &fake->url);
  fake->log = g_ptr_array_new_with_free_func (g_free);
  fake->permissions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (fake->permissions, g_strdup ("CREATE_PROJECT"));
  fake->missing_status = 404;
  fake->directory = g_array_new (FALSE, FALSE, sizeof (DirectoryEntry));
  g_array_set_clear_func (fake->directory, clear_entry);
  fill_directory (fake);
  soup_server_add_handler (fake->server, NULL, fake_handler, fake, NULL);

  return fake;
}

static void
fake_free (Fake *fake)
{
  api_test_soup_server_free (fake->server);
  g_free (fake->url);
  g_ptr_array_unref (fake->log);
  g_ptr_array_unref (fake->permissions);
  g_array_unref (fake->directory);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

static void
assert_log (Fake              *fake,
            const char *const *expected)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (fake->log, NULL);
  joined = g_strjoinv ("\n", (char **) fake->log->pdata);
  g_ptr_array_remove_index (fake->log, fake->log->len - 1);
  g_test_message ("requests:\n%s", joined);

  g_assert_cmpuint (fake->log->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (fake->log, i), ==, expected[i]);
  g_ptr_array_set_size (fake->log, 0);
}

static StewardUser *
add_permission (StewardClient *client,
                const char    *userid,
                const char    *permission,
                GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_client_add_permission_async (client, "bim", userid, permission, NULL, api_test_store_result_cb, &result);
  return steward_client_add_permission_finish (client, api_test_wait (&result), error);
}

static void
test_add_permission (gconstpointer data)
{
  guint missing_status = GPOINTER_TO_UINT (data);
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (StewardUser) again = NULL;
  const char *const first_requests[] = {
    "PUT /bim/iam/bim/user/" ANN "/permissions/GOVERNANCE",
    "GET /bim/iam/bim/user/" ANN,
    "GET /bim/iam/bim/user/" ANN,
    "PUT /bim/iam/bim/user/" ANN "/permissions",
    NULL
  };
  const char *const later_requests[] = {
    "GET /bim/iam/bim/user/" ANN,
    "GET /bim/iam/bim/user/" ANN,
    "PUT /bim/iam/bim/user/" ANN "/permissions",
    NULL
  };
  const char *const expected[] = { "CREATE_PROJECT", "GOVERNANCE", "USER_ADMIN", NULL };

  fake->missing_status = missing_status;
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_ADD_PERMISSION), ==, STEWARD_EXTENSION_SUPPORT_UNKNOWN);

  user = add_permission (client, ANN, "GOVERNANCE", &error);
  g_assert_no_error (error);
  g_assert_true (steward_user_has_permission (user, "GOVERNANCE"));
  g_assert_true (steward_user_has_permission (user, "CREATE_PROJECT"));
  assert_log (fake, first_requests);
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_ADD_PERMISSION), ==, STEWARD_EXTENSION_SUPPORT_MISSING);

  /* Known to be missing: straight to read-modify-write. */
  again = add_permission (client, ANN, "USER_ADMIN", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (steward_user_get_permissions (again), expected));
  assert_log (fake, later_requests);
}

static void
test_add_permission_present (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  const char *const requests[] = {
    "PUT /bim/iam/bim/user/" ANN "/permissions/CREATE_PROJECT",
    "GET /bim/iam/bim/user/" ANN,
    NULL
  };

  /* Held already: nothing to write, as route 13 would be idempotent. */
  user = add_permission (client, ANN, "CREATE_PROJECT", &error);
  g_assert_no_error (error);
  g_assert_true (steward_user_has_permission (user, "CREATE_PROJECT"));
  assert_log (fake, requests);
}

static void
test_add_permission_conflict (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  const char *const requests[] = {
    "PUT /bim/iam/bim/user/" ANN "/permissions/GOVERNANCE",
    "GET /bim/iam/bim/user/" ANN,
    "GET /bim/iam/bim/user/" ANN,
    NULL
  };

  /* Someone grants AUDIT between the two reads. */
  fake->change_on_read = 2;

  user = add_permission (client, ANN, "GOVERNANCE", &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "GOVERNANCE"));
  assert_log (fake, requests);

  /* Their change stands; ours was not written over it. */
  g_assert_cmpuint (fake->permissions->len, ==, 2);
}

static void
test_add_permission_no_such_user (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  const char *const requests[] = { "PUT /bim/iam/bim/user/ghost@example.com/permissions/AUDIT", NULL };

  /* A 404 that names the user is an answer of route 13, not its absence. */
  fake->has_route_13 = TRUE;

  user = add_permission (client, "ghost@example.com", "AUDIT", &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_false (steward_api_error_is_route_missing (error));
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_ADD_PERMISSION), ==, STEWARD_EXTENSION_SUPPORT_PRESENT);
  assert_log (fake, requests);
}

static void
test_list_permissions (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  const StewardBuiltinPermission *builtin;
  guint                           n_builtin;
  const char *const               requests[] = { "GET /bim/permissions", NULL };
  const char *const               no_requests[] = { NULL };

  builtin = steward_builtin_permissions (&n_builtin);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GListModel) permissions = NULL;

      steward_client_list_permissions_async (client, NULL, api_test_store_result_cb, &result);
      permissions = steward_client_list_permissions_finish (client, api_test_wait (&result), &error);
      g_assert_no_error (error);

      g_assert_cmpuint (g_list_model_get_n_items (permissions), ==, n_builtin);
      for (guint i = 0; i < n_builtin; i++)
        {
          g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (permissions, i);

          g_assert_cmpstr (steward_permission_info_get_name (info), ==, builtin[i].name);
          g_assert_cmpstr (steward_permission_info_get_description (info), ==, builtin[i].description);
          g_assert_true (steward_permission_info_get_builtin (info));
        }

      /* The second time the client knows better than to ask. */
      assert_log (fake, round == 0 ? requests : no_requests);
    }
}

static void
test_migrate (gconstpointer data)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  const char *const requests[] = { "POST /bim/iam/bim/user/" ANN "/migrate", NULL };
  const char *const no_requests[] = { NULL };

  fake->missing_status = GPOINTER_TO_UINT (data);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardUser) user = NULL;

      steward_client_migrate_user_async (client, "bim", ANN, "okta", "ann", NULL, api_test_store_result_cb, &result);
      user = steward_client_migrate_user_finish (client, api_test_wait (&result), &error);
      g_assert_null (user);
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "migrate"));
      assert_log (fake, round == 0 ? requests : no_requests);
    }
}

static void
test_interactions (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint64 accepted = 99;

  g_hash_table_insert (counts, (gpointer) "new-user", GUINT_TO_POINTER (3));
  steward_client_post_interactions_async (client, counts, NULL, api_test_store_result_cb, &result);
  g_assert_false (steward_client_post_interactions_finish (client, api_test_wait (&result), &accepted, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED);
  g_assert_cmpuint (accepted, ==, 0);
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_INTERACTIONS), ==, STEWARD_EXTENSION_SUPPORT_MISSING);
}

static StewardMetrics *
get_metrics (StewardClient *client,
             guint          days,
             GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_client_get_metrics_async (client, days, NULL, api_test_store_result_cb, &result);
  return steward_client_get_metrics_finish (client, api_test_wait (&result), error);
}

static void
test_metrics (gconstpointer data)
{
  gboolean ignore_sort = GPOINTER_TO_INT (data);
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardMetrics) metrics = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JsonObject      *document;
  guint64          created = 0;

  fake->ignore_sort = ignore_sort;

  metrics = get_metrics (client, 7, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (steward_metrics_get_days (metrics), ==, 7);
  g_assert_cmpstr (steward_metrics_get_to (metrics), ==, today);
  g_assert_cmpuint (steward_metrics_get_total_users (metrics), ==, 7);
  g_assert_cmpuint (steward_metrics_get_active_users (metrics), ==, 5);
  g_assert_cmpuint (steward_metrics_get_disabled_users (metrics), ==, 2);
  g_assert_nonnull (steward_metrics_get_note (metrics));

  /* One row per day, oldest first, zeros included. */
  g_assert_cmpuint (steward_metrics_get_n_days (metrics), ==, 7);
  g_assert_cmpstr (steward_metrics_get_day_date (metrics, 6), ==, today);
  g_assert_cmpuint (steward_metrics_get_day_count (metrics, 6, STEWARD_METRICS_WORKFLOW_USER_CREATED), ==, 2);
  g_assert_cmpuint (steward_metrics_get_day_count (metrics, 5, STEWARD_METRICS_WORKFLOW_USER_CREATED), ==, 1);
  g_assert_cmpuint (steward_metrics_get_day_count (metrics, 3, STEWARD_METRICS_WORKFLOW_USER_CREATED), ==, 1);
  for (guint day = 0; day < 7; day++)
    created += steward_metrics_get_day_count (metrics, day, STEWARD_METRICS_WORKFLOW_USER_CREATED);
  g_assert_cmpuint (created, ==, 4);
  g_assert_cmpuint (steward_metrics_get_workflow_total (metrics, STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED), ==, 0);

  /* The same document shape as route 15, so saving it works the same. */
  document = json_node_get_object (steward_metrics_get_document (metrics));
  g_assert_true (json_object_has_member (document, "generatedAt"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "workflows")), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "interactions")), ==, 0);
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_METRICS), ==, STEWARD_EXTENSION_SUPPORT_MISSING);

  /* Only counts and pages of users were asked for, never each user. */
  for (guint i = 1; i < fake->log->len; i++)
    g_assert_cmpstr (g_ptr_array_index (fake->log, i), ==, "GET /bim/user");
  g_assert_cmpstr (g_ptr_array_index (fake->log, 0), ==, "GET /bim/user/metrics");
}

static void
test_metrics_days (void)
{
  g_autoptr (Fake) fake = fake_new ();
  g_autoptr (StewardClient) client = steward_client_new (fake->url, "key");
  const char *const no_requests[] = { NULL };
  const guint       days[] = { 0, 366 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardMetrics) metrics = get_metrics (client, days[i], &error);

      g_assert_null (metrics);
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
    }

  assert_log (fake, no_requests);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/api/fallbacks/add-permission/404", GUINT_TO_POINTER (404), test_add_permission);
  g_test_add_data_func ("/api/fallbacks/add-permission/405", GUINT_TO_POINTER (405), test_add_permission);
  g_test_add_func ("/api/fallbacks/add-permission/present", test_add_permission_present);
  g_test_add_func ("/api/fallbacks/add-permission/conflict", test_add_permission_conflict);
  g_test_add_func ("/api/fallbacks/add-permission/no-such-user", test_add_permission_no_such_user);
  g_test_add_func ("/api/fallbacks/list-permissions", test_list_permissions);
  g_test_add_data_func ("/api/fallbacks/migrate/404", GUINT_TO_POINTER (404), test_migrate);
  g_test_add_data_func ("/api/fallbacks/migrate/405", GUINT_TO_POINTER (405), test_migrate);
  g_test_add_func ("/api/fallbacks/interactions", test_interactions);
  g_test_add_data_func ("/api/fallbacks/metrics/sorted", GINT_TO_POINTER (FALSE), test_metrics);
  g_test_add_data_func ("/api/fallbacks/metrics/unsorted", GINT_TO_POINTER (TRUE), test_metrics);
  g_test_add_func ("/api/fallbacks/metrics/days", test_metrics_days);

  return g_test_run ();
}
