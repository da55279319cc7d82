/* steward-server-json.h
 *
 * The JSON shapes of API.md, built from what the store returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-store.h"

G_BEGIN_DECLS

JsonNode   *steward_json_node_take_object (JsonObject *object);
JsonNode   *steward_json_profile (const StewardStoreUser *user);
JsonNode   *steward_json_user (const StewardStoreUser *user);
JsonNode   *steward_json_audit_record (const StewardStoreAuditRecord *record);
JsonNode   *steward_json_list (JsonArray *hits,
                               gint64     count);
JsonObject *steward_json_principal (const char *iamid,
                                    const char *userid);
JsonArray  *steward_json_strings (GPtrArray *strings);
void        steward_json_set_time (JsonObject *object,
                                   const char *member,
                                   gint64      ms);

G_END_DECLS
