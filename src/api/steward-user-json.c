/* steward-user-json.c
 *
 * The aggregated user of API.md written back as JSON: what stewardctl
 * prints with --json and what Steward saves before a permanent delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-json.h"

void
steward_json_set_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
steward_json_set_time (JsonBuilder *builder,
                       const char  *member,
                       GDateTime   *time)
{
  g_autofree char *text = time != NULL ? steward_json_format_time (time) : NULL;

  steward_json_set_string (builder, member, text);
}

void
steward_json_set_strings (JsonBuilder       *builder,
                          const char        *member,
                          const char *const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

void
steward_user_add_json (StewardUser *user,
                       JsonBuilder *builder)
{
  g_return_if_fail (STEWARD_IS_USER (user));

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_user_get_id (user));
  steward_json_set_string (builder, "iamid", steward_user_get_iamid (user));
  steward_json_set_string (builder, "userid", steward_user_get_userid (user));

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_user_get_id (user));
  steward_json_set_string (builder, "name", steward_user_get_name (user));
  steward_json_set_string (builder, "email", steward_user_get_email (user));
  steward_json_set_string (builder, "sqlUser", steward_user_get_sql_user (user));
  steward_json_set_string (builder, "phone", steward_user_get_phone (user));
  steward_json_set_string (builder, "position", steward_user_get_position (user));
  steward_json_set_string (builder, "organization", steward_user_get_organization (user));
  json_builder_end_object (builder);

  steward_json_set_strings (builder, "permissions", steward_user_get_permissions (user));
  steward_json_set_strings (builder, "groupPermissions", steward_user_get_group_permissions (user));
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, steward_user_get_disabled (user));
  json_builder_set_member_name (builder, "systemGenerated");
  json_builder_add_boolean_value (builder, steward_user_get_system_generated (user));
  steward_json_set_time (builder, "lastLogin", steward_user_get_last_login (user));
  steward_json_set_time (builder, "createdAt", steward_user_get_created_at (user));
  steward_json_set_time (builder, "updatedAt", steward_user_get_updated_at (user));

  json_builder_end_object (builder);
}

JsonNode *
steward_user_to_json (StewardUser *user)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  steward_user_add_json (user, builder);
  return json_builder_get_root (builder);
}
