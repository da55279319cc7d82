/* steward-test-json.h
 *
 * Checked accessors for JSON replies: each asserts that the member exists and
 * has the expected type, and prints the object when it does not, so a test
 * failure says what the server really sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *steward_test_json_parse (const char *text);
char     *steward_test_json_to_string (JsonNode *node);

JsonObject *steward_test_json_object (JsonNode *node);
JsonArray  *steward_test_json_array (JsonNode *node);

const char *steward_test_json_get_string (JsonObject *object,
                                          const char *member);
/* The member must exist; returns NULL when it is JSON null. */
const char *steward_test_json_get_nullable_string (JsonObject *object,
                                                   const char *member);
gint64      steward_test_json_get_int (JsonObject *object,
                                       const char *member);
gboolean    steward_test_json_get_bool (JsonObject *object,
                                        const char *member);
JsonObject *steward_test_json_get_object (JsonObject *object,
                                          const char *member);
JsonArray  *steward_test_json_get_array (JsonObject *object,
                                         const char *member);

/* The elements of @array, which must all be strings. */
char **steward_test_json_array_strv (JsonArray *array);

/* At most @max_bytes of @text, with newlines, control characters and
 * non-ASCII bytes escaped: safe for g_test_message() in TAP output. */
char *steward_test_printable (const char *text,
                              gsize       max_bytes);

/* Every string in the tree under @node, member names included. */
GPtrArray *steward_test_json_collect_strings (JsonNode *node);

G_END_DECLS
