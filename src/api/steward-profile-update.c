/* steward-profile-update.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-profile-update.h"

struct _StewardProfileUpdate
{
  gboolean is_set[STEWARD_N_PROFILE_FIELDS];
  char    *values[STEWARD_N_PROFILE_FIELDS];
};

G_DEFINE_BOXED_TYPE (StewardProfileUpdate, steward_profile_update, steward_profile_update_copy, steward_profile_update_free)

static const char *const field_keys[STEWARD_N_PROFILE_FIELDS] = {
  [STEWARD_PROFILE_FIELD_NAME] = "name",
  [STEWARD_PROFILE_FIELD_EMAIL] = "email",
  [STEWARD_PROFILE_FIELD_SQL_USER] = "sqlUser",
  [STEWARD_PROFILE_FIELD_PHONE] = "phone",
  [STEWARD_PROFILE_FIELD_POSITION] = "position",
  [STEWARD_PROFILE_FIELD_ORGANIZATION] = "organization",
};

const char *
steward_profile_field_get_key (StewardProfileField field)
{
  g_return_val_if_fail (field < STEWARD_N_PROFILE_FIELDS, NULL);

  return field_keys[field];
}

StewardProfileUpdate *
steward_profile_update_new (void)
{
  return g_new0 (StewardProfileUpdate, 1);
}

StewardProfileUpdate *
steward_profile_update_copy (const StewardProfileUpdate *update)
{
  StewardProfileUpdate *copy;

  g_return_val_if_fail (update != NULL, NULL);

  copy = steward_profile_update_new ();
  for (guint i = 0; i < STEWARD_N_PROFILE_FIELDS; i++)
    {
      copy->is_set[i] = update->is_set[i];
      copy->values[i] = g_strdup (update->values[i]);
    }

  return copy;
}

void
steward_profile_update_free (StewardProfileUpdate *update)
{
  if (update == NULL)
    return;

  for (guint i = 0; i < STEWARD_N_PROFILE_FIELDS; i++)
    g_free (update->values[i]);
  g_free (update);
}

/* @value NULL clears the field on the server. */
void
steward_profile_update_set (StewardProfileUpdate *update,
                            StewardProfileField   field,
                            const char           *value)
{
  g_return_if_fail (update != NULL);
  g_return_if_fail (field < STEWARD_N_PROFILE_FIELDS);

  g_free (update->values[field]);
  update->values[field] = g_strdup (value);
  update->is_set[field] = TRUE;
}

gboolean
steward_profile_update_is_empty (const StewardProfileUpdate *update)
{
  g_return_val_if_fail (update != NULL, TRUE);

  for (guint i = 0; i < STEWARD_N_PROFILE_FIELDS; i++)
    {
      if (update->is_set[i])
        return FALSE;
    }

  return TRUE;
}

JsonNode *
steward_profile_update_to_json (const StewardProfileUpdate *update)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (update != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < STEWARD_N_PROFILE_FIELDS; i++)
    {
      if (!update->is_set[i])
        continue;

      json_builder_set_member_name (builder, field_keys[i]);
      if (update->values[i] != NULL)
        json_builder_add_string_value (builder, update->values[i]);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
