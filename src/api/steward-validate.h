/* steward-validate.h
 *
 * Input rules shared by the server, which enforces them, and the clients,
 * which check them before sending so a person learns early.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_NAME_MAX_CHARS 200
#define STEWARD_EMAIL_MAX_CHARS 254
#define STEWARD_FIELD_MAX_CHARS 1000

gboolean steward_email_is_valid (const char *email);
gboolean steward_full_name_is_valid (const char *name);
gboolean steward_sql_user_is_valid (const char *sql_user);
gboolean steward_iam_id_is_valid (const char *iamid);

G_END_DECLS
