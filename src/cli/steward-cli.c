/* steward-cli.c
 *
 * The run itself: global options, the --help text, choosing the command,
 * and ending with the right exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli.h"
#include "steward-cli-commands.h"
#include "steward-cli-output.h"
#include "steward-cli-prompt.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>

static const StewardCliVerb commands[] = {
  { "profiles", steward_cli_profiles_command },
  { "users", steward_cli_users_command },
  { "iams", steward_cli_iams_command },
  { "permissions", steward_cli_permissions_command },
  { "audit", steward_cli_audit_command },
  { "metrics", steward_cli_metrics_command },
  { "impersonation-sql", steward_cli_impersonation_command },
  { "journal", steward_cli_journal_command },
  { "access-review", steward_cli_access_review_command },
};

/* The paragraphs of `stewardctl --help` after the options. They document
 * every choice a script may depend on. */
static const char *const help_paragraphs[] = {
  N_ ("Commands:\n"
      "  profiles list\n"
      "  profiles add NAME URL\n"
      "  profiles remove NAME\n"
      "  users list [--search TEXT] [--include-disabled | --disabled-only] [--permission P]\n"
      "             [--sort FIELD] [--desc] [--limit N]\n"
      "  users show USER\n"
      "  users create --name NAME --email EMAIL [--permission P]…\n"
      "  users grant USER PERMISSION…\n"
      "  users revoke USER PERMISSION…\n"
      "  users disable USER\n"
      "  users enable USER\n"
      "  users delete USER [--confirm Delete]\n"
      "  users migrate USER --to-iam IAMID --to-userid NAME\n"
      "  iams list\n"
      "  permissions list\n"
      "  audit [--user USER] [--limit N]\n"
      "  metrics --days N [--output FILE [--force]]\n"
      "  impersonation-sql --iamid IAM --userid USERID [--template TEMPLATE]\n"
      "  journal [--since DATE] [--server NAME] [--kind KIND] [--result RESULT]\n"
      "          [--search TEXT] [--limit N] [--keep-days N] [--format table|csv|json]\n"
      "Run “stewardctl COMMAND --help” for the options of one command."),
  N_ ("Server: --server URL takes the API key from the environment variable\n"
      "STEWARD_API_KEY; --profile NAME uses a saved profile, whose key is in\n"
      "the keyring; without either, the profile the Steward application\n"
      "connected to last, or else the only saved one. A key is never accepted\n"
      "as an argument. “profiles add” reads the key from stdin, or asks for it\n"
      "without echo on a terminal."),
  N_ ("USER is a userid in the built-in IAM “bim” (ann@example.com),\n"
      "IAMID:USERID (okta:jdoe), or the numeric id a user keeps across IAMs. A\n"
      "numeric id is looked up in “bim” first, then in each other IAM the\n"
      "server lists."),
  N_ ("Output: tables for people, with columns as wide as their content and a\n"
      "total line; --json prints the server’s JSON shapes instead: {\"hits\",\n"
      "\"count\"} for lists, the aggregated user for one user, {\"deleted\", \"id\"}\n"
      "after a delete, the metrics document verbatim."),
  N_ ("“users list” shows every matching user, fetched 1,000 per request,\n"
      "unless --limit N stops after N; --sort takes name, email, iamid,\n"
      "createdAt, lastLogin or username. “audit” shows the 25 newest records\n"
      "unless --limit N asks for more; --user filters by userid in any IAM."),
  N_ ("“users delete” writes a question on stderr and reads one line from\n"
      "stdin: only exactly “Delete” deletes; anything else, or the end of the\n"
      "input, deletes nothing and exits with status 2. --confirm Delete skips\n"
      "the question; --confirm with any other word is a usage error."),
  N_ ("“metrics --output FILE” replaces FILE atomically with the document and\n"
      "refuses to overwrite an existing file unless --force is given."),
  N_ ("“impersonation-sql” needs no server. It prints the SET statements of a\n"
      "query-engine impersonation with each value quoted for SQL: a ' is\n"
      "doubled, a value holding a backslash is written E'…' with the backslash\n"
      "doubled, and control characters are refused. A template must contain\n"
      "{userid}."),
  N_ ("Every change stewardctl sends (create, grant, revoke, disable, enable,\n"
      "migrate, delete) is first recorded in the change journal the Steward\n"
      "application keeps, $XDG_DATA_HOME/steward/journal.sqlite, and completed\n"
      "with the server’s answer; “journal” shows it, newest first, and needs no\n"
      "server. Changes older than the application’s journal-retention-days\n"
      "setting (365 by default) are removed when it is opened."),
  N_ ("Exit status: 0 success, 1 refused by the server (or the file could not\n"
      "be written), 2 usage error, 3 cannot reach the server (network, timeout,\n"
      "TLS), 4 not authorized (key refused or permission missing)."),
};

StewardCli *
steward_cli_new (void)
{
  StewardCli *cli = g_new0 (StewardCli, 1);

  cli->loop = g_main_loop_new (NULL, FALSE);
  cli->cancellable = g_cancellable_new ();

  return cli;
}

void
steward_cli_free (StewardCli *cli)
{
  if (cli == NULL)
    return;

  g_cancellable_cancel (cli->cancellable);
  if (cli->command_free != NULL)
    cli->command_free (cli->command);
  g_clear_object (&cli->client);
  /* Waits for what it still has to write. */
  g_clear_object (&cli->journal);
  g_clear_object (&cli->cancellable);
  g_clear_pointer (&cli->loop, g_main_loop_unref);
  g_free (cli->profile_name);
  g_free (cli->server_url);
  g_free (cli);
}

void
steward_cli_keep_command (StewardCli    *cli,
                          gpointer       command,
                          GDestroyNotify command_free)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (cli->command == NULL);

  cli->command = command;
  cli->command_free = command_free;
}

void
steward_cli_finish (StewardCli *cli,
                    int         exit_status)
{
  g_return_if_fail (cli != NULL);

  if (cli->finished)
    return;

  cli->finished = TRUE;
  cli->exit_status = exit_status;
  g_main_loop_quit (cli->loop);
}

int
steward_cli_exit_status_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, STEWARD_CLI_EXIT_REFUSED);

  if (error->domain == G_OPTION_ERROR)
    return STEWARD_CLI_EXIT_USAGE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return STEWARD_CLI_EXIT_INTERRUPTED;

  if (error->domain != STEWARD_API_ERROR)
    return STEWARD_CLI_EXIT_REFUSED;

  switch ((StewardApiError) error->code)
    {
      case STEWARD_API_ERROR_NETWORK:
      case STEWARD_API_ERROR_TIMEOUT:
      case STEWARD_API_ERROR_TLS:
        return STEWARD_CLI_EXIT_UNREACHABLE;

      case STEWARD_API_ERROR_UNAUTHORIZED:
      case STEWARD_API_ERROR_FORBIDDEN:
        return STEWARD_CLI_EXIT_UNAUTHORIZED;

      case STEWARD_API_ERROR_NOT_FOUND:
      case STEWARD_API_ERROR_CONFLICT:
      case STEWARD_API_ERROR_INVALID:
      case STEWARD_API_ERROR_SERVER:
      case STEWARD_API_ERROR_MALFORMED_REPLY:
      case STEWARD_API_ERROR_UNSUPPORTED:
      default:
        return STEWARD_CLI_EXIT_REFUSED;
    }
}

void
steward_cli_fail (StewardCli   *cli,
                  const GError *error)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (error != NULL);

  /* Only an interrupt cancels, and it has said what happened already. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_printerr ("stewardctl: %s\n", error->message);

  steward_cli_finish (cli, steward_cli_exit_status_for_error (error));
}

void
steward_cli_usage_error (StewardCli *cli,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  g_return_if_fail (cli != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("stewardctl: %s\n", message);
  steward_cli_finish (cli, STEWARD_CLI_EXIT_USAGE);
}

static char *
join_verbs (const StewardCliVerb *verbs,
            guint                 n_verbs)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_verbs; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", verbs[i].name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

void
steward_cli_dispatch_verb (StewardCli           *cli,
                           const char           *group,
                           const StewardCliVerb *verbs,
                           guint                 n_verbs,
                           int                   argc,
                           char                **argv)
{
  g_autofree char *names = join_verbs (verbs, n_verbs);

  for (guint i = 0; argc >= 2 && i < n_verbs; i++)
    {
      if (g_str_equal (argv[1], verbs[i].name))
        {
          verbs[i].run (cli, argc - 1, argv + 1);
          return;
        }
    }

  if (group == NULL)
    {
      steward_cli_usage_error (cli, _ ("“%s” is not a command; see “stewardctl --help”"), argv[1]);
      return;
    }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_autofree char *help = g_strdup_printf (_ ("Usage:\n"
                                                  "  stewardctl [OPTION…] %s COMMAND [ARGUMENT…]\n"
                                                  "\n"
                                                  "Commands: %s\n"
                                                  "Run “stewardctl %s COMMAND --help” for the options of one command.\n"),
                                               group, names, group);

      steward_cli_print (help);
      steward_cli_finish (cli, STEWARD_CLI_EXIT_SUCCESS);
      return;
    }

  if (argc < 2)
    steward_cli_usage_error (cli, _ ("“%s” needs one of: %s"), group, names);
  else
    steward_cli_usage_error (cli, _ ("“%s %s” is not a command; “%s” takes one of: %s"),
                             group, argv[1], group, names);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  StewardCli *cli = user_data;

  steward_cli_restore_terminal ();
  g_printerr ("\n");
  g_cancellable_cancel (cli->cancellable);
  steward_cli_finish (cli, STEWARD_CLI_EXIT_INTERRUPTED);

  return G_SOURCE_CONTINUE;
}

static char *
help_description (void)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (help_paragraphs); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n\n" : "", _ (help_paragraphs[i]));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Parses the options before COMMAND; argv[1] is then the command. */
static gboolean
parse_global_options (StewardCli *cli,
                      int        *argc,
                      char     ***argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *description = help_description ();
  gboolean           version = FALSE;
  const GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &cli->profile_name, N_ ("Use the saved server profile NAME"), N_ ("NAME") },
    { "server", 's', 0, G_OPTION_ARG_STRING, &cli->server_url, N_ ("Use the server at URL, with the key in STEWARD_API_KEY"), N_ ("URL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_ ("Print the server’s JSON instead of a table"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (N_ ("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_ ("Manage the users of a Steward or Immuta-style data-governance server."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at COMMAND: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      steward_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }

  if (version)
    {
      g_print ("stewardctl %s\n", PACKAGE_VERSION);
      steward_cli_finish (cli, STEWARD_CLI_EXIT_SUCCESS);
      return FALSE;
    }

  if (cli->profile_name != NULL && cli->server_url != NULL)
    {
      steward_cli_usage_error (cli, _ ("Give either --profile or --server, not both"));
      return FALSE;
    }

  if (*argc < 2)
    {
      steward_cli_usage_error (cli, _ ("No command given; see “stewardctl --help”"));
      return FALSE;
    }

  return TRUE;
}

int
steward_cli_run (StewardCli *cli,
                 int         argc,
                 char      **argv)
{
  g_return_val_if_fail (cli != NULL, STEWARD_CLI_EXIT_USAGE);

  /* The commands are the verbs of the program itself. */
  if (parse_global_options (cli, &argc, &argv))
    steward_cli_dispatch_verb (cli, NULL, commands, G_N_ELEMENTS (commands), argc, argv);

  if (!cli->finished)
    {
      guint sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, cli);
      guint sigterm_id = g_unix_signal_add (SIGTERM, interrupted_cb, cli);

      g_main_loop_run (cli->loop);
      g_source_remove (sigint_id);
      g_source_remove (sigterm_id);
    }

  /* Tables and JSON go to stdout; a full disk or a closed pipe there is a
   * failure a script must see. */
  if (fflush (stdout) != 0 && cli->exit_status == STEWARD_CLI_EXIT_SUCCESS)
    {
      g_printerr ("stewardctl: %s\n", _ ("Could not write the output"));
      return STEWARD_CLI_EXIT_REFUSED;
    }

  return cli->exit_status;
}
