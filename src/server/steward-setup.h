/* steward-setup.h
 *
 * What steward-server does before it serves: identity managers, the first
 * administrator and its key file, demo data, and keys issued by operators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_FIRST_ADMIN_USERID "admin@localhost"
#define STEWARD_ADMIN_KEY_FILE "admin-api-key"
#define STEWARD_DATABASE_FILE "steward.db"

/* IAM_SPECS are "ID:DISPLAY_NAME" strings. */
gboolean steward_setup_iams (StewardStore      *store,
                             const char *const *iam_specs,
                             GError           **error);

/* On an empty directory: creates the first administrator and writes its
 * key to DATA_DIR/admin-api-key (0600). Returns the key in OUT_KEY, or
 * NULL there when users already existed. */
gboolean steward_setup_first_admin (StewardStore *store,
                                    const char   *data_dir,
                                    char        **out_key,
                                    GError      **error);

/* USER is a bim userid or "iamid:userid". */
char *steward_setup_issue_api_key (StewardStore *store,
                                   const char   *user,
                                   GError      **error);

G_END_DECLS
