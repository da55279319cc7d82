/* steward-cli-connect.c
 *
 * Which server a command talks to and with which key: --server with the
 * key from STEWARD_API_KEY, or a saved profile with its key from the
 * keyring (read asynchronously, through the main loop).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli.h"
#include "steward-cli-journal.h"
#include "steward-cli-profile-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  StewardCli       *cli;
  StewardCliRunFunc run;
  StewardProfiles  *profiles;
  StewardProfile   *profile;
} Connect;

static void
connect_free (Connect *connect)
{
  g_clear_object (&connect->profiles);
  g_clear_object (&connect->profile);
  g_free (connect);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connect, connect_free)

/* @url without trailing slashes when it is http(s)://host…, else NULL. */
static char *
normalize_url (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  char       *normal;
  gsize       length;

  if (scheme == NULL || host == NULL || *host == '\0' || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  /* Paths are appended to the base, which must not end in '/'. */
  normal = g_strdup (url);
  length = strlen (normal);
  while (length > 0 && normal[length - 1] == '/')
    normal[--length] = '\0';

  return normal;
}

static void
start (StewardCli       *cli,
       StewardCliRunFunc run,
       const char       *server_name,
       const char       *url,
       const char       *api_key,
       GTlsCertificate  *pinned_certificate)
{
  g_autofree char *base_url = normalize_url (url);

  if (base_url == NULL)
    {
      steward_cli_usage_error (cli, _ ("“%s” is not a server address; write http(s)://HOST[:PORT]"), url);
      return;
    }

  cli->client = steward_client_new (base_url, api_key);
  if (pinned_certificate != NULL)
    steward_client_set_pinned_certificate (cli->client, pinned_certificate);
  /* The profile's name, as the application journals it; or the address. */
  steward_cli_record_changes (cli, server_name != NULL ? server_name : base_url);

  run (cli->command);
}

static void
api_key_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (Connect) connect = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *api_key = NULL;

  api_key = steward_profiles_lookup_api_key_finish (STEWARD_PROFILES (source), result, &error);
  if (error != NULL)
    {
      steward_cli_fail (connect->cli, error);
      return;
    }

  if (api_key == NULL || *api_key == '\0')
    {
      g_autoptr (GError) missing = g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED,
                                                _ ("The keyring holds no API key for the profile “%s”; remove it and add it again"),
                                                steward_profile_get_name (connect->profile));

      steward_cli_fail (connect->cli, missing);
      return;
    }

  start (connect->cli, connect->run, steward_profile_get_name (connect->profile),
         steward_profile_get_url (connect->profile), api_key,
         steward_profile_get_pinned_certificate (connect->profile));

  /* The client keeps its own copy; this one goes now. */
  memset (api_key, 0, strlen (api_key));
}

static void
connect_to_profile (StewardCli       *cli,
                    StewardCliRunFunc run)
{
  g_autoptr (Connect) connect = g_new0 (Connect, 1);
  g_autoptr (GError) error = NULL;
  Connect *pending;

  connect->cli = cli;
  connect->run = run;
  connect->profiles = steward_cli_open_profiles (&error);
  if (connect->profiles == NULL)
    {
      steward_cli_usage_error (cli, "%s", error->message);
      return;
    }

  if (cli->profile_name != NULL)
    {
      connect->profile = steward_cli_find_profile (connect->profiles, cli->profile_name);
      if (connect->profile == NULL)
        {
          steward_cli_usage_error (cli, _ ("There is no profile named “%s”; see “stewardctl profiles list”"),
                                   cli->profile_name);
          return;
        }
    }
  else
    {
      connect->profile = steward_cli_default_profile (connect->profiles, &error);
      if (connect->profile == NULL)
        {
          steward_cli_usage_error (cli, "%s", error->message);
          return;
        }
    }

  /* Stolen first: C leaves the order of arguments open, so stealing in
   * the argument list could empty @connect before it is read. */
  pending = g_steal_pointer (&connect);
  steward_profiles_lookup_api_key_async (pending->profiles, pending->profile, cli->cancellable,
                                         api_key_found_cb, pending);
}

void
steward_cli_connect_then (StewardCli       *cli,
                          gpointer          command,
                          GDestroyNotify    command_free,
                          StewardCliRunFunc run)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (run != NULL);

  steward_cli_keep_command (cli, command, command_free);

  if (cli->server_url != NULL)
    {
      const char *api_key = g_getenv (STEWARD_CLI_API_KEY_VARIABLE);

      if (api_key == NULL || *api_key == '\0')
        {
          steward_cli_usage_error (cli, _ ("--server needs the API key in the environment variable %s"),
                                   STEWARD_CLI_API_KEY_VARIABLE);
          return;
        }

      start (cli, run, NULL, cli->server_url, api_key, NULL);
      return;
    }

  connect_to_profile (cli, run);
}
