/* test-window-changes.c
 *
 * The changes made straight from the user page, against a real
 * steward-server: removing a permission and undoing it, disabling (after
 * confirming) and undoing it, the guard on your own USER_ADMIN, and
 * nobody disabling themselves, and disabling an account found through
 * Dormant Accounts. Each step is checked on the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change-journal-dialog.h"
#include "steward-dormant-dialog.h"
#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

typedef struct
{
  StewardTestServer *server;
  StewardWindow     *window;
  StewardSession    *admin; /* a second session, to read the server */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start ("--demo", "60", NULL);
  fixture->admin = steward_test_ui_connect (fixture->server);
  fixture->window = app_test_open_window ();
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  app_test_close_window (fixture->window);
  g_clear_object (&fixture->admin);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* Searches the directory for @userid and puts that user on the page. */
static StewardUser *
show_user (Fixture    *fixture,
           const char *userid)
{
  StewardWindow *window = fixture->window;
  StewardUser   *user;

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), userid);
  steward_test_ui_wait_until (app_test_search_applied, window);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->directory)); i++)
    {
      g_autoptr (StewardUser) item = g_list_model_get_item (G_LIST_MODEL (window->directory), i);

      if (g_strcmp0 (steward_user_get_userid (item), userid) == 0)
        app_test_select_row (window, i);
    }
  user = steward_user_page_get_user (window->user_page);
  g_assert_nonnull (user);
  g_assert_cmpstr (steward_user_get_userid (user), ==, userid);
  return user;
}

static void
wait_for_server (Fixture     *fixture,
                 StewardUser *user,
                 const char  *permission,
                 gboolean     expected)
{
  app_test_wait_for_server (fixture->admin, user, permission, expected);
}

static gboolean
undo_offered (gpointer window)
{
  return steward_test_ui_find_button (window, "Undo") != NULL;
}

static void
click_undo (StewardWindow *window)
{
  steward_test_ui_wait_until (undo_offered, window);
  steward_test_ui_click (steward_test_ui_find_button (GTK_WIDGET (window), "Undo"));
}

static char *
find_holder (Fixture    *fixture,
             const char *permission)
{
  return app_test_find_holder (fixture->admin, permission);
}

static void
test_remove_permission_and_undo (Fixture      *fixture,
                                 gconstpointer data)
{
  StewardWindow   *window = fixture->window;
  g_autofree char *userid = NULL;
  g_autofree char *label = NULL;
  StewardUser     *user;

  StewardUsageCounter *counter = steward_application_get_usage_counter (app_test_application);

  app_test_connect_through_dialog (window, fixture->server, "Demo", NULL);
  userid = find_holder (fixture, "CREATE_PROJECT");
  user = show_user (fixture, userid);

  /* Opted in to usage counts from the primary menu's toggle. */
  g_assert_false (steward_usage_counter_get_enabled (counter));
  g_action_group_activate_action (G_ACTION_GROUP (app_test_application), "send-usage-counts", NULL);
  g_assert_true (steward_usage_counter_get_enabled (counter));

  /* The remove button is named for its permission. */
  label = g_strdup_printf ("Remove %s", "CREATE_PROJECT");
  g_assert_nonnull (steward_test_ui_find_by_accessible_name (GTK_WIDGET (window->user_page), label));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-permission", "s", "CREATE_PROJECT"));
  wait_for_server (fixture, user, "CREATE_PROJECT", FALSE);
  steward_test_ui_wait_until (undo_offered, window);
  g_assert_false (steward_user_has_permission (user, "CREATE_PROJECT"));
  g_assert_null (steward_test_ui_find_row (GTK_WIDGET (window->user_page), "CREATE_PROJECT"));
  g_assert_cmpuint (steward_usage_counter_get_pending (counter, "remove-permission"), ==, 1);

  click_undo (window);
  wait_for_server (fixture, user, "CREATE_PROJECT", TRUE);
}

static gboolean
user_is_disabled (gpointer user)
{
  return steward_user_get_disabled (user);
}

static void
test_disable_and_undo (Fixture      *fixture,
                       gconstpointer data)
{
  StewardWindow    *window = fixture->window;
  g_autofree char  *userid = NULL;
  AdwMessageDialog *confirm;
  StewardUser      *user;

  app_test_connect_through_dialog (window, fixture->server, "Demo", NULL);
  userid = find_holder (fixture, "CREATE_PROJECT");
  user = show_user (fixture, userid);

  /* Disable asks first; cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.disable-user", NULL));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  steward_test_ui_drain ();
  wait_for_server (fixture, user, NULL, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.disable-user", NULL));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "confirm");
  wait_for_server (fixture, user, NULL, TRUE);
  steward_test_ui_wait_until (user_is_disabled, user);

  /* Hidden from the directory, which lists active users only; the page
   * now offers Enable instead. */
  steward_test_ui_wait_until (app_test_directory_settled, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->directory)), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "disable-user"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "enable-user"));

  click_undo (window);
  wait_for_server (fixture, user, NULL, FALSE);
  steward_test_ui_wait_until (app_test_directory_settled, window);
}

static void
test_own_account_guards (Fixture      *fixture,
                         gconstpointer data)
{
  StewardWindow    *window = fixture->window;
  AdwMessageDialog *confirm;
  StewardUser      *self_user;

  app_test_connect_through_dialog (window, fixture->server, "Demo", NULL);
  self_user = show_user (fixture, "admin@localhost");

  /* Nobody disables themselves. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "disable-user"));

  /* Removing your own USER_ADMIN asks; cancelling keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-permission", "s", "USER_ADMIN"));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  steward_test_ui_drain ();
  wait_for_server (fixture, self_user, "USER_ADMIN", TRUE);
  g_assert_true (steward_session_get_can_manage_users (window->session));
}

static gboolean
dormant_settled (gpointer dialog)
{
  return !steward_dormant_dialog_get_loading (dialog) && steward_dormant_dialog_get_n_shown (dialog) > 0;
}

/* From the primary menu's Dormant Accounts to a disabled account. */
static void
test_disable_dormant_account (Fixture      *fixture,
                              gconstpointer data)
{
  StewardWindow        *window = fixture->window;
  StewardDormantDialog *dialog;
  GtkListBox           *list;
  AdwMessageDialog     *confirm;
  StewardUser          *user;

  app_test_connect_through_dialog (window, fixture->server, "Demo", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dormant-accounts", NULL));
  dialog = app_test_find_toplevel (STEWARD_TYPE_DORMANT_DIALOG);
  g_assert_nonnull (dialog);
  steward_test_ui_wait_until (dormant_settled, dialog);

  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), STEWARD_TYPE_DORMANT_DIALOG, "list_box"));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  user = steward_user_page_get_user (window->user_page);
  g_assert_nonnull (user);
  g_assert_null (steward_user_get_last_login (user));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.disable-user", NULL));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "confirm");
  wait_for_server (fixture, user, NULL, TRUE);
}

static gboolean
journal_settled (gpointer dialog)
{
  return !steward_change_journal_dialog_get_loading (dialog) && g_list_model_get_n_items (steward_change_journal_dialog_get_changes (dialog)) > 0;
}

/* A disable from the window is in the Change Journal of the primary menu,
 * under the profile it was sent to. */
static void
test_change_in_journal (Fixture      *fixture,
                        gconstpointer data)
{
  StewardWindow              *window = fixture->window;
  StewardChangeJournalDialog *dialog;
  AdwMessageDialog           *confirm;
  g_autofree char            *userid = NULL;
  g_autoptr (StewardChange) change = NULL;
  StewardUser *user;
  GtkWidget   *search;

  app_test_connect_through_dialog (window, fixture->server, "Journal Demo", NULL);
  userid = find_holder (fixture, "CREATE_PROJECT");
  user = show_user (fixture, userid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.disable-user", NULL));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "confirm");
  wait_for_server (fixture, user, NULL, TRUE);
  steward_test_ui_wait_until (user_is_disabled, user);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-journal", NULL));
  dialog = app_test_find_toplevel (STEWARD_TYPE_CHANGE_JOURNAL_DIALOG);
  g_assert_nonnull (dialog);
  search = steward_test_ui_find_by_accessible_name (GTK_WIDGET (dialog), "Search Changes");
  gtk_editable_set_text (GTK_EDITABLE (search), userid);
  steward_test_ui_wait_until (journal_settled, dialog);

  change = g_list_model_get_item (steward_change_journal_dialog_get_changes (dialog), 0);
  g_assert_cmpint (steward_change_get_kind (change), ==, STEWARD_CHANGE_DISABLE);
  g_assert_cmpstr (steward_change_get_userid (change), ==, userid);
  g_assert_cmpstr (steward_change_get_server (change), ==, "Journal Demo");
  g_assert_cmpstr (steward_change_get_actor (change), ==, "bim:admin@localhost");
  g_assert_cmpint (steward_change_get_result (change), ==, STEWARD_CHANGE_DONE);
  g_assert_false (steward_user_get_disabled (steward_change_get_before (change)));
  g_assert_true (steward_user_get_disabled (steward_change_get_after (change)));
  gtk_window_destroy (GTK_WINDOW (dialog));
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
      g_test_add ("/ui/changes/remove-permission-and-undo", Fixture, NULL, fixture_set_up, test_remove_permission_and_undo, fixture_tear_down);
      g_test_add ("/ui/changes/disable-and-undo", Fixture, NULL, fixture_set_up, test_disable_and_undo, fixture_tear_down);
      g_test_add ("/ui/changes/own-account-guards", Fixture, NULL, fixture_set_up, test_own_account_guards, fixture_tear_down);
      g_test_add ("/ui/changes/disable-dormant-account", Fixture, NULL, fixture_set_up, test_disable_dormant_account, fixture_tear_down);
      g_test_add ("/ui/changes/change-in-journal", Fixture, NULL, fixture_set_up, test_change_in_journal, fixture_tear_down);
    }

  return app_test_run ();
}
