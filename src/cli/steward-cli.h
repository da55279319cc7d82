/* steward-cli.h
 *
 * The context of one stewardctl run: the global options, the main loop the
 * asynchronous API is driven through, the client once connected, and the
 * exit status. Commands receive it instead of reaching for globals.
 *
 * A command parses its own arguments, then either finishes at once (usage
 * errors, commands that need no server) or hands its state to
 * steward_cli_connect_then() and finishes from its last callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-client.h"
#include "steward-journal.h"

G_BEGIN_DECLS

/* The exit statuses promised in `stewardctl --help`. */
typedef enum
{
  STEWARD_CLI_EXIT_SUCCESS = 0,
  STEWARD_CLI_EXIT_REFUSED = 1,      /* the server (or the local file system) refused */
  STEWARD_CLI_EXIT_USAGE = 2,        /* bad arguments, or a confirmation not given */
  STEWARD_CLI_EXIT_UNREACHABLE = 3,  /* network, timeout, TLS */
  STEWARD_CLI_EXIT_UNAUTHORIZED = 4, /* the key was refused, or lacks a permission */
  STEWARD_CLI_EXIT_INTERRUPTED = 130,
} StewardCliExit;

/* The word a person types (or passes to --confirm) to permanently delete. */
#define STEWARD_CLI_CONFIRM_WORD "Delete"

/* The environment variable that holds the API key for --server. */
#define STEWARD_CLI_API_KEY_VARIABLE "STEWARD_API_KEY"

typedef struct _StewardCli StewardCli;

/* Called once connected, with the command state given to
 * steward_cli_connect_then(). */
typedef void (*StewardCliRunFunc) (gpointer command);

struct _StewardCli
{
  GMainLoop      *loop;
  GCancellable   *cancellable;
  StewardClient  *client;  /* set by steward_cli_connect_then() */
  StewardJournal *journal; /* records the client's writes */
  char           *profile_name;
  char           *server_url;
  gboolean        json;
  int             exit_status;
  gboolean        finished;
  gpointer        command;
  GDestroyNotify  command_free;
};

StewardCli *steward_cli_new (void);
void        steward_cli_free (StewardCli *cli);

/* Parses the global options, runs the command and returns the exit status. */
int steward_cli_run (StewardCli *cli,
                     int         argc,
                     char      **argv);

/* Ends the run with @exit_status (the first call wins). */
void steward_cli_finish (StewardCli *cli,
                         int         exit_status);

/* Prints "stewardctl: MESSAGE" on stderr and ends the run with the status
 * @error maps to. A cancellation ends it silently. */
void steward_cli_fail (StewardCli   *cli,
                       const GError *error);

/* Prints "stewardctl: MESSAGE" on stderr and ends the run with status 2. */
void steward_cli_usage_error (StewardCli *cli,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

int steward_cli_exit_status_for_error (const GError *error);

/* Keeps @command, a command's state, until @cli is freed. */
void steward_cli_keep_command (StewardCli    *cli,
                               gpointer       command,
                               GDestroyNotify command_free);

/* Keeps @command until @cli is freed, connects to the server that --server
 * or --profile names, then calls @run (@command). Connection problems end
 * the run without calling @run. */
void steward_cli_connect_then (StewardCli       *cli,
                               gpointer          command,
                               GDestroyNotify    command_free,
                               StewardCliRunFunc run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCli, steward_cli_free)

G_END_DECLS
