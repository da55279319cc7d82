/* steward-permissions.h
 *
 * The built-in permission catalogue of API.md and the rules for permission
 * names. Shared by the server (route 12) and the client (its fallback when a
 * server has no route 12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  /* Untranslated (marked for extraction); translate where shown. */
  const char *description;
} StewardBuiltinPermission;

const StewardBuiltinPermission *steward_builtin_permissions (guint *n_permissions);
const char                     *steward_builtin_permission_description (const char *name);
gboolean                        steward_permission_name_is_valid (const char *name);

G_END_DECLS
