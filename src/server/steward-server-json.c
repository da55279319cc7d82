/* steward-server-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-json-writer.h"
#include "steward-server-json.h"
#include "steward-time.h"

JsonNode *
steward_json_node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* A missing time is null on the wire, as real servers send it. */
void
steward_json_set_time (JsonObject *object,
                       const char *member,
                       gint64      ms)
{
  g_autofree char *text = ms != 0 ? steward_time_format (ms) : NULL;

  if (text != NULL)
    json_object_set_string_member (object, member, text);
  else
    json_object_set_null_member (object, member);
}

static void
set_nullable_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

JsonArray *
steward_json_strings (GPtrArray *strings)
{
  JsonArray *array = json_array_sized_new (strings != NULL ? strings->len : 0);

  /* NULL entries (the terminator of a NULL-terminated array) are skipped. */
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      const char *string = g_ptr_array_index (strings, i);

      if (string != NULL)
        json_array_add_string_element (array, string);
    }

  return array;
}

/* Parsed from the writer's text, so the shapes of a user and its profile
 * are defined once (steward-json-writer.c) for the replies written
 * directly and for the few that embed them in a larger tree. */
static JsonNode *
parse_written (GString *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text->str, &error);

  g_assert_no_error (error);
  return node;
}

JsonNode *
steward_json_profile (const StewardStoreUser *user)
{
  g_autoptr (GString) text = g_string_sized_new (256);

  steward_json_write_profile (text, user);
  return parse_written (text);
}

JsonNode *
steward_json_user (const StewardStoreUser *user)
{
  g_autoptr (GString) text = g_string_sized_new (512);

  steward_json_write_user (text, user);
  return parse_written (text);
}

JsonObject *
steward_json_principal (const char *iamid,
                        const char *userid)
{
  JsonObject *object = json_object_new ();

  set_nullable_string (object, "iamid", iamid);
  set_nullable_string (object, "userid", userid);

  return object;
}

JsonNode *
steward_json_audit_record (const StewardStoreAuditRecord *record)
{
  JsonObject *object = json_object_new ();
  g_autoptr (JsonNode) details = json_from_string (record->details, NULL);

  json_object_set_int_member (object, "id", record->id);
  steward_json_set_time (object, "dateTime", record->date_time);
  json_object_set_string_member (object, "recordType", record->record_type);
  json_object_set_object_member (object, "actor", steward_json_principal (record->actor_iamid, record->actor_userid));
  if (record->target_iamid != NULL || record->target_userid != NULL)
    json_object_set_object_member (object, "target", steward_json_principal (record->target_iamid, record->target_userid));
  else
    json_object_set_null_member (object, "target");
  json_object_set_boolean_member (object, "success", record->success);
  if (details != NULL && JSON_NODE_HOLDS_OBJECT (details))
    json_object_set_member (object, "details", g_steal_pointer (&details));
  else
    json_object_set_object_member (object, "details", json_object_new ());

  return steward_json_node_take_object (object);
}

JsonNode *
steward_json_list (JsonArray *hits,
                   gint64     count)
{
  JsonObject *object = json_object_new ();

  json_object_set_array_member (object, "hits", hits);
  json_object_set_int_member (object, "count", count);

  return steward_json_node_take_object (object);
}
