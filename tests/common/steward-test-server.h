/* steward-test-server.h
 *
 * One shared test environment: a real steward-server started as a
 * subprocess on 127.0.0.1 port 0 with a private data directory. Used by the
 * server, api, model, cli and ui suites.
 *
 * The server binary is found through the STEWARD_SERVER environment variable,
 * which tests/meson.build sets for every suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char        *data_dir;      /* removed by steward_test_server_free() unless kept */
  char        *base_url;      /* "http://127.0.0.1:PORT" without a trailing slash */
  char        *admin_api_key; /* contents of DATA_DIR/admin-api-key */
  guint16      port;
  gboolean     keep_data_dir; /* set to keep data_dir after free */
} StewardTestServer;

/* Starts steward-server with "--data-dir TMP --listen 127.0.0.1:0" followed
 * by the NULL-terminated extra arguments (e.g. "--demo", "50", NULL), waits
 * for its "Listening on" line and reads the admin key. Aborts the test on
 * failure. */
StewardTestServer *steward_test_server_start (const char *first_extra_arg,
                                              ...) G_GNUC_NULL_TERMINATED;

/* Same, on an existing data directory (for restart tests). The new server
 * also removes the directory when freed unless keep_data_dir is set, so set
 * keep_data_dir on the first server of a restart test. */
StewardTestServer *steward_test_server_start_in (const char *data_dir,
                                                 const char *first_extra_arg,
                                                 ...) G_GNUC_NULL_TERMINATED;

/* Sends SIGTERM and waits for a clean exit (asserts exit status 0). */
void steward_test_server_stop (StewardTestServer *server);

/* Sends @signal_number (SIGTERM, SIGINT) and waits for a clean exit within
 * ten seconds (asserts exit status 0). */
void steward_test_server_stop_with_signal (StewardTestServer *server,
                                           int                signal_number);

/* Sends SIGKILL and waits; the data directory is kept. */
void steward_test_server_kill (StewardTestServer *server);

/* Stops the server if it is still running, deletes the data directory unless
 * keep_data_dir was set, and frees. */
void steward_test_server_free (StewardTestServer *server);

/* Runs "steward-server --data-dir DIR --issue-api-key USERID" and returns
 * the printed key. */
char *steward_test_server_issue_api_key (StewardTestServer *server,
                                         const char        *userid);

/* Runs "steward-server --data-dir DIR" followed by the NULL-terminated
 * arguments, collects its stdout and stderr and returns its exit status
 * (128 + signal number if a signal ended it). */
int steward_test_server_run_tool (StewardTestServer *server,
                                  char             **out_stdout,
                                  char             **out_stderr,
                                  const char        *first_arg,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Everything the server printed on stdout so far, its "Listening on" line
 * included. Complete once the server has been stopped or killed. */
char *steward_test_server_dup_output (StewardTestServer *server);

/* Path of the steward-server binary (from STEWARD_SERVER). */
const char *steward_test_server_binary (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTestServer, steward_test_server_free)

G_END_DECLS
