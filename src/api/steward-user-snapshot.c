/* steward-user-snapshot.c
 *
 * The field names follow the aggregated user of API.md, so the snapshot
 * reads like what the server returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-snapshot.h"

#include <json-glib/json-glib.h>

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  add_string (builder, member, text);
}

static void
add_strv (JsonBuilder       *builder,
          const char        *member,
          const char *const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

char *
steward_user_snapshot_to_json (StewardUser *user,
                               GDateTime   *saved_at)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);
  g_return_val_if_fail (saved_at != NULL, NULL);

  json_builder_begin_object (builder);
  add_time (builder, "savedAt", saved_at);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_user_get_id (user));
  add_string (builder, "iamid", steward_user_get_iamid (user));
  add_string (builder, "userid", steward_user_get_userid (user));

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  add_string (builder, "name", steward_user_get_name (user));
  add_string (builder, "email", steward_user_get_email (user));
  add_string (builder, "sqlUser", steward_user_get_sql_user (user));
  add_string (builder, "phone", steward_user_get_phone (user));
  add_string (builder, "position", steward_user_get_position (user));
  add_string (builder, "organization", steward_user_get_organization (user));
  json_builder_end_object (builder);

  add_strv (builder, "permissions", steward_user_get_permissions (user));
  add_strv (builder, "groupPermissions", steward_user_get_group_permissions (user));
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, steward_user_get_disabled (user));
  add_time (builder, "createdAt", steward_user_get_created_at (user));
  add_time (builder, "lastLogin", steward_user_get_last_login (user));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
steward_user_snapshot_file_name (StewardUser *user,
                                 GDateTime   *saved_at)
{
  g_autofree char *date = g_date_time_format (saved_at, "%Y-%m-%d");
  g_autofree char *userid = g_strdup (steward_user_get_userid (user) != NULL ? steward_user_get_userid (user) : "user");

  /* Only characters every file system takes. */
  g_strcanon (userid, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", '-');
  return g_strdup_printf ("user-%s-%s.json", userid, date);
}
