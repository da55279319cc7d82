/* test-user-selection.c
 *
 * StewardUserSelection against a real steward-server with 1,200 demo
 * users: picked users go into a plan as picked, once each; "all of the
 * query" goes in page by page (more than one page of 1,000), exactly the
 * users the server counts for the query, without those left out; and a
 * stopped server fails the plan with the client's error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-selection.h"

#include "model-test-util.h"

static StewardUser *
first_user (StewardClient *client,
            const char    *search_text)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  query->search_text = g_strdup (search_text);
  query->size = 1;
  steward_client_list_users_async (client, query, NULL, model_test_store_result_cb, &result);
  page = steward_client_list_users_finish (client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return g_list_model_get_item (steward_page_result_get_items (page), 0);
}

static guint
fill_plan (StewardUserSelection *selection,
           StewardClient        *client,
           StewardBulkPlan      *plan,
           GError              **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_user_selection_add_to_plan_async (selection, client, plan, NULL, model_test_store_result_cb, &result);
  return steward_user_selection_add_to_plan_finish (selection, model_test_wait_result (&result), error);
}

static void
test_picked_and_all (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "1200", NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUserSelection) selection = steward_user_selection_new ();
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardBulkPlan) picked_plan = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, NULL);
  g_autoptr (StewardBulkPlan) all_plan = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, NULL);
  g_autoptr (StewardUser) one = NULL;
  g_autoptr (StewardUser) placeholder = steward_user_new (NULL, NULL);
  g_autoptr (JsonNode) reply = model_test_get (server, "/bim/user?size=1&includeDisabled=true");
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  guint count = model_test_reply_count (reply);

  g_assert_cmpuint (count, >, 1000);
  one = first_user (client, NULL);

  /* Picked: the same user twice is one; a placeholder is nobody. */
  steward_user_selection_set_selected (selection, one, TRUE);
  steward_user_selection_set_selected (selection, one, TRUE);
  steward_user_selection_set_selected (selection, placeholder, TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 1);
  g_assert_true (steward_user_selection_get_single_user (selection) != one);
  g_assert_cmpint (steward_user_get_id (steward_user_selection_get_single_user (selection)), ==, steward_user_get_id (one));
  g_assert_cmpuint (fill_plan (selection, client, picked_plan, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (picked_plan)), ==, 1);

  /* All of the query (disabled included): two pages of 1,000, minus the
   * one left out, each user once. */
  query->include_disabled = TRUE;
  steward_user_selection_select_query (selection, query, count);
  g_assert_true (steward_user_selection_get_all_of_query (selection));
  g_assert_null (steward_user_selection_get_single_user (selection));
  steward_user_selection_set_selected (selection, one, FALSE);
  g_assert_false (steward_user_selection_contains (selection, one));
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, count - 1);
  g_assert_cmpuint (fill_plan (selection, client, all_plan, &error), ==, count - 1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all_plan)), ==, count - 1);
  for (guint i = 0; i < count - 1; i++)
    {
      g_autoptr (StewardBulkItem) item = g_list_model_get_item (G_LIST_MODEL (all_plan), i);
      gint64 id = steward_user_get_id (steward_bulk_item_get_user (item));

      g_assert_cmpint (id, !=, steward_user_get_id (one));
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }

  /* Taken back in, and cleared. */
  steward_user_selection_set_selected (selection, one, TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, count);
  steward_user_selection_clear (selection);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 0);
  g_assert_false (steward_user_selection_get_all_of_query (selection));
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "20", NULL);
  g_autoptr (StewardClient) client = model_test_admin_client (server);
  g_autoptr (StewardUserSelection) selection = steward_user_selection_new ();
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardBulkPlan) plan = steward_bulk_plan_new (STEWARD_BULK_ENABLE, NULL, NULL);
  g_autoptr (GError) error = NULL;

  steward_user_selection_select_query (selection, query, 20);
  steward_test_server_stop (server);
  g_assert_cmpuint (fill_plan (selection, client, plan, &error), ==, 0);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add_func ("/model/user-selection/picked-and-all", test_picked_and_all);
  g_test_add_func ("/model/user-selection/server-gone", test_server_gone);

  return g_test_run ();
}
