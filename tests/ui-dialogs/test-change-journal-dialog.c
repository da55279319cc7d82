/* test-change-journal-dialog.c
 *
 * Change Journal over a journal of real writes to a real steward-server
 * from two server profiles: the profile chosen at first, the search and
 * the kind, result, server and date filters agreeing with what was done,
 * one row per change, the CSV and JSON exports holding every change the
 * filters select, and a name for every control.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change-journal-dialog.h"

#include "steward-test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  StewardTestServer *server;
  char              *directory;
  StewardJournal    *journal;
} Fixture;

static StewardClient *
journaled_client (Fixture    *fixture,
                  const char *server_name)
{
  StewardClient *client = steward_client_new (fixture->server->base_url, fixture->server->admin_api_key);

  steward_client_set_recorder (client, STEWARD_CHANGE_RECORDER (fixture->journal), server_name);
  return client;
}

static void
wait_user (StewardClient *client,
           GAsyncResult **slot,
           StewardUser *(*finish) (StewardClient *, GAsyncResult *, GError **),
           gboolean expect_success)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = finish (client, steward_test_ui_wait_for_result (slot), &error);

  if (expect_success)
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
}

/* Production: create ann, grant GOVERNANCE, disable her, and a refused
 * grant to nobody; Staging: create bob; and an old change ten days ago. */
static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (StewardClient) production = NULL;
  g_autoptr (StewardClient) staging = NULL;
  g_autoptr (StewardChange) old = steward_change_new (STEWARD_CHANGE_ENABLE, "bim", "old@example.com", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) ten_days_ago = g_date_time_add_days (now, -10);
  GAsyncResult *result = NULL;

  fixture->server = steward_test_server_start (NULL, NULL);
  fixture->directory = g_dir_make_tmp ("steward-journal-dialog-XXXXXX", NULL);
  path = g_build_filename (fixture->directory, "journal.sqlite", NULL);
  fixture->journal = steward_journal_new (path, 365);
  production = journaled_client (fixture, "Production");
  staging = journaled_client (fixture, "Staging");

  steward_client_create_user_async (production, "ann@example.com", "Ann Lee", NULL, NULL, NULL, steward_test_ui_store_result_cb, &result);
  wait_user (production, &result, steward_client_create_user_finish, TRUE);
  g_clear_object (&result);
  steward_client_add_permission_async (production, "bim", "ann@example.com", "GOVERNANCE", NULL, steward_test_ui_store_result_cb, &result);
  wait_user (production, &result, steward_client_add_permission_finish, TRUE);
  g_clear_object (&result);
  steward_client_set_disabled_async (production, "bim", "ann@example.com", TRUE, NULL, steward_test_ui_store_result_cb, &result);
  wait_user (production, &result, steward_client_set_disabled_finish, TRUE);
  g_clear_object (&result);
  steward_client_add_permission_async (production, "bim", "nobody@example.com", "AUDIT", NULL, steward_test_ui_store_result_cb, &result);
  wait_user (production, &result, steward_client_add_permission_finish, FALSE);
  g_clear_object (&result);
  steward_client_create_user_async (staging, "bob@example.com", "Bob Roe", NULL, NULL, NULL, steward_test_ui_store_result_cb, &result);
  wait_user (staging, &result, steward_client_create_user_finish, TRUE);
  g_clear_object (&result);

  steward_change_set_time (old, ten_days_ago);
  steward_change_set_server (old, "Production", fixture->server->base_url);
  steward_change_recorder_record_async (STEWARD_CHANGE_RECORDER (fixture->journal), old, steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_change_recorder_record_finish (STEWARD_CHANGE_RECORDER (fixture->journal), steward_test_ui_wait_for_result (&result), NULL));
  g_clear_object (&result);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->journal);
  dir = g_dir_open (fixture->directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  steward_test_server_free (fixture->server);
}

static guint expected;

static gboolean
showing_expected (gpointer dialog)
{
  return !steward_change_journal_dialog_get_loading (dialog) && g_list_model_get_n_items (steward_change_journal_dialog_get_changes (dialog)) == expected;
}

static void
expect (GtkWidget *dialog,
        guint      n_changes)
{
  GtkListBox *list = GTK_LIST_BOX (steward_test_ui_find_by_accessible_name (dialog, "Changes"));
  guint       n_rows = 0;

  expected = n_changes;
  steward_test_ui_wait_until (showing_expected, dialog);

  /* One row on screen per change. */
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, n_changes);
}

static GtkDropDown *
dropdown (GtkWidget  *dialog,
          const char *name)
{
  GtkWidget *widget = steward_test_ui_find_by_accessible_name (dialog, name);

  g_assert_true (GTK_IS_DROP_DOWN (widget));
  return GTK_DROP_DOWN (widget);
}

static guint
position_of (GtkDropDown *menu,
             const char  *label)
{
  GListModel *labels = gtk_drop_down_get_model (menu);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_search_and_filters (Fixture      *fixture,
                         gconstpointer data)
{
  GtkWidget   *dialog = g_object_ref_sink (steward_change_journal_dialog_new (fixture->journal, "Production"));
  GtkDropDown *server = dropdown (dialog, "Server");
  GtkDropDown *kind = dropdown (dialog, "Kind of Change");
  GtkDropDown *result = dropdown (dialog, "Result");
  GtkDropDown *date = dropdown (dialog, "Date");
  GtkWidget   *search = steward_test_ui_find_by_accessible_name (dialog, "Search Changes");
  g_autoptr (StewardChange) newest = NULL;
  AdwActionRow *row;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 7);

  /* The profile it was opened for: its five changes, newest first. */
  expect (dialog, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (server)), gtk_drop_down_get_selected (server)), ==, "Production");
  newest = g_list_model_get_item (steward_change_journal_dialog_get_changes (STEWARD_CHANGE_JOURNAL_DIALOG (dialog)), 0);
  g_assert_cmpint (steward_change_get_kind (newest), ==, STEWARD_CHANGE_GRANT);
  g_assert_cmpint (steward_change_get_result (newest), ==, STEWARD_CHANGE_FAILED);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (steward_test_ui_find_by_accessible_name (dialog, "Changes")), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Grant AUDIT — bim:nobody@example.com");
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (row), "Failed"));

  /* The search, as typed. */
  gtk_editable_set_text (GTK_EDITABLE (search), "governance");
  expect (dialog, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "ann@");
  expect (dialog, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  expect (dialog, 5);

  /* Kind, result, date and server. */
  gtk_drop_down_set_selected (kind, position_of (kind, "Disable"));
  expect (dialog, 1);
  gtk_drop_down_set_selected (kind, 0);
  gtk_drop_down_set_selected (result, position_of (result, "Failed"));
  expect (dialog, 1);
  gtk_drop_down_set_selected (result, position_of (result, "Unfinished"));
  expect (dialog, 1);
  gtk_drop_down_set_selected (result, 0);
  gtk_drop_down_set_selected (date, position_of (date, "Last 7 Days"));
  expect (dialog, 4);
  gtk_drop_down_set_selected (server, position_of (server, "All Servers"));
  expect (dialog, 5);
  gtk_drop_down_set_selected (server, position_of (server, "Staging"));
  expect (dialog, 1);
  gtk_drop_down_set_selected (date, 0);
  expect (dialog, 1);

  /* Escape in the search entry clears it, then closes the journal. */
  steward_test_ui_check_escape_in_search (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static char *export(GtkWidget           *dialog,
                    const char          *path,
                    StewardJournalFormat format)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  steward_change_journal_dialog_export_async (STEWARD_CHANGE_JOURNAL_DIALOG (dialog), file, format, NULL,
                                              steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_change_journal_dialog_export_finish (STEWARD_CHANGE_JOURNAL_DIALOG (dialog), steward_test_ui_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export (Fixture      *fixture,
             gconstpointer data)
{
  GtkWidget       *dialog = g_object_ref_sink (steward_change_journal_dialog_new (fixture->journal, NULL));
  g_autofree char *csv_path = g_build_filename (fixture->directory, "changes.csv", NULL);
  g_autofree char *json_path = g_build_filename (fixture->directory, "changes.json", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_auto (GStrv) lines = NULL;
  GtkDropDown *kind = dropdown (dialog, "Kind of Change");
  JsonArray   *changes;

  gtk_window_present (GTK_WINDOW (dialog));
  expect (dialog, 6);

  /* Every change, a line each after the header. */
  g_assert_true (g_file_set_contents (csv_path, "an older file", -1, NULL));
  csv = export(dialog, csv_path, STEWARD_JOURNAL_FORMAT_CSV);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[0], "id,time,finished,server,"));
  g_assert_nonnull (strstr (csv, ",Staging,"));
  g_assert_nonnull (strstr (csv, ",grant,bim,ann@example.com,GOVERNANCE,"));

  /* What the filters select, as JSON. */
  gtk_drop_down_set_selected (kind, position_of (kind, "Create"));
  expect (dialog, 2);
  json = export(dialog, json_path, STEWARD_JOURNAL_FORMAT_JSON);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  changes = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "create");
      g_assert_cmpstr (json_object_get_string_member (change, "result"), ==, "done");
      g_assert_true (json_object_get_null_member (change, "before"));
      g_assert_nonnull (json_object_get_object_member (change, "after"));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_unlink (csv_path);
  g_unlink (json_path);
}

int
main (int    argc,
      char **argv)
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add ("/ui/change-journal/search-and-filters", Fixture, NULL, fixture_set_up, test_search_and_filters, fixture_tear_down);
  g_test_add ("/ui/change-journal/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);

  return g_test_run ();
}
