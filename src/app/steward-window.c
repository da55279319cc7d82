/* steward-window.c
 *
 * The window's template, its actions and the parts of the screen that
 * follow the session on display: the server switcher, the filters over
 * the directory, the user page and the leaflet that folds them into one
 * column on narrow screens. Opening sessions lives in
 * steward-window-session.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include "steward-color-tag.h"
#include "steward-connect-dialog.h"
#include "steward-file-save.h"
#include "steward-servers-dialog.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (StewardWindow, steward_window, ADW_TYPE_APPLICATION_WINDOW)

/* Positions in the status drop-down, in the order of the template. */
enum
{
  STATUS_ACTIVE,
  STATUS_DISABLED,
  STATUS_ALL,
};

/* How long typing pauses before the server is asked. */
#define SEARCH_DELAY_MS 250

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* The permission the filter asks for, or NULL for any. */
static const char *
chosen_permission (StewardWindow *self)
{
  guint    selected = gtk_drop_down_get_selected (self->permission_dropdown);
  GObject *item = gtk_drop_down_get_selected_item (self->permission_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || item == NULL)
    return NULL;
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
apply_filters (StewardWindow *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->directory == NULL)
    return;

  steward_user_directory_set_search_text (self->directory, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  steward_user_directory_set_include_disabled (self->directory, status != STATUS_ACTIVE);
  steward_user_directory_set_disabled_only (self->directory, status == STATUS_DISABLED);
  steward_user_directory_set_permission (self->directory, chosen_permission (self));
}

static void
update_server_button (StewardWindow *self)
{
  StewardProfile *profile = self->connecting_profile;

  if (profile == NULL && self->session != NULL)
    profile = steward_session_get_profile (self->session);

  gtk_label_set_text (self->server_label, profile != NULL ? steward_profile_get_name (profile) : _ ("Steward"));
  steward_color_tag_apply (self->tag_label, profile != NULL ? steward_profile_get_color_tag (profile) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), profile != NULL ? steward_profile_get_name (profile) : _ ("Steward"));
}

static void
update_server_menu (StewardWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  g_menu_remove_all (self->server_section);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_autoptr (GMenuItem) item = g_menu_item_new (steward_profile_get_name (profile), NULL);

      g_menu_item_set_action_and_target (item, "win.switch-profile", "s", steward_profile_get_id (profile));
      g_menu_append_item (self->server_section, item);
    }
}

static void
update_switch_state (StewardWindow *self)
{
  GAction        *action = g_action_map_lookup_action (G_ACTION_MAP (self), "switch-profile");
  StewardProfile *active = steward_profiles_get_active (self->profiles);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (active != NULL ? steward_profile_get_id (active) : ""));
}

static void
fill_permission_filter (StewardWindow *self)
{
  g_autofree char *previous = g_strdup (chosen_permission (self));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *permissions = self->session != NULL ? steward_session_get_permissions (self->session) : NULL;
  guint       n = permissions != NULL ? g_list_model_get_n_items (permissions) : 0;
  guint       selected = 0;

  gtk_string_list_append (names, _ ("Any Permission"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (permissions, i);
      const char *name = steward_permission_info_get_name (info);

      gtk_string_list_append (names, name);
      if (g_strcmp0 (name, previous) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (self->permission_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->permission_dropdown, selected);
}

static void
update_back_button (StewardWindow *self)
{
  gboolean on_user_page = adw_leaflet_get_folded (self->leaflet) && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->user_page) && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "connected") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), on_user_page);
  /* In a narrow window the header bar has room for one button at its
   * start; on the user page that is the way back (Ctrl+N still works). */
  gtk_widget_set_visible (self->new_user_button, !on_user_page);
}

static void
set_connected_actions_enabled (StewardWindow *self,
                               gboolean       enabled)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), enabled);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "refresh")), enabled);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "search")), enabled);
}

static void
show_page (StewardWindow *self,
           const char    *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_widget_get_first_child (adw_status_page_get_child (self->connecting_page))),
                            g_str_equal (name, "connecting"));
  set_connected_actions_enabled (self, g_str_equal (name, "connected"));
  update_back_button (self);
  update_server_button (self);
}

static char *
describe_capabilities (StewardClient *client)
{
  static const struct
  {
    StewardExtension extension;
    const char      *route;
  } extensions[] = {
    { STEWARD_EXTENSION_PERMISSION_LIST, "GET /bim/permissions" },
    { STEWARD_EXTENSION_ADD_PERMISSION, "PUT …/permissions/{permission}" },
    { STEWARD_EXTENSION_MIGRATE, "POST …/migrate" },
    { STEWARD_EXTENSION_METRICS, "GET /bim/user/metrics" },
    { STEWARD_EXTENSION_INTERACTIONS, "POST /bim/metrics/interactions" },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      StewardExtensionSupport support = steward_client_get_extension_support (client, extensions[i].extension);
      const char             *state = support == STEWARD_EXTENSION_SUPPORT_PRESENT   ? "present"
                                      : support == STEWARD_EXTENSION_SUPPORT_MISSING ? "missing (fallback in use)"
                                                                                     : "not used yet";

      g_string_append_printf (text, "  %s: %s\n", extensions[i].route, state);
    }
  return g_string_free (text, FALSE);
}

/* Debug information for bug reports: never the key or the token. */
static char *
build_debug_info (StewardWindow *self)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Steward %s\nGTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u\n",
                          PACKAGE_VERSION,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          glib_major_version, glib_minor_version, glib_micro_version);

  if (self->session != NULL)
    {
      StewardClient   *client = steward_session_get_client (self->session);
      StewardUser     *user = steward_session_get_current_user (self->session);
      g_autofree char *permissions = g_strjoinv (", ", (GStrv) steward_user_get_permissions (user));
      g_autofree char *capabilities = describe_capabilities (client);

      g_string_append_printf (info, "\nServer: %s\n", steward_client_get_base_url (client));
      g_string_append_printf (info, "Signed in as: %s/%s\n", steward_user_get_iamid (user), steward_user_get_userid (user));
      g_string_append_printf (info, "Permissions: %s\n", permissions);
      g_string_append_printf (info, "Identity managers: %u\n", g_list_model_get_n_items (steward_session_get_iams (self->session)));
      g_string_append_printf (info, "Server extensions:\n%s", capabilities);
    }
  else
    g_string_append (info, "\nNot connected to a server\n");

  return g_string_free (info, FALSE);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
search_changed_cb (StewardWindow *self)
{
  apply_filters (self);
}

static void
status_selected_cb (StewardWindow *self)
{
  gboolean include_disabled = gtk_drop_down_get_selected (self->status_dropdown) != STATUS_ACTIVE;

  if (self->settings != NULL && g_settings_get_boolean (self->settings, "include-disabled") != include_disabled)
    g_settings_set_boolean (self->settings, "include-disabled", include_disabled);
  apply_filters (self);
}

static void
include_disabled_changed_cb (StewardWindow *self)
{
  gboolean include_disabled = g_settings_get_boolean (self->settings, "include-disabled");
  guint    status = gtk_drop_down_get_selected (self->status_dropdown);

  /* The menu toggle and the drop-down are two views of one setting:
   * "Disabled" only also counts as including disabled accounts. */
  if (!include_disabled && status != STATUS_ACTIVE)
    gtk_drop_down_set_selected (self->status_dropdown, STATUS_ACTIVE);
  else if (include_disabled && status == STATUS_ACTIVE)
    gtk_drop_down_set_selected (self->status_dropdown, STATUS_ALL);
}

static void
permission_selected_cb (StewardWindow *self)
{
  apply_filters (self);
}

/* A placeholder row fills in later, and a user's status changes what
 * may be done to them: the actions follow the user on the page. */
void
steward_window_put_on_page (StewardWindow *self,
                            StewardUser   *user)
{
  StewardUser *previous = steward_user_page_get_user (self->user_page);

  if (previous != NULL)
    g_signal_handlers_disconnect_by_func (previous, steward_window_update_actions, self);
  g_signal_connect_object (user, "notify", G_CALLBACK (steward_window_update_actions), self, G_CONNECT_SWAPPED);
  steward_user_page_set_user (self->user_page, user);
  steward_window_update_actions (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->user_page));
}

static void
selected_user_changed_cb (StewardWindow *self)
{
  StewardUser *user = steward_directory_view_get_selected_user (self->directory_view);

  /* The list emptied under the user (a search, or the user was just
   * disabled and left it): keep the page, where Undo and Enable still
   * make sense. */
  if (user != NULL)
    steward_window_put_on_page (self, user);
}

/* Folded, the directory keeps the columns a person picks a user by, the
 * filters share a row of their own under the full-width search, and the
 * server's tag goes under its name. */
static gboolean
apply_fold_cb (gpointer user_data)
{
  StewardWindow *self = user_data;
  gboolean       folded = adw_leaflet_get_folded (self->leaflet);

  self->apply_fold_id = 0;
  steward_directory_view_set_compact (self->directory_view, folded);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filter_bar), folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_dropdown), folded);
  gtk_widget_set_hexpand (GTK_WIDGET (self->permission_dropdown), folded);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->server_title_box), folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->server_title_box, folded ? 0 : 8);
  return G_SOURCE_REMOVE;
}

static void
leaflet_changed_cb (StewardWindow *self)
{
  /* The leaflet folds while the window is being laid out; changing the
   * header's and the list's shape then would leave them unallocated for
   * that frame, so it waits for the layout to finish. */
  if (self->apply_fold_id == 0)
    self->apply_fold_id = g_idle_add (apply_fold_cb, self);
  update_back_button (self);
}

/* The profile on screen was removed (Servers…): forget its session. */
static void
drop_removed_session (StewardWindow *self)
{
  StewardProfile *profile = self->session != NULL ? steward_session_get_profile (self->session) : NULL;

  if (profile == NULL || steward_profiles_find (self->profiles, steward_profile_get_id (profile)) != NULL)
    return;

  steward_window_forget_session (self, profile);
  steward_window_show_no_server (self);
}

static void
profiles_changed_cb (StewardWindow *self)
{
  update_server_menu (self);
  drop_removed_session (self);
  update_server_button (self);
}

static void
active_profile_changed_cb (StewardWindow *self)
{
  update_switch_state (self);
}

static void
session_permissions_changed_cb (StewardWindow *self)
{
  fill_permission_filter (self);
}

/* The session on screen, followed for its permissions (the filter) and
 * the caller's capabilities (the actions); NULL for none. */
static void
set_shown_session (StewardWindow  *self,
                   StewardSession *session)
{
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (steward_session_get_permissions (self->session), session_permissions_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->session, steward_window_update_actions, self);
    }
  g_set_object (&self->session, session);
  if (session == NULL)
    return;
  g_signal_connect_object (session, "notify", G_CALLBACK (steward_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (steward_session_get_permissions (session), "items-changed", G_CALLBACK (session_permissions_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
connect_dialog_connected_cb (StewardWindow  *self,
                             StewardProfile *profile,
                             StewardSession *session)
{
  g_hash_table_replace (self->sessions, g_strdup (steward_profile_get_id (profile)), g_object_ref (session));
  steward_window_show_session (self, session);
}

static void
connect_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardWindow *self = STEWARD_WINDOW (widget);
  GtkWidget     *dialog = steward_connect_dialog_new (self->profiles);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connect_dialog_connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
servers_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardWindow *self = STEWARD_WINDOW (widget);
  GtkWidget     *dialog = steward_servers_dialog_new (self->profiles);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_local_server_activated_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  steward_window_start_local_server (STEWARD_WINDOW (widget));
}

static void
cancel_connect_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  steward_window_cancel_connect (STEWARD_WINDOW (widget));
}

static void
retry_connect_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StewardWindow  *self = STEWARD_WINDOW (widget);
  StewardProfile *profile = steward_profiles_get_active (self->profiles);

  if (profile != NULL)
    steward_window_connect_profile (self, profile);
  else
    steward_window_show_no_server (self);
}

static void
show_directory_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StewardWindow *self = STEWARD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
about_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardWindow     *self = STEWARD_WINDOW (widget);
  g_autofree char   *debug_info = build_debug_info (self);
  static const char *developers[] = { "The Steward developers", NULL };
  GtkWidget         *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self,
                        "title", _ ("About Steward"),
                        "application-name", _ ("Steward"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _ ("The Steward developers"),
                        "developers", developers,
                        "comments", _ ("Manage the users and permissions of data-governance servers"),
                        "website", "https://github.com/stewardapp/steward",
                        "issue-url", "https://github.com/stewardapp/steward/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _ ("translator-credits"),
                        "debug-info", debug_info,
                        "debug-info-filename", "steward-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
refresh_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  StewardWindow *self = user_data;

  if (self->session == NULL)
    return;

  /* Reload the caller too: their permissions may have changed. */
  steward_session_reload_async (self->session, NULL, NULL, NULL);
  steward_user_directory_refresh (self->directory);
  steward_user_page_set_user (self->user_page, NULL);
}

static void
search_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StewardWindow *self = user_data;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
switch_profile_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  StewardWindow  *self = user_data;
  StewardProfile *profile = steward_profiles_find (self->profiles, g_variant_get_string (parameter, NULL));

  if (profile != NULL)
    steward_window_connect_profile (self, profile);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  StewardWindow *self = STEWARD_WINDOW (window);
  int            width, height;

  /* The size before maximizing is what comes back next time. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (steward_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_window_dispose (GObject *object)
{
  StewardWindow *self = STEWARD_WINDOW (object);

  g_clear_handle_id (&self->apply_fold_id, g_source_remove);
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  g_clear_object (&self->connecting_profile);
  g_cancellable_cancel (self->bulk_cancellable);
  g_clear_object (&self->bulk_cancellable);
  steward_file_save_dismiss (&self->export_chooser);
  /* The settings outlive the window: their action must not keep telling
   * this window's action group about changes. */
  g_action_map_remove_action (G_ACTION_MAP (self), "include-disabled");
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_WINDOW);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_window_parent_class)->dispose (object);
}

static void
steward_window_class_init (StewardWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_window_dispose;
  window_class->close_request = close_request_cb;

  g_type_ensure (STEWARD_TYPE_DIRECTORY_VIEW);
  g_type_ensure (STEWARD_TYPE_USER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/app/steward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, new_user_button);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, server_button);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, server_label);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, server_section);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, server_title_box);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, permission_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, directory_view);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, user_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, permission_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_user_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.servers", NULL, servers_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.start-local-server", NULL, start_local_server_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-connect", NULL, cancel_connect_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.retry-connect", NULL, retry_connect_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-directory", NULL, show_directory_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_activated_cb);
}

static void
steward_window_init (StewardWindow *self)
{
  static const GActionEntry actions[] = {
    { .name = "refresh", .activate = refresh_activated_cb },
    { .name = "search", .activate = search_activated_cb },
    { .name = "switch-profile", .parameter_type = "s", .state = "''", .activate = switch_profile_activated_cb },
  };
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  /* Refresh and search are GSimpleActions (not widget actions) so they
   * can be disabled while no server is on screen. */
  steward_window_add_export_actions (self);
  steward_window_add_bulk_actions (self);
  steward_window_add_user_actions (self);
  steward_window_add_palette_actions (self);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->directory_view));
  fill_permission_filter (self);
}

/* ------------------------------------------------------------------ */
/* Public and private API                                              */
/* ------------------------------------------------------------------ */

StewardWindow *
steward_window_new (StewardApplication *application)
{
  g_autoptr (GAction) include_disabled = NULL;
  StewardWindow  *self;
  StewardProfile *active;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  self = g_object_new (STEWARD_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (steward_application_get_settings (application));
  self->profiles = g_object_ref (steward_application_get_profiles (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  include_disabled = g_settings_create_action (self->settings, "include-disabled");
  g_action_map_add_action (G_ACTION_MAP (self), include_disabled);
  g_signal_connect_object (self->settings, "changed::include-disabled", G_CALLBACK (include_disabled_changed_cb), self, G_CONNECT_SWAPPED);
  include_disabled_changed_cb (self);

  g_signal_connect_object (self->profiles, "items-changed", G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::profiles", G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles, "notify::active", G_CALLBACK (active_profile_changed_cb), self, G_CONNECT_SWAPPED);
  update_server_menu (self);
  update_switch_state (self);

  active = steward_profiles_get_active (self->profiles);
  if (active != NULL)
    steward_window_connect_profile (self, active);
  else
    steward_window_show_no_server (self);

  return self;
}

StewardSession *
steward_window_get_session (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return self->session;
}

void
steward_window_show_session (StewardWindow  *self,
                             StewardSession *session)
{
  g_return_if_fail (STEWARD_IS_WINDOW (self));
  g_return_if_fail (STEWARD_IS_SESSION (session));

  g_clear_object (&self->connecting_profile);
  if (self->session != session)
    {
      set_shown_session (self, session);

      /* Filters first, client last: the first page is then asked for
       * once, with the filters on screen. */
      g_clear_object (&self->directory);
      self->directory = steward_user_directory_new (NULL);
      steward_user_page_set_user (self->user_page, NULL);
      steward_user_page_set_session (self->user_page, session);
      fill_permission_filter (self);
      apply_filters (self);
      steward_user_directory_set_client (self->directory, steward_session_get_client (session));
      steward_directory_view_set_directory (self->directory_view, self->directory);
    }

  steward_profiles_set_active (self->profiles, steward_session_get_profile (session));
  steward_window_update_actions (self);
  show_page (self, "connected");
}

void
steward_window_show_connecting (StewardWindow *self,
                                const char    *title)
{
  adw_status_page_set_title (self->connecting_page, title);
  show_page (self, "connecting");
}

void
steward_window_show_failure (StewardWindow *self,
                             const char    *title,
                             const char    *message)
{
  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, message);
  show_page (self, "failed");
}

void
steward_window_show_no_server (StewardWindow *self)
{
  g_clear_object (&self->connecting_profile);
  set_shown_session (self, NULL);
  steward_directory_view_set_directory (self->directory_view, NULL);
  g_clear_object (&self->directory);
  steward_user_page_set_user (self->user_page, NULL);
  steward_user_page_set_session (self->user_page, NULL);
  steward_window_update_actions (self);
  show_page (self, "no-server");
}

void
steward_window_add_toast (StewardWindow *self,
                          const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
steward_window_show_user (StewardWindow *self,
                          StewardUser   *user)
{
  g_return_if_fail (STEWARD_IS_WINDOW (self));
  g_return_if_fail (STEWARD_IS_USER (user));

  steward_window_put_on_page (self, user);
  if (self->directory != NULL)
    steward_user_directory_refresh (self->directory);
}
