/* steward-test-proxy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-proxy.h"

#include <libsoup/soup.h>

struct _StewardTestProxy
{
  StewardTestServer          *server;
  StewardTestProxyArrivedFunc arrived;
  gpointer                    user_data;

  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup_server;
  SoupSession  *session;
  char         *url;

  GMutex   lock;
  GCond    ready;
  gboolean started;
  gboolean hold_writes;
  guint    n_held;
};

typedef struct
{
  StewardTestProxy  *proxy;
  SoupServerMessage *message;
  SoupMessage       *forwarded;
} Forward;

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  const char *content_type;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      soup_server_message_set_status (forward->message, SOUP_STATUS_BAD_GATEWAY, NULL);
    }
  else
    {
      content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (forward->forwarded), NULL);
      soup_server_message_set_status (forward->message, soup_message_get_status (forward->forwarded), NULL);
      soup_server_message_set_response (forward->message, content_type != NULL ? content_type : "application/json",
                                        SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }

  soup_server_message_unpause (forward->message);
  g_object_unref (forward->message);
  g_object_unref (forward->forwarded);
  g_free (forward);
}

static gboolean
is_write (const char *method,
          const char *path)
{
  return g_strcmp0 (method, "GET") != 0 && g_strcmp0 (path, "/bim/apikey/authenticate") != 0;
}

static void
request_cb (SoupServer        *soup_server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  StewardTestProxy *proxy = user_data;
  const char       *method = soup_server_message_get_method (message);
  GUri             *uri = soup_server_message_get_uri (message);
  g_autofree char  *target = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  const char      *authorization;
  const char      *content_type;
  Forward         *forward;
  gboolean         hold;

  if (proxy->arrived != NULL)
    proxy->arrived (method, path, proxy->user_data);

  soup_server_message_pause (message);

  g_mutex_lock (&proxy->lock);
  hold = proxy->hold_writes && is_write (method, path);
  if (hold)
    proxy->n_held++;
  g_mutex_unlock (&proxy->lock);

  /* Never answered: the connection stays open until the proxy goes. */
  if (hold)
    return;

  target = g_strconcat (proxy->server->base_url, g_uri_get_path (uri),
                        g_uri_get_query (uri) != NULL ? "?" : "", g_uri_get_query (uri), NULL);
  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->message = g_object_ref (message);
  forward->forwarded = soup_message_new (method, target);

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (forward->forwarded), "Authorization", authorization);

  body = soup_message_body_flatten (request_body);
  if (g_bytes_get_size (body) > 0)
    {
      content_type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (message), NULL);
      soup_message_set_request_body_from_bytes (forward->forwarded, content_type != NULL ? content_type : "application/json", body);
    }

  soup_session_send_and_read_async (proxy->session, forward->forwarded, G_PRIORITY_DEFAULT, NULL, forwarded_cb, forward);
}

static gpointer
proxy_thread (gpointer data)
{
  StewardTestProxy *proxy = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) uris = NULL;

  g_main_context_push_thread_default (proxy->context);

  proxy->soup_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->soup_server, NULL, request_cb, proxy, NULL);
  soup_server_listen_local (proxy->soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  proxy->session = soup_session_new_with_options ("timeout", 60, NULL);

  uris = soup_server_get_uris (proxy->soup_server);
  g_assert_nonnull (uris);

  g_mutex_lock (&proxy->lock);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  proxy->started = TRUE;
  g_cond_signal (&proxy->ready);
  g_mutex_unlock (&proxy->lock);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_main_loop_run (proxy->loop);

  soup_server_disconnect (proxy->soup_server);
  g_clear_object (&proxy->soup_server);
  soup_session_abort (proxy->session);
  g_clear_object (&proxy->session);
  while (g_main_context_iteration (proxy->context, FALSE))
    ;

  g_main_context_pop_thread_default (proxy->context);
  return NULL;
}

StewardTestProxy *
steward_test_proxy_new (StewardTestServer          *server,
                        StewardTestProxyArrivedFunc arrived,
                        gpointer                    user_data)
{
  StewardTestProxy *proxy = g_new0 (StewardTestProxy, 1);

  proxy->server = server;
  proxy->arrived = arrived;
  proxy->user_data = user_data;
  proxy->context = g_main_context_new ();
  proxy->loop = g_main_loop_new (proxy->context, FALSE);
  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->ready);

  proxy->thread = g_thread_new ("steward-test-proxy", proxy_thread, proxy);

  g_mutex_lock (&proxy->lock);
  while (!proxy->started)
    g_cond_wait (&proxy->ready, &proxy->lock);
  g_mutex_unlock (&proxy->lock);

  return proxy;
}

const char *
steward_test_proxy_get_url (StewardTestProxy *proxy)
{
  return proxy->url;
}

void
steward_test_proxy_set_hold_writes (StewardTestProxy *proxy,
                                    gboolean          hold)
{
  g_mutex_lock (&proxy->lock);
  proxy->hold_writes = hold;
  g_mutex_unlock (&proxy->lock);
}

guint
steward_test_proxy_get_n_held (StewardTestProxy *proxy)
{
  guint n_held;

  g_mutex_lock (&proxy->lock);
  n_held = proxy->n_held;
  g_mutex_unlock (&proxy->lock);

  return n_held;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
steward_test_proxy_free (StewardTestProxy *proxy)
{
  if (proxy == NULL)
    return;

  g_main_context_invoke (proxy->context, quit_cb, proxy->loop);
  g_thread_join (proxy->thread);
  g_main_loop_unref (proxy->loop);
  g_main_context_unref (proxy->context);
  g_mutex_clear (&proxy->lock);
  g_cond_clear (&proxy->ready);
  g_free (proxy->url);
  g_free (proxy);
}
