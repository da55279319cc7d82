/* test-directory-view.c
 *
 * StewardDirectoryView against a real steward-server with demo users: the
 * template builds, rows and the total show what the server has, a click on
 * a column header sorts on the server, and selecting a row exposes its user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-directory-view.h"
#include "steward-session.h"
#include "steward-user-page.h"
#include "steward-test-ui.h"
#include "steward-user-private.h"

static gboolean
directory_loaded (gpointer user_data)
{
  StewardUserDirectory *directory = user_data;

  return !steward_user_directory_get_loading (directory) && g_list_model_get_n_items (G_LIST_MODEL (directory)) > 0;
}

static void
test_template_builds (void)
{
  GtkWidget *view = g_object_ref_sink (steward_directory_view_new ());

  g_assert_nonnull (steward_test_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW));
  g_assert_null (steward_directory_view_get_selected_user (STEWARD_DIRECTORY_VIEW (view)));
  g_assert_finalize_object (view);
}

/* How many rows below @root are titled after one of @names. */
static guint
count_rows_titled (GtkWidget         *root,
                   const char *const *names)
{
  guint n = 0;

  if (ADW_IS_PREFERENCES_ROW (root) && g_strv_contains (names, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows_titled (child, names);
  return n;
}

static void
test_user_page_template (void)
{
  GtkWidget *page = g_object_ref_sink (steward_user_page_new ());

  g_assert_nonnull (steward_test_ui_find_widget (page, ADW_TYPE_AVATAR));
  g_assert_null (steward_user_page_get_user (STEWARD_USER_PAGE (page)));
  g_assert_finalize_object (page);
}

/* Names, userids and meanings are data, not markup: a warning about
 * unparsable markup would fail the test. */
static void
test_user_page_shows_text_not_markup (void)
{
  StewardUserFields fields = { 0 };
  const char *const permissions[] = { "CUSTOM_<B>", NULL };
  g_autoptr (StewardUser) user = NULL;
  GtkWidget *page = g_object_ref_sink (steward_user_page_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  fields.id = 7;
  fields.iamid = g_strdup ("bim");
  fields.userid = g_strdup ("tom&jerry@example.com");
  fields.name = g_strdup ("Tom & Jerry <i>");
  fields.sql_user = g_strdup ("t<j");
  fields.permissions = g_strdupv ((GStrv) permissions);
  user = steward_user_new_take_fields (&fields);

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  steward_user_page_set_user (STEWARD_USER_PAGE (page), user);
  steward_test_ui_drain ();

  g_assert_nonnull (steward_test_ui_find_row (page, "CUSTOM_<B>"));
  gtk_window_destroy (window);
  g_object_unref (page);
}

static void
test_against_server (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "120", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUserDirectory) directory = NULL;
  g_autofree char     *expected_total = NULL;
  g_autofree char     *first_userid = NULL;
  GtkWindow           *window;
  GtkWidget           *view;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *email_column;
  g_autoptr (GListModel) columns = NULL;
  guint n_items;

  directory = steward_user_directory_new (steward_session_get_client (session));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 600);
  view = steward_directory_view_new ();
  steward_directory_view_set_directory (STEWARD_DIRECTORY_VIEW (view), directory);
  gtk_window_set_child (window, view);
  gtk_window_present (window);

  steward_test_ui_wait_until (directory_loaded, directory);

  /* The total is the server's count for the query. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (directory));
  g_assert_cmpuint (n_items, >, 50);
  expected_total = g_strdup_printf ("%u users", n_items);
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (view, expected_total));

  /* A click on the Email header sorts on the server. */
  column_view = steward_test_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW);
  columns = g_object_ref (gtk_column_view_get_columns (column_view));
  email_column = g_list_model_get_item (columns, 1);
  g_object_unref (email_column);
  g_assert_cmpstr (gtk_column_view_column_get_title (email_column), ==, "Email");
  gtk_column_view_sort_by_column (column_view, email_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (steward_user_directory_get_sort_field (directory), ==, STEWARD_USER_SORT_EMAIL);
  g_assert_cmpint (steward_user_directory_get_sort_order (directory), ==, STEWARD_SORT_DESCENDING);
  steward_test_ui_wait_until (directory_loaded, directory);

  /* Selecting a row exposes its user. */
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 0, TRUE);
  g_assert_nonnull (steward_directory_view_get_selected_user (STEWARD_DIRECTORY_VIEW (view)));
  first_userid = g_strdup (steward_user_get_userid (steward_directory_view_get_selected_user (STEWARD_DIRECTORY_VIEW (view))));
  g_assert_nonnull (first_userid);

  /* The user page lists the selected user's permissions. */
  {
    StewardUser       *user = steward_directory_view_get_selected_user (STEWARD_DIRECTORY_VIEW (view));
    const char *const *permissions = steward_user_get_permissions (user);
    GtkWidget         *page = g_object_ref_sink (steward_user_page_new ());

    g_assert_nonnull (permissions);
    steward_user_page_set_session (STEWARD_USER_PAGE (page), session);
    steward_user_page_set_user (STEWARD_USER_PAGE (page), user);
    g_assert_cmpuint (count_rows_titled (page, permissions), ==, g_strv_length ((GStrv) permissions));
    g_object_unref (page);
  }

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/directory-view/template", test_template_builds);
  g_test_add_func ("/ui/user-page/template", test_user_page_template);
  g_test_add_func ("/ui/user-page/text-not-markup", test_user_page_shows_text_not_markup);
  g_test_add_func ("/ui/directory-view/server", test_against_server);

  return g_test_run ();
}
