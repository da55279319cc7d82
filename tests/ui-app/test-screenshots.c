/* test-screenshots.c
 *
 * Every screen as a person sees it, saved as a picture: the no-server
 * page, the directory with the user page, and each dialog, at the default
 * size and at 360 px, in the light and the dark style. Each picture is
 * checked for what it must show: the size asked for, nothing wider than
 * 360 px when narrow (and no label of the main window cut), and the
 * style's own background (a dark picture is
 * dark, a light one light), so a colour fixed in CSS cannot hide.
 *
 * The pictures land in $STEWARD_SCREENSHOT_DIR/screens/, named
 * SCREEN-SIZE-STYLE.png (directory-narrow-dark.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-add-permissions-dialog.h"
#include "steward-audit-log-dialog.h"
#include "steward-delete-user-dialog.h"
#include "steward-impersonation-dialog.h"
#include "steward-metrics-dialog.h"
#include "steward-migrate-user-dialog.h"
#include "steward-new-user-dialog.h"
#include "steward-window-private.h"

#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

#define DEFAULT_WIDTH 1100
#define DEFAULT_HEIGHT 720
#define NARROW_WIDTH 360

typedef enum
{
  SIZE_DEFAULT,
  SIZE_NARROW,
} ShotSize;

static const char *const size_names[] = { "default", "narrow" };

typedef struct
{
  AdwColorScheme scheme;
  const char    *name;
} Style;

static const Style styles[] = {
  { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
  { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static char *
shot_path (const char  *screen,
           ShotSize     size,
           const Style *style)
{
  const char      *root = g_getenv ("STEWARD_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", screen, size_names[size], style->name);

  return g_build_filename (root != NULL ? root : g_get_tmp_dir (), "screens", file, NULL);
}

/* The mean luminance of the picture at @path, 0 (black) to 1 (white), and
 * its width. */
static double
picture_luminance (const char *path,
                   int        *width)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  gsize              stride;
  double             sum = 0;
  int                height;

  g_assert_no_error (error);
  *width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) *width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride); /* B, G, R, A */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < *width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        sum += (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
      }
  return sum / ((double) *width * height);
}

static int
minimum_width (GtkWindow *window)
{
  int minimum;

  gtk_widget_measure (steward_test_ui_window_content (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
note_transition (gpointer widget,
                 gpointer user_data)
{
  gboolean *running = user_data;

  if (GTK_IS_STACK (widget))
    *running |= gtk_stack_get_transition_running (widget);
  else if (ADW_IS_LEAFLET (widget))
    *running |= adw_leaflet_get_child_transition_running (widget);
}

/* No page is still fading or sliding in: a picture taken mid-way would
 * show two pages at once. */
static gboolean
transitions_settled (gpointer window)
{
  gboolean running = FALSE;

  steward_test_ui_foreach_widget (GTK_WIDGET (window), note_transition, &running);
  return !running;
}

/* Saves @window as it is now in each style, and checks each picture. */
static void
shoot (GtkWindow  *window,
       const char *screen,
       ShotSize    size)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  double           luminance[G_N_ELEMENTS (styles)];

  steward_test_ui_wait_until (transitions_settled, window);
  if (size == SIZE_NARROW)
    g_assert_cmpint (minimum_width (window), <=, NARROW_WIDTH);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *path = shot_path (screen, size, &styles[i]);
      int              width;

      adw_style_manager_set_color_scheme (manager, styles[i].scheme);
      steward_test_ui_drain ();
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, styles[i].scheme == ADW_COLOR_SCHEME_FORCE_DARK);
      g_assert_true (steward_test_ui_save_screenshot (window, path));
      luminance[i] = picture_luminance (path, &width);
      g_test_message ("%s: %d px wide, mean luminance %.2f", path, width, luminance[i]);
      if (size == SIZE_NARROW)
        g_assert_cmpint (width, ==, NARROW_WIDTH);
    }
  /* Light is light and dark is dark, all over the picture. */
  g_assert_cmpfloat (luminance[0], >, 0.6);
  g_assert_cmpfloat (luminance[1], <, 0.4);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_label_whole (gpointer widget,
                   gpointer user_data)
{
  guint *cut = user_data;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (pango_layout_is_ellipsized (gtk_label_get_layout (widget)))
    {
      g_test_message ("cut: \"%s\" (%d px wide)", gtk_label_get_text (widget), gtk_widget_get_width (widget));
      (*cut)++;
    }
}

/* Nothing a person reads on @window ends in an ellipsis: the narrow
 * layout has room for every label it shows. */
static void
assert_nothing_cut (GtkWindow *window)
{
  guint cut = 0;

  steward_test_ui_foreach_widget (GTK_WIDGET (window), check_label_whole, &cut);
  g_assert_cmpuint (cut, ==, 0);
}

/* @widget spans the whole width of @bar: nothing shares its row. */
static void
assert_row_of_its_own (GtkWidget *widget,
                       GtkWidget *bar)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, bar, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (bar));
}

typedef struct
{
  const char *action;
  const char *screen;
  GType (*get_type) (void);
} DialogScreen;

static const DialogScreen dialog_screens[] = {
  { "win.connect", "connect", steward_connect_dialog_get_type },
  { "win.new-user", "new-user", steward_new_user_dialog_get_type },
  { "win.add-permissions", "add-permissions", steward_add_permissions_dialog_get_type },
  { "win.migrate-user", "migrate-user", steward_migrate_user_dialog_get_type },
  { "win.delete-user", "delete-user", steward_delete_user_dialog_get_type },
  { "win.download-metrics", "metrics", steward_metrics_dialog_get_type },
  { "win.prepare-impersonation", "impersonation", steward_impersonation_dialog_get_type },
  { "win.audit-log", "audit-log", steward_audit_log_dialog_get_type },
};

static gboolean
dialog_shown (gpointer user_data)
{
  const DialogScreen *screen = user_data;

  return app_test_find_toplevel (screen->get_type ()) != NULL;
}

/* Opens each dialog over @window, shoots it as it opens and at 360 px. */
static void
shoot_dialogs (StewardWindow *window,
               ShotSize       window_size)
{
  for (guint i = 0; i < G_N_ELEMENTS (dialog_screens); i++)
    {
      const DialogScreen *screen = &dialog_screens[i];
      GtkWindow          *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), screen->action, NULL));
      steward_test_ui_wait_until (dialog_shown, (gpointer) screen);
      dialog = app_test_find_toplevel (screen->get_type ());
      steward_test_ui_wait_until (app_test_widget_mapped, dialog);
      if (window_size == SIZE_DEFAULT)
        shoot (dialog, screen->screen, SIZE_DEFAULT);
      else
        {
          app_test_resize_window (dialog, NARROW_WIDTH, DEFAULT_HEIGHT);
          shoot (dialog, screen->screen, SIZE_NARROW);
        }
      gtk_window_destroy (dialog);
      steward_test_ui_drain ();
    }
}

/* A new window of @size, shot before it has a server. */
static StewardWindow *
open_without_server (ShotSize size)
{
  StewardWindow *window = app_test_open_window ();

  app_test_resize_window (GTK_WINDOW (window), size == SIZE_NARROW ? NARROW_WIDTH : DEFAULT_WIDTH, DEFAULT_HEIGHT);
  shoot (GTK_WINDOW (window), "no-server", size);
  return window;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_default_size (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  StewardWindow *window;

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "160", NULL);
  window = open_without_server (SIZE_DEFAULT);

  app_test_connect_through_dialog (window, server, "Demo", "STAGING");
  app_test_select_row (window, 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->user_page)));
  shoot (GTK_WINDOW (window), "directory", SIZE_DEFAULT);

  shoot_dialogs (window, SIZE_DEFAULT);
  app_test_close_window (window);
}

static void
test_narrow (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  StewardWindow *window;

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "160", NULL);
  window = open_without_server (SIZE_NARROW);
  assert_nothing_cut (GTK_WINDOW (window));

  /* The server's name and tag, the search's hint, each name and address. */
  app_test_connect_through_dialog (window, server, "Demo", "STAGING");
  shoot (GTK_WINDOW (window), "directory", SIZE_NARROW);
  assert_nothing_cut (GTK_WINDOW (window));
  assert_row_of_its_own (GTK_WIDGET (window->search_entry), GTK_WIDGET (window->filter_bar));

  /* Folded: the user page takes the whole window, with a back button. */
  app_test_select_row (window, 2);
  steward_test_ui_wait_until (app_test_widget_mapped, window->user_page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->back_button)));
  shoot (GTK_WINDOW (window), "user-page", SIZE_NARROW);
  assert_nothing_cut (GTK_WINDOW (window));

  /* Dialogs fit too; a long title may end in an ellipsis, as in any
   * header bar. */
  shoot_dialogs (window, SIZE_NARROW);
  app_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{

  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/screenshots/default-size", test_default_size);
  g_test_add_func ("/ui/screenshots/narrow", test_narrow);

  return app_test_run ();
}
