/* steward-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-ui.h"

#include "steward-accessible-names.h"
#include "steward-api-error.h"

#include <glib/gstdio.h>

gboolean
steward_test_ui_init (int    *argc,
                      char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return FALSE;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The application's own naming fix, so the ui suites see what it shows. */
  steward_accessible_names_install ();
  return TRUE;
}

static double
timeout_scale (void)
{
  const char *scale = g_getenv ("STEWARD_TEST_TIMEOUT_SCALE");
  double      value = scale != NULL ? g_ascii_strtod (scale, NULL) : 1.0;

  return value >= 1.0 ? value : 1.0;
}

void
steward_test_ui_wait_until (StewardTestPredicate predicate,
                            gpointer             user_data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (30 * G_TIME_SPAN_SECOND * timeout_scale ());

  while (!predicate (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a condition of the test");
      /* Blocking would hang forever if nothing else is scheduled, so poll
       * with a short tick instead. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

void
steward_test_ui_drain (void)
{
  for (guint i = 0; i < 3; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

void
steward_test_ui_store_result_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
result_arrived (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

GAsyncResult *
steward_test_ui_wait_for_result (GAsyncResult **slot)
{
  steward_test_ui_wait_until (result_arrived, slot);
  return *slot;
}

void
steward_test_ui_foreach_widget (GtkWidget *root,
                                GFunc      func,
                                gpointer   user_data)
{
  GtkWidget *child = gtk_widget_get_first_child (root);

  func (root, user_data);
  while (child != NULL)
    {
      /* The callback may destroy what it is handed: step first. */
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      steward_test_ui_foreach_widget (child, func, user_data);
      child = next;
    }
}

void
steward_test_ui_click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));

  if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    g_assert_true (gtk_widget_activate (widget));
}

typedef gboolean (*WidgetMatch) (GtkWidget    *widget,
                                 gconstpointer data);

static GtkWidget *
find_matching (GtkWidget    *root,
               WidgetMatch   match,
               gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gpointer
steward_test_ui_find_widget (GtkWidget *root,
                             GType      type)
{
  return find_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

/* "_Create" and "Create" name the same button. */
static gboolean
same_label (const char *label,
            const char *wanted)
{
  g_autoptr (GString) plain = NULL;

  if (label == NULL)
    return FALSE;
  plain = g_string_new (label);
  g_string_replace (plain, "_", "", 0);
  return g_str_equal (plain->str, wanted);
}

static gboolean
is_button_labelled (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && same_label (gtk_button_get_label (GTK_BUTTON (widget)), data);
}

GtkWidget *
steward_test_ui_find_button (GtkWidget  *root,
                             const char *label)
{
  return find_matching (root, is_button_labelled, label);
}

static gboolean
is_label_showing (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

GtkWidget *
steward_test_ui_find_label (GtkWidget  *root,
                            const char *text)
{
  return find_matching (root, is_label_showing, text);
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

GtkWidget *
steward_test_ui_find_row (GtkWidget  *root,
                          const char *title)
{
  return find_matching (root, is_row_titled, title);
}

static gboolean
has_accessible_label (GtkWidget    *widget,
                      gconstpointer data)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, data);
  return mismatch == NULL;
}

GtkWidget *
steward_test_ui_find_by_accessible_name (GtkWidget  *root,
                                         const char *name)
{
  return find_matching (root, has_accessible_label, name);
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_visible_text (child))
        return TRUE;
    }
  return FALSE;
}

gboolean
steward_test_ui_has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) || has_visible_text (widget);
}

/* GTK 4.8 reads a button with a mnemonic as "_Retry Retry" unless it is
 * named; the name must be what is on the button, underscore gone. */
static void
check_mnemonic_read_as_seen (GtkWidget *widget)
{
  const char      *label;
  const char      *seen;
  GtkWidget       *child;
  g_autofree char *mismatch = NULL;

  if (!GTK_IS_BUTTON (widget) || !gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return;
  label = gtk_button_get_label (GTK_BUTTON (widget));
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (label == NULL || strchr (label, '_') == NULL || !GTK_IS_LABEL (child))
    return;

  /* What the button shows, as GTK's own label renders it. */
  seen = gtk_label_get_text (GTK_LABEL (child));
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("%s \"%s\" would be read with its underscore: it has no accessible name", G_OBJECT_TYPE_NAME (widget), label);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, seen);
  if (mismatch != NULL)
    g_error ("%s \"%s\" is read as \"%s\", not as it is seen (\"%s\")", G_OBJECT_TYPE_NAME (widget), label, mismatch, seen);
}

static void
check_accessible_name (gpointer widget,
                       gpointer user_data)
{
  guint *checked = user_data;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) && !GTK_IS_DROP_DOWN (widget) && !GTK_IS_SWITCH (widget) && !GTK_IS_CHECK_BUTTON (widget) && !GTK_IS_SEARCH_ENTRY (widget))
    return;
  /* Only what is on screen can be reached; hidden pages are checked when
   * they show (libadwaita's preferences window keeps a search entry in
   * one that never does here). */
  if (!gtk_widget_get_mapped (widget))
    return;
  /* Parts of composite controls (a drop-down's own toggle, a menu
   * button's inner button) are named by the control around them. */
  if (GTK_IS_BUTTON (widget) && (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) || GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget))))
    return;

  if (!steward_test_ui_has_accessible_name (widget))
    g_error ("%s %p (%s) has no accessible name",
             G_OBJECT_TYPE_NAME (widget), widget,
             gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : "no tooltip");
  check_mnemonic_read_as_seen (widget);
  (*checked)++;
}

static gboolean
window_hidden (gpointer window)
{
  return !gtk_widget_get_visible (window);
}

void
steward_test_ui_check_escape_in_search (GtkWindow *dialog)
{
  g_autoptr (GtkWindow) kept = g_object_ref (dialog);
  GtkEditable *entry = steward_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (entry, "typed by mistake");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  steward_test_ui_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_signal_emit_by_name (entry, "stop-search");
  steward_test_ui_wait_until (window_hidden, dialog);
}

guint
steward_test_ui_check_accessible_names (GtkWidget *root)
{
  guint checked = 0;

  steward_test_ui_foreach_widget (root, check_accessible_name, &checked);
  return checked;
}

/* Connects @window to @server through the dialog, as a person would. */
StewardSession *
steward_test_ui_connect_with_key (StewardTestServer *server,
                                  const char        *api_key)
{
  g_autoptr (StewardProfile) profile = steward_profile_new ("ui-test", "UI Test", server->base_url);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardSession *session;

  steward_session_connect_async (profile, api_key, NULL, steward_test_ui_store_result_cb, &result);
  session = steward_session_connect_finish (steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return session;
}

StewardSession *
steward_test_ui_connect (StewardTestServer *server)
{
  return steward_test_ui_connect_with_key (server, server->admin_api_key);
}

StewardUser *
steward_test_ui_create_user (StewardSession    *session,
                             const char        *email,
                             const char        *name,
                             const char *const *permissions)
{
  StewardClient *client = steward_session_get_client (session);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_create_user_async (client, email, name, permissions, NULL, NULL, steward_test_ui_store_result_cb, &result);
  user = steward_client_create_user_finish (client, steward_test_ui_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return user;
}

StewardUser *
steward_test_ui_fetch_user (StewardSession *session,
                            const char     *iamid,
                            const char     *userid)
{
  StewardClient *client = steward_session_get_client (session);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_get_user_async (client, iamid, userid, NULL, steward_test_ui_store_result_cb, &result);
  user = steward_client_get_user_finish (client, steward_test_ui_wait_for_result (&result), &error);
  if (user == NULL)
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  return user;
}

GtkWidget *
steward_test_ui_window_content (GtkWindow *window)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_WINDOW (window))
    return adw_window_get_content (ADW_WINDOW (window));
  return gtk_window_get_child (window);
}

gboolean
steward_test_ui_save_screenshot (GtkWindow  *window,
                                 const char *path)
{
  GtkWidget *content = steward_test_ui_window_content (window);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *directory = g_path_get_dirname (path);
  GskRenderer     *renderer;
  GdkRGBA          background = { 1, 1, 1, 1 };
  int              width, height;

  /* The content is painted over the window's background colour; the
   * toplevel's own paintable renders nothing (TOOLCHAIN.md). */
  for (guint frame = 0; frame < 2; frame++)
    {
      steward_test_ui_drain ();
      gtk_widget_queue_draw (GTK_WIDGET (window));
    }
  width = content != NULL ? gtk_widget_get_width (content) : 0;
  height = content != NULL ? gtk_widget_get_height (content) : 0;
  if (width <= 0 || height <= 0)
    {
      g_test_message ("Window %p has no allocated content to render", window);
      return FALSE;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (content), "window_bg_color", &background);
  G_GNUC_END_IGNORE_DEPRECATIONS

  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (node == NULL || renderer == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (directory, 0755);
  return gdk_texture_save_to_png (texture, path);
}
