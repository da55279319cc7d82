/* test-import-users-dialog.c
 *
 * Import Users against a real steward-server: a CSV file with good rows,
 * a bad e-mail, a duplicate of an earlier line and a user already on the
 * server is previewed row by row before anything is sent, Create makes
 * exactly the good rows' users and each row ends with its own result, a
 * file that cannot be read keeps the dialog and says why, and a failure
 * mid-run (a user created meanwhile by someone else) is reported on its
 * own row, never created twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-import-users-dialog.h"

#include "steward-test-ui.h"

#include <glib/gstdio.h>

static StewardImportUsersStage wanted;

static gboolean
at_wanted_stage (gpointer dialog)
{
  return steward_import_users_dialog_get_stage (dialog) == wanted;
}

static void
wait_for_stage (GtkWidget              *dialog,
                StewardImportUsersStage stage)
{
  wanted = stage;
  steward_test_ui_wait_until (at_wanted_stage, dialog);
}

static GFile *
write_csv (const char *dir,
           const char *contents)
{
  g_autofree char *path = g_build_filename (dir, "team.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
assert_row_result (GtkWidget  *dialog,
                   guint       position,
                   const char *expected_start)
{
  g_autofree char *result = steward_import_users_dialog_dup_row_result (STEWARD_IMPORT_USERS_DIALOG (dialog), position);

  if (!g_str_has_prefix (result, expected_start))
    g_error ("row %u says “%s”, expected “%s…”", position, result, expected_start);
}

static void
test_preview_and_create (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autofree char *dir = g_dir_make_tmp ("steward-import-XXXXXX", NULL);
  g_autoptr (StewardUser) existing = steward_test_ui_create_user (session, "kept@example.com", "Kept Already", NULL);
  g_autoptr (GFile) file = NULL;
  GtkWidget         *dialog;
  StewardUserImport *import;

  /* Line 2 and 3 good, 4 a bad e-mail, 5 the same e-mail as line 2, 6 on
   * the server already. */
  file = write_csv (dir,
                    "name,email,permissions\r\n"
                    "Ada Gray,ada@example.com,GOVERNANCE\r\n"
                    "\"Lee, Bo\",bo@example.com,GOVERNANCE;AUDIT\r\n"
                    "No Mail,not-an-address,\r\n"
                    "Ada Again,ADA@example.com,\r\n"
                    "Kept Already,kept@example.com,\r\n");

  dialog = steward_import_users_dialog_new (session);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Nothing to create before a file. */
  gtk_widget_activate_action (dialog, "import.create", NULL);
  g_assert_cmpint (steward_import_users_dialog_get_stage (STEWARD_IMPORT_USERS_DIALOG (dialog)), ==, STEWARD_IMPORT_USERS_EMPTY);
  g_assert_null (steward_import_users_dialog_get_plan (STEWARD_IMPORT_USERS_DIALOG (dialog)));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >, 0);

  steward_import_users_dialog_open_file (STEWARD_IMPORT_USERS_DIALOG (dialog), file);
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_PREVIEW);

  /* The preview: each row's validation, nothing sent yet. */
  import = steward_import_users_dialog_get_import (STEWARD_IMPORT_USERS_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 5);
  assert_row_result (dialog, 0, "Ready to create");
  assert_row_result (dialog, 1, "Ready to create");
  assert_row_result (dialog, 2, "“not-an-address” is not an e-mail address.");
  assert_row_result (dialog, 3, "The same e-mail address is on line 2 already.");
  assert_row_result (dialog, 4, "kept@example.com is on the server already.");
  g_assert_null (steward_test_ui_fetch_user (session, "bim", "ada@example.com"));
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (dialog, "5 rows: 2 to create, 1 on the server already, 2 with a problem"));
  /* The table shows the rows themselves. */
  g_assert_nonnull (steward_test_ui_find_label (dialog, "Lee, Bo"));

  /* Create: the two good rows become users, the others say why not. */
  g_assert_true (gtk_widget_activate_action (dialog, "import.create", NULL));
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_RESULTS);
  assert_row_result (dialog, 0, "Created");
  assert_row_result (dialog, 1, "Created");
  assert_row_result (dialog, 2, "“not-an-address” is not an e-mail address.");
  assert_row_result (dialog, 3, "The same e-mail address is on line 2 already.");
  assert_row_result (dialog, 4, "kept@example.com is on the server already.");
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (dialog, "2 created, 0 already on the server, 0 failed, 0 not sent"));
  g_assert_nonnull (steward_test_ui_find_label (dialog, "Created"));

  {
    g_autoptr (StewardUser) bo = steward_test_ui_fetch_user (session, "bim", "bo@example.com");
    g_autoptr (StewardUser) again = steward_test_ui_fetch_user (session, "bim", "not-an-address");

    g_assert_nonnull (bo);
    g_assert_cmpstr (steward_user_get_name (bo), ==, "Lee, Bo");
    g_assert_true (steward_user_has_permission (bo, "AUDIT"));
    g_assert_true (steward_user_has_permission (bo, "GOVERNANCE"));
    g_assert_null (again);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
test_unreadable_file_keeps_dialog (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autofree char *dir = g_dir_make_tmp ("steward-import-XXXXXX", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr (GFile) headerless = NULL;
  GtkWidget *dialog = steward_import_users_dialog_new (session);
  GtkWidget *error_label;

  gtk_window_present (GTK_WINDOW (dialog));
  steward_import_users_dialog_open_file (STEWARD_IMPORT_USERS_DIALOG (dialog), missing);
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_FAILED);
  g_assert_true (gtk_widget_get_visible (dialog));
  error_label = steward_test_ui_find_widget (dialog, GTK_TYPE_LABEL);
  g_assert_nonnull (error_label);

  /* A file without the header names the line. */
  headerless = write_csv (dir, "ada@example.com,Ada\r\n");
  steward_import_users_dialog_open_file (STEWARD_IMPORT_USERS_DIALOG (dialog), headerless);
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_FAILED);
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (dialog, "Line 1 must name the columns “name” and “email” (and “permissions”, if any)."));
  /* The chosen file is still named on screen. */
  g_assert_nonnull (steward_test_ui_find_row (dialog, "CSV File"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (steward_test_ui_find_row (dialog, "CSV File"))), ==, g_file_peek_path (headerless));

  /* A path typed into the row is read the same way; an empty one is
   * refused with a sentence, the rows of the last file kept. */
  gtk_editable_set_text (GTK_EDITABLE (steward_test_ui_find_row (dialog, "CSV File")), "");
  g_assert_true (gtk_widget_activate_action (dialog, "import.read", NULL));
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (dialog, "Enter the path of a CSV file, or choose one."));
  g_file_set_contents (g_file_peek_path (headerless), "name,email\nAda,ada@example.com\n", -1, NULL);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_ui_find_row (dialog, "CSV File")), g_file_peek_path (headerless));
  g_assert_true (gtk_widget_activate_action (dialog, "import.read", NULL));
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_PREVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steward_import_users_dialog_get_import (STEWARD_IMPORT_USERS_DIALOG (dialog)))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_file_delete (headerless, NULL, NULL);
  g_rmdir (dir);
}

/* A user created by someone else between the preview and Create fails on
 * its own row with the server's sentence (or is reported already there);
 * the other row is created. */
static void
test_created_meanwhile (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autofree char *dir = g_dir_make_tmp ("steward-import-XXXXXX", NULL);
  g_autoptr (GFile) file = write_csv (dir, "email;name\nann@example.com;Ann\nbob@example.com;Bob\n");
  g_autoptr (StewardUser) racer = NULL;
  GtkWidget       *dialog = steward_import_users_dialog_new (session);
  StewardBulkPlan *plan;

  gtk_window_present (GTK_WINDOW (dialog));
  steward_import_users_dialog_open_file (STEWARD_IMPORT_USERS_DIALOG (dialog), file);
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_PREVIEW);
  racer = steward_test_ui_create_user (session, "bob@example.com", "Bob Elsewhere", NULL);

  g_assert_true (gtk_widget_activate_action (dialog, "import.create", NULL));
  wait_for_stage (dialog, STEWARD_IMPORT_USERS_RESULTS);
  plan = steward_import_users_dialog_get_plan (STEWARD_IMPORT_USERS_DIALOG (dialog));
  assert_row_result (dialog, 0, "Created");
  /* Bob: not created twice, whatever the server says about it. */
  {
    g_autofree char *result = steward_import_users_dialog_dup_row_result (STEWARD_IMPORT_USERS_DIALOG (dialog), 1);
    g_autoptr (StewardUser) bob = steward_test_ui_fetch_user (session, "bim", "bob@example.com");

    g_assert_true (g_str_has_prefix (result, "Already on the server") || g_str_has_prefix (result, "Failed: "));
    g_assert_cmpstr (steward_user_get_name (bob), ==, "Bob Elsewhere");
    g_assert_cmpuint (steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/import-users-dialog/preview-and-create", test_preview_and_create);
  g_test_add_func ("/ui/import-users-dialog/unreadable-file", test_unreadable_file_keeps_dialog);
  g_test_add_func ("/ui/import-users-dialog/created-meanwhile", test_created_meanwhile);

  return g_test_run ();
}
