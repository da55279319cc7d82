/* test-window-layout.c
 *
 * What fits where: at the default size (1100×720) the directory and the
 * user page stand side by side and the longest e-mail of the demo data is
 * not cut, the Permissions column shows names or "+N", never a cut name;
 * at 360 px they fold into one column with a back button, nothing is
 * wider than the window, and the main dialogs fit too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-format.h"
#include "steward-last-login-cell.h"
#include "steward-permission-summary.h"
#include "steward-window-private.h"

#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Every user the server has, disabled ones included, one page. */
static GListModel *
list_all_users (StewardTestServer *server)
{
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  query->size = 1000;
  query->include_disabled = TRUE;
  steward_client_list_users_async (steward_session_get_client (session), query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_users_finish (steward_session_get_client (session), steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return g_object_ref (steward_page_result_get_items (page));
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

typedef struct
{
  GListModel *users;
  int         narrowest_email_cell;
  guint       n_email_cells;
  guint       n_cut_emails;
  guint       n_summaries;
  guint       n_counted;
  guint       n_last_logins;
} CellSurvey;

static gboolean
is_email (GListModel *users,
          const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      if (g_strcmp0 (steward_user_get_email (user), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The user whose last sign-in reads @text in short and @full in full. */
static gboolean
is_last_login (GListModel *users,
               const char *text,
               const char *full)
{
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      g_autofree char *user_text = NULL;
      g_autofree char *user_full = NULL;

      if (steward_user_get_last_login (user) == NULL)
        continue;
      user_text = steward_format_date_time (steward_user_get_last_login (user));
      user_full = steward_format_date_time_full (steward_user_get_last_login (user));
      if (g_str_equal (user_text, text) && g_str_equal (user_full, full))
        return TRUE;
    }
  return FALSE;
}

static void
survey_cell (gpointer widget,
             gpointer user_data)
{
  CellSurvey *survey = user_data;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_has_tooltip (widget))
    {
      g_autofree char *full = steward_last_login_cell_dup_tooltip_text (widget);

      /* A Last Login cell: the short form on screen, the full one as its
       * tooltip, both of one user's last sign-in. */
      if (full != NULL)
        {
          g_assert_true (is_last_login (survey->users, gtk_label_get_text (widget), full));
          survey->n_last_logins++;
        }
    }
  if (GTK_IS_LABEL (widget) && is_email (survey->users, gtk_label_get_text (widget)))
    {
      /* Shown whole? Cells of a column are all as wide as the column. */
      survey->n_cut_emails += pango_layout_is_ellipsized (gtk_label_get_layout (widget));
      survey->narrowest_email_cell = MIN (survey->narrowest_email_cell, gtk_widget_get_width (widget));
      survey->n_email_cells++;
    }
  else if (STEWARD_IS_PERMISSION_SUMMARY (widget))
    {
      StewardPermissionSummary *summary = widget;
      const char *const        *permissions = steward_permission_summary_get_permissions (summary);
      const char               *shown = steward_permission_summary_get_shown_text (summary);
      g_autofree char          *all = permissions != NULL ? g_strjoinv (", ", (GStrv) permissions) : g_strdup ("");

      /* Every name shown is whole; what is left out is counted. */
      g_assert_null (strstr (shown, "…"));
      if (g_strcmp0 (shown, all) != 0)
        {
          g_auto (GStrv) parts = g_strsplit (shown, ", ", -1);
          guint n_parts = g_strv_length (parts);
          guint n_names = n_parts - 1;
          guint rest = 0;

          if (n_parts == 1)
            {
              /* Not even one name fits: the count says what it counts. */
              g_assert_true (g_str_has_suffix (shown, " permissions") || g_str_has_suffix (shown, " permission"));
              n_names = 0;
              rest = (guint) g_ascii_strtoull (shown, NULL, 10);
            }
          else
            {
              g_assert_true (parts[n_parts - 1][0] == '+');
              rest = (guint) g_ascii_strtoull (parts[n_parts - 1] + 1, NULL, 10);
            }
          g_assert_cmpuint (n_names + rest, ==, g_strv_length ((GStrv) permissions));
          for (guint i = 0; i < n_names; i++)
            g_assert_cmpstr (parts[i], ==, permissions[i]);
          survey->n_counted++;
        }
      {
        g_autofree char *tooltip = steward_permission_summary_dup_tooltip_text (STEWARD_PERMISSION_SUMMARY (widget));
        g_autofree char *listed = permissions != NULL && permissions[0] != NULL ? g_strjoinv ("\n", (GStrv) permissions) : NULL;

        /* The tooltip lists every name, however few fit. */
        g_assert_true (gtk_widget_get_has_tooltip (widget));
        g_assert_cmpstr (tooltip, ==, listed);
      }
      survey->n_summaries++;
    }
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_default_size (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  g_autoptr (GListModel) users = NULL;
  StewardWindow *window;
  GtkColumnView *column_view;
  const char    *longest = NULL;
  int            longest_width = 0;
  CellSurvey     survey = { 0 };

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "160", NULL);
  users = list_all_users (server);
  window = app_test_open_window ();
  app_test_resize_window (GTK_WINDOW (window), 1100, 720);
  app_test_connect_through_dialog (window, server, "Demo", NULL);
  app_test_select_row (window, 0);
  column_view = app_test_directory_column_view (window);

  /* Side by side: both columns on screen, no back button. */
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->user_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->back_button)));

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      int width = text_width (GTK_WIDGET (column_view), steward_user_get_email (user));

      if (width > longest_width)
        {
          longest_width = width;
          longest = steward_user_get_email (user);
        }
    }

  survey.users = users;
  survey.narrowest_email_cell = G_MAXINT;
  steward_test_ui_foreach_widget (GTK_WIDGET (column_view), survey_cell, &survey);
  g_test_message ("Longest demo e-mail %s: %d px; e-mail cells %d px wide (%u on screen, %u cut); %u of %u permission cells counted",
                  longest, longest_width, survey.narrowest_email_cell, survey.n_email_cells, survey.n_cut_emails, survey.n_counted, survey.n_summaries);
  g_assert_cmpuint (survey.n_cut_emails, ==, 0);
  g_assert_cmpuint (survey.n_email_cells, >, 5);
  g_assert_cmpuint (survey.n_summaries, >, 5);
  g_assert_cmpuint (survey.n_last_logins, >, 5);
  /* The longest e-mail of the demo, wherever it is, fits its cell. */
  g_assert_cmpint (longest_width, <=, survey.narrowest_email_cell);

  app_test_close_window (window);
}

static void
test_narrow (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  StewardWindow *window;
  int            minimum;

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "40", NULL);
  window = app_test_open_window ();
  app_test_resize_window (GTK_WINDOW (window), 360, 720);

  /* Nothing on the first page asks for more than 360 px. */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  app_test_connect_through_dialog (window, server, "Demo", "PROD");
  steward_test_ui_drain ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* One column: the directory, no back button yet. */
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->user_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->back_button)));

  /* Selecting a user shows the user page with a back button ... */
  app_test_select_row (window, 1);
  steward_test_ui_wait_until (app_test_widget_mapped, window->user_page);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->user_page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->back_button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->back_button)));
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* ... and back returns to the list. */
  steward_test_ui_click (GTK_WIDGET (window->back_button));
  steward_test_ui_wait_until (app_test_widget_mapped, window->directory_view);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->back_button)));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != GTK_WIDGET (window->user_page));

  /* Wide again: both side by side. */
  app_test_resize_window (GTK_WINDOW (window), 1100, 720);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->directory_view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->user_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->back_button)));

  app_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{

  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/layout/default-size", test_default_size);
  g_test_add_func ("/ui/layout/narrow", test_narrow);

  return app_test_run ();
}
