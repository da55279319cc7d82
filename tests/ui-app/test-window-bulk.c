/* test-window-bulk.c
 *
 * Bulk changes from the real window against a real steward-server: two
 * users Ctrl-clicked in the directory are disabled through the Pending
 * Changes review (nothing sent before Apply, the others untouched), and
 * Select All of a search gets GOVERNANCE through the permission chooser
 * and one review, Remove Permission… and Enable go through the same
 * review; Import Users is in the primary menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-add-permissions-dialog.h"
#include "steward-import-users-dialog.h"
#include "steward-pending-changes-dialog.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

static StewardPendingChangesStage wanted;

static gboolean
review_at_wanted_stage (gpointer user_data)
{
  StewardPendingChangesDialog *dialog = app_test_find_toplevel (STEWARD_TYPE_PENDING_CHANGES_DIALOG);

  return dialog != NULL && steward_pending_changes_dialog_get_stage (dialog) == wanted;
}

static StewardPendingChangesDialog *
wait_for_review (StewardPendingChangesStage stage)
{
  wanted = stage;
  steward_test_ui_wait_until (review_at_wanted_stage, NULL);
  return app_test_find_toplevel (STEWARD_TYPE_PENDING_CHANGES_DIALOG);
}

static gboolean
user_disabled (StewardTestServer *server,
               const char        *email)
{
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_fetch_user (session, "bim", email);

  return steward_user_get_disabled (user);
}

static gboolean
user_holds (StewardTestServer *server,
            const char        *email,
            const char        *permission)
{
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_fetch_user (session, "bim", email);

  return steward_user_has_permission (user, permission);
}

/* Ctrl-clicks the row showing @email. */
static void
ctrl_click (StewardWindow *window,
            const char    *email)
{
  GtkWidget *label = steward_test_ui_find_label (GTK_WIDGET (window->directory_view), email);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (label, "listitem.select", "(bb)", TRUE, FALSE));
}

static gboolean
action_enabled (StewardWindow *window,
                const char    *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

static void
close_review (StewardPendingChangesDialog *review)
{
  gtk_widget_activate_action (GTK_WIDGET (review), "pending.cancel", NULL);
  steward_test_ui_drain ();
}

static void
test_disable_selection (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  StewardWindow               *window;
  StewardUserSelection        *selection;
  StewardPendingChangesDialog *review;

  app_test_create_plain_user (server, "ann@example.com");
  app_test_create_plain_user (server, "bob@example.com");
  app_test_create_plain_user (server, "cat@example.com");

  window = app_test_open_window ();
  app_test_connect_through_dialog (window, server, "Bulk", NULL);
  steward_test_ui_drain ();
  selection = steward_directory_view_get_selection (window->directory_view);
  g_assert_false (action_enabled (window, "bulk-disable"));

  ctrl_click (window, "ann@example.com");
  ctrl_click (window, "cat@example.com");
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 2);
  g_assert_true (action_enabled (window, "bulk-disable"));
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (window), "2 selected"));

  /* The review lists the two; nothing is sent yet. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "bulk-disable", NULL);
  review = wait_for_review (STEWARD_PENDING_CHANGES_REVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steward_pending_changes_dialog_get_plan (review))), ==, 2);
  g_assert_false (user_disabled (server, "ann@example.com"));
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (review), "2 changes to apply, 0 already so, 0 skipped"));

  /* Apply: the two are disabled, Bob is not, the selection ends. */
  gtk_widget_activate_action (GTK_WIDGET (review), "pending.apply", NULL);
  review = wait_for_review (STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_cmpuint (steward_bulk_plan_count (steward_pending_changes_dialog_get_plan (review), STEWARD_BULK_RESULT_DONE), ==, 2);
  g_assert_true (user_disabled (server, "ann@example.com"));
  g_assert_true (user_disabled (server, "cat@example.com"));
  g_assert_false (user_disabled (server, "bob@example.com"));
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 0);
  g_assert_false (action_enabled (window, "bulk-disable"));
  close_review (review);

  /* The directory reloaded: the disabled ones left the active list. */
  app_test_wait_for_count (window, app_test_server_user_count (server, "active"));
  app_test_close_window (window);
}

static gboolean
chooser_open (gpointer user_data)
{
  return app_test_find_toplevel (STEWARD_TYPE_ADD_PERMISSIONS_DIALOG) != NULL;
}

static void
test_add_permission_to_all_of_search (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  StewardWindow               *window;
  StewardUserSelection        *selection;
  StewardPendingChangesDialog *review;
  GtkWidget                   *chooser;
  GtkWidget                   *governance;

  app_test_create_plain_user (server, "team1@compliance.example.com");
  app_test_create_plain_user (server, "team2@compliance.example.com");
  app_test_create_plain_user (server, "team3@compliance.example.com");
  app_test_create_plain_user (server, "outsider@example.com");

  window = app_test_open_window ();
  app_test_connect_through_dialog (window, server, "Bulk", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "compliance");
  steward_test_ui_wait_until (app_test_search_applied, window);
  app_test_wait_for_count (window, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->directory_view), "directory.select-all", NULL));
  selection = steward_directory_view_get_selection (window->directory_view);
  g_assert_true (steward_user_selection_get_all_of_query (selection));
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 3);

  /* The chooser: every permission, nothing sent from it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "bulk-add-permissions", NULL);
  steward_test_ui_wait_until (chooser_open, NULL);
  chooser = app_test_find_toplevel (STEWARD_TYPE_ADD_PERMISSIONS_DIALOG);
  governance = steward_test_ui_find_widget (steward_test_ui_find_row (chooser, "GOVERNANCE"), GTK_TYPE_SWITCH);
  g_assert_nonnull (governance);
  gtk_switch_set_active (GTK_SWITCH (governance), TRUE);
  gtk_widget_activate_action (chooser, "permissions.add", NULL);
  g_assert_false (user_holds (server, "team1@compliance.example.com", "GOVERNANCE"));

  /* One review for the three, then Apply. */
  review = wait_for_review (STEWARD_PENDING_CHANGES_REVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steward_pending_changes_dialog_get_plan (review))), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (review), "pending.apply", NULL);
  review = wait_for_review (STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_true (user_holds (server, "team1@compliance.example.com", "GOVERNANCE"));
  g_assert_true (user_holds (server, "team2@compliance.example.com", "GOVERNANCE"));
  g_assert_true (user_holds (server, "team3@compliance.example.com", "GOVERNANCE"));
  g_assert_false (user_holds (server, "outsider@example.com", "GOVERNANCE"));
  close_review (review);
  app_test_close_window (window);
}

/* Remove Permission… and Enable on two Ctrl-clicked users, each through
 * its review. */
static void
test_remove_permission_and_enable (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  StewardWindow               *window;
  StewardPendingChangesDialog *review;
  GtkWidget                   *chooser;

  app_test_create_plain_user (server, "dee@example.com");
  app_test_create_plain_user (server, "eve@example.com");
  window = app_test_open_window ();
  app_test_connect_through_dialog (window, server, "Bulk", NULL);
  steward_test_ui_drain ();
  g_assert_true (user_holds (server, "dee@example.com", "CREATE_PROJECT"));

  ctrl_click (window, "dee@example.com");
  ctrl_click (window, "eve@example.com");
  g_action_group_activate_action (G_ACTION_GROUP (window), "bulk-remove-permission", NULL);
  steward_test_ui_wait_until (chooser_open, NULL);
  chooser = app_test_find_toplevel (STEWARD_TYPE_ADD_PERMISSIONS_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Remove Permission");
  gtk_switch_set_active (GTK_SWITCH (steward_test_ui_find_widget (steward_test_ui_find_row (chooser, "CREATE_PROJECT"), GTK_TYPE_SWITCH)), TRUE);
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_button (chooser, "Remove"));
  gtk_widget_activate_action (chooser, "permissions.add", NULL);

  review = wait_for_review (STEWARD_PENDING_CHANGES_REVIEW);
  gtk_widget_activate_action (GTK_WIDGET (review), "pending.apply", NULL);
  review = wait_for_review (STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_false (user_holds (server, "dee@example.com", "CREATE_PROJECT"));
  g_assert_false (user_holds (server, "eve@example.com", "CREATE_PROJECT"));
  close_review (review);

  /* Enable on active users: all already so, nothing to send. */
  app_test_wait_for_count (window, app_test_server_user_count (server, "active"));
  steward_test_ui_drain ();
  ctrl_click (window, "dee@example.com");
  ctrl_click (window, "eve@example.com");
  g_action_group_activate_action (G_ACTION_GROUP (window), "bulk-enable", NULL);
  review = wait_for_review (STEWARD_PENDING_CHANGES_REVIEW);
  g_assert_cmpuint (steward_bulk_plan_count (steward_pending_changes_dialog_get_plan (review), STEWARD_BULK_RESULT_ALREADY), ==, 2);
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (review), "0 changes to apply, 2 already so, 0 skipped"));
  close_review (review);
  app_test_close_window (window);
}

static gboolean
import_dialog_open (gpointer user_data)
{
  return app_test_find_toplevel (STEWARD_TYPE_IMPORT_USERS_DIALOG) != NULL;
}

static void
test_import_users_action (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  StewardWindow *window = app_test_open_window ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import-users"));
  g_assert_false (action_enabled (window, "import-users"));
  app_test_connect_through_dialog (window, server, "Bulk", NULL);
  g_assert_true (action_enabled (window, "import-users"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-users", NULL);
  steward_test_ui_wait_until (import_dialog_open, NULL);
  gtk_window_destroy (app_test_find_toplevel (STEWARD_TYPE_IMPORT_USERS_DIALOG));
  steward_test_ui_drain ();
  app_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/window/bulk/disable-selection", test_disable_selection);
  g_test_add_func ("/ui/window/bulk/add-permission-to-all-of-search", test_add_permission_to_all_of_search);
  g_test_add_func ("/ui/window/bulk/remove-permission-and-enable", test_remove_permission_and_enable);
  g_test_add_func ("/ui/window/bulk/import-users", test_import_users_action);

  return app_test_run ();
}
