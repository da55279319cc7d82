/* test-command-palette.c
 *
 * The command palette over the real window and a real steward-server:
 * Ctrl+K opens it, a search finds a user who then goes on the user page,
 * and Disable typed and chosen there disables them on the server (after
 * the same confirmation as the button) and lands in the change journal.
 * Actions are found by name and offered only while the window enables
 * them; Escape closes; every row and the entry have names a screen
 * reader says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change-journal-dialog.h"
#include "steward-command-palette.h"
#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

typedef struct
{
  StewardTestServer *server;
  StewardWindow     *window;
  StewardSession    *admin; /* a second session, to read the server */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start ("--demo", "60", NULL);
  fixture->admin = steward_test_ui_connect (fixture->server);
  fixture->window = app_test_open_window ();
  app_test_connect_through_dialog (fixture->window, fixture->server, "Palette Demo", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  app_test_close_window (fixture->window);
  g_clear_object (&fixture->admin);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* ------------------------------------------------------------------ */
/* Driving the palette                                                 */
/* ------------------------------------------------------------------ */

static StewardCommandPalette *
open_palette (StewardWindow *window)
{
  StewardCommandPalette *palette;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.command-palette", NULL));
  palette = app_test_find_toplevel (STEWARD_TYPE_COMMAND_PALETTE);
  g_assert_nonnull (palette);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (palette)) == GTK_WINDOW (window));
  return palette;
}

static GtkWidget *
palette_child (StewardCommandPalette *palette,
               const char            *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (palette), STEWARD_TYPE_COMMAND_PALETTE, name));
}

static gboolean
search_settled (gpointer palette)
{
  return !steward_command_palette_get_searching (palette);
}

/* Types @text as a person would, and waits for the search it sends. */
static void
type_text (StewardCommandPalette *palette,
           const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (palette_child (palette, "search_entry")), text);
  steward_test_ui_wait_until (search_settled, palette);
}

static void
press_enter (StewardCommandPalette *palette)
{
  g_signal_emit_by_name (palette_child (palette, "search_entry"), "activate");
}

static GtkListBox *
palette_list (StewardCommandPalette *palette)
{
  return GTK_LIST_BOX (palette_child (palette, "list_box"));
}

static guint
n_rows (StewardCommandPalette *palette)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (palette_list (palette), n) != NULL)
    n++;
  return n;
}

static const char *
row_title (StewardCommandPalette *palette,
           guint                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (palette_list (palette), index);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static const char *
row_action (StewardCommandPalette *palette,
            guint                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (palette_list (palette), index);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "steward-action") : NULL;
}

static StewardUser *
row_user (StewardCommandPalette *palette,
          guint                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (palette_list (palette), index);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "steward-user") : NULL;
}

static gboolean
offers_action (StewardCommandPalette *palette,
               const char            *action)
{
  for (guint i = 0; i < n_rows (palette); i++)
    if (g_strcmp0 (row_action (palette, i), action) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
palette_closed (gpointer data)
{
  return app_test_find_toplevel (STEWARD_TYPE_COMMAND_PALETTE) == NULL;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_disable_found_user (Fixture      *fixture,
                         gconstpointer data)
{
  StewardWindow   *window = fixture->window;
  g_autofree char *userid = app_test_find_holder (fixture->admin, "CREATE_PROJECT");
  g_autoptr (StewardUser) before = steward_test_ui_fetch_user (fixture->admin, "bim", userid);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app_test_application), "win.command-palette");
  StewardCommandPalette *palette;
  AdwMessageDialog      *confirm;
  StewardUser           *user;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>k");
  g_assert_false (steward_user_get_disabled (before));

  /* The server's search finds them by e-mail; Enter takes the first row. */
  palette = open_palette (window);
  type_text (palette, userid);
  user = row_user (palette, 0);
  g_assert_nonnull (user);
  g_assert_cmpstr (steward_user_get_userid (user), ==, userid);
  press_enter (palette);

  /* They are on the user page; the palette stays, for an action. */
  g_assert_true (app_test_find_toplevel (STEWARD_TYPE_COMMAND_PALETTE) == palette);
  g_assert_cmpstr (steward_user_get_userid (steward_user_page_get_user (window->user_page)), ==, userid);
  g_assert_cmpstr (steward_user_get_userid (steward_command_palette_get_user (palette)), ==, userid);
  g_assert_true (gtk_widget_get_visible (palette_child (palette, "user_label")));

  type_text (palette, "disa");
  g_assert_cmpstr (row_action (palette, 0), ==, "win.disable-user");
  g_assert_cmpstr (row_title (palette, 0), ==, "Disable");
  press_enter (palette);
  steward_test_ui_wait_until (palette_closed, NULL);

  /* The same confirmation as the button's, then the server. */
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "confirm");
  app_test_wait_for_server (fixture->admin, user, NULL, TRUE);

  /* Journaled like every write of the window. */
  app_test_wait_for_journal (userid, STEWARD_CHANGE_DISABLE);

  /* Now the palette offers Enable for them, not Disable. */
  palette = open_palette (window);
  type_text (palette, "able");
  g_assert_true (offers_action (palette, "win.enable-user"));
  g_assert_false (offers_action (palette, "win.disable-user"));
  gtk_window_destroy (GTK_WINDOW (palette));
}

static void
test_actions_by_name (Fixture      *fixture,
                      gconstpointer data)
{
  StewardWindow         *window = fixture->window;
  StewardCommandPalette *palette = open_palette (window);

  /* Nobody on the page: nothing to disable, but the server-wide actions. */
  g_assert_null (steward_user_page_get_user (window->user_page));
  g_assert_false (offers_action (palette, "win.disable-user"));
  g_assert_true (offers_action (palette, "win.dormant-accounts"));
  g_assert_true (offers_action (palette, "win.switch-server"));
  g_assert_true (offers_action (palette, "win.connect"));

  /* Every word typed, in any case and order, narrows the list. */
  type_text (palette, "EXPORT");
  g_assert_cmpuint (n_rows (palette), ==, 2);
  g_assert_cmpstr (row_action (palette, 0), ==, "win.export-users");
  g_assert_cmpstr (row_action (palette, 1), ==, "win.export-access-review");
  type_text (palette, "review access");
  g_assert_cmpuint (n_rows (palette), ==, 1);
  type_text (palette, "zzzz no such thing");
  g_assert_cmpuint (n_rows (palette), ==, 0);
  g_assert_true (gtk_widget_get_visible (palette_child (palette, "status_label")));

  /* The arrows move the highlight; Enter runs what it is on. */
  type_text (palette, "journal");
  g_assert_cmpuint (n_rows (palette), ==, 1);
  type_text (palette, "dormant");
  g_assert_cmpstr (row_action (palette, 0), ==, "win.dormant-accounts");
  type_text (palette, "accounts");
  steward_command_palette_move (palette, 1);
  steward_command_palette_move (palette, -1);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (palette_list (palette))), ==, 0);
  type_text (palette, "change journal");
  press_enter (palette);
  steward_test_ui_wait_until (palette_closed, NULL);
  g_assert_nonnull (app_test_find_toplevel (STEWARD_TYPE_CHANGE_JOURNAL_DIALOG));
  gtk_window_destroy (GTK_WINDOW (app_test_find_toplevel (STEWARD_TYPE_CHANGE_JOURNAL_DIALOG)));

  /* On your own page: no Disable (nobody disables themselves), and one
   * entry per permission to remove. */
  palette = open_palette (window);
  type_text (palette, "admin@localhost");
  g_assert_nonnull (row_user (palette, 0));
  press_enter (palette);
  g_assert_false (offers_action (palette, "win.disable-user"));
  type_text (palette, "remove user_admin");
  g_assert_cmpuint (n_rows (palette), ==, 1);
  g_assert_cmpstr (row_title (palette, 0), ==, "Remove Permission USER_ADMIN");
  gtk_window_destroy (GTK_WINDOW (palette));
}

static gboolean
row_moves (gpointer palette)
{
  return n_rows (palette) > 3;
}

static void
test_keyboard_and_escape (Fixture      *fixture,
                          gconstpointer data)
{
  StewardCommandPalette *palette = open_palette (fixture->window);
  GtkListBox            *list = palette_list (palette);

  steward_test_ui_wait_until (row_moves, palette);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);
  steward_command_palette_move (palette, 1);
  steward_command_palette_move (palette, 1);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 2);
  steward_command_palette_move (palette, -1);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 1);
  /* Up from the top stays there. */
  steward_command_palette_move (palette, -5);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);

  /* Escape in the entry is its stop-search. */
  g_signal_emit_by_name (palette_child (palette, "search_entry"), "stop-search");
  steward_test_ui_wait_until (palette_closed, NULL);
}

static void
test_accessible_names (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *userid = app_test_find_holder (fixture->admin, "CREATE_PROJECT");
  g_autoptr (StewardUser) user = steward_test_ui_fetch_user (fixture->admin, "bim", userid);
  g_autofree char       *user_name = g_strdup_printf ("%s, %s", steward_user_get_display_name (user), steward_user_get_email (user));
  StewardCommandPalette *palette = open_palette (fixture->window);
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GSList) objects = NULL;
  GObject         *shortcut;
  g_autofree char *shortcut_action = NULL;

  g_assert_true (steward_test_ui_find_by_accessible_name (GTK_WIDGET (palette), "Search Users and Actions") == palette_child (palette, "search_entry"));
  g_assert_true (steward_test_ui_find_by_accessible_name (GTK_WIDGET (palette), "Users and Actions") == palette_child (palette, "list_box"));
  g_assert_nonnull (steward_test_ui_find_by_accessible_name (GTK_WIDGET (palette), "Dormant Accounts"));

  /* A user's row reads its name and e-mail. */
  type_text (palette, userid);
  g_assert_true (steward_test_ui_find_by_accessible_name (GTK_WIDGET (palette), user_name) == GTK_WIDGET (gtk_list_box_get_row_at_index (palette_list (palette), 0)));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (GTK_WIDGET (palette)), >, 0);
  gtk_window_destroy (GTK_WINDOW (palette));

  /* Listed in the shortcuts window. */
  builder = gtk_builder_new_from_resource ("/io/github/stewardapp/Steward/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  shortcut = NULL;
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &name, NULL);
      if (g_strcmp0 (name, "win.command-palette") == 0)
        shortcut = l->data;
    }
  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "action-name", &shortcut_action, NULL);
  g_assert_cmpstr (shortcut_action, ==, "win.command-palette");
}

static void
test_switch_server (Fixture      *fixture,
                    gconstpointer data)
{
  StewardCommandPalette *palette = open_palette (fixture->window);
  GtkPopover            *popover = gtk_menu_button_get_popover (fixture->window->server_button);

  type_text (palette, "switch server");
  g_assert_cmpstr (row_action (palette, 0), ==, "win.switch-server");
  press_enter (palette);
  steward_test_ui_wait_until (palette_closed, NULL);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

int
main (int   argc,
      char *argv[])
{

  if (!app_test_init (&argc, &argv))
    return 77;

  /* Connecting stores the key in the keyring. */
  if (steward_test_require_keyring ())
    {
      g_test_add ("/ui/palette/disable-found-user", Fixture, NULL, fixture_set_up, test_disable_found_user, fixture_tear_down);
      g_test_add ("/ui/palette/actions-by-name", Fixture, NULL, fixture_set_up, test_actions_by_name, fixture_tear_down);
      g_test_add ("/ui/palette/keyboard-and-escape", Fixture, NULL, fixture_set_up, test_keyboard_and_escape, fixture_tear_down);
      g_test_add ("/ui/palette/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names, fixture_tear_down);
      g_test_add ("/ui/palette/switch-server", Fixture, NULL, fixture_set_up, test_switch_server, fixture_tear_down);
    }

  return app_test_run ();
}
