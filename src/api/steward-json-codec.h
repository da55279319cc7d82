/* steward-json-codec.h
 *
 * JSON replies of API.md → model objects. Pure functions, no I/O: the client
 * feeds them what the server sent, the fuzz target feeds them anything.
 * Every decoder either returns a new object or sets a MALFORMED_REPLY error
 * in STEWARD_API_ERROR; none of them crashes on a node of the wrong shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "steward-api-error.h"
#include "steward-api-key.h"
#include "steward-audit-record.h"
#include "steward-connection-info.h"
#include "steward-metrics.h"
#include "steward-page-result.h"
#include "steward-user.h"

G_BEGIN_DECLS

/* {"statusCode", "error", "message", "validation": [{"field", "code"}]}.
 * Returns whether @node has that shape; the out strings are NULL where the
 * body says nothing. Never fails. */
gboolean steward_json_decode_error_body (JsonNode *node,
                                         char    **message,
                                         char    **field,
                                         char    **field_code);

/* Route 1: the token of {"authenticated": true, "token"}. */
char *steward_json_decode_token (JsonNode *node,
                                 GError  **error);

/* The aggregated user (routes 2, 6, 8, 9, 10, 13, 14). */
StewardUser *steward_json_decode_user (JsonNode *node,
                                       GError  **error);

/* Route 5: the "newUser" of the reply. */
StewardUser *steward_json_decode_new_user (JsonNode *node,
                                           GError  **error);

/* Route 4: {"hits": [user…], "count"}, items of StewardUser. */
StewardPageResult *steward_json_decode_user_page (JsonNode *node,
                                                  GError  **error);

/* Route 3: a list model of StewardIam. */
GListModel *steward_json_decode_iams (JsonNode *node,
                                      GError  **error);

/* Route 12: a list model of StewardPermissionInfo. */
GListModel *steward_json_decode_permissions (JsonNode *node,
                                             GError  **error);

/* Route 15. */
StewardMetrics *steward_json_decode_metrics (JsonNode *node,
                                             GError  **error);

StewardAuditRecord *steward_json_decode_audit_record (JsonNode *node,
                                                      GError  **error);

/* Route 17: {"hits": [record…], "count"}, items of StewardAuditRecord. */
StewardPageResult *steward_json_decode_audit_page (JsonNode *node,
                                                   GError  **error);

StewardConnectionInfo *steward_json_decode_connection_info (JsonNode *node,
                                                            GError  **error);

/* Route 18, POST. */
StewardApiKey *steward_json_decode_api_key (JsonNode *node,
                                            GError  **error);

/* A whole number member of an object reply, such as "accepted" (route 16)
 * or "revokedTokens" (route 18, DELETE); 0 when absent. */
gboolean steward_json_decode_count (JsonNode   *node,
                                    const char *member,
                                    guint64    *count,
                                    GError    **error);

/* Route 11: {"deleted": true, "id"}; FALSE with an error unless "deleted"
 * is true. */
gboolean steward_json_decode_deleted (JsonNode *node,
                                      GError  **error);

G_END_DECLS
