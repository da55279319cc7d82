/* steward-client-call.c
 *
 * The request machinery of StewardClient: building messages, the token
 * exchange shared by concurrent calls, the one retry after a 401, connect
 * and request timeouts, pinned certificates, cancellation, turning
 * whatever happened into a StewardApiError, and the replies decoded for the
 * route files, with the fallback of an extension route the server lacks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-api-error-private.h"
#include "steward-json-codec.h"
#include "steward-json-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#define AUTHENTICATE_PATH "/bim/apikey/authenticate"

typedef enum
{
  TIMED_OUT_NO,
  TIMED_OUT_CONNECTING,
  TIMED_OUT_WAITING,
} TimedOut;

/* One request, kept across its retry. */
typedef struct
{
  char            *method; /* NULL: only wants a token (route 1 on demand) */
  char            *path;
  GBytes          *body;
  StewardCallFlags flags;
  gboolean         retried;
  char            *token_used;

  SoupSession  *session;
  SoupMessage  *message;
  GCancellable *cancellable; /* ours: cancelled by the caller's and by the timers */
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  GSource      *connect_timer;
  GSource      *request_timer;
  GSource      *wait_source;
  TimedOut      timed_out;

  GTlsCertificate     *rejected_certificate;
  GTlsCertificateFlags rejected_errors;
} Call;

static void send_call (GTask *task);
static void wait_for_token (GTask *task);

static void
destroy_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
call_free (gpointer data)
{
  Call *call = data;

  destroy_source (&call->connect_timer);
  destroy_source (&call->request_timer);
  destroy_source (&call->wait_source);
  if (call->caller_cancellable != NULL)
    g_cancellable_disconnect (call->caller_cancellable, call->caller_cancelled_id);
  g_clear_object (&call->caller_cancellable);
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->token_used);
  g_clear_object (&call->message);
  g_clear_object (&call->session);
  g_clear_object (&call->cancellable);
  g_clear_object (&call->rejected_certificate);
  g_free (call);
}

/* Cancels the attempt, remembering why so the reply is a TIMEOUT, not a
 * cancellation. */
static gboolean
connect_timer_cb (gpointer user_data)
{
  Call *call = user_data;

  call->timed_out = TIMED_OUT_CONNECTING;
  g_cancellable_cancel (call->cancellable);
  g_clear_pointer (&call->connect_timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

static gboolean
request_timer_cb (gpointer user_data)
{
  Call *call = user_data;

  if (call->timed_out == TIMED_OUT_NO)
    call->timed_out = TIMED_OUT_WAITING;
  g_cancellable_cancel (call->cancellable);
  g_clear_pointer (&call->request_timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

static GSource *
start_timer (GTask      *task,
             guint       seconds,
             GSourceFunc func)
{
  GSource *source;

  if (seconds == 0)
    return NULL;

  source = g_timeout_source_new ((guint) MIN ((guint64) seconds * 1000, G_MAXUINT));
  g_source_set_callback (source, func, g_task_get_task_data (task), NULL);
  g_source_set_name (source, "[steward] request timeout");
  g_source_attach (source, g_task_get_context (task));
  return source;
}

/* The connect timer runs only while a new connection is being made: from
 * name resolution until libsoup reports the connection ready (after TLS).
 * A reused connection makes no such events and never starts it. */
static void
network_event_cb (SoupMessage       *message,
                  GSocketClientEvent event,
                  GIOStream         *connection,
                  gpointer           user_data)
{
  GTask         *task = user_data;
  Call          *call = g_task_get_task_data (task);
  StewardClient *self = g_task_get_source_object (task);

  if (event == G_SOCKET_CLIENT_RESOLVING && call->connect_timer == NULL)
    call->connect_timer = start_timer (task, self->connect_timeout, connect_timer_cb);
  else if (event == G_SOCKET_CLIENT_COMPLETE)
    destroy_source (&call->connect_timer);
}

/* Called only for a certificate the system does not trust. The person may
 * have accepted exactly this one after comparing its fingerprint. */
static gboolean
accept_certificate_cb (SoupMessage         *message,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       gpointer             user_data)
{
  GTask         *task = user_data;
  Call          *call = g_task_get_task_data (task);
  StewardClient *self = g_task_get_source_object (task);

  if (self->pinned_certificate != NULL && g_tls_certificate_is_same (self->pinned_certificate, certificate))
    return TRUE;

  g_set_object (&call->rejected_certificate, certificate);
  call->rejected_errors = errors;
  return FALSE;
}

static void
finish_attempt (Call *call)
{
  destroy_source (&call->connect_timer);
  destroy_source (&call->request_timer);
  if (call->message != NULL)
    g_signal_handlers_disconnect_matched (call->message, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, network_event_cb, NULL);
  if (call->message != NULL)
    g_signal_handlers_disconnect_matched (call->message, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, accept_certificate_cb, NULL);
}

static gboolean
caller_cancelled (GTask *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  return cancellable != NULL && g_cancellable_is_cancelled (cancellable);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _ ("The operation was cancelled."));
}

static void
return_transport_error (GTask        *task,
                        const GError *transport_error)
{
  StewardClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);

  if (caller_cancelled (task) || g_cancellable_is_cancelled (self->cancellable))
    {
      return_cancelled (task);
      return;
    }

  if (call->timed_out != TIMED_OUT_NO)
    {
      gboolean connecting = call->timed_out == TIMED_OUT_CONNECTING;

      g_task_return_error (task, steward_api_error_new_timeout (self->host,
                                                                connecting ? self->connect_timeout : self->request_timeout,
                                                                connecting));
      return;
    }

  g_task_return_error (task, steward_api_error_new_for_transport (transport_error, self->host,
                                                                  call->rejected_certificate,
                                                                  call->rejected_errors));
}

static void
message_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) reply = NULL;
  StewardClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);
  guint          status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  finish_attempt (call);

  if (bytes == NULL)
    {
      return_transport_error (task, error);
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s → %u", call->method, call->path, status);

  /* The token expired or was revoked: one more exchange, one more try. */
  if (status == SOUP_STATUS_UNAUTHORIZED && !(call->flags & STEWARD_CALL_NO_AUTH) && !call->retried)
    {
      call->retried = TRUE;
      if (g_strcmp0 (self->token, call->token_used) == 0)
        g_clear_pointer (&self->token, g_free);

      if (self->token != NULL)
        send_call (g_steal_pointer (&task));
      else
        wait_for_token (g_steal_pointer (&task));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* An error reply that is not JSON is still an error of its status. */
      reply = steward_json_parse_bytes (bytes, NULL);
      g_task_return_error (task, steward_api_error_new_for_status (status, reply, self->host));
      return;
    }

  reply = steward_json_parse_bytes (bytes, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) json_node_unref);
}

static void
send_call (GTask *task)
{
  StewardClient      *self = g_task_get_source_object (task);
  Call               *call = g_task_get_task_data (task);
  g_autofree char    *url = g_strconcat (self->base_url, call->path, NULL);
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  g_clear_object (&call->rejected_certificate);
  call->rejected_errors = 0;

  call->message = soup_message_new (call->method, url);
  if (call->message == NULL)
    {
      g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID,
                               _ ("“%s” is not a server address. Use an address such as https://governance.example.com."),
                               self->base_url);
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!(call->flags & STEWARD_CALL_NO_AUTH))
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);

      g_free (call->token_used);
      call->token_used = g_strdup (self->token);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", call->body);

  g_signal_connect (call->message, "network-event", G_CALLBACK (network_event_cb), task);
  g_signal_connect (call->message, "accept-certificate", G_CALLBACK (accept_certificate_cb), task);

  g_set_object (&call->session, self->session);
  call->request_timer = start_timer (task, self->request_timeout, request_timer_cb);

  soup_session_send_and_read_async (call->session, call->message, G_PRIORITY_DEFAULT,
                                    call->cancellable, message_sent_cb, task);
}

/* Continues every call that waited for the exchange, with the token or with
 * the reason there is none. */
static void
release_token_waiters (StewardClient *self,
                       const GError  *error)
{
  g_autoptr (GPtrArray) waiters = g_steal_pointer (&self->token_waiters);

  self->token_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);
      Call  *call = g_task_get_task_data (waiter);

      destroy_source (&call->wait_source);

      if (caller_cancelled (waiter))
        return_cancelled (waiter);
      else if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else if (call->method == NULL)
        g_task_return_boolean (waiter, TRUE);
      else
        {
          send_call (g_object_ref (waiter));
          continue;
        }
    }
}

static void
authenticated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;

  self->authenticating = FALSE;

  if (steward_client_call_finish (self, result, &reply, &error))
    token = steward_json_decode_token (reply, &error);

  if (token == NULL && error == NULL)
    error = steward_api_error_new_malformed (_ ("the authentication reply is empty"));

  if (token != NULL)
    {
      g_free (self->token);
      self->token = g_steal_pointer (&token);
    }
  else if (error->domain == STEWARD_API_ERROR && error->code == STEWARD_API_ERROR_UNAUTHORIZED)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_ ("The server at %s did not accept the API key: it is wrong, revoked, or its owner is disabled. Enter a valid key, or ask an administrator for a new one."),
                                 self->host);
      steward_api_error_set_message (error, message);
    }

  release_token_waiters (self, error);
}

static void
start_authentication (StewardClient *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

  self->authenticating = TRUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apikey");
  json_builder_add_string_value (builder, self->api_key != NULL ? self->api_key : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* No caller's cancellable: the exchange serves every waiting call, and
   * one of them giving up must not fail the others. */
  steward_client_call_async (self, "POST", AUTHENTICATE_PATH, body, STEWARD_CALL_NO_AUTH,
                             self->cancellable, authenticated_cb, NULL);
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask         *task = user_data;
  StewardClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);

  g_clear_pointer (&call->wait_source, g_source_unref);

  /* The array holds the reference; take it before removing. */
  g_object_ref (task);
  g_ptr_array_remove (self->token_waiters, task);
  return_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
wait_for_token (GTask *task)
{
  StewardClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);
  GCancellable  *cancellable = g_task_get_cancellable (task);

  g_ptr_array_add (self->token_waiters, task);

  /* Woken from the main loop, not from inside g_cancellable_cancel(). */
  if (cancellable != NULL)
    {
      call->wait_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (call->wait_source, G_SOURCE_FUNC (waiter_cancelled_cb), task, NULL);
      g_source_attach (call->wait_source, g_task_get_context (task));
    }

  if (!self->authenticating)
    start_authentication (self);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static GTask *
new_call_task (StewardClient      *self,
               const char         *method,
               const char         *path,
               JsonNode           *body,
               StewardCallFlags    flags,
               GCancellable       *cancellable,
               GAsyncReadyCallback callback,
               gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call  *call = g_new0 (Call, 1);

  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->flags = flags;
  call->cancellable = g_cancellable_new ();
  if (body != NULL)
    {
      gsize length = 0;
      char *data = json_to_string (body, FALSE);

      length = strlen (data);
      call->body = g_bytes_new_take (data, length);
    }

  g_task_set_task_data (task, call, call_free);
  g_task_set_source_tag (task, steward_client_call_async);
  g_task_set_name (task, "[steward] API call");

  if (cancellable != NULL)
    {
      call->caller_cancellable = g_object_ref (cancellable);
      call->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                         g_object_ref (call->cancellable), g_object_unref);
    }

  return task;
}

void
steward_client_call_async (StewardClient      *self,
                           const char         *method,
                           const char         *path,
                           JsonNode           *body,
                           StewardCallFlags    flags,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call_task (self, method, path, body, flags, cancellable, callback, user_data);

  if ((flags & STEWARD_CALL_NO_AUTH) || self->token != NULL)
    send_call (task);
  else
    wait_for_token (task);
}

gboolean
steward_client_call_finish (StewardClient *self,
                            GAsyncResult  *result,
                            JsonNode     **reply,
                            GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *node;

  g_return_val_if_fail (STEWARD_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_client_call_async, FALSE);

  node = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (reply != NULL)
        *reply = NULL;
      return FALSE;
    }

  if (reply != NULL)
    *reply = node;
  else if (node != NULL)
    json_node_unref (node);

  return TRUE;
}

static void
user_operation_free (gpointer data)
{
  StewardUserOperation *operation = data;

  g_free (operation->iamid);
  g_free (operation->userid);
  g_free (operation->permission);
  g_clear_object (&operation->first_read);
  g_free (operation);
}

StewardUserOperation *
steward_client_set_user_operation (GTask      *task,
                                   const char *iamid,
                                   const char *userid)
{
  StewardUserOperation *operation = g_new0 (StewardUserOperation, 1);

  operation->iamid = g_strdup (iamid);
  operation->userid = g_strdup (userid);
  g_task_set_task_data (task, operation, user_operation_free);

  return operation;
}

void
steward_client_return_decoded (GTask            *task,
                               JsonNode         *reply,
                               StewardDecodeFunc decode,
                               GDestroyNotify    free_result)
{
  GError  *error = NULL;
  gpointer decoded;

  /* An empty body where something was promised is as malformed as any. */
  decoded = decode (reply, &error);
  if (decoded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, decoded, free_result);
}

typedef struct
{
  StewardDecodeFunc decode;
  GDestroyNotify    free_result;
} Decoding;

static void
decoded_call_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;
  Decoding *decoding = g_task_get_task_data (task);

  if (!steward_client_call_finish (STEWARD_CLIENT (source), result, &reply, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    steward_client_return_decoded (task, reply, decoding->decode, decoding->free_result);
}

void
steward_client_call_for_result (StewardClient      *self,
                                const char         *method,
                                const char         *path,
                                JsonNode           *body,
                                StewardDecodeFunc   decode,
                                GDestroyNotify      free_result,
                                gpointer            source_tag,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  Decoding *decoding = g_new0 (Decoding, 1);

  decoding->decode = decode;
  decoding->free_result = free_result;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, decoding, g_free);

  steward_client_call_async (self, method, path, body, STEWARD_CALL_DEFAULT, cancellable,
                             decoded_call_done_cb, g_steal_pointer (&task));
}

gpointer
steward_client_result_finish (StewardClient *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
steward_client_forward_object_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError  *error = NULL;
  gpointer object;

  /* Every route of the client is a GTask returning a pointer. */
  object = g_task_propagate_pointer (G_TASK (result), &error);
  if (object == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, object, g_object_unref);
}

gboolean
steward_client_boolean_finish (StewardClient *self,
                               GAsyncResult  *result,
                               gpointer       source_tag,
                               GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
steward_client_decode_boxed_count (JsonNode   *reply,
                                   const char *member,
                                   GError    **error)
{
  guint64 count;

  if (!steward_json_decode_count (reply, member, &count, error))
    return NULL;

  return g_memdup2 (&count, sizeof count);
}

gboolean
steward_client_count_finish (StewardClient *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             guint64       *count,
                             GError       **error)
{
  g_autofree guint64 *value = steward_client_result_finish (self, result, source_tag, error);

  if (count != NULL)
    *count = value != NULL ? *value : 0;

  return value != NULL;
}

/* Extension routes (12 to 16 of API.md): tried unless the server is known
 * to lack them, what the reply says about the server remembered, and the
 * route's own fallback run when one is missing. */

typedef struct
{
  GTask              *task; /* the route's own */
  StewardExtension    extension;
  StewardDecodeFunc   decode;
  GDestroyNotify      free_result;
  StewardFallbackFunc fallback;
} ExtensionCall;

static void
extension_call_free (ExtensionCall *call)
{
  g_clear_object (&call->task);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtensionCall, extension_call_free)

static void
extension_replied_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (source);
  g_autoptr (ExtensionCall) call = user_data;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) error = NULL;

  if (steward_client_call_finish (self, result, &reply, &error))
    {
      steward_client_learn_extension (self, call->extension, NULL);
      steward_client_return_decoded (call->task, reply, call->decode, call->free_result);
    }
  else if (steward_client_learn_extension (self, call->extension, error))
    {
      call->fallback (g_steal_pointer (&call->task));
    }
  else
    {
      g_task_return_error (call->task, g_steal_pointer (&error));
    }
}

void
steward_client_call_extension (GTask              *task,
                               StewardExtension    extension,
                               const char         *method,
                               const char         *path,
                               JsonNode           *body,
                               StewardDecodeFunc   decode,
                               GDestroyNotify      free_result,
                               StewardFallbackFunc fallback)
{
  StewardClient *self = g_task_get_source_object (task);
  ExtensionCall *call;

  if (steward_client_get_extension_support (self, extension) == STEWARD_EXTENSION_SUPPORT_MISSING)
    {
      fallback (task);
      return;
    }

  call = g_new0 (ExtensionCall, 1);
  call->task = task;
  call->extension = extension;
  call->decode = decode;
  call->free_result = free_result;
  call->fallback = fallback;

  steward_client_call_async (self, method, path, body, STEWARD_CALL_DEFAULT, g_task_get_cancellable (task),
                             extension_replied_cb, call);
}

void
steward_client_authenticate_async (StewardClient      *self,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* A call with no method only waits for the token. */
  task = new_call_task (self, NULL, NULL, NULL, STEWARD_CALL_DEFAULT, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_authenticate_async);

  g_clear_pointer (&self->token, g_free);
  wait_for_token (task);
}

gboolean
steward_client_authenticate_finish (StewardClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return steward_client_boolean_finish (self, result, steward_client_authenticate_async, error);
}
