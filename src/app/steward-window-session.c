/* steward-window-session.c
 *
 * Opening a profile's session: the key comes from the keyring, then the
 * session authenticates and loads the caller. The local server's profile
 * differs only in that the server is started first (its address changes
 * with every start) and its key is read from the server's data directory.
 * Every step is cancellable; only the latest request reaches the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* A connection attempt; dropped when a newer one starts. */
typedef struct
{
  StewardWindow  *self;
  StewardProfile *profile;
  GCancellable   *cancellable;
  char           *api_key;
} Attempt;

static Attempt *
attempt_new (StewardWindow  *self,
             StewardProfile *profile)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->self = g_object_ref (self);
  attempt->profile = profile != NULL ? g_object_ref (profile) : NULL;
  attempt->cancellable = g_object_ref (self->connect_cancellable);
  return attempt;
}

static void
attempt_free (Attempt *attempt)
{
  g_object_unref (attempt->self);
  g_clear_object (&attempt->profile);
  g_object_unref (attempt->cancellable);
  if (attempt->api_key != NULL)
    explicit_bzero (attempt->api_key, strlen (attempt->api_key));
  g_free (attempt->api_key);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attempt, attempt_free)

/* Starts a new attempt, cancelling the one before. */
static void
begin (StewardWindow  *self,
       StewardProfile *profile,
       const char     *title)
{
  steward_window_cancel_connect (self);
  self->connect_cancellable = g_cancellable_new ();
  g_set_object (&self->connecting_profile, profile);
  steward_window_show_connecting (self, title);
}

static gboolean
is_local_profile (StewardWindow  *self,
                  StewardProfile *profile)
{
  g_autofree char *local_id = g_settings_get_string (self->settings, "local-profile");

  return profile != NULL && g_strcmp0 (local_id, steward_profile_get_id (profile)) == 0;
}

static gboolean
finished_quietly (Attempt      *attempt,
                  const GError *error)
{
  /* Cancelled attempts leave the screen to whatever replaced them. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (attempt->cancellable);
}

static void
fail (Attempt      *attempt,
      const char   *title,
      const GError *error)
{
  StewardWindow *self = attempt->self;

  g_clear_object (&self->connect_cancellable);
  steward_window_show_failure (self, title, error->message);
}

static void
session_connected_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (Attempt) attempt = user_data;
  g_autoptr (StewardSession) session = NULL;
  g_autoptr (GError) error = NULL;
  StewardWindow *self = attempt->self;

  session = steward_session_connect_finish (result, &error);
  if (finished_quietly (attempt, error))
    return;
  if (session == NULL)
    {
      fail (attempt, _ ("Could Not Connect"), error);
      return;
    }

  g_clear_object (&self->connect_cancellable);
  g_hash_table_replace (self->sessions, g_strdup (steward_profile_get_id (attempt->profile)), g_object_ref (session));
  steward_window_show_session (self, session);
}

static void
open_session (Attempt *attempt)
{
  const char *api_key = attempt->api_key;

  steward_session_connect_async (attempt->profile, api_key, attempt->cancellable, session_connected_cb, attempt);
}

static void
api_key_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (Attempt) attempt = user_data;
  g_autoptr (GError) error = NULL;

  attempt->api_key = steward_profiles_lookup_api_key_finish (STEWARD_PROFILES (source), result, &error);
  if (finished_quietly (attempt, error))
    return;
  if (attempt->api_key == NULL)
    {
      g_autoptr (GError) missing = NULL;

      if (error == NULL)
        missing = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _ ("Your keyring has no API key for “%s”. Remove the server under Servers… and connect to it again with its key."),
                               steward_profile_get_name (attempt->profile));
      fail (attempt, _ ("No API Key"), error != NULL ? error : missing);
      return;
    }

  open_session (g_steal_pointer (&attempt));
}

static void
api_key_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (Attempt) attempt = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_profiles_store_api_key_finish (STEWARD_PROFILES (source), result, &error))
    {
      if (finished_quietly (attempt, error))
        return;
      /* The local server still works this time without the keyring;
       * only the next start has to read the key from its file again. */
      steward_window_add_toast (attempt->self, _ ("The local server’s key could not be kept in the keyring"));
    }
  if (g_cancellable_is_cancelled (attempt->cancellable))
    return;

  open_session (g_steal_pointer (&attempt));
}

/* The local server's profile: found by the id kept in settings, created
 * on first use, its address updated to where the server listens now. */
static StewardProfile *
local_profile_for (StewardWindow *self,
                   const char    *url,
                   GError       **error)
{
  g_autofree char *local_id = g_settings_get_string (self->settings, "local-profile");
  StewardProfile  *profile = steward_profiles_find (self->profiles, local_id);

  if (profile != NULL)
    {
      steward_profile_set_url (profile, url);
      return g_object_ref (profile);
    }

  /* "Local Server", or "Local Server 2" if someone took the name. */
  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_ ("Local Server")) : g_strdup_printf (_ ("Local Server %u"), n);
      g_autoptr (GError) local_error = NULL;

      profile = steward_profiles_add (self->profiles, name, url, NULL, NULL, &local_error);
      if (profile != NULL)
        {
          g_settings_set_string (self->settings, "local-profile", steward_profile_get_id (profile));
          return profile;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _ ("Too many servers are named “Local Server”"));
  return NULL;
}

static void
local_server_started_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr (Attempt) attempt = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  StewardWindow   *self = attempt->self;

  if (!steward_local_server_start_finish (STEWARD_LOCAL_SERVER (source), result, &url, &attempt->api_key, &error))
    {
      if (!finished_quietly (attempt, error))
        fail (attempt, _ ("Could Not Start the Local Server"), error);
      return;
    }
  if (g_cancellable_is_cancelled (attempt->cancellable))
    return;

  g_clear_object (&attempt->profile);
  attempt->profile = local_profile_for (self, url, &error);
  if (attempt->profile == NULL)
    {
      fail (attempt, _ ("Could Not Start the Local Server"), error);
      return;
    }
  g_set_object (&self->connecting_profile, attempt->profile);

  steward_profiles_store_api_key_async (self->profiles, attempt->profile, attempt->api_key, attempt->cancellable, api_key_stored_cb, attempt);
  g_steal_pointer (&attempt);
}

void
steward_window_start_local_server (StewardWindow *self)
{
  StewardApplication *application = STEWARD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  StewardLocalServer *server = steward_application_get_local_server (application);
  g_autofree char    *local_id = g_settings_get_string (self->settings, "local-profile");
  StewardProfile     *profile = steward_profiles_find (self->profiles, local_id);
  StewardSession     *session = profile != NULL ? g_hash_table_lookup (self->sessions, local_id) : NULL;

  /* Already running and connected: just show it. */
  if (session != NULL && steward_local_server_get_running (server))
    {
      steward_window_show_session (self, session);
      return;
    }
  if (profile != NULL)
    g_hash_table_remove (self->sessions, local_id);

  begin (self, profile, _ ("Starting the Local Server…"));
  steward_local_server_start_async (server, self->connect_cancellable, local_server_started_cb, attempt_new (self, profile));
}

void
steward_window_connect_profile (StewardWindow  *self,
                                StewardProfile *profile)
{
  StewardSession *session;

  g_return_if_fail (STEWARD_IS_WINDOW (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));

  if (is_local_profile (self, profile))
    {
      steward_window_start_local_server (self);
      return;
    }

  session = g_hash_table_lookup (self->sessions, steward_profile_get_id (profile));
  if (session != NULL)
    {
      steward_window_cancel_connect (self);
      steward_window_show_session (self, session);
      return;
    }

  begin (self, profile, _ ("Connecting…"));
  steward_profiles_set_active (self->profiles, profile);
  steward_profiles_lookup_api_key_async (self->profiles, profile, self->connect_cancellable, api_key_found_cb, attempt_new (self, profile));
}

void
steward_window_cancel_connect (StewardWindow *self)
{
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);

  /* Back to what was there before the attempt. */
  if (self->connecting_profile != NULL)
    {
      g_clear_object (&self->connecting_profile);
      if (self->session != NULL)
        steward_window_show_session (self, self->session);
      else
        steward_window_show_no_server (self);
    }
}

void
steward_window_forget_session (StewardWindow  *self,
                               StewardProfile *profile)
{
  g_hash_table_remove (self->sessions, steward_profile_get_id (profile));
}
