/* steward-cli-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-json.h"
#include "steward-cli-output.h"

#include "steward-user-json.h"

JsonNode *
steward_cli_json_user (StewardUser *user)
{
  return steward_user_to_json (user);
}

static void
add_user (JsonBuilder *builder,
          StewardUser *user)
{
  steward_user_add_json (user, builder);
}

typedef void (*AddItemFunc) (JsonBuilder *builder,
                             gpointer     item);

static void
add_items (JsonBuilder *builder,
           GListModel  *items,
           AddItemFunc  add_item)
{
  guint n_items = g_list_model_get_n_items (items);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);

      add_item (builder, item);
    }
  json_builder_end_array (builder);
}

static JsonNode *
hits_and_count (GListModel *items,
                guint64     count,
                AddItemFunc add_item)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hits");
  add_items (builder, items, add_item);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, (gint64) MIN (count, (guint64) G_MAXINT64));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
steward_cli_json_user_list (GListModel *users,
                            guint64     count)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (users), NULL);

  return hits_and_count (users, count, (AddItemFunc) add_user);
}

static void
add_iam (JsonBuilder *builder,
         StewardIam  *iam)
{
  json_builder_begin_object (builder);
  steward_json_set_string (builder, "id", steward_iam_get_id (iam));
  steward_json_set_string (builder, "displayName", steward_iam_get_display_name (iam));
  steward_json_set_string (builder, "type", steward_iam_get_iam_type (iam));
  json_builder_set_member_name (builder, "oauth");
  json_builder_add_boolean_value (builder, steward_iam_get_oauth (iam));
  json_builder_end_object (builder);
}

JsonNode *
steward_cli_json_iams (GListModel *iams)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (iams), NULL);

  add_items (builder, iams, (AddItemFunc) add_iam);
  return json_builder_get_root (builder);
}

static void
add_permission (JsonBuilder           *builder,
                StewardPermissionInfo *info)
{
  json_builder_begin_object (builder);
  steward_json_set_string (builder, "name", steward_permission_info_get_name (info));
  steward_json_set_string (builder, "description", steward_permission_info_get_description (info));
  json_builder_set_member_name (builder, "builtin");
  json_builder_add_boolean_value (builder, steward_permission_info_get_builtin (info));
  json_builder_end_object (builder);
}

JsonNode *
steward_cli_json_permissions (GListModel *permissions)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (permissions), NULL);

  add_items (builder, permissions, (AddItemFunc) add_permission);
  return json_builder_get_root (builder);
}

static void
add_principal (JsonBuilder *builder,
               const char  *member,
               const char  *iamid,
               const char  *userid)
{
  json_builder_set_member_name (builder, member);
  if (iamid == NULL && userid == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  steward_json_set_string (builder, "iamid", iamid);
  steward_json_set_string (builder, "userid", userid);
  json_builder_end_object (builder);
}

static void
add_audit_record (JsonBuilder        *builder,
                  StewardAuditRecord *record)
{
  const char *id = steward_audit_record_get_id (record);
  JsonNode   *details = steward_audit_record_get_details (record);
  guint64     number;

  json_builder_begin_object (builder);

  /* steward-server numbers its records, other servers may use strings:
   * give the id back in the form it most likely came in. */
  json_builder_set_member_name (builder, "id");
  if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXINT64, &number, NULL))
    json_builder_add_int_value (builder, (gint64) number);
  else if (id != NULL)
    json_builder_add_string_value (builder, id);
  else
    json_builder_add_null_value (builder);

  steward_json_set_time (builder, "dateTime", steward_audit_record_get_date_time (record));
  steward_json_set_string (builder, "recordType", steward_audit_record_get_record_type (record));
  add_principal (builder, "actor",
                 steward_audit_record_get_actor_iamid (record),
                 steward_audit_record_get_actor_userid (record));
  add_principal (builder, "target",
                 steward_audit_record_get_target_iamid (record),
                 steward_audit_record_get_target_userid (record));
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, steward_audit_record_get_success (record));
  json_builder_set_member_name (builder, "details");
  if (details != NULL)
    json_builder_add_value (builder, json_node_copy (details));
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

JsonNode *
steward_cli_json_audit_list (GListModel *records,
                             guint64     count)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  return hits_and_count (records, count, (AddItemFunc) add_audit_record);
}

JsonNode *
steward_cli_json_deleted (gint64 id)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
steward_cli_json_format_time (GDateTime *time)
{
  return time != NULL ? steward_json_format_time (time) : NULL;
}

char *
steward_cli_json_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

void
steward_cli_json_print (JsonNode *node)
{
  g_autofree char *text = steward_cli_json_to_string (node);

  steward_cli_print (text);
}
