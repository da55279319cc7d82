/* test-add-permissions-dialog.c
 *
 * Add Permissions against a real steward-server: only permissions the
 * user lacks are offered, several are granted at once and the server has
 * them, the IMPERSONATE_USER warning (and its SQL-credentials part), a
 * malformed custom name, and the server gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-add-permissions-dialog.h"

#include "steward-test-ui.h"

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_ADD_PERMISSIONS_DIALOG, name));
}

/* Turns on the switch of @permission; FALSE when it is not offered. */
static gboolean
choose (GtkWidget  *dialog,
        const char *permission)
{
  GtkWidget *row = steward_test_ui_find_row (dialog, permission);
  GtkWidget *check = row != NULL ? steward_test_ui_find_widget (row, GTK_TYPE_SWITCH) : NULL;

  if (check == NULL)
    return FALSE;
  gtk_switch_set_active (GTK_SWITCH (check), TRUE);
  return TRUE;
}

static gboolean
can_add (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (child (dialog, "add_button"));
}

static void
granted_cb (GtkWidget    *dialog,
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

static void
test_offer_and_grant (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  const char *const holds[] = { "CREATE_PROJECT", NULL };
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "ann@example.com", "Test User", holds);
  g_autoptr (StewardUser) granted = NULL;
  g_autoptr (StewardUser) fresh = NULL;
  GtkWidget *dialog = steward_add_permissions_dialog_new (session, user);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_drain ();

  /* Held permissions are not offered; nothing chosen, nothing to add. */
  g_assert_null (steward_test_ui_find_row (dialog, "CREATE_PROJECT"));
  g_assert_false (can_add (dialog));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 8);

  g_assert_true (choose (dialog, "GOVERNANCE"));
  g_assert_true (choose (dialog, "AUDIT"));
  g_assert_true (can_add (dialog));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, "add_button"))), ==, "_Add 2 Permissions");

  g_signal_connect (dialog, "permissions-granted", G_CALLBACK (granted_cb), &granted);
  steward_test_ui_click (child (dialog, "add_button"));
  steward_test_ui_wait_until (user_arrived, &granted);

  fresh = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user));
  g_assert_true (steward_user_has_permission (fresh, "GOVERNANCE"));
  g_assert_true (steward_user_has_permission (fresh, "AUDIT"));
  g_assert_true (steward_user_has_permission (fresh, "CREATE_PROJECT"));
  g_assert_true (steward_user_has_permission (granted, "AUDIT"));
}

static void
test_impersonation_warning (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "bo@example.com", "Test User", NULL);
  GtkWidget  *dialog = g_object_ref_sink (steward_add_permissions_dialog_new (session, user));
  const char *warning;

  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "impersonation_revealer"))));
  g_assert_true (choose (dialog, "IMPERSONATE_USER"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "impersonation_revealer"))));
  warning = gtk_label_get_text (GTK_LABEL (child (dialog, "impersonation_label")));
  g_assert_nonnull (strstr (warning, "any other user"));
  /* A new user has no SQL user yet. */
  g_assert_nonnull (strstr (warning, "SQL credentials"));

  /* A malformed custom name blocks Add; a well-formed one counts. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "custom_row")), "manage tags");
  g_assert_false (can_add (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "custom_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "custom_row")), "MANAGE_TAGS");
  g_assert_true (can_add (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static gboolean
error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "error_label")) && can_add (dialog);
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "cy@example.com", "Test User", NULL);
  GtkWidget *dialog = steward_add_permissions_dialog_new (session, user);
  g_auto (GStrv) chosen = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (choose (dialog, "GOVERNANCE"));
  steward_test_server_stop (server);
  steward_test_ui_click (child (dialog, "add_button"));
  steward_test_ui_wait_until (error_shown, dialog);

  /* The choice stays for another try, and the message names what is left. */
  chosen = steward_add_permissions_dialog_dup_chosen (STEWARD_ADD_PERMISSIONS_DIALOG (dialog));
  g_assert_cmpstr (chosen[0], ==, "GOVERNANCE");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "Not granted: GOVERNANCE"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/add-permissions/offer-and-grant", test_offer_and_grant);
  g_test_add_func ("/ui/add-permissions/impersonation-warning", test_impersonation_warning);
  g_test_add_func ("/ui/add-permissions/server-gone", test_server_gone);

  return g_test_run ();
}
