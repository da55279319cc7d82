/* test-server-auth.c
 *
 * Authentication and authorization of steward-server: API keys, tokens, the
 * three Authorization header forms, expiry, permission checks, route 2,
 * route 18 and "--issue-api-key".
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

static const char *const admin_permissions[] = { "APPLICATION_ADMIN", "AUDIT", "USER_ADMIN", NULL };

/* A user with the default permissions and a token of their own. */
typedef struct
{
  JsonNode *user;
  char     *userid;
  char     *api_key;
  char     *token;
} PlainUser;

static PlainUser *
plain_user_new (const char *email)
{
  PlainUser *plain = g_new0 (PlainUser, 1);

  plain->user = steward_test_http_create_user (server, admin_token, "Pat Plain", email, NULL);
  plain->userid = g_strdup (email);
  plain->api_key = steward_test_server_issue_api_key (server, email);
  plain->token = steward_test_http_authenticate (server, plain->api_key);

  return plain;
}

static void
plain_user_free (PlainUser *plain)
{
  json_node_unref (plain->user);
  g_free (plain->userid);
  g_free (plain->api_key);
  g_free (plain->token);
  g_free (plain);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlainUser, plain_user_free)

static char *
apikey_body (const char *apikey)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apikey");
  json_builder_add_string_value (builder, apikey);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return steward_test_json_to_string (root);
}

static void
test_authenticate (void)
{
  g_autofree char *body = apikey_body (server->admin_api_key);
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  const char *first_token;
  const char *second_token;

  first = steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, body, 200);
  second = steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, body, 200);

  g_assert_true (steward_test_json_get_bool (steward_test_json_object (first), "authenticated"));
  first_token = steward_test_json_get_string (steward_test_json_object (first), "token");
  second_token = steward_test_json_get_string (steward_test_json_object (second), "token");
  g_assert_cmpuint (strlen (first_token), >=, 16);
  /* Each exchange is a new session, and a token is not the key itself. */
  g_assert_cmpstr (first_token, !=, second_token);
  g_assert_cmpstr (first_token, !=, server->admin_api_key);
}

static void
test_authenticate_wrong_key (void)
{
  g_autofree char *body = apikey_body ("not-a-key-at-all");
  g_autofree char *token_as_key = apikey_body (admin_token);
  g_autofree char *truncated = g_strndup (server->admin_api_key, strlen (server->admin_api_key) - 1);
  g_autofree char *truncated_body = apikey_body (truncated);

  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, body, 401));
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, truncated_body, 401));
  /* A token is not a key: exchanging it must not mint another token. */
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, token_as_key, 401));
}

static void
test_authenticate_bad_body (void)
{
  g_autoptr (JsonNode) missing = NULL;
  g_autoptr (JsonNode) malformed = NULL;
  guint status = 0;

  missing = steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, "{}", 400);
  steward_test_assert_validation (missing, "apikey", "required");
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL,
                                             "{\"apikey\": 42}", 400));
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL,
                                             "[\"apikey\"]", 400));

  malformed = steward_test_http_request (server, "POST", "/bim/apikey/authenticate", NULL,
                                         "{\"apikey\": ", &status);
  steward_test_assert_parse_error (malformed, status, "{\"apikey\": ");
}

/* Route 2 with the Authorization header exactly as given. */
static JsonNode *
expect_current (const char *authorization,
                guint       expected_status)
{
  g_autoptr (JsonNode) reply = NULL;
  guint status = 0;

  reply = steward_test_http_request_with_header (server, "GET", "/bim/rpc/user/current",
                                                 authorization, NULL, &status);
  g_test_message ("Authorization: %s", authorization);
  if (expected_status >= 400)
    steward_test_assert_error (reply, status, expected_status);
  g_assert_cmpuint (status, ==, expected_status);

  return g_steal_pointer (&reply);
}

static void
assert_current_is_admin (const char *authorization)
{
  g_autoptr (JsonNode) reply = expect_current (authorization, 200);

  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (reply), "userid"), ==,
                   "admin@localhost");
}

static void
test_header_bearer_token (void)
{
  g_autofree char *header = g_strconcat ("Bearer ", admin_token, NULL);

  assert_current_is_admin (header);
}

static void
test_header_bare_token (void)
{
  assert_current_is_admin (admin_token);
}

static void
test_header_raw_api_key (void)
{
  assert_current_is_admin (server->admin_api_key);
}

static void
test_no_credentials (void)
{
  static const char *const paths[] = {
    "/bim/rpc/user/current", "/bim/iam", "/bim/user", "/bim/permissions",
    "/bim/user/metrics?days=7", "/audit", "/bim/iam/bim/user/admin%40localhost",
    "/dataSource/featureStore/connection", NULL
  };

  for (guint i = 0; paths[i] != NULL; i++)
    {
      json_node_unref (steward_test_http_expect (server, "GET", paths[i], NULL, NULL, 401));
    }

  json_node_unref (steward_test_http_expect (server, "POST", "/bim/iam/bim/user", NULL,
                                             "{\"userid\": \"anon@example.com\", \"profile\": "
                                             "{\"name\": \"Anon\", \"email\": \"anon@example.com\"}}",
                                             401));
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey", NULL, "{\"name\": \"x\"}", 401));
}

static void
test_wrong_credentials (void)
{
  static const char *const headers[] = {
    "Bearer not-a-token", "not-a-token", "Bearer ", "Bearer", "Basic YWRtaW46YWRtaW4=", NULL
  };

  for (guint i = 0; headers[i] != NULL; i++)
    json_node_unref (expect_current (headers[i], 401));
}

static void
test_expired_token (void)
{
  g_autoptr (StewardTestServer) short_lived = steward_test_server_start ("--token-ttl", "1", NULL);
  g_autofree char *token = steward_test_http_authenticate (short_lived, short_lived->admin_api_key);
  g_autofree char *fresh = NULL;

  json_node_unref (steward_test_http_expect (short_lived, "GET", "/bim/rpc/user/current", token, NULL, 200));

  g_usleep (2500 * G_TIME_SPAN_MILLISECOND);
  json_node_unref (steward_test_http_expect (short_lived, "GET", "/bim/rpc/user/current", token, NULL, 401));

  /* The key itself does not expire: exchanging it again works. */
  fresh = steward_test_http_authenticate (short_lived, short_lived->admin_api_key);
  json_node_unref (steward_test_http_expect (short_lived, "GET", "/bim/rpc/user/current", fresh, NULL, 200));
}

/* Callers are remembered per token until the next write: a caller who
 * was disabled, deleted or lost a permission is treated so from the very
 * next request, however often the token was used before. */
static void
test_caller_changes_apply_at_once (void)
{
  static const char *const user_admin[] = { "USER_ADMIN", NULL };
  g_autoptr (PlainUser) disabled = plain_user_new ("cached.disabled@example.com");
  g_autoptr (PlainUser) deleted = plain_user_new ("cached.deleted@example.com");
  g_autoptr (JsonNode) admin_user = steward_test_http_create_user (server, admin_token, "Ada Admin",
                                                                   "cached.admin@example.com", user_admin);
  g_autofree char *admin_key = steward_test_server_issue_api_key (server, "cached.admin@example.com");
  g_autofree char *second_admin = steward_test_http_authenticate (server, admin_key);
  g_autofree char *disable_path = steward_test_http_user_path ("bim", disabled->userid, "/disable/true");
  g_autofree char *delete_path = steward_test_http_user_path ("bim", deleted->userid, NULL);
  g_autofree char *grant_path = steward_test_http_user_path ("bim", "cached.admin@example.com", "/permissions/USER_ADMIN");

  for (guint i = 0; i < 3; i++)
    {
      json_node_unref (expect_current (disabled->token, 200));
      json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", disabled->api_key, NULL, 200));
      json_node_unref (expect_current (deleted->token, 200));
      json_node_unref (steward_test_http_expect (server, "GET", "/bim/user?size=1", second_admin, NULL, 200));
    }

  json_node_unref (steward_test_http_expect (server, "PUT", disable_path, admin_token, NULL, 200));
  json_node_unref (expect_current (disabled->token, 401));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", disabled->api_key, NULL, 401));

  json_node_unref (steward_test_http_expect (server, "DELETE", delete_path, admin_token, NULL, 200));
  json_node_unref (expect_current (deleted->token, 401));

  json_node_unref (steward_test_http_expect (server, "DELETE", grant_path, admin_token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/user?size=1", second_admin, NULL, 403));
  /* And granted again, at once too. */
  json_node_unref (steward_test_http_expect (server, "PUT", grant_path, admin_token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/user?size=1", second_admin, NULL, 200));
}

static void
test_current_user (void)
{
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *user;
  JsonObject *profile;

  reply = steward_test_http_expect (server, "GET", "/bim/rpc/user/current", admin_token, NULL, 200);
  steward_test_assert_user (reply);
  user = steward_test_json_object (reply);
  profile = steward_test_json_get_object (user, "profile");

  g_assert_cmpstr (steward_test_json_get_string (user, "iamid"), ==, "bim");
  g_assert_cmpstr (steward_test_json_get_string (user, "userid"), ==, "admin@localhost");
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Steward Administrator");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "email"), ==, "admin@localhost");
  steward_test_assert_permissions (reply, admin_permissions);
  g_assert_false (steward_test_json_get_bool (user, "disabled"));
  /* Exchanging the key is a login. */
  g_assert_nonnull (steward_test_json_get_nullable_string (user, "lastLogin"));
}

/* A sign-in keeps the listings the server remembers, but not the ones
 * ordered by last login nor the callers it read with their last logins:
 * whoever signed in last heads the order by last login at once, on the
 * connection that wrote it and on the reader's. */
static void
test_sign_in_reorders_last_login (void)
{
  g_autoptr (PlainUser) first = plain_user_new ("first.sign-in@example.com");
  g_autoptr (PlainUser) second = plain_user_new ("second.sign-in@example.com");
  static const char by_login[] = "/bim/user?sortField=lastLogin&sortOrder=desc&size=1";
  static const char by_email[] = "/bim/user?sortField=email&size=1000";
  g_autoptr (JsonNode) by_email_before = steward_test_http_expect (server, "GET", by_email, admin_token, NULL, 200);
  g_autoptr (JsonNode) by_email_after = NULL;

  for (guint round = 0; round < 4; round++)
    {
      PlainUser *signing = round % 2 == 0 ? first : second;
      g_autoptr (JsonNode) page = NULL;
      g_autoptr (JsonNode) current = NULL;
      g_autofree char *token = NULL;
      JsonObject      *head;

      /* Last logins are kept in milliseconds: two in the same one would
       * tie, and the tie goes to the newer user. */
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
      token = steward_test_http_authenticate (server, signing->api_key);
      page = steward_test_http_expect (server, "GET", by_login, admin_token, NULL, 200);
      head = steward_test_json_object (json_array_get_element (steward_test_json_get_array (steward_test_json_object (page), "hits"), 0));
      g_assert_cmpstr (steward_test_json_get_string (head, "userid"), ==, signing->userid);

      /* The token from before the sign-in reads the new last login too. */
      current = steward_test_http_expect (server, "GET", "/bim/rpc/user/current", signing->token, NULL, 200);
      g_assert_cmpstr (steward_test_json_get_nullable_string (steward_test_json_object (current), "lastLogin"), ==,
                       steward_test_json_get_nullable_string (head, "lastLogin"));
    }

  /* Other orders kept their listing and it is still right. */
  by_email_after = steward_test_http_expect (server, "GET", by_email, admin_token, NULL, 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (by_email_after), "count"), ==,
                   steward_test_json_get_int (steward_test_json_object (by_email_before), "count"));
}

static void
test_non_admin_forbidden (void)
{
  g_autoptr (PlainUser) plain = plain_user_new ("forbidden.plain@example.com");
  g_autoptr (JsonNode) other = steward_test_http_create_user (server, admin_token, "Olga Other",
                                                              "forbidden.other@example.com", NULL);
  g_autofree char *self = steward_test_http_user_path ("bim", plain->userid, NULL);
  g_autofree char *them = steward_test_http_user_path ("bim", "forbidden.other@example.com", NULL);
  struct
  {
    const char *method;
    char       *path;
    const char *body;
  } requests[] = {
    { "GET", g_strdup ("/bim/user"), NULL },
    { "POST", g_strdup ("/bim/iam/bim/user"),
      "{\"userid\": \"new.by.plain@example.com\", \"profile\": "
      "{\"name\": \"New\", \"email\": \"new.by.plain@example.com\"}}" },
    { "GET", g_strdup (them), NULL },
    { "PUT", g_strconcat (them, "/profile", NULL), "{\"phone\": \"+1 555 0100\"}" },
    /* Nobody may raise their own permissions without USER_ADMIN. */
    { "PUT", g_strconcat (self, "/permissions", NULL), "[\"USER_ADMIN\"]" },
    { "PUT", g_strconcat (self, "/permissions/USER_ADMIN", NULL), NULL },
    { "DELETE", g_strconcat (them, "/permissions/CREATE_PROJECT", NULL), NULL },
    { "PUT", g_strconcat (them, "/disable/true", NULL), NULL },
    { "DELETE", g_strdup (them), NULL },
    { "POST", g_strconcat (them, "/migrate", NULL), "{\"iamid\": \"okta\", \"userid\": \"other\"}" },
    { "GET", g_strdup ("/bim/user/metrics?days=7"), NULL },
    { "GET", g_strdup ("/audit"), NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      json_node_unref (steward_test_http_expect (server, requests[i].method, requests[i].path,
                                                 plain->token, requests[i].body, 403));
      g_free (requests[i].path);
    }

  /* Nothing was changed by the refused requests. */
  {
    g_autoptr (JsonNode) again = steward_test_http_expect (server, "GET", them, admin_token, NULL, 200);
    g_autoptr (JsonNode) me = steward_test_http_expect (server, "GET", self, admin_token, NULL, 200);
    static const char *const defaults[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", NULL };

    g_assert_false (steward_test_json_get_bool (steward_test_json_object (again), "disabled"));
    steward_test_assert_permissions (again, defaults);
    steward_test_assert_permissions (me, defaults);
  }
}

static void
test_non_admin_allowed (void)
{
  g_autoptr (PlainUser) plain = plain_user_new ("allowed.plain@example.com");
  g_autofree char *self = steward_test_http_user_path ("bim", plain->userid, NULL);
  g_autofree char *self_profile = g_strconcat (self, "/profile", NULL);
  g_autoptr (JsonNode) current = NULL;
  g_autoptr (JsonNode) profile = NULL;

  current = steward_test_http_expect (server, "GET", "/bim/rpc/user/current", plain->token, NULL, 200);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (current), "userid"), ==,
                   plain->userid);

  json_node_unref (steward_test_http_expect (server, "GET", "/bim/iam", plain->token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/permissions", plain->token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", self, plain->token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", "/dataSource/featureStore/connection",
                                             plain->token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/metrics/interactions", plain->token,
                                             "{\"counts\": {\"search\": 1}}", 200));

  profile = steward_test_http_expect (server, "PUT", self_profile, plain->token,
                                      "{\"position\": \"Analyst\"}", 200);
  g_assert_cmpstr (steward_test_json_get_nullable_string (steward_test_json_object (profile), "position"),
                   ==, "Analyst");
}

static void
test_audit_permission_alone (void)
{
  static const char *const audit_only[] = { "AUDIT", NULL };
  g_autoptr (JsonNode) auditor = steward_test_http_create_user (server, admin_token, "Ada Auditor",
                                                                "auditor@example.com", audit_only);
  g_autofree char *key = steward_test_server_issue_api_key (server, "auditor@example.com");
  g_autofree char *token = steward_test_http_authenticate (server, key);

  json_node_unref (steward_test_http_expect (server, "GET", "/audit", token, NULL, 200));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/user", token, NULL, 403));
}

static void
test_issue_api_key_unknown_user (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              status;

  status = steward_test_server_run_tool (server, &out, &err, "--issue-api-key", "nobody@example.com", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (strlen (g_strstrip (err)), >, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = steward_test_server_run_tool (server, &out, &err, "--issue-api-key", "okta:nobody", NULL);
  g_assert_cmpint (status, ==, 1);
}

static void
test_issue_api_key_iam_user (void)
{
  g_autoptr (JsonNode) user = steward_test_http_create_user (server, admin_token, "Ivan Iam",
                                                             "ivan.iam@example.com", NULL);
  g_autofree char *migrate = steward_test_http_user_path ("bim", "ivan.iam@example.com", "/migrate");
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) current = NULL;
  JsonObject *object;

  json_node_unref (steward_test_http_expect (server, "POST", migrate, admin_token,
                                             "{\"iamid\": \"okta\", \"userid\": \"ivan\"}", 200));

  key = steward_test_server_issue_api_key (server, "okta:ivan");
  token = steward_test_http_authenticate (server, key);
  current = steward_test_http_expect (server, "GET", "/bim/rpc/user/current", token, NULL, 200);
  object = steward_test_json_object (current);
  g_assert_cmpstr (steward_test_json_get_string (object, "iamid"), ==, "okta");
  g_assert_cmpstr (steward_test_json_get_string (object, "userid"), ==, "ivan");
  g_assert_cmpint (steward_test_json_get_int (object, "id"), ==,
                   steward_test_json_get_int (steward_test_json_object (user), "id"));
}

static void
test_apikey_create_and_revoke (void)
{
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) revoked = NULL;
  g_autofree char *body = NULL;
  g_autofree char *token = NULL;
  g_autofree char *revoke_path = NULL;
  JsonObject      *object;
  const char      *apikey;
  gint64           keyid;

  created = steward_test_http_expect (server, "POST", "/bim/apikey", admin_token, "{\"name\": \"ci runner\"}", 200);
  object = steward_test_json_object (created);
  apikey = steward_test_json_get_string (object, "apikey");
  keyid = steward_test_json_get_int (object, "keyid");
  g_assert_cmpstr (steward_test_json_get_string (object, "name"), ==, "ci runner");
  g_assert_cmpstr (apikey, !=, server->admin_api_key);

  token = steward_test_http_authenticate (server, apikey);
  assert_current_is_admin (apikey);

  revoke_path = g_strdup_printf ("/bim/apikey/%" G_GINT64_FORMAT, keyid);
  revoked = steward_test_http_expect (server, "DELETE", revoke_path, admin_token, NULL, 200);
  /* The token exchanged above dies with its key. */
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (revoked), "revokedTokens"), >=, 1);

  body = apikey_body (apikey);
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey/authenticate", NULL, body, 401));
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", token, NULL, 401));
  json_node_unref (expect_current (apikey, 401));
  json_node_unref (steward_test_http_expect (server, "DELETE", revoke_path, admin_token, NULL, 404));

  /* The other credentials of the same person are untouched. */
  assert_current_is_admin (server->admin_api_key);
  json_node_unref (steward_test_http_expect (server, "GET", "/bim/rpc/user/current", admin_token, NULL, 200));
}

static void
test_apikey_bad_requests (void)
{
  json_node_unref (steward_test_http_expect (server, "POST", "/bim/apikey", admin_token, "{\"name\": 17}", 400));
  json_node_unref (steward_test_http_expect (server, "DELETE", "/bim/apikey/987654", admin_token, NULL, 404));
}

static void
test_apikey_revoke_foreign (void)
{
  g_autoptr (PlainUser) plain = plain_user_new ("foreign.keys@example.com");
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) refused = NULL;
  g_autofree char *revoke_path = NULL;
  const char      *apikey;
  guint            status = 0;

  created = steward_test_http_expect (server, "POST", "/bim/apikey", admin_token, "{\"name\": \"mine\"}", 200);
  apikey = steward_test_json_get_string (steward_test_json_object (created), "apikey");
  revoke_path = g_strdup_printf ("/bim/apikey/%" G_GINT64_FORMAT,
                                 steward_test_json_get_int (steward_test_json_object (created), "keyid"));

  /* Somebody else's key is either hidden (404) or refused (403); what
   * matters is that it keeps working. */
  refused = steward_test_http_request (server, "DELETE", revoke_path, plain->token, NULL, &status);
  g_assert_true (status == 403 || status == 404);
  steward_test_assert_error (refused, status, status);
  assert_current_is_admin (apikey);

  json_node_unref (steward_test_http_expect (server, "DELETE", revoke_path, admin_token, NULL, 200));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/auth/authenticate", test_authenticate);
  g_test_add_func ("/server/auth/authenticate/wrong-key", test_authenticate_wrong_key);
  g_test_add_func ("/server/auth/authenticate/bad-body", test_authenticate_bad_body);
  g_test_add_func ("/server/auth/header/bearer-token", test_header_bearer_token);
  g_test_add_func ("/server/auth/header/bare-token", test_header_bare_token);
  g_test_add_func ("/server/auth/header/raw-api-key", test_header_raw_api_key);
  g_test_add_func ("/server/auth/no-credentials", test_no_credentials);
  g_test_add_func ("/server/auth/wrong-credentials", test_wrong_credentials);
  g_test_add_func ("/server/auth/expired-token", test_expired_token);
  g_test_add_func ("/server/auth/current-user", test_current_user);
  g_test_add_func ("/server/auth/caller-changes-apply-at-once", test_caller_changes_apply_at_once);
  g_test_add_func ("/server/auth/sign-in-reorders-last-login", test_sign_in_reorders_last_login);
  g_test_add_func ("/server/auth/non-admin/forbidden", test_non_admin_forbidden);
  g_test_add_func ("/server/auth/non-admin/allowed", test_non_admin_allowed);
  g_test_add_func ("/server/auth/audit-permission-alone", test_audit_permission_alone);
  g_test_add_func ("/server/auth/issue-api-key/unknown-user", test_issue_api_key_unknown_user);
  g_test_add_func ("/server/auth/issue-api-key/iam-user", test_issue_api_key_iam_user);
  g_test_add_func ("/server/auth/apikey/create-and-revoke", test_apikey_create_and_revoke);
  g_test_add_func ("/server/auth/apikey/bad-requests", test_apikey_bad_requests);
  g_test_add_func ("/server/auth/apikey/revoke-foreign", test_apikey_revoke_foreign);

  server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
