/* steward-cli-prompt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-prompt.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* The terminal settings to put back. Process-wide like the terminal itself,
 * so the interrupt handler can reach them. */
static struct termios saved_termios;
static gboolean       echo_hidden;

/* stdin is read through one buffered stream for the whole run, so nothing
 * read ahead of one line is lost to the next. */
static GDataInputStream *
get_input (void)
{
  static GDataInputStream *input;

  if (input == NULL)
    {
      g_autoptr (GInputStream) fd_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      input = g_data_input_stream_new (fd_stream);
      g_data_input_stream_set_newline_type (G_DATA_INPUT_STREAM (input), G_DATA_STREAM_NEWLINE_TYPE_LF);
    }

  return input;
}

static void
hide_echo (void)
{
  struct termios quiet;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    return;

  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  if (tcsetattr (STDIN_FILENO, TCSANOW, &quiet) == 0)
    echo_hidden = TRUE;
}

void
steward_cli_restore_terminal (void)
{
  if (!echo_hidden)
    return;

  tcsetattr (STDIN_FILENO, TCSANOW, &saved_termios);
  echo_hidden = FALSE;
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  gsize            length = 0;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, &length, &error);
  steward_cli_restore_terminal ();

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A line typed on Windows or sent by a tool that ends lines in CRLF. */
  if (line != NULL && length > 0 && line[length - 1] == '\r')
    line[length - 1] = '\0';

  g_task_return_pointer (task, g_steal_pointer (&line), g_free);
}

void
steward_cli_read_line_async (StewardCli         *cli,
                             const char         *prompt,
                             gboolean            hide_input,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (cli != NULL);

  task = g_task_new (NULL, cli->cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_cli_read_line_async);

  if (hide_input)
    hide_echo ();

  if (prompt != NULL)
    {
      fputs (prompt, stderr);
      fflush (stderr);
    }

  g_data_input_stream_read_line_async (get_input (), G_PRIORITY_DEFAULT, cli->cancellable,
                                       line_read_cb, g_steal_pointer (&task));
}

char *
steward_cli_read_line_finish (StewardCli   *cli,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_cli_read_line_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
