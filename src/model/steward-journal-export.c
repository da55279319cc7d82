/* steward-journal-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-journal-export.h"
#include "steward-csv-writer.h"
#include "steward-user-json.h"

#include <string.h>

static const char *const csv_columns[] = {
  "id",
  "time",
  "finished",
  "server",
  "serverUrl",
  "actor",
  "kind",
  "iamid",
  "userid",
  "detail",
  "before",
  "after",
  "result",
  "errorCode",
  "status",
  "message",
  "runId",
};

static char *
format_time (GDateTime *time)
{
  return time != NULL ? steward_json_format_time (time) : NULL;
}

GBytes *
steward_journal_export_csv (GListModel *changes)
{
  GString *csv = g_string_new (NULL);
  guint    n_changes = g_list_model_get_n_items (changes);

  steward_csv_append_record (csv, csv_columns, G_N_ELEMENTS (csv_columns));

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr (StewardChange) change = g_list_model_get_item (changes, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_change_get_id (change));
      g_autofree char *time = format_time (steward_change_get_time (change));
      g_autofree char *finished = format_time (steward_change_get_finished_time (change));
      g_autofree char *before = steward_change_describe_before (change);
      g_autofree char *after = steward_change_describe_after (change);
      g_autofree char *status = steward_change_get_status (change) > 0 ? g_strdup_printf ("%u", steward_change_get_status (change)) : NULL;
      const char      *fields[] = {
             id,
             time,
             finished,
             steward_change_get_server (change),
             steward_change_get_server_url (change),
             steward_change_get_actor (change),
             steward_change_kind_to_string (steward_change_get_kind (change)),
             steward_change_get_iamid (change),
             steward_change_get_userid (change),
             steward_change_get_detail (change),
             before,
             after,
             steward_change_result_to_string (steward_change_get_result (change)),
             steward_change_get_error_code (change),
             status,
             steward_change_get_message (change),
             steward_change_get_run_id (change),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (csv_columns));

      steward_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
    }

  return g_string_free_to_bytes (csv);
}

static void
set_user (JsonBuilder *builder,
          const char  *member,
          StewardUser *user)
{
  json_builder_set_member_name (builder, member);
  if (user != NULL)
    steward_user_add_json (user, builder);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
steward_journal_export_json (GListModel *changes)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  guint n_changes = g_list_model_get_n_items (changes);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr (StewardChange) change = g_list_model_get_item (changes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, steward_change_get_id (change));
      steward_json_set_time (builder, "time", steward_change_get_time (change));
      steward_json_set_time (builder, "finished", steward_change_get_finished_time (change));
      steward_json_set_string (builder, "server", steward_change_get_server (change));
      steward_json_set_string (builder, "serverUrl", steward_change_get_server_url (change));
      steward_json_set_string (builder, "actor", steward_change_get_actor (change));
      steward_json_set_string (builder, "kind", steward_change_kind_to_string (steward_change_get_kind (change)));
      steward_json_set_string (builder, "iamid", steward_change_get_iamid (change));
      steward_json_set_string (builder, "userid", steward_change_get_userid (change));
      steward_json_set_string (builder, "detail", steward_change_get_detail (change));
      set_user (builder, "before", steward_change_get_before (change));
      set_user (builder, "after", steward_change_get_after (change));
      steward_json_set_string (builder, "result", steward_change_result_to_string (steward_change_get_result (change)));
      steward_json_set_string (builder, "errorCode", steward_change_get_error_code (change));
      json_builder_set_member_name (builder, "status");
      if (steward_change_get_status (change) > 0)
        json_builder_add_int_value (builder, steward_change_get_status (change));
      else
        json_builder_add_null_value (builder);
      steward_json_set_string (builder, "message", steward_change_get_message (change));
      steward_json_set_string (builder, "runId", steward_change_get_run_id (change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

GBytes *
steward_journal_export (GListModel          *changes,
                        StewardJournalFormat format)
{
  g_autoptr (JsonNode) node = NULL;
  char *text;

  if (format == STEWARD_JOURNAL_FORMAT_CSV)
    return steward_journal_export_csv (changes);

  node = steward_journal_export_json (changes);
  text = json_to_string (node, TRUE);
  return g_bytes_new_take (text, strlen (text));
}
