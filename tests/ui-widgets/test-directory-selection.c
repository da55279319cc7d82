/* test-directory-selection.c
 *
 * Selecting many users in StewardDirectoryView against a real
 * steward-server: Ctrl-click picks rows one by one (the user page then
 * follows nobody), Shift-click the rows between, Select All of a search of 300 users counts 300 while
 * the directory loads only the pages on screen, and what is selected
 * becomes a bulk plan of exactly those users, read page by page from the
 * server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-directory-view.h"
#include "steward-session.h"
#include "steward-test-ui.h"

#define N_BATCH 300
#define PAGE_SIZE 25

typedef struct
{
  StewardTestServer    *server;
  StewardSession       *session;
  StewardUserDirectory *directory;
  GtkWindow            *window;
  StewardDirectoryView *view;
} Fixture;

static gboolean
directory_settled (gpointer user_data)
{
  StewardUserDirectory *directory = user_data;

  return !steward_user_directory_get_loading (directory) && g_list_model_get_n_items (G_LIST_MODEL (directory)) > 0;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start (NULL, NULL);
  fixture->session = steward_test_ui_connect (fixture->server);

  /* 300 users a search finds, and one it does not. */
  for (guint i = 0; i < N_BATCH; i++)
    {
      g_autofree char *email = g_strdup_printf ("batch%03u@example.com", i);
      g_autofree char *name = g_strdup_printf ("Batch Member %03u", i);

      g_object_unref (steward_test_ui_create_user (fixture->session, email, name, NULL));
    }
  g_object_unref (steward_test_ui_create_user (fixture->session, "other@example.com", "Someone Else", NULL));

  fixture->directory = steward_user_directory_new_with_page_size (NULL, PAGE_SIZE);
  /* GTK 4.8's list binds up to 200 rows, eight of these small pages, so the
   * window holds every page here: what is tested is the selection, and
   * a row on screen must not be a dropped page's placeholder. (The app's
   * pages of 50 give the default window 400 rows.) */
  steward_user_directory_set_window_pages (fixture->directory, N_BATCH / PAGE_SIZE + 1);
  /* The search before the client, as the window does: one query from
   * the start. (GTK 4.8's list binds up to 200 rows, and rebinds past them
   * when a query replaces every row, so a later search would load more.) */
  steward_user_directory_set_sort_field (fixture->directory, STEWARD_USER_SORT_NAME);
  steward_user_directory_set_search_text (fixture->directory, "batch");
  steward_user_directory_set_client (fixture->directory, steward_session_get_client (fixture->session));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  fixture->view = STEWARD_DIRECTORY_VIEW (steward_directory_view_new ());
  steward_directory_view_set_directory (fixture->view, fixture->directory);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  steward_test_ui_wait_until (directory_settled, fixture->directory);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  steward_test_ui_drain ();
  g_clear_object (&fixture->directory);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* Clicks the row showing @name as a person would, holding Ctrl when
 * @modify: the row's own "listitem.select" action is what a click runs. */
static void
click_row_extending (StewardDirectoryView *view,
                     const char           *name,
                     gboolean              modify,
                     gboolean              extend)
{
  GtkWidget *label = steward_test_ui_find_label (GTK_WIDGET (view), name);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (label, "listitem.select", "(bb)", modify, extend));
}

static void
click_row (StewardDirectoryView *view,
           const char           *name,
           gboolean              modify)
{
  click_row_extending (view, name, modify, FALSE);
}

static gboolean
search_applied (gpointer user_data)
{
  Fixture *fixture = user_data;

  return directory_settled (fixture->directory) && g_list_model_get_n_items (G_LIST_MODEL (fixture->directory)) == N_BATCH;
}

static gboolean
two_selected_revealed (gpointer user_data)
{
  Fixture   *fixture = user_data;
  GtkWidget *label = steward_test_ui_find_label (GTK_WIDGET (fixture->view), "2 selected");

  return label != NULL && gtk_widget_get_child_visible (gtk_widget_get_parent (label));
}

static void
test_ctrl_click (Fixture      *fixture,
                 gconstpointer data)
{
  StewardUserSelection *selection = steward_directory_view_get_selection (fixture->view);

  steward_test_ui_drain ();

  /* A plain click: one user, whom the user page follows; no bar text
   * about many. */
  click_row (fixture->view, "Batch Member 000", FALSE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 1);
  g_assert_nonnull (steward_directory_view_get_selected_user (fixture->view));
  g_assert_cmpstr (steward_user_get_userid (steward_directory_view_get_selected_user (fixture->view)), ==, "batch000@example.com");
  /* The directory's own row, which updates in place, not a copy. */
  {
    g_autoptr (StewardUser) row = g_list_model_get_item (G_LIST_MODEL (fixture->directory), 0);

    g_assert_true (steward_directory_view_get_selected_user (fixture->view) == row);
  }

  /* Ctrl-click a second: two selected, nobody on the page, the bar says so. */
  click_row (fixture->view, "Batch Member 003", TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 2);
  g_assert_false (steward_user_selection_get_all_of_query (selection));
  g_assert_null (steward_directory_view_get_selected_user (fixture->view));
  {
    g_autoptr (StewardUser) third = steward_test_ui_fetch_user (fixture->session, "bim", "batch003@example.com");

    g_assert_true (steward_user_selection_contains (selection, third));
  }
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (fixture->view), "2 selected"));
  /* The revealer shows its child on its first animation frame, which a
   * loaded machine may draw later than a fixed drain. */
  steward_test_ui_wait_until (two_selected_revealed, fixture);

  /* Ctrl-click the first again: back to one, whom the page shows. */
  click_row (fixture->view, "Batch Member 000", TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 1);
  g_assert_cmpstr (steward_user_get_userid (steward_directory_view_get_selected_user (fixture->view)), ==, "batch003@example.com");

  /* Shift-click: from the row clicked last (the first) to the eighth,
   * those eight alone. */
  click_row_extending (fixture->view, "Batch Member 007", FALSE, TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 8);
  g_assert_false (steward_user_selection_get_all_of_query (selection));

  /* Clear empties it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "directory.clear-selection", NULL));
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 0);
}

static void
test_select_all_of_search (Fixture      *fixture,
                           gconstpointer data)
{
  StewardUserSelection *selection = steward_directory_view_get_selection (fixture->view);
  g_autoptr (StewardBulkPlan) plan = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) excluded = NULL;
  guint pages_before;
  guint added;

  /* The list binds its rows over a few frames: wait until it asks for no
   * more pages. */
  do
    {
      pages_before = steward_user_directory_get_pages_requested (fixture->directory);
      steward_test_ui_wait_until (search_applied, fixture);
      for (guint frame = 0; frame < 10; frame++)
        {
          g_usleep (20000);
          steward_test_ui_drain ();
        }
    }
  while (steward_user_directory_get_loading (fixture->directory) || pages_before != steward_user_directory_get_pages_requested (fixture->directory));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "directory.select-all", NULL));
  steward_test_ui_drain ();

  /* 300 selected, all of the query, and Select All fetched nothing: the
   * directory holds only the pages the list binds, not the twelve of the
   * search. */
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, N_BATCH);
  g_assert_true (steward_user_selection_get_all_of_query (selection));
  g_assert_cmpstr (steward_user_selection_get_query (selection)->search_text, ==, "batch");
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory) - pages_before, ==, 0);
  g_test_message ("pages: %u for the search, %u for Select All", pages_before,
                  steward_user_directory_get_pages_requested (fixture->directory) - pages_before);
  g_assert_cmpuint (steward_user_directory_get_pages_requested (fixture->directory), <, N_BATCH / PAGE_SIZE);
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (fixture->view), "300 selected"));
  g_assert_null (steward_directory_view_get_selected_user (fixture->view));

  /* Ctrl-click takes one out of all of it. */
  click_row (fixture->view, "Batch Member 001", TRUE);
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, N_BATCH - 1);
  g_assert_true (steward_user_selection_get_all_of_query (selection));

  /* The plan holds the other 299, read from the server page by page. */
  plan = steward_bulk_plan_new (STEWARD_BULK_ADD_PERMISSIONS, (const char *const[]){ "GOVERNANCE", NULL }, NULL);
  steward_user_selection_add_to_plan_async (selection, steward_session_get_client (fixture->session), plan, NULL,
                                            steward_test_ui_store_result_cb, &result);
  added = steward_user_selection_add_to_plan_finish (selection, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, N_BATCH - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, N_BATCH - 1);
  excluded = steward_test_ui_fetch_user (fixture->session, "bim", "batch001@example.com");
  for (guint i = 0; i < N_BATCH - 1; i++)
    {
      g_autoptr (StewardBulkItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpint (steward_user_get_id (steward_bulk_item_get_user (item)), !=, steward_user_get_id (excluded));
      g_assert_true (g_str_has_prefix (steward_bulk_item_get_email (item), "batch"));
    }

  /* Another search is other users: the selection ends. */
  steward_user_directory_set_search_text (fixture->directory, "else");
  g_assert_cmpuint (steward_user_selection_get_n_selected (selection), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add ("/ui/directory-view/selection/ctrl-click", Fixture, NULL, fixture_set_up, test_ctrl_click, fixture_tear_down);
  g_test_add ("/ui/directory-view/selection/select-all-of-search", Fixture, NULL, fixture_set_up, test_select_all_of_search, fixture_tear_down);

  return g_test_run ();
}
