/* steward-secrets.h
 *
 * Random credentials and the one-way hashes the database keeps of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *steward_secret_new_api_key (void);
char    *steward_secret_new_token (void);
char    *steward_secret_hash (const char *secret);
char    *steward_secret_hash_password (const char *password);
gboolean steward_secret_check_password (const char *password,
                                        const char *stored_hash);

G_END_DECLS
