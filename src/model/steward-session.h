/* steward-session.h
 *
 * One connected server profile: the StewardClient that talks to it, the
 * person signed in (route 2), what they may do, and the server's identity
 * managers and permission catalogue. The UI enables actions from
 * "can-manage-users" and "can-read-audit" and fills its choosers from
 * "iams" and "permissions".
 *
 * steward_session_reload_async() reads everything again into the same
 * objects, so bindings stay and notify says what changed (after a person
 * removes their own USER_ADMIN, for instance).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"
#include "steward-profile.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SESSION (steward_session_get_type ())

G_DECLARE_FINAL_TYPE (StewardSession, steward_session, STEWARD, SESSION, GObject)

/* The recorder every session connected from now on gives its client, so
 * each write is journaled under the profile's name (the application sets
 * its change journal once). NULL: none. */
void steward_session_set_default_recorder (StewardChangeRecorder *recorder);

/* Exchanges @api_key for a token at @profile's server (trusting its pinned
 * certificate, if it has one), then loads the current user, the IAMs and
 * the permission catalogue. Fails with the first StewardApiError. */
void            steward_session_connect_async (StewardProfile     *profile,
                                               const char         *api_key,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
StewardSession *steward_session_connect_finish (GAsyncResult *result,
                                                GError      **error);

void     steward_session_reload_async (StewardSession     *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean steward_session_reload_finish (StewardSession *self,
                                        GAsyncResult   *result,
                                        GError        **error);

StewardProfile *steward_session_get_profile (StewardSession *self);
StewardClient  *steward_session_get_client (StewardSession *self);
StewardUser    *steward_session_get_current_user (StewardSession *self);
/* USER_ADMIN: create, change, disable, migrate and delete users. */
gboolean steward_session_get_can_manage_users (StewardSession *self);
/* AUDIT or USER_ADMIN: read the audit log (route 17). */
gboolean steward_session_get_can_read_audit (StewardSession *self);
/* A list model of StewardIam. */
GListModel *steward_session_get_iams (StewardSession *self);
/* A list model of StewardPermissionInfo. */
GListModel *steward_session_get_permissions (StewardSession *self);

G_END_DECLS
