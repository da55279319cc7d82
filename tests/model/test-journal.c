/* test-journal.c
 *
 * StewardJournal as the recorder of a StewardClient, against a real
 * steward-server behind a proxy that looks into the journal file as each
 * write arrives: every write is there, unfinished, before the server sees
 * it, and is completed with the answer afterwards (who, which server, the
 * user before and after, the server's error). A change the journal cannot
 * keep is not sent. Old changes are pruned at open, and no key or password
 * ever reaches the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-journal.h"
#include "steward-session.h"
#include "steward-test-proxy.h"

#include "model-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#define SERVER_NAME "Test Server"

typedef struct
{
  StewardTestServer *server;
  StewardTestProxy  *proxy;
  char              *directory;
  char              *path;
  StewardJournal    *journal;
  StewardClient     *client;

  /* Written on the proxy's thread. */
  GMutex lock;
  guint  n_writes_arrived;
  guint  n_unfinished_on_arrival; /* the most unfinished changes any write found */
  guint  n_writes_without_entry;
} Fixture;

/* Unfinished changes in the file, read as another process would. */
static guint
count_unfinished (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *statement = NULL;
  guint         count = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK && sqlite3_prepare_v2 (db, "SELECT count(*) FROM changes WHERE result = 'unfinished'", -1, &statement, NULL) == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (statement, 0);

  sqlite3_finalize (statement);
  sqlite3_close (db);
  return count;
}

static void
request_arrived (const char *method,
                 const char *path,
                 gpointer    user_data)
{
  Fixture *fixture = user_data;
  guint    unfinished;

  if (g_str_equal (method, "GET") || g_str_equal (path, "/bim/apikey/authenticate"))
    return;

  unfinished = count_unfinished (fixture->path);

  g_mutex_lock (&fixture->lock);
  fixture->n_writes_arrived++;
  if (unfinished == 0)
    fixture->n_writes_without_entry++;
  fixture->n_unfinished_on_arrival = MAX (fixture->n_unfinished_on_arrival, unfinished);
  g_mutex_unlock (&fixture->lock);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_mutex_init (&fixture->lock);
  fixture->server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  fixture->proxy = steward_test_proxy_new (fixture->server, request_arrived, fixture);
  fixture->directory = g_dir_make_tmp ("steward-journal-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->directory, "data", "journal.sqlite", NULL);
  fixture->journal = steward_journal_new (fixture->path, STEWARD_JOURNAL_DEFAULT_RETENTION_DAYS);
  fixture->client = steward_client_new (steward_test_proxy_get_url (fixture->proxy), fixture->server->admin_api_key);
  steward_client_set_recorder (fixture->client, STEWARD_CHANGE_RECORDER (fixture->journal), SERVER_NAME);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->journal);
  g_clear_pointer (&fixture->proxy, steward_test_proxy_free);
  g_clear_pointer (&fixture->server, steward_test_server_free);
  remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
  g_mutex_clear (&fixture->lock);
}

static GListModel *
query (StewardJournal             *journal,
       const StewardJournalFilter *filter)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *changes;

  steward_journal_query_async (journal, filter, NULL, model_test_store_result_cb, &result);
  changes = steward_journal_query_finish (journal, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return changes;
}

static StewardChange *
newest (StewardJournal *journal)
{
  g_autoptr (GListModel) changes = query (journal, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (changes), >, 0);
  return g_list_model_get_item (changes, 0);
}

static StewardUser *
finish_user (StewardClient *client,
             GAsyncResult **slot,
             StewardUser *(*finish) (StewardClient *, GAsyncResult *, GError **),
             GError **error)
{
  return finish (client, model_test_wait_result (slot), error);
}

static StewardUser *
create_user (Fixture    *fixture,
             const char *email,
             const char *password)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_create_user_async (fixture->client, email, "Journal Person", NULL, password, NULL,
                                    model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_create_user_finish, &error);
  g_assert_no_error (error);
  return user;
}

static char *
admin_actor (Fixture *fixture)
{
  g_autoptr (JsonNode) me = model_test_get (fixture->server, "/bim/rpc/user/current");
  JsonObject *object = json_node_get_object (me);

  return g_strdup_printf ("%s:%s", json_object_get_string_member (object, "iamid"),
                          json_object_get_string_member (object, "userid"));
}

static void
assert_done (StewardChange    *change,
             StewardChangeKind kind,
             const char       *actor,
             const char       *proxy_url)
{
  g_assert_cmpint (steward_change_get_kind (change), ==, kind);
  g_assert_cmpint (steward_change_get_result (change), ==, STEWARD_CHANGE_DONE);
  g_assert_cmpint (steward_change_get_id (change), >, 0);
  g_assert_cmpstr (steward_change_get_server (change), ==, SERVER_NAME);
  g_assert_cmpstr (steward_change_get_server_url (change), ==, proxy_url);
  g_assert_cmpstr (steward_change_get_actor (change), ==, actor);
  g_assert_nonnull (steward_change_get_finished_time (change));
  g_assert_null (steward_change_get_error_code (change));
}

static void
test_every_write (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (StewardUser) created = create_user (fixture, "jo@example.com", NULL);
  g_autofree char *actor = admin_actor (fixture);
  const char      *url = steward_test_proxy_get_url (fixture->proxy);
  const char      *set[] = { "AUDIT", "GOVERNANCE", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (StewardChange) change = NULL;
  gboolean deleted;

  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_CREATE, actor, url);
  g_assert_cmpstr (steward_change_get_userid (change), ==, "jo@example.com");
  g_assert_cmpstr (steward_change_get_detail (change), ==, "Journal Person");
  g_assert_null (steward_change_get_before (change));
  g_assert_cmpstr (steward_user_get_userid (steward_change_get_after (change)), ==, "jo@example.com");
  g_clear_object (&change);

  steward_client_add_permission_async (fixture->client, "bim", "jo@example.com", "GOVERNANCE", NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_add_permission_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_GRANT, actor, url);
  g_assert_cmpstr (steward_change_get_detail (change), ==, "GOVERNANCE");
  g_assert_false (g_strv_contains (steward_user_get_permissions (steward_change_get_before (change)), "GOVERNANCE"));
  g_assert_true (g_strv_contains (steward_user_get_permissions (steward_change_get_after (change)), "GOVERNANCE"));
  g_clear_object (&change);
  g_clear_object (&user);
  g_clear_object (&result);

  steward_client_remove_permission_async (fixture->client, "bim", "jo@example.com", "CREATE_PROJECT", NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_remove_permission_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_REMOVE, actor, url);
  g_assert_true (g_strv_contains (steward_user_get_permissions (steward_change_get_before (change)), "CREATE_PROJECT"));
  g_assert_false (g_strv_contains (steward_user_get_permissions (steward_change_get_after (change)), "CREATE_PROJECT"));
  g_clear_object (&change);
  g_clear_object (&user);
  g_clear_object (&result);

  steward_client_set_permissions_async (fixture->client, "bim", "jo@example.com", set, NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_set_permissions_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_SET_PERMISSIONS, actor, url);
  g_assert_cmpstr (steward_change_get_detail (change), ==, "AUDIT, GOVERNANCE");
  g_clear_object (&change);
  g_clear_object (&user);
  g_clear_object (&result);

  steward_client_set_disabled_async (fixture->client, "bim", "jo@example.com", TRUE, NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_set_disabled_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_DISABLE, actor, url);
  g_assert_false (steward_user_get_disabled (steward_change_get_before (change)));
  g_assert_true (steward_user_get_disabled (steward_change_get_after (change)));
  g_clear_object (&change);
  g_clear_object (&user);
  g_clear_object (&result);

  steward_client_set_disabled_async (fixture->client, "bim", "jo@example.com", FALSE, NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_set_disabled_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_ENABLE, actor, url);
  g_assert_true (steward_user_get_disabled (steward_change_get_before (change)));
  g_assert_false (steward_user_get_disabled (steward_change_get_after (change)));
  g_clear_object (&change);
  g_clear_object (&user);
  g_clear_object (&result);

  steward_client_migrate_user_async (fixture->client, "bim", "jo@example.com", "okta", "jo", NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_migrate_user_finish, &error);
  g_assert_no_error (error);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_MIGRATE, actor, url);
  g_assert_cmpstr (steward_change_get_detail (change), ==, "okta:jo");
  g_assert_cmpstr (steward_user_get_iamid (steward_change_get_before (change)), ==, "bim");
  g_assert_cmpstr (steward_user_get_iamid (steward_change_get_after (change)), ==, "okta");
  g_clear_object (&change);
  g_clear_object (&result);

  steward_client_delete_user_async (fixture->client, "okta", "jo", NULL, model_test_store_result_cb, &result);
  deleted = steward_client_delete_user_finish (fixture->client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (deleted);
  change = newest (fixture->journal);
  assert_done (change, STEWARD_CHANGE_DELETE, actor, url);
  g_assert_cmpint (steward_user_get_id (steward_change_get_before (change)), ==, steward_user_get_id (created));
  g_assert_null (steward_change_get_after (change));
  g_clear_object (&change);

  /* Each write found its own change in the file, and only it, unfinished. */
  g_mutex_lock (&fixture->lock);
  g_assert_cmpuint (fixture->n_writes_arrived, ==, 8);
  g_assert_cmpuint (fixture->n_writes_without_entry, ==, 0);
  g_assert_cmpuint (fixture->n_unfinished_on_arrival, ==, 1);
  g_mutex_unlock (&fixture->lock);
  g_assert_cmpuint (count_unfinished (fixture->path), ==, 0);

  changes = query (fixture->journal, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 8);
}

static void
test_refusal (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (StewardChange) change = NULL;

  steward_client_add_permission_async (fixture->client, "bim", "nobody@example.com", "AUDIT", NULL, model_test_store_result_cb, &result);
  user = finish_user (fixture->client, &result, steward_client_add_permission_finish, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);

  change = newest (fixture->journal);
  g_assert_cmpint (steward_change_get_kind (change), ==, STEWARD_CHANGE_GRANT);
  g_assert_cmpint (steward_change_get_result (change), ==, STEWARD_CHANGE_FAILED);
  g_assert_cmpstr (steward_change_get_error_code (change), ==, "not-found");
  g_assert_cmpuint (steward_change_get_status (change), ==, 404);
  g_assert_cmpstr (steward_change_get_message (change), ==, error->message);
  g_assert_null (steward_change_get_before (change));
  g_assert_null (steward_change_get_after (change));
}

static void
test_not_recorded_not_sent (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (fixture->directory, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "journal.sqlite", NULL);
  g_autoptr (StewardJournal) broken = steward_journal_new (path, 30);
  g_autoptr (StewardUser) user = create_user (fixture, "kim@example.com", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) disabled = NULL;
  g_autoptr (JsonNode) reply = NULL;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  steward_client_set_recorder (fixture->client, STEWARD_CHANGE_RECORDER (broken), SERVER_NAME);

  steward_client_set_disabled_async (fixture->client, "bim", "kim@example.com", TRUE, NULL, model_test_store_result_cb, &result);
  disabled = finish_user (fixture->client, &result, steward_client_set_disabled_finish, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not sent"));
  g_assert_null (disabled);

  /* The create went out; the disable never did. */
  g_mutex_lock (&fixture->lock);
  g_assert_cmpuint (fixture->n_writes_arrived, ==, 1);
  g_mutex_unlock (&fixture->lock);
  reply = model_test_get (fixture->server, "/bim/iam/bim/user/kim%40example.com");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (reply), "disabled"));
}

static void
record_at (StewardJournal *journal,
           GDateTime      *time,
           const char     *userid)
{
  g_autoptr (StewardChange) change = steward_change_new (STEWARD_CHANGE_DISABLE, "bim", userid, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  steward_change_set_time (change, time);
  steward_change_set_server (change, SERVER_NAME, "http://127.0.0.1:1");
  steward_change_recorder_record_async (STEWARD_CHANGE_RECORDER (journal), change, model_test_store_result_cb, &result);
  g_assert_true (steward_change_recorder_record_finish (STEWARD_CHANGE_RECORDER (journal), model_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static guint
count_in (const char *path,
          guint       retention_days)
{
  g_autoptr (StewardJournal) journal = steward_journal_new (path, retention_days);
  g_autoptr (GListModel) changes = query (journal, NULL);

  return g_list_model_get_n_items (changes);
}

static void
test_retention (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) long_ago = g_date_time_add_days (now, -400);
  g_autoptr (GDateTime) recently = g_date_time_add_days (now, -10);

  record_at (fixture->journal, long_ago, "old@example.com");
  record_at (fixture->journal, recently, "recent@example.com");
  g_clear_object (&fixture->journal);

  /* 0 keeps everything; each open prunes by its own retention. */
  g_assert_cmpuint (count_in (fixture->path, 0), ==, 2);
  g_assert_cmpuint (count_in (fixture->path, 365), ==, 1);
  g_assert_cmpuint (count_in (fixture->path, 0), ==, 1);
  g_assert_cmpuint (count_in (fixture->path, 5), ==, 0);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file holds NULs: search it byte by byte. */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    {
      if (memcmp (contents + i, needle, strlen (needle)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_no_secrets (Fixture      *fixture,
                 gconstpointer data)
{
  const char *password = "Correct-Horse-Battery-42";
  g_autoptr (StewardUser) user = create_user (fixture, "lee@example.com", password);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr (StewardChange) change = newest (fixture->journal);
  struct stat info;

  /* The change is there, with the user, in the file… */
  g_assert_cmpstr (steward_change_get_userid (change), ==, "lee@example.com");
  g_assert_true (file_contains (fixture->path, "lee@example.com") || file_contains (wal, "lee@example.com"));

  /* …but neither the password nor the key, and only its owner reads it. */
  g_assert_false (file_contains (fixture->path, password));
  g_assert_false (file_contains (wal, password));
  g_assert_false (file_contains (fixture->path, fixture->server->admin_api_key));
  g_assert_false (file_contains (wal, fixture->server->admin_api_key));

  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
}

static void
test_runs_and_filters (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (StewardUser) first = create_user (fixture, "ana@example.com", NULL);
  g_autoptr (StewardUser) second = create_user (fixture, "ben@example.com", NULL);
  g_autoptr (GCancellable) run = g_cancellable_new ();
  g_autofree char *run_id = steward_change_new_run_id ();
  g_autoptr (StewardJournalFilter) filter = steward_journal_filter_new ();
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;
  g_autoptr (StewardChange) latest = NULL;
  const char *userids[] = { "ana@example.com", "ben@example.com" };

  /* A bulk disable of two users, and one failure in it. */
  steward_change_set_run_for_cancellable (run, run_id);
  for (guint i = 0; i < G_N_ELEMENTS (userids) + 1; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardUser) user = NULL;

      steward_client_set_disabled_async (fixture->client, "bim", i < G_N_ELEMENTS (userids) ? userids[i] : "gone@example.com",
                                         TRUE, run, model_test_store_result_cb, &result);
      user = finish_user (fixture->client, &result, steward_client_set_disabled_finish, &error);
    }

  filter->kind = STEWARD_CHANGE_DISABLE;
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (StewardChange) change = g_list_model_get_item (changes, i);

      g_assert_cmpstr (steward_change_get_run_id (change), ==, run_id);
    }
  g_clear_object (&changes);

  filter->result = STEWARD_CHANGE_FAILED;
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  g_clear_object (&changes);

  filter->kind = -1;
  filter->result = -1;
  filter->text = g_strdup ("BEN@");
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  g_clear_object (&changes);

  filter->server = g_strdup ("Another Server");
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_clear_object (&changes);

  g_clear_pointer (&filter->server, g_free);
  g_clear_pointer (&filter->text, g_free);
  latest = newest (fixture->journal);
  tomorrow = g_date_time_add_days (steward_change_get_time (latest), 1);
  filter->since = g_date_time_ref (tomorrow);
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_clear_object (&changes);

  g_clear_pointer (&filter->since, g_date_time_unref);
  filter->limit = 2;
  changes = query (fixture->journal, filter);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
}

/* What the application does: every session it connects records. */
static void
test_sessions_record (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (StewardProfile) profile = steward_profile_new ("journal-profile", "Production", steward_test_proxy_get_url (fixture->proxy));
  g_autoptr (StewardUser) user = create_user (fixture, "sam@example.com", NULL);
  g_autoptr (GAsyncResult) connected = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardSession) session = NULL;
  g_autoptr (StewardUser) disabled = NULL;
  g_autoptr (StewardChange) change = NULL;
  g_autoptr (GError) error = NULL;

  steward_session_set_default_recorder (STEWARD_CHANGE_RECORDER (fixture->journal));
  steward_session_connect_async (profile, fixture->server->admin_api_key, NULL, model_test_store_result_cb, &connected);
  session = steward_session_connect_finish (model_test_wait_result (&connected), &error);
  steward_session_set_default_recorder (NULL);
  g_assert_no_error (error);

  steward_client_set_disabled_async (steward_session_get_client (session), "bim", "sam@example.com", TRUE, NULL,
                                     model_test_store_result_cb, &result);
  disabled = finish_user (steward_session_get_client (session), &result, steward_client_set_disabled_finish, &error);
  g_assert_no_error (error);

  change = newest (fixture->journal);
  g_assert_cmpint (steward_change_get_kind (change), ==, STEWARD_CHANGE_DISABLE);
  g_assert_cmpstr (steward_change_get_server (change), ==, "Production");
  g_assert_cmpint (steward_change_get_result (change), ==, STEWARD_CHANGE_DONE);
}

int
main (int    argc,
      char **argv)
{
  model_test_init (&argc, &argv);

  g_test_add ("/journal/every-write", Fixture, NULL, fixture_set_up, test_every_write, fixture_tear_down);
  g_test_add ("/journal/refusal", Fixture, NULL, fixture_set_up, test_refusal, fixture_tear_down);
  g_test_add ("/journal/not-recorded-not-sent", Fixture, NULL, fixture_set_up, test_not_recorded_not_sent, fixture_tear_down);
  g_test_add ("/journal/retention", Fixture, NULL, fixture_set_up, test_retention, fixture_tear_down);
  g_test_add ("/journal/no-secrets", Fixture, NULL, fixture_set_up, test_no_secrets, fixture_tear_down);
  g_test_add ("/journal/runs-and-filters", Fixture, NULL, fixture_set_up, test_runs_and_filters, fixture_tear_down);

  g_test_add ("/journal/sessions-record", Fixture, NULL, fixture_set_up, test_sessions_record, fixture_tear_down);

  return g_test_run ();
}
