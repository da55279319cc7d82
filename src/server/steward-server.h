/* steward-server.h
 *
 * StewardServer serves the admin API of API.md over a SoupServer: it routes
 * each request, authenticates the caller, runs the route's handler inside
 * one database transaction and answers only after that transaction commits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-request.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SERVER (steward_server_get_type ())
G_DECLARE_FINAL_TYPE (StewardServer, steward_server, STEWARD, SERVER, GObject)

StewardServer *steward_server_new (StewardStore                *store,
                                   const StewardServerSettings *settings,
                                   GTlsCertificate             *certificate,
                                   GError                     **error);
gboolean       steward_server_listen (StewardServer  *self,
                                      GSocketAddress *address,
                                      GError        **error);
char          *steward_server_get_url (StewardServer *self);
void           steward_server_shutdown_async (StewardServer      *self,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean       steward_server_shutdown_finish (StewardServer *self,
                                               GAsyncResult  *result,
                                               GError       **error);

G_END_DECLS
