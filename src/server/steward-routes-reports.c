/* steward-routes-reports.c
 *
 * Routes 3, 15, 16 and 17 of API.md: identity managers, the anonymous
 * usage metrics, opt-in interaction counts and the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-routes.h"
#include "steward-server-json.h"
#include "steward-time.h"

#define AUDIT_PAGE_DEFAULT 25
#define AUDIT_PAGE_MAX 1000
#define AUDIT_OFFSET_MAX 10000000
#define METRICS_DAYS_DEFAULT 30
#define METRICS_DAYS_MAX 365
#define INTERACTION_CONTROLS_MAX 200
#define INTERACTION_COUNT_MAX 1000000
#define CONTROL_NAME_MAX 64

static const char *const record_types[] = {
  "userCreated",
  "userUpdated",
  "permissionsUpdated",
  "userDisabled",
  "userEnabled",
  "userMigrated",
  "userDeleted",
  "apiKeyAuthenticated",
  "apiKeyCreated",
  "apiKeyRevoked",
};

void
steward_route_list_iams (StewardRequest *request)
{
  g_autoptr (GPtrArray) iams = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *reply;

  iams = steward_store_list_iams (request->store, &error);
  if (iams == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  reply = json_array_sized_new (iams->len);
  for (guint i = 0; i < iams->len; i++)
    {
      StewardStoreIam *iam = g_ptr_array_index (iams, i);
      JsonObject      *entry = json_object_new ();

      json_object_set_string_member (entry, "id", iam->id);
      json_object_set_string_member (entry, "displayName", iam->display_name);
      json_object_set_string_member (entry, "type", iam->type);
      json_object_set_boolean_member (entry, "oauth", iam->oauth);
      json_array_add_object_element (reply, entry);
    }

  steward_request_reply (request, SOUP_STATUS_OK, json_node_init_array (json_node_alloc (), reply));
  json_array_unref (reply);
}

/* ---------------------------------------------------------------- audit */

static gboolean
read_date (StewardRequest *request,
           const char     *key,
           gint64         *out_ms)
{
  const char *text = steward_request_query (request, key);

  *out_ms = 0;
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!steward_time_parse (text, out_ms))
    return steward_request_fail_field (request, key, "format",
                                       _ ("“%s” must be a date such as 2026-11-27 or 2026-11-27T16:27:33.395Z"),
                                       key);

  return TRUE;
}

void
steward_route_list_audit (StewardRequest *request)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  StewardAuditFilter filter = { 0 };
  JsonArray         *hits;
  gint64             count = 0;

  if (!steward_request_caller_has (request, "AUDIT") && !steward_request_caller_has (request, "USER_ADMIN"))
    {
      steward_request_fail (request, SOUP_STATUS_FORBIDDEN,
                            _ ("Reading the audit log needs the AUDIT or USER_ADMIN permission"));
      return;
    }

  if (!steward_request_query_uint (request, "size", AUDIT_PAGE_DEFAULT, 1, AUDIT_PAGE_MAX, &filter.size) || !steward_request_query_uint (request, "offset", 0, 0, AUDIT_OFFSET_MAX, &filter.offset) || !read_date (request, "minDate", &filter.min_date) || !read_date (request, "maxDate", &filter.max_date))
    return;

  filter.userid = steward_request_query (request, "userid");
  if (filter.userid != NULL && *filter.userid == '\0')
    filter.userid = NULL;

  filter.record_type = steward_request_query (request, "recordType");
  if (filter.record_type != NULL && *filter.record_type != '\0')
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
        known = known || g_str_equal (record_types[i], filter.record_type);

      if (!known)
        {
          steward_request_fail_field (request, "recordType", "unknown",
                                      _ ("“%s” is not a kind of audit record"), filter.record_type);
          return;
        }
    }
  else
    filter.record_type = NULL;

  if (!steward_store_list_audit (request->store, &filter, &records, &count, &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  hits = json_array_sized_new (records->len);
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (hits, steward_json_audit_record (g_ptr_array_index (records, i)));

  steward_request_reply (request, SOUP_STATUS_OK, steward_json_list (hits, count));
}

/* -------------------------------------------------------------- metrics */

static JsonObject *
totals_object (StewardRequest *request,
               GError        **error)
{
  JsonObject *totals;
  gint64      users = 0;
  gint64      disabled = 0;

  if (!steward_store_count_users (request->store, &users, &disabled, error))
    return NULL;

  totals = json_object_new ();
  json_object_set_int_member (totals, "users", users);
  json_object_set_int_member (totals, "activeUsers", users - disabled);
  json_object_set_int_member (totals, "disabledUsers", disabled);
  return totals;
}

static JsonArray *
workflows_array (GArray *days)
{
  JsonArray *workflows = json_array_sized_new (days->len);

  for (guint i = 0; i < days->len; i++)
    {
      const StewardWorkflowDay *day = &g_array_index (days, StewardWorkflowDay, i);
      JsonObject               *entry = json_object_new ();

      json_object_set_string_member (entry, "date", day->day);
      for (StewardWorkflow w = 0; w < STEWARD_N_WORKFLOWS; w++)
        json_object_set_int_member (entry, steward_workflow_name (w), day->counts[w]);
      json_array_add_object_element (workflows, entry);
    }

  return workflows;
}

static JsonArray *
interactions_array (GPtrArray *counts)
{
  JsonArray *interactions = json_array_sized_new (counts->len);

  for (guint i = 0; i < counts->len; i++)
    {
      const StewardInteractionCount *count = g_ptr_array_index (counts, i);
      JsonObject                    *entry = json_object_new ();

      json_object_set_string_member (entry, "date", count->day);
      json_object_set_string_member (entry, "control", count->control);
      json_object_set_int_member (entry, "count", count->count);
      json_array_add_object_element (interactions, entry);
    }

  return interactions;
}

/* Counts per day only: nothing in this document names a person. */
void
steward_route_metrics (StewardRequest *request)
{
  g_autoptr (GArray) days = NULL;
  g_autoptr (GPtrArray) interactions = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *totals;
  JsonObject *reply;
  GDate       from;
  GDate       to;
  char        from_text[11];
  char        to_text[11];
  guint       n_days;

  if (!steward_request_query_uint (request, "days", METRICS_DAYS_DEFAULT, 1, METRICS_DAYS_MAX, &n_days))
    return;

  steward_date_from_ms (steward_now_ms (), &to);
  from = to;
  g_date_subtract_days (&from, n_days - 1);
  steward_date_format (&from, from_text);
  steward_date_format (&to, to_text);

  days = steward_store_workflow_days (request->store, &from, &to, &error);
  if (days == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  interactions = steward_store_list_interactions (request->store, from_text, to_text, &error);
  if (interactions == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  totals = totals_object (request, &error);
  if (totals == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  reply = json_object_new ();
  steward_json_set_time (reply, "generatedAt", steward_now_ms ());
  json_object_set_int_member (reply, "days", n_days);
  json_object_set_string_member (reply, "from", from_text);
  json_object_set_string_member (reply, "to", to_text);
  json_object_set_object_member (reply, "totals", totals);
  json_object_set_array_member (reply, "workflows", workflows_array (days));
  json_object_set_array_member (reply, "interactions", interactions_array (interactions));
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

/* --------------------------------------------------------- interactions */

/* Control names are ids of the client's controls ("new-user"), never
 * free text that could carry a person's data. */
static gboolean
control_name_is_valid (const char *name)
{
  gsize length = strlen (name);

  if (length < 1 || length > CONTROL_NAME_MAX || !g_ascii_islower (name[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = name[i];

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-' && c != '.')
        return FALSE;
    }

  return TRUE;
}

void
steward_route_interactions (StewardRequest *request)
{
  g_autoptr (JsonNode) body = steward_request_body (request, JSON_NODE_OBJECT);
  g_autoptr (GList) controls = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode   *counts_node;
  JsonObject *counts;
  JsonObject *reply;
  GDate       today;
  char        day[11];
  gint64      accepted = 0;

  if (body == NULL)
    return;

  counts_node = json_object_get_member (json_node_get_object (body), "counts");
  if (counts_node == NULL || !JSON_NODE_HOLDS_OBJECT (counts_node))
    {
      steward_request_fail_field (request, "counts", "required",
                                  _ ("“counts” must be an object of control names and counts"));
      return;
    }
  counts = json_node_get_object (counts_node);

  if (json_object_get_size (counts) > INTERACTION_CONTROLS_MAX)
    {
      steward_request_fail_field (request, "counts", "range",
                                  _ ("Send at most %d controls at a time"), INTERACTION_CONTROLS_MAX);
      return;
    }

  /* Check everything before writing anything. */
  controls = json_object_get_members (counts);
  for (GList *l = controls; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (counts, l->data);

      if (!control_name_is_valid (l->data))
        {
          steward_request_fail_field (request, "counts", "format",
                                      _ ("“%s” is not a control name (lower-case letters, digits, dots and hyphens)"),
                                      (const char *) l->data);
          return;
        }

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1 || json_node_get_int (node) > INTERACTION_COUNT_MAX)
        {
          steward_request_fail_field (request, "counts", "range",
                                      _ ("The count for “%s” must be a whole number from 1 to %d"),
                                      (const char *) l->data, INTERACTION_COUNT_MAX);
          return;
        }
    }

  steward_date_from_ms (steward_now_ms (), &today);
  steward_date_format (&today, day);
  for (GList *l = controls; l != NULL; l = l->next)
    {
      gint64 count = json_object_get_int_member (counts, l->data);

      if (!steward_store_add_interactions (request->store, day, l->data, count, &error))
        {
          steward_request_fail_error (request, error);
          return;
        }
      accepted += count;
    }

  reply = json_object_new ();
  json_object_set_int_member (reply, "accepted", accepted);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}
