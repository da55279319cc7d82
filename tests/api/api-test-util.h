/* api-test-util.h
 *
 * What the api tests share: waiting for async results on the main context,
 * fake servers for the failures a real server does not produce on demand,
 * and JSON in a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Stores the result in the GAsyncResult ** given as user data. */
void api_test_store_result_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data);

/* Spins the thread-default main context until *@slot is set, failing the
 * test after a minute, and returns it (owned by the slot). */
GAsyncResult *api_test_wait (GAsyncResult **slot);

/* Spins the main context for @milliseconds. */
void api_test_spin (guint milliseconds);

JsonNode *api_test_parse (const char *json);

/* A SoupServer on 127.0.0.1, an ephemeral port; @certificate makes it
 * HTTPS. Returns the base URL in @url. */
SoupServer *api_test_soup_server_new (GTlsCertificate *certificate,
                                      char           **url);
void        api_test_soup_server_free (SoupServer *server);

void api_test_reply_json (SoupServerMessage *message,
                          guint              status,
                          const char        *json);

/* The error body of API.md for @status with @message. */
void api_test_reply_error (SoupServerMessage *message,
                           guint              status,
                           const char        *message_text);

/* A TCP listener on 127.0.0.1 that answers every connection with @reply
 * (raw bytes, status line and all) after reading the request headers, then
 * closes it; @reply NULL never answers and keeps the connection open. */
GSocketService *api_test_raw_server_new (const char *reply,
                                         char      **url);
void            api_test_raw_server_free (GSocketService *service);

/* The requests answered so far, as received (headers and body). */
GPtrArray *api_test_raw_server_get_requests (GSocketService *service);

/* An address on 127.0.0.1 where nothing listens. */
char *api_test_unused_url (void);

G_END_DECLS
