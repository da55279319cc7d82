/* model-test-util.h
 *
 * What the model tests share: the settings schema built into the tree,
 * waiting on the main context, a client for a test server, the server's own
 * answer to compare a model against, and whether a keyring is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-client.h"
#include "steward-test-server.h"

G_BEGIN_DECLS

/* g_test_init() plus GSETTINGS_SCHEMA_DIR pointing at the compiled schema
 * of this build, so every test sees the schema under test. */
void model_test_init (int    *argc,
                      char ***argv);

typedef gboolean (*ModelTestPredicate) (gpointer user_data);

/* Spins the thread-default main context until @predicate holds, failing
 * the test after thirty seconds. */
void model_test_wait_until (ModelTestPredicate predicate,
                            gpointer           user_data);

/* Stores the result in the GAsyncResult ** given as user data. */
void model_test_store_result_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

/* Waits until *@slot is set and returns it (owned by the slot). */
GAsyncResult *model_test_wait_result (GAsyncResult **slot);

/* Spins the main context for @milliseconds. */
void model_test_spin (guint milliseconds);

StewardClient *model_test_admin_client (StewardTestServer *server);

/* GET @path as the administrator: the parsed reply, asserted 200. */
JsonNode *model_test_get (StewardTestServer *server,
                          const char        *path);

/* The "count" and the userids of the hits of a route 4 reply. */
guint  model_test_reply_count (JsonNode *reply);
char **model_test_reply_userids (JsonNode *reply);

/* "http://127.0.0.1:PORT" where nothing listens. */
char *model_test_unused_url (void);

/* TRUE when a Secret Service answers on the session bus. Otherwise skips
 * the test and returns FALSE, or fails it when STEWARD_REQUIRE_KEYRING=1. */
gboolean model_test_require_keyring (void);

G_END_DECLS
