/* steward-test-proxy.h
 *
 * An HTTP proxy in front of a real steward-server, on its own thread (so a
 * test may block, running stewardctl, while it serves): it says when each
 * request arrives, before the server sees it, and can hold the writes
 * (every PUT, POST and DELETE but route 1) unanswered, as a slow server
 * would, so a client can be killed while one is in flight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-test-server.h"

G_BEGIN_DECLS

typedef struct _StewardTestProxy StewardTestProxy;

/* Called on the proxy's thread as a request arrives, before it is
 * forwarded (or held). */
typedef void (*StewardTestProxyArrivedFunc) (const char *method,
                                             const char *path,
                                             gpointer    user_data);

StewardTestProxy *steward_test_proxy_new (StewardTestServer          *server,
                                          StewardTestProxyArrivedFunc arrived,
                                          gpointer                    user_data);
/* "http://127.0.0.1:PORT" */
const char *steward_test_proxy_get_url (StewardTestProxy *proxy);
void        steward_test_proxy_set_hold_writes (StewardTestProxy *proxy,
                                                gboolean          hold);
/* How many writes are being held. */
guint steward_test_proxy_get_n_held (StewardTestProxy *proxy);
void  steward_test_proxy_free (StewardTestProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTestProxy, steward_test_proxy_free)

G_END_DECLS
