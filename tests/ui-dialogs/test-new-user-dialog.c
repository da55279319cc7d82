/* test-new-user-dialog.c
 *
 * New User against a real steward-server: Create only for valid input,
 * the created user on the server and in the signal, a duplicate e-mail
 * shown at Email with the input kept, and the server gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-new-user-dialog.h"

#include "steward-test-ui.h"

static GtkWidget *
child (GtkWidget  *dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_NEW_USER_DIALOG, name));
}

static gboolean
can_create (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (steward_test_ui_find_button (dialog, "Create"));
}

static void
fill (GtkWidget  *dialog,
      const char *name,
      const char *email)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "email_row")), email);
}

static gboolean
error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "error_label")) && can_create (dialog);
}

static void
created_cb (GtkWidget    *dialog,
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

static guint
count_matching (StewardSession *session,
                const char     *search)
{
  StewardClient *client = steward_session_get_client (session);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  query->search_text = g_strdup (search);
  steward_client_list_users_async (client, query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_users_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return steward_page_result_get_total (page);
}

static void
test_validation (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = g_object_ref_sink (steward_new_user_dialog_new (session));

  g_assert_false (can_create (dialog));
  fill (dialog, "User 1", "");
  g_assert_false (can_create (dialog));
  fill (dialog, "", "user1@example.com");
  g_assert_false (can_create (dialog));
  fill (dialog, "User 1", "not an address");
  g_assert_false (can_create (dialog));
  fill (dialog, "   ", "user1@example.com");
  g_assert_false (can_create (dialog));
  fill (dialog, "User 1", "user1@example.com");
  g_assert_true (can_create (dialog));

  /* Enter in Email does nothing while the input is invalid. */
  fill (dialog, "User 1", "user1@");
  g_signal_emit_by_name (child (dialog, "email_row"), "entry-activated");
  steward_test_ui_drain ();
  g_assert_cmpuint (count_matching (session, "user1@"), ==, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_create_and_duplicate (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) created = NULL;
  GtkWidget *dialog = steward_new_user_dialog_new (session);
  GtkWidget *second;

  g_signal_connect (dialog, "user-created", G_CALLBACK (created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  fill (dialog, "User 1", "user1@example.com");
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Create"));
  steward_test_ui_wait_until (user_arrived, &created);

  /* The e-mail became the username of a bim user. */
  g_assert_cmpstr (steward_user_get_userid (created), ==, "user1@example.com");
  g_assert_cmpstr (steward_user_get_iamid (created), ==, "bim");
  g_assert_cmpstr (steward_user_get_name (created), ==, "User 1");
  g_assert_cmpuint (count_matching (session, "user1@example.com"), ==, 1);

  /* The same address again, differently cased: refused at Email. */
  second = steward_new_user_dialog_new (session);
  gtk_window_present (GTK_WINDOW (second));
  fill (second, "User One", "USER1@example.com");
  steward_test_ui_click (steward_test_ui_find_button (second, "Create"));
  steward_test_ui_wait_until (error_shown, second);
  g_assert_true (gtk_widget_has_css_class (child (second, "email_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (child (second, "name_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (second, "name_row"))), ==, "User One");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (second, "email_row"))), ==, "USER1@example.com");
  g_assert_cmpuint (count_matching (session, "user1@example.com"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = steward_new_user_dialog_new (session);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_server_stop (server);
  fill (dialog, "User 2", "user2@example.com");
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Create"));
  steward_test_ui_wait_until (error_shown, dialog);

  /* No field is to blame; what was typed stays for another try. */
  g_assert_false (gtk_widget_has_css_class (child (dialog, "email_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "127.0.0.1"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "email_row"))), ==, "user2@example.com");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/new-user/validation", test_validation);
  g_test_add_func ("/ui/new-user/create-and-duplicate", test_create_and_duplicate);
  g_test_add_func ("/ui/new-user/server-gone", test_server_gone);

  return g_test_run ();
}
