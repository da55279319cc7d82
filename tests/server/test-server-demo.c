/* test-server-demo.c
 *
 * "steward-server --demo N": the seeded directory the app and the metrics
 * are demonstrated with, that its metrics stay anonymous with it, and
 * that the bulk load behind it leaves every index and the search trigger
 * in place, and that the permission names and group ids copied into each
 * user's row agree with their tables, after any change and after a
 * database of schema version 1 is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "steward-test-assert.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

#define N_DEMO_USERS 40

static StewardTestServer *server;
static char              *admin_token;

static JsonNode *
get_json (StewardTestServer *on,
          const char        *token,
          const char        *path)
{
  return steward_test_http_expect (on, "GET", path, token, NULL, 200);
}

static JsonArray *
all_users (JsonNode **out_reply)
{
  *out_reply = get_json (server, admin_token, "/bim/user?includeDisabled=true&size=1000");
  return steward_test_json_get_array (steward_test_json_object (*out_reply), "hits");
}

static void
test_demo_users (void)
{
  g_autoptr (JsonNode) everyone = NULL;
  g_autoptr (JsonNode) enabled = NULL;
  JsonArray *hits = all_users (&everyone);
  guint      n_disabled = 0, n_sql = 0, n_logged_in = 0;
  g_autoptr (GHashTable) iams = g_hash_table_new (g_str_hash, g_str_equal);

  /* N seeded people plus the first administrator. */
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (everyone), "count"), ==, N_DEMO_USERS + 1);
  g_assert_cmpuint (json_array_get_length (hits), ==, N_DEMO_USERS + 1);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
      JsonObject *profile = steward_test_json_get_object (user, "profile");
      const char *name = steward_test_json_get_string (profile, "name");

      steward_test_assert_user (json_array_get_element (hits, i));
      g_hash_table_add (iams, (gpointer) steward_test_json_get_string (user, "iamid"));
      n_disabled += steward_test_json_get_bool (user, "disabled");
      n_sql += steward_test_json_get_nullable_string (profile, "sqlUser") != NULL;
      n_logged_in += steward_test_json_get_nullable_string (user, "lastLogin") != NULL;

      /* Realistic names: a given name and a family name, no numbering. */
      g_assert_nonnull (strchr (name, ' '));
      g_assert_null (strpbrk (name, "0123456789"));
    }

  g_assert_true (g_hash_table_contains (iams, "bim"));
  g_assert_true (g_hash_table_contains (iams, "okta"));
  g_assert_true (g_hash_table_contains (iams, "ldap"));
  g_assert_cmpuint (n_disabled, >, 0);
  g_assert_cmpuint (n_disabled, <, N_DEMO_USERS / 2);
  g_assert_cmpuint (n_sql, >, 0);
  /* Besides the administrator just authenticated, seeded people have
   * logged in before. */
  g_assert_cmpuint (n_logged_in, >=, N_DEMO_USERS / 4);

  enabled = get_json (server, admin_token, "/bim/user?size=1000");
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (enabled), "count"), ==,
                   N_DEMO_USERS + 1 - n_disabled);
}

static void
test_demo_iams (void)
{
  g_autoptr (JsonNode) reply = get_json (server, admin_token, "/bim/iam");
  JsonArray *iams = steward_test_json_array (reply);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (iams); i++)
    {
      JsonObject *iam = steward_test_json_object (json_array_get_element (iams, i));

      g_hash_table_insert (names, (gpointer) steward_test_json_get_string (iam, "id"),
                           (gpointer) steward_test_json_get_string (iam, "displayName"));
    }

  g_assert_true (g_hash_table_contains (names, "bim"));
  g_assert_cmpstr (g_hash_table_lookup (names, "okta"), ==, "Okta");
  g_assert_cmpstr (g_hash_table_lookup (names, "ldap"), ==, "Corporate LDAP");
}

static void
test_demo_history (void)
{
  g_autoptr (JsonNode) metrics = get_json (server, admin_token, "/bim/user/metrics?days=60");
  g_autoptr (JsonNode) old_audit = NULL;
  JsonArray *workflows = steward_test_json_get_array (steward_test_json_object (metrics), "workflows");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autofree char *month_ago_text = g_date_time_format (month_ago, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *path = g_strdup_printf ("/audit?maxDate=%s", month_ago_text);
  guint            active_days = 0;

  g_assert_cmpuint (json_array_get_length (workflows), ==, 60);
  /* Sixty days of history: activity on many days before today. */
  for (guint i = 0; i + 1 < json_array_get_length (workflows); i++)
    {
      JsonObject    *entry = steward_test_json_object (json_array_get_element (workflows, i));
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;
      gint64         sum = 0;

      json_object_iter_init (&iter, entry);
      while (json_object_iter_next (&iter, &member, &value))
        {
          if (!g_str_equal (member, "date"))
            sum += json_node_get_int (value);
        }
      active_days += sum > 0;
    }
  g_assert_cmpuint (active_days, >=, 10);

  old_audit = get_json (server, admin_token, path);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (old_audit), "count"), >, 0);
}

static void
test_demo_metrics_anonymous (void)
{
  g_autoptr (JsonNode) everyone = NULL;
  g_autoptr (JsonNode) metrics = get_json (server, admin_token, "/bim/user/metrics?days=60");
  g_autoptr (GPtrArray) strings = steward_test_json_collect_strings (metrics);
  JsonArray *hits = all_users (&everyone);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
      JsonObject *profile = steward_test_json_get_object (user, "profile");
      const char *identifiers[] = {
        steward_test_json_get_string (profile, "name"),
        steward_test_json_get_nullable_string (profile, "email"),
        steward_test_json_get_string (user, "userid"),
        steward_test_json_get_nullable_string (profile, "sqlUser"),
      };

      /* No string of the document is, or contains, anybody's identity. */
      for (guint j = 0; j < G_N_ELEMENTS (identifiers); j++)
        {
          for (guint k = 0; identifiers[j] != NULL && k < strings->len; k++)
            {
              const char *text = g_ptr_array_index (strings, k);

              if (strstr (text, identifiers[j]) != NULL)
                {
                  g_autofree char *shown = steward_test_printable (text, 300);

                  g_test_message ("a metrics string names somebody: %s", shown);
                }
              g_assert_null (strstr (text, identifiers[j]));
            }
        }
    }
}

static void
test_demo_seeds_once (void)
{
  g_autoptr (StewardTestServer) first = steward_test_server_start ("--demo", "5", NULL);
  g_autoptr (StewardTestServer) again = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) everyone = NULL;

  first->keep_data_dir = TRUE;
  steward_test_server_stop (first);

  /* A second start with --demo does not add another crowd. */
  again = steward_test_server_start_in (first->data_dir, "--demo", "5", NULL);
  token = steward_test_http_authenticate (again, again->admin_api_key);
  everyone = get_json (again, token, "/bim/user?includeDisabled=true&size=1000");
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (everyone), "count"), ==, 5 + 1);
}

/* How many hits a search for @text has. */
static gint64
search_count (const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/bim/user?searchText=%s&includeDisabled=true", escaped);
  g_autoptr (JsonNode) reply = get_json (server, admin_token, path);

  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

/* The text of the first column of the one row SQL returns; valid until the
 * next call. */
static const char *
one_text (sqlite3    *db,
          const char *sql)
{
  static char  *text;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_free (text);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
test_demo_bulk_load_rebuilt (void)
{
  static const char *const derived[] = {
    "users_bim_userid_key",
    "users_by_name",
    "users_by_email",
    "users_by_userid",
    "users_by_iamid",
    "users_by_created",
    "users_by_last_login",
    "user_permissions_by_name",
    "group_members_by_user",
    "audit_by_time",
    "audit_by_actor",
    "audit_by_target",
    "users_search_insert",
  };
  g_autofree char *path = g_build_filename (server->data_dir, "steward.db", NULL);
  g_autofree char *new_path = g_strconcat (path, ".new", NULL);
  g_autoptr (JsonNode) everyone = NULL;
  JsonArray       *hits = all_users (&everyone);
  JsonObject      *someone = steward_test_json_object (json_array_get_element (hits, 3));
  const char      *email = steward_test_json_get_string (steward_test_json_get_object (someone, "profile"), "email");
  g_autofree char *middle = g_strndup (email + 1, 5);
  sqlite3         *db = NULL;

  /* The search index was rebuilt from the loaded rows... */
  g_assert_cmpint (search_count (middle), >=, 1);

  /* ...and the trigger that keeps it current is back. */
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token,
                                             "{\"userid\": \"quokka.after@example.com\", \"profile\": "
                                             "{\"name\": \"Quokka After\", \"email\": \"quokka.after@example.com\"}}",
                                             200));
  g_assert_cmpint (search_count ("okka.aft"), ==, 1);

  /* Every index and trigger of the schema exists. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, derived[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("%s is missing after the demo load", derived[i]);
      sqlite3_finalize (stmt);
    }

  /* The database built without a journal was renamed into place, and is
   * kept with a write-ahead log like any other. */
  g_assert_cmpstr (one_text (db, "PRAGMA journal_mode"), ==, "wal");
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  sqlite3_close (db);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* NAMES as a sorted list: the order of a copy is not part of it. */
static GStrv
sorted_names (const char *names)
{
  GStrv list = g_strsplit (names != NULL ? names : "", "\x1f", -1);
  guint n = g_strv_length (list);

  /* "" splits into no names, not one empty one. */
  if (n == 1 && *list[0] == '\0')
    g_clear_pointer (&list[0], g_free);
  qsort (list, g_strv_length (list), sizeof (char *), compare_strings);
  return list;
}

static gboolean
same_names (const char *a,
            const char *b)
{
  g_auto (GStrv) x = sorted_names (a);
  g_auto (GStrv) y = sorted_names (b);

  return g_strv_equal ((const char *const *) x, (const char *const *) y);
}

/* Every user's row holds the same permission names and group ids as
 * user_permissions and group_members, the copies pages are read from.
 * Returns how many users have groups, so a caller can see the check was
 * not vacuous. */
static guint
assert_row_copies_match (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "steward.db", NULL);
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  guint            n_users = 0, n_in_groups = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT userid, permission_names, group_ids,"
                                       " (SELECT group_concat(permission, char(31)) FROM user_permissions WHERE user_id = u.id),"
                                       " (SELECT group_concat(group_id, char(31)) FROM group_members WHERE user_id = u.id)"
                                       " FROM users u",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *userid = (const char *) sqlite3_column_text (stmt, 0);

      if (!same_names ((const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 3)))
        g_error ("%s: the row says permissions “%s”, user_permissions says “%s”", userid,
                 sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 3));
      if (!same_names ((const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 4)))
        g_error ("%s: the row says groups “%s”, group_members says “%s”", userid,
                 sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 4));
      n_users++;
      n_in_groups += sqlite3_column_type (stmt, 4) != SQLITE_NULL;
    }
  g_assert_cmpuint (n_users, >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n_in_groups;
}

static void
put_permissions (const char *userid,
                 const char *method,
                 const char *suffix,
                 const char *body)
{
  g_autofree char *path = g_strdup_printf ("/bim/iam/bim/user/%s/permissions%s", userid, suffix);

  json_node_unref (steward_test_http_expect (server, method, path, admin_token, body, 200));
}

/* Whatever changes a user's permissions keeps the copy in the row in step:
 * creating with a repeated name, replacing the set, granting and removing
 * one, emptying it, and deleting the user. */
static void
test_demo_row_copies (void)
{
  const char *userid = "copy.keeper@example.com";
  g_autoptr (JsonNode) reply = NULL;
  JsonArray *permissions;

  json_node_unref (steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token,
                                             "{\"userid\": \"copy.keeper@example.com\", \"profile\": "
                                             "{\"name\": \"Copy Keeper\", \"email\": \"copy.keeper@example.com\"},"
                                             " \"permissions\": [\"AUDIT\", \"GOVERNANCE\", \"AUDIT\"]}",
                                             200));
  g_assert_cmpuint (assert_row_copies_match (server->data_dir), >, 0);

  put_permissions (userid, "PUT", "", "[\"USER_ADMIN\", \"CREATE_FILTER\"]");
  put_permissions (userid, "PUT", "/GOVERNANCE", NULL);
  put_permissions (userid, "DELETE", "/USER_ADMIN", NULL);
  assert_row_copies_match (server->data_dir);

  /* What a page reads is the copy. */
  reply = get_json (server, admin_token, "/bim/user?searchText=copy.keeper&size=5");
  permissions = steward_test_json_get_array (steward_test_json_object (json_array_get_element (
                                                 steward_test_json_get_array (steward_test_json_object (reply), "hits"), 0)),
                                             "permissions");
  g_assert_cmpuint (json_array_get_length (permissions), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (permissions, 0), ==, "CREATE_FILTER");
  g_assert_cmpstr (json_array_get_string_element (permissions, 1), ==, "GOVERNANCE");

  put_permissions (userid, "PUT", "", "[]");
  assert_row_copies_match (server->data_dir);
  json_node_unref (steward_test_http_expect (server, "DELETE", "/bim/iam/bim/user/copy.keeper@example.com",
                                             admin_token, NULL, 200));
  assert_row_copies_match (server->data_dir);
}

/* Stops STOPPING, keeping its data directory, and runs SQL on its database
 * as an older server would have left it. */
static void
stop_and_rewrite (StewardTestServer *stopping,
                  const char        *sql)
{
  g_autofree char *path = g_build_filename (stopping->data_dir, "steward.db", NULL);
  sqlite3         *db = NULL;

  stopping->keep_data_dir = TRUE;
  steward_test_server_stop (stopping);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A database of schema version 1, without the copies, gets them filled in
 * from the tables when a newer server opens it. */
static void
test_demo_migrates_version_1 (void)
{
  g_autoptr (StewardTestServer) first = steward_test_server_start ("--demo", "60", NULL);
  g_autoptr (StewardTestServer) again = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  const char *page = "/bim/user?includeDisabled=true&size=1000&sortField=email";

  token = steward_test_http_authenticate (first, first->admin_api_key);
  before = get_json (first, token, page);
  /* Back to version 1: the same tables without the two columns (nor the
   * cache counter of version 3). */
  stop_and_rewrite (first,
                    "ALTER TABLE users DROP COLUMN permission_names;"
                    "ALTER TABLE users DROP COLUMN group_ids;"
                    "DROP TABLE cache_epoch;"
                    "PRAGMA user_version = 1;");

  again = steward_test_server_start_in (first->data_dir, NULL, NULL);
  g_assert_cmpuint (assert_row_copies_match (again->data_dir), >, 0);
  g_free (token);
  token = steward_test_http_authenticate (again, again->admin_api_key);
  after = get_json (again, token, page);
  /* The same users with the same permissions, their own and their
   * groups'; only the administrator's last login moved. */
  {
    JsonArray *a = steward_test_json_get_array (steward_test_json_object (before), "hits");
    JsonArray *b = steward_test_json_get_array (steward_test_json_object (after), "hits");

    g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject      *x = steward_test_json_object (json_array_get_element (a, i));
        JsonObject      *y = steward_test_json_object (json_array_get_element (b, i));
        g_autofree char *x_own = json_to_string (json_object_get_member (x, "permissions"), FALSE);
        g_autofree char *y_own = json_to_string (json_object_get_member (y, "permissions"), FALSE);
        g_autofree char *x_groups = json_to_string (json_object_get_member (x, "groupPermissions"), FALSE);
        g_autofree char *y_groups = json_to_string (json_object_get_member (y, "groupPermissions"), FALSE);

        g_assert_cmpint (steward_test_json_get_int (x, "id"), ==, steward_test_json_get_int (y, "id"));
        g_assert_cmpstr (x_own, ==, y_own);
        g_assert_cmpstr (x_groups, ==, y_groups);
      }
  }
}

/* What a search answers, as one comparable line: the count and the ids of
 * the hits in order. */
static char *
search_answer (StewardTestServer *on,
               const char        *token,
               const char        *query)
{
  g_autofree char *path = g_strconcat ("/bim/user?includeDisabled=true&size=1000&sortField=email&", query, NULL);
  g_autoptr (JsonNode) reply = get_json (on, token, path);
  JsonObject *object = steward_test_json_object (reply);
  JsonArray  *hits = steward_test_json_get_array (object, "hits");
  GString    *answer = g_string_new (NULL);

  g_string_append_printf (answer, "%s → %" G_GINT64_FORMAT ":", query, steward_test_json_get_int (object, "count"));
  for (guint i = 0; i < json_array_get_length (hits); i++)
    g_string_append_printf (answer, " %" G_GINT64_FORMAT,
                            steward_test_json_get_int (steward_test_json_object (json_array_get_element (hits, i)), "id"));
  return g_string_free (answer, FALSE);
}

/* A database of schema version 3 has the search index of version 1 (three
 * columns beside the users table); a newer server replaces it with one
 * text per user, and every search, of any field, answers as before, as do
 * the triggers that keep the new index current. */
static void
test_demo_migrates_search_index (void)
{
  g_autoptr (StewardTestServer) first = steward_test_server_start ("--demo", "60", NULL);
  g_autoptr (StewardTestServer) again = NULL;
  g_autofree char *path = g_build_filename (first->data_dir, "steward.db", NULL);
  g_autofree char *token = NULL;
  g_autofree char *other_userid = NULL;
  g_autofree char *other_fragment = NULL;
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonNode) everyone = NULL;
  JsonArray    *hits;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  token = steward_test_http_authenticate (first, first->admin_api_key);

  /* A userid that is not the e-mail: the new index keeps it apart. */
  everyone = get_json (first, token, "/bim/user?includeDisabled=true&size=1000");
  hits = steward_test_json_get_array (steward_test_json_object (everyone), "hits");
  for (guint i = 0; i < json_array_get_length (hits) && other_userid == NULL; i++)
    {
      JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
      const char *userid = steward_test_json_get_string (user, "userid");
      const char *email = steward_test_json_get_string (steward_test_json_get_object (user, "profile"), "email");

      if (g_strcmp0 (userid, email) != 0 && strlen (userid) >= 6)
        other_userid = g_ascii_strdown (userid, -1);
    }
  g_assert_nonnull (other_userid);
  {
    /* Four characters from its second on, cut before escaping so that no
     * escape is cut in half. */
    g_autofree char *fragment = g_strndup (other_userid + 1, 4);

    other_fragment = g_uri_escape_string (fragment, NULL, FALSE);
  }

  g_ptr_array_add (queries, g_strdup ("searchText=son"));
  g_ptr_array_add (queries, g_strdup ("searchText=ar"));
  g_ptr_array_add (queries, g_strdup ("searchText=example.c"));
  g_ptr_array_add (queries, g_strdup ("name=son"));
  g_ptr_array_add (queries, g_strdup ("email=son"));
  g_ptr_array_add (queries, g_strdup ("userid=son"));
  g_ptr_array_add (queries, g_strdup ("name=example"));
  g_ptr_array_add (queries, g_strconcat ("searchText=", other_fragment, NULL));
  g_ptr_array_add (queries, g_strconcat ("userid=", other_fragment, NULL));
  g_ptr_array_add (queries, g_strconcat ("email=", other_fragment, NULL));
  for (guint i = 0; i < queries->len; i++)
    g_ptr_array_add (before, search_answer (first, token, g_ptr_array_index (queries, i)));
  /* The searches can tell the fields apart at all. */
  g_assert_cmpstr (g_ptr_array_index (before, 6), ==, "name=example → 0:");
  g_assert_false (g_str_has_suffix (g_ptr_array_index (before, 8), ":"));

  /* Back to version 3: its index of three columns, filled from the table,
   * and the triggers that fed it. */
  stop_and_rewrite (first,
                    "DROP TRIGGER users_search_insert;"
                    "DROP TRIGGER users_search_delete;"
                    "DROP TRIGGER users_search_update;"
                    "DROP TABLE user_search;"
                    "CREATE VIRTUAL TABLE user_search USING fts5("
                    "  name_key, email_key, userid_key, content='users', content_rowid='id',"
                    "  tokenize='trigram case_sensitive 1');"
                    "INSERT INTO user_search(user_search) VALUES ('rebuild');"
                    "CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN"
                    "  INSERT INTO user_search(rowid, name_key, email_key, userid_key)"
                    "  VALUES (new.id, new.name_key, new.email_key, new.userid_key);"
                    "END;"
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
                    "PRAGMA user_version = 3;");

  again = steward_test_server_start_in (first->data_dir, NULL, NULL);
  g_free (token);
  token = steward_test_http_authenticate (again, again->admin_api_key);
  for (guint i = 0; i < queries->len; i++)
    {
      g_autofree char *after = search_answer (again, token, g_ptr_array_index (queries, i));

      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }

  /* The new index is kept current: a new user, a renamed one, a deleted one. */
  json_node_unref (steward_test_http_expect (again, "POST", "/bim/iam/bim/user", token,
                                             "{\"userid\": \"wombat.new@example.com\", \"profile\": "
                                             "{\"name\": \"Wombat Newcomer\", \"email\": \"wombat.new@example.com\"}}",
                                             200));
  {
    g_autofree char *added = search_answer (again, token, "searchText=wcome");

    g_assert_cmpstr (added, !=, "searchText=wcome → 0:");
  }
  json_node_unref (steward_test_http_expect (again, "PUT", "/bim/iam/bim/user/wombat.new@example.com/profile", token,
                                             "{\"name\": \"Wombat Renamed\"}", 200));
  {
    g_autofree char *old_name = search_answer (again, token, "searchText=wcome");
    g_autofree char *new_name = search_answer (again, token, "name=renamed");

    g_assert_cmpstr (old_name, ==, "searchText=wcome → 0:");
    g_assert_cmpstr (new_name, !=, "name=renamed → 0:");
  }
  json_node_unref (steward_test_http_expect (again, "DELETE", "/bim/iam/bim/user/wombat.new@example.com", token,
                                             NULL, 200));
  {
    g_autofree char *gone = search_answer (again, token, "searchText=renamed");

    g_assert_cmpstr (gone, ==, "searchText=renamed → 0:");
  }

  /* Version 4, with its one column. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT group_concat(name) FROM pragma_table_info('user_search'))",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "search_text");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A server killed while it writes a large demo leaves no database behind,
 * not a half-written one, and the next start seeds from the beginning. */
static void
test_demo_killed_halfway (void)
{
  g_autoptr (StewardTestServer) again = NULL;
  g_autoptr (GSubprocess) seeding = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) everyone = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("steward-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (data_dir, "steward.db", NULL);
  g_autofree char *new_path = g_strconcat (path, ".new", NULL);
  g_autofree char *token = NULL;
  gint64           deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  seeding = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              steward_test_server_binary (), "--data-dir", data_dir,
                              "--listen", "127.0.0.1:0", "--demo", "1000000", NULL);
  g_assert_no_error (error);

  /* Halfway: a million users take the better part of a minute to write,
   * so two seconds after the new file appears the load is under way. */
  while (!g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_subprocess_force_exit (seeding);
  g_subprocess_wait (seeding, NULL, &error);
  g_assert_no_error (error);
  /* Killed in the middle, not ended by itself. */
  g_assert_true (g_subprocess_get_if_signaled (seeding));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  again = steward_test_server_start_in (data_dir, "--demo", "5", NULL);
  token = steward_test_http_authenticate (again, again->admin_api_key);
  everyone = get_json (again, token, "/bim/user?includeDisabled=true&size=1000");
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (everyone), "count"), ==, 5 + 1);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

/* The half-written file of a seeding that was stopped is removed by any
 * later start, not only by one that seeds again. */
static void
test_demo_leftover_removed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("steward-demo-XXXXXX", &error);
  g_autofree char *new_path = g_build_filename (data_dir, "steward.db.new", NULL);
  g_autoptr (StewardTestServer) started = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (new_path, "half a database", -1, &error));
  g_assert_no_error (error);

  started = steward_test_server_start_in (data_dir, NULL, NULL);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *n_users = g_strdup_printf ("%d", N_DEMO_USERS);
  int              status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/demo/users", test_demo_users);
  g_test_add_func ("/server/demo/iams", test_demo_iams);
  g_test_add_func ("/server/demo/history", test_demo_history);
  g_test_add_func ("/server/demo/metrics-anonymous", test_demo_metrics_anonymous);
  g_test_add_func ("/server/demo/seeds-once", test_demo_seeds_once);
  g_test_add_func ("/server/demo/bulk-load-rebuilt", test_demo_bulk_load_rebuilt);
  g_test_add_func ("/server/demo/row-copies", test_demo_row_copies);
  g_test_add_func ("/server/demo/migrates-version-1", test_demo_migrates_version_1);
  g_test_add_func ("/server/demo/migrates-search-index", test_demo_migrates_search_index);
  g_test_add_func ("/server/demo/killed-halfway", test_demo_killed_halfway);
  g_test_add_func ("/server/demo/leftover-removed", test_demo_leftover_removed);

  server = steward_test_server_start ("--demo", n_users, NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
