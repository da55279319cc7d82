/* steward-cli-user-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-user-view.h"
#include "steward-cli-json.h"

#include <glib/gi18n-lib.h>

char *
steward_cli_user_label (StewardUser *user)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  label = g_strdup_printf ("%s (%s:%s)",
                           steward_user_get_display_name (user),
                           steward_user_get_iamid (user),
                           steward_user_get_userid (user));

  return steward_cli_sanitize (label);
}

static const char *
status_text (StewardUser *user)
{
  return steward_user_get_disabled (user) ? _ ("Disabled") : _ ("Active");
}

static char *
join_permissions (const char *const *permissions)
{
  if (permissions == NULL || permissions[0] == NULL)
    return g_strdup (_ ("none"));

  return g_strjoinv (", ", (char **) permissions);
}

static void
add_field (StewardCliTable *table,
           const char      *label,
           const char      *value)
{
  if (value != NULL && *value != '\0')
    steward_cli_table_add_row (table, label, value);
}

char *
steward_cli_describe_user (StewardUser *user)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (2);
  g_autofree char   *id = NULL;
  g_autofree char   *permissions = NULL;
  g_autofree char   *created = NULL;
  g_autofree char   *last_login = NULL;
  const char *const *group_permissions;

  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_user_get_id (user));
  permissions = join_permissions (steward_user_get_permissions (user));
  created = steward_cli_format_time (steward_user_get_created_at (user));
  last_login = steward_cli_format_time (steward_user_get_last_login (user));
  group_permissions = steward_user_get_group_permissions (user);

  add_field (table, _ ("Name:"), steward_user_get_name (user));
  add_field (table, _ ("Email:"), steward_user_get_email (user));
  add_field (table, _ ("IAM:"), steward_user_get_iamid (user));
  add_field (table, _ ("User ID:"), steward_user_get_userid (user));
  add_field (table, _ ("ID:"), id);
  add_field (table, _ ("SQL user:"), steward_user_get_sql_user (user));
  add_field (table, _ ("Phone:"), steward_user_get_phone (user));
  add_field (table, _ ("Position:"), steward_user_get_position (user));
  add_field (table, _ ("Organization:"), steward_user_get_organization (user));
  add_field (table, _ ("Permissions:"), permissions);
  if (group_permissions != NULL && group_permissions[0] != NULL)
    {
      g_autofree char *joined = join_permissions (group_permissions);

      add_field (table, _ ("Group permissions:"), joined);
    }
  add_field (table, _ ("Status:"), status_text (user));
  add_field (table, _ ("Created:"), created);
  add_field (table, _ ("Last login:"), last_login != NULL ? last_login : _ ("never"));

  return steward_cli_table_render (table);
}

StewardCliTable *
steward_cli_users_table_new (void)
{
  StewardCliTable *table = steward_cli_table_new (8);

  steward_cli_table_set_header (table, _ ("ID"), _ ("NAME"), _ ("EMAIL"), _ ("IAM"), _ ("USERID"),
                                _ ("PERMISSIONS"), _ ("LAST LOGIN"), _ ("STATUS"));
  steward_cli_table_set_align (table, 0, STEWARD_CLI_ALIGN_RIGHT);
  steward_cli_table_set_align (table, 5, STEWARD_CLI_ALIGN_RIGHT);

  return table;
}

void
steward_cli_users_table_add (StewardCliTable *table,
                             StewardUser     *user)
{
  const char *const *permissions = steward_user_get_permissions (user);
  g_autofree char   *id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_user_get_id (user));
  g_autofree char   *n_permissions = NULL;
  g_autofree char   *last_login = steward_cli_format_time (steward_user_get_last_login (user));

  g_return_if_fail (STEWARD_IS_USER (user));

  n_permissions = g_strdup_printf ("%u", permissions != NULL ? g_strv_length ((char **) permissions) : 0);

  steward_cli_table_add_row (table, id,
                             steward_user_get_name (user),
                             steward_user_get_email (user),
                             steward_user_get_iamid (user),
                             steward_user_get_userid (user),
                             n_permissions,
                             last_login != NULL ? last_login : _ ("never"),
                             status_text (user));
}

void
steward_cli_print_user (StewardCli  *cli,
                        StewardUser *user,
                        const char  *summary)
{
  g_autofree char *details = NULL;

  g_return_if_fail (cli != NULL);
  g_return_if_fail (STEWARD_IS_USER (user));

  if (cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_user (user);

      steward_cli_json_print (node);
      return;
    }

  if (summary != NULL)
    {
      steward_cli_print (summary);
      steward_cli_print ("\n");
    }

  details = steward_cli_describe_user (user);
  steward_cli_print (details);
}
