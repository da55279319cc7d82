/* steward-application-actions.c
 *
 * What cannot be done is said in the window, in a toast: these actions
 * have no caller to answer (io.github.stewardapp.Steward1 is the
 * interface with replies).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-application-actions.h"

#include "steward-user-lookup.h"
#include "steward-window-private.h"

#include <glib/gi18n.h>

/* The main window focused last, or a new one, on screen. */
static StewardWindow *
present_main_window (StewardApplication *self)
{
  GtkWindow *window = steward_application_get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (steward_window_new (self));
  gtk_window_present (window);
  return STEWARD_WINDOW (window);
}

static void
user_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (StewardWindow) window = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_user_lookup_finish (result, &error);
  /* The window may have gone to another server meanwhile. */
  if (steward_window_get_session (window) == NULL || steward_session_get_client (steward_window_get_session (window)) != STEWARD_CLIENT (source))
    return;
  if (user == NULL)
    steward_window_add_toast (window, error->message);
  else
    steward_window_put_on_page (window, user);
}

static void
show_user_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  StewardWindow  *window = present_main_window (user_data);
  StewardSession *session = steward_window_get_session (window);

  if (session == NULL)
    {
      steward_window_add_toast (window, _ ("Connect to a server to show a user"));
      return;
    }
  steward_user_lookup_async (steward_session_get_client (session), g_variant_get_string (parameter, NULL), NULL,
                             user_shown_cb, g_object_ref (window));
}

static void
new_user_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  StewardWindow *window = present_main_window (user_data);

  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-user"))
    {
      steward_window_add_toast (window, _ ("Creating users needs a server where you have USER_ADMIN"));
      return;
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-user", NULL);
}

static void
switch_server_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  StewardApplication *self = user_data;
  StewardWindow      *window = present_main_window (self);
  GListModel         *profiles = G_LIST_MODEL (steward_application_get_profiles (self));
  const char         *name = g_variant_get_string (parameter, NULL);
  g_autofree char    *message = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr (StewardProfile) profile = g_list_model_get_item (profiles, i);

      if (g_strcmp0 (steward_profile_get_name (profile), name) == 0)
        {
          steward_window_connect_profile (window, profile);
          return;
        }
    }

  message = g_strdup_printf (_ ("No server is named “%s”"), name);
  steward_window_add_toast (window, message);
}

static const GActionEntry remote_actions[] = {
  { .name = "show-user", .parameter_type = "s", .activate = show_user_activated_cb },
  { .name = "new-user", .activate = new_user_activated_cb },
  { .name = "switch-server", .parameter_type = "s", .activate = switch_server_activated_cb },
};

void
steward_application_add_remote_actions (StewardApplication *self)
{
  g_return_if_fail (STEWARD_IS_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), remote_actions, G_N_ELEMENTS (remote_actions), self);
}
