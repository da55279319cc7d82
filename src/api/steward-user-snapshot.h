/* steward-user-snapshot.h
 *
 * A user written down before a permanent delete: identity, profile and
 * permissions as JSON, so an administrator can re-create the account by
 * hand. Never any key, token or password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-user.h"

G_BEGIN_DECLS

/* Pretty-printed JSON; @saved_at is recorded as "savedAt". */
char *steward_user_snapshot_to_json (StewardUser *user,
                                     GDateTime   *saved_at);

/* "user-ann-example.com-2026-11-28.json": safe as a file name. */
char *steward_user_snapshot_file_name (StewardUser *user,
                                       GDateTime   *saved_at);

G_END_DECLS
