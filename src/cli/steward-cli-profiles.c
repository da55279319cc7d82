/* steward-cli-profiles.c
 *
 * "profiles list | add NAME URL | remove NAME": the server profiles the
 * application uses too (GSettings), with their API keys in the keyring.
 * A key is read from stdin, or asked for without echo on a terminal, and
 * never taken from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-cli-profile-store.h"
#include "steward-cli-prompt.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  StewardCli      *cli;
  StewardProfiles *profiles;
  StewardProfile  *profile;
  char            *name;
  char            *url;
  GError          *store_error; /* kept while a failed add is undone */
} ProfileCommand;

static void
profile_command_free (ProfileCommand *command)
{
  g_clear_object (&command->profiles);
  g_clear_object (&command->profile);
  g_free (command->name);
  g_free (command->url);
  g_clear_error (&command->store_error);
  g_free (command);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProfileCommand, profile_command_free)

/* Opens the saved profiles for a command; NULL after ending the run. */
static ProfileCommand *
profile_command_new (StewardCli *cli)
{
  g_autoptr (ProfileCommand) command = g_new0 (ProfileCommand, 1);
  g_autoptr (GError) error = NULL;

  command->cli = cli;
  command->profiles = steward_cli_open_profiles (&error);
  if (command->profiles == NULL)
    {
      steward_cli_fail (cli, error);
      return NULL;
    }

  return g_steal_pointer (&command);
}

/* The settings backend may write in the background; a command-line tool
 * exits right after, so it waits for the write. */
static void
finish_with_settings_saved (ProfileCommand *command,
                            const char     *message)
{
  g_settings_sync ();
  steward_cli_print (message);
  steward_cli_finish (command->cli, STEWARD_CLI_EXIT_SUCCESS);
}

/* -------------------------------------------------------- profiles list */

static JsonNode *
profiles_json (StewardProfiles *profiles,
               StewardProfile  *default_profile)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  guint n_profiles = g_list_model_get_n_items (G_LIST_MODEL (profiles));

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_profiles; i++)
    {
      g_autoptr (StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (profiles), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, steward_profile_get_name (profile));
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, steward_profile_get_url (profile));
      json_builder_set_member_name (builder, "colorTag");
      if (steward_profile_get_color_tag (profile) != NULL)
        json_builder_add_string_value (builder, steward_profile_get_color_tag (profile));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "default");
      json_builder_add_boolean_value (builder, profile == default_profile);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
profiles_text (StewardProfiles *profiles,
               StewardProfile  *default_profile)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (4);
  guint            n_profiles = g_list_model_get_n_items (G_LIST_MODEL (profiles));
  g_autofree char *rows = NULL;
  g_autofree char *total = NULL;

  steward_cli_table_set_header (table, _ ("NAME"), _ ("URL"), _ ("TAG"), _ ("DEFAULT"));
  for (guint i = 0; i < n_profiles; i++)
    {
      g_autoptr (StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (profiles), i);

      steward_cli_table_add_row (table, steward_profile_get_name (profile), steward_profile_get_url (profile),
                                 steward_profile_get_color_tag (profile),
                                 profile == default_profile ? _ ("yes") : NULL);
    }

  rows = n_profiles > 0 ? steward_cli_table_render (table) : g_strdup ("");
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u profile\n", "%u profiles\n", n_profiles), n_profiles);

  return g_strconcat (rows, total, NULL);
}

static void
profiles_list (StewardCli *cli,
               int         argc,
               char      **argv)
{
  g_autoptr (ProfileCommand) command = NULL;
  g_autoptr (StewardProfile) default_profile = NULL;

  if (!steward_cli_parse_options (cli, "profiles list", NULL, N_ ("List the saved server profiles."), NULL, &argc, &argv) || !steward_cli_expect_arguments (cli, "profiles list", argc - 1, 0, 0))
    return;

  command = profile_command_new (cli);
  if (command == NULL)
    return;

  /* Which one a command without --profile would use, if any. */
  default_profile = steward_cli_default_profile (command->profiles, NULL);

  if (cli->json)
    {
      g_autoptr (JsonNode) node = profiles_json (command->profiles, default_profile);

      steward_cli_json_print (node);
    }
  else
    {
      g_autofree char *text = profiles_text (command->profiles, default_profile);

      steward_cli_print (text);
    }

  steward_cli_finish (cli, STEWARD_CLI_EXIT_SUCCESS);
}

/* --------------------------------------------------------- profiles add */

static void
failed_add_undone_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ProfileCommand *command = user_data;

  /* If the keyring cannot even clear the item, the profile stays and
   * "profiles remove" can try again later; the first error is the one
   * worth reporting. */
  steward_profiles_remove_finish (STEWARD_PROFILES (source), result, NULL);
  g_settings_sync ();
  steward_cli_fail (command->cli, command->store_error);
}

static void
api_key_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ProfileCommand  *command = user_data;
  g_autofree char *message = NULL;

  if (!steward_profiles_store_api_key_finish (STEWARD_PROFILES (source), result, &command->store_error))
    {
      /* A profile without its key would only fail later. */
      steward_profiles_remove_async (command->profiles, command->profile, NULL,
                                     failed_add_undone_cb, command);
      return;
    }

  message = g_strdup_printf (_ ("Added the profile “%s” for %s; its API key is in the keyring.\n"),
                             steward_profile_get_name (command->profile), steward_profile_get_url (command->profile));
  finish_with_settings_saved (command, message);
}

static void
api_key_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ProfileCommand *command = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *api_key = NULL;

  api_key = steward_cli_read_line_finish (command->cli, result, &error);
  if (error != NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  if (api_key != NULL)
    g_strstrip (api_key);

  if (api_key == NULL || *api_key == '\0')
    {
      steward_cli_usage_error (command->cli, _ ("No API key was given on stdin"));
      return;
    }

  command->profile = steward_profiles_add (command->profiles, command->name, command->url, NULL, NULL, &error);
  if (command->profile == NULL)
    {
      steward_cli_usage_error (command->cli, "%s", error->message);
      return;
    }

  steward_profiles_store_api_key_async (command->profiles, command->profile, api_key,
                                        command->cli->cancellable, api_key_stored_cb, command);

  /* libsecret has its own copy now. */
  memset (api_key, 0, strlen (api_key));
}

static void
profiles_add (StewardCli *cli,
              int         argc,
              char      **argv)
{
  g_autoptr (ProfileCommand) command = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prompt = NULL;
  ProfileCommand  *pending;
  gboolean         on_terminal = isatty (STDIN_FILENO);

  if (!steward_cli_parse_options (cli, "profiles add", N_ ("NAME URL"),
                                  N_ ("Save a server profile. The API key is read from stdin, or asked for without echo on a terminal."),
                                  NULL, &argc, &argv)
      || !steward_cli_expect_arguments (cli, "profiles add", argc - 1, 2, 2))
    return;

  command = profile_command_new (cli);
  if (command == NULL)
    return;

  /* Refuse a bad name or URL before asking for a key. */
  if (!steward_profiles_check (command->profiles, NULL, argv[1], argv[2], &error))
    {
      steward_cli_usage_error (cli, "%s", error->message);
      return;
    }

  command->name = g_strdup (argv[1]);
  command->url = g_strdup (argv[2]);
  if (on_terminal)
    prompt = g_strdup_printf (_ ("API key for “%s”: "), command->name);

  pending = g_steal_pointer (&command);
  steward_cli_keep_command (cli, pending, (GDestroyNotify) profile_command_free);
  steward_cli_read_line_async (cli, prompt, on_terminal, api_key_read_cb, pending);
}

/* ------------------------------------------------------ profiles remove */

static void
profile_removed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ProfileCommand *command = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_profiles_remove_finish (STEWARD_PROFILES (source), result, &error))
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  message = g_strdup_printf (_ ("Removed the profile “%s” and its API key.\n"),
                             steward_profile_get_name (command->profile));
  finish_with_settings_saved (command, message);
}

static void
profiles_remove (StewardCli *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr (ProfileCommand) command = NULL;
  ProfileCommand *pending;

  if (!steward_cli_parse_options (cli, "profiles remove", N_ ("NAME"), N_ ("Remove a saved server profile and its API key."), NULL, &argc, &argv) || !steward_cli_expect_arguments (cli, "profiles remove", argc - 1, 1, 1))
    return;

  command = profile_command_new (cli);
  if (command == NULL)
    return;

  command->profile = steward_cli_find_profile (command->profiles, argv[1]);
  if (command->profile == NULL)
    {
      steward_cli_usage_error (cli, _ ("There is no profile named “%s”; see “stewardctl profiles list”"), argv[1]);
      return;
    }

  pending = g_steal_pointer (&command);
  steward_cli_keep_command (cli, pending, (GDestroyNotify) profile_command_free);
  steward_profiles_remove_async (pending->profiles, pending->profile, cli->cancellable,
                                 profile_removed_cb, pending);
}

/* ------------------------------------------------------------- profiles */

static const StewardCliVerb profiles_verbs[] = {
  { "list", profiles_list },
  { "add", profiles_add },
  { "remove", profiles_remove },
};

void
steward_cli_profiles_command (StewardCli *cli,
                              int         argc,
                              char      **argv)
{
  steward_cli_dispatch_verb (cli, "profiles", profiles_verbs, G_N_ELEMENTS (profiles_verbs), argc, argv);
}
