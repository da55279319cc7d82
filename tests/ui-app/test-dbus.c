/* test-dbus.c
 *
 * The running application over the private session bus, called from a
 * connection of its own as a script would: io.github.stewardapp.Steward1
 * lists what the server lists, its writes change the server as the
 * window's buttons do and land in the change journal, a dry run changes
 * nothing, unknown, ambiguous and ill-formed names and a window without
 * a server are named errors; app.show-user and app.new-user, through
 * org.gtk.Actions, show the user page and the New User dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dbus-service.h"
#include "steward-new-user-dialog.h"
#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

typedef struct
{
  StewardTestServer *server;
  StewardWindow     *window;
  StewardSession    *admin; /* a second session, to read the server */
  GDBusConnection   *bus;   /* the script's own connection */
  const char        *app_name;
  const char        *app_path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  GApplication    *application = G_APPLICATION (app_test_application);
  g_autofree char *address = NULL;
  g_autoptr (GError) error = NULL;
  gboolean connect = GPOINTER_TO_INT (data);

  fixture->server = steward_test_server_start ("--demo", "60", "--iam", "okta:Okta", NULL);
  fixture->admin = steward_test_ui_connect (fixture->server);
  fixture->window = app_test_open_window ();
  if (connect)
    app_test_connect_through_dialog (fixture->window, fixture->server, "D-Bus Demo", NULL);

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->bus = g_dbus_connection_new_for_address_sync (address,
                                                         G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                         NULL, NULL, &error);
  g_assert_no_error (error);
  /* The tests run the application unregistered as a unique name, so it
   * is reached on its connection's own name. */
  fixture->app_name = g_dbus_connection_get_unique_name (g_application_get_dbus_connection (application));
  fixture->app_path = g_application_get_dbus_object_path (application);
  g_assert_cmpstr (fixture->app_path, ==, "/io/github/stewardapp/Steward");
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_dbus_connection_close_sync (fixture->bus, NULL, NULL);
  g_clear_object (&fixture->bus);
  app_test_close_window (fixture->window);
  g_clear_object (&fixture->admin);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* ------------------------------------------------------------------ */
/* Calling                                                             */
/* ------------------------------------------------------------------ */

static GVariant *
call (Fixture    *fixture,
      const char *interface,
      const char *method,
      GVariant   *parameters,
      const char *reply_type,
      GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_dbus_connection_call (fixture->bus, fixture->app_name, fixture->app_path, interface, method, parameters,
                          reply_type != NULL ? G_VARIANT_TYPE (reply_type) : NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          steward_test_ui_store_result_cb, &result);
  return g_dbus_connection_call_finish (fixture->bus, steward_test_ui_wait_for_result (&result), error);
}

/* A write; returns whether it (would have) changed the server and the
 * row after it. */
static gboolean
write_user (Fixture    *fixture,
            const char *method,
            GVariant   *parameters,
            GVariant  **after)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = call (fixture, STEWARD_DBUS_INTERFACE, method, parameters, "(b(ssssas)(ssssas))", &error);
  gboolean changed = FALSE;

  g_assert_no_error (error);
  g_variant_get (reply, "(b*@(ssssas))", &changed, NULL, after);
  return changed;
}

static void
assert_dbus_error (const GError *error,
                   const char   *name)
{
  g_autofree char *remote = NULL;
  g_autofree char *wanted = g_strconcat (STEWARD_DBUS_ERROR_PREFIX, name, NULL);

  g_assert_nonnull (error);
  remote = g_dbus_error_get_remote_error (error);
  g_assert_cmpstr (remote, ==, wanted);
}

static gboolean
row_has_permission (GVariant   *row,
                    const char *permission)
{
  g_autofree const char **permissions = NULL;

  g_variant_get_child (row, 4, "^a&s", &permissions);
  return g_strv_contains (permissions, permission);
}

static const char *
row_status (GVariant *row)
{
  const char *status = NULL;

  g_variant_get_child (row, 3, "&s", &status);
  return status;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

/* Each row as the server has the user, in the server's order. */
static void
assert_rows_match (Fixture    *fixture,
                   const char *search,
                   guint       offset,
                   guint       limit)
{
  StewardClient *client = steward_session_get_client (fixture->admin);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) rows = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *users;

  query->offset = offset;
  query->size = limit;
  query->include_disabled = TRUE;
  query->sort_field = STEWARD_USER_SORT_NAME;
  query->search_text = search[0] != '\0' ? g_strdup (search) : NULL;
  steward_client_list_users_async (client, query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_users_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  users = steward_page_result_get_items (page);

  reply = call (fixture, STEWARD_DBUS_INTERFACE, "ListUsers", g_variant_new ("(suu)", search, offset, limit), "(a(ssssas))", &error);
  g_assert_no_error (error);
  rows = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (rows), ==, g_list_model_get_n_items (users));
  g_assert_cmpuint (g_variant_n_children (rows), >, 0);

  for (guint i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      g_autoptr (GVariant) row = g_variant_get_child_value (rows, i);
      const char             *userid, *name, *email, *status;
      g_autofree const char **permissions = NULL;

      g_variant_get (row, "(&s&s&s&s^a&s)", &userid, &name, &email, &status, &permissions);
      g_assert_cmpstr (userid, ==, steward_user_get_userid (user));
      g_assert_cmpstr (name, ==, steward_user_get_name (user));
      g_assert_cmpstr (email, ==, steward_user_get_email (user));
      g_assert_cmpstr (status, ==, steward_user_get_disabled (user) ? "disabled" : "active");
      g_assert_true (g_strv_equal (permissions, steward_user_get_permissions (user)));
    }
}

static void
test_list_users (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  assert_rows_match (fixture, "", 0, 25);
  assert_rows_match (fixture, "", 25, 10);
  assert_rows_match (fixture, "example", 0, 5);

  reply = call (fixture, STEWARD_DBUS_INTERFACE, "ListUsers", g_variant_new ("(suu)", "", 0, 0), NULL, &error);
  g_assert_null (reply);
  assert_dbus_error (error, "Invalid");
}

static void
test_writes_change_the_server (Fixture      *fixture,
                               gconstpointer data)
{
  const char *userid = "scripted@example.com";
  g_autoptr (StewardUser) created = steward_test_ui_create_user (fixture->admin, userid, "Scripted User", NULL);
  g_autoptr (StewardUser) user = steward_test_ui_fetch_user (fixture->admin, "bim", userid);
  g_autoptr (GVariant) after = NULL;
  g_autoptr (GListModel) before_changes = app_test_journal_changes (userid);
  g_autoptr (GListModel) after_dry_runs = NULL;

  g_assert_false (steward_user_has_permission (user, "GOVERNANCE"));
  g_assert_false (steward_user_get_disabled (user));

  /* A dry run says what would change and sends nothing. */
  g_assert_true (write_user (fixture, "Grant", g_variant_new ("(ssb)", userid, "GOVERNANCE", TRUE), &after));
  g_assert_true (row_has_permission (after, "GOVERNANCE"));
  g_clear_pointer (&after, g_variant_unref);
  g_assert_true (write_user (fixture, "Disable", g_variant_new ("(sb)", userid, TRUE), &after));
  g_assert_cmpstr (row_status (after), ==, "disabled");
  g_clear_pointer (&after, g_variant_unref);
  g_clear_object (&user);
  user = steward_test_ui_fetch_user (fixture->admin, "bim", userid);
  g_assert_false (steward_user_has_permission (user, "GOVERNANCE"));
  g_assert_false (steward_user_get_disabled (user));
  after_dry_runs = app_test_journal_changes (userid);
  g_assert_cmpuint (g_list_model_get_n_items (after_dry_runs), ==, g_list_model_get_n_items (before_changes));

  /* For real: the server, the journal and the window follow. */
  steward_window_put_on_page (fixture->window, user);
  g_assert_true (write_user (fixture, "Grant", g_variant_new ("(ssb)", userid, "GOVERNANCE", FALSE), &after));
  g_assert_true (row_has_permission (after, "GOVERNANCE"));
  g_clear_pointer (&after, g_variant_unref);
  app_test_wait_for_server (fixture->admin, user, "GOVERNANCE", TRUE);
  app_test_wait_for_journal (userid, STEWARD_CHANGE_GRANT);
  g_assert_true (steward_user_has_permission (steward_user_page_get_user (fixture->window->user_page), "GOVERNANCE"));

  /* Granting what they hold changes nothing. */
  g_assert_false (write_user (fixture, "Grant", g_variant_new ("(ssb)", userid, "GOVERNANCE", FALSE), &after));
  g_clear_pointer (&after, g_variant_unref);

  g_assert_true (write_user (fixture, "Disable", g_variant_new ("(sb)", userid, FALSE), &after));
  g_assert_cmpstr (row_status (after), ==, "disabled");
  g_clear_pointer (&after, g_variant_unref);
  app_test_wait_for_server (fixture->admin, user, NULL, TRUE);
  app_test_wait_for_journal (userid, STEWARD_CHANGE_DISABLE);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "disable-user"));

  g_assert_true (write_user (fixture, "Enable", g_variant_new ("(sb)", userid, FALSE), &after));
  g_clear_pointer (&after, g_variant_unref);
  app_test_wait_for_server (fixture->admin, user, NULL, FALSE);

  g_assert_true (write_user (fixture, "Remove", g_variant_new ("(ssb)", userid, "GOVERNANCE", FALSE), &after));
  g_assert_false (row_has_permission (after, "GOVERNANCE"));
  app_test_wait_for_server (fixture->admin, user, "GOVERNANCE", FALSE);
  app_test_wait_for_journal (userid, STEWARD_CHANGE_REMOVE);
  g_clear_pointer (&after, g_variant_unref);

  /* Another user's USER_ADMIN, while the caller keeps theirs, goes. */
  g_assert_true (write_user (fixture, "Grant", g_variant_new ("(ssb)", userid, "USER_ADMIN", FALSE), &after));
  g_clear_pointer (&after, g_variant_unref);
  g_assert_true (write_user (fixture, "Remove", g_variant_new ("(ssb)", userid, "USER_ADMIN", FALSE), &after));
  app_test_wait_for_server (fixture->admin, user, "USER_ADMIN", FALSE);
}

static void
test_named_errors (Fixture      *fixture,
                   gconstpointer data)
{
  StewardClient *client = steward_session_get_client (fixture->admin);
  g_autoptr (StewardUser) first = steward_test_ui_create_user (fixture->admin, "twice@example.com", "Twice One", NULL);
  g_autoptr (StewardUser) migrated = NULL;
  g_autoptr (StewardUser) second = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Disable", g_variant_new ("(sb)", "nobody@nowhere.example", FALSE), NULL, &error);
  g_assert_null (reply);
  assert_dbus_error (error, "UnknownUser");
  g_assert_nonnull (strstr (error->message, "nobody@nowhere.example"));
  g_clear_error (&error);

  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Grant", g_variant_new ("(ssb)", "twice@example.com", "not a permission", FALSE), NULL, &error);
  assert_dbus_error (error, "Invalid");
  g_clear_error (&error);

  /* The server's own refusal, in its words. */
  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Disable", g_variant_new ("(sb)", "admin@localhost", FALSE), NULL, &error);
  assert_dbus_error (error, "Invalid");
  g_assert_nonnull (strstr (error->message, "your own account"));
  g_clear_error (&error);

  /* What the window would ask about first is refused to a script. */
  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Remove", g_variant_new ("(ssb)", "admin@localhost", "USER_ADMIN", FALSE), NULL, &error);
  assert_dbus_error (error, "Refused");
  g_clear_error (&error);
  g_assert_true (steward_session_get_can_manage_users (fixture->window->session));

  /* The same userid in two identity managers. */
  steward_client_migrate_user_async (client, "bim", "twice@example.com", "okta", "twice@example.com", NULL, steward_test_ui_store_result_cb, &result);
  migrated = steward_client_migrate_user_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  second = steward_test_ui_create_user (fixture->admin, "twice@example.com", "Twice Two", NULL);
  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Disable", g_variant_new ("(sb)", "twice@example.com", TRUE), NULL, &error);
  assert_dbus_error (error, "AmbiguousUser");
  g_assert_nonnull (strstr (error->message, "okta:twice@example.com"));
}

static void
test_no_session (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  g_assert_null (steward_window_get_session (fixture->window));
  reply = call (fixture, STEWARD_DBUS_INTERFACE, "ListUsers", g_variant_new ("(suu)", "", 0, 10), NULL, &error);
  g_assert_null (reply);
  assert_dbus_error (error, "NoSession");
  g_clear_error (&error);
  reply = call (fixture, STEWARD_DBUS_INTERFACE, "Disable", g_variant_new ("(sb)", "admin@localhost", TRUE), NULL, &error);
  assert_dbus_error (error, "NoSession");
}

static void
activate_remote (Fixture    *fixture,
                 const char *action,
                 GVariant   *parameter)
{
  GVariantBuilder parameters;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);
  reply = call (fixture, "org.gtk.Actions", "Activate", g_variant_new ("(sava{sv})", action, &parameters, NULL), NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  StewardWindow *window;
  const char    *userid;
} PageWait;

static gboolean
page_shows (gpointer data)
{
  PageWait    *wait = data;
  StewardUser *user = steward_user_page_get_user (wait->window->user_page);

  return user != NULL && g_strcmp0 (steward_user_get_userid (user), wait->userid) == 0;
}

static const char *
profile_name (StewardWindow *window)
{
  StewardSession *session = steward_window_get_session (window);

  return session != NULL ? steward_profile_get_name (steward_session_get_profile (session)) : NULL;
}

static gboolean
shows_second_server (gpointer window)
{
  return g_strcmp0 (profile_name (window), "Second Server") == 0;
}

static void
test_application_actions (Fixture      *fixture,
                          gconstpointer data)
{
  g_autofree char *userid = app_test_find_holder (fixture->admin, "CREATE_PROJECT");
  PageWait         wait = { fixture->window, userid };
  GtkWidget       *dialog;
  StewardProfiles *profiles = steward_application_get_profiles (app_test_application);
  g_autoptr (StewardTestServer) second = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardProfile *profile;

  g_assert_null (steward_user_page_get_user (fixture->window->user_page));
  activate_remote (fixture, "show-user", g_variant_new_string (userid));
  steward_test_ui_wait_until (page_shows, &wait);

  activate_remote (fixture, "new-user", NULL);
  steward_test_ui_drain ();
  dialog = app_test_find_toplevel (STEWARD_TYPE_NEW_USER_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A second server profile, its key in the keyring, switched to by its
   * name. */
  second = steward_test_server_start ("--demo", "5", NULL);
  profile = steward_profiles_add (profiles, "Second Server", second->base_url, NULL, NULL, &error);
  g_assert_no_error (error);
  steward_profiles_store_api_key_async (profiles, profile, second->admin_api_key, NULL, steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_profiles_store_api_key_finish (profiles, steward_test_ui_wait_for_result (&result), &error));
  g_assert_no_error (error);
  activate_remote (fixture, "switch-server", g_variant_new_string ("Second Server"));
  steward_test_ui_wait_until (shows_second_server, fixture->window);
  steward_test_ui_wait_until (app_test_window_connected, fixture->window);
  g_assert_cmpstr (steward_client_get_base_url (steward_session_get_client (steward_window_get_session (fixture->window))), ==, second->base_url);
}

int
main (int   argc,
      char *argv[])
{

  if (!app_test_init (&argc, &argv))
    return 77;

  /* Connecting stores the key in the keyring. */
  if (steward_test_require_keyring ())
    {
      g_test_add ("/ui/dbus/list-users", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_list_users, fixture_tear_down);
      g_test_add ("/ui/dbus/writes-change-the-server", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_writes_change_the_server, fixture_tear_down);
      g_test_add ("/ui/dbus/named-errors", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_named_errors, fixture_tear_down);
      g_test_add ("/ui/dbus/application-actions", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_application_actions, fixture_tear_down);
    }
  g_test_add ("/ui/dbus/no-session", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_no_session, fixture_tear_down);

  return app_test_run ();
}
