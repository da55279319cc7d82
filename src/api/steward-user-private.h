/* steward-user-private.h
 *
 * A way for the JSON decoders to build users without the property
 * machinery: a directory decodes tens of thousands of them, and setting
 * sixteen properties through g_object_new() was a third of that time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-user.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;
  char      *iamid;
  char      *userid;
  char      *name;
  char      *email;
  char      *sql_user;
  char      *phone;
  char      *position;
  char      *organization;
  GStrv      permissions;       /* NULL: none */
  GStrv      group_permissions; /* NULL: none */
  gboolean   disabled;
  gboolean   system_generated;
  GDateTime *last_login;
  GDateTime *created_at;
  GDateTime *updated_at;
} StewardUserFields;

/* Takes every pointer out of FIELDS (leaving them NULL). */
StewardUser *steward_user_new_take_fields (StewardUserFields *fields);

G_END_DECLS
