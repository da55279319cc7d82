/* test-window.c
 *
 * The application window against real steward-servers: every template
 * builds, Connect to a Server… with a good key, a wrong key and an
 * unreachable address, the directory (total, search, sort, Include
 * Disabled Accounts, filters), the user page, accessible names on every
 * control, and Start Local Server bringing up a populated directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-application.h"
#include "steward-connect-dialog.h"
#include "steward-servers-dialog.h"
#include "steward-window-private.h"

#include "steward-test-keyring.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

#include <glib/gstdio.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static gboolean
error_label_shown (gpointer user_data)
{
  GtkWidget *dialog = user_data;
  GtkLabel  *label = NULL;

  label = GTK_LABEL (gtk_widget_get_template_child (dialog, STEWARD_TYPE_CONNECT_DIALOG, "error_label"));
  return gtk_widget_get_visible (GTK_WIDGET (label)) && gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (dialog, STEWARD_TYPE_CONNECT_DIALOG, "connect_button")));
}

static void
test_templates (void)
{
  StewardWindow *window = app_test_open_window ();
  GtkWidget     *connect = g_object_ref_sink (steward_connect_dialog_new (steward_application_get_profiles (app_test_application)));
  GtkWidget     *servers = g_object_ref_sink (steward_servers_dialog_new (steward_application_get_profiles (app_test_application)));

  /* No server yet: the status page offers both ways in. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "no-server");
  g_assert_nonnull (steward_test_ui_find_button (GTK_WIDGET (window), "Connect to a Server…"));
  g_assert_nonnull (steward_test_ui_find_button (GTK_WIDGET (window), "Start Local Server"));
  g_assert_cmpuint (steward_test_ui_check_accessible_names (GTK_WIDGET (window)), >, 5);
  gtk_window_present (GTK_WINDOW (connect));
  steward_test_ui_drain ();
  g_assert_cmpuint (steward_test_ui_check_accessible_names (connect), >=, 3);

  gtk_window_destroy (GTK_WINDOW (connect));
  gtk_window_destroy (GTK_WINDOW (servers));
  g_assert_finalize_object (connect);
  g_assert_finalize_object (servers);
  app_test_close_window (window);
}

static void
test_connect_wrong_key (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "20", NULL);
  StewardWindow        *window = app_test_open_window ();
  StewardConnectDialog *dialog = app_test_open_connect_dialog (window);
  GSettings            *settings = steward_application_get_settings (app_test_application);
  g_autoptr (GVariant) profiles = NULL;
  GtkWidget *key_row = app_test_dialog_child (dialog, "key_row");

  steward_connect_dialog_set_values (dialog, "Prod", server->base_url, "not-the-key");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (error_label_shown, dialog);

  /* The message sits at the key, the typed values stay, nothing is kept. */
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_false (gtk_widget_has_css_class (app_test_dialog_child (dialog, "url_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key_row)), ==, "not-the-key");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (app_test_dialog_child (dialog, "name_row"))), ==, "Prod");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (app_test_dialog_child (dialog, "error_label"))), "did not accept the API key"));
  profiles = g_settings_get_value (settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);
  g_assert_null (window->session);

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_close_window (window);
}

static void
test_connect_unreachable (void)
{
  StewardWindow        *window = app_test_open_window ();
  StewardConnectDialog *dialog = app_test_open_connect_dialog (window);
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autofree char *url = NULL;

  /* A port bound but never listened on refuses connections for sure. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, NULL));
  address = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));

  steward_connect_dialog_set_values (dialog, "Nowhere", url, "some-key");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (error_label_shown, dialog);

  g_assert_true (gtk_widget_has_css_class (app_test_dialog_child (dialog, "url_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (app_test_dialog_child (dialog, "key_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (app_test_dialog_child (dialog, "url_row"))), ==, url);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steward_application_get_profiles (app_test_application))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_close_window (window);
}

static void
test_connect_without_user_admin (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "20", NULL);
  g_autofree char      *plain_key = NULL;
  StewardWindow        *window = app_test_open_window ();
  StewardConnectDialog *dialog = app_test_open_connect_dialog (window);
  GtkWidget            *connect_button;

  /* A new user gets the server's default permissions, not USER_ADMIN. */
  app_test_create_plain_user (server, "plain@example.com");
  plain_key = steward_test_server_issue_api_key (server, "plain@example.com");
  g_assert_nonnull (plain_key);
  steward_connect_dialog_set_values (dialog, "Read Only", server->base_url, plain_key);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (error_label_shown, dialog);

  connect_button = app_test_dialog_child (dialog, "connect_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (connect_button)), ==, "C_onnect Anyway");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (app_test_dialog_child (dialog, "error_label"))), "USER_ADMIN"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steward_application_get_profiles (app_test_application))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_close_window (window);
}

static gboolean
key_found (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
lookup_key_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  *(char **) user_data = steward_profiles_lookup_api_key_finish (STEWARD_PROFILES (source), result, &error);
  g_assert_no_error (error);
  if (*(char **) user_data == NULL)
    *(char **) user_data = g_strdup ("");
}

static void
test_connect_and_directory (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  g_autofree char *stored_key = NULL;
  g_autofree char *total = NULL;
  g_autoptr (GVariant) profiles_value = NULL;
  g_autofree char *profiles_text = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *search_term = NULL;
  StewardWindow   *window;
  StewardProfiles *profiles = steward_application_get_profiles (app_test_application);
  guint            active_count, all_count, n;
  GtkColumnView   *column_view;
  g_autoptr (GListModel) columns = NULL;
  g_autoptr (GtkColumnViewColumn) name_column = NULL;
  StewardUser *user;

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "160", NULL);
  active_count = app_test_server_user_count (server, "active");
  all_count = app_test_server_user_count (server, "all");
  g_assert_cmpuint (all_count, >, active_count);

  window = app_test_open_window ();
  app_test_connect_through_dialog (window, server, "Demo", "STAGING");

  /* Connected: the profile is saved, its key in the keyring and nowhere
   * in the settings. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (profiles)), ==, 1);
  g_assert_nonnull (steward_profiles_get_active (profiles));
  steward_profiles_lookup_api_key_async (profiles, steward_profiles_get_active (profiles), NULL, lookup_key_cb, &stored_key);
  steward_test_ui_wait_until (key_found, &stored_key);
  g_assert_cmpstr (stored_key, ==, server->admin_api_key);
  profiles_value = g_settings_get_value (steward_application_get_settings (app_test_application), "profiles");
  profiles_text = g_variant_print (profiles_value, FALSE);
  g_assert_null (strstr (profiles_text, server->admin_api_key));
  g_assert_cmpstr (gtk_label_get_text (window->server_label), ==, "Demo");
  g_assert_cmpstr (gtk_label_get_text (window->tag_label), ==, "STAGING");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->tag_label), "green"));

  /* The directory shows the server's users and their total. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->directory)), ==, active_count);
  total = app_test_total_text (active_count);
  steward_test_ui_drain ();
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (window), total));

  screenshot = g_build_filename (g_getenv ("STEWARD_SCREENSHOT_DIR") != NULL ? g_getenv ("STEWARD_SCREENSHOT_DIR") : g_get_tmp_dir (),
                                 "main-window.png", NULL);
  column_view = app_test_directory_column_view (window);
  app_test_select_row (window, 2);
  g_assert_true (steward_test_ui_save_screenshot (GTK_WINDOW (window), screenshot));
  g_test_message ("Screenshot saved to %s", screenshot);

  /* The user page shows the selected user's permissions. */
  user = steward_directory_view_get_selected_user (window->directory_view);
  g_assert_nonnull (user);
  g_assert_true (steward_user_page_get_user (window->user_page) == user);
  for (const char *const *p = steward_user_get_permissions (user); *p != NULL; p++)
    g_assert_nonnull (steward_test_ui_find_row (GTK_WIDGET (window->user_page), *p));

  /* Search narrows on the server to users matching the term. */
  search_term = g_strdup (steward_user_get_userid (user));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), search_term);
  steward_test_ui_wait_until (app_test_search_applied, window);
  n = g_list_model_get_n_items (G_LIST_MODEL (window->directory));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, active_count);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardUser) item = g_list_model_get_item (G_LIST_MODEL (window->directory), i);

      g_assert_nonnull (strstr (steward_user_get_userid (item), search_term));
    }
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  app_test_wait_for_count (window, active_count);

  /* A header click sorts on the server. */
  columns = g_object_ref (gtk_column_view_get_columns (column_view));
  name_column = g_list_model_get_item (columns, 0);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (steward_user_directory_get_sort_field (window->directory), ==, STEWARD_USER_SORT_NAME);
  g_assert_cmpint (steward_user_directory_get_sort_order (window->directory), ==, STEWARD_SORT_DESCENDING);
  app_test_wait_for_count (window, active_count);

  /* Include Disabled Accounts reveals them and marks the status filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.include-disabled", NULL));
  app_test_wait_for_count (window, all_count);
  g_assert_true (steward_user_directory_get_include_disabled (window->directory));
  g_assert_cmpuint (gtk_drop_down_get_selected (window->status_dropdown), ==, 2);
  g_assert_true (g_settings_get_boolean (steward_application_get_settings (app_test_application), "include-disabled"));
  n = 0;
  for (guint i = 0; i < all_count; i++)
    {
      g_autoptr (StewardUser) item = g_list_model_get_item (G_LIST_MODEL (window->directory), i);

      n += steward_user_get_disabled (item);
    }
  /* Pages load as they come into view, so only count those loaded. */
  g_assert_cmpuint (n, <=, all_count - active_count);

  /* Disabled only: what is left, every one of them marked disabled. */
  gtk_drop_down_set_selected (window->status_dropdown, 1);
  app_test_wait_for_count (window, all_count - active_count);
  g_assert_true (steward_user_directory_get_disabled_only (window->directory));
  for (guint i = 0; i < all_count - active_count; i++)
    {
      g_autoptr (StewardUser) item = g_list_model_get_item (G_LIST_MODEL (window->directory), i);

      g_assert_true (steward_user_get_id (item) == 0 || steward_user_get_disabled (item));
    }

  /* And the drop-down turns it off again. */
  gtk_drop_down_set_selected (window->status_dropdown, 0);
  app_test_wait_for_count (window, active_count);
  g_assert_false (g_settings_get_boolean (steward_application_get_settings (app_test_application), "include-disabled"));

  /* The permission filter asks the server for holders only. */
  {
    GListModel *names = gtk_drop_down_get_model (window->permission_dropdown);
    guint       governance = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "USER_ADMIN") == 0)
        governance = i;
    g_assert_cmpuint (governance, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (window->permission_dropdown, governance);
    g_assert_cmpstr (steward_user_directory_get_permission (window->directory), ==, "USER_ADMIN");
    steward_test_ui_wait_until (app_test_directory_settled, window);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->directory)), <, active_count);
  }

  g_assert_cmpuint (steward_test_ui_check_accessible_names (GTK_WIDGET (window)), >=, 8);
  app_test_close_window (window);
}

/* A self-signed certificate for 127.0.0.1 and its SHA-256 fingerprint as
 * openssl prints it ("AB:CD:…"); FALSE without openssl. */
static gboolean
make_certificate (const char *dir,
                  char      **out_fingerprint)
{
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *output = NULL;
  g_autoptr (GSubprocess) openssl = NULL;
  g_autoptr (GSubprocess) fingerprint = NULL;
  g_autoptr (GError) error = NULL;
  const char *equals;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                              "-keyout", key, "-out", cert, NULL);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, &error))
    return FALSE;

  fingerprint = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  "openssl", "x509", "-in", cert, "-noout", "-fingerprint", "-sha256", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (fingerprint, NULL, NULL, &output, NULL, &error));
  equals = strchr (output, '=');
  g_assert_nonnull (equals);
  *out_fingerprint = g_strstrip (g_strdup (equals + 1));
  return TRUE;
}

static gboolean
certificate_offered (gpointer dialog)
{
  return gtk_widget_get_visible (app_test_dialog_child (dialog, "certificate_group")) && gtk_widget_is_sensitive (app_test_dialog_child (dialog, "connect_button"));
}

static void
test_trust_certificate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steward-tls-XXXXXX", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *fingerprint = NULL;
  g_autoptr (StewardTestServer) server = NULL;
  StewardProfiles      *profiles = steward_application_get_profiles (app_test_application);
  StewardWindow        *window;
  StewardConnectDialog *dialog;

  if (!steward_test_require_keyring ())
    return;
  if (!make_certificate (dir, &fingerprint))
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  server = steward_test_server_start ("--tls-certificate", cert, "--tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (server->base_url, "https://"));
  window = app_test_open_window ();
  dialog = app_test_open_connect_dialog (window);

  /* Not trusted by the system: refused at the URL, fingerprint shown. */
  steward_connect_dialog_set_values (dialog, "Self-signed", server->base_url, server->admin_api_key);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (certificate_offered, dialog);
  g_assert_true (gtk_widget_has_css_class (app_test_dialog_child (dialog, "url_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (app_test_dialog_child (dialog, "fingerprint_label"))), fingerprint));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (profiles)), ==, 0);

  /* Trusting exactly that certificate connects and pins it. */
  gtk_switch_set_active (GTK_SWITCH (app_test_dialog_child (dialog, "trust_switch")), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  steward_test_ui_wait_until (app_test_window_connected, window);
  g_assert_nonnull (steward_profile_get_pinned_certificate (steward_profiles_get_active (profiles)));

  app_test_close_window (window);
  steward_test_server_stop (server);
  g_unlink (cert);
  g_unlink (key);
  g_rmdir (dir);
}

static gboolean
no_profiles_left (gpointer user_data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (steward_application_get_profiles (app_test_application))) == 0;
}

static void
apply_row (GtkWidget  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = steward_test_ui_find_row (dialog, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_servers_dialog (void)
{
  g_autoptr (StewardTestServer) server = NULL;
  g_autofree char *stored_key = NULL;
  g_autoptr (StewardProfile) profile = NULL;
  StewardProfiles  *profiles = steward_application_get_profiles (app_test_application);
  StewardWindow    *window;
  GtkWidget        *dialog;
  GtkWidget        *color_row;
  AdwMessageDialog *confirm;

  if (!steward_test_require_keyring ())
    return;

  server = steward_test_server_start ("--demo", "20", NULL);
  window = app_test_open_window ();
  app_test_connect_through_dialog (window, server, "Staging", NULL);
  profile = g_object_ref (steward_profiles_get_active (profiles));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.servers", NULL));
  dialog = app_test_find_toplevel (STEWARD_TYPE_SERVERS_DIALOG);
  g_assert_nonnull (dialog);
  steward_test_ui_check_accessible_names (dialog);

  /* An empty name is refused and the profile keeps its name. */
  apply_row (dialog, "Name", "   ");
  g_assert_cmpstr (steward_profile_get_name (profile), ==, "Staging");
  g_assert_true (gtk_widget_has_css_class (steward_test_ui_find_row (dialog, "Name"), "error"));

  /* Rename and tag: the header shows both at once. */
  apply_row (dialog, "Name", "Production");
  g_assert_cmpstr (steward_profile_get_name (profile), ==, "Production");
  g_assert_cmpstr (gtk_label_get_text (window->server_label), ==, "Production");
  apply_row (dialog, "Tag Text", "PROD");
  color_row = steward_test_ui_find_row (dialog, "Tag Colour");
  adw_combo_row_set_selected (ADW_COMBO_ROW (color_row), 0);
  g_assert_cmpstr (steward_profile_get_color_tag (profile), ==, "red:PROD");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->tag_label)));
  g_assert_cmpstr (gtk_label_get_text (window->tag_label), ==, "PROD");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->tag_label), "red"));

  /* Remove asks first, then deletes the profile and its key. */
  steward_test_ui_click (steward_test_ui_find_button (dialog, "Remove…"));
  confirm = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  steward_test_ui_wait_until (no_profiles_left, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "no-server");

  steward_profiles_lookup_api_key_async (profiles, profile, NULL, lookup_key_cb, &stored_key);
  steward_test_ui_wait_until (key_found, &stored_key);
  g_assert_cmpstr (stored_key, ==, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_close_window (window);
}

static void
test_start_local_server (void)
{
  StewardWindow   *window;
  g_autofree char *local_id = NULL;

  if (!steward_test_require_keyring ())
    return;

  window = app_test_open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-local-server", NULL));
  steward_test_ui_wait_until (app_test_window_connected, window);

  /* The demo users are there, under the profile kept for the local server. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->directory)), >=, 400);
  local_id = g_settings_get_string (steward_application_get_settings (app_test_application), "local-profile");
  g_assert_cmpstr (steward_profile_get_id (steward_session_get_profile (window->session)), ==, local_id);
  g_assert_cmpstr (gtk_label_get_text (window->server_label), ==, "Local Server");

  app_test_close_window (window);
  steward_local_server_stop (steward_application_get_local_server (app_test_application));
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/window/templates", test_templates);
  g_test_add_func ("/ui/window/connect-wrong-key", test_connect_wrong_key);
  g_test_add_func ("/ui/window/connect-unreachable", test_connect_unreachable);
  g_test_add_func ("/ui/window/connect-without-user-admin", test_connect_without_user_admin);
  g_test_add_func ("/ui/window/connect-and-directory", test_connect_and_directory);
  g_test_add_func ("/ui/window/servers-dialog", test_servers_dialog);
  g_test_add_func ("/ui/window/trust-certificate", test_trust_certificate);
  g_test_add_func ("/ui/window/start-local-server", test_start_local_server);

  return app_test_run ();
}
