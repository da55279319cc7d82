/* test-server-lifecycle.c
 *
 * The life of an account on steward-server: disable and enable (route 10),
 * permanent delete (route 11) and migration between IAMs (route 14).
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

static JsonNode *
expect (const char *method,
        const char *path,
        const char *body,
        guint       expected_status)
{
  return steward_test_http_expect (server, method, path, admin_token, body, expected_status);
}

static char *
apikey_body (const char *apikey)
{
  return g_strdup_printf ("{\"apikey\": \"%s\"}", apikey);
}

/* What a person holding @apikey experiences: the status of exchanging it,
 * of using it raw, and of using @token. */
static void
assert_credentials (const char *apikey,
                    const char *token,
                    guint       expected_status)
{
  g_autofree char *body = apikey_body (apikey);
  g_autoptr (JsonNode) raw = NULL;
  guint status = 0;

  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, body, expected_status));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", token, NULL, expected_status));

  raw = steward_test_http_request_with_header (server, "GET", "/bim/rpc/user/current", apikey, NULL, &status);
  if (expected_status >= 400)
    steward_test_assert_error (raw, status, expected_status);
  g_assert_cmpuint (status, ==, expected_status);
}

static gboolean
is_listed (const char *searchText,
           const char *userid,
           gboolean    include_disabled)
{
  g_autofree char *escaped = steward_test_http_escape (searchText);
  g_autofree char *path = g_strdup_printf ("/bim/user?searchText=%s%s", escaped,
                                           include_disabled ? "&includeDisabled=true" : "");
  g_autoptr (JsonNode) reply = expect ("GET", path, NULL, 200);

  return steward_test_find_user (reply, "bim", userid) != NULL;
}

static void
expect_status_only (const char *method,
                    const char *path,
                    guint       status)
{
  g_autoptr (JsonNode) reply = expect (method, path, NULL, status);
}

static void
test_disable (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Dora Disabled",
                                                                "dora.disabled@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "dora.disabled@example.com", "/disable/true");
  g_autofree char *user_path = steward_test_http_user_path ("bim", "dora.disabled@example.com", NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (JsonNode) fetched = NULL;
  g_autoptr (JsonNode) listed = NULL;
  JsonObject *hit;

  g_assert_true (is_listed ("dora.disabled", "dora.disabled@example.com", FALSE));

  reply = expect ("PUT", path, NULL, 200);
  steward_test_assert_user (reply);
  g_assert_true (steward_test_json_get_bool (steward_test_json_object (reply), "disabled"));

  again = expect ("PUT", path, NULL, 200);
  g_assert_true (steward_test_json_get_bool (steward_test_json_object (again), "disabled"));

  g_assert_false (is_listed ("dora.disabled", "dora.disabled@example.com", FALSE));
  g_assert_true (is_listed ("dora.disabled", "dora.disabled@example.com", TRUE));

  listed = expect ("GET", "/bim/user?searchText=dora.disabled&includeDisabled=true", NULL, 200);
  hit = steward_test_find_user (listed, "bim", "dora.disabled@example.com");
  g_assert_true (steward_test_json_get_bool (hit, "disabled"));

  /* Looking someone up by name still works: an administrator must be able
   * to find the account to enable it again. */
  fetched = expect ("GET", user_path, NULL, 200);
  g_assert_true (steward_test_json_get_bool (steward_test_json_object (fetched), "disabled"));
}

/* The count and the disabled flags of every hit of a listing. */
static guint
count_listed (const char *query,
              guint      *out_disabled,
              guint      *out_hits)
{
  g_autofree char *path = g_strconcat ("/bim/user?size=1000&", query, NULL);
  g_autoptr (JsonNode) reply = expect ("GET", path, NULL, 200);
  JsonArray *hits = json_object_get_array_member (steward_test_json_object (reply), "hits");

  *out_disabled = 0;
  *out_hits = json_array_get_length (hits);
  for (guint i = 0; i < *out_hits; i++)
    *out_disabled += steward_test_json_get_bool (json_array_get_object_element (hits, i), "disabled");
  return (guint) steward_test_json_get_int (steward_test_json_object (reply), "count");
}

static void
test_list_by_status (void)
{
  g_autoptr (JsonNode) first = steward_test_http_create_user (server, admin_token, "Stan Status", "stan.status@example.com", NULL);
  g_autoptr (JsonNode) second = steward_test_http_create_user (server, admin_token, "Sue Status", "sue.status@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "stan.status@example.com", "/disable/true");
  g_autoptr (JsonNode) disabled = expect ("PUT", path, NULL, 200);
  guint all, active, only_disabled, n_disabled, n_hits;

  all = count_listed ("includeDisabled=true", &n_disabled, &n_hits);
  g_assert_cmpuint (n_disabled, >=, 1);

  /* disabled=true: disabled users only, counted as such, with search. */
  only_disabled = count_listed ("disabled=true", &n_disabled, &n_hits);
  g_assert_cmpuint (only_disabled, ==, n_hits);
  g_assert_cmpuint (n_disabled, ==, n_hits);
  g_assert_cmpuint (count_listed ("disabled=true&searchText=status", &n_disabled, &n_hits), ==, 1);
  g_assert_cmpuint (n_disabled, ==, 1);
  g_assert_cmpuint (count_listed ("disabled=true&sortField=name&sortOrder=desc", &n_disabled, &n_hits), ==, only_disabled);

  /* disabled=false: active users only, even with includeDisabled. */
  active = count_listed ("disabled=false&includeDisabled=true", &n_disabled, &n_hits);
  g_assert_cmpuint (n_disabled, ==, 0);
  g_assert_cmpuint (active + only_disabled, ==, all);

  expect_status_only ("GET", "/bim/user?disabled=maybe", 400);
}

static void
test_disable_revokes_credentials (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Rex Revoked",
                                                                "rex.revoked@example.com", NULL);
  g_autofree char *key = steward_test_server_issue_api_key (server, "rex.revoked@example.com");
  g_autofree char *token = steward_test_http_authenticate (server, key);
  g_autofree char *disable = steward_test_http_user_path ("bim", "rex.revoked@example.com", "/disable/true");

  assert_credentials (key, token, 200);
  json_node_unref (expect ("PUT", disable, NULL, 200));
  assert_credentials (key, token, 401);
}

static void
test_enable (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Eli Enabled",
                                                                "eli.enabled@example.com", NULL);
  g_autofree char *key = steward_test_server_issue_api_key (server, "eli.enabled@example.com");
  g_autofree char *disable = steward_test_http_user_path ("bim", "eli.enabled@example.com", "/disable/true");
  g_autofree char *enable = steward_test_http_user_path ("bim", "eli.enabled@example.com", "/disable/false");
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) again = NULL;

  json_node_unref (expect ("PUT", disable, NULL, 200));

  reply = expect ("PUT", enable, NULL, 200);
  g_assert_false (steward_test_json_get_bool (steward_test_json_object (reply), "disabled"));
  again = expect ("PUT", enable, NULL, 200);
  g_assert_false (steward_test_json_get_bool (steward_test_json_object (again), "disabled"));

  g_assert_true (is_listed ("eli.enabled", "eli.enabled@example.com", FALSE));
  token = steward_test_http_authenticate (server, key);
  assert_credentials (key, token, 200);
}

static void
test_disable_bad_requests (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Bea Bad",
                                                                "bea.bad@example.com", NULL);
  g_autofree char *maybe = steward_test_http_user_path ("bim", "bea.bad@example.com", "/disable/maybe");
  g_autofree char *user_path = steward_test_http_user_path ("bim", "bea.bad@example.com", NULL);
  g_autoptr (JsonNode) fetched = NULL;

  json_node_unref (expect ("PUT", maybe, NULL, 400));
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/ghost%40example.com/disable/true", NULL, 404));
  json_node_unref (expect ("PUT", "/bim/iam/nope/user/bea.bad%40example.com/disable/true", NULL, 404));

  fetched = expect ("GET", user_path, NULL, 200);
  g_assert_false (steward_test_json_get_bool (steward_test_json_object (fetched), "disabled"));
}

static void
test_delete (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Dan Deleted",
                                                                "dan.deleted@example.com", NULL);
  gint64           id = steward_test_json_get_int (steward_test_json_object (created), "id");
  g_autofree char *key = steward_test_server_issue_api_key (server, "dan.deleted@example.com");
  g_autofree char *token = steward_test_http_authenticate (server, key);
  g_autofree char *path = steward_test_http_user_path ("bim", "dan.deleted@example.com", NULL);
  g_autofree char *by_id = g_strdup_printf ("/bim/iam/bim/user/%" G_GINT64_FORMAT, id);
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *object;

  reply = expect ("DELETE", path, NULL, 200);
  object = steward_test_json_object (reply);
  g_assert_true (steward_test_json_get_bool (object, "deleted"));
  g_assert_cmpint (steward_test_json_get_int (object, "id"), ==, id);

  json_node_unref (expect ("GET", path, NULL, 404));
  json_node_unref (expect ("GET", by_id, NULL, 404));
  g_assert_false (is_listed ("dan.deleted", "dan.deleted@example.com", TRUE));
  assert_credentials (key, token, 401);

  /* Gone is gone: a second delete finds nothing. */
  json_node_unref (expect ("DELETE", path, NULL, 404));
}

static void
test_delete_audit (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Ada Audited",
                                                                "ada.audited@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "ada.audited@example.com", NULL);
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) after = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (JsonNode) audit = NULL;
  JsonArray  *hits;
  JsonObject *record;
  JsonObject *actor;
  JsonObject *target;

  json_node_unref (expect ("DELETE", path, NULL, 200));
  after = g_date_time_new_now_utc ();

  audit = expect ("GET", "/audit?recordType=userDeleted&userid=ada.audited%40example.com", NULL, 200);
  hits = steward_test_json_get_array (steward_test_json_object (audit), "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);

  record = steward_test_assert_audit_record (json_array_get_element (hits, 0));
  g_assert_cmpstr (steward_test_json_get_string (record, "recordType"), ==, "userDeleted");
  g_assert_true (steward_test_json_get_bool (record, "success"));
  actor = steward_test_json_get_object (record, "actor");
  g_assert_cmpstr (steward_test_json_get_string (actor, "iamid"), ==, "bim");
  g_assert_cmpstr (steward_test_json_get_string (actor, "userid"), ==, "admin@localhost");
  target = steward_test_json_get_object (record, "target");
  g_assert_cmpstr (steward_test_json_get_string (target, "iamid"), ==, "bim");
  g_assert_cmpstr (steward_test_json_get_string (target, "userid"), ==, "ada.audited@example.com");

  when = g_date_time_new_from_iso8601 (steward_test_json_get_string (record, "dateTime"), NULL);
  g_assert_nonnull (when);
  /* The server's clock and ours may differ by the millisecond rounding. */
  g_assert_cmpint (g_date_time_difference (when, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (after, when), >=, -G_TIME_SPAN_SECOND);
}

static void
test_delete_self (void)
{
  g_autoptr (JsonNode) current = NULL;

  json_node_unref (expect ("DELETE", "/bim/iam/bim/user/admin%40localhost", NULL, 400));

  current = expect ("GET", "/bim/rpc/user/current", NULL, 200);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (current), "userid"), ==,
                   "admin@localhost");
}

static void
test_delete_then_recreate (void)
{
  g_autoptr (JsonNode) first = steward_test_http_create_user (server, admin_token, "Ray Recreated",
                                                              "ray.recreated@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "ray.recreated@example.com", NULL);
  g_autoptr (JsonNode) second = NULL;

  json_node_unref (expect ("DELETE", path, NULL, 200));

  /* The e-mail is free again, and ids are never reused. */
  second = steward_test_http_create_user (server, admin_token, "Ray Recreated", "ray.recreated@example.com", NULL);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (second), "id"), !=,
                   steward_test_json_get_int (steward_test_json_object (first), "id"));
}

static void
test_delete_disabled (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Dee Disabled",
                                                                "dee.disabled.deleted@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "dee.disabled.deleted@example.com", NULL);
  g_autofree char *disable = g_strconcat (path, "/disable/true", NULL);

  json_node_unref (expect ("PUT", disable, NULL, 200));
  json_node_unref (expect ("DELETE", path, NULL, 200));
  json_node_unref (expect ("GET", path, NULL, 404));
}

static void
test_migrate (void)
{
  static const char *const permissions[] = { "GOVERNANCE", "IMPERSONATE_USER", NULL };
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Mia Migrant",
                                                                "mia.migrant@example.com", permissions);
  g_autofree char *profile = steward_test_http_user_path ("bim", "mia.migrant@example.com", "/profile");
  g_autofree char *migrate = steward_test_http_user_path ("bim", "mia.migrant@example.com", "/migrate");
  g_autofree char *old_path = steward_test_http_user_path ("bim", "mia.migrant@example.com", NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) fetched = NULL;
  g_autoptr (JsonNode) record = NULL;
  g_autofree char *details = NULL;
  JsonObject      *audit;
  JsonObject      *user;
  JsonObject      *user_profile;
  JsonArray       *hits;

  json_node_unref (expect ("PUT", profile, "{\"phone\": \"+44 20 7946 0000\", \"sqlUser\": \"mia_m\"}", 200));

  reply = expect ("POST", migrate, "{\"iamid\": \"okta\", \"userid\": \"mmigrant\"}", 200);
  steward_test_assert_user (reply);
  user = steward_test_json_object (reply);
  g_assert_cmpint (steward_test_json_get_int (user, "id"), ==,
                   steward_test_json_get_int (steward_test_json_object (created), "id"));
  g_assert_cmpstr (steward_test_json_get_string (user, "iamid"), ==, "okta");
  g_assert_cmpstr (steward_test_json_get_string (user, "userid"), ==, "mmigrant");
  steward_test_assert_permissions (reply, permissions);
  user_profile = steward_test_json_get_object (user, "profile");
  g_assert_cmpstr (steward_test_json_get_string (user_profile, "name"), ==, "Mia Migrant");
  g_assert_cmpstr (steward_test_json_get_nullable_string (user_profile, "email"), ==, "mia.migrant@example.com");
  g_assert_cmpstr (steward_test_json_get_nullable_string (user_profile, "phone"), ==, "+44 20 7946 0000");
  g_assert_cmpstr (steward_test_json_get_nullable_string (user_profile, "sqlUser"), ==, "mia_m");

  fetched = expect ("GET", "/bim/iam/okta/user/mmigrant", NULL, 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (fetched), "id"), ==,
                   steward_test_json_get_int (user, "id"));
  json_node_unref (expect ("GET", old_path, NULL, 404));

  /* The record names the account as it was; its details say where it went. */
  record = expect ("GET", "/audit?recordType=userMigrated&userid=mia.migrant%40example.com", NULL, 200);
  hits = steward_test_json_get_array (steward_test_json_object (record), "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  audit = steward_test_assert_audit_record (json_array_get_element (hits, 0));
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_get_object (audit, "target"), "iamid"), ==, "bim");
  details = steward_test_json_to_string (json_object_get_member (audit, "details"));
  g_assert_nonnull (strstr (details, "\"okta\""));
  g_assert_nonnull (strstr (details, "\"mmigrant\""));
}

static void
test_migrate_keeps_credentials (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Kai Keeper",
                                                                "kai.keeper@example.com", NULL);
  g_autofree char *key = steward_test_server_issue_api_key (server, "kai.keeper@example.com");
  g_autofree char *migrate = steward_test_http_user_path ("bim", "kai.keeper@example.com", "/migrate");
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) current = NULL;

  json_node_unref (expect ("POST", migrate, "{\"iamid\": \"ldap\", \"userid\": \"kkeeper\"}", 200));

  /* The account is the same (same id): its key still identifies it. */
  token = steward_test_http_authenticate (server, key);
  current = steward_test_http_expect (server, "GET", "/bim/rpc/user/current", token, NULL, 200);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (current), "iamid"), ==, "ldap");
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (current), "userid"), ==, "kkeeper");
}

static void
test_migrate_unknown_iam (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Uma Unknown",
                                                                "uma.unknown@example.com", NULL);
  g_autofree char *migrate = steward_test_http_user_path ("bim", "uma.unknown@example.com", "/migrate");
  g_autofree char *user_path = steward_test_http_user_path ("bim", "uma.unknown@example.com", NULL);

  json_node_unref (expect ("POST", migrate, "{\"iamid\": \"azure\", \"userid\": \"uma\"}", 404));
  /* IAM ids are case-sensitive. */
  json_node_unref (expect ("POST", migrate, "{\"iamid\": \"OKTA\", \"userid\": \"uma\"}", 404));
  json_node_unref (expect ("GET", user_path, NULL, 200));
}

static void
test_migrate_target_taken (void)
{
  g_autoptr (JsonNode) first = steward_test_http_create_user (server, admin_token, "Tara Taken",
                                                              "tara.taken@example.com", NULL);
  g_autoptr (JsonNode) second = steward_test_http_create_user (server, admin_token, "Theo Taker",
                                                               "theo.taker@example.com", NULL);
  g_autofree char *migrate_first = steward_test_http_user_path ("bim", "tara.taken@example.com", "/migrate");
  g_autofree char *migrate_second = steward_test_http_user_path ("bim", "theo.taker@example.com", "/migrate");
  g_autofree char *second_path = steward_test_http_user_path ("bim", "theo.taker@example.com", NULL);

  json_node_unref (expect ("POST", migrate_first, "{\"iamid\": \"okta\", \"userid\": \"taken\"}", 200));
  json_node_unref (expect ("POST", migrate_second, "{\"iamid\": \"okta\", \"userid\": \"taken\"}", 409));
  json_node_unref (expect ("GET", second_path, NULL, 200));
}

static void
test_migrate_same_iam (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Sam Same",
                                                                "sam.same@example.com", NULL);
  g_autofree char *migrate = steward_test_http_user_path ("bim", "sam.same@example.com", "/migrate");

  json_node_unref (expect ("POST", migrate, "{\"iamid\": \"bim\", \"userid\": \"sam.same@example.com\"}", 400));
  json_node_unref (expect ("POST", migrate, "{\"iamid\": \"bim\", \"userid\": \"sam.other@example.com\"}", 400));
}

static void
test_migrate_bad_requests (void)
{
  static const char *const bodies[] = {
    "{\"iamid\": \"okta\"}", "{\"userid\": \"x\"}", "{\"iamid\": 5, \"userid\": \"x\"}",
    "{\"iamid\": \"okta\", \"userid\": \"\"}", "{\"iamid\": \"okta\", \"userid\": [\"x\"]}",
    "[\"okta\", \"x\"]", "{\"iamid\": \"okta\", ", NULL
  };
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Bo Badbody",
                                                                "bo.badbody@example.com", NULL);
  g_autofree char *migrate = steward_test_http_user_path ("bim", "bo.badbody@example.com", "/migrate");

  for (guint i = 0; bodies[i] != NULL; i++)
    json_node_unref (expect ("POST", migrate, bodies[i], 400));

  json_node_unref (expect ("POST", "/bim/iam/bim/user/ghost%40example.com/migrate",
                           "{\"iamid\": \"okta\", \"userid\": \"ghost\"}", 404));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/lifecycle/disable", test_disable);
  g_test_add_func ("/server/lifecycle/disable/revokes-credentials", test_disable_revokes_credentials);
  g_test_add_func ("/server/lifecycle/list-by-status", test_list_by_status);
  g_test_add_func ("/server/lifecycle/disable/bad-requests", test_disable_bad_requests);
  g_test_add_func ("/server/lifecycle/enable", test_enable);
  g_test_add_func ("/server/lifecycle/delete", test_delete);
  g_test_add_func ("/server/lifecycle/delete/audit", test_delete_audit);
  g_test_add_func ("/server/lifecycle/delete/self", test_delete_self);
  g_test_add_func ("/server/lifecycle/delete/then-recreate", test_delete_then_recreate);
  g_test_add_func ("/server/lifecycle/delete/disabled", test_delete_disabled);
  g_test_add_func ("/server/lifecycle/migrate", test_migrate);
  g_test_add_func ("/server/lifecycle/migrate/keeps-credentials", test_migrate_keeps_credentials);
  g_test_add_func ("/server/lifecycle/migrate/unknown-iam", test_migrate_unknown_iam);
  g_test_add_func ("/server/lifecycle/migrate/target-taken", test_migrate_target_taken);
  g_test_add_func ("/server/lifecycle/migrate/same-iam", test_migrate_same_iam);
  g_test_add_func ("/server/lifecycle/migrate/bad-requests", test_migrate_bad_requests);

  server = steward_test_server_start ("--iam", "okta:Okta", "--iam", "ldap:Corporate LDAP", NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
