/* steward-json-writer.h
 *
 * JSON written straight into a GString, for the replies the server sends
 * most (pages of users, one user): building a JsonNode tree and then
 * generating text from it cost more than the database queries behind a
 * page. The bytes are those json-glib's JsonGenerator would write for the
 * same tree (a test compares them), so clients see no difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-store.h"

G_BEGIN_DECLS

/* A JSON string in quotes, escaped as JsonGenerator escapes it; NULL
 * writes null. */
void steward_json_write_string (GString    *out,
                                const char *text);

/* An ISO-8601 time, or null for 0 ("never") and times out of range. */
void steward_json_write_time (GString *out,
                              gint64   ms);

/* A user's profile object (route 7's reply, and within the user). */
void steward_json_write_profile (GString                *out,
                                 const StewardStoreUser *user);

/* The user object of API.md (steward_json_user's shape). */
void steward_json_write_user (GString                *out,
                              const StewardStoreUser *user);

/* {"hits":[users...],"count":COUNT} */
void steward_json_write_user_list (GString   *out,
                                   GPtrArray *users,
                                   gint64     count);

G_END_DECLS
