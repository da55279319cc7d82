/* steward-cli-user-view.h
 *
 * How users look on a terminal: one user as labelled lines, many as a
 * table, and either as the aggregated user with --json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"
#include "steward-cli-output.h"

G_BEGIN_DECLS

/* "Ann Lee (bim:ann@example.com)", cleaned for the terminal. */
char *steward_cli_user_label (StewardUser *user);

/* Labelled lines: name, e-mail, IAM, userid, id, permissions, status… */
char *steward_cli_describe_user (StewardUser *user);

/* A table with the users' columns and no rows yet. */
StewardCliTable *steward_cli_users_table_new (void);
void             steward_cli_users_table_add (StewardCliTable *table,
                                              StewardUser     *user);

/* The aggregated user with --json, else @summary (may be NULL) on its own
 * line followed by the labelled lines. */
void steward_cli_print_user (StewardCli  *cli,
                             StewardUser *user,
                             const char  *summary);

G_END_DECLS
