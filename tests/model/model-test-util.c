/* model-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"

#include "steward-test-keyring.h"

#include "steward-test-http.h"
#include "steward-test-json.h"

#define WAIT_SECONDS 30

void
model_test_init (int    *argc,
                 char ***argv)
{
  /* Before anything creates a GSettings: the schema of this build, not an
   * installed one. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", STEWARD_SCHEMA_DIR, TRUE);
  g_test_init (argc, argv, NULL);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
model_test_wait_until (ModelTestPredicate predicate,
                       gpointer           user_data)
{
  gboolean timed_out = FALSE;
  guint    timeout_id = g_timeout_add_seconds (WAIT_SECONDS, set_flag_cb, &timed_out);

  while (!predicate (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %d seconds for something that never happened", WAIT_SECONDS);

  g_source_remove (timeout_id);
}

void
model_test_store_result_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
slot_is_set (gpointer user_data)
{
  GAsyncResult **slot = user_data;

  return *slot != NULL;
}

GAsyncResult *
model_test_wait_result (GAsyncResult **slot)
{
  model_test_wait_until (slot_is_set, slot);
  return *slot;
}

void
model_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

StewardClient *
model_test_admin_client (StewardTestServer *server)
{
  return steward_client_new (server->base_url, server->admin_api_key);
}

JsonNode *
model_test_get (StewardTestServer *server,
                const char        *path)
{
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);

  return steward_test_http_expect (server, "GET", path, token, NULL, 200);
}

guint
model_test_reply_count (JsonNode *reply)
{
  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

char **
model_test_reply_userids (JsonNode *reply)
{
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));

      g_strv_builder_add (builder, steward_test_json_get_string (hit, "userid"));
    }

  return g_strv_builder_end (builder);
}

char *
model_test_unused_url (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port;

  /* A port the kernel just handed out and that is closed again at once. */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_listener_close (listener);

  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

gboolean
model_test_require_keyring (void)
{
  return steward_test_require_keyring ();
}
