/* steward-cli-args.h
 *
 * Argument parsing shared by the commands: their options, the count of
 * their positional arguments, and the checks that make a bad argument a
 * usage error (exit status 2) before anything is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"

G_BEGIN_DECLS

/* Parses @entries (may be NULL) out of @argc/@argv, where argv[0] is the
 * command's last word. --json is accepted after the command as well. On
 * success argv[1] .. argv[argc - 1] are the positional arguments. @command
 * ("users list") and @parameters ("USER PERMISSION…", may be NULL) make the
 * --help text. FALSE after reporting a usage error. */
gboolean steward_cli_parse_options (StewardCli         *cli,
                                    const char         *command,
                                    const char         *parameters,
                                    const char         *summary,
                                    const GOptionEntry *entries,
                                    int                *argc,
                                    char             ***argv);

/* Whether @n_given positional arguments lie in @min .. @max (-1: no upper
 * bound); reports a usage error when not. */
gboolean steward_cli_expect_arguments (StewardCli *cli,
                                       const char *command,
                                       int         n_given,
                                       int         min,
                                       int         max);

/* Whether the required option @value (spelt @option) was given and is not
 * empty; reports a usage error when not. */
gboolean steward_cli_require_option (StewardCli *cli,
                                     const char *option,
                                     const char *value);

/* Whether @value lies in @min .. @max; reports a usage error when not. */
gboolean steward_cli_check_range (StewardCli *cli,
                                  const char *option,
                                  int         value,
                                  int         min,
                                  int         max);

/* Whether each of @names is a well-formed permission name; reports a usage
 * error for the first that is not. */
gboolean steward_cli_check_permissions (StewardCli        *cli,
                                        const char *const *names);

/* "name", "email", "iamid", "createdAt", "lastLogin", "username". */
gboolean steward_cli_parse_sort_field (const char           *text,
                                       StewardUserSortField *field);

G_END_DECLS
