/* steward-cli-json.h
 *
 * `--json` output: the model objects the API layer returns, written back in
 * the shapes of API.md (the aggregated user, {"hits", "count"} for lists,
 * the IAM and permission arrays, audit records), so scripts read the same
 * JSON the server speaks. Members the server sent but the model does not
 * keep (profile timestamps, undocumented extras) are not reproduced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-client.h"

G_BEGIN_DECLS

JsonNode *steward_cli_json_user (StewardUser *user);

/* {"hits": [user…], "count": @count} from a list of StewardUser. */
JsonNode *steward_cli_json_user_list (GListModel *users,
                                      guint64     count);

/* [{"id", "displayName", "type", "oauth"}…] */
JsonNode *steward_cli_json_iams (GListModel *iams);

/* [{"name", "description", "builtin"}…] */
JsonNode *steward_cli_json_permissions (GListModel *permissions);

/* {"hits": [record…], "count": @count} from a list of StewardAuditRecord. */
JsonNode *steward_cli_json_audit_list (GListModel *records,
                                       guint64     count);

/* Route 11's reply: {"deleted": true, "id": @id}. */
JsonNode *steward_cli_json_deleted (gint64 id);

/* API.md's timestamp form, "2026-11-27T16:27:33.395Z"; NULL for NULL. */
char *steward_cli_json_format_time (GDateTime *time);

/* @node pretty-printed, followed by a newline. */
char *steward_cli_json_to_string (JsonNode *node);

/* Writes steward_cli_json_to_string (@node) to stdout. */
void steward_cli_json_print (JsonNode *node);

G_END_DECLS
