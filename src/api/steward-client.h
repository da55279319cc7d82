/* steward-client.h
 *
 * One server, one API key, one SoupSession: every route of API.md as an
 * async/finish pair returning model objects, or a GError in
 * STEWARD_API_ERROR (G_IO_ERROR_CANCELLED when the caller cancelled).
 *
 * The client exchanges the key for a token on first use, sends it as
 * "Authorization: Bearer", and on a 401 exchanges the key once more and
 * repeats the request once. Calls made while an exchange is under way wait
 * for that one exchange. Tokens live only in memory.
 *
 * Extensions (routes 12 to 16) are tried and, when the server lacks them,
 * replaced by the fallbacks API.md gives; the client remembers what it
 * learnt (steward_client_get_extension_support()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-api-error.h"
#include "steward-api-key.h"
#include "steward-audit-query.h"
#include "steward-audit-record.h"
#include "steward-change-recorder.h"
#include "steward-connection-info.h"
#include "steward-iam.h"
#include "steward-metrics.h"
#include "steward-page-result.h"
#include "steward-permission-info.h"
#include "steward-profile-update.h"
#include "steward-user-query.h"
#include "steward-user.h"

G_BEGIN_DECLS

#define STEWARD_DEFAULT_CONNECT_TIMEOUT 10
#define STEWARD_DEFAULT_REQUEST_TIMEOUT 30

/* The extension routes of API.md. */
typedef enum
{
  STEWARD_EXTENSION_PERMISSION_LIST, /* route 12 */
  STEWARD_EXTENSION_ADD_PERMISSION,  /* route 13 */
  STEWARD_EXTENSION_MIGRATE,         /* route 14 */
  STEWARD_EXTENSION_METRICS,         /* route 15 */
  STEWARD_EXTENSION_INTERACTIONS,    /* route 16 */
} StewardExtension;

#define STEWARD_N_EXTENSIONS (STEWARD_EXTENSION_INTERACTIONS + 1)

typedef enum
{
  STEWARD_EXTENSION_SUPPORT_UNKNOWN, /* not tried yet */
  STEWARD_EXTENSION_SUPPORT_PRESENT,
  STEWARD_EXTENSION_SUPPORT_MISSING,
} StewardExtensionSupport;

#define STEWARD_TYPE_CLIENT (steward_client_get_type ())

G_DECLARE_FINAL_TYPE (StewardClient, steward_client, STEWARD, CLIENT, GObject)

StewardClient *steward_client_new (const char *base_url,
                                   const char *api_key);

const char             *steward_client_get_base_url (StewardClient *self);
void                    steward_client_set_api_key (StewardClient *self,
                                                    const char    *api_key);
guint                   steward_client_get_connect_timeout (StewardClient *self);
void                    steward_client_set_connect_timeout (StewardClient *self,
                                                            guint          seconds);
guint                   steward_client_get_request_timeout (StewardClient *self);
void                    steward_client_set_request_timeout (StewardClient *self,
                                                            guint          seconds);
GTlsCertificate        *steward_client_get_pinned_certificate (StewardClient *self);
void                    steward_client_set_pinned_certificate (StewardClient   *self,
                                                               GTlsCertificate *certificate);
StewardExtensionSupport steward_client_get_extension_support (StewardClient   *self,
                                                              StewardExtension extension);

/* Every write from now on (create, permissions, disable, enable, migrate,
 * delete, profile) is recorded by @recorder before it is sent and
 * completed with the answer; @server_name (the profile's name; NULL: the
 * host) says in the journal which server it went to. NULL stops. */
void                   steward_client_set_recorder (StewardClient         *self,
                                                    StewardChangeRecorder *recorder,
                                                    const char            *server_name);
StewardChangeRecorder *steward_client_get_recorder (StewardClient *self);

/* Route 1: exchanges the key for a fresh token (also what "Test
 * Connection" does). Other calls authenticate by themselves. */
void     steward_client_authenticate_async (StewardClient      *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean steward_client_authenticate_finish (StewardClient *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* Route 2. */
void         steward_client_get_current_user_async (StewardClient      *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
StewardUser *steward_client_get_current_user_finish (StewardClient *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);

/* Route 3: a list model of StewardIam. */
void        steward_client_list_iams_async (StewardClient      *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GListModel *steward_client_list_iams_finish (StewardClient *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* Route 4: a page of StewardUser. @query NULL is the first page. */
void               steward_client_list_users_async (StewardClient          *self,
                                                    const StewardUserQuery *query,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
StewardPageResult *steward_client_list_users_finish (StewardClient *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);

/* Route 5: a "bim" user whose userid is @email. @permissions NULL gives the
 * server's defaults; @password may be NULL. */
void         steward_client_create_user_async (StewardClient      *self,
                                               const char         *email,
                                               const char         *name,
                                               const char *const  *permissions,
                                               const char         *password,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
StewardUser *steward_client_create_user_finish (StewardClient *self,
                                                GAsyncResult  *result,
                                                GError       **error);

/* Route 6. */
void         steward_client_get_user_async (StewardClient      *self,
                                            const char         *iamid,
                                            const char         *userid,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
StewardUser *steward_client_get_user_finish (StewardClient *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* Route 7, then route 6 so the caller gets the whole user back. */
void         steward_client_update_profile_async (StewardClient              *self,
                                                  const char                 *iamid,
                                                  const char                 *userid,
                                                  const StewardProfileUpdate *update,
                                                  GCancellable               *cancellable,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
StewardUser *steward_client_update_profile_finish (StewardClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Route 8: replaces the whole set. */
void         steward_client_set_permissions_async (StewardClient      *self,
                                                   const char         *iamid,
                                                   const char         *userid,
                                                   const char *const  *permissions,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
StewardUser *steward_client_set_permissions_finish (StewardClient *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

/* Route 9. */
void         steward_client_remove_permission_async (StewardClient      *self,
                                                     const char         *iamid,
                                                     const char         *userid,
                                                     const char         *permission,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
StewardUser *steward_client_remove_permission_finish (StewardClient *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);

/* Route 13, or read, add and route 8 without it. The fallback reads the
 * user twice and fails with CONFLICT when the permissions changed between
 * the reads, rather than overwrite someone else's change. */
void         steward_client_add_permission_async (StewardClient      *self,
                                                  const char         *iamid,
                                                  const char         *userid,
                                                  const char         *permission,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
StewardUser *steward_client_add_permission_finish (StewardClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Route 10. */
void         steward_client_set_disabled_async (StewardClient      *self,
                                                const char         *iamid,
                                                const char         *userid,
                                                gboolean            disabled,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
StewardUser *steward_client_set_disabled_finish (StewardClient *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* Route 11: permanent. */
void     steward_client_delete_user_async (StewardClient      *self,
                                           const char         *iamid,
                                           const char         *userid,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean steward_client_delete_user_finish (StewardClient *self,
                                            GAsyncResult  *result,
                                            GError       **error);

/* Route 12, or the built-in catalogue without it: a list model of
 * StewardPermissionInfo. */
void        steward_client_list_permissions_async (StewardClient      *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
GListModel *steward_client_list_permissions_finish (StewardClient *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

/* Route 14; UNSUPPORTED on servers without it. */
void         steward_client_migrate_user_async (StewardClient      *self,
                                                const char         *iamid,
                                                const char         *userid,
                                                const char         *target_iamid,
                                                const char         *target_userid,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
StewardUser *steward_client_migrate_user_finish (StewardClient *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* Route 15 for the last @days days (1 to 365), or totals and user creations
 * computed from route 4 without it (the metrics then carry a note). */
void            steward_client_get_metrics_async (StewardClient      *self,
                                                  guint               days,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
StewardMetrics *steward_client_get_metrics_finish (StewardClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Route 16: @counts maps control names to GUINT_TO_POINTER (count). Only
 * for people who opted in. UNSUPPORTED on servers without it. */
void     steward_client_post_interactions_async (StewardClient      *self,
                                                 GHashTable         *counts,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean steward_client_post_interactions_finish (StewardClient *self,
                                                  GAsyncResult  *result,
                                                  guint64       *accepted,
                                                  GError       **error);

/* Route 17: a page of StewardAuditRecord. @query NULL is the first page. */
void               steward_client_list_audit_async (StewardClient           *self,
                                                    const StewardAuditQuery *query,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
StewardPageResult *steward_client_list_audit_finish (StewardClient *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);

/* Route 18. */
void           steward_client_create_api_key_async (StewardClient      *self,
                                                    const char         *name,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
StewardApiKey *steward_client_create_api_key_finish (StewardClient *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);
void           steward_client_revoke_api_key_async (StewardClient      *self,
                                                    const char         *key_id,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean       steward_client_revoke_api_key_finish (StewardClient *self,
                                                     GAsyncResult  *result,
                                                     guint64       *revoked_tokens,
                                                     GError       **error);

/* GET /dataSource/featureStore/connection. */
void                   steward_client_get_connection_info_async (StewardClient      *self,
                                                                 GCancellable       *cancellable,
                                                                 GAsyncReadyCallback callback,
                                                                 gpointer            user_data);
StewardConnectionInfo *steward_client_get_connection_info_finish (StewardClient *self,
                                                                  GAsyncResult  *result,
                                                                  GError       **error);

G_END_DECLS
