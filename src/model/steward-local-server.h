/* steward-local-server.h
 *
 * The steward-server the application starts on 127.0.0.1 when no remote
 * server is configured: its data under $XDG_DATA_HOME/steward/local, seeded
 * with demo users on first start, stopped with SIGTERM when this object goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_LOCAL_SERVER_DEMO_USERS 500

#define STEWARD_TYPE_LOCAL_SERVER (steward_local_server_get_type ())

G_DECLARE_FINAL_TYPE (StewardLocalServer, steward_local_server, STEWARD, LOCAL_SERVER, GObject)

/* @bindir is where the application is installed: its steward-server is
 * used unless $STEWARD_SERVER names another; PATH is the last resort.
 * @data_dir NULL means $XDG_DATA_HOME/steward/local. */
StewardLocalServer *steward_local_server_new (const char *bindir,
                                              const char *data_dir);

const char *steward_local_server_get_data_dir (StewardLocalServer *self);
/* NULL until started. */
const char *steward_local_server_get_url (StewardLocalServer *self);
gboolean    steward_local_server_get_running (StewardLocalServer *self);

/* How long start may take before it fails with G_IO_ERROR_TIMED_OUT. */
void steward_local_server_set_timeout (StewardLocalServer *self,
                                       guint               seconds);

/* Starts the server and waits for its "Listening on URL" line. Fails with
 * G_IO_ERROR_NOT_FOUND when there is no steward-server, G_IO_ERROR_FAILED
 * when it exits early, G_IO_ERROR_TIMED_OUT when it says nothing in time. */
void steward_local_server_start_async (StewardLocalServer *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
/* On success the server's URL and its administrator's API key. */
gboolean steward_local_server_start_finish (StewardLocalServer *self,
                                            GAsyncResult       *result,
                                            char              **out_url,
                                            char              **out_api_key,
                                            GError            **error);

/* Sends SIGTERM; the server finishes its requests and closes its database. */
void steward_local_server_stop (StewardLocalServer *self);

G_END_DECLS
