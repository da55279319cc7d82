/* test-impersonation-dialog.c
 *
 * Prepare Impersonation against a real steward-server: searching picks a
 * user whose iamid and userid are copied exactly, an apostrophe is quoted,
 * a template without {userid} is refused and one with it adds the third
 * statement, Copy fills the clipboard, and the connection details show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-impersonation-dialog.h"

#include "steward-test-ui.h"

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_IMPERSONATION_DIALOG, name));
}

static gboolean
search_answered (gpointer dialog)
{
  return !steward_impersonation_dialog_get_searching (dialog) && steward_impersonation_dialog_get_n_results (dialog) > 0;
}

static gboolean
connection_loaded (gpointer dialog)
{
  return steward_impersonation_dialog_get_connection_loaded (dialog);
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
text_arrived (gpointer slot)
{
  return *(char **) slot != NULL;
}

static void
test_prepare (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--iam", "Okta:Okta", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) target = NULL;
  g_autofree char *clipboard = NULL;
  GtkWidget       *dialog;
  GtkListBoxRow   *first;

  target = steward_test_ui_create_user (session, "o'brien@example.com", "Pat O'Brien", NULL);

  dialog = steward_impersonation_dialog_new (session, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (connection_loaded, dialog);
  g_assert_null (steward_impersonation_dialog_get_statements (STEWARD_IMPERSONATION_DIALOG (dialog)));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "copy_button")));

  /* Search, then pick the first match as a click would. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "search_entry")), "o'brien");
  steward_test_ui_wait_until (search_answered, dialog);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (dialog, "results_list")), 0);
  g_signal_emit_by_name (child (dialog, "results_list"), "row-activated", first);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, "iamid_row"))), ==, "bim");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, "userid_row"))), ==, "o'brien@example.com");
  g_assert_cmpstr (steward_impersonation_dialog_get_statements (STEWARD_IMPERSONATION_DIALOG (dialog)), ==,
                   "SET immuta.impersonation_iamid = 'bim';\n"
                   "SET immuta.impersonation_userid = 'o''brien@example.com';\n");

  /* A template must name {userid}. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "template_row")), "someone@example.com");
  g_assert_null (steward_impersonation_dialog_get_statements (STEWARD_IMPERSONATION_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "template_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "template_row")), "{userid}@corp.example.com");
  g_assert_nonnull (strstr (steward_impersonation_dialog_get_statements (STEWARD_IMPERSONATION_DIALOG (dialog)),
                            "SET immuta.impersonation_userid_template = '{userid}@corp.example.com';"));

  /* Copy puts exactly the statements on the clipboard. */
  steward_test_ui_click (child (dialog, "copy_button"));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (dialog), NULL, text_read_cb, &clipboard);
  steward_test_ui_wait_until (text_arrived, &clipboard);
  g_assert_cmpstr (clipboard, ==, steward_impersonation_dialog_get_statements (STEWARD_IMPERSONATION_DIALOG (dialog)));

  /* The caller's query-engine details from the server. */
  g_assert_nonnull (steward_test_ui_find_row (dialog, "Host"));
  g_assert_nonnull (steward_test_ui_find_row (dialog, "Connection String"));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 2);

  /* Escape in the search entry clears it, then closes the dialog. */
  steward_test_ui_check_escape_in_search (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/impersonation/prepare", test_prepare);

  return g_test_run ();
}
