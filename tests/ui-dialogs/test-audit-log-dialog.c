/* test-audit-log-dialog.c
 *
 * The Audit Log against a real steward-server with sixty days of demo
 * history: pages of fifty, Show More, the user and type filters agreeing
 * with the server's own counts, and the error page when the server goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-audit-log-dialog.h"
#include "steward-format.h"

#include "steward-test-ui.h"

static gboolean
settled (gpointer dialog)
{
  return !steward_audit_log_dialog_get_loading (dialog);
}

/* The server's count for a query, asked directly. */
static guint
server_count (StewardSession *session,
              const char     *userid,
              const char     *record_type)
{
  StewardClient *client = steward_session_get_client (session);
  g_autoptr (StewardAuditQuery) query = steward_audit_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  query->size = 1;
  query->userid = g_strdup (userid);
  query->record_type = g_strdup (record_type);
  steward_client_list_audit_async (client, query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_audit_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return steward_page_result_get_total (page);
}

/* What the search should come to; the entry waits before it asks. */
static guint expected;

static gboolean
matching_expected (gpointer dialog)
{
  return settled (dialog) && steward_audit_log_dialog_get_n_matching (dialog) == expected;
}

static guint
type_position (const char *record_type)
{
  for (guint i = 0; i < steward_format_n_record_types (); i++)
    if (g_str_equal (steward_format_record_type_at (i), record_type))
      return i + 1;
  g_assert_not_reached ();
}

static void
test_template (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = g_object_ref_sink (steward_audit_log_dialog_new (session));

  steward_test_ui_wait_until (settled, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_pages_and_filters (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "120", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  StewardAuditLogDialog *dialog = STEWARD_AUDIT_LOG_DIALOG (steward_audit_log_dialog_new (session));
  GtkDropDown           *types;
  guint                  total = server_count (session, NULL, NULL);
  guint                  disabled = server_count (session, NULL, "userDisabled");
  guint                  by_admin = server_count (session, "admin@localhost", NULL);
  g_autofree char       *count_text = NULL;

  g_assert_cmpuint (total, >, 2 * STEWARD_AUDIT_LOG_PAGE_SIZE);
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (settled, dialog);

  /* The first page, and the server's total. */
  g_assert_cmpuint (steward_audit_log_dialog_get_n_shown (dialog), ==, STEWARD_AUDIT_LOG_PAGE_SIZE);
  g_assert_cmpuint (steward_audit_log_dialog_get_n_matching (dialog), ==, total);
  steward_test_ui_click (steward_test_ui_find_button (GTK_WIDGET (dialog), "Show More"));
  steward_test_ui_wait_until (settled, dialog);
  g_assert_cmpuint (steward_audit_log_dialog_get_n_shown (dialog), ==, 2 * STEWARD_AUDIT_LOG_PAGE_SIZE);

  /* One kind of record. */
  types = steward_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (types, type_position ("userDisabled"));
  steward_test_ui_wait_until (settled, dialog);
  g_assert_cmpuint (disabled, >, 0);
  g_assert_cmpuint (steward_audit_log_dialog_get_n_matching (dialog), ==, disabled);
  g_assert_cmpuint (steward_audit_log_dialog_get_n_shown (dialog), ==, MIN (disabled, STEWARD_AUDIT_LOG_PAGE_SIZE));
  count_text = g_strdup_printf ("%u records", disabled);
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (dialog), count_text));

  /* One user, any kind. */
  gtk_drop_down_set_selected (types, 0);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY)), "admin@localhost");
  expected = by_admin;
  steward_test_ui_wait_until (matching_expected, dialog);

  /* Every control is named. */
  g_assert_cmpuint (steward_test_ui_check_accessible_names (GTK_WIDGET (dialog)), >=, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
error_shown (gpointer dialog)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (dialog, STEWARD_TYPE_AUDIT_LOG_DIALOG, "stack"));

  return settled (dialog) && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

/* The log of @session, on screen with its first page. */
static GtkWidget *
present_settled (StewardSession *session)
{
  GtkWidget *dialog = steward_audit_log_dialog_new (session);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (settled, dialog);
  return dialog;
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = present_settled (session);

  steward_test_server_stop (server);

  g_assert_true (gtk_widget_activate_action (dialog, "audit.reload", NULL));
  steward_test_ui_wait_until (error_shown, dialog);
  g_assert_nonnull (steward_test_ui_find_button (dialog, "Retry"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Escape in the user entry clears it, then closes the log. */
static void
test_escape (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);

  steward_test_ui_check_escape_in_search (GTK_WINDOW (present_settled (session)));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/audit-log/template", test_template);
  g_test_add_func ("/ui/audit-log/pages-and-filters", test_pages_and_filters);
  g_test_add_func ("/ui/audit-log/server-gone", test_server_gone);
  g_test_add_func ("/ui/audit-log/escape", test_escape);

  return g_test_run ();
}
