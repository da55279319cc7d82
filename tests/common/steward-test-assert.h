/* steward-test-assert.h
 *
 * Assertions for the shapes API.md promises: error replies, aggregated
 * users, audit records and timestamps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* ISO-8601 UTC with milliseconds: 2026-11-27T16:27:33.395Z */
void steward_test_assert_timestamp (const char *text);

/* A calendar day: 2026-11-27 */
void steward_test_assert_date (const char *text);

/* @status is what the server answered; the body must be the error object
 * {"statusCode","error","message"} for @expected_status. */
void steward_test_assert_error (JsonNode *reply,
                                guint     status,
                                guint     expected_status);

/* A 400 for the malformed JSON @sent_text whose message carries what
 * json-glib says about @sent_text (the location prefix may differ). */
void steward_test_assert_parse_error (JsonNode   *reply,
                                      guint       status,
                                      const char *sent_text);

/* The error reply may carry a "validation" list (API.md says "may"); when it
 * does, it must name @field with @code (any code when @code is NULL). */
void steward_test_assert_validation (JsonNode   *reply,
                                     const char *field,
                                     const char *code);

/* Every field of the aggregated user, with its type; permissions sorted. */
void steward_test_assert_user (JsonNode *user);

/* An audit record's fields and types; returns its object. */
JsonObject *steward_test_assert_audit_record (JsonNode *record);

/* Permissions of an aggregated user, which must equal @expected (sorted). */
void steward_test_assert_permissions (JsonNode          *user,
                                      const char *const *expected);

/* The hit of a list reply whose "userid" is @userid in @iamid, or NULL. */
JsonObject *steward_test_find_user (JsonNode   *list_reply,
                                    const char *iamid,
                                    const char *userid);

G_END_DECLS
