/* steward-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include <glib/gi18n-lib.h>

#include "steward-request.h"
#include "steward-server-json.h"
#include "steward-time.h"

/* json-glib parses recursively; a megabyte of '[' would exhaust the stack.
 * Nothing in the API nests anywhere near this deep. */
#define MAX_JSON_DEPTH 32

StewardRequest *
steward_request_new (SoupServerMessage           *message,
                     StewardStore                *store,
                     const StewardServerSettings *settings)
{
  StewardRequest *request = g_new0 (StewardRequest, 1);

  request->message = g_object_ref (message);
  request->store = g_object_ref (store);
  request->settings = settings;
  request->path_params = g_ptr_array_new_with_free_func (g_free);
  request->query = g_ptr_array_new_with_free_func (g_free);
  request->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  request->started = g_get_monotonic_time ();

  return request;
}

void
steward_request_free (StewardRequest *request)
{
  if (request == NULL)
    return;

  if (request->hang_up_watch != NULL)
    g_source_destroy (request->hang_up_watch);
  g_clear_pointer (&request->hang_up_watch, g_source_unref);
  g_clear_object (&request->hung_up);
  g_clear_object (&request->message);
  g_clear_object (&request->store);
  g_clear_pointer (&request->path_params, g_ptr_array_unref);
  g_clear_pointer (&request->query, g_ptr_array_unref);
  g_clear_pointer (&request->caller, steward_store_user_free);
  g_clear_pointer (&request->reply, json_node_unref);
  if (request->reply_text != NULL)
    g_string_free (request->reply_text, TRUE);
  g_free (request);
}

const char *
steward_request_param (StewardRequest *request,
                       guint           index)
{
  g_return_val_if_fail (index < request->path_params->len, NULL);

  return g_ptr_array_index (request->path_params, index);
}

/* ---------------------------------------------------------------- query */

static char *
decode_form_component (const char *text,
                       gsize       length)
{
  g_autofree char *plus_as_space = g_strndup (text, length);
  char            *decoded;

  g_strdelimit (plus_as_space, "+", ' ');
  decoded = g_uri_unescape_string (plus_as_space, NULL);
  if (decoded != NULL && !g_utf8_validate (decoded, -1, NULL))
    g_clear_pointer (&decoded, g_free);

  return decoded;
}

/* Keeps every occurrence: route 4 repeats "iamid". */
gboolean
steward_request_parse_query (StewardRequest *request)
{
  GUri       *uri = soup_server_message_get_uri (request->message);
  const char *query = g_uri_get_query (uri);
  g_auto (GStrv) pairs = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;

  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *pair = pairs[i];
      const char *equals = strchr (pair, '=');
      gsize       key_length = equals != NULL ? (gsize) (equals - pair) : strlen (pair);
      char       *key;
      char       *value;

      if (*pair == '\0')
        continue;

      key = decode_form_component (pair, key_length);
      value = decode_form_component (equals != NULL ? equals + 1 : "", equals != NULL ? strlen (equals + 1) : 0);
      if (key == NULL || value == NULL)
        {
          g_free (key);
          g_free (value);
          return steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                                       _ ("The query string is not valid percent-encoded UTF-8"));
        }

      g_ptr_array_add (request->query, key);
      g_ptr_array_add (request->query, value);
    }

  return TRUE;
}

const char *
steward_request_query (StewardRequest *request,
                       const char     *key)
{
  const char *found = NULL;

  for (guint i = 0; i + 1 < request->query->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (request->query, i), key))
        found = g_ptr_array_index (request->query, i + 1);
    }

  return found;
}

/* The values of every occurrence of KEY; the array does not own them. */
GPtrArray *
steward_request_query_all (StewardRequest *request,
                           const char     *key)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i + 1 < request->query->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (request->query, i), key))
        g_ptr_array_add (values, g_ptr_array_index (request->query, i + 1));
    }

  return values;
}

gboolean
steward_request_query_uint (StewardRequest *request,
                            const char     *key,
                            guint           default_value,
                            guint           min,
                            guint           max,
                            guint          *out_value)
{
  const char *text = steward_request_query (request, key);
  guint64     value;

  if (text == NULL || *text == '\0')
    {
      *out_value = default_value;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return steward_request_fail_field (request, key, "range",
                                       _ ("“%s” must be a whole number from %u to %u"),
                                       key, min, max);

  *out_value = (guint) value;
  return TRUE;
}

gboolean
steward_request_query_bool (StewardRequest *request,
                            const char     *key,
                            gboolean        default_value,
                            gboolean       *out_value)
{
  const char *text = steward_request_query (request, key);

  if (text == NULL || *text == '\0')
    *out_value = default_value;
  else if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
    *out_value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
    *out_value = FALSE;
  else
    return steward_request_fail_field (request, key, "format",
                                       _ ("“%s” must be true or false"), key);

  return TRUE;
}

/* ----------------------------------------------------------------- body */

typedef enum
{
  BODY_SCAN_OK,
  BODY_SCAN_TOO_DEEP,
  BODY_SCAN_NUL,
} BodyScan;

/* Looks at the raw text before json-glib does: it parses recursively (a
 * megabyte of '[' would exhaust the stack) and turns "\u0000" into the end
 * of a C string, which would silently store a shortened value. */
static BodyScan
scan_body (const char *data,
           gsize       length)
{
  gboolean in_string = FALSE;
  int      depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\0')
        return BODY_SCAN_NUL;

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length && strncmp (data + i + 2, "0000", 4) == 0)
                return BODY_SCAN_NUL;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return BODY_SCAN_TOO_DEEP;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return BODY_SCAN_OK;
}

static const char *
node_type_name (JsonNodeType type)
{
  switch (type)
    {
      case JSON_NODE_OBJECT:
        return _ ("an object");
      case JSON_NODE_ARRAY:
        return _ ("an array");
      case JSON_NODE_VALUE:
        return _ ("a single value");
      case JSON_NODE_NULL:
      default:
        return _ ("null");
    }
}

JsonNode *
steward_request_body (StewardRequest *request,
                      JsonNodeType    expected_type)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  g_autoptr (GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize       length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode   *root;

  /* Bodies sent without a Content-Length only reveal their size here. */
  if (length > STEWARD_MAX_BODY_BYTES)
    {
      steward_request_fail (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                            _ ("The request body is larger than the limit of 1 MiB"));
      return NULL;
    }

  if (length == 0)
    {
      steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                            _ ("This request needs a JSON body"));
      return NULL;
    }

  switch (scan_body (data, length))
    {
      case BODY_SCAN_TOO_DEEP:
        steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                              _ ("The JSON body nests deeper than %d levels"), MAX_JSON_DEPTH);
        return NULL;
      case BODY_SCAN_NUL:
        steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                              _ ("Text in the body may not contain NUL characters"));
        return NULL;
      case BODY_SCAN_OK:
      default:
        break;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                            _ ("The body is not valid JSON: %s"), error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_TYPE (root) != expected_type)
    {
      steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                            _ ("The JSON body must be %s, not %s"),
                            node_type_name (expected_type),
                            root != NULL ? node_type_name (JSON_NODE_TYPE (root)) : _ ("empty"));
      return NULL;
    }

  return json_node_ref (root);
}

gboolean
steward_request_member_string (StewardRequest *request,
                               JsonObject     *object,
                               const char     *member,
                               const char     *field,
                               const char    **out_value)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return steward_request_fail_field (request, field, "format",
                                       _ ("“%s” must be a string"), field);

  *out_value = json_node_get_string (node);
  return TRUE;
}

/* -------------------------------------------------------------- replies */

void
steward_request_reply (StewardRequest *request,
                       guint           status,
                       JsonNode       *body)
{
  request->status = status;
  g_clear_pointer (&request->reply, json_node_unref);
  if (request->reply_text != NULL)
    g_string_free (g_steal_pointer (&request->reply_text), TRUE);
  request->reply = body;
}

void
steward_request_reply_text (StewardRequest *request,
                            guint           status,
                            GString        *text)
{
  steward_request_reply (request, status, NULL);
  request->reply_text = text;
}

static JsonObject *
error_body (guint       status,
            const char *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "statusCode", status);
  json_object_set_string_member (object, "error", soup_status_get_phrase (status));
  json_object_set_string_member (object, "message", message);

  return object;
}

static gboolean
fail_valist (StewardRequest *request,
             guint           status,
             const char     *field,
             const char     *code,
             const char     *format,
             va_list         args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  JsonObject      *object = error_body (status, message);

  if (field != NULL)
    {
      JsonArray  *validation = json_array_new ();
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "field", field);
      json_object_set_string_member (entry, "code", code);
      json_array_add_object_element (validation, entry);
      json_object_set_array_member (object, "validation", validation);
    }

  steward_request_reply (request, status, steward_json_node_take_object (object));

  return FALSE;
}

gboolean
steward_request_fail (StewardRequest *request,
                      guint           status,
                      const char     *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (request, status, NULL, NULL, format, args);
  va_end (args);

  return FALSE;
}

gboolean
steward_request_fail_field (StewardRequest *request,
                            const char     *field,
                            const char     *code,
                            const char     *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (request, SOUP_STATUS_BAD_REQUEST, field, code, format, args);
  va_end (args);

  return FALSE;
}

gboolean
steward_request_fail_error (StewardRequest *request,
                            const GError   *error)
{
  guint status = SOUP_STATUS_INTERNAL_SERVER_ERROR;

  if (error->domain == STEWARD_STORE_ERROR)
    {
      switch ((StewardStoreError) error->code)
        {
          case STEWARD_STORE_ERROR_CONFLICT:
            status = SOUP_STATUS_CONFLICT;
            break;
          case STEWARD_STORE_ERROR_NOT_FOUND:
            status = SOUP_STATUS_NOT_FOUND;
            break;
          case STEWARD_STORE_ERROR_FAILED:
          case STEWARD_STORE_ERROR_CORRUPT:
          default:
            break;
        }
    }

  if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    {
      /* Storage details help the operator, not the caller. */
      g_warning ("Request failed in storage: %s", error->message);
      return steward_request_fail (request, status,
                                   _ ("The server could not complete the request because its storage failed; nothing was changed"));
    }

  return steward_request_fail (request, status, "%s", error->message);
}

void
steward_request_send (StewardRequest *request)
{
  g_autoptr (JsonGenerator) generator = NULL;
  char *text;
  gsize length;

  soup_server_message_set_status (request->message, request->status, NULL);
  if (request->reply_text != NULL)
    {
      length = request->reply_text->len;
      text = g_string_free (g_steal_pointer (&request->reply_text), FALSE);
      soup_server_message_set_response (request->message, "application/json; charset=utf-8",
                                        SOUP_MEMORY_TAKE, text, length);
      return;
    }
  if (request->reply == NULL)
    return;

  generator = json_generator_new ();
  json_generator_set_root (generator, request->reply);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_response (request->message, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, length);
}

/* The client's socket became readable while its request waits: either it
 * hung up (reading gives end of file), or it sent its next request early,
 * which stays unread for libsoup. Either way one look is enough. libsoup
 * does not watch a paused message's connection, so without this a hung-up
 * client's page would still be read, with others waiting behind it. */
static gboolean
client_readable_cb (GSocket     *socket,
                    GIOCondition condition,
                    gpointer     user_data)
{
  StewardRequest *request = user_data;
  char            byte;
  gssize          peeked = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);

  if (peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EINTR) || (condition & (G_IO_HUP | G_IO_ERR)) != 0)
    g_cancellable_cancel (request->hung_up);
  g_clear_pointer (&request->hang_up_watch, g_source_unref);
  return G_SOURCE_REMOVE;
}

void
steward_request_defer (StewardRequest *request)
{
  GSocket *socket = soup_server_message_get_socket (request->message);

  request->deferred = TRUE;
  request->hung_up = g_cancellable_new ();
  if (socket == NULL)
    return;
  request->hang_up_watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (request->hang_up_watch, (GSourceFunc) (void (*) (void)) client_readable_cb, request, NULL);
  g_source_attach (request->hang_up_watch, NULL);
}

void
steward_request_finish_deferred (StewardRequest *request)
{
  g_return_if_fail (request->deferred);

  steward_request_send (request);
  /* Still safe when the client has hung up meanwhile: the message is ours
   * until freed, and libsoup writes nothing for a closed connection. */
  soup_server_message_unpause (request->message);
  steward_request_log (request);
  steward_request_free (request);
}

void
steward_request_log (StewardRequest *request)
{
  /* GLib formats a message before its writer drops it: asking first
   * saves a printf on every request when debugging is off. */
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  /* The path may hold user names but never a credential. */
  g_debug ("%s %s %u %.2f ms", soup_server_message_get_method (request->message),
           g_uri_get_path (soup_server_message_get_uri (request->message)), request->status,
           (g_get_monotonic_time () - request->started) / 1000.0);
}

/* ---------------------------------------------------------- audit, access */

gboolean
steward_request_audit (StewardRequest         *request,
                       const char             *record_type,
                       const StewardStoreUser *target,
                       gboolean                success,
                       JsonObject             *details)
{
  g_autoptr (JsonObject) owned_details = details != NULL ? details : json_object_new ();
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), owned_details);
  g_autoptr (GError) error = NULL;
  g_autofree char        *details_text = json_to_string (node, FALSE);
  StewardStoreAuditRecord record = {
    .date_time = steward_now_ms (),
    .record_type = (char *) record_type,
    .actor_iamid = request->caller != NULL ? request->caller->iamid : NULL,
    .actor_userid = request->caller != NULL ? request->caller->userid : NULL,
    .target_iamid = target != NULL ? target->iamid : NULL,
    .target_userid = target != NULL ? target->userid : NULL,
    .success = success,
    .details = details_text,
  };

  if (!steward_store_add_audit (request->store, &record, &error))
    return steward_request_fail_error (request, error);

  return TRUE;
}

gboolean
steward_request_caller_has (StewardRequest *request,
                            const char     *permission)
{
  GPtrArray *held;

  if (request->caller == NULL)
    return FALSE;

  held = request->caller->permissions;
  for (guint i = 0; i < held->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (held, i), permission))
        return TRUE;
    }

  /* Permissions granted through a group count as the caller's own. */
  held = request->caller->group_permissions;
  for (guint i = 0; i < held->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (held, i), permission))
        return TRUE;
    }

  return FALSE;
}

gboolean
steward_request_require (StewardRequest *request,
                         const char     *permission)
{
  if (steward_request_caller_has (request, permission))
    return TRUE;

  return steward_request_fail (request, SOUP_STATUS_FORBIDDEN,
                               _ ("This needs the %s permission, which your account does not have"),
                               permission);
}
