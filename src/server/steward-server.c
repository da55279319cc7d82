/* steward-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "steward-routes.h"
#include "steward-server.h"

/* How long a shutdown waits for replies still being written. */
#define DRAIN_TIMEOUT_MS 10000
#define DRAIN_POLL_MS 20

typedef enum
{
  ACCESS_PUBLIC,     /* the API key travels in the body */
  ACCESS_SIGNED_IN,  /* any valid token or key; the handler checks more */
  ACCESS_USER_ADMIN, /* needs USER_ADMIN */
} RouteAccess;

typedef struct
{
  const char         *method;
  const char         *path; /* '*' matches one segment, passed to the handler */
  RouteAccess         access;
  gboolean            writes;
  StewardRouteHandler handler;
} Route;

static const Route routes[] = {
  { "POST", "/bim/apikey/authenticate", ACCESS_PUBLIC, TRUE, steward_route_authenticate },
  { "GET", "/bim/rpc/user/current", ACCESS_SIGNED_IN, FALSE, steward_route_current_user },
  { "GET", "/bim/iam", ACCESS_SIGNED_IN, FALSE, steward_route_list_iams },
  { "GET", "/bim/user", ACCESS_USER_ADMIN, FALSE, steward_route_list_users },
  { "POST", "/bim/iam/bim/user", ACCESS_USER_ADMIN, TRUE, steward_route_create_user },
  { "GET", "/bim/iam/*/user/*", ACCESS_SIGNED_IN, FALSE, steward_route_get_user },
  { "PUT", "/bim/iam/*/user/*/profile", ACCESS_SIGNED_IN, TRUE, steward_route_update_profile },
  { "PUT", "/bim/iam/*/user/*/permissions", ACCESS_USER_ADMIN, TRUE, steward_route_set_permissions },
  { "DELETE", "/bim/iam/*/user/*/permissions/*", ACCESS_USER_ADMIN, TRUE, steward_route_remove_permission },
  { "PUT", "/bim/iam/*/user/*/permissions/*", ACCESS_USER_ADMIN, TRUE, steward_route_add_permission },
  { "PUT", "/bim/iam/*/user/*/disable/*", ACCESS_USER_ADMIN, TRUE, steward_route_set_disabled },
  { "DELETE", "/bim/iam/*/user/*", ACCESS_USER_ADMIN, TRUE, steward_route_delete_user },
  { "POST", "/bim/iam/*/user/*/migrate", ACCESS_USER_ADMIN, TRUE, steward_route_migrate_user },
  { "GET", "/bim/permissions", ACCESS_SIGNED_IN, FALSE, steward_route_list_permissions },
  { "GET", "/bim/user/metrics", ACCESS_USER_ADMIN, FALSE, steward_route_metrics },
  { "POST", "/bim/metrics/interactions", ACCESS_SIGNED_IN, TRUE, steward_route_interactions },
  { "GET", "/audit", ACCESS_SIGNED_IN, FALSE, steward_route_list_audit },
  { "POST", "/bim/apikey", ACCESS_SIGNED_IN, TRUE, steward_route_create_api_key },
  { "DELETE", "/bim/apikey/*", ACCESS_SIGNED_IN, TRUE, steward_route_revoke_api_key },
  { "GET", "/dataSource/featureStore/connection", ACCESS_SIGNED_IN, FALSE, steward_route_connection_info },
};

struct _StewardServer
{
  GObject parent_instance;

  SoupServer           *soup;
  StewardStore         *store;
  StewardReader        *reader;
  StewardServerSettings settings;
  char                 *query_engine_host;
  GStrv                 route_segments[G_N_ELEMENTS (routes)];

  guint    in_flight;
  gboolean shutting_down;
  gint64   drain_deadline; /* monotonic µs */
};

G_DEFINE_FINAL_TYPE (StewardServer, steward_server, G_TYPE_OBJECT)

/* -------------------------------------------------------------- routing */

/* The segments of the path, or NULL when it is not valid UTF-8. SoupServer
 * has already percent-decoded the path (and refused bad escapes and %00),
 * so decoding again would turn a user name holding "%41" into "A". */
static GPtrArray *
split_path (const char *path)
{
  g_autoptr (GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) parts = NULL;
  guint n_parts;

  if (path == NULL || path[0] != '/' || !g_utf8_validate (path, -1, NULL))
    return NULL;

  parts = g_strsplit (path + 1, "/", -1);
  n_parts = g_strv_length (parts);
  /* One trailing slash is forgiven: "/bim/user/" is "/bim/user". */
  if (n_parts > 1 && parts[n_parts - 1][0] == '\0')
    n_parts--;

  for (guint i = 0; i < n_parts; i++)
    g_ptr_array_add (segments, g_strdup (parts[i]));

  return g_steal_pointer (&segments);
}

static gboolean
route_matches_path (GStrv      pattern,
                    GPtrArray *segments)
{
  if (g_strv_length (pattern) != segments->len)
    return FALSE;

  for (guint i = 0; i < segments->len; i++)
    {
      const char *segment = g_ptr_array_index (segments, i);

      if (g_str_equal (pattern[i], "*"))
        {
          if (*segment == '\0')
            return FALSE;
        }
      else if (!g_str_equal (pattern[i], segment))
        return FALSE;
    }

  return TRUE;
}

static const Route *
find_route (StewardServer  *self,
            const char     *method,
            GPtrArray      *segments,
            StewardRequest *request)
{
  g_autoptr (GString) allowed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!route_matches_path (self->route_segments[i], segments))
        continue;

      if (g_str_equal (routes[i].method, method))
        {
          for (guint s = 0; s < segments->len; s++)
            {
              if (g_str_equal (self->route_segments[i][s], "*"))
                g_ptr_array_add (request->path_params, g_strdup (g_ptr_array_index (segments, s)));
            }
          return &routes[i];
        }

      if (allowed == NULL)
        allowed = g_string_new (routes[i].method);
      else
        g_string_append_printf (allowed, ", %s", routes[i].method);
    }

  if (allowed != NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                    "Allow", allowed->str);
      steward_request_fail (request, SOUP_STATUS_METHOD_NOT_ALLOWED,
                            _ ("%s is not allowed here; use %s"), method, allowed->str);
    }
  else
    steward_request_fail (request, SOUP_STATUS_NOT_FOUND, _ ("There is no such route on this server"));

  return NULL;
}

/* -------------------------------------------------------- authentication */

/* "Bearer <token>", a bare token, or a raw API key (API.md). */
static char *
credential_from_header (StewardRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char         *value = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char    *credential = NULL;

  if (value == NULL)
    return NULL;

  if (g_ascii_strncasecmp (value, "Bearer ", 7) == 0)
    value += 7;

  credential = g_strstrip (g_strdup (value));
  if (*credential == '\0')
    return NULL;

  return g_steal_pointer (&credential);
}

static gboolean
authenticate (StewardServer  *self,
              StewardRequest *request)
{
  g_autofree char *credential = credential_from_header (request);
  g_autoptr (GError) error = NULL;

  if (credential == NULL)
    return steward_request_fail (request, SOUP_STATUS_UNAUTHORIZED,
                                 _ ("Sign in first: exchange your API key at /bim/apikey/authenticate and send the token as “Authorization: Bearer TOKEN”"));

  request->caller = steward_store_find_caller (self->store, credential, &error);
  if (error != NULL)
    return steward_request_fail_error (request, error);

  if (request->caller == NULL)
    return steward_request_fail (request, SOUP_STATUS_UNAUTHORIZED,
                                 _ ("The token has expired or is not valid, or the account is disabled; sign in again with your API key"));

  return TRUE;
}

/* ------------------------------------------------------------ handling */

static void
run_route (StewardServer  *self,
           const Route    *route,
           StewardRequest *request)
{
  g_autoptr (GError) error = NULL;

  if (!steward_request_parse_query (request))
    return;

  if (!steward_store_begin (self->store, route->writes, &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  if (route->access != ACCESS_PUBLIC && !authenticate (self, request))
    {
      steward_store_rollback (self->store);
      return;
    }

  if (route->access == ACCESS_USER_ADMIN && !steward_request_require (request, "USER_ADMIN"))
    {
      steward_store_rollback (self->store);
      return;
    }

  route->handler (request);

  if (request->status >= 400 && !request->commit_on_error)
    {
      steward_store_rollback (self->store);
      return;
    }

  /* Only now may the caller hear that the write happened. */
  if (!steward_store_commit (self->store, &error))
    {
      g_warning ("Could not commit: %s", error->message);
      steward_request_fail (request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                            _ ("The server could not save the change; nothing was changed"));
    }
}

static void
handle_message (SoupServer        *soup,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  StewardServer *self = user_data;
  g_autoptr (StewardRequest) request = steward_request_new (message, self->store, &self->settings);
  g_autoptr (GPtrArray) segments = NULL;
  const char  *method = soup_server_message_get_method (message);
  const Route *route;

  if (self->shutting_down)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
      steward_request_fail (request, SOUP_STATUS_SERVICE_UNAVAILABLE,
                            _ ("The server is shutting down; try again in a moment"));
    }
  else if ((segments = split_path (g_uri_get_path (soup_server_message_get_uri (message)))) == NULL)
    steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                          _ ("The path is not valid UTF-8"));
  else if ((route = find_route (self, method, segments, request)) != NULL)
    {
      request->reader = self->reader;
      run_route (self, route, request);
    }

  if (request->deferred)
    {
      /* Replied to from the main loop later; counted in flight until then,
       * so a shutdown waits for it. */
      soup_server_message_pause (message);
      g_steal_pointer (&request);
      return;
    }
  steward_request_send (request);
  steward_request_log (request);
}

/* Refuses oversized bodies from their Content-Length, before reading them. */
static void
handle_headers_early (SoupServer        *soup,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  static const char   body[] = "{\"statusCode\":413,\"error\":\"Request Entity Too Large\","
                               "\"message\":\"The request body is larger than the limit of 1 MiB\"}";

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH || soup_message_headers_get_content_length (headers) <= STEWARD_MAX_BODY_BYTES)
    return;

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  soup_server_message_set_status (message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  soup_server_message_set_response (message, "application/json; charset=utf-8",
                                    SOUP_MEMORY_STATIC, body, strlen (body));
}

/* Marks a message counted in in_flight: some end without having been read
 * (one refused from its headers, a client gone halfway through its body),
 * and one may end both finished and aborted. */
static GQuark
in_flight_quark (void)
{
  static GQuark quark;

  /* Only the main loop's thread serves messages. */
  if (quark == 0)
    quark = g_quark_from_static_string ("steward-server-in-flight");
  return quark;
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *message,
                 StewardServer     *self)
{
  self->in_flight++;
  g_object_set_qdata (G_OBJECT (message), in_flight_quark (), GINT_TO_POINTER (TRUE));
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *message,
                 StewardServer     *self)
{
  if (g_object_steal_qdata (G_OBJECT (message), in_flight_quark ()) == NULL)
    return;
  g_return_if_fail (self->in_flight > 0);
  self->in_flight--;
}

/* ------------------------------------------------------------- GObject */

static void
steward_server_dispose (GObject *object)
{
  StewardServer *self = (StewardServer *) object;

  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      soup_server_disconnect (self->soup);
    }
  g_clear_object (&self->soup);
  g_clear_pointer (&self->reader, steward_reader_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_server_parent_class)->dispose (object);
}

static void
steward_server_finalize (GObject *object)
{
  StewardServer *self = (StewardServer *) object;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    g_strfreev (self->route_segments[i]);
  g_free (self->query_engine_host);

  G_OBJECT_CLASS (steward_server_parent_class)->finalize (object);
}

static void
steward_server_class_init (StewardServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_server_dispose;
  object_class->finalize = steward_server_finalize;
}

static void
steward_server_init (StewardServer *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    self->route_segments[i] = g_strsplit (routes[i].path + 1, "/", -1);
}

/* -------------------------------------------------------------- public */

StewardServer *
steward_server_new (StewardStore                *store,
                    const StewardServerSettings *settings,
                    GTlsCertificate             *certificate,
                    GError                     **error)
{
  StewardServer *self;
  StewardReader *reader;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  reader = steward_reader_new (store, error);
  if (reader == NULL)
    return NULL;

  self = g_object_new (STEWARD_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->reader = reader;
  self->settings = *settings;
  self->query_engine_host = g_strdup (settings->query_engine_host != NULL ? settings->query_engine_host : "localhost");
  self->settings.query_engine_host = self->query_engine_host;

  self->soup = soup_server_new ("server-header", "steward-server/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                NULL);
  soup_server_add_early_handler (self->soup, NULL, handle_headers_early, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_message, self, NULL);
  /* Counted from "request-read", not "request-started": a client that
   * hangs up halfway through sending a request gets no "request-finished"
   * nor "request-aborted", and would hold every later shutdown for the
   * whole drain timeout. */
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);

  return self;
}

gboolean
steward_server_listen (StewardServer  *self,
                       GSocketAddress *address,
                       GError        **error)
{
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (STEWARD_IS_SERVER (self), FALSE);

  if (soup_server_is_https (self->soup))
    options |= SOUP_SERVER_LISTEN_HTTPS;

  return soup_server_listen (self->soup, address, options, error);
}

char *
steward_server_get_url (StewardServer *self)
{
  GSList *uris;
  char   *url = NULL;

  g_return_val_if_fail (STEWARD_IS_SERVER (self), NULL);

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return url;
}

static gboolean
drain_cb (gpointer user_data)
{
  GTask         *task = user_data;
  StewardServer *self = g_task_get_source_object (task);

  if (self->in_flight > 0 && g_get_monotonic_time () < self->drain_deadline)
    return G_SOURCE_CONTINUE;

  if (self->in_flight > 0)
    g_warning ("Shutting down with %u replies unfinished", self->in_flight);

  soup_server_disconnect (self->soup);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

/* Stops taking new work, lets replies in flight finish, then closes every
 * connection. Requests are handled to completion in the main loop, so no
 * handler is ever interrupted halfway. */
void
steward_server_shutdown_async (StewardServer      *self,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_SERVER (self));

  self->shutting_down = TRUE;
  self->drain_deadline = g_get_monotonic_time () + DRAIN_TIMEOUT_MS * 1000;
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, steward_server_shutdown_async);
  g_timeout_add_full (G_PRIORITY_DEFAULT, DRAIN_POLL_MS, drain_cb, task, g_object_unref);
}

gboolean
steward_server_shutdown_finish (StewardServer *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
