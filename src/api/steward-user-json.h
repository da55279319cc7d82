/* steward-user-json.h
 *
 * A StewardUser as the aggregated user of API.md (field names, nulls and
 * timestamps as servers send them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-user.h"

G_BEGIN_DECLS

JsonNode *steward_user_to_json (StewardUser *user);
/* Adds the user as the next value of @builder (an object). */
void steward_user_add_json (StewardUser *user,
                            JsonBuilder *builder);

/* Members of the object @builder is in: a string or null, a timestamp
 * (see below) or null, an array of strings. */
void steward_json_set_string (JsonBuilder *builder,
                              const char  *member,
                              const char  *value);
void steward_json_set_time (JsonBuilder *builder,
                            const char  *member,
                            GDateTime   *time);
void steward_json_set_strings (JsonBuilder       *builder,
                               const char        *member,
                               const char *const *strings);

/* API.md's timestamp form: UTC with milliseconds, "2026-11-27T16:27:33.395Z". */
char *steward_json_format_time (GDateTime *time);

G_END_DECLS
