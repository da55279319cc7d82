/* cli-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-json.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

void
cli_result_free (CliResult *result)
{
  if (result == NULL)
    return;

  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

static const char *
stewardctl_path (void)
{
  const char *path = g_getenv ("STEWARDCTL");

  if (path == NULL)
    g_error ("STEWARDCTL is not set; run the tests through meson test");

  return path;
}

static GStrv
child_environment (const CliRun *run)
{
  GStrv env = g_get_environ ();

  /* A key in the developer's own environment must not leak into a test
   * that expects none. */
  env = g_environ_unsetenv (env, "STEWARD_API_KEY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  /* Under the sanitizers LeakSanitizer still checks stewardctl (a leak
   * changes its exit status), but must not add its list of suppressions
   * to the one line of stderr the tests compare. */
  if (g_environ_getenv (env, "LSAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_environ_getenv (env, "LSAN_OPTIONS"), ":print_suppressions=0", NULL);

      env = g_environ_setenv (env, "LSAN_OPTIONS", options, TRUE);
    }

  for (guint i = 0; run != NULL && run->env != NULL && run->env[i] != NULL; i++)
    {
      const char *equals = strchr (run->env[i], '=');

      if (equals == NULL)
        env = g_environ_unsetenv (env, run->env[i]);
      else
        {
          g_autofree char *name = g_strndup (run->env[i], equals - run->env[i]);

          env = g_environ_setenv (env, name, equals + 1, TRUE);
        }
    }

  return env;
}

/* What stewardctl reads on stdin comes from a file, not a pipe: a command
 * that exits without reading (a usage error) must not make the test's
 * write fail with SIGPIPE. Returns the file's path, or "/dev/null". */
static char *
write_input (const char *input)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int              fd;

  if (input == NULL)
    return g_strdup ("/dev/null");

  fd = g_file_open_tmp ("stewardctl-input-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, input, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

CliResult *
cli_runv (const CliRun      *run,
          const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = child_environment (run);
  g_autofree char *input_path = write_input (run != NULL ? run->input : NULL);
  CliResult       *result = g_new0 (CliResult, 1);

  g_ptr_array_add (argv, (gpointer) stewardctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_exited (process))
    result->status = g_subprocess_get_exit_status (process);
  else
    result->status = 128 + g_subprocess_get_term_sig (process);

  if (run != NULL && run->input != NULL)
    g_unlink (input_path);

  return result;
}

GSubprocess *
cli_spawnv (const CliRun      *run,
            const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = child_environment (run);
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) stewardctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

static CliResult *
run_valist (const CliRun *run,
            const char   *first_arg,
            va_list       args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return cli_runv (run, (const char *const *) argv->pdata);
}

CliResult *
cli_run (const CliRun *run,
         const char   *first_arg,
         ...)
{
  CliResult *result;
  va_list    args;

  va_start (args, first_arg);
  result = run_valist (run, first_arg, args);
  va_end (args);

  return result;
}

CliResult *
cli_run_server (StewardTestServer *server,
                const char        *api_key,
                const char        *input,
                const char        *first_arg,
                ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) env = g_strv_builder_new ();
  g_auto (GStrv) env_strv = NULL;
  g_autofree char *key_entry = NULL;
  CliRun           run = { 0 };
  va_list          args;

  if (api_key != NULL)
    {
      key_entry = g_strconcat ("STEWARD_API_KEY=", api_key, NULL);
      g_strv_builder_add (env, key_entry);
    }
  env_strv = g_strv_builder_end (env);
  run.env = env_strv;
  run.input = (char *) input;

  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, server->base_url);

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_runv (&run, (const char *const *) argv->pdata);
}

static void
print_result (CliResult *result)
{
  g_autofree char *out = steward_test_printable (result->out, 4000);
  g_autofree char *err = steward_test_printable (result->err, 4000);

  g_test_message ("exit status %d\nstdout: %s\nstderr: %s", result->status, out, err);
}

void
cli_assert_status (CliResult *result,
                   int        expected)
{
  if (result->status != expected)
    print_result (result);

  g_assert_cmpint (result->status, ==, expected);
}

void
cli_assert_failure (CliResult *result,
                    int        expected_status)
{
  const char *newline;

  cli_assert_status (result, expected_status);

  if (!g_str_has_prefix (result->err, "stewardctl: "))
    print_result (result);
  g_assert_true (g_str_has_prefix (result->err, "stewardctl: "));

  /* One line: the message and its newline, nothing after. */
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_cmpuint (strlen (result->err), >, strlen ("stewardctl: ") + 1);
}

JsonNode *
cli_result_json (CliResult *result)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (!json_parser_load_from_data (parser, result->out, -1, &error))
    print_result (result);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

char *
cli_closed_port_url (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port;

  /* Bind, read the port the kernel chose, and close without listening:
   * connections to it are refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, &error);
  g_assert_no_error (error);

  return g_strdup_printf ("http://127.0.0.1:%u", port);
}
