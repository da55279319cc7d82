/* test-window-export.c
 *
 * Export… and Export Access Review from the real window against a real
 * steward-server: the file has one row per user the directory shows (its
 * search included, across all pages), CSV or JSON by the file's name, and
 * the access review has a column per permission.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-ui.h"

#include "app-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* The file was there (empty) before: replacing it writes beside it and
 * renames over it on close, so any content is the whole export. */
static gboolean
file_written (gpointer user_data)
{
  GStatBuf st;

  return g_stat (user_data, &st) == 0 && st.st_size > 0;
}

/* Exports with @shape to @name in @dir and returns the file's contents. */
static char *
export_to (StewardWindow         *window,
           StewardUserExportShape shape,
           const char            *dir,
           const char            *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  steward_window_export_to_file (window, shape, file);
  steward_test_ui_wait_until (file_written, path);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      n++;
  return n;
}

static void
test_export (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "120", NULL);
  g_autofree char *dir = g_dir_make_tmp ("steward-export-XXXXXX", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *searched = NULL;
  g_autofree char *review = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  StewardWindow *window = app_test_open_window ();
  JsonObject    *root;
  JsonArray     *columns;
  gboolean       has_governance = FALSE;
  guint          active = app_test_server_user_count (server, "active");
  guint          matching;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export-users"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export-access-review"));

  /* Nothing to export before a server is on screen. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-users"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-access-review"));

  app_test_connect_through_dialog (window, server, "Demo", NULL);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-users"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-access-review"));
  steward_test_ui_wait_until (app_test_directory_settled, window);

  /* Every active user, across all pages (the directory pages by 50), one
   * row each after the header. */
  g_assert_cmpuint (active, >, 50);
  listing = export_to (window, STEWARD_USER_EXPORT_LISTING, dir, "users.csv");
  g_assert_true (g_str_has_prefix (listing, "name,email,"));
  g_assert_cmpuint (count_lines (listing), ==, active + 1);

  /* Only what the search shows. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "example.org");
  steward_test_ui_wait_until (app_test_search_applied, window);
  steward_test_ui_wait_until (app_test_directory_settled, window);
  matching = g_list_model_get_n_items (G_LIST_MODEL (window->directory));
  g_assert_cmpuint (matching, >, 0);
  g_assert_cmpuint (matching, <, active);
  searched = export_to (window, STEWARD_USER_EXPORT_LISTING, dir, "searched.csv");
  g_assert_cmpuint (count_lines (searched), ==, matching + 1);

  /* The access review as JSON: a column per permission, a user per row. */
  review = export_to (window, STEWARD_USER_EXPORT_ACCESS_REVIEW, dir, "review.json");
  json_parser_load_from_data (parser, review, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "users")), ==, matching);
  columns = json_object_get_array_member (root, "permissions");
  for (guint i = 0; i < json_array_get_length (columns); i++)
    has_governance |= g_strcmp0 (json_array_get_string_element (columns, i), "GOVERNANCE") == 0;
  g_assert_true (has_governance);

  app_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/window/export", test_export);

  return app_test_run ();
}
