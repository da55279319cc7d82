/* test-codec.c
 *
 * The JSON decoders, the error mapping and the request builders, without a
 * network: what the server may send, leniently read, and what it must not
 * send, refused as a malformed reply rather than crashing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api-test-util.h"
#include "steward-api-error-private.h"
#include "steward-client-private.h"
#include "steward-iam.h"
#include "steward-json-codec.h"
#include "steward-json-private.h"
#include "steward-permission-info.h"

#include <string.h>

#define ANN_USER                                                                               \
  "{\"id\": 17, \"iamid\": \"bim\", \"userid\": \"ann@example.com\","                          \
  " \"profile\": {\"id\": 17, \"name\": \"Ann Lee\", \"email\": \"ann@example.com\","          \
  "   \"sqlUser\": \"ann_lee\", \"phone\": null, \"position\": \"Steward\","                   \
  "   \"organization\": null, \"createdAt\": \"2026-01-02T03:04:05.678Z\","                    \
  "   \"updatedAt\": \"2026-01-02T03:04:05.678Z\"},"                                           \
  " \"permissions\": [\"CREATE_PROJECT\", \"GOVERNANCE\"], \"groupPermissions\": [\"AUDIT\"]," \
  " \"disabled\": false, \"systemGenerated\": false, \"lastLogin\": null,"                     \
  " \"createdAt\": \"2026-01-02T03:04:05.678Z\", \"updatedAt\": \"2026-11-27T16:27:33.395Z\"}"

static StewardUser *
decode_user (const char *json,
             GError    **error)
{
  g_autoptr (JsonNode) node = api_test_parse (json);

  return steward_json_decode_user (node, error);
}

static void
test_user_full (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = decode_user (ANN_USER, &error);
  const char *const expected[] = { "CREATE_PROJECT", "GOVERNANCE", NULL };
  GDateTime        *updated_at;

  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (user), ==, 17);
  g_assert_cmpstr (steward_user_get_iamid (user), ==, "bim");
  g_assert_cmpstr (steward_user_get_userid (user), ==, "ann@example.com");
  g_assert_cmpstr (steward_user_get_name (user), ==, "Ann Lee");
  g_assert_cmpstr (steward_user_get_email (user), ==, "ann@example.com");
  g_assert_cmpstr (steward_user_get_sql_user (user), ==, "ann_lee");
  g_assert_null (steward_user_get_phone (user));
  g_assert_cmpstr (steward_user_get_position (user), ==, "Steward");
  g_assert_null (steward_user_get_organization (user));
  g_assert_true (g_strv_equal (steward_user_get_permissions (user), expected));
  g_assert_cmpstr (steward_user_get_group_permissions (user)[0], ==, "AUDIT");
  g_assert_false (steward_user_get_disabled (user));
  g_assert_null (steward_user_get_last_login (user));

  updated_at = steward_user_get_updated_at (user);
  g_assert_nonnull (updated_at);
  g_assert_cmpint (g_date_time_get_year (updated_at), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (updated_at), ==, 16);
  g_assert_cmpint (g_date_time_get_microsecond (updated_at), ==, 395000);

  g_assert_true (steward_user_has_permission (user, "GOVERNANCE"));
  g_assert_true (steward_user_has_permission (user, "AUDIT")); /* through a group */
  g_assert_false (steward_user_has_permission (user, "USER_ADMIN"));
  g_assert_cmpstr (steward_user_get_display_name (user), ==, "Ann Lee");

  g_assert_finalize_object (g_steal_pointer (&user));
}

static void
test_user_lenient (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = NULL;

  /* Unknown members, nulls everywhere, a null inside a list, a time in a
   * format nobody knows, an id written as 17.0 and no profile at all. */
  user = decode_user ("{\"id\": 17.0, \"iamid\": \"okta\", \"userid\": \"jdoe\","
                      " \"profile\": null, \"permissions\": [\"AUDIT\", null],"
                      " \"groupPermissions\": null, \"disabled\": null,"
                      " \"lastLogin\": \"yesterday\", \"createdAt\": null,"
                      " \"tenant\": {\"deep\": [1, 2, 3]}, \"futureFlag\": true}",
                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (user), ==, 17);
  g_assert_null (steward_user_get_name (user));
  g_assert_cmpstr (steward_user_get_display_name (user), ==, "jdoe");
  g_assert_cmpuint (g_strv_length ((char **) steward_user_get_permissions (user)), ==, 1);
  g_assert_nonnull (steward_user_get_group_permissions (user));
  g_assert_cmpuint (g_strv_length ((char **) steward_user_get_group_permissions (user)), ==, 0);
  g_assert_false (steward_user_get_disabled (user));
  g_assert_null (steward_user_get_last_login (user));
}

static void
test_user_malformed (void)
{
  const char *const replies[] = {
    "[]",
    "\"user\"",
    "null",
    "{\"iamid\": \"bim\"}",
    "{\"iamid\": \"bim\", \"userid\": \"\"}",
    "{\"iamid\": \"bim\", \"userid\": null}",
    "{\"iamid\": 3, \"userid\": \"a\"}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"id\": \"17\"}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"id\": 1.5}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"id\": 1e300}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"permissions\": \"AUDIT\"}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"permissions\": [1]}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"permissions\": [[\"AUDIT\"]]}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"profile\": \"Ann\"}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"profile\": {\"name\": {}}}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"disabled\": \"yes\"}",
    "{\"iamid\": \"bim\", \"userid\": \"a\", \"lastLogin\": 1700000000}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardUser) user = NULL;

      g_test_message ("reply: %s", replies[i]);
      user = decode_user (replies[i], &error);
      g_assert_null (user);
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
    }

  /* No node at all (an empty body) is malformed as well. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (steward_json_decode_user (NULL, &error));
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GPtrArray *names = user_data;

  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_user_update_from (void)
{
  g_autoptr (StewardUser) user = decode_user (ANN_USER, NULL);
  g_autoptr (StewardUser) same = decode_user (ANN_USER, NULL);
  g_autoptr (StewardUser) changed = NULL;
  g_autoptr (GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (user, "notify", G_CALLBACK (count_notify_cb), notified);

  /* Nothing changed, nothing notified. */
  steward_user_update_from (user, same);
  g_assert_cmpuint (notified->len, ==, 0);

  changed = decode_user ("{\"id\": 17, \"iamid\": \"bim\", \"userid\": \"ann@example.com\","
                         " \"profile\": {\"name\": \"Ann Lee\", \"email\": \"ann@example.com\","
                         "   \"sqlUser\": \"ann_lee\", \"position\": \"Steward\"},"
                         " \"permissions\": [\"CREATE_PROJECT\", \"GOVERNANCE\"],"
                         " \"groupPermissions\": [\"AUDIT\"], \"disabled\": true,"
                         " \"createdAt\": \"2026-01-02T03:04:05.678Z\","
                         " \"updatedAt\": \"2026-11-28T09:00:00.000Z\"}",
                         NULL);
  steward_user_update_from (user, changed);

  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "disabled", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "updated-at", g_str_equal, NULL));
  g_assert_true (steward_user_get_disabled (user));

  /* Setting a property to its current value does not notify either. */
  g_ptr_array_set_size (notified, 0);
  g_object_set (user, "name", "Ann Lee", "disabled", TRUE, NULL);
  g_assert_cmpuint (notified->len, ==, 0);
  g_object_set (user, "name", "Ann Lee-Park", NULL);
  g_assert_cmpuint (notified->len, ==, 1);

  g_signal_handlers_disconnect_by_data (user, notified);
}

static void
test_user_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (StewardUser) second = NULL;
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{\"hits\": [%s, {\"iamid\": \"okta\", \"userid\": \"jdoe\"}], \"count\": 1320}", ANN_USER);
  node = api_test_parse (json);
  page = steward_json_decode_user_page (node, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (page), ==, 1320);
  g_assert_cmpuint (steward_page_result_get_n_items (page), ==, 2);
  g_assert_true (g_list_model_get_item_type (steward_page_result_get_items (page)) == STEWARD_TYPE_USER);
  second = g_list_model_get_item (steward_page_result_get_items (page), 1);
  g_assert_cmpstr (steward_user_get_userid (second), ==, "jdoe");
}

static void
test_user_page_edges (void)
{
  struct
  {
    const char *json;
    gboolean    ok;
    guint       n_items;
    guint64     total;
  } cases[] = {
    { "{\"hits\": [], \"count\": 0}", TRUE, 0, 0 },
    { "{\"hits\": [{\"iamid\": \"bim\", \"userid\": \"a\"}]}", TRUE, 1, 1 },
    { "{\"hits\": null, \"count\": 5}", TRUE, 0, 5 },
    { "{\"hits\": [], \"count\": -1}", FALSE, 0, 0 },
    { "{\"hits\": {}, \"count\": 1}", FALSE, 0, 0 },
    { "{\"hits\": [{\"iamid\": \"bim\"}], \"count\": 1}", FALSE, 0, 0 },
    { "{\"hits\": [7], \"count\": 1}", FALSE, 0, 0 },
    { "[]", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = api_test_parse (cases[i].json);
      g_autoptr (StewardPageResult) page = steward_json_decode_user_page (node, &error);

      g_test_message ("reply: %s", cases[i].json);
      if (!cases[i].ok)
        {
          g_assert_null (page);
          g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (steward_page_result_get_n_items (page), ==, cases[i].n_items);
      g_assert_cmpuint (steward_page_result_get_total (page), ==, cases[i].total);
    }
}

static void
test_iams_and_permissions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) iams_node = NULL;
  g_autoptr (JsonNode) permissions_node = NULL;
  g_autoptr (JsonNode) bad = NULL;
  g_autoptr (GListModel) iams = NULL;
  g_autoptr (GListModel) permissions = NULL;
  g_autoptr (StewardIam) okta = NULL;
  g_autoptr (StewardPermissionInfo) custom = NULL;

  iams_node = api_test_parse ("[{\"id\": \"bim\", \"displayName\": \"Built-in\", \"type\": \"bim\", \"oauth\": false},"
                              " {\"id\": \"okta\", \"displayName\": null, \"type\": \"oauth\", \"oauth\": true}]");
  iams = steward_json_decode_iams (iams_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (iams), ==, 2);
  okta = g_list_model_get_item (iams, 1);
  g_assert_cmpstr (steward_iam_get_id (okta), ==, "okta");
  g_assert_cmpstr (steward_iam_get_display_name (okta), ==, "okta");
  g_assert_true (steward_iam_get_oauth (okta));

  permissions_node = api_test_parse ("[{\"name\": \"AUDIT\", \"description\": \"Read the log\", \"builtin\": true},"
                                     " {\"name\": \"TEAM_LEAD\", \"description\": null, \"builtin\": false}]");
  permissions = steward_json_decode_permissions (permissions_node, &error);
  g_assert_no_error (error);
  custom = g_list_model_get_item (permissions, 1);
  g_assert_cmpstr (steward_permission_info_get_name (custom), ==, "TEAM_LEAD");
  g_assert_null (steward_permission_info_get_description (custom));
  g_assert_false (steward_permission_info_get_builtin (custom));

  bad = api_test_parse ("{\"permissions\": []}");
  g_assert_null (steward_json_decode_permissions (bad, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_assert_null (steward_json_decode_iams (bad, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
}

#define METRICS_DOCUMENT                                                                      \
  "{\"generatedAt\": \"2026-11-28T10:00:00.000Z\", \"days\": 2, \"from\": \"2026-11-27\","    \
  " \"to\": \"2026-11-28\","                                                                  \
  " \"totals\": {\"users\": 120, \"activeUsers\": 111, \"disabledUsers\": 9},"                \
  " \"workflows\": ["                                                                         \
  "  {\"date\": \"2026-11-27\", \"userCreated\": 3, \"userDisabled\": 1, \"userEnabled\": 0," \
  "   \"userDeleted\": 0, \"userMigrated\": 0, \"permissionGranted\": 5,"                     \
  "   \"permissionRemoved\": 2, \"apiKeyAuthenticated\": 14},"                                \
  "  {\"date\": \"2026-11-28\", \"userCreated\": 1, \"userDisabled\": 0, \"userEnabled\": 1," \
  "   \"userDeleted\": 1, \"userMigrated\": 0, \"permissionGranted\": 0,"                     \
  "   \"permissionRemoved\": 0, \"apiKeyAuthenticated\": 6, \"somethingNew\": 4}],"           \
  " \"interactions\": [{\"date\": \"2026-11-27\", \"control\": \"new-user\", \"count\": 4}]}"

static void
test_metrics (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = api_test_parse (METRICS_DOCUMENT);
  g_autoptr (StewardMetrics) metrics = steward_json_decode_metrics (node, &error);
  g_autoptr (JsonNode) saved = NULL;
  g_autofree char *json = NULL;
  const char      *control;
  guint64          count;

  g_assert_no_error (error);
  g_assert_cmpuint (steward_metrics_get_days (metrics), ==, 2);
  g_assert_cmpstr (steward_metrics_get_from (metrics), ==, "2026-11-27");
  g_assert_cmpstr (steward_metrics_get_to (metrics), ==, "2026-11-28");
  g_assert_cmpuint (steward_metrics_get_total_users (metrics), ==, 120);
  g_assert_cmpuint (steward_metrics_get_active_users (metrics), ==, 111);
  g_assert_cmpuint (steward_metrics_get_disabled_users (metrics), ==, 9);
  g_assert_null (steward_metrics_get_note (metrics));
  g_assert_cmpuint (steward_metrics_get_n_days (metrics), ==, 2);
  g_assert_cmpstr (steward_metrics_get_day_date (metrics, 1), ==, "2026-11-28");
  g_assert_cmpuint (steward_metrics_get_day_count (metrics, 0, STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED), ==, 5);
  g_assert_cmpuint (steward_metrics_get_workflow_total (metrics, STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED), ==, 20);
  g_assert_cmpuint (steward_metrics_get_n_interactions (metrics), ==, 1);
  steward_metrics_get_interaction (metrics, 0, NULL, &control, &count);
  g_assert_cmpstr (control, ==, "new-user");
  g_assert_cmpuint (count, ==, 4);

  /* What is saved is the server's document, unknown members included. */
  json = steward_metrics_to_json (metrics, NULL);
  saved = api_test_parse (json);
  g_assert_true (json_node_equal (saved, node));
}

static void
test_metrics_malformed (void)
{
  const char *const replies[] = {
    "[]",
    "{\"days\": -3}",
    "{\"days\": 2, \"totals\": []}",
    "{\"days\": 2, \"totals\": {\"users\": -1}}",
    "{\"days\": 2, \"workflows\": {}}",
    "{\"days\": 2, \"workflows\": [3]}",
    "{\"days\": 2, \"workflows\": [{\"date\": 20261127}]}",
    "{\"days\": 2, \"workflows\": [{\"date\": \"2026-11-27\", \"userCreated\": \"3\"}]}",
    "{\"days\": 2, \"interactions\": [{\"control\": \"x\", \"count\": -4}]}",
    "{\"days\": 2, \"interactions\": [{\"control\": 5}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = api_test_parse (replies[i]);
      g_autoptr (StewardMetrics) metrics = NULL;

      g_test_message ("reply: %s", replies[i]);
      metrics = steward_json_decode_metrics (node, &error);
      g_assert_null (metrics);
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
    }
}

static void
test_audit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (StewardAuditRecord) first = NULL;
  g_autoptr (StewardAuditRecord) second = NULL;
  JsonNode *details;

  node = api_test_parse ("{\"hits\": ["
                         " {\"id\": 42, \"dateTime\": \"2026-11-27T16:27:33.395Z\", \"recordType\": \"permissionsUpdated\","
                         "  \"actor\": {\"iamid\": \"bim\", \"userid\": \"admin@example.com\"},"
                         "  \"target\": {\"iamid\": \"bim\", \"userid\": \"ann@example.com\"}, \"success\": true,"
                         "  \"details\": {\"before\": [\"AUDIT\"], \"after\": [\"AUDIT\", \"GOVERNANCE\"]}},"
                         " {\"id\": \"a-7\", \"dateTime\": null, \"recordType\": \"somethingElse\", \"actor\": null,"
                         "  \"target\": null, \"success\": false, \"details\": null}],"
                         " \"count\": 2}");
  page = steward_json_decode_audit_page (node, &error);
  g_assert_no_error (error);

  first = g_list_model_get_item (steward_page_result_get_items (page), 0);
  g_assert_cmpstr (steward_audit_record_get_id (first), ==, "42");
  g_assert_cmpstr (steward_audit_record_get_record_type (first), ==, "permissionsUpdated");
  g_assert_cmpstr (steward_audit_record_get_actor_userid (first), ==, "admin@example.com");
  g_assert_cmpstr (steward_audit_record_get_target_userid (first), ==, "ann@example.com");
  g_assert_true (steward_audit_record_get_success (first));
  g_assert_nonnull (steward_audit_record_get_date_time (first));
  details = steward_audit_record_get_details (first);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (details));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (details), "after")), ==, 2);

  second = g_list_model_get_item (steward_page_result_get_items (page), 1);
  g_assert_cmpstr (steward_audit_record_get_id (second), ==, "a-7");
  g_assert_null (steward_audit_record_get_actor_iamid (second));
  g_assert_null (steward_audit_record_get_details (second));

  g_clear_pointer (&node, json_node_unref);
  node = api_test_parse ("{\"hits\": [{\"id\": 1, \"actor\": \"admin\"}], \"count\": 1}");
  g_assert_null (steward_json_decode_audit_page (node, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
}

static void
test_small_replies (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StewardConnectionInfo) connection = NULL;
  g_autoptr (StewardApiKey) key = NULL;
  g_autofree char *token = NULL;
  guint64          count;

  node = api_test_parse ("{\"sqlUser\": \"ann_lee\", \"host\": \"query.example.com\", \"port\": 5432,"
                         " \"database\": \"immuta\", \"sslMode\": \"require\", \"connectionString\": null}");
  connection = steward_json_decode_connection_info (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_connection_info_get_port (connection), ==, 5432);
  g_assert_cmpstr (steward_connection_info_get_ssl_mode (connection), ==, "require");
  g_assert_null (steward_connection_info_get_connection_string (connection));
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"sqlUser\": \"x\", \"port\": 70000}");
  g_assert_null (steward_json_decode_connection_info (node, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"apikey\": \"s3cret\", \"keyid\": 9, \"name\": \"laptop\"}");
  key = steward_json_decode_api_key (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_api_key_get_key (key), ==, "s3cret");
  g_assert_cmpstr (steward_api_key_get_key_id (key), ==, "9");
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"authenticated\": true, \"token\": \"t0k\"}");
  token = steward_json_decode_token (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "t0k");
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"authenticated\": false, \"token\": \"t0k\"}");
  g_assert_null (steward_json_decode_token (node, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"authenticated\": true}");
  g_assert_null (steward_json_decode_token (node, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"deleted\": true, \"id\": 17}");
  g_assert_true (steward_json_decode_deleted (node, &error));
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"deleted\": false}");
  g_assert_false (steward_json_decode_deleted (node, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"accepted\": 12}");
  g_assert_true (steward_json_decode_count (node, "accepted", &count, &error));
  g_assert_cmpuint (count, ==, 12);
  g_clear_pointer (&node, json_node_unref);

  node = api_test_parse ("{\"accepted\": \"12\"}");
  g_assert_false (steward_json_decode_count (node, "accepted", &count, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
}

#define BRACKETS_IN_STRING \
  "{\"name\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"}"

static void
test_parse_bytes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) blank = g_bytes_new_static (" \n", 2);
  g_autoptr (GBytes) html = g_bytes_new_static ("<html>Bad gateway</html>", 24);
  g_autoptr (GBytes) truncated = g_bytes_new_static ("{\"hits\": [", 10);
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GBytes) deep_bytes = NULL;
  g_autoptr (GBytes) brackets_in_string = NULL;
  g_autoptr (JsonNode) node = NULL;

  g_assert_null (steward_json_parse_bytes (blank, &error));
  g_assert_no_error (error);

  g_assert_null (steward_json_parse_bytes (html, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  g_assert_null (steward_json_parse_bytes (truncated, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  /* A hostile nesting is refused before json-glib recurses into it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  deep_bytes = g_string_free_to_bytes (g_steal_pointer (&deep));
  g_assert_null (steward_json_parse_bytes (deep_bytes, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  /* Brackets inside strings do not count as nesting. */
  brackets_in_string = g_bytes_new_static (BRACKETS_IN_STRING, strlen (BRACKETS_IN_STRING));
  node = steward_json_parse_bytes (brackets_in_string, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_error_body (void)
{
  g_autofree char *message = NULL;
  g_autofree char *field = NULL;
  g_autofree char *code = NULL;
  g_autoptr (JsonNode) ours = NULL;
  g_autoptr (JsonNode) other = NULL;

  ours = api_test_parse ("{\"statusCode\": 400, \"error\": \"Bad Request\", \"message\": \"The e-mail is not valid\","
                         " \"validation\": [{\"field\": \"profile.email\", \"code\": \"format\"}, {\"field\": \"name\"}]}");
  g_assert_true (steward_json_decode_error_body (ours, &message, &field, &code));
  g_assert_cmpstr (message, ==, "The e-mail is not valid");
  g_assert_cmpstr (field, ==, "profile.email");
  g_assert_cmpstr (code, ==, "format");
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&field, g_free);
  g_clear_pointer (&code, g_free);

  /* Not our shape, and wrong types read as nothing rather than failing. */
  other = api_test_parse ("{\"message\": 5, \"validation\": \"x\"}");
  g_assert_false (steward_json_decode_error_body (other, &message, &field, &code));
  g_assert_null (message);
  g_assert_null (field);
}

static GError *
error_for (guint       status,
           const char *body)
{
  g_autoptr (JsonNode) node = body != NULL ? api_test_parse (body) : NULL;

  return steward_api_error_new_for_status (status, node, "example.com");
}

static void
test_error_mapping (void)
{
  struct
  {
    guint       status;
    const char *body;
    int         code;
    gboolean    route_missing;
  } cases[] = {
    { 400, "{\"statusCode\": 400, \"error\": \"Bad Request\", \"message\": \"Name is required\"}", STEWARD_API_ERROR_INVALID, FALSE },
    { 401, NULL, STEWARD_API_ERROR_UNAUTHORIZED, FALSE },
    { 403, "{\"statusCode\": 403, \"error\": \"Forbidden\", \"message\": \"USER_ADMIN is required\"}", STEWARD_API_ERROR_FORBIDDEN, FALSE },
    { 404, "{\"statusCode\": 404, \"error\": \"Not Found\", \"message\": \"No user bim/x exists\"}", STEWARD_API_ERROR_NOT_FOUND, FALSE },
    { 404, "{\"statusCode\": 404, \"error\": \"Not Found\", \"message\": \"Not Found\"}", STEWARD_API_ERROR_NOT_FOUND, TRUE },
    { 404, "{\"statusCode\": 404, \"error\": \"Not Found\"}", STEWARD_API_ERROR_NOT_FOUND, TRUE },
    { 404, NULL, STEWARD_API_ERROR_NOT_FOUND, TRUE },
    { 405, NULL, STEWARD_API_ERROR_UNSUPPORTED, TRUE },
    { 409, "{\"statusCode\": 409, \"error\": \"Conflict\", \"message\": \"A user with e-mail a@b.c already exists\"}", STEWARD_API_ERROR_CONFLICT, FALSE },
    { 413, NULL, STEWARD_API_ERROR_INVALID, FALSE },
    { 422, NULL, STEWARD_API_ERROR_INVALID, FALSE },
    { 500, "{\"statusCode\": 500, \"error\": \"Internal Server Error\", \"message\": \"disk full\"}", STEWARD_API_ERROR_SERVER, FALSE },
    { 503, NULL, STEWARD_API_ERROR_SERVER, FALSE },
    { 302, NULL, STEWARD_API_ERROR_MALFORMED_REPLY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = error_for (cases[i].status, cases[i].body);

      g_test_message ("status %u: %s", cases[i].status, error->message);
      g_assert_error (error, STEWARD_API_ERROR, cases[i].code);
      g_assert_cmpuint (steward_api_error_get_status (error), ==, cases[i].status);
      g_assert_cmpint (steward_api_error_is_route_missing (error), ==, cases[i].route_missing);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
}

static void
test_error_messages (void)
{
  g_autoptr (GError) conflict = error_for (409, "{\"statusCode\": 409, \"error\": \"Conflict\", \"message\": \"A user with e-mail ann@example.com already exists\"}");
  g_autoptr (GError) server = error_for (500, "{\"statusCode\": 500, \"error\": \"Internal Server Error\", \"message\": \"disk full\"}");
  g_autoptr (GError) invalid = error_for (400, "{\"statusCode\": 400, \"error\": \"Bad Request\", \"message\": \"Enter a valid e-mail address\","
                                               " \"validation\": [{\"field\": \"profile.email\", \"code\": \"format\"}]}");
  g_autoptr (GError) copy = NULL;
  g_autoptr (GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  /* The server's sentence is the message of a refusal of the input. */
  g_assert_cmpstr (conflict->message, ==, "A user with e-mail ann@example.com already exists");
  g_assert_cmpstr (steward_api_error_get_server_message (conflict), ==, "A user with e-mail ann@example.com already exists");

  /* For faults it follows our own sentence. */
  g_assert_nonnull (strstr (server->message, "disk full"));
  g_assert_nonnull (strstr (server->message, "example.com"));

  g_assert_cmpstr (steward_api_error_get_field (invalid), ==, "profile.email");
  g_assert_cmpstr (steward_api_error_get_field_code (invalid), ==, "format");

  /* The extended data survives a copy, as GTask and dialogs make them. */
  copy = g_error_copy (invalid);
  g_assert_cmpstr (steward_api_error_get_field (copy), ==, "profile.email");
  g_assert_cmpuint (steward_api_error_get_status (copy), ==, 400);

  /* Accessors are safe on other domains. */
  g_assert_cmpuint (steward_api_error_get_status (other), ==, 0);
  g_assert_null (steward_api_error_get_field (other));
  g_assert_null (steward_api_error_get_peer_certificate (other));
  g_assert_false (steward_api_error_is_route_missing (other));
}

static void
test_transport_mapping (void)
{
  struct
  {
    GQuark domain;
    int    code;
    int    expected;
  } cases[] = {
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, STEWARD_API_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, STEWARD_API_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE, STEWARD_API_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, STEWARD_API_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_TIMED_OUT, STEWARD_API_ERROR_TIMEOUT },
    { G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, STEWARD_API_ERROR_MALFORMED_REPLY },
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, STEWARD_API_ERROR_NETWORK },
    { G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, STEWARD_API_ERROR_TLS },
    { G_TLS_ERROR, G_TLS_ERROR_NOT_TLS, STEWARD_API_ERROR_TLS },
    { SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING, STEWARD_API_ERROR_MALFORMED_REPLY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) transport = g_error_new_literal (cases[i].domain, cases[i].code, "low-level detail");
      g_autoptr (GError) error = steward_api_error_new_for_transport (transport, "example.com", NULL, 0);

      g_test_message ("%s", error->message);
      g_assert_error (error, STEWARD_API_ERROR, cases[i].expected);
      g_assert_nonnull (strstr (error->message, "example.com"));
    }
}

/* A server that ignores "disabled" answers with active users too; the
 * check turns that into UNSUPPORTED instead of showing them as disabled. */
static void
test_disabled_only_check (void)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GListStore) users = g_list_store_new (STEWARD_TYPE_USER);
  g_autoptr (StewardUser) active = steward_user_new ("bim", "ann@example.com");
  g_autoptr (GError) error = NULL;

  g_list_store_append (users, active);
  g_assert_true (steward_user_query_check_page (query, G_LIST_MODEL (users), &error));
  query->disabled_only = TRUE;
  g_assert_false (steward_user_query_check_page (query, G_LIST_MODEL (users), &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED);
}

static void
test_queries (void)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardUserQuery) copy = NULL;
  g_autoptr (StewardAuditQuery) audit = steward_audit_query_new ();
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char  *first = NULL;
  g_autofree char  *text = NULL;
  g_autofree char  *audit_text = NULL;
  const char *const iamids[] = { "bim", "okta ldap", NULL };

  first = steward_user_query_to_string (query);
  g_assert_cmpstr (first, ==, "offset=0");

  query->offset = 50;
  query->size = 25;
  query->search_text = g_strdup ("ann & co+1@example.com");
  query->iamids = g_strdupv ((char **) iamids);
  query->permission = g_strdup ("USER_ADMIN");
  query->include_disabled = TRUE;
  query->sort_field = STEWARD_USER_SORT_LAST_LOGIN;
  query->sort_order = STEWARD_SORT_DESCENDING;

  copy = steward_user_query_copy (query);
  text = steward_user_query_to_string (copy);
  g_assert_cmpstr (text, ==,
                   "size=25&offset=50&searchText=ann%20%26%20co%2B1%40example.com&iamid=bim&iamid=okta%20ldap"
                   "&permission=USER_ADMIN&includeDisabled=true&sortField=lastLogin&sortOrder=desc");

  /* Disabled accounts only: the extension rides along includeDisabled. */
  {
    g_autoptr (StewardUserQuery) disabled = steward_user_query_new ();
    g_autofree char *disabled_text = NULL;

    disabled->disabled_only = TRUE;
    disabled_text = steward_user_query_to_string (disabled);
    g_assert_cmpstr (disabled_text, ==, "offset=0&includeDisabled=true&disabled=true");
  }

  audit->size = 10;
  audit->userid = g_strdup ("ann@example.com");
  audit->record_type = g_strdup ("userDeleted");
  audit->min_date = g_date_time_new (utc, 2026, 11, 1, 0, 0, 0.25);
  audit_text = steward_audit_query_to_string (audit);
  g_assert_cmpstr (audit_text, ==,
                   "size=10&offset=0&userid=ann%40example.com&recordType=userDeleted&minDate=2026-11-01T00%3A00%3A00.250Z");
}

static void
test_profile_update (void)
{
  g_autoptr (StewardProfileUpdate) update = steward_profile_update_new ();
  g_autoptr (StewardProfileUpdate) copy = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) expected = NULL;

  g_assert_true (steward_profile_update_is_empty (update));
  steward_profile_update_set (update, STEWARD_PROFILE_FIELD_SQL_USER, "ann_lee");
  steward_profile_update_set (update, STEWARD_PROFILE_FIELD_PHONE, NULL);
  g_assert_false (steward_profile_update_is_empty (update));

  copy = steward_profile_update_copy (update);
  node = steward_profile_update_to_json (copy);
  expected = api_test_parse ("{\"sqlUser\": \"ann_lee\", \"phone\": null}");
  g_assert_true (json_node_equal (node, expected));
}

static void
test_user_path (void)
{
  g_autofree char *plain = steward_client_user_path ("bim", "ann@example.com", NULL);
  g_autofree char *hostile = steward_client_user_path ("Okta", "a/b%c d?e#f", "permissions", "USER_ADMIN", NULL);

  g_assert_cmpstr (plain, ==, "/bim/iam/bim/user/ann%40example.com");
  g_assert_cmpstr (hostile, ==, "/bim/iam/Okta/user/a%2Fb%25c%20d%3Fe%23f/permissions/USER_ADMIN");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/codec/user/full", test_user_full);
  g_test_add_func ("/api/codec/user/lenient", test_user_lenient);
  g_test_add_func ("/api/codec/user/malformed", test_user_malformed);
  g_test_add_func ("/api/codec/user/update-from", test_user_update_from);
  g_test_add_func ("/api/codec/user-page", test_user_page);
  g_test_add_func ("/api/codec/user-page/edges", test_user_page_edges);
  g_test_add_func ("/api/codec/iams-and-permissions", test_iams_and_permissions);
  g_test_add_func ("/api/codec/metrics", test_metrics);
  g_test_add_func ("/api/codec/metrics/malformed", test_metrics_malformed);
  g_test_add_func ("/api/codec/audit", test_audit);
  g_test_add_func ("/api/codec/small-replies", test_small_replies);
  g_test_add_func ("/api/codec/parse-bytes", test_parse_bytes);
  g_test_add_func ("/api/codec/error-body", test_error_body);
  g_test_add_func ("/api/error/status", test_error_mapping);
  g_test_add_func ("/api/error/messages", test_error_messages);
  g_test_add_func ("/api/error/transport", test_transport_mapping);
  g_test_add_func ("/api/request/queries", test_queries);
  g_test_add_func ("/api/request/disabled-only-check", test_disabled_only_check);
  g_test_add_func ("/api/request/profile-update", test_profile_update);
  g_test_add_func ("/api/request/user-path", test_user_path);

  return g_test_run ();
}
