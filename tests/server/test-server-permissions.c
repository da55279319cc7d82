/* test-server-permissions.c
 *
 * Permission changes on steward-server: replacing the whole set (route 8),
 * removing one (route 9), granting one (route 13), and the audit records
 * they leave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-assert.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

static StewardTestServer *server;
static char              *admin_token;

static const char *const default_permissions[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", NULL };

/* Creates a user with the default permissions and returns its path plus
 * @suffix. */
static char *
new_user_path (const char *email,
               const char *suffix)
{
  json_node_unref (steward_test_http_create_user (server, admin_token, "Pam Permission", email, NULL));

  return steward_test_http_user_path ("bim", email, suffix);
}

static JsonNode *
expect (const char *method,
        const char *path,
        const char *body,
        guint       expected_status)
{
  return steward_test_http_expect (server, method, path, admin_token, body, expected_status);
}

static void
assert_stored_permissions (const char        *email,
                           const char *const *expected)
{
  g_autofree char *path = steward_test_http_user_path ("bim", email, NULL);
  g_autoptr (JsonNode) user = expect ("GET", path, NULL, 200);

  steward_test_assert_permissions (user, expected);
}

/* The newest audit record of @record_type about @userid. */
static JsonNode *
latest_audit (const char *userid,
              const char *record_type)
{
  g_autofree char *escaped = steward_test_http_escape (userid);
  g_autofree char *path = g_strdup_printf ("/audit?userid=%s&recordType=%s&size=1", escaped, record_type);
  g_autoptr (JsonNode) reply = expect ("GET", path, NULL, 200);
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");

  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  return json_node_copy (json_array_get_element (hits, 0));
}

static void
assert_strv_member (JsonObject        *object,
                    const char        *member,
                    const char *const *expected)
{
  g_auto (GStrv) actual = steward_test_json_array_strv (steward_test_json_get_array (object, member));

  g_test_message ("details.%s", member);
  g_assert_cmpstrv (actual, expected);
}

static void
test_replace (void)
{
  static const char *const sorted[] = { "AUDIT", "CUSTOM_X", "GOVERNANCE", NULL };
  g_autofree char         *path = new_user_path ("replace@example.com", "/permissions");
  g_autoptr (JsonNode) reply = NULL;

  reply = expect ("PUT", path, "[\"GOVERNANCE\", \"CUSTOM_X\", \"AUDIT\"]", 200);
  steward_test_assert_user (reply);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (reply), "userid"), ==,
                   "replace@example.com");
  steward_test_assert_permissions (reply, sorted);
  assert_stored_permissions ("replace@example.com", sorted);
}

static void
test_replace_empty (void)
{
  static const char *const none[] = { NULL };
  g_autofree char         *path = new_user_path ("replace.empty@example.com", "/permissions");
  g_autoptr (JsonNode) reply = expect ("PUT", path, "[]", 200);

  steward_test_assert_permissions (reply, none);
  assert_stored_permissions ("replace.empty@example.com", none);
}

static void
test_replace_invalid (void)
{
  static const char *const bodies[] = {
    "[\"audit\"]", "[\"AUDIT\", \"not valid\"]", "[\"AUDIT\", 1]", "{\"permissions\": [\"AUDIT\"]}",
    "\"AUDIT\"", "[\"AUDIT\"", "[null]", "", NULL
  };
  g_autofree char *path = new_user_path ("replace.invalid@example.com", "/permissions");

  for (guint i = 0; bodies[i] != NULL; i++)
    json_node_unref (expect ("PUT", path, bodies[i], 400));

  /* A refused set changes nothing, not even its valid part. */
  assert_stored_permissions ("replace.invalid@example.com", default_permissions);
}

static void
test_replace_unknown_user (void)
{
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/ghost%40example.com/permissions", "[\"AUDIT\"]", 404));
  json_node_unref (expect ("PUT", "/bim/iam/nope/user/admin%40localhost/permissions", "[\"AUDIT\"]", 404));
}

static void
test_grant (void)
{
  static const char *const granted[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", "GOVERNANCE", NULL };
  g_autofree char         *path = new_user_path ("grant@example.com", "/permissions/GOVERNANCE");
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) again = NULL;

  first = expect ("PUT", path, NULL, 200);
  steward_test_assert_user (first);
  steward_test_assert_permissions (first, granted);

  /* Idempotent: no duplicate, no error. */
  again = expect ("PUT", path, NULL, 200);
  steward_test_assert_permissions (again, granted);
  assert_stored_permissions ("grant@example.com", granted);
}

static void
test_grant_custom (void)
{
  static const char *const granted[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", "TEAM_REPORTS_2024", NULL };
  g_autofree char         *path = new_user_path ("grant.custom@example.com", "/permissions/TEAM_REPORTS_2024");
  g_autoptr (JsonNode) reply = expect ("PUT", path, NULL, 200);
  g_autoptr (JsonNode) catalogue = NULL;
  JsonArray *entries;
  gboolean   listed = FALSE;

  steward_test_assert_permissions (reply, granted);

  /* A custom permission in use shows up in the catalogue, marked as such. */
  catalogue = expect ("GET", "/bim/permissions", NULL, 200);
  entries = steward_test_json_array (catalogue);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = steward_test_json_object (json_array_get_element (entries, i));

      if (g_str_equal (steward_test_json_get_string (entry, "name"), "TEAM_REPORTS_2024"))
        {
          g_assert_false (steward_test_json_get_bool (entry, "builtin"));
          listed = TRUE;
        }
    }
  g_assert_true (listed);
}

static void
test_grant_invalid (void)
{
  g_autofree char         *user = new_user_path ("grant.invalid@example.com", NULL);
  static const char *const names[] = { "audit", "1ABC", "A-B", "A%20B", "%C3%84UDIT", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (user, "/permissions/", names[i], NULL);

      json_node_unref (expect ("PUT", path, NULL, 400));
    }

  assert_stored_permissions ("grant.invalid@example.com", default_permissions);
  json_node_unref (expect ("PUT", "/bim/iam/bim/user/ghost%40example.com/permissions/AUDIT", NULL, 404));
}

static void
test_remove (void)
{
  static const char *const remaining[] = { "CREATE_DATA_SOURCE_IN_PROJECT", NULL };
  g_autofree char         *path = new_user_path ("remove@example.com", "/permissions/CREATE_PROJECT");
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) again = NULL;

  first = expect ("DELETE", path, NULL, 200);
  steward_test_assert_user (first);
  steward_test_assert_permissions (first, remaining);

  /* Removing what is not held is not an error. */
  again = expect ("DELETE", path, NULL, 200);
  steward_test_assert_permissions (again, remaining);
  assert_stored_permissions ("remove@example.com", remaining);
}

static void
test_remove_invalid (void)
{
  g_autofree char *path = new_user_path ("remove.invalid@example.com", "/permissions/create_project");

  json_node_unref (expect ("DELETE", path, NULL, 400));
  assert_stored_permissions ("remove.invalid@example.com", default_permissions);
  json_node_unref (expect ("DELETE", "/bim/iam/bim/user/ghost%40example.com/permissions/AUDIT", NULL, 404));
}

static void
test_replace_audit_details (void)
{
  static const char *const before[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", NULL };
  static const char *const after[] = { "AUDIT", "CREATE_PROJECT", "GOVERNANCE", NULL };
  static const char *const added[] = { "AUDIT", "GOVERNANCE", NULL };
  static const char *const removed[] = { "CREATE_DATA_SOURCE_IN_PROJECT", NULL };
  g_autofree char         *path = new_user_path ("replace.audit@example.com", "/permissions");
  g_autoptr (JsonNode) record = NULL;
  JsonObject *object;
  JsonObject *details;

  json_node_unref (expect ("PUT", path, "[\"GOVERNANCE\", \"CREATE_PROJECT\", \"AUDIT\"]", 200));

  record = latest_audit ("replace.audit@example.com", "permissionsUpdated");
  object = steward_test_assert_audit_record (record);
  g_assert_true (steward_test_json_get_bool (object, "success"));
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_get_object (object, "actor"), "userid"), ==,
                   "admin@localhost");
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_get_object (object, "target"), "userid"), ==,
                   "replace.audit@example.com");

  details = steward_test_json_get_object (object, "details");
  assert_strv_member (details, "before", before);
  assert_strv_member (details, "after", after);
  assert_strv_member (details, "added", added);
  assert_strv_member (details, "removed", removed);
}

static void
test_grant_and_remove_audit_details (void)
{
  static const char *const none[] = { NULL };
  static const char *const governance[] = { "GOVERNANCE", NULL };
  static const char *const create_project[] = { "CREATE_PROJECT", NULL };
  g_autofree char         *user = new_user_path ("single.audit@example.com", NULL);
  g_autofree char         *grant = g_strconcat (user, "/permissions/GOVERNANCE", NULL);
  g_autofree char         *remove = g_strconcat (user, "/permissions/CREATE_PROJECT", NULL);
  g_autoptr (JsonNode) granted = NULL;
  g_autoptr (JsonNode) removed = NULL;
  JsonObject *details;

  json_node_unref (expect ("PUT", grant, NULL, 200));
  granted = latest_audit ("single.audit@example.com", "permissionsUpdated");
  details = steward_test_json_get_object (steward_test_assert_audit_record (granted), "details");
  assert_strv_member (details, "added", governance);
  assert_strv_member (details, "removed", none);

  json_node_unref (expect ("DELETE", remove, NULL, 200));
  removed = latest_audit ("single.audit@example.com", "permissionsUpdated");
  details = steward_test_json_get_object (steward_test_assert_audit_record (removed), "details");
  assert_strv_member (details, "added", none);
  assert_strv_member (details, "removed", create_project);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/permissions/replace", test_replace);
  g_test_add_func ("/server/permissions/replace/empty", test_replace_empty);
  g_test_add_func ("/server/permissions/replace/invalid", test_replace_invalid);
  g_test_add_func ("/server/permissions/replace/unknown-user", test_replace_unknown_user);
  g_test_add_func ("/server/permissions/replace/audit-details", test_replace_audit_details);
  g_test_add_func ("/server/permissions/grant", test_grant);
  g_test_add_func ("/server/permissions/grant/custom", test_grant_custom);
  g_test_add_func ("/server/permissions/grant/invalid", test_grant_invalid);
  g_test_add_func ("/server/permissions/remove", test_remove);
  g_test_add_func ("/server/permissions/remove/invalid", test_remove_invalid);
  g_test_add_func ("/server/permissions/single/audit-details", test_grant_and_remove_audit_details);

  server = steward_test_server_start (NULL, NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
