/* steward-cli-user-command.c
 *
 * The part every command about one USER shares: parse USER, connect, find
 * the user, act, print what the server returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-users-private.h"
#include "steward-cli-user-view.h"

StewardCliUserCommand *
steward_cli_user_command_new (StewardCli *cli)
{
  StewardCliUserCommand *command = g_new0 (StewardCliUserCommand, 1);

  command->cli = cli;

  return command;
}

void
steward_cli_user_command_free (StewardCliUserCommand *command)
{
  if (command == NULL)
    return;

  steward_cli_user_ref_free (command->ref);
  g_clear_object (&command->user);
  g_strfreev (command->permissions);
  g_free (command->confirm);
  g_free (command->target_iamid);
  g_free (command->target_userid);
  g_free (command);
}

gboolean
steward_cli_user_command_set_user (StewardCliUserCommand *command,
                                   const char            *text)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (command != NULL, FALSE);

  command->ref = steward_cli_user_ref_parse (text, &error);
  if (command->ref == NULL)
    {
      steward_cli_usage_error (command->cli, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
user_found_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (GError) error = NULL;

  command->user = steward_cli_resolve_user_finish (STEWARD_CLIENT (source), result, &error);
  if (command->user == NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  command->act (command);
}

static void
connected (gpointer data)
{
  StewardCliUserCommand *command = data;

  steward_cli_resolve_user_async (command->cli->client, command->ref, command->cli->cancellable,
                                  user_found_cb, command);
}

void
steward_cli_user_command_start (StewardCliUserCommand *command,
                                StewardCliUserFunc     act)
{
  g_return_if_fail (command != NULL);
  g_return_if_fail (command->ref != NULL);
  g_return_if_fail (act != NULL);

  command->act = act;
  steward_cli_connect_then (command->cli, command,
                            (GDestroyNotify) steward_cli_user_command_free,
                            connected);
}

void
steward_cli_user_command_done (StewardCliUserCommand *command,
                               StewardUser           *user,
                               const char            *summary)
{
  g_return_if_fail (command != NULL);
  g_return_if_fail (STEWARD_IS_USER (user));

  steward_cli_print_user (command->cli, user, summary);
  steward_cli_finish (command->cli, STEWARD_CLI_EXIT_SUCCESS);
}
