/* steward-client-journal.c
 *
 * Every write of the client, journaled when it has a recorder:
 *
 *   1. who is signed in (route 2, once per key),
 *   2. the user before (route 6; not for a create),
 *   3. record the change and wait until the recorder has kept it,
 *   4. send the write,
 *   5. complete the change with the answer, then tell the caller.
 *
 * A change the recorder cannot keep is not sent. Without a recorder the
 * write is sent at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  StewardChange         *change;
  StewardChangeRecorder *recorder;
  StewardWriteSendFunc   send;
  gpointer               data;
  GDestroyNotify         data_free;
  /* What the write returned, kept while the change is completed. */
  StewardUser *after;
  GError      *error;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->change);
  g_clear_object (&write->recorder);
  if (write->data_free != NULL)
    write->data_free (write->data);
  g_clear_object (&write->after);
  g_clear_error (&write->error);
  g_free (write);
}

static void
return_write (GTask *task)
{
  g_autoptr (GTask) owned = task;
  Write *write = g_task_get_task_data (owned);

  if (write->error != NULL)
    g_task_return_error (owned, g_steal_pointer (&write->error));
  else if (steward_change_get_kind (write->change) == STEWARD_CHANGE_DELETE)
    g_task_return_boolean (owned, TRUE);
  else
    g_task_return_pointer (owned, g_steal_pointer (&write->after), g_object_unref);
}

static void
completed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  /* The write happened either way; the caller hears how it went. The
   * recorder's tasks need not have it as their source. */
  if (!steward_change_recorder_complete_finish (write->recorder, result, &error))
    g_warning ("The answer to change %" G_GINT64_FORMAT " could not be journaled: %s",
               steward_change_get_id (write->change), error->message);

  return_write (task);
}

static void
complete (GTask *task)
{
  Write *write = g_task_get_task_data (task);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  if (write->recorder == NULL)
    {
      return_write (task);
      return;
    }

  steward_change_finish (write->change, write->after, write->error, now);
  steward_change_recorder_complete_async (write->recorder, write->change, completed_cb, task);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask   *task = user_data;
  Write   *write = g_task_get_task_data (task);
  gpointer answer;

  answer = g_task_propagate_pointer (G_TASK (result), &write->error);
  if (answer != NULL && steward_change_get_kind (write->change) != STEWARD_CHANGE_DELETE)
    write->after = answer;

  complete (task);
}

static void
send (GTask *task)
{
  StewardClient *self = g_task_get_source_object (task);
  Write         *write = g_task_get_task_data (task);

  write->send (self, write->data, g_task_get_cancellable (task), sent_cb, task);
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask        *task = user_data;
  Write        *write = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (GError) error = NULL;

  if (!steward_change_recorder_record_finish (write->recorder, result, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _ ("The change was not sent, because the change journal could not record it: %s"),
                               error->message);
      g_object_unref (task);
      return;
    }

  /* Recorded but never sent: the journal says so. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &write->error))
    {
      complete (task);
      return;
    }

  send (task);
}

static void
record (GTask *task)
{
  StewardClient *self = g_task_get_source_object (task);
  Write         *write = g_task_get_task_data (task);

  steward_change_set_actor (write->change, self->actor);
  steward_change_recorder_record_async (write->recorder, write->change, recorded_cb, task);
}

static gboolean
stop_if_cancelled (GTask        *task,
                   const GError *error)
{
  /* Nothing was recorded or sent yet. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  g_task_return_error (task, g_error_copy (error));
  g_object_unref (task);
  return TRUE;
}

static void
before_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr (StewardUser) before = NULL;
  g_autoptr (GError) error = NULL;

  /* A user that cannot be read is journaled without a before; the write
   * itself then says what is wrong. */
  before = steward_client_get_user_finish (STEWARD_CLIENT (source), result, &error);
  if (before == NULL && stop_if_cancelled (task, error))
    return;

  steward_change_set_before (write->change, before);
  record (task);
}

static void
read_before (GTask *task)
{
  StewardClient *self = g_task_get_source_object (task);
  Write         *write = g_task_get_task_data (task);

  if (steward_change_get_kind (write->change) == STEWARD_CHANGE_CREATE)
    {
      record (task);
      return;
    }

  steward_client_get_user_async (self, steward_change_get_iamid (write->change), steward_change_get_userid (write->change),
                                 g_task_get_cancellable (task), before_read_cb, task);
}

static void
actor_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  GTask         *task = user_data;
  g_autoptr (StewardUser) actor = NULL;
  g_autoptr (GError) error = NULL;

  actor = steward_client_get_current_user_finish (self, result, &error);
  if (actor == NULL && stop_if_cancelled (task, error))
    return;

  if (actor != NULL)
    {
      g_free (self->actor);
      self->actor = g_strdup_printf ("%s:%s", steward_user_get_iamid (actor), steward_user_get_userid (actor));
    }

  read_before (task);
}

void
steward_client_write (StewardClient       *self,
                      StewardChange       *change,
                      StewardWriteSendFunc send_func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      gpointer             source_tag,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Write *write = g_new0 (Write, 1);

  write->change = change;
  write->send = send_func;
  write->data = data;
  write->data_free = data_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);

  if (self->recorder == NULL)
    {
      send (task);
      return;
    }

  write->recorder = g_object_ref (self->recorder);
  steward_change_set_server (change, self->server_name != NULL ? self->server_name : self->host, self->base_url);
  steward_change_set_run_id (change, steward_change_get_run_for_cancellable (cancellable));

  if (self->actor != NULL)
    read_before (task);
  else
    steward_client_get_current_user_async (self, cancellable, actor_read_cb, task);
}

/* Writes of one request */

typedef struct
{
  char             *method;
  char             *path;
  JsonNode         *body;
  StewardDecodeFunc decode;
  GDestroyNotify    free_result;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request);
}

static void
send_request (StewardClient      *self,
              gpointer            data,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  Request *request = data;

  steward_client_call_for_result (self, request->method, request->path, request->body, request->decode,
                                  request->free_result, send_request, cancellable, callback, user_data);
}

void
steward_client_write_request (StewardClient      *self,
                              StewardChange      *change,
                              const char         *method,
                              const char         *path,
                              JsonNode           *body,
                              StewardDecodeFunc   decode,
                              gpointer            source_tag,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->body = body != NULL ? json_node_ref (body) : NULL;
  request->decode = decode;
  /* A delete answers a flag, every other write the user. */
  request->free_result = steward_change_get_kind (change) == STEWARD_CHANGE_DELETE ? NULL : g_object_unref;

  steward_client_write (self, change, send_request, request, (GDestroyNotify) request_free, source_tag,
                        cancellable, callback, user_data);
}

/* Public API */

void
steward_client_set_recorder (StewardClient         *self,
                             StewardChangeRecorder *recorder,
                             const char            *server_name)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (recorder == NULL || STEWARD_IS_CHANGE_RECORDER (recorder));

  g_set_object (&self->recorder, recorder);
  g_free (self->server_name);
  self->server_name = g_strdup (server_name);
}

StewardChangeRecorder *
steward_client_get_recorder (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), NULL);

  return self->recorder;
}
