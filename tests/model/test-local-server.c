/* test-local-server.c
 *
 * StewardLocalServer against the steward-server of this build (named by
 * STEWARD_SERVER): it starts, answers with the administrator's key, keeps its
 * data in the given directory, and reports a missing or silent server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "steward-local-server.h"

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return *slot;
}

static gboolean
start (StewardLocalServer *server,
       char              **out_url,
       char              **out_key,
       GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_local_server_start_async (server, NULL, store_result_cb, &result);
  return steward_local_server_start_finish (server, wait_result (&result), out_url, out_key, error);
}

static void
test_start_and_stop (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("steward-local-XXXXXX", NULL);
  g_autoptr (StewardLocalServer) server = steward_local_server_new (NULL, data_dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_path = g_build_filename (data_dir, "admin-api-key", NULL);
  g_autofree char *key_on_disk = NULL;

  g_assert_true (start (server, &url, &key, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_cmpstr (steward_local_server_get_url (server), ==, url);
  g_assert_true (steward_local_server_get_running (server));

  /* The key is the one the server wrote for its first administrator. */
  g_assert_true (g_file_get_contents (key_path, &key_on_disk, NULL, NULL));
  g_assert_cmpstr (g_strstrip (key_on_disk), ==, key);
  g_assert_cmpuint (strlen (key), >, 0);

  steward_local_server_stop (server);
  g_assert_false (steward_local_server_get_running (server));
  g_assert_null (steward_local_server_get_url (server));

  /* A second start reuses the data directory and its key. */
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&key, g_free);
  g_assert_true (start (server, &url, &key, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, key_on_disk);
  steward_local_server_stop (server);

  g_clear_object (&server);
  /* Leave no data behind: the server may still be closing its database. */
  g_usleep (G_USEC_PER_SEC / 2);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_dir);
    g_assert_cmpint (system (command), ==, 0);
  }
}

static void
test_missing_program (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("steward-local-XXXXXX", NULL);
  g_autoptr (StewardLocalServer) server = NULL;
  g_autoptr (GError) error = NULL;
  const char      *saved = g_getenv ("STEWARD_SERVER");
  g_autofree char *saved_copy = g_strdup (saved);
  g_autofree char *saved_path = g_strdup (g_getenv ("PATH"));

  g_unsetenv ("STEWARD_SERVER");
  g_setenv ("PATH", data_dir, TRUE);
  server = steward_local_server_new (data_dir, data_dir);

  g_assert_false (start (server, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (steward_local_server_get_running (server));

  g_setenv ("PATH", saved_path, TRUE);
  if (saved_copy != NULL)
    g_setenv ("STEWARD_SERVER", saved_copy, TRUE);
  g_rmdir (data_dir);
}

static void
test_silent_program_times_out (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("steward-local-XXXXXX", NULL);
  g_autoptr (StewardLocalServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("STEWARD_SERVER"));
  g_autofree char *sleeper = g_find_program_in_path ("sleep");

  /* "sleep --data-dir …" fails at once; a script that ignores its
   * arguments and says nothing stands for a server that hangs. */
  g_autofree char *script = g_build_filename (data_dir, "silent-server", NULL);
  g_assert_nonnull (sleeper);
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\nexec sleep 30\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv ("STEWARD_SERVER", script, TRUE);

  server = steward_local_server_new (NULL, data_dir);
  steward_local_server_set_timeout (server, 1);
  g_assert_false (start (server, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_false (steward_local_server_get_running (server));

  g_setenv ("STEWARD_SERVER", saved, TRUE);
  g_unlink (script);
  g_rmdir (data_dir);
}

static void
test_exiting_program_fails (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("steward-local-XXXXXX", NULL);
  g_autoptr (StewardLocalServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("STEWARD_SERVER"));
  g_autofree char *script = g_build_filename (data_dir, "failing-server", NULL);

  g_assert_true (g_file_set_contents (script, "#!/bin/sh\nexit 1\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv ("STEWARD_SERVER", script, TRUE);

  server = steward_local_server_new (NULL, data_dir);
  g_assert_false (start (server, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  g_setenv ("STEWARD_SERVER", saved, TRUE);
  g_unlink (script);
  g_rmdir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/local-server/start-and-stop", test_start_and_stop);
  g_test_add_func ("/local-server/missing-program", test_missing_program);
  g_test_add_func ("/local-server/silent-program-times-out", test_silent_program_times_out);
  g_test_add_func ("/local-server/exiting-program-fails", test_exiting_program_fails);

  return g_test_run ();
}
