/* test-metrics-dialog.c
 *
 * Download Metrics against a real steward-server with demo history: the
 * Number of Days (default 30, kept within 1 to 365), the chart of the
 * days downloaded and its spoken summary, the saved file holding the
 * server's document, stopping a download, and the server gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-metrics-chart.h"
#include "steward-metrics-dialog.h"

#include "steward-test-http.h"
#include "steward-test-ui.h"

#include <glib/gstdio.h>

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_METRICS_DIALOG, name));
}

static gboolean
downloaded (gpointer dialog)
{
  return !steward_metrics_dialog_get_downloading (dialog) && steward_metrics_dialog_get_metrics (dialog) != NULL;
}

static gboolean
error_shown (gpointer dialog)
{
  return !steward_metrics_dialog_get_downloading (dialog) && gtk_widget_get_visible (child (dialog, "error_label"));
}

/* The document without the moment it was made, which differs per call. */
static JsonNode *
parse_without_time (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_copy (json_parser_get_root (parser));
  json_object_remove_member (json_node_get_object (root), "generatedAt");
  return root;
}

static void
test_days (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget     *dialog = g_object_ref_sink (steward_metrics_dialog_new (session));
  GtkSpinButton *days = GTK_SPIN_BUTTON (child (dialog, "days_spin"));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 30);
  gtk_spin_button_set_value (days, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 1);
  gtk_spin_button_set_value (days, 1000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 365);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_drain ();
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_download_and_save (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "60", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);
  g_autoptr (JsonNode) direct = NULL;
  g_autoptr (JsonNode) saved = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *directory = g_dir_make_tmp ("steward-metrics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "metrics.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget           *dialog = steward_metrics_dialog_new (session);
  StewardMetricsChart *chart = STEWARD_METRICS_CHART (child (dialog, "chart"));
  guint                status;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (dialog, "days_spin")), 7);
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Download"));
  g_assert_true (steward_metrics_dialog_get_downloading (STEWARD_METRICS_DIALOG (dialog)));
  steward_test_ui_wait_until (downloaded, dialog);

  /* The chart shows the seven days, and says their totals. */
  g_assert_true (gtk_widget_get_visible (child (dialog, "chart_group")));
  g_assert_cmpuint (steward_metrics_get_n_days (steward_metrics_chart_get_metrics (chart)), ==, 7);
  summary = steward_metrics_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "Created"));
  name = steward_metrics_dialog_dup_file_name (STEWARD_METRICS_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (name, "steward-metrics-"));
  g_assert_true (g_str_has_suffix (name, "-7-days.json"));

  /* Saved as the server sends it. */
  steward_metrics_dialog_save_async (STEWARD_METRICS_DIALOG (dialog), file, NULL, steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_metrics_dialog_save_finish (STEWARD_METRICS_DIALOG (dialog), steward_test_ui_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved_text, NULL, NULL));
  saved = parse_without_time (saved_text);

  direct = steward_test_http_request (server, "GET", "/bim/user/metrics?days=7", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  json_object_remove_member (json_node_get_object (direct), "generatedAt");
  g_assert_true (json_node_equal (direct, saved));

  g_clear_object (&result);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (directory);
}

static void
test_stop_and_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = steward_metrics_dialog_new (session);

  gtk_window_present (GTK_WINDOW (dialog));

  /* Stopped at once: nothing downloaded, Download offered again. */
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Download"));
  g_assert_true (gtk_widget_activate_action (dialog, "metrics.stop", NULL));
  steward_test_ui_drain ();
  g_assert_false (steward_metrics_dialog_get_downloading (STEWARD_METRICS_DIALOG (dialog)));
  g_assert_null (steward_metrics_dialog_get_metrics (STEWARD_METRICS_DIALOG (dialog)));
  g_assert_true (gtk_widget_is_sensitive (steward_test_ui_find_button (dialog, "Download")));

  /* The server gone: its own message, the days kept. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (dialog, "days_spin")), 12);
  steward_test_server_stop (server);
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Download"));
  steward_test_ui_wait_until (error_shown, dialog);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (dialog, "days_spin"))), ==, 12);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/metrics/days", test_days);
  g_test_add_func ("/ui/metrics/download-and-save", test_download_and_save);
  g_test_add_func ("/ui/metrics/stop-and-server-gone", test_stop_and_server_gone);

  return g_test_run ();
}
