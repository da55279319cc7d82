/* steward-test-http.h
 *
 * Blocking HTTP helpers for tests that talk to a steward-server subprocess.
 * Each thread gets its own SoupSession, so a test may also send requests
 * from a worker thread (the crash test does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-test-server.h"

G_BEGIN_DECLS

/* Sends one request to @path (which may carry a query string) and returns
 * the reply body. @authorization is the whole Authorization header value or
 * NULL; @body may be NULL. Returns NULL with @error set only when no reply
 * arrived at all (connection refused or reset, timeout). */
GBytes *steward_test_http_send (StewardTestServer *server,
                                const char        *method,
                                const char        *path,
                                const char        *authorization,
                                const char        *content_type,
                                GBytes            *body,
                                guint             *out_status,
                                GError           **error);

/* Writes @request (a whole HTTP/1.1 request, as bytes) to the server over a
 * plain socket, for requests a well-behaved HTTP library refuses to make
 * (invalid percent-encoding, for one). Returns the reply body and sets
 * @out_status from the status line (0 when the server closed without a
 * reply). Send "Connection: close" so the reply ends with the connection. */
char *steward_test_http_send_verbatim (StewardTestServer *server,
                                       const char        *request,
                                       guint             *out_status);

/* Sends @json_body (NULL for none) with "Authorization: Bearer @token" (none
 * when @token is NULL) and returns the parsed reply. Asserts that a reply
 * arrived, that it is JSON and is labelled application/json. */
JsonNode *steward_test_http_request (StewardTestServer *server,
                                     const char        *method,
                                     const char        *path,
                                     const char        *token,
                                     const char        *json_body,
                                     guint             *out_status);

/* The same with a JSON tree as the body. */
JsonNode *steward_test_http_request_node (StewardTestServer *server,
                                          const char        *method,
                                          const char        *path,
                                          const char        *token,
                                          JsonNode          *body,
                                          guint             *out_status);

/* The same with the Authorization header given verbatim (NULL for none). */
JsonNode *steward_test_http_request_with_header (StewardTestServer *server,
                                                 const char        *method,
                                                 const char        *path,
                                                 const char        *authorization,
                                                 const char        *json_body,
                                                 guint             *out_status);

/* Exchanges @apikey for a token (route 1); asserts it succeeds. */
char *steward_test_http_authenticate (StewardTestServer *server,
                                      const char        *apikey);

/* Sends like steward_test_http_request() and asserts the status is
 * @expected_status (printing the reply when it is not); for 4xx and 5xx it
 * also asserts the error-object shape. */
JsonNode *steward_test_http_expect (StewardTestServer *server,
                                    const char        *method,
                                    const char        *path,
                                    const char        *token,
                                    const char        *json_body,
                                    guint              expected_status);

/* The route 5 body {"userid": @email, "profile": {"name", "email"},
 * "permissions"?} with any strings, hostile ones included. */
char *steward_test_http_user_body (const char        *name,
                                   const char        *email,
                                   const char *const *permissions);

/* Creates a bim user (route 5) whose userid is @email; @permissions NULL
 * means the server's defaults. Asserts status 200 and returns "newUser". */
JsonNode *steward_test_http_create_user (StewardTestServer *server,
                                         const char        *token,
                                         const char        *name,
                                         const char        *email,
                                         const char *const *permissions);

/* "/bim/iam/IAMID/user/USERID" followed by @suffix (may be NULL), with both
 * segments percent-encoded as clients do it ('@' becomes "%40"). */
char *steward_test_http_user_path (const char *iamid,
                                   const char *userid,
                                   const char *suffix);

/* Percent-encodes @text for use as a path segment or query value. */
char *steward_test_http_escape (const char *text);

G_END_DECLS
