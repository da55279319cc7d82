/* test-migrate-user-dialog.c
 *
 * Migrate User against a real steward-server with a second identity
 * manager: the user's own IAM is not offered, a migration keeps the
 * numeric id, a taken username is shown at Username with the input kept,
 * and a server that cannot migrate is said so up front.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-migrate-user-dialog.h"

#include "steward-test-ui.h"

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_MIGRATE_USER_DIALOG, name));
}

static gboolean
can_migrate (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (steward_test_ui_find_button (dialog, "Migrate User"));
}

static void
migrated_cb (GtkWidget    *dialog,
             StewardUser  *user,
             StewardUser **out)
{
  *out = g_object_ref (user);
}

static gboolean
user_arrived (gpointer slot)
{
  return *(StewardUser **) slot != NULL;
}

static gboolean
error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "error_label")) && can_migrate (dialog);
}

static void
test_migrate (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--iam", "okta:Okta", "--iam", "ldap:LDAP", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "mover@example.com", "Moving User", NULL);
  g_autoptr (StewardUser) migrated = NULL;
  g_autoptr (StewardUser) there = NULL;
  GtkWidget  *dialog = steward_migrate_user_dialog_new (session, user);
  GListModel *offered;

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 2);

  /* Every IAM but the user's own, named with its id. */
  offered = adw_combo_row_get_model (ADW_COMBO_ROW (child (dialog, "iam_row")));
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_assert_false (steward_migrate_user_dialog_select_iam (STEWARD_MIGRATE_USER_DIALOG (dialog), "bim"));
  g_assert_true (steward_migrate_user_dialog_select_iam (STEWARD_MIGRATE_USER_DIALOG (dialog), "okta"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "iam_row")))), ==, "Okta (okta)");

  /* The username is prefilled; empty is not migratable. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "userid_row"))), ==, "mover@example.com");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "userid_row")), "  ");
  g_assert_false (can_migrate (dialog));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "userid_row")), "Mover");

  g_signal_connect (dialog, "user-migrated", G_CALLBACK (migrated_cb), &migrated);
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Migrate User"));
  steward_test_ui_wait_until (user_arrived, &migrated);

  /* Same numeric id, new IAM and case-kept userid, on the server too. */
  g_assert_cmpint (steward_user_get_id (migrated), ==, steward_user_get_id (user));
  g_assert_cmpstr (steward_user_get_iamid (migrated), ==, "okta");
  g_assert_cmpstr (steward_user_get_userid (migrated), ==, "Mover");
  there = steward_test_ui_fetch_user (session, "okta", "Mover");
  g_assert_cmpint (steward_user_get_id (there), ==, steward_user_get_id (user));
}

static void
test_conflict (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) first = steward_test_ui_create_user (session, "first@example.com", "Moving User", NULL);
  g_autoptr (StewardUser) second = steward_test_ui_create_user (session, "second@example.com", "Moving User", NULL);
  g_autoptr (StewardUser) first_there = NULL;
  g_autoptr (StewardUser) second_still = NULL;
  GtkWidget *dialog = steward_migrate_user_dialog_new (session, first);
  GtkWidget *clash;

  /* Put the first user into okta as "taken". */
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "userid_row")), "taken");
  g_signal_connect (dialog, "user-migrated", G_CALLBACK (migrated_cb), &first_there);
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Migrate User"));
  steward_test_ui_wait_until (user_arrived, &first_there);

  /* The second cannot take the same name there. */
  clash = steward_migrate_user_dialog_new (session, second);
  gtk_window_present (GTK_WINDOW (clash));
  gtk_editable_set_text (GTK_EDITABLE (child (clash, "userid_row")), "taken");
  steward_test_ui_click (steward_test_ui_find_button (clash, "Migrate User"));
  steward_test_ui_wait_until (error_shown, clash);
  g_assert_true (gtk_widget_has_css_class (child (clash, "userid_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (clash, "userid_row"))), ==, "taken");
  second_still = steward_test_ui_fetch_user (session, "bim", "second@example.com");
  g_assert_nonnull (second_still);
  gtk_window_destroy (GTK_WINDOW (clash));
}

static void
test_unsupported_and_single_iam (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "stuck@example.com", "Moving User", NULL);
  GtkWidget *dialog;

  /* As after a 404 from a real Immuta server, which has no such route. */
  steward_client_set_extension_support (steward_session_get_client (session), STEWARD_EXTENSION_MIGRATE, STEWARD_EXTENSION_SUPPORT_MISSING);
  dialog = g_object_ref_sink (steward_migrate_user_dialog_new (session, user));
  g_assert_false (can_migrate (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "cannot migrate"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_no_other_iam (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "alone@example.com", "Moving User", NULL);
  GtkWidget *dialog = g_object_ref_sink (steward_migrate_user_dialog_new (session, user));

  g_assert_false (can_migrate (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "no other identity manager"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/migrate-user/migrate", test_migrate);
  g_test_add_func ("/ui/migrate-user/conflict", test_conflict);
  g_test_add_func ("/ui/migrate-user/unsupported", test_unsupported_and_single_iam);
  g_test_add_func ("/ui/migrate-user/no-other-iam", test_no_other_iam);

  return g_test_run ();
}
