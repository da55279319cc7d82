/* test-user-import.c
 *
 * StewardUserImport against a real steward-server: each row's validation
 * (bad name or e-mail, a permission that is not a name, a duplicate in
 * the file, a user already on the server) before anything is sent, a
 * header without the columns, then the valid rows created by a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model-test-util.h"
#include "steward-bulk-run.h"
#include "steward-csv-reader.h"
#include "steward-user-import.h"

static const char compliance_csv[] = "\xEF\xBB\xBFName;E-mail;Permissions\n" /* "E-mail" is not "email": refused below */
                                     "";

static StewardImportRow *
row_at (StewardUserImport *import,
        guint              position)
{
  StewardImportRow *row = g_list_model_get_item (G_LIST_MODEL (import), position);

  g_object_unref (row);
  return row;
}

static void
test_header (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUserImport) import = NULL;

  import = steward_user_import_new_from_data (compliance_csv, strlen (compliance_csv), &error);
  g_assert_null (import);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  import = steward_user_import_new_from_data ("", 0, &error);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_HEADER);
}

static void
test_validate_check_create (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUserImport) import = NULL;
  g_autoptr (StewardBulkPlan) plan = NULL;
  g_autoptr (StewardBulkRun) run = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *text = "\xEF\xBB\xBF"
                     "EMAIL;name;permissions\r\n"
                     "ann@compliance.example;Ann Lee;GOVERNANCE\r\n"
                     "\r\n"
                     "not-an-address;Bob;\r\n"
                     "carl@compliance.example;\"Carl; the \"\"auditor\"\"\";AUDIT;GOVERNANCE\r\n"
                     "ANN@compliance.example;Ann Again;\r\n"
                     "admin@localhost;Existing;\r\n"
                     "dora@compliance.example;Dora;lower_case\r\n"
                     "erin@compliance.example;;\r\n";
  const char *carl_permissions[] = { "AUDIT", NULL };

  import = steward_user_import_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 7);
  g_assert_cmpuint (steward_import_row_get_line (row_at (import, 1)), ==, 4);
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 1)), ==, STEWARD_IMPORT_ROW_BAD_EMAIL);
  g_assert_cmpstr (steward_import_row_get_name (row_at (import, 2)), ==, "Carl; the \"auditor\"");
  /* "AUDIT;GOVERNANCE" unquoted in a ';' file: AUDIT, then a fourth field. */
  g_assert_true (g_strv_equal (steward_import_row_get_permissions (row_at (import, 2)), carl_permissions));
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 3)), ==, STEWARD_IMPORT_ROW_DUPLICATE);
  g_assert_nonnull (strstr (steward_import_row_get_message (row_at (import, 3)), "line 2"));
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 5)), ==, STEWARD_IMPORT_ROW_BAD_PERMISSION);
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 6)), ==, STEWARD_IMPORT_ROW_BAD_NAME);
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 4)), ==, STEWARD_IMPORT_ROW_VALID);

  steward_user_import_check_async (import, client, NULL, model_test_store_result_cb, &result);
  g_assert_true (steward_user_import_check_finish (import, model_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_import_row_get_status (row_at (import, 4)), ==, STEWARD_IMPORT_ROW_EXISTS);
  g_assert_cmpuint (steward_user_import_count (import, STEWARD_IMPORT_ROW_VALID), ==, 2);

  plan = steward_user_import_to_plan (import, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 2);
  run = steward_bulk_run_new (client, plan);
  g_clear_object (&result);
  steward_bulk_run_apply_async (run, NULL, model_test_store_result_cb, &result);
  g_assert_true (steward_bulk_run_apply_finish (run, model_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE), ==, 2);

  {
    g_autoptr (JsonNode) reply = model_test_get (server, "/bim/iam/bim/user/ann%40compliance.example");
    g_autoptr (JsonNode) carl = model_test_get (server, "/bim/iam/bim/user/carl%40compliance.example");

    g_assert_nonnull (reply);
    g_assert_nonnull (carl);
  }
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add_func ("/user-import/header", test_header);
  g_test_add_func ("/user-import/validate-check-create", test_validate_check_create);

  return g_test_run ();
}
