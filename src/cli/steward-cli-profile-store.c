/* steward-cli-profile-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-profile-store.h"

#include <glib/gi18n-lib.h>

StewardProfiles *
steward_cli_open_profiles (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  /* g_settings_new() aborts on a missing schema; an uninstalled stewardctl
   * should say so instead. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("The settings schema %s is not installed, so there are no saved profiles; use --server"),
                   APP_ID);
      return NULL;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  return steward_profiles_new (settings);
}

StewardProfile *
steward_cli_find_profile (StewardProfiles *profiles,
                          const char      *name)
{
  g_autofree char *folded = NULL;
  guint            n_profiles;

  g_return_val_if_fail (STEWARD_IS_PROFILES (profiles), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  n_profiles = g_list_model_get_n_items (G_LIST_MODEL (profiles));
  for (guint i = 0; i < n_profiles; i++)
    {
      g_autoptr (StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (profiles), i);
      g_autofree char *other = g_utf8_casefold (steward_profile_get_name (profile), -1);

      if (g_str_equal (folded, other))
        return g_steal_pointer (&profile);
    }

  return NULL;
}

StewardProfile *
steward_cli_default_profile (StewardProfiles *profiles,
                             GError         **error)
{
  StewardProfile *active;
  guint           n_profiles;

  g_return_val_if_fail (STEWARD_IS_PROFILES (profiles), NULL);

  active = steward_profiles_get_active (profiles);
  if (active != NULL)
    return g_object_ref (active);

  n_profiles = g_list_model_get_n_items (G_LIST_MODEL (profiles));
  if (n_profiles == 1)
    return g_list_model_get_item (G_LIST_MODEL (profiles), 0);

  if (n_profiles == 0)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _ ("No server given: use --server URL, or save a profile with “stewardctl profiles add”"));
  else
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _ ("Several profiles are saved: choose one with --profile NAME"));

  return NULL;
}
