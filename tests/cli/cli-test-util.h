/* cli-test-util.h
 *
 * Running the built stewardctl as a subprocess: its arguments, its
 * environment (the API key, the locale, the settings and keyring homes),
 * what is typed on its stdin, and what it printed and returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  int   status; /* the exit status, or 128 + the signal that ended it */
  char *out;
  char *err;
} CliResult;

void cli_result_free (CliResult *result);

/* Where and how to run stewardctl. The environment is the test's own with
 * STEWARD_API_KEY removed, LC_ALL=C.UTF-8, and then @env applied. */
typedef struct
{
  GStrv env;   /* "NAME=VALUE" entries to set, or "NAME" to unset */
  char *input; /* what stdin holds; NULL: empty stdin */
} CliRun;

/* Runs stewardctl with the NULL-terminated arguments. */
CliResult *cli_run (const CliRun *run,
                    const char   *first_arg,
                    ...) G_GNUC_NULL_TERMINATED;
CliResult *cli_runv (const CliRun      *run,
                     const char *const *args);

/* Starts stewardctl with @args (its output discarded) and returns at
 * once, for a test that stops it midway. */
GSubprocess *cli_spawnv (const CliRun      *run,
                         const char *const *args);

/* Runs "stewardctl --server URL ARGS…" with STEWARD_API_KEY=@api_key and
 * @input on stdin (both may be NULL). */
CliResult *cli_run_server (StewardTestServer *server,
                           const char        *api_key,
                           const char        *input,
                           const char        *first_arg,
                           ...) G_GNUC_NULL_TERMINATED;

/* Asserts the exit status, printing the output when it differs. */
void cli_assert_status (CliResult *result,
                        int        expected);

/* Asserts a failure reported the promised way: exactly one line on stderr,
 * "stewardctl: …", and @expected_status. */
void cli_assert_failure (CliResult *result,
                         int        expected_status);

/* Parses stdout as JSON; asserts it is. */
JsonNode *cli_result_json (CliResult *result);

/* An http://127.0.0.1:PORT where nothing listens. */
char *cli_closed_port_url (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

G_END_DECLS
