/* steward-cli-commands.h
 *
 * The command groups of stewardctl. Each receives the words from its own
 * name on (argv[0] is "users", "metrics", …), parses the rest and finishes
 * the run, at once or from its last callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"

G_BEGIN_DECLS

typedef void (*StewardCliCommandFunc) (StewardCli *cli,
                                       int         argc,
                                       char      **argv);

typedef struct
{
  const char           *name;
  StewardCliCommandFunc run;
} StewardCliVerb;

/* Runs the verb named by argv[1] with argv[1..] (so the verb is its
 * argv[0]); a missing or unknown verb is a usage error. @group ("users")
 * names the command group in messages and answers --help; NULL for the
 * commands of the program itself. */
void steward_cli_dispatch_verb (StewardCli           *cli,
                                const char           *group,
                                const StewardCliVerb *verbs,
                                guint                 n_verbs,
                                int                   argc,
                                char                **argv);

void steward_cli_profiles_command (StewardCli *cli,
                                   int         argc,
                                   char      **argv);
void steward_cli_access_review_command (StewardCli *cli,
                                        int         argc,
                                        char      **argv);

void steward_cli_users_command (StewardCli *cli,
                                int         argc,
                                char      **argv);
void steward_cli_iams_command (StewardCli *cli,
                               int         argc,
                               char      **argv);
void steward_cli_permissions_command (StewardCli *cli,
                                      int         argc,
                                      char      **argv);
void steward_cli_audit_command (StewardCli *cli,
                                int         argc,
                                char      **argv);
void steward_cli_metrics_command (StewardCli *cli,
                                  int         argc,
                                  char      **argv);
void steward_cli_impersonation_command (StewardCli *cli,
                                        int         argc,
                                        char      **argv);

void steward_cli_journal_command (StewardCli *cli,
                                  int         argc,
                                  char      **argv);

G_END_DECLS
