/* test-delete-user-dialog.c
 *
 * Permanently Delete against a real steward-server: the typed word rule
 * (a wrong word, a trailing space, lower case, and Enter on each leave
 * the user on the server), the exact word deleting (404 afterwards, a
 * userDeleted audit record), Disable Instead, no deleting yourself, the
 * server gone, and the saved copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-delete-user-dialog.h"

#include "steward-test-ui.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_DELETE_USER_DIALOG, name));
}

/* NULL when the server no longer has the user (404). */

static gboolean
can_confirm (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (child (dialog, "confirm_button"));
}

/* Types @word and presses Enter in the entry, both ways GTK knows. */
static void
type_and_enter (GtkWidget  *dialog,
                const char *word)
{
  GtkWidget *row = child (dialog, "word_row");

  gtk_editable_set_text (GTK_EDITABLE (row), word);
  g_signal_emit_by_name (row, "entry-activated");
  gtk_widget_activate (steward_test_ui_find_widget (row, GTK_TYPE_TEXT));
  steward_test_ui_drain ();
}

static void
flag_cb (GtkWidget   *dialog,
         StewardUser *user,
         gboolean    *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
test_typed_word (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "doomed@example.com", "Doomed User", NULL);
  g_autoptr (StewardUser) gone = NULL;
  GtkWidget  *dialog = steward_delete_user_dialog_new (session, user);
  const char *wrong[] = { "delete", "Delete ", " Delete", "Deleted", "DELETE", "Del", "" };
  gboolean    deleted = FALSE;

  g_signal_connect (dialog, "user-deleted", G_CALLBACK (flag_cb), &deleted);
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 4);

  /* The explanation says what happens and that it cannot be undone. */
  g_assert_nonnull (steward_test_ui_find_button (dialog, "Disable Instead"));
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Permanently Delete User"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), ==, "confirm");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr (StewardUser) still = NULL;

      type_and_enter (dialog, wrong[i]);
      g_assert_false (can_confirm (dialog));
      g_assert_false (gtk_widget_activate_action (dialog, "delete.confirm", NULL) && deleted);
      still = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user));
      g_assert_nonnull (still);
    }

  /* Enter with the right word does not delete either: only the button. */
  type_and_enter (dialog, "Delete");
  g_assert_true (can_confirm (dialog));
  g_assert_false (deleted);
  g_assert_nonnull ((gone = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user))));
  g_clear_object (&gone);

  steward_test_ui_click (child (dialog, "confirm_button"));
  steward_test_ui_wait_until (flag_set, &deleted);
  gone = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user));
  g_assert_null (gone);
}

static void
test_disable_instead (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "spared@example.com", "Doomed User", NULL);
  g_autoptr (StewardUser) still = NULL;
  GtkWidget *dialog = steward_delete_user_dialog_new (session, user);
  gboolean   requested = FALSE;
  gboolean   deleted = FALSE;

  g_signal_connect (dialog, "disable-requested", G_CALLBACK (flag_cb), &requested);
  g_signal_connect (dialog, "user-deleted", G_CALLBACK (flag_cb), &deleted);
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Disable Instead"));
  g_assert_true (requested);
  g_assert_false (deleted);
  still = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user));
  g_assert_nonnull (still);
}

static void
test_not_yourself (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = g_object_ref_sink (steward_delete_user_dialog_new (session, steward_session_get_current_user (session)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), ==, "self");
  g_assert_false (gtk_widget_activate_action (dialog, "delete.continue", NULL) && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), "confirm") == 0);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "word_row")), "Delete");
  g_assert_false (can_confirm (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static gboolean
error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "error_label")) && can_confirm (dialog);
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "lucky@example.com", "Doomed User", NULL);
  GtkWidget *dialog = steward_delete_user_dialog_new (session, user);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Permanently Delete User"));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "word_row")), "Delete");
  steward_test_server_stop (server);
  steward_test_ui_click (child (dialog, "confirm_button"));
  steward_test_ui_wait_until (error_shown, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "word_row"))), ==, "Delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_save_copy (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, "kept@example.com", "Doomed User", NULL);
  g_autofree char *directory = g_dir_make_tmp ("steward-copy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "kept.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget  *dialog = g_object_ref_sink (steward_delete_user_dialog_new (session, user));
  JsonObject *root;

  steward_delete_user_dialog_save_copy_async (STEWARD_DELETE_USER_DIALOG (dialog), file, NULL, steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_delete_user_dialog_save_copy_finish (STEWARD_DELETE_USER_DIALOG (dialog), steward_test_ui_wait_for_result (&result), &error));
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "userid"), ==, "kept@example.com");
  g_assert_cmpstr (json_object_get_string_member (root, "iamid"), ==, "bim");
  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, steward_user_get_id (user));
  g_assert_true (json_object_has_member (root, "permissions"));

  /* The result holds the dialog as its source. */
  g_clear_object (&result);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_unlink (path);
  g_rmdir (directory);
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/delete-user/typed-word", test_typed_word);
  g_test_add_func ("/ui/delete-user/disable-instead", test_disable_instead);
  g_test_add_func ("/ui/delete-user/not-yourself", test_not_yourself);
  g_test_add_func ("/ui/delete-user/server-gone", test_server_gone);
  g_test_add_func ("/ui/delete-user/save-copy", test_save_copy);

  return g_test_run ();
}
