/* steward-cli-users-private.h
 *
 * What the "users" commands share: the state of a command about one USER,
 * found before the command acts on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"
#include "steward-cli-user-ref.h"

G_BEGIN_DECLS

typedef struct _StewardCliUserCommand StewardCliUserCommand;

typedef void (*StewardCliUserFunc) (StewardCliUserCommand *command);

struct _StewardCliUserCommand
{
  StewardCli        *cli;
  StewardCliUserRef *ref;
  StewardUser       *user;        /* once found */
  StewardCliUserFunc act;         /* what to do once found */
  GStrv              permissions; /* grant, revoke */
  guint              next;        /* the next of @permissions to send */
  gboolean           revoking;    /* revoke @permissions rather than grant */
  char              *confirm;     /* delete */
  char              *target_iamid;
  char              *target_userid;
};

StewardCliUserCommand *steward_cli_user_command_new (StewardCli *cli);
void                   steward_cli_user_command_free (StewardCliUserCommand *command);

/* Parses USER; reports a usage error and returns FALSE when it is none of
 * the three forms. */
gboolean steward_cli_user_command_set_user (StewardCliUserCommand *command,
                                            const char            *text);

/* Hands @command to the run, connects, finds the user, then calls @act. */
void steward_cli_user_command_start (StewardCliUserCommand *command,
                                     StewardCliUserFunc     act);

/* Prints the user the server returned after a change, with @summary, and
 * ends the run successfully. */
void steward_cli_user_command_done (StewardCliUserCommand *command,
                                    StewardUser           *user,
                                    const char            *summary);

void steward_cli_users_grant (StewardCli *cli,
                              int         argc,
                              char      **argv);
void steward_cli_users_revoke (StewardCli *cli,
                               int         argc,
                               char      **argv);
void steward_cli_users_disable (StewardCli *cli,
                                int         argc,
                                char      **argv);
void steward_cli_users_enable (StewardCli *cli,
                               int         argc,
                               char      **argv);
void steward_cli_users_delete (StewardCli *cli,
                               int         argc,
                               char      **argv);
void steward_cli_users_migrate (StewardCli *cli,
                                int         argc,
                                char      **argv);
void steward_cli_users_import (StewardCli *cli,
                               int         argc,
                               char      **argv);

void steward_cli_users_export (StewardCli *cli,
                               int         argc,
                               char      **argv);

void steward_cli_users_dormant (StewardCli *cli,
                                int         argc,
                                char      **argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCliUserCommand, steward_cli_user_command_free)

G_END_DECLS
