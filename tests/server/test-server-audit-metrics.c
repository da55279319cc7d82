/* test-server-audit-metrics.c
 *
 * What steward-server remembers: the audit log (route 17), the anonymous
 * usage metrics (route 15) and the opt-in interaction counts (route 16).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-test-assert.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

static StewardTestServer *server;
static char              *admin_token;

static const char *const workflow_counters[] = {
  "userCreated", "userDisabled", "userEnabled", "userDeleted", "userMigrated",
  "permissionGranted", "permissionRemoved", "apiKeyAuthenticated", NULL
};

static JsonNode *
expect (const char *method,
        const char *path,
        const char *body,
        guint       expected_status)
{
  return steward_test_http_expect (server, method, path, admin_token, body, expected_status);
}

static char *
utc_day (gint days_from_today)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) day = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (day, "%Y-%m-%d");
}

static char *
utc_timestamp (GTimeSpan offset)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_add (now, offset);
  g_autofree char *seconds = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (when) / 1000);
}

static JsonArray *
hits_of (JsonNode *reply)
{
  return steward_test_json_get_array (steward_test_json_object (reply), "hits");
}

static gint64
count_of (JsonNode *reply)
{
  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

/* Audit log ----------------------------------------------------------------- */

static void
test_audit_shape (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Sia Shape",
                                                                "sia.shape@example.com", NULL);
  g_autoptr (JsonNode) reply = expect ("GET", "/audit?size=100", NULL, 200);
  JsonArray  *hits = hits_of (reply);
  const char *previous_time = NULL;
  gint64      previous_id = G_MAXINT64;

  g_assert_cmpuint (json_array_get_length (hits), >=, 2);
  g_assert_cmpint (count_of (reply), >=, json_array_get_length (hits));

  /* Newest first. */
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *record = steward_test_assert_audit_record (json_array_get_element (hits, i));
      const char *time = steward_test_json_get_string (record, "dateTime");
      gint64      id = steward_test_json_get_int (record, "id");

      if (previous_time != NULL)
        g_assert_cmpstr (time, <=, previous_time);
      g_assert_cmpint (id, <, previous_id);
      previous_time = time;
      previous_id = id;
    }
}

static void
test_audit_trail (void)
{
  static const char *const expected[] = {
    "userEnabled", "userDisabled", "permissionsUpdated", "userUpdated", "userCreated", NULL
  };
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Tim Trail",
                                                                "tim.trail@example.com", NULL);
  g_autofree char *user = steward_test_http_user_path ("bim", "tim.trail@example.com", NULL);
  g_autofree char *profile = g_strconcat (user, "/profile", NULL);
  g_autofree char *permissions = g_strconcat (user, "/permissions", NULL);
  g_autofree char *disable = g_strconcat (user, "/disable/true", NULL);
  g_autofree char *enable = g_strconcat (user, "/disable/false", NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) types = NULL;
  JsonArray *hits;

  json_node_unref (expect ("PUT", profile, "{\"position\": \"Trailblazer\"}", 200));
  json_node_unref (expect ("PUT", permissions, "[\"AUDIT\"]", 200));
  json_node_unref (expect ("PUT", disable, NULL, 200));
  json_node_unref (expect ("PUT", enable, NULL, 200));

  reply = expect ("GET", "/audit?userid=tim.trail%40example.com", NULL, 200);
  hits = hits_of (reply);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *record = steward_test_assert_audit_record (json_array_get_element (hits, i));
      JsonObject *actor = steward_test_json_get_object (record, "actor");
      JsonObject *target = steward_test_json_get_object (record, "target");

      g_assert_cmpstr (steward_test_json_get_string (actor, "userid"), ==, "admin@localhost");
      g_assert_cmpstr (steward_test_json_get_string (target, "userid"), ==, "tim.trail@example.com");
      g_assert_true (steward_test_json_get_bool (record, "success"));
      g_strv_builder_add (builder, steward_test_json_get_string (record, "recordType"));
    }
  types = g_strv_builder_end (builder);
  g_assert_cmpstrv (types, expected);
  g_assert_cmpint (count_of (reply), ==, 5);
}

static void
test_audit_userid_matches_actor (void)
{
  static const char *const user_admin[] = { "USER_ADMIN", NULL };
  g_autoptr (JsonNode) deputy = steward_test_http_create_user (server, admin_token, "Dev Deputy",
                                                               "dev.deputy@example.com", user_admin);
  g_autofree char *key = steward_test_server_issue_api_key (server, "dev.deputy@example.com");
  g_autofree char *token = steward_test_http_authenticate (server, key);
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, token, "Zed Created",
                                                                "zed.created@example.com", NULL);
  g_autoptr (JsonNode) reply = expect ("GET", "/audit?userid=dev.deputy%40example.com&recordType=userCreated",
                                       NULL, 200);
  JsonArray *hits = hits_of (reply);
  gboolean   as_actor = FALSE, as_target = FALSE;

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *record = steward_test_assert_audit_record (json_array_get_element (hits, i));
      const char *actor = steward_test_json_get_string (steward_test_json_get_object (record, "actor"), "userid");
      const char *target = steward_test_json_get_string (steward_test_json_get_object (record, "target"), "userid");

      if (g_str_equal (actor, "dev.deputy@example.com") && g_str_equal (target, "zed.created@example.com"))
        as_actor = TRUE;
      else if (g_str_equal (actor, "admin@localhost") && g_str_equal (target, "dev.deputy@example.com"))
        as_target = TRUE;
      else
        g_assert_not_reached ();
    }

  g_assert_true (as_actor);
  g_assert_true (as_target);
  g_assert_cmpint (count_of (reply), ==, 2);
}

static void
test_audit_filter_record_type (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Rita Type",
                                                                "rita.type@example.com", NULL);
  g_autofree char *disable = steward_test_http_user_path ("bim", "rita.type@example.com", "/disable/true");
  g_autoptr (JsonNode) reply = NULL;
  JsonArray *hits;

  json_node_unref (expect ("PUT", disable, NULL, 200));

  reply = expect ("GET", "/audit?recordType=userDisabled&size=1000", NULL, 200);
  hits = hits_of (reply);
  g_assert_cmpuint (json_array_get_length (hits), >=, 1);
  g_assert_cmpint (count_of (reply), ==, json_array_get_length (hits));
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *record = steward_test_assert_audit_record (json_array_get_element (hits, i));

      g_assert_cmpstr (steward_test_json_get_string (record, "recordType"), ==, "userDisabled");
    }
}

static void
test_audit_filter_dates (void)
{
  g_autofree char *hour_ago = utc_timestamp (-G_TIME_SPAN_HOUR);
  g_autofree char *in_an_hour = utc_timestamp (G_TIME_SPAN_HOUR);
  g_autofree char *window = g_strdup_printf ("/audit?minDate=%s&maxDate=%s", hour_ago, in_an_hour);
  g_autoptr (JsonNode) all = expect ("GET", "/audit", NULL, 200);
  g_autoptr (JsonNode) future = expect ("GET", "/audit?minDate=2099-01-01T00:00:00.000Z", NULL, 200);
  g_autoptr (JsonNode) past = expect ("GET", "/audit?maxDate=2000-01-01T00:00:00.000Z", NULL, 200);
  g_autoptr (JsonNode) recent = expect ("GET", window, NULL, 200);

  g_assert_cmpint (count_of (future), ==, 0);
  g_assert_cmpuint (json_array_get_length (hits_of (future)), ==, 0);
  g_assert_cmpint (count_of (past), ==, 0);
  /* Everything on this fresh server happened within the last hour. */
  g_assert_cmpint (count_of (recent), >, 0);
  g_assert_cmpint (count_of (recent), ==, count_of (all));
}

static void
test_audit_bad_parameters (void)
{
  static const char *const queries[] = {
    "minDate=yesterday", "maxDate=2026-13-45T99:00:00.000Z", "offset=-1", "size=-1", "size=abc",
    "size=99999999999999999999", NULL
  };

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/audit?", queries[i], NULL);

      json_node_unref (expect ("GET", path, NULL, 400));
    }
}

static void
test_audit_paging (void)
{
  g_autoptr (JsonNode) first = expect ("GET", "/audit?size=2&offset=0", NULL, 200);
  g_autoptr (JsonNode) second = expect ("GET", "/audit?size=2&offset=1", NULL, 200);
  JsonObject *overlap_a;
  JsonObject *overlap_b;

  g_assert_cmpuint (json_array_get_length (hits_of (first)), ==, 2);
  g_assert_cmpuint (json_array_get_length (hits_of (second)), ==, 2);
  g_assert_cmpint (count_of (first), ==, count_of (second));
  g_assert_cmpint (count_of (first), >, 2);

  overlap_a = json_array_get_object_element (hits_of (first), 1);
  overlap_b = json_array_get_object_element (hits_of (second), 0);
  g_assert_cmpint (steward_test_json_get_int (overlap_a, "id"), ==, steward_test_json_get_int (overlap_b, "id"));
}

/* The newest audit record of @record_type. */
static JsonObject *
newest_record (JsonNode  **out_reply,
               const char *record_type)
{
  g_autofree char *path = g_strdup_printf ("/audit?recordType=%s&size=1", record_type);

  *out_reply = expect ("GET", path, NULL, 200);
  g_assert_cmpuint (json_array_get_length (hits_of (*out_reply)), ==, 1);

  return steward_test_assert_audit_record (json_array_get_element (hits_of (*out_reply), 0));
}

static void
test_audit_api_keys (void)
{
  static const char *const types[] = { "apiKeyCreated", "apiKeyAuthenticated", "apiKeyRevoked", NULL };
  g_autoptr (JsonNode) created = expect ("POST", "/bim/apikey", "{\"name\": \"audited key\"}", 200);
  JsonObject      *key = steward_test_json_object (created);
  g_autofree char *token = steward_test_http_authenticate (server, steward_test_json_get_string (key, "apikey"));
  g_autofree char *revoke = g_strdup_printf ("/bim/apikey/%" G_GINT64_FORMAT, steward_test_json_get_int (key, "keyid"));

  json_node_unref (expect ("DELETE", revoke, NULL, 200));

  for (guint i = 0; types[i] != NULL; i++)
    {
      g_autoptr (JsonNode) reply = NULL;
      JsonObject *record = newest_record (&reply, types[i]);

      g_assert_cmpstr (steward_test_json_get_string (steward_test_json_get_object (record, "actor"), "userid"), ==,
                       "admin@localhost");
      g_assert_true (steward_test_json_get_bool (record, "success"));
    }
}

/* Metrics ------------------------------------------------------------------- */

static JsonNode *
get_metrics (guint days)
{
  g_autofree char *path = g_strdup_printf ("/bim/user/metrics?days=%u", days);

  return expect ("GET", path, NULL, 200);
}

static JsonObject *
today_entry (JsonNode *metrics)
{
  JsonArray       *workflows = steward_test_json_get_array (steward_test_json_object (metrics), "workflows");
  guint            n = json_array_get_length (workflows);
  g_autofree char *today = utc_day (0);
  JsonObject      *last;

  g_assert_cmpuint (n, >, 0);
  last = steward_test_json_object (json_array_get_element (workflows, n - 1));
  g_assert_cmpstr (steward_test_json_get_string (last, "date"), ==, today);

  return last;
}

static void
test_metrics_shape (void)
{
  g_autoptr (JsonNode) metrics = get_metrics (30);
  JsonObject      *object = steward_test_json_object (metrics);
  JsonObject      *totals = steward_test_json_get_object (object, "totals");
  JsonArray       *workflows = steward_test_json_get_array (object, "workflows");
  JsonArray       *interactions = steward_test_json_get_array (object, "interactions");
  g_autofree char *today = utc_day (0);
  g_autofree char *from = utc_day (-29);

  steward_test_assert_timestamp (steward_test_json_get_string (object, "generatedAt"));
  g_assert_cmpint (steward_test_json_get_int (object, "days"), ==, 30);
  g_assert_cmpstr (steward_test_json_get_string (object, "to"), ==, today);
  g_assert_cmpstr (steward_test_json_get_string (object, "from"), ==, from);

  g_assert_cmpint (steward_test_json_get_int (totals, "users"), >=, 1);
  g_assert_cmpint (steward_test_json_get_int (totals, "users"), ==,
                   steward_test_json_get_int (totals, "activeUsers") + steward_test_json_get_int (totals, "disabledUsers"));

  /* One entry per day, oldest first, zeros included. */
  g_assert_cmpuint (json_array_get_length (workflows), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      JsonObject      *entry = steward_test_json_object (json_array_get_element (workflows, i));
      g_autofree char *day = utc_day ((gint) i - 29);

      g_assert_cmpstr (steward_test_json_get_string (entry, "date"), ==, day);
      for (guint j = 0; workflow_counters[j] != NULL; j++)
        g_assert_cmpint (steward_test_json_get_int (entry, workflow_counters[j]), >=, 0);
    }

  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonObject *entry = steward_test_json_object (json_array_get_element (interactions, i));

      steward_test_assert_date (steward_test_json_get_string (entry, "date"));
      g_assert_cmpstr (steward_test_json_get_string (entry, "control"), !=, "");
      g_assert_cmpint (steward_test_json_get_int (entry, "count"), >, 0);
    }
}

static void
test_metrics_days_bounds (void)
{
  static const char *const bad[] = { "0", "366", "-1", "abc", "1.5", "99999999999999999999", NULL };
  g_autoptr (JsonNode) one = get_metrics (1);
  g_autoptr (JsonNode) year = get_metrics (365);
  JsonObject      *one_object = steward_test_json_object (one);
  g_autofree char *today = utc_day (0);
  g_autofree char *year_ago = utc_day (-364);

  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (one_object, "workflows")), ==, 1);
  g_assert_cmpstr (steward_test_json_get_string (one_object, "from"), ==, today);
  g_assert_cmpstr (steward_test_json_get_string (one_object, "to"), ==, today);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (year), "workflows")), ==, 365);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (year), "from"), ==, year_ago);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/bim/user/metrics?days=", bad[i], NULL);

      json_node_unref (expect ("GET", path, NULL, 400));
    }
}

static gint64
counter (JsonObject *entry,
         const char *name)
{
  return steward_test_json_get_int (entry, name);
}

static void
test_metrics_reflect_actions (void)
{
  g_autoptr (JsonNode) before = get_metrics (7);
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (JsonNode) a = NULL, b = NULL, c = NULL;
  JsonObject *day_before = today_entry (before);
  JsonObject *day_after;
  JsonObject *totals_before = steward_test_json_get_object (steward_test_json_object (before), "totals");
  JsonObject *totals_after;
  static const struct
  {
    const char *name;
    gint64      delta;
  } expected[] = {
    { "userCreated", 3 },
    { "userDisabled", 2 },
    { "userEnabled", 1 },
    { "userDeleted", 1 },
    { "userMigrated", 1 },
    { "permissionGranted", 2 },
    { "permissionRemoved", 1 },
    { "apiKeyAuthenticated", 2 },
  };

  a = steward_test_http_create_user (server, admin_token, "Mo Metric", "mo.metric@example.com", NULL);
  b = steward_test_http_create_user (server, admin_token, "Mae Metric", "mae.metric@example.com", NULL);
  c = steward_test_http_create_user (server, admin_token, "Max Metric", "max.metric@example.com", NULL);

  json_node_unref (expect ("PUT", "/bim/iam/bim/user/mo.metric%40example.com/permissions/GOVERNANCE", NULL, 200));
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/mae.metric%40example.com/permissions/AUDIT", NULL, 200));
  json_node_unref (expect ("DELETE", "/bim/iam/bim/user/max.metric%40example.com/permissions/CREATE_PROJECT", NULL, 200));
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/mo.metric%40example.com/disable/true", NULL, 200));
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/mo.metric%40example.com/disable/false", NULL, 200));
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/mae.metric%40example.com/disable/true", NULL, 200));
  json_node_unref (expect ("POST", "/bim/iam/bim/user/max.metric%40example.com/migrate",
                           "{\"iamid\": \"okta\", \"userid\": \"maxm\"}", 200));
  json_node_unref (expect ("DELETE", "/bim/iam/okta/user/maxm", NULL, 200));
  g_free (steward_test_http_authenticate (server, server->admin_api_key));
  g_free (steward_test_http_authenticate (server, server->admin_api_key));

  after = get_metrics (7);
  day_after = today_entry (after);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("workflow %s", expected[i].name);
      g_assert_cmpint (counter (day_after, expected[i].name) - counter (day_before, expected[i].name), ==,
                       expected[i].delta);
    }

  totals_after = steward_test_json_get_object (steward_test_json_object (after), "totals");
  g_assert_cmpint (counter (totals_after, "users") - counter (totals_before, "users"), ==, 2);
  g_assert_cmpint (counter (totals_after, "disabledUsers") - counter (totals_before, "disabledUsers"), ==, 1);
  g_assert_cmpint (counter (totals_after, "activeUsers") - counter (totals_before, "activeUsers"), ==, 1);
}

static void
test_metrics_anonymous (void)
{
  g_autoptr (JsonNode) people = NULL;
  g_autoptr (JsonNode) metrics = NULL;
  g_autoptr (GPtrArray) strings = NULL;
  g_autofree char *text = NULL;
  JsonArray       *hits;

  json_node_unref (steward_test_http_create_user (server, admin_token, "Xavier Quintessence",
                                                  "xavier.quintessence@example.com", NULL));
  json_node_unref (expect ("POST", "/bim/metrics/interactions", "{\"counts\": {\"new-user\": 1}}", 200));

  metrics = get_metrics (30);
  strings = steward_test_json_collect_strings (metrics);
  text = steward_test_json_to_string (metrics);

  people = expect ("GET", "/bim/user?includeDisabled=true&size=1000", NULL, 200);
  hits = hits_of (people);
  g_assert_cmpuint (json_array_get_length (hits), >, 5);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
      JsonObject *profile = steward_test_json_get_object (user, "profile");
      const char *identifiers[] = {
        steward_test_json_get_string (profile, "name"),
        steward_test_json_get_nullable_string (profile, "email"),
        steward_test_json_get_string (user, "userid"),
      };

      for (guint j = 0; j < G_N_ELEMENTS (identifiers); j++)
        {
          if (identifiers[j] == NULL)
            continue;
          g_assert_null (strstr (text, identifiers[j]));
          for (guint k = 0; k < strings->len; k++)
            g_assert_cmpstr (g_ptr_array_index (strings, k), !=, identifiers[j]);
        }
    }
}

static gint64
interaction_count (JsonNode   *metrics,
                   const char *control)
{
  JsonArray       *interactions = steward_test_json_get_array (steward_test_json_object (metrics), "interactions");
  g_autofree char *today = utc_day (0);
  gint64           total = 0;

  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      JsonObject *entry = steward_test_json_object (json_array_get_element (interactions, i));

      if (g_str_equal (steward_test_json_get_string (entry, "control"), control) && g_str_equal (steward_test_json_get_string (entry, "date"), today))
        total += steward_test_json_get_int (entry, "count");
    }

  return total;
}

static void
test_metrics_interactions (void)
{
  g_autoptr (JsonNode) before = get_metrics (1);
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  g_autoptr (JsonNode) after = NULL;

  first = expect ("POST", "/bim/metrics/interactions", "{\"counts\": {\"download-metrics\": 1}}", 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (first), "accepted"), ==, 1);

  second = expect ("POST", "/bim/metrics/interactions",
                   "{\"counts\": {\"download-metrics\": 4, \"migrate-user\": 2}}", 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (second), "accepted"), >=, 2);

  after = get_metrics (1);
  g_assert_cmpint (interaction_count (after, "download-metrics") - interaction_count (before, "download-metrics"), ==, 5);
  g_assert_cmpint (interaction_count (after, "migrate-user") - interaction_count (before, "migrate-user"), ==, 2);
}

static void
test_metrics_interactions_invalid (void)
{
  static const char *const bodies[] = {
    "{}", "{\"counts\": [\"new-user\"]}", "{\"counts\": {\"new-user\": \"3\"}}",
    "{\"counts\": {\"new-user\": -1}}", "{\"counts\": {\"new-user\": 1.5}}", "[]", "{\"counts\": ", NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    json_node_unref (expect ("POST", "/bim/metrics/interactions", bodies[i], 400));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/audit/shape", test_audit_shape);
  g_test_add_func ("/server/audit/trail", test_audit_trail);
  g_test_add_func ("/server/audit/userid-matches-actor", test_audit_userid_matches_actor);
  g_test_add_func ("/server/audit/filter/record-type", test_audit_filter_record_type);
  g_test_add_func ("/server/audit/filter/dates", test_audit_filter_dates);
  g_test_add_func ("/server/audit/bad-parameters", test_audit_bad_parameters);
  g_test_add_func ("/server/audit/paging", test_audit_paging);
  g_test_add_func ("/server/audit/api-keys", test_audit_api_keys);
  g_test_add_func ("/server/metrics/shape", test_metrics_shape);
  g_test_add_func ("/server/metrics/days-bounds", test_metrics_days_bounds);
  g_test_add_func ("/server/metrics/reflect-actions", test_metrics_reflect_actions);
  g_test_add_func ("/server/metrics/anonymous", test_metrics_anonymous);
  g_test_add_func ("/server/metrics/interactions", test_metrics_interactions);
  g_test_add_func ("/server/metrics/interactions/invalid", test_metrics_interactions_invalid);

  server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
