/* steward-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-server.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#define LISTENING_PREFIX "Listening on http://127.0.0.1:"
/* With --tls-certificate the server listens on HTTPS. */
#define LISTENING_PREFIX_TLS "Listening on https://127.0.0.1:"
/* A first start with --demo builds the whole directory before it listens:
 * a million users take about a minute (the app benchmark seeds one). */
#define START_TIMEOUT_SEC 180
#define STOP_TIMEOUT_SEC 10
#define TOOL_TIMEOUT_SEC 30
#define DATA_DIR_TEMPLATE "steward-test-XXXXXX"
#define ADMIN_KEY_FILE_NAME "admin-api-key"

/* The public struct comes first so a StewardTestServer pointer and a
 * ServerPrivate pointer are the same address. */
typedef struct
{
  StewardTestServer public;

  /* Everything the server prints after its "Listening on" line is read by
   * this thread, so the server never blocks on a full pipe and tests can
   * look at what it printed. */
  GThread      *drain_thread;
  GInputStream *stdout_stream;
  GMutex        output_lock;
  GString      *output;
} ServerPrivate;

/* Waiting for a subprocess or a line with a deadline, without a main loop of
 * the test's own: a private context is iterated until the result arrives. */
typedef struct
{
  GAsyncResult *result;
  gboolean      timed_out;
} AsyncWait;

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncWait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
async_timeout_cb (gpointer user_data)
{
  AsyncWait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates @context until @wait has a result or @seconds pass; returns
 * FALSE on timeout. */
static gboolean
async_wait_run (AsyncWait    *wait,
                GMainContext *context,
                guint         seconds)
{
  g_autoptr (GSource) timeout = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (timeout, async_timeout_cb, wait, NULL);
  g_source_attach (timeout, context);

  while (wait->result == NULL && !wait->timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  return wait->result != NULL;
}

static void
abort_test (const char *message)
{
  g_test_message ("%s", message);
  g_test_fail ();
  abort ();
}

const char *
steward_test_server_binary (void)
{
  const char *path = g_getenv ("STEWARD_SERVER");

  if (path == NULL || *path == '\0')
    abort_test ("STEWARD_SERVER is not set; run the tests through meson test");

  return path;
}

static gpointer
drain_stdout_thread (gpointer user_data)
{
  ServerPrivate *priv = user_data;
  char           buffer[4096];
  gssize         n_read;

  while ((n_read = g_input_stream_read (priv->stdout_stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      g_mutex_lock (&priv->output_lock);
      g_string_append_len (priv->output, buffer, n_read);
      g_mutex_unlock (&priv->output_lock);
    }

  return NULL;
}

/* Reads the first stdout line of the server, or aborts after the start
 * timeout. */
static char *
read_first_line (GDataInputStream *stream,
                 GSubprocess      *process)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  AsyncWait wait = { NULL, FALSE };
  char     *line;

  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, async_done_cb, &wait);
  if (!async_wait_run (&wait, context, START_TIMEOUT_SEC))
    {
      g_subprocess_force_exit (process);
      abort_test ("steward-server printed no line within " G_STRINGIFY (START_TIMEOUT_SEC) " seconds");
    }
  g_main_context_pop_thread_default (context);

  line = g_data_input_stream_read_line_finish (stream, wait.result, NULL, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);

  return line;
}

static guint16
parse_listening_line (const char *line,
                      gboolean   *out_tls)
{
  g_autofree char *message = NULL;
  const char      *port_text;
  char            *end = NULL;
  guint64          port;

  if (line == NULL)
    abort_test ("steward-server exited before printing its \"Listening on\" line");

  *out_tls = g_str_has_prefix (line, LISTENING_PREFIX_TLS);
  if (!*out_tls && !g_str_has_prefix (line, LISTENING_PREFIX))
    {
      message = g_strdup_printf ("unexpected first line from steward-server: \"%s\"", line);
      abort_test (message);
    }

  port_text = line + strlen (*out_tls ? LISTENING_PREFIX_TLS : LISTENING_PREFIX);
  port = g_ascii_strtoull (port_text, &end, 10);
  if (end == port_text || g_strcmp0 (end, "/") != 0 || port == 0 || port > G_MAXUINT16)
    {
      message = g_strdup_printf ("cannot parse the port in \"%s\"", line);
      abort_test (message);
    }

  return (guint16) port;
}

static char *
read_admin_key (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, ADMIN_KEY_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    abort_test (error->message);

  return g_strdup (g_strchomp (contents));
}

/* Runs in the child before exec: if the test dies (a failed assertion
 * aborts it), its server must not outlive it, or it would keep the test's
 * stderr open and the test harness would wait for it until its timeout. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static StewardTestServer *
start_server (const char *data_dir,
              const char *first_extra_arg,
              va_list     extra_args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GDataInputStream) stdout_lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *first_line = NULL;
  g_autofree char   *fatal_debug = NULL;
  const char        *debug;
  ServerPrivate     *priv;
  StewardTestServer *server;
  gboolean           tls = FALSE;

  g_ptr_array_add (argv, (gpointer) steward_test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) data_dir);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  for (const char *arg = first_extra_arg; arg != NULL; arg = va_arg (extra_args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  priv = g_new0 (ServerPrivate, 1);
  server = &priv->public;
  g_mutex_init (&priv->output_lock);
  priv->output = g_string_new (NULL);
  server->data_dir = g_strdup (data_dir);

  /* stderr stays inherited: the server's log then lands in the test log. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* A critical warning in the server is a bug: it aborts the server, and
   * the test sees its requests fail. */
  debug = g_getenv ("G_DEBUG");
  fatal_debug = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",fatal-criticals", NULL) : g_strdup ("fatal-criticals");
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", fatal_debug, TRUE);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  if (server->process == NULL)
    abort_test (error->message);

  stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  first_line = read_first_line (stdout_lines, server->process);
  server->port = parse_listening_line (first_line, &tls);
  server->base_url = g_strdup_printf ("%s://127.0.0.1:%u", tls ? "https" : "http", server->port);
  server->admin_api_key = read_admin_key (data_dir);

  /* The data stream may hold bytes it read ahead; drain through it. */
  g_string_append_printf (priv->output, "%s\n", first_line);
  priv->stdout_stream = G_INPUT_STREAM (g_steal_pointer (&stdout_lines));
  priv->drain_thread = g_thread_new ("steward-server-stdout", drain_stdout_thread, priv);

  return server;
}

StewardTestServer *
steward_test_server_start (const char *first_extra_arg,
                           ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char   *data_dir = g_dir_make_tmp (DATA_DIR_TEMPLATE, &error);
  StewardTestServer *server;
  va_list            args;

  if (data_dir == NULL)
    abort_test (error->message);

  va_start (args, first_extra_arg);
  server = start_server (data_dir, first_extra_arg, args);
  va_end (args);

  return server;
}

StewardTestServer *
steward_test_server_start_in (const char *data_dir,
                              const char *first_extra_arg,
                              ...)
{
  StewardTestServer *server;
  va_list            args;

  g_return_val_if_fail (data_dir != NULL, NULL);

  va_start (args, first_extra_arg);
  server = start_server (data_dir, first_extra_arg, args);
  va_end (args);

  return server;
}

/* Reaps the process (already signalled) and the stdout thread; returns
 * FALSE if it did not exit within @seconds. */
static gboolean
reap (StewardTestServer *server,
      guint              seconds)
{
  ServerPrivate *priv = (ServerPrivate *) server;
  g_autoptr (GMainContext) context = g_main_context_new ();
  AsyncWait wait = { NULL, FALSE };
  gboolean  exited;

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (server->process, NULL, async_done_cb, &wait);
  exited = async_wait_run (&wait, context, seconds);
  if (!exited)
    {
      g_subprocess_force_exit (server->process);
      while (wait.result == NULL)
        g_main_context_iteration (context, TRUE);
    }
  g_main_context_pop_thread_default (context);
  g_subprocess_wait_finish (server->process, wait.result, NULL);
  g_object_unref (wait.result);

  /* The pipe reaches end-of-file once the process is gone. */
  g_clear_pointer (&priv->drain_thread, g_thread_join);
  g_clear_object (&priv->stdout_stream);

  return exited;
}

void
steward_test_server_stop (StewardTestServer *server)
{
  steward_test_server_stop_with_signal (server, SIGTERM);
}

void
steward_test_server_stop_with_signal (StewardTestServer *server,
                                      int                signal_number)
{
  g_autoptr (GSubprocess) process = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (server->process != NULL);

  g_subprocess_send_signal (server->process, signal_number);
  if (!reap (server, STOP_TIMEOUT_SEC))
    {
      g_test_message ("steward-server did not exit within %d s of signal %d",
                      STOP_TIMEOUT_SEC, signal_number);
      g_test_fail ();
    }

  process = g_steal_pointer (&server->process);
  if (g_subprocess_get_if_signaled (process))
    {
      g_test_message ("steward-server died of signal %d instead of exiting",
                      g_subprocess_get_term_sig (process));
      g_test_fail ();
    }
  else
    {
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    }
}

void
steward_test_server_kill (StewardTestServer *server)
{
  g_return_if_fail (server != NULL);
  g_return_if_fail (server->process != NULL);

  g_subprocess_force_exit (server->process);
  reap (server, STOP_TIMEOUT_SEC);
  g_clear_object (&server->process);
}

char *
steward_test_server_dup_output (StewardTestServer *server)
{
  ServerPrivate *priv = (ServerPrivate *) server;
  char          *copy;

  g_return_val_if_fail (server != NULL, NULL);

  g_mutex_lock (&priv->output_lock);
  copy = g_strndup (priv->output->str, priv->output->len);
  g_mutex_unlock (&priv->output_lock);

  return copy;
}

static void
remove_recursively (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
    }

  if (g_remove (path) != 0 && errno != ENOENT)
    g_test_message ("cannot remove %s: %s", path, g_strerror (errno));
}

void
steward_test_server_free (StewardTestServer *server)
{
  ServerPrivate *priv = (ServerPrivate *) server;

  if (server == NULL)
    return;

  if (server->process != NULL)
    steward_test_server_stop (server);

  if (!server->keep_data_dir)
    remove_recursively (server->data_dir);

  g_free (server->data_dir);
  g_free (server->base_url);
  g_free (server->admin_api_key);
  g_string_free (priv->output, TRUE);
  g_mutex_clear (&priv->output_lock);
  g_free (priv);
}

int
steward_test_server_run_tool (StewardTestServer *server,
                              char             **out_stdout,
                              char             **out_stderr,
                              const char        *first_arg,
                              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  AsyncWait        wait = { NULL, FALSE };
  va_list          args;

  g_return_val_if_fail (server != NULL, -1);

  g_ptr_array_add (argv, (gpointer) steward_test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, server->data_dir);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  g_main_context_push_thread_default (context);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, async_done_cb, &wait);
  if (!async_wait_run (&wait, context, TOOL_TIMEOUT_SEC))
    {
      g_subprocess_force_exit (process);
      abort_test ("steward-server did not finish a tool command within 30 seconds");
    }
  g_main_context_pop_thread_default (context);

  g_subprocess_communicate_utf8_finish (process, wait.result, &stdout_text, &stderr_text, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&stdout_text);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&stderr_text);

  if (g_subprocess_get_if_signaled (process))
    return 128 + g_subprocess_get_term_sig (process);

  return g_subprocess_get_exit_status (process);
}

char *
steward_test_server_issue_api_key (StewardTestServer *server,
                                   const char        *userid)
{
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int              status;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (userid != NULL, NULL);

  status = steward_test_server_run_tool (server, &stdout_text, &stderr_text,
                                         "--issue-api-key", userid, NULL);
  if (status != 0)
    g_test_message ("--issue-api-key %s failed with %d: %s", userid, status, stderr_text);
  g_assert_cmpint (status, ==, 0);

  /* Exactly the key and one newline, so scripts can use it unchanged. */
  g_assert_true (g_str_has_suffix (stdout_text, "\n"));
  stdout_text[strlen (stdout_text) - 1] = '\0';
  g_assert_cmpuint (strlen (stdout_text), >, 0);
  g_assert_null (strchr (stdout_text, '\n'));

  return g_steal_pointer (&stdout_text);
}
