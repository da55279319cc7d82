/* steward-local-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-local-server.h"

#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <signal.h>
#include <string.h>

#define DEFAULT_TIMEOUT_SECONDS 60
#define LISTENING_PREFIX "Listening on "
#define ADMIN_KEY_FILE "admin-api-key"
/* Lines the server may print before it listens (warnings) that are skipped. */
#define MAX_LINES_BEFORE_URL 64

struct _StewardLocalServer
{
  GObject parent_instance;

  char         *bindir;
  char         *data_dir;
  char         *url;
  GSubprocess  *process;
  GCancellable *drain_cancellable;
  guint         timeout_seconds;
};

G_DEFINE_FINAL_TYPE (StewardLocalServer, steward_local_server, G_TYPE_OBJECT)

/* Runs in the child before exec: the server belongs to this run of the
 * app, so it is told to stop even when the app dies without cleaning up
 * (killed, crashed). */
static void
stop_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

typedef struct
{
  GDataInputStream *stdout_stream;
  GCancellable     *cancellable; /* cancelled by the caller's or by the timeout */
  GCancellable     *caller_cancellable;
  gulong            caller_handler;
  guint             timeout_id;
  gboolean          timed_out;
  guint             lines_read;
  char             *url;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->caller_handler != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->stdout_stream);
  g_clear_object (&data->cancellable);
  g_free (data->url);
  g_free (data);
}

static char *
find_program (const char *bindir)
{
  const char      *from_env = g_getenv ("STEWARD_SERVER");
  g_autofree char *installed = NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  if (bindir != NULL)
    {
      installed = g_build_filename (bindir, "steward-server", NULL);
      if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&installed);
    }

  return g_find_program_in_path ("steward-server");
}

static void
terminate_process (StewardLocalServer *self)
{
  g_cancellable_cancel (self->drain_cancellable);
  g_clear_object (&self->drain_cancellable);

  if (self->process != NULL)
    {
      /* The GLib child watch reaps it; SIGTERM lets it close the database
       * cleanly instead of being killed mid-write. */
      g_subprocess_send_signal (self->process, SIGTERM);
      g_clear_object (&self->process);
    }

  g_clear_pointer (&self->url, g_free);
}

/* The server prints its administrator's key once on stdout; it is read from
 * the 0600 file instead and everything else it says is discarded, without
 * ever holding it, so the pipe never fills and blocks the server. */
static void
drain_stdout_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GInputStream *stream = G_INPUT_STREAM (source);
  g_autoptr (GCancellable) cancellable = user_data;
  gssize skipped;

  skipped = g_input_stream_skip_finish (stream, result, NULL);
  if (skipped <= 0)
    return;

  g_input_stream_skip_async (stream, 4096, G_PRIORITY_LOW, cancellable,
                             drain_stdout_cb, g_object_ref (cancellable));
}

static void
fail_start (GTask  *task,
            GError *error)
{
  StewardLocalServer *self = g_task_get_source_object (task);
  StartData          *data = g_task_get_task_data (task);

  terminate_process (self);

  if (data->timed_out)
    {
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               "The local steward-server did not start within %u seconds",
                               self->timeout_seconds);
      return;
    }

  g_task_return_error (task, error);
}

static void
admin_key_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StewardLocalServer *self = g_task_get_source_object (task);
  StartData          *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, NULL, NULL, &error))
    {
      fail_start (task, g_steal_pointer (&error));
      return;
    }

  g_strstrip (contents);
  if (*contents == '\0')
    {
      fail_start (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                     "The local server's administrator key file is empty"));
      return;
    }

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  self->url = g_strdup (data->url);

  self->drain_cancellable = g_cancellable_new ();
  g_input_stream_skip_async (G_INPUT_STREAM (data->stdout_stream), 4096, G_PRIORITY_LOW,
                             self->drain_cancellable, drain_stdout_cb,
                             g_object_ref (self->drain_cancellable));

  g_task_return_pointer (task, g_steal_pointer (&contents), g_free);
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StewardLocalServer *self = g_task_get_source_object (task);
  StartData          *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr (GFile) key_file = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (data->stdout_stream, result, NULL, &error);
  if (error != NULL)
    {
      fail_start (task, g_steal_pointer (&error));
      return;
    }
  if (line == NULL)
    {
      fail_start (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                     "The local steward-server exited before it was ready"));
      return;
    }

  if (!g_str_has_prefix (line, LISTENING_PREFIX))
    {
      if (++data->lines_read > MAX_LINES_BEFORE_URL)
        {
          fail_start (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                         "The local steward-server never said where it listens"));
          return;
        }
      g_data_input_stream_read_line_async (data->stdout_stream, G_PRIORITY_DEFAULT, data->cancellable,
                                           line_read_cb, g_steal_pointer (&task));
      return;
    }

  data->url = g_strdup (g_strstrip (line + strlen (LISTENING_PREFIX)));

  key_path = g_build_filename (self->data_dir, ADMIN_KEY_FILE, NULL);
  key_file = g_file_new_for_path (key_path);
  g_file_load_contents_async (key_file, data->cancellable, admin_key_loaded_cb, g_steal_pointer (&task));
}

static gboolean
start_timed_out_cb (gpointer user_data)
{
  StartData *data = user_data;

  data->timeout_id = 0;
  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
steward_local_server_dispose (GObject *object)
{
  StewardLocalServer *self = STEWARD_LOCAL_SERVER (object);

  terminate_process (self);

  G_OBJECT_CLASS (steward_local_server_parent_class)->dispose (object);
}

static void
steward_local_server_finalize (GObject *object)
{
  StewardLocalServer *self = STEWARD_LOCAL_SERVER (object);

  g_free (self->bindir);
  g_free (self->data_dir);

  G_OBJECT_CLASS (steward_local_server_parent_class)->finalize (object);
}

static void
steward_local_server_class_init (StewardLocalServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_local_server_dispose;
  object_class->finalize = steward_local_server_finalize;
}

static void
steward_local_server_init (StewardLocalServer *self)
{
  self->timeout_seconds = DEFAULT_TIMEOUT_SECONDS;
}

StewardLocalServer *
steward_local_server_new (const char *bindir,
                          const char *data_dir)
{
  StewardLocalServer *self = g_object_new (STEWARD_TYPE_LOCAL_SERVER, NULL);

  self->bindir = g_strdup (bindir);
  if (data_dir != NULL)
    self->data_dir = g_strdup (data_dir);
  else
    self->data_dir = g_build_filename (g_get_user_data_dir (), "steward", "local", NULL);

  return self;
}

const char *
steward_local_server_get_data_dir (StewardLocalServer *self)
{
  g_return_val_if_fail (STEWARD_IS_LOCAL_SERVER (self), NULL);

  return self->data_dir;
}

const char *
steward_local_server_get_url (StewardLocalServer *self)
{
  g_return_val_if_fail (STEWARD_IS_LOCAL_SERVER (self), NULL);

  return self->url;
}

gboolean
steward_local_server_get_running (StewardLocalServer *self)
{
  g_return_val_if_fail (STEWARD_IS_LOCAL_SERVER (self), FALSE);

  return self->process != NULL;
}

void
steward_local_server_set_timeout (StewardLocalServer *self,
                                  guint               seconds)
{
  g_return_if_fail (STEWARD_IS_LOCAL_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->timeout_seconds = seconds;
}

void
steward_local_server_start_async (StewardLocalServer *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autofree char *program = NULL;
  StartData       *data;
  GInputStream    *pipe;
  const char      *argv[] = { NULL, "--data-dir", NULL, "--listen", "127.0.0.1:0", "--demo", G_STRINGIFY (STEWARD_LOCAL_SERVER_DEMO_USERS), NULL };

  g_return_if_fail (STEWARD_IS_LOCAL_SERVER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_local_server_start_async);

  if (self->process != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               "The local steward-server is already running");
      return;
    }

  program = find_program (self->bindir);
  if (program == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "steward-server is not installed");
      return;
    }

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "Cannot create %s: %s", self->data_dir, g_strerror (saved_errno));
      return;
    }

  argv[0] = program;
  argv[2] = self->data_dir;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, stop_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (self->process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (StartData, 1);
  pipe = g_subprocess_get_stdout_pipe (self->process);
  data->stdout_stream = g_data_input_stream_new (pipe);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data->stdout_stream), FALSE);
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    data->cancellable, NULL);
    }
  data->timeout_id = g_timeout_add_seconds (self->timeout_seconds, start_timed_out_cb, data);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);

  g_data_input_stream_read_line_async (data->stdout_stream, G_PRIORITY_DEFAULT, data->cancellable,
                                       line_read_cb, g_steal_pointer (&task));
}

gboolean
steward_local_server_start_finish (StewardLocalServer *self,
                                   GAsyncResult       *result,
                                   char              **out_url,
                                   char              **out_api_key,
                                   GError            **error)
{
  g_autofree char *api_key = NULL;

  g_return_val_if_fail (STEWARD_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  api_key = g_task_propagate_pointer (G_TASK (result), error);
  if (api_key == NULL)
    return FALSE;

  if (out_url != NULL)
    *out_url = g_strdup (self->url);
  if (out_api_key != NULL)
    *out_api_key = g_steal_pointer (&api_key);

  return TRUE;
}

void
steward_local_server_stop (StewardLocalServer *self)
{
  g_return_if_fail (STEWARD_IS_LOCAL_SERVER (self));

  terminate_process (self);
}
