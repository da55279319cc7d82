/* steward-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "steward-application.h"

#include "steward-accessible-names.h"
#include "steward-application-actions.h"
#include "steward-dbus-service.h"
#include "steward-session.h"
#include "steward-window.h"

struct _StewardApplication
{
  AdwApplication parent_instance;

  GSettings           *settings;
  StewardProfiles     *profiles;
  StewardLocalServer  *local_server;
  StewardUsageCounter *usage_counter;
  StewardJournal      *journal;
  StewardDbusService  *dbus_service;
  /* --local-server: start the local server on activation. */
  gboolean start_local_server;
};

G_DEFINE_FINAL_TYPE (StewardApplication, steward_application, ADW_TYPE_APPLICATION)

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Ctrl+C in the terminal or a polite kill: quit the normal way, so the
 * local server is stopped and the window's size saved. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated_cb },
};

static void
steward_application_startup (GApplication *application)
{
  StewardApplication      *self = STEWARD_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const search_accels[] = { "<Control>f", NULL };
  static const char *const refresh_accels[] = { "F5", NULL };
  static const char *const connect_accels[] = { "<Control>o", NULL };
  static const char *const new_user_accels[] = { "<Control>n", NULL };
  static const char *const palette_accels[] = { "<Control>k", NULL };

  g_autoptr (GAction) send_counts = NULL;

  G_APPLICATION_CLASS (steward_application_parent_class)->startup (application);
  /* Before the first window: every control is then named as it reads. */
  steward_accessible_names_install ();

  send_counts = g_settings_create_action (self->settings, "send-usage-counts");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_action_map_add_action (G_ACTION_MAP (self), send_counts);
  steward_application_add_remote_actions (self);
  /* Every session of this run records its writes in the change journal. */
  steward_session_set_default_recorder (STEWARD_CHANGE_RECORDER (steward_application_get_journal (self)));
  g_unix_signal_add (SIGINT, quit_signal_cb, self);
  g_unix_signal_add (SIGTERM, quit_signal_cb, self);

  /* win.show-help-overlay gets Ctrl+? from GtkApplication, which finds
   * gtk/help-overlay.ui under the resource base path. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.connect", connect_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-user", new_user_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.command-palette", palette_accels);
}

static int
steward_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  StewardApplication *self = STEWARD_APPLICATION (application);

  if (g_variant_dict_contains (options, "local-server"))
    self->start_local_server = TRUE;

  /* Go on with the default handling: register, then activate. */
  return -1;
}

static void
steward_application_activate (GApplication *application)
{
  StewardApplication *self = STEWARD_APPLICATION (application);
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (steward_window_new (self));

  if (self->start_local_server)
    {
      self->start_local_server = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-local-server", NULL);
    }

  gtk_window_present (window);
}

/* io.github.stewardapp.Steward1 beside the actions GApplication exports
 * on the same path. */
static gboolean
steward_application_dbus_register (GApplication    *application,
                                   GDBusConnection *connection,
                                   const char      *object_path,
                                   GError         **error)
{
  StewardApplication *self = STEWARD_APPLICATION (application);

  if (!G_APPLICATION_CLASS (steward_application_parent_class)->dbus_register (application, connection, object_path, error))
    return FALSE;

  if (self->dbus_service == NULL)
    self->dbus_service = steward_dbus_service_new (self);
  return steward_dbus_service_export (self->dbus_service, connection, object_path, error);
}

static void
steward_application_dbus_unregister (GApplication    *application,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  StewardApplication *self = STEWARD_APPLICATION (application);

  if (self->dbus_service != NULL)
    steward_dbus_service_unexport (self->dbus_service);

  G_APPLICATION_CLASS (steward_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
steward_application_shutdown (GApplication *application)
{
  StewardApplication *self = STEWARD_APPLICATION (application);

  /* The local server belongs to this run of the application only. */
  if (self->local_server != NULL)
    steward_local_server_stop (self->local_server);
  steward_session_set_default_recorder (NULL);

  G_APPLICATION_CLASS (steward_application_parent_class)->shutdown (application);
}

static void
steward_application_dispose (GObject *object)
{
  StewardApplication *self = STEWARD_APPLICATION (object);

  g_clear_object (&self->dbus_service);
  g_clear_object (&self->local_server);
  g_clear_object (&self->usage_counter);
  /* Waits for the changes it still has to write. */
  g_clear_object (&self->journal);
  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_application_parent_class)->dispose (object);
}

static void
steward_application_class_init (StewardApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = steward_application_dispose;

  application_class->startup = steward_application_startup;
  application_class->handle_local_options = steward_application_handle_local_options;
  application_class->activate = steward_application_activate;
  application_class->shutdown = steward_application_shutdown;
  application_class->dbus_register = steward_application_dbus_register;
  application_class->dbus_unregister = steward_application_dbus_unregister;
}

static void
steward_application_init (StewardApplication *self)
{
  static const GOptionEntry options[] = {
    { "local-server", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Start the local server with demo users and connect to it"), NULL },
    { NULL },
  };

  self->settings = g_settings_new (APP_ID);
  self->profiles = steward_profiles_new (self->settings);
  g_application_add_main_option_entries (G_APPLICATION (self), options);

  /* One way: a server that cannot take the counts turns the counter off
   * for this run without changing the person's choice. */
  self->usage_counter = steward_usage_counter_new ();
  g_settings_bind (self->settings, "send-usage-counts", self->usage_counter, "enabled", G_SETTINGS_BIND_GET);
}

StewardApplication *
steward_application_new (void)
{
  return g_object_new (STEWARD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/stewardapp/Steward",
                       NULL);
}

GSettings *
steward_application_get_settings (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->settings;
}

StewardProfiles *
steward_application_get_profiles (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->profiles;
}

StewardLocalServer *
steward_application_get_local_server (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  if (self->local_server == NULL)
    self->local_server = steward_local_server_new (STEWARD_BINDIR, NULL);

  return self->local_server;
}

StewardUsageCounter *
steward_application_get_usage_counter (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->usage_counter;
}

/* Opened on first use, under the data directory, pruned by the
 * journal-retention-days setting. */
StewardJournal *
steward_application_get_journal (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  if (self->journal == NULL)
    {
      g_autofree char *path = steward_journal_default_path ();

      self->journal = steward_journal_new (path, g_settings_get_uint (self->settings, "journal-retention-days"));
    }

  return self->journal;
}

/* The main window focused last, or NULL. */
GtkWindow *
steward_application_get_main_window (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  /* GTK keeps the windows in the order they were focused. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STEWARD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}
