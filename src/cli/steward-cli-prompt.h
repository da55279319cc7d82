/* steward-cli-prompt.h
 *
 * Reading what a person types: the confirmation word of a permanent delete
 * and, without echo, an API key. Lines are read from stdin through the main
 * loop, so a pipe works as well as a terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"

G_BEGIN_DECLS

/* Writes @prompt (may be NULL) to stderr and reads one line from stdin.
 * With @hide_input and a terminal on stdin the typed characters are not
 * echoed. The finish function returns the line without its line ending, or
 * NULL without an error at the end of the input. */
void  steward_cli_read_line_async (StewardCli         *cli,
                                   const char         *prompt,
                                   gboolean            hide_input,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
char *steward_cli_read_line_finish (StewardCli   *cli,
                                    GAsyncResult *result,
                                    GError      **error);

/* Turns echo back on if a hidden read is under way; for an interrupt that
 * ends the run before the read does. */
void steward_cli_restore_terminal (void);

G_END_DECLS
