/* steward-json-private.h
 *
 * Lenient and defensive readers for the members of a JSON object, shared by
 * the decoders. Lenient: an absent member or a null reads as the empty value
 * (NULL, 0, FALSE) and unknown members are never looked at. Defensive: a
 * member of the wrong type is a MALFORMED_REPLY error naming the member,
 * never a crash or a silent zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-user-json.h"

G_BEGIN_DECLS

JsonObject *steward_json_expect_object (JsonNode   *node,
                                        const char *what,
                                        GError    **error);
JsonArray  *steward_json_expect_array (JsonNode   *node,
                                       const char *what,
                                       GError    **error);

gboolean steward_json_read_string (JsonObject *object,
                                   const char *member,
                                   char      **out,
                                   GError    **error);
gboolean steward_json_read_int (JsonObject *object,
                                const char *member,
                                gint64     *out,
                                GError    **error);
gboolean steward_json_read_boolean (JsonObject *object,
                                    const char *member,
                                    gboolean   *out,
                                    GError    **error);
gboolean steward_json_read_strv (JsonObject *object,
                                 const char *member,
                                 GStrv      *out,
                                 GError    **error);
gboolean steward_json_read_date_time (JsonObject *object,
                                      const char *member,
                                      GDateTime **out,
                                      GError    **error);
/* @out is borrowed from @object, NULL when absent or null. */
gboolean steward_json_read_object (JsonObject  *object,
                                   const char  *member,
                                   JsonObject **out,
                                   GError     **error);
gboolean steward_json_read_array (JsonObject *object,
                                  const char *member,
                                  JsonArray **out,
                                  GError    **error);

/* steward_json_format_time() is public, in steward-user-json.h. */

/* Parses a reply body. An empty body parses to NULL without an error. */
JsonNode *steward_json_parse_bytes (GBytes  *bytes,
                                    GError **error);

G_END_DECLS
