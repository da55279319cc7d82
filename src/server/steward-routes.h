/* steward-routes.h
 *
 * One handler per route of API.md. A handler runs inside the request's
 * transaction with the caller authenticated as its route demands, and
 * leaves a reply (or an error) on the request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-request.h"

G_BEGIN_DECLS

typedef void (*StewardRouteHandler) (StewardRequest *request);

/* Shared by the handlers (steward-routes-users.c) */
StewardStoreUser *steward_route_find_target (StewardRequest *request);
gboolean          steward_route_is_self (StewardRequest         *request,
                                         const StewardStoreUser *user);
void              steward_route_reply_user (StewardRequest *request,
                                            gint64          user_id);
/* Replies 200 with USER, written directly (no JSON tree). */
void steward_route_send_user (StewardRequest         *request,
                              const StewardStoreUser *user);
/* g_ptr_array_sort() comparison for arrays of strings. */
int steward_compare_strings (gconstpointer a,
                             gconstpointer b);
/* Reads a JSON list of permission names into OUT_NAMES, sorted, without
 * duplicates and NULL-terminated; FALSE after replying 400. */
gboolean steward_route_read_permissions (StewardRequest *request,
                                         JsonNode       *node,
                                         const char     *field,
                                         GPtrArray      *out_names);

/* steward-routes-auth.c */
void steward_route_authenticate (StewardRequest *request);
void steward_route_current_user (StewardRequest *request);
void steward_route_create_api_key (StewardRequest *request);
void steward_route_revoke_api_key (StewardRequest *request);
void steward_route_connection_info (StewardRequest *request);

/* steward-routes-users.c */
void steward_route_list_users (StewardRequest *request);
void steward_route_create_user (StewardRequest *request);
void steward_route_get_user (StewardRequest *request);
void steward_route_update_profile (StewardRequest *request);

/* steward-routes-permissions.c */
void steward_route_set_permissions (StewardRequest *request);
void steward_route_add_permission (StewardRequest *request);
void steward_route_remove_permission (StewardRequest *request);
void steward_route_list_permissions (StewardRequest *request);

/* steward-routes-lifecycle.c */
void steward_route_set_disabled (StewardRequest *request);
void steward_route_delete_user (StewardRequest *request);
void steward_route_migrate_user (StewardRequest *request);

/* steward-routes-reports.c */
void steward_route_list_iams (StewardRequest *request);
void steward_route_list_audit (StewardRequest *request);
void steward_route_metrics (StewardRequest *request);
void steward_route_interactions (StewardRequest *request);

G_END_DECLS
