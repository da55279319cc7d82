/* steward-cli-users-change.c
 *
 * The "users" verbs that change one user: grant, revoke, disable, enable,
 * delete and migrate. Each finds the user first (so a numeric id works and
 * the messages can name the person), then sends its change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-json.h"
#include "steward-cli-prompt.h"
#include "steward-cli-user-view.h"
#include "steward-cli-users-private.h"
#include "steward-validate.h"

#include <glib/gi18n-lib.h>

/* Parses the options and USER (argv[1]) of a verb; @min_args and @max_args
 * count the positional arguments USER included. */
static StewardCliUserCommand *
parse_user_command (StewardCli         *cli,
                    const char         *name,
                    const char         *parameters,
                    const char         *summary,
                    const GOptionEntry *entries,
                    int                 min_args,
                    int                 max_args,
                    int                *argc,
                    char             ***argv)
{
  g_autoptr (StewardCliUserCommand) command = steward_cli_user_command_new (cli);

  if (!steward_cli_parse_options (cli, name, parameters, summary, entries, argc, argv) || !steward_cli_expect_arguments (cli, name, *argc - 1, min_args, max_args) || !steward_cli_user_command_set_user (command, (*argv)[1]))
    return NULL;

  return g_steal_pointer (&command);
}

/* ------------------------------------------------- grant and revoke */

static void send_next_permission (StewardCliUserCommand *command);

static void
permission_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  if (!command->revoking)
    user = steward_client_add_permission_finish (STEWARD_CLIENT (source), result, &error);
  else
    user = steward_client_remove_permission_finish (STEWARD_CLIENT (source), result, &error);

  if (user == NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  g_set_object (&command->user, user);
  send_next_permission (command);
}

static void
send_next_permission (StewardCliUserCommand *command)
{
  StewardClient   *client = command->cli->client;
  const char      *iamid = steward_user_get_iamid (command->user);
  const char      *userid = steward_user_get_userid (command->user);
  const char      *permission = command->permissions[command->next];
  g_autofree char *label = NULL;
  g_autofree char *names = NULL;
  g_autofree char *summary = NULL;

  if (permission != NULL)
    {
      command->next++;
      if (!command->revoking)
        steward_client_add_permission_async (client, iamid, userid, permission, command->cli->cancellable,
                                             permission_sent_cb, command);
      else
        steward_client_remove_permission_async (client, iamid, userid, permission, command->cli->cancellable,
                                                permission_sent_cb, command);
      return;
    }

  label = steward_cli_user_label (command->user);
  names = g_strjoinv (", ", command->permissions);
  if (!command->revoking)
    /* Translators: "Granted AUDIT, GOVERNANCE to Ann Lee (bim:ann@example.com)." */
    summary = g_strdup_printf (_ ("Granted %s to %s."), names, label);
  else
    /* Translators: "Removed AUDIT from Ann Lee (bim:ann@example.com)." */
    summary = g_strdup_printf (_ ("Removed %s from %s."), names, label);

  steward_cli_user_command_done (command, command->user, summary);
}

static void
change_permissions (StewardCli *cli,
                    const char *name,
                    const char *summary,
                    gboolean    grant,
                    int         argc,
                    char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = NULL;

  command = parse_user_command (cli, name, N_ ("USER PERMISSION…"), summary, NULL, 2, -1, &argc, &argv);
  if (command == NULL)
    return;

  command->permissions = g_strdupv (argv + 2);
  if (!steward_cli_check_permissions (cli, (const char *const *) command->permissions))
    return;

  command->revoking = !grant;
  steward_cli_user_command_start (g_steal_pointer (&command), send_next_permission);
}

void
steward_cli_users_grant (StewardCli *cli,
                         int         argc,
                         char      **argv)
{
  change_permissions (cli, "users grant", N_ ("Add Permissions to a user."), TRUE, argc, argv);
}

void
steward_cli_users_revoke (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  change_permissions (cli, "users revoke", N_ ("Remove permissions from a user."), FALSE, argc, argv);
}

/* ------------------------------------------------- disable and enable */

static void
disabled_set_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;

  user = steward_client_set_disabled_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  label = steward_cli_user_label (user);
  if (steward_user_get_disabled (user))
    summary = g_strdup_printf (_ ("Disabled %s."), label);
  else
    summary = g_strdup_printf (_ ("Enabled %s."), label);

  steward_cli_user_command_done (command, user, summary);
}

static void
send_disable (StewardCliUserCommand *command)
{
  steward_client_set_disabled_async (command->cli->client,
                                     steward_user_get_iamid (command->user),
                                     steward_user_get_userid (command->user),
                                     TRUE, command->cli->cancellable, disabled_set_cb, command);
}

static void
send_enable (StewardCliUserCommand *command)
{
  steward_client_set_disabled_async (command->cli->client,
                                     steward_user_get_iamid (command->user),
                                     steward_user_get_userid (command->user),
                                     FALSE, command->cli->cancellable, disabled_set_cb, command);
}

void
steward_cli_users_disable (StewardCli *cli,
                           int         argc,
                           char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = NULL;

  command = parse_user_command (cli, "users disable", N_ ("USER"),
                                N_ ("Disable a user: hidden from the list, tokens revoked, API keys refused."),
                                NULL, 1, 1, &argc, &argv);
  if (command != NULL)
    steward_cli_user_command_start (g_steal_pointer (&command), send_disable);
}

void
steward_cli_users_enable (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = NULL;

  command = parse_user_command (cli, "users enable", N_ ("USER"), N_ ("Enable a disabled user again."),
                                NULL, 1, 1, &argc, &argv);
  if (command != NULL)
    steward_cli_user_command_start (g_steal_pointer (&command), send_enable);
}

/* -------------------------------------------------------------- delete */

static void
user_deleted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  if (!steward_client_delete_user_finish (STEWARD_CLIENT (source), result, &error))
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  if (command->cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_deleted (steward_user_get_id (command->user));

      steward_cli_json_print (node);
    }
  else
    {
      g_autofree char *summary = NULL;

      label = steward_cli_user_label (command->user);
      summary = g_strdup_printf (_ ("Permanently deleted %s.\n"), label);
      steward_cli_print (summary);
    }

  steward_cli_finish (command->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
send_delete (StewardCliUserCommand *command)
{
  steward_client_delete_user_async (command->cli->client,
                                    steward_user_get_iamid (command->user),
                                    steward_user_get_userid (command->user),
                                    command->cli->cancellable, user_deleted_cb, command);
}

static void
confirmation_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  line = steward_cli_read_line_finish (command->cli, result, &error);
  if (error != NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  if (g_strcmp0 (line, STEWARD_CLI_CONFIRM_WORD) != 0)
    {
      steward_cli_usage_error (command->cli, _ ("Nothing was deleted: the confirmation was not “%s”"),
                               STEWARD_CLI_CONFIRM_WORD);
      return;
    }

  send_delete (command);
}

static void
confirm_delete (StewardCliUserCommand *command)
{
  g_autofree char *label = NULL;
  g_autofree char *prompt = NULL;

  if (command->confirm != NULL)
    {
      send_delete (command);
      return;
    }

  label = steward_cli_user_label (command->user);
  prompt = g_strdup_printf (_ ("Permanently delete %s? This cannot be undone.\nType %s to confirm: "),
                            label, STEWARD_CLI_CONFIRM_WORD);
  steward_cli_read_line_async (command->cli, prompt, FALSE, confirmation_read_cb, command);
}

void
steward_cli_users_delete (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = NULL;
  g_autofree char   *confirm = NULL;
  const GOptionEntry entries[] = {
    { "confirm", 0, 0, G_OPTION_ARG_STRING, &confirm, N_ ("Confirm Permanent Delete without asking; WORD must be Delete"), N_ ("WORD") },
    G_OPTION_ENTRY_NULL
  };

  command = parse_user_command (cli, "users delete", N_ ("USER"),
                                N_ ("Permanently delete a user. This cannot be undone."),
                                entries, 1, 1, &argc, &argv);
  if (command == NULL)
    return;

  if (confirm != NULL && !g_str_equal (confirm, STEWARD_CLI_CONFIRM_WORD))
    {
      steward_cli_usage_error (cli, _ ("--confirm takes only the word %s"), STEWARD_CLI_CONFIRM_WORD);
      return;
    }

  command->confirm = g_steal_pointer (&confirm);
  steward_cli_user_command_start (g_steal_pointer (&command), confirm_delete);
}

/* ------------------------------------------------------------- migrate */

static void
user_migrated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  StewardCliUserCommand *command = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  user = steward_client_migrate_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    {
      steward_cli_fail (command->cli, error);
      return;
    }

  before = steward_cli_user_label (command->user);
  after = steward_cli_user_label (user);
  /* Translators: "Migrated Ann Lee (bim:ann@example.com) to Ann Lee (okta:ann)." */
  summary = g_strdup_printf (_ ("Migrated %s to %s."), before, after);
  steward_cli_user_command_done (command, user, summary);
}

static void
send_migrate (StewardCliUserCommand *command)
{
  steward_client_migrate_user_async (command->cli->client,
                                     steward_user_get_iamid (command->user),
                                     steward_user_get_userid (command->user),
                                     command->target_iamid, command->target_userid,
                                     command->cli->cancellable, user_migrated_cb, command);
}

void
steward_cli_users_migrate (StewardCli *cli,
                           int         argc,
                           char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = NULL;
  g_autofree char   *target_iamid = NULL;
  g_autofree char   *target_userid = NULL;
  const GOptionEntry entries[] = {
    { "to-iam", 0, 0, G_OPTION_ARG_STRING, &target_iamid, N_ ("The IAM to move the user to"), N_ ("IAMID") },
    { "to-userid", 0, 0, G_OPTION_ARG_STRING, &target_userid, N_ ("The user’s userid in that IAM"), N_ ("NAME") },
    G_OPTION_ENTRY_NULL
  };

  command = parse_user_command (cli, "users migrate", N_ ("USER"),
                                N_ ("Migrate User to another IAM, keeping id, permissions and profile."),
                                entries, 1, 1, &argc, &argv);
  if (command == NULL || !steward_cli_require_option (cli, "--to-iam", target_iamid) || !steward_cli_require_option (cli, "--to-userid", target_userid))
    return;

  if (!steward_iam_id_is_valid (target_iamid))
    {
      steward_cli_usage_error (cli, _ ("“%s” is not an IAM id"), target_iamid);
      return;
    }

  command->target_iamid = g_steal_pointer (&target_iamid);
  command->target_userid = g_steal_pointer (&target_userid);
  steward_cli_user_command_start (g_steal_pointer (&command), send_migrate);
}
