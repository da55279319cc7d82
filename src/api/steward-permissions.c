/* steward-permissions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-permissions.h"

/* The permissions every Immuta-style server knows, in the order the product
 * documentation lists them. */
static const StewardBuiltinPermission builtin_permissions[] = {
  { "APPLICATION_ADMIN", N_ ("Configure the server: identity managers, settings and system API keys") },
  { "USER_ADMIN", N_ ("Manage users and groups: create, change permissions, disable, migrate and permanently delete") },
  { "GOVERNANCE", N_ ("Write global policies and manage tags and purposes") },
  { "AUDIT", N_ ("Read the whole audit log") },
  { "CREATE_DATA_SOURCE", N_ ("Register data sources and own them") },
  { "CREATE_DATA_SOURCE_IN_PROJECT", N_ ("Create data sources inside projects only") },
  { "CREATE_PROJECT", N_ ("Create and own projects") },
  { "PROJECT_MANAGEMENT", N_ ("Approve purposes and manage the data sources of projects") },
  { "IMPERSONATE_USER", N_ ("Act as another user in a query-engine SQL session") },
  { "CREATE_FILTER", N_ ("Save search filters") },
  { "FETCH_POLICY_INFO", N_ ("Read policy information for integrations") },
};

const StewardBuiltinPermission *
steward_builtin_permissions (guint *n_permissions)
{
  g_return_val_if_fail (n_permissions != NULL, NULL);

  *n_permissions = G_N_ELEMENTS (builtin_permissions);
  return builtin_permissions;
}

/* Returns the untranslated description, or NULL for a custom permission. */
const char *
steward_builtin_permission_description (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_permissions); i++)
    {
      if (g_str_equal (builtin_permissions[i].name, name))
        return builtin_permissions[i].description;
    }

  return NULL;
}

/* Upper-snake names as API.md defines them: ^[A-Z][A-Z0-9_]{0,63}$ */
gboolean
steward_permission_name_is_valid (const char *name)
{
  gsize len;

  if (name == NULL || !g_ascii_isupper (name[0]))
    return FALSE;

  len = strlen (name);
  if (len > 64)
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      char c = name[i];

      if (!g_ascii_isupper (c) && !g_ascii_isdigit (c) && c != '_')
        return FALSE;
    }

  return TRUE;
}
