/* app-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app-test-util.h"

#include "steward-test-ui.h"

StewardApplication *app_test_application;

gboolean
app_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("steward-ui-XXXXXX", NULL);

  /* The local server keeps its data under XDG_DATA_HOME: a fresh one per
   * run, set before GLib reads it. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!steward_test_ui_init (argc, argv))
    return FALSE;

  app_test_application = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app_test_application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app_test_application), NULL, NULL));
  return TRUE;
}

int
app_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app_test_application);
  return status;
}

static void
reset_settings (void)
{
  GSettings *settings = steward_application_get_settings (app_test_application);

  g_settings_reset (settings, "profiles");
  g_settings_reset (settings, "active-profile");
  g_settings_reset (settings, "local-profile");
  g_settings_reset (settings, "include-disabled");
  g_settings_reset (settings, "send-usage-counts");
}

StewardWindow *
app_test_open_window (void)
{
  StewardWindow *window;

  reset_settings ();
  window = steward_window_new (app_test_application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
app_test_close_window (StewardWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  steward_test_ui_drain ();
}

typedef struct
{
  int width;
  int height;
} Size;

static gboolean
window_has_size (gpointer user_data)
{
  gpointer *args = user_data;
  Size     *size = args[1];

  return gtk_widget_get_width (GTK_WIDGET (args[0])) == size->width && gtk_widget_get_height (GTK_WIDGET (args[0])) == size->height;
}

static gboolean
window_allocated (gpointer window)
{
  return gtk_widget_get_width (window) > 0;
}

/* The default size also counts the client-side decoration's frame, so
 * measure that first. */
void
app_test_resize_window (GtkWindow *window,
                        int        width,
                        int        height)
{
  Size     size = { width, height };
  gpointer args[] = { window, &size };
  int      default_width, default_height;

  steward_test_ui_wait_until (window_allocated, window);
  gtk_window_get_default_size (window, &default_width, &default_height);
  gtk_window_set_default_size (window,
                               width + default_width - gtk_widget_get_width (GTK_WIDGET (window)),
                               height + default_height - gtk_widget_get_height (GTK_WIDGET (window)));
  steward_test_ui_wait_until (window_has_size, args);
  steward_test_ui_drain ();
}

GtkColumnView *
app_test_directory_column_view (StewardWindow *window)
{
  return steward_test_ui_find_widget (GTK_WIDGET (window->directory_view), GTK_TYPE_COLUMN_VIEW);
}

void
app_test_select_row (StewardWindow *window,
                     guint          position)
{
  gtk_selection_model_select_item (gtk_column_view_get_model (app_test_directory_column_view (window)), position, TRUE);
  steward_test_ui_drain ();
}

gboolean
app_test_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The newest toplevel of @type, e.g. a dialog the window just opened. */
gpointer
app_test_find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

gboolean
app_test_window_connected (gpointer user_data)
{
  StewardWindow *window = user_data;

  return window->session != NULL && window->directory != NULL && !steward_user_directory_get_loading (window->directory) && g_list_model_get_n_items (G_LIST_MODEL (window->directory)) > 0 && g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "connected") == 0;
}

gboolean
app_test_directory_settled (gpointer user_data)
{
  StewardWindow *window = user_data;

  return !steward_user_directory_get_loading (window->directory);
}

GtkWidget *
app_test_dialog_child (StewardConnectDialog *dialog,
                       const char           *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), STEWARD_TYPE_CONNECT_DIALOG, name));
}

guint
app_test_server_user_count (StewardTestServer *server,
                            const char        *query)
{
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUserQuery) user_query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  user_query->size = 1;
  user_query->include_disabled = g_strcmp0 (query, "all") == 0;
  steward_client_list_users_async (steward_session_get_client (session), user_query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_users_finish (steward_session_get_client (session), steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return steward_page_result_get_total (page);
}

void
app_test_create_plain_user (StewardTestServer *server,
                            const char        *email)
{
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) user = steward_test_ui_create_user (session, email, "Plain User", NULL);
}

char *
app_test_find_holder (StewardSession *admin,
                      const char     *permission)
{
  StewardClient *client = steward_session_get_client (admin);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *hits;

  query->permission = g_strdup (permission);
  query->size = 50;
  steward_client_list_users_async (client, query, NULL, steward_test_ui_store_result_cb, &result);
  page = steward_client_list_users_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  hits = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (hits, i);

      if (g_strcmp0 (steward_user_get_iamid (user), "bim") == 0 && g_strcmp0 (steward_user_get_userid (user), "admin@localhost") != 0)
        return g_strdup (steward_user_get_userid (user));
    }
  g_assert_not_reached ();
}

typedef struct
{
  StewardSession *admin;
  const char     *iamid;
  const char     *userid;
  const char     *permission; /* NULL: check disabled instead */
  gboolean        expected;
} ServerState;

static gboolean
server_state_is (gpointer data)
{
  ServerState *state = data;
  g_autoptr (StewardUser) user = steward_test_ui_fetch_user (state->admin, state->iamid, state->userid);

  if (state->permission != NULL)
    return steward_user_has_permission (user, state->permission) == state->expected;
  return steward_user_get_disabled (user) == state->expected;
}

void
app_test_wait_for_server (StewardSession *admin,
                          StewardUser    *user,
                          const char     *permission,
                          gboolean        expected)
{
  ServerState state = { admin, steward_user_get_iamid (user), steward_user_get_userid (user), permission, expected };

  steward_test_ui_wait_until (server_state_is, &state);
}

GListModel *
app_test_journal_changes (const char *userid)
{
  StewardJournal *journal = steward_application_get_journal (app_test_application);
  g_autoptr (StewardJournalFilter) filter = steward_journal_filter_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *changes;

  filter->text = g_strdup (userid);
  steward_journal_query_async (journal, filter, NULL, steward_test_ui_store_result_cb, &result);
  changes = steward_journal_query_finish (journal, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return changes;
}

typedef struct
{
  const char       *userid;
  StewardChangeKind kind;
} JournalWait;

static gboolean
journal_has_done (gpointer data)
{
  JournalWait *wait = data;
  g_autoptr (GListModel) changes = app_test_journal_changes (wait->userid);
  g_autoptr (StewardChange) newest = g_list_model_get_item (changes, 0);

  return newest != NULL && steward_change_get_kind (newest) == wait->kind && steward_change_get_result (newest) == STEWARD_CHANGE_DONE;
}

void
app_test_wait_for_journal (const char       *userid,
                           StewardChangeKind kind)
{
  JournalWait wait = { userid, kind };

  steward_test_ui_wait_until (journal_has_done, &wait);
}

char *
app_test_total_text (guint n)
{
  return g_strdup_printf ("%'u users", n);
}

/* Every button-like control in @root has a name a screen reader can say. */
void
app_test_connect_through_dialog (StewardWindow     *window,
                                 StewardTestServer *server,
                                 const char        *name,
                                 const char        *tag)
{
  StewardConnectDialog *dialog = app_test_open_connect_dialog (window);

  steward_connect_dialog_set_values (dialog, name, server->base_url, server->admin_api_key);
  if (tag != NULL)
    {
      /* Green, fourth in the palette. */
      gtk_editable_set_text (GTK_EDITABLE (app_test_dialog_child (dialog, "tag_row")), tag);
      adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_dialog_child (dialog, "color_row")), 3);
    }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (app_test_window_connected, window);
  g_assert_null (app_test_find_toplevel (STEWARD_TYPE_CONNECT_DIALOG));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static gboolean
count_is (gpointer user_data)
{
  gpointer      *args = user_data;
  StewardWindow *window = args[0];

  return app_test_directory_settled (window) && g_list_model_get_n_items (G_LIST_MODEL (window->directory)) == GPOINTER_TO_UINT (args[1]);
}

void
app_test_wait_for_count (StewardWindow *window,
                         guint          n)
{
  gpointer args[] = { window, GUINT_TO_POINTER (n) };

  steward_test_ui_wait_until (count_is, args);
}

/* The debounced search reached the directory and its reply came. */
gboolean
app_test_search_applied (gpointer user_data)
{
  StewardWindow *window = user_data;

  return g_strcmp0 (steward_user_directory_get_search_text (window->directory),
                    gtk_editable_get_text (GTK_EDITABLE (window->search_entry)))
             == 0
         && app_test_directory_settled (window);
}

StewardConnectDialog *
app_test_open_connect_dialog (StewardWindow *window)
{
  StewardConnectDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect", NULL));
  dialog = app_test_find_toplevel (STEWARD_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}
