/* test-server-users.c
 *
 * The user directory of steward-server: IAMs (route 3), listing with paging,
 * sorting and filters (route 4), creation (route 5), lookup (route 6),
 * profile updates (route 7), the permission catalogue (route 12) and the
 * query-engine connection.
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

static const char *const default_permissions[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", NULL };

static JsonNode *
get_json (const char *path)
{
  return steward_test_http_expect (server, "GET", path, admin_token, NULL, 200);
}

static void
expect_status (const char *method,
               const char *path,
               const char *body,
               guint       expected_status)
{
  json_node_unref (steward_test_http_expect (server, method, path, admin_token, body, expected_status));
}

static void
migrate (const char *email,
         const char *iamid,
         const char *userid)
{
  g_autofree char *path = steward_test_http_user_path ("bim", email, "/migrate");
  g_autofree char *body = g_strdup_printf ("{\"iamid\": \"%s\", \"userid\": \"%s\"}", iamid, userid);

  json_node_unref (steward_test_http_expect (server, "POST", path, admin_token, body, 200));
}

/* The userids of a list reply, in reply order. */
static char **
hit_userids (JsonNode *reply)
{
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));

      g_strv_builder_add (builder, steward_test_json_get_string (hit, "userid"));
    }

  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* GETs /bim/user?QUERY and asserts the hits are exactly @expected (in any
 * order) and "count" agrees. */
static void
assert_list_matches (const char        *query,
                     const char *const *expected)
{
  g_autofree char *path = g_strconcat ("/bim/user?", query, NULL);
  g_autoptr (JsonNode) reply = get_json (path);
  g_auto (GStrv) actual = hit_userids (reply);
  g_auto (GStrv) wanted = g_strdupv ((char **) expected);

  qsort (actual, g_strv_length (actual), sizeof (char *), compare_strings);
  qsort (wanted, g_strv_length (wanted), sizeof (char *), compare_strings);
  g_assert_cmpstrv (actual, wanted);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==,
                   g_strv_length (wanted));
}

/* Route 3 ------------------------------------------------------------------ */

static void
test_iams (void)
{
  g_autoptr (JsonNode) reply = get_json ("/bim/iam");
  JsonArray *iams = steward_test_json_array (reply);
  gboolean   seen_bim = FALSE, seen_okta = FALSE, seen_ldap = FALSE;

  for (guint i = 0; i < json_array_get_length (iams); i++)
    {
      JsonObject *iam = steward_test_json_object (json_array_get_element (iams, i));
      const char *id = steward_test_json_get_string (iam, "id");
      const char *display_name = steward_test_json_get_string (iam, "displayName");

      g_assert_cmpstr (steward_test_json_get_string (iam, "type"), !=, "");
      steward_test_json_get_bool (iam, "oauth");
      g_assert_cmpstr (display_name, !=, "");

      if (g_str_equal (id, "bim"))
        seen_bim = TRUE;
      else if (g_str_equal (id, "okta"))
        seen_okta = g_str_equal (display_name, "Okta");
      else if (g_str_equal (id, "ldap"))
        seen_ldap = g_str_equal (display_name, "Corporate LDAP");
    }

  g_assert_true (seen_bim);
  g_assert_true (seen_okta);
  g_assert_true (seen_ldap);
  g_assert_cmpuint (json_array_get_length (iams), ==, 3);
}

/* Route 12 ----------------------------------------------------------------- */

static void
test_permission_catalogue (void)
{
  static const char *const builtins[] = {
    "APPLICATION_ADMIN", "USER_ADMIN", "GOVERNANCE", "AUDIT", "CREATE_DATA_SOURCE",
    "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", "PROJECT_MANAGEMENT", "IMPERSONATE_USER",
    "CREATE_FILTER", "FETCH_POLICY_INFO", NULL
  };
  g_autoptr (JsonNode) reply = get_json ("/bim/permissions");
  JsonArray *permissions = steward_test_json_array (reply);
  guint      n_builtin = 0;

  for (guint i = 0; i < json_array_get_length (permissions); i++)
    {
      JsonObject *permission = steward_test_json_object (json_array_get_element (permissions, i));
      const char *name = steward_test_json_get_string (permission, "name");
      gboolean    builtin = steward_test_json_get_bool (permission, "builtin");

      steward_test_json_get_nullable_string (permission, "description");
      g_assert_cmpint (builtin, ==, g_strv_contains (builtins, name));
      if (builtin)
        {
          g_assert_cmpstr (steward_test_json_get_string (permission, "description"), !=, "");
          n_builtin++;
        }
    }

  g_assert_cmpuint (n_builtin, ==, g_strv_length ((char **) builtins));
}

/* Route 5 ------------------------------------------------------------------ */

static void
test_create (void)
{
  g_autofree char *body = steward_test_http_user_body ("Ann Lee", "ann.lee@example.com", NULL);
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *object;
  JsonObject *user;
  JsonObject *profile;
  const char *link;

  reply = steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token, body, 200);
  object = steward_test_json_object (reply);
  steward_test_json_get_bool (object, "emailSent");
  steward_test_json_get_bool (object, "emailFailed");
  link = steward_test_json_get_nullable_string (object, "newUserLink");
  g_assert_true (link == NULL || *link != '\0');

  steward_test_assert_user (json_object_get_member (object, "newUser"));
  user = steward_test_json_get_object (object, "newUser");
  profile = steward_test_json_get_object (user, "profile");
  g_assert_cmpstr (steward_test_json_get_string (user, "iamid"), ==, "bim");
  g_assert_cmpstr (steward_test_json_get_string (user, "userid"), ==, "ann.lee@example.com");
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Ann Lee");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "email"), ==, "ann.lee@example.com");
  g_assert_null (steward_test_json_get_nullable_string (profile, "sqlUser"));
  g_assert_null (steward_test_json_get_nullable_string (profile, "phone"));
  g_assert_null (steward_test_json_get_nullable_string (user, "lastLogin"));
  g_assert_false (steward_test_json_get_bool (user, "disabled"));
  g_assert_false (steward_test_json_get_bool (user, "systemGenerated"));
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (user, "groupPermissions")), ==, 0);
  steward_test_assert_permissions (json_object_get_member (object, "newUser"), default_permissions);
}

static void
test_create_with_permissions (void)
{
  static const char *const given[] = { "GOVERNANCE", "CUSTOM_REPORTS_2", "AUDIT", NULL };
  static const char *const sorted[] = { "AUDIT", "CUSTOM_REPORTS_2", "GOVERNANCE", NULL };
  static const char *const none[] = { NULL };
  g_autoptr (JsonNode) user = NULL;
  g_autoptr (JsonNode) empty = NULL;

  user = steward_test_http_create_user (server, admin_token, "Gus Given", "gus.given@example.com", given);
  steward_test_assert_permissions (user, sorted);

  /* An explicit empty list means none, not the defaults. */
  empty = steward_test_http_create_user (server, admin_token, "Nina None", "nina.none@example.com", none);
  steward_test_assert_permissions (empty, none);
}

static void
test_create_malformed_json (void)
{
  static const char *const bodies[] = {
    "{\"userid\": ", "{userid: \"x@example.com\"}", "{\"profile\": {\"name\": \"A\",}}", NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_autoptr (JsonNode) reply = NULL;
      guint status = 0;

      reply = steward_test_http_request (server, "POST", "/bim/iam/bim/user", admin_token, bodies[i], &status);
      g_test_message ("POST /bim/iam/bim/user %s", bodies[i]);
      steward_test_assert_parse_error (reply, status, bodies[i]);
    }
}

static void
test_create_not_an_object (void)
{
  expect_status ("POST", "/bim/iam/bim/user", "[]", 400);
  expect_status ("POST", "/bim/iam/bim/user", "\"ann@example.com\"", 400);
  expect_status ("POST", "/bim/iam/bim/user", "null", 400);
  expect_status ("POST", "/bim/iam/bim/user", "", 400);
  expect_status ("POST", "/bim/iam/bim/user", NULL, 400);
}

static void
test_create_missing_fields (void)
{
  g_autoptr (JsonNode) no_name = NULL;
  g_autoptr (JsonNode) no_email = NULL;

  no_name = steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token,
                                      "{\"userid\": \"nameless@example.com\", \"profile\": "
                                      "{\"email\": \"nameless@example.com\"}}",
                                      400);
  steward_test_assert_validation (no_name, "profile.name", "required");

  no_email = steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token,
                                       "{\"profile\": {\"name\": \"No Mail\"}}", 400);
  steward_test_assert_validation (no_email, "profile.email", "required");

  expect_status ("POST", "/bim/iam/bim/user", "{\"userid\": \"noprofile@example.com\"}", 400);
  expect_status ("POST", "/bim/iam/bim/user", "{}", 400);
  expect_status ("POST", "/bim/iam/bim/user",
                 "{\"userid\": \"nullname@example.com\", \"profile\": "
                 "{\"name\": null, \"email\": \"nullname@example.com\"}}",
                 400);
}

static void
test_create_wrong_types (void)
{
  static const char *const bodies[] = {
    "{\"userid\": \"t1@example.com\", \"profile\": {\"name\": 42, \"email\": \"t1@example.com\"}}",
    "{\"userid\": \"t2@example.com\", \"profile\": {\"name\": \"T Two\", \"email\": true}}",
    "{\"userid\": \"t3@example.com\", \"profile\": \"T Three\"}",
    "{\"userid\": 3, \"profile\": {\"name\": \"T Four\", \"email\": \"t4@example.com\"}}",
    "{\"userid\": \"t5@example.com\", \"profile\": {\"name\": \"T Five\", \"email\": \"t5@example.com\"},"
    " \"permissions\": \"AUDIT\"}",
    "{\"userid\": \"t6@example.com\", \"profile\": {\"name\": \"T Six\", \"email\": \"t6@example.com\"},"
    " \"permissions\": [1]}",
    "{\"userid\": \"t7@example.com\", \"profile\": {\"name\": [\"T\"], \"email\": \"t7@example.com\"}}",
    NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    expect_status ("POST", "/bim/iam/bim/user", bodies[i], 400);

  /* None of them left a user behind. */
  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *userid = g_strdup_printf ("t%u@example.com", i);
      g_autofree char *path = steward_test_http_user_path ("bim", userid, NULL);

      expect_status ("GET", path, NULL, 404);
    }
}

static void
test_create_bad_email (void)
{
  static const char *const emails[] = {
    "not-an-email", "a@", "@example.com", "a b@example.com", "a@@example.com", "a@b@example.com",
    ".dot@example.com", "dot.@example.com", "a@-example.com", "a@example..com", "<a@example.com>", NULL
  };

  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *body = steward_test_http_user_body ("Bad Mail", emails[i], NULL);
      g_autoptr (JsonNode) reply = NULL;

      reply = steward_test_http_expect (server, "POST", "/bim/iam/bim/user", admin_token, body, 400);
      steward_test_assert_validation (reply, "profile.email", "format");
    }
}

static void
test_create_bad_permission_names (void)
{
  g_autofree char *longest = g_strnfill (64, 'P');
  g_autofree char *too_long = g_strnfill (65, 'P');
  const char      *bad[] = { "audit", "1ABC", "A-B", "", "_LEADING", "SPACE NAME", "ÄUDIT", too_long, NULL };
  const char      *good[] = { longest, NULL };
  g_autoptr (JsonNode) user = NULL;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      const char      *permissions[] = { "AUDIT", bad[i], NULL };
      g_autofree char *email = g_strdup_printf ("badperm%u@example.com", i);
      g_autofree char *body = steward_test_http_user_body ("Bad Permission", email, permissions);

      expect_status ("POST", "/bim/iam/bim/user", body, 400);
    }

  user = steward_test_http_create_user (server, admin_token, "Long Permission", "longperm@example.com", good);
  steward_test_assert_permissions (user, good);
}

static void
test_create_duplicate_email (void)
{
  g_autoptr (JsonNode) first = steward_test_http_create_user (server, admin_token, "Dee Dupe",
                                                              "Dee.Dupe@Example.com", NULL);
  g_autofree char *same = steward_test_http_user_body ("Dee Again", "Dee.Dupe@Example.com", NULL);
  g_autofree char *other_case = steward_test_http_user_body ("Dee Lower", "dee.dupe@example.com", NULL);
  g_autofree char *upper_case = steward_test_http_user_body ("Dee Upper", "DEE.DUPE@EXAMPLE.COM", NULL);
  g_autoptr (JsonNode) list = NULL;

  expect_status ("POST", "/bim/iam/bim/user", same, 409);
  expect_status ("POST", "/bim/iam/bim/user", other_case, 409);
  expect_status ("POST", "/bim/iam/bim/user", upper_case, 409);

  list = get_json ("/bim/user?searchText=dee.dupe&includeDisabled=true");
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (list), "count"), ==, 1);
}

static void
test_create_blank_name (void)
{
  static const char *const names[] = { "", "   ", "\t", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *email = g_strdup_printf ("blank%u@example.com", i);
      g_autofree char *body = steward_test_http_user_body (names[i], email, NULL);

      expect_status ("POST", "/bim/iam/bim/user", body, 400);
    }
}

/* Route 6 ------------------------------------------------------------------ */

static void
assert_same_user (JsonNode *a,
                  JsonNode *b)
{
  JsonObject *x = steward_test_json_object (a);
  JsonObject *y = steward_test_json_object (b);

  g_assert_cmpint (steward_test_json_get_int (x, "id"), ==, steward_test_json_get_int (y, "id"));
  g_assert_cmpstr (steward_test_json_get_string (x, "iamid"), ==, steward_test_json_get_string (y, "iamid"));
  g_assert_cmpstr (steward_test_json_get_string (x, "userid"), ==, steward_test_json_get_string (y, "userid"));
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_get_object (x, "profile"), "name"), ==,
                   steward_test_json_get_string (steward_test_json_get_object (y, "profile"), "name"));
  g_assert_cmpstr (steward_test_json_get_string (x, "createdAt"), ==, steward_test_json_get_string (y, "createdAt"));
}

static void
test_get_by_userid_and_id (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Gia Getter",
                                                                "gia.getter@example.com", NULL);
  g_autofree char *by_userid_path = steward_test_http_user_path ("bim", "gia.getter@example.com", NULL);
  g_autofree char *by_id_path = g_strdup_printf ("/bim/iam/bim/user/%" G_GINT64_FORMAT,
                                                 steward_test_json_get_int (steward_test_json_object (created), "id"));
  g_autoptr (JsonNode) by_userid = get_json (by_userid_path);
  g_autoptr (JsonNode) by_id = get_json (by_id_path);

  steward_test_assert_user (by_userid);
  steward_test_assert_user (by_id);
  assert_same_user (created, by_userid);
  assert_same_user (created, by_id);
  steward_test_assert_permissions (by_userid, default_permissions);
}

static void
test_get_unknown (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Wanda Wrongiam",
                                                                "wanda@example.com", NULL);

  expect_status ("GET", "/bim/iam/bim/user/nobody%40example.com", NULL, 404);
  expect_status ("GET", "/bim/iam/bim/user/987654321", NULL, 404);
  expect_status ("GET", "/bim/iam/nope/user/wanda%40example.com", NULL, 404);
  /* IAM ids are case-sensitive, and a bim user is not an okta user. */
  expect_status ("GET", "/bim/iam/BIM/user/wanda%40example.com", NULL, 404);
  expect_status ("GET", "/bim/iam/okta/user/wanda%40example.com", NULL, 404);
}

static void
test_unknown_route (void)
{
  expect_status ("GET", "/bim/nothing", NULL, 404);
  expect_status ("GET", "/", NULL, 404);
  expect_status ("GET", "/api/v1/bim/user", NULL, 404);
  expect_status ("GET", "/bim/iam/bim/user/admin%40localhost/nothing", NULL, 404);
  expect_status ("POST", "/bim/users", "{}", 404);
}

/* Route 7 ------------------------------------------------------------------ */

static void
test_profile_update (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Pablo Profile",
                                                                "pablo.profile@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "pablo.profile@example.com", "/profile");
  g_autofree char *user_path = steward_test_http_user_path ("bim", "pablo.profile@example.com", NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) partial = NULL;
  g_autoptr (JsonNode) fetched = NULL;
  JsonObject *profile;

  reply = steward_test_http_expect (server, "PUT", path, admin_token,
                                    "{\"phone\": \"+1 555 0100\", \"position\": \"Analyst\", "
                                    "\"organization\": \"Data Office\", \"sqlUser\": \"pablo_p\", "
                                    "\"somethingNew\": \"ignored\"}",
                                    200);
  profile = steward_test_json_object (reply);
  g_assert_cmpint (steward_test_json_get_int (profile, "id"), ==,
                   steward_test_json_get_int (steward_test_json_object (created), "id"));
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Pablo Profile");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "email"), ==, "pablo.profile@example.com");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "phone"), ==, "+1 555 0100");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "position"), ==, "Analyst");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "organization"), ==, "Data Office");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "sqlUser"), ==, "pablo_p");
  g_assert_cmpstr (steward_test_json_get_string (profile, "updatedAt"), >=,
                   steward_test_json_get_string (profile, "createdAt"));

  /* A partial update leaves the other fields alone. */
  partial = steward_test_http_expect (server, "PUT", path, admin_token, "{\"position\": \"Lead Analyst\"}", 200);
  profile = steward_test_json_object (partial);
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "position"), ==, "Lead Analyst");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "phone"), ==, "+1 555 0100");

  fetched = get_json (user_path);
  profile = steward_test_json_get_object (steward_test_json_object (fetched), "profile");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "position"), ==, "Lead Analyst");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "sqlUser"), ==, "pablo_p");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "organization"), ==, "Data Office");
}

static void
test_profile_update_invalid (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Ivy Invalid",
                                                                "ivy.invalid@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "ivy.invalid@example.com", "/profile");
  g_autofree char *user_path = steward_test_http_user_path ("bim", "ivy.invalid@example.com", NULL);
  g_autofree char *long_name = g_strnfill (201, 'n');
  g_autofree char *long_name_body = g_strdup_printf ("{\"name\": \"%s\"}", long_name);
  g_autoptr (JsonNode) fetched = NULL;
  JsonObject *profile;

  expect_status ("PUT", path, long_name_body, 400);
  expect_status ("PUT", path, "{\"name\": \"\"}", 400);
  expect_status ("PUT", path, "{\"email\": \"not-an-email\"}", 400);
  expect_status ("PUT", path, "{\"sqlUser\": \"1bad; DROP\"}", 400);
  expect_status ("PUT", path, "{\"phone\": 5550100}", 400);
  expect_status ("PUT", path, "[\"phone\"]", 400);
  expect_status ("PUT", path, "{\"phone\": ", 400);

  fetched = get_json (user_path);
  profile = steward_test_json_get_object (steward_test_json_object (fetched), "profile");
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Ivy Invalid");
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "email"), ==, "ivy.invalid@example.com");
  g_assert_null (steward_test_json_get_nullable_string (profile, "sqlUser"));
  g_assert_null (steward_test_json_get_nullable_string (profile, "phone"));
}

static void
test_profile_update_email_taken (void)
{
  g_autoptr (JsonNode) first = steward_test_http_create_user (server, admin_token, "Tia Taken",
                                                              "tia.taken@example.com", NULL);
  g_autoptr (JsonNode) second = steward_test_http_create_user (server, admin_token, "Tom Taker",
                                                               "tom.taker@example.com", NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", "tom.taker@example.com", "/profile");

  /* bim e-mails stay unique, whatever the route. */
  expect_status ("PUT", path, "{\"email\": \"TIA.taken@example.com\"}", 409);
}

static void
test_profile_update_unknown_user (void)
{
  expect_status ("PUT", "/bim/iam/bim/user/ghost%40example.com/profile", "{\"phone\": \"1\"}", 404);
  expect_status ("PUT", "/bim/iam/nope/user/ghost%40example.com/profile", "{\"phone\": \"1\"}", 404);
}

/* Route 4 ------------------------------------------------------------------ */

static void
test_list_shape (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Lisa Lister",
                                                                "lisa.lister@example.com", NULL);
  g_autoptr (JsonNode) reply = get_json ("/bim/user");
  JsonObject *object = steward_test_json_object (reply);
  JsonArray  *hits = steward_test_json_get_array (object, "hits");

  g_assert_cmpint (steward_test_json_get_int (object, "count"), >=, 2);
  g_assert_cmpuint (json_array_get_length (hits), >=, 2);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    steward_test_assert_user (json_array_get_element (hits, i));

  g_assert_nonnull (steward_test_find_user (reply, "bim", "admin@localhost"));
}

static void
create_population (const char *marker,
                   guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %c%c", 'A' + (i / 26), 'a' + (i % 26));
      g_autofree char *email = g_strdup_printf ("%s%02u@example.com", marker, i);

      json_node_unref (steward_test_http_create_user (server, admin_token, name, email, NULL));
    }
}

static void
test_list_paging (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const guint offsets[] = { 0, 3, 6 };
  static const guint expected_hits[] = { 3, 3, 1 };
  g_autoptr (JsonNode) past_end = NULL;

  create_population ("pagepop", 7);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bim/user?searchText=pagepop&sortField=email&size=3&offset=%u",
                                               offsets[i]);
      g_autoptr (JsonNode) reply = get_json (path);
      g_auto (GStrv) userids = hit_userids (reply);

      g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 7);
      g_assert_cmpuint (g_strv_length (userids), ==, expected_hits[i]);
      for (guint j = 0; userids[j] != NULL; j++)
        {
          g_autofree char *expected = g_strdup_printf ("pagepop%02u@example.com", offsets[i] + j);

          g_assert_cmpstr (userids[j], ==, expected);
          g_assert_true (g_hash_table_add (seen, g_strdup (userids[j])));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7);

  past_end = get_json ("/bim/user?searchText=pagepop&size=3&offset=7");
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (past_end), "hits")), ==, 0);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (past_end), "count"), ==, 7);
}

static gint64
list_count (const char *path)
{
  g_autoptr (JsonNode) reply = get_json (path);

  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

/* The server remembers counts and ordered listings until the next write:
 * pages asked for several times (so they come from memory) must show a
 * create or a delete at once, in both directions of the sort. */
static void
test_list_after_writes (void)
{
  static const char whole[] = "/bim/user?size=1&sortField=email";
  static const char asc[] = "/bim/user?searchText=cachepop&sortField=email&sortOrder=asc&size=10";
  static const char desc[] = "/bim/user?searchText=cachepop&sortField=email&sortOrder=desc&size=10";
  g_autofree char  *victim = steward_test_http_user_path ("bim", "cachepop01@example.com", NULL);
  gint64            before;

  create_population ("cachepop", 3);
  before = list_count (whole);
  for (guint i = 0; i < 3; i++)
    {
      g_auto (GStrv) up = NULL;
      g_auto (GStrv) down = NULL;
      g_autoptr (JsonNode) up_reply = get_json (asc);
      g_autoptr (JsonNode) down_reply = get_json (desc);
      const char *const expected_up[] = { "cachepop00@example.com", "cachepop01@example.com", "cachepop02@example.com", NULL };
      const char *const expected_down[] = { "cachepop02@example.com", "cachepop01@example.com", "cachepop00@example.com", NULL };

      up = hit_userids (up_reply);
      down = hit_userids (down_reply);
      g_assert_cmpstrv (up, expected_up);
      g_assert_cmpstrv (down, expected_down);
      g_assert_cmpint (list_count (whole), ==, before);
    }

  json_node_unref (steward_test_http_create_user (server, admin_token, "Member Late", "cachepop03@example.com", NULL));
  g_assert_cmpint (list_count (whole), ==, before + 1);
  {
    g_autoptr (JsonNode) reply = get_json (desc);
    g_auto (GStrv) down = hit_userids (reply);
    const char *const expected[] = { "cachepop03@example.com", "cachepop02@example.com", "cachepop01@example.com", "cachepop00@example.com", NULL };

    g_assert_cmpstrv (down, expected);
    g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 4);
  }

  expect_status ("DELETE", victim, NULL, 200);
  g_assert_cmpint (list_count (whole), ==, before);
  {
    g_autoptr (JsonNode) reply = get_json (asc);
    g_auto (GStrv) up = hit_userids (reply);
    const char *const expected[] = { "cachepop00@example.com", "cachepop02@example.com", "cachepop03@example.com", NULL };

    g_assert_cmpstrv (up, expected);
    g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 3);
  }
}

/* Paging from memory at offsets near both ends, in both directions,
 * matches what SQL's LIMIT and OFFSET return the first time. */
static void
test_list_offsets_from_memory (void)
{
  static const char *const orders[] = { "asc", "desc" };
  guint                    writes = 0;

  create_population ("offsetpop", 9);

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (guint offset = 0; offset <= 9; offset += 4)
      {
        g_autofree char *path = g_strdup_printf ("/bim/user?searchText=offsetpop&sortField=name&sortOrder=%s&size=4&offset=%u",
                                                 orders[o], offset);
        g_autofree char *other = g_strdup_printf ("offsetwrite%u@example.com", writes++);
        g_autoptr (JsonNode) first = NULL;
        g_auto (GStrv) expected = NULL;

        /* A write first, so this page comes from SQL, the next ones from memory. */
        json_node_unref (steward_test_http_create_user (server, admin_token, "Other Writer", other, NULL));
        first = get_json (path);
        expected = hit_userids (first);

        for (guint again = 0; again < 2; again++)
          {
            g_autoptr (JsonNode) reply = get_json (path);
            g_auto (GStrv) got = hit_userids (reply);

            g_assert_cmpstrv (got, (const char *const *) expected);
            g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 9);
          }
      }
}

/* A search whose listing without the search text is in memory is answered
 * from the trigram index (one or two letters: a pass over the table in
 * rowid order) and the listing's order: the first request after a write
 * goes through SQL, the next ones through memory, and all of them must
 * agree, disabled users, identity managers, offsets and both directions
 * included. */
static void
test_search_from_memory (void)
{
  static const char *const queries[] = {
    "searchText=memsearch&sortField=name&sortOrder=asc&size=4&offset=0",
    "searchText=memsearch&sortField=name&sortOrder=desc&size=4&offset=2",
    "searchText=MEMSEARCH&sortField=email&sortOrder=desc&size=25",
    "searchText=memsearch&sortField=createdAt&size=3&offset=4",
    "searchText=memsearch&includeDisabled=true&sortField=username&size=25",
    "searchText=memsearch&disabled=true&size=25",
    "searchText=memsearch&iamid=bim&sortField=iamid&sortOrder=desc&size=5",
    "searchText=msearch0&size=25",
    "searchText=nomatchanywhere&size=25",
    /* Too short for the trigram index: matched by a pass over the table. */
    "searchText=H0&sortField=email&sortOrder=desc&size=5&offset=1",
    "searchText=7&includeDisabled=true&size=25",
    "searchText=qz&size=25",
  };
  g_autofree char *disable = steward_test_http_user_path ("bim", "memsearch03@example.com", "/disable/true");
  guint            writes = 0;

  create_population ("memsearch", 8);
  expect_status ("PUT", disable, NULL, 200);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *path = g_strconcat ("/bim/user?", queries[q], NULL);
      g_autofree char *other = g_strdup_printf ("memwrite%u@example.com", writes++);
      g_autoptr (JsonNode) first = NULL;
      g_auto (GStrv) expected = NULL;
      gint64 expected_count;

      /* After a write, the first answer comes from SQL. */
      json_node_unref (steward_test_http_create_user (server, admin_token, "Other Writer", other, NULL));
      first = get_json (path);
      expected = hit_userids (first);
      expected_count = steward_test_json_get_int (steward_test_json_object (first), "count");

      for (guint again = 0; again < 3; again++)
        {
          g_autoptr (JsonNode) reply = get_json (path);
          g_auto (GStrv) got = hit_userids (reply);

          g_test_message ("%s, request %u", path, again + 2);
          g_assert_cmpstrv (got, (const char *const *) expected);
          g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, expected_count);
        }
    }
}

/* The index keeps a user's name, e-mail and userid as one text with a
 * separator between them: no search matches across two fields, nor the
 * separator itself, whether it is answered from SQL (the first request)
 * or from the listing in memory (the later ones). */
static void
test_search_within_one_field (void)
{
  static const struct
  {
    const char *query;
    gint64      count;
  } cases[] = {
    { "searchText=fieldedge", 1 },  /* the name's end */
    { "searchText=edgeqx", 0 },     /* the name's end, the e-mail's start */
    { "searchText=edge%1Fqx", 0 },  /* ...and the separator between */
    { "searchText=%1F", 0 },        /* one character: the pass over the table */
    { "searchText=qx.fielded", 1 }, /* the e-mail */
    { "email=fieldedge", 0 },       /* a name's text, but searched in e-mails */
    { "name=qx.field", 0 },         /* and the reverse */
    { "userid=qx.fielded", 1 },     /* the userid is the e-mail */
  };

  json_node_unref (steward_test_http_create_user (server, admin_token, "Wide Fieldedge", "qx.fielded@example.com", NULL));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint request = 0; request < 3; request++)
      {
        g_autofree char *path = g_strconcat ("/bim/user?size=25&", cases[c].query, NULL);
        g_autoptr (JsonNode) reply = get_json (path);

        g_test_message ("%s, request %u", path, request + 1);
        g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, cases[c].count);
      }
}

static void
test_list_default_and_max_size (void)
{
  g_autoptr (JsonNode) default_size = NULL;
  g_autoptr (JsonNode) max_size = NULL;

  create_population ("sizepop", 30);

  default_size = get_json ("/bim/user?searchText=sizepop");
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (default_size), "hits")), ==, 25);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (default_size), "count"), ==, 30);

  max_size = get_json ("/bim/user?searchText=sizepop&size=1000");
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (max_size), "hits")), ==, 30);
}

static void
test_list_bad_parameters (void)
{
  static const char *const queries[] = {
    "size=0", "size=1001", "size=-1", "size=abc", "size=99999999999999999999", "size=2.5",
    "offset=-1", "offset=abc", "offset=99999999999999999999", "sortField=password", "sortField=NAME",
    "sortField=name;DROP%20TABLE%20users", "sortOrder=up", "sortOrder=ASC", "includeDisabled=maybe", NULL
  };

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/bim/user?", queries[i], NULL);

      expect_status ("GET", path, NULL, 400);
    }
}

/* Sorting: four users whose names, e-mails, userids, IAMs, creation times
 * and logins all order differently. */
static void
ensure_sort_population (void)
{
  static gboolean          created;
  static const char *const names[] = { "Sortpop Delta", "Sortpop Alpha", "Sortpop Charlie", "Sortpop Bravo" };
  static const char *const emails[] = {
    "b.sortpop@example.com", "d.sortpop@example.com", "a.sortpop@example.com", "c.sortpop@example.com"
  };
  g_autofree char *charlie_key = NULL;
  g_autofree char *alpha_key = NULL;

  if (created)
    return;
  created = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_node_unref (steward_test_http_create_user (server, admin_token, names[i], emails[i], NULL));
      /* Distinct createdAt milliseconds. */
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }

  migrate ("c.sortpop@example.com", "okta", "sortpop-bravo");
  migrate ("a.sortpop@example.com", "ldap", "sortpop-charlie");

  /* Charlie logs in before Alpha; Bravo and Delta never do. */
  charlie_key = steward_test_server_issue_api_key (server, "ldap:sortpop-charlie");
  g_free (steward_test_http_authenticate (server, charlie_key));
  g_usleep (5 * G_TIME_SPAN_MILLISECOND);
  alpha_key = steward_test_server_issue_api_key (server, "d.sortpop@example.com");
  g_free (steward_test_http_authenticate (server, alpha_key));
}

typedef struct
{
  const char *field;
  const char *order;
  /* Userids in the expected order; NULL when ties make only the key order
   * checkable. */
  const char *expected[5];
} SortCase;

static const SortCase sort_cases[] = {
  { "name", "asc", { "d.sortpop@example.com", "sortpop-bravo", "sortpop-charlie", "b.sortpop@example.com" } },
  { "name", "desc", { "b.sortpop@example.com", "sortpop-charlie", "sortpop-bravo", "d.sortpop@example.com" } },
  { "email", "asc", { "sortpop-charlie", "b.sortpop@example.com", "sortpop-bravo", "d.sortpop@example.com" } },
  { "email", "desc", { "d.sortpop@example.com", "sortpop-bravo", "b.sortpop@example.com", "sortpop-charlie" } },
  { "username", "asc", { "b.sortpop@example.com", "d.sortpop@example.com", "sortpop-bravo", "sortpop-charlie" } },
  { "username", "desc", { "sortpop-charlie", "sortpop-bravo", "d.sortpop@example.com", "b.sortpop@example.com" } },
  { "createdAt", "asc", { "b.sortpop@example.com", "d.sortpop@example.com", "sortpop-charlie", "sortpop-bravo" } },
  { "createdAt", "desc", { "sortpop-bravo", "sortpop-charlie", "d.sortpop@example.com", "b.sortpop@example.com" } },
  { "iamid", "asc", { NULL } },
  { "iamid", "desc", { NULL } },
  { "lastLogin", "asc", { NULL } },
  { "lastLogin", "desc", { NULL } },
};

static void
test_list_sort (gconstpointer data)
{
  const SortCase  *sort = data;
  g_autofree char *path = g_strdup_printf ("/bim/user?searchText=sortpop&sortField=%s&sortOrder=%s",
                                           sort->field, sort->order);
  g_autoptr (JsonNode) reply = NULL;
  g_auto (GStrv) userids = NULL;
  gboolean descending = g_str_equal (sort->order, "desc");

  ensure_sort_population ();
  reply = get_json (path);
  userids = hit_userids (reply);
  g_assert_cmpuint (g_strv_length (userids), ==, 4);

  if (sort->expected[0] != NULL)
    {
      g_assert_cmpstrv (userids, sort->expected);
    }
  else if (g_str_equal (sort->field, "iamid"))
    {
      static const char *const iam_order[] = { "bim", "bim", "ldap", "okta" };
      JsonArray               *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");

      for (guint i = 0; i < 4; i++)
        {
          JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));

          g_assert_cmpstr (steward_test_json_get_string (hit, "iamid"), ==, iam_order[descending ? 3 - i : i]);
        }
    }
  else
    {
      /* Never-logged-in users sort together at one end; the others by time. */
      guint      charlie = g_strv_length (userids), alpha = charlie;
      JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");
      gboolean   nulls_first = JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (hits, 0), "lastLogin"));

      for (guint i = 0; userids[i] != NULL; i++)
        {
          if (g_str_equal (userids[i], "sortpop-charlie"))
            charlie = i;
          else if (g_str_equal (userids[i], "d.sortpop@example.com"))
            alpha = i;
        }
      g_assert_cmpuint (descending ? alpha : charlie, <, descending ? charlie : alpha);
      g_assert_cmpuint (MAX (alpha, charlie) - MIN (alpha, charlie), ==, 1);
      g_assert_true (nulls_first ? MIN (alpha, charlie) == 2 : MIN (alpha, charlie) == 0);
    }
}

/* Filters ------------------------------------------------------------------ */

static void
ensure_filter_population (void)
{
  static gboolean          created;
  static const char *const governance[] = { "GOVERNANCE", NULL };
  static const char *const audit[] = { "AUDIT", NULL };
  static const char *const both[] = { "AUDIT", "GOVERNANCE", NULL };
  g_autofree char         *disable = NULL;

  if (created)
    return;
  created = TRUE;

  /* "quill" is in one name, one e-mail and one userid only. */
  json_node_unref (steward_test_http_create_user (server, admin_token, "Filter Nadia Quill", "nq.filtpop@example.com", governance));
  json_node_unref (steward_test_http_create_user (server, admin_token, "Filter Omar Reyes", "quill.filtpop@example.com", audit));
  json_node_unref (steward_test_http_create_user (server, admin_token, "Filter Pia Stone", "ps.filtpop@example.org", both));
  json_node_unref (steward_test_http_create_user (server, admin_token, "Filter Quentin Tate", "qt.filtpop@example.com", NULL));
  migrate ("ps.filtpop@example.org", "okta", "pstone-quill");
  migrate ("qt.filtpop@example.com", "ldap", "qtate");

  disable = steward_test_http_user_path ("ldap", "qtate", "/disable/true");
  json_node_unref (steward_test_http_expect (server, "PUT", disable, admin_token, NULL, 200));
}

static void
test_filter_search_text (void)
{
  static const char *const quill[] = { "nq.filtpop@example.com", "quill.filtpop@example.com", "pstone-quill", NULL };
  static const char *const visible[] = { "nq.filtpop@example.com", "quill.filtpop@example.com", "pstone-quill", NULL };
  static const char *const all[] = { "nq.filtpop@example.com", "quill.filtpop@example.com", "pstone-quill", "qtate", NULL };

  ensure_filter_population ();
  assert_list_matches ("searchText=quill", quill);
  assert_list_matches ("searchText=QuILL", quill);
  assert_list_matches ("searchText=filtpop", visible);
  assert_list_matches ("searchText=filtpop&includeDisabled=true", all);
  assert_list_matches ("searchText=Filter%20Quentin&includeDisabled=true", (const char *[]){ "qtate", NULL });
}

static void
test_filter_name_email_userid (void)
{
  ensure_filter_population ();
  assert_list_matches ("name=quill", (const char *[]){ "nq.filtpop@example.com", NULL });
  assert_list_matches ("name=NADIA%20QUILL", (const char *[]){ "nq.filtpop@example.com", NULL });
  assert_list_matches ("email=quill", (const char *[]){ "quill.filtpop@example.com", NULL });
  assert_list_matches ("email=EXAMPLE.ORG", (const char *[]){ "pstone-quill", NULL });
  assert_list_matches ("userid=quill", (const char *[]){ "quill.filtpop@example.com", "pstone-quill", NULL });
  assert_list_matches ("name=filter&email=quill", (const char *[]){ "quill.filtpop@example.com", NULL });
}

static void
test_filter_iamid (void)
{
  ensure_filter_population ();
  assert_list_matches ("searchText=filtpop&iamid=okta", (const char *[]){ "pstone-quill", NULL });
  assert_list_matches ("searchText=filtpop&iamid=okta&iamid=ldap&includeDisabled=true",
                       (const char *[]){ "pstone-quill", "qtate", NULL });
  assert_list_matches ("searchText=filtpop&iamid=bim",
                       (const char *[]){ "nq.filtpop@example.com", "quill.filtpop@example.com", NULL });
  /* Case-sensitive, like the IAM ids themselves. */
  assert_list_matches ("searchText=filtpop&iamid=OKTA", (const char *[]){ NULL });
}

static void
test_filter_permission (void)
{
  ensure_filter_population ();
  assert_list_matches ("searchText=filtpop&permission=GOVERNANCE",
                       (const char *[]){ "nq.filtpop@example.com", "pstone-quill", NULL });
  assert_list_matches ("searchText=filtpop&permission=AUDIT",
                       (const char *[]){ "quill.filtpop@example.com", "pstone-quill", NULL });
  assert_list_matches ("searchText=filtpop&permission=AUDIT&iamid=bim",
                       (const char *[]){ "quill.filtpop@example.com", NULL });
  assert_list_matches ("searchText=filtpop&permission=CREATE_PROJECT&includeDisabled=true",
                       (const char *[]){ "qtate", NULL });
}

/* The query engine ---------------------------------------------------------- */

static void
test_feature_store_connection (void)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, "Sven Sql",
                                                                "sven.sql@example.com", NULL);
  g_autofree char *profile_path = steward_test_http_user_path ("bim", "sven.sql@example.com", "/profile");
  g_autofree char *key = steward_test_server_issue_api_key (server, "sven.sql@example.com");
  g_autofree char *token = steward_test_http_authenticate (server, key);
  g_autoptr (JsonNode) reply = NULL;
  JsonObject *connection;
  const char *connection_string;

  json_node_unref (steward_test_http_expect (server, "PUT", profile_path, admin_token,
                                             "{\"sqlUser\": \"sven_sql\"}", 200));

  reply = steward_test_http_expect (server, "GET", "/dataSource/featureStore/connection", token, NULL, 200);
  connection = steward_test_json_object (reply);
  g_assert_cmpstr (steward_test_json_get_nullable_string (connection, "sqlUser"), ==, "sven_sql");
  g_assert_cmpstr (steward_test_json_get_string (connection, "host"), !=, "");
  g_assert_cmpint (steward_test_json_get_int (connection, "port"), >, 0);
  g_assert_cmpint (steward_test_json_get_int (connection, "port"), <=, 65535);
  g_assert_cmpstr (steward_test_json_get_string (connection, "database"), !=, "");
  g_assert_cmpstr (steward_test_json_get_string (connection, "sslMode"), !=, "");
  connection_string = steward_test_json_get_string (connection, "connectionString");
  g_assert_nonnull (strstr (connection_string, "sven_sql"));
  g_assert_nonnull (strstr (connection_string, steward_test_json_get_string (connection, "host")));
  g_assert_nonnull (strstr (connection_string, steward_test_json_get_string (connection, "database")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/users/iams", test_iams);
  g_test_add_func ("/server/users/permission-catalogue", test_permission_catalogue);
  g_test_add_func ("/server/users/create", test_create);
  g_test_add_func ("/server/users/create/with-permissions", test_create_with_permissions);
  g_test_add_func ("/server/users/create/malformed-json", test_create_malformed_json);
  g_test_add_func ("/server/users/create/not-an-object", test_create_not_an_object);
  g_test_add_func ("/server/users/create/missing-fields", test_create_missing_fields);
  g_test_add_func ("/server/users/create/wrong-types", test_create_wrong_types);
  g_test_add_func ("/server/users/create/bad-email", test_create_bad_email);
  g_test_add_func ("/server/users/create/bad-permission-names", test_create_bad_permission_names);
  g_test_add_func ("/server/users/create/duplicate-email", test_create_duplicate_email);
  g_test_add_func ("/server/users/create/blank-name", test_create_blank_name);
  g_test_add_func ("/server/users/get/by-userid-and-id", test_get_by_userid_and_id);
  g_test_add_func ("/server/users/get/unknown", test_get_unknown);
  g_test_add_func ("/server/users/unknown-route", test_unknown_route);
  g_test_add_func ("/server/users/profile/update", test_profile_update);
  g_test_add_func ("/server/users/profile/invalid", test_profile_update_invalid);
  g_test_add_func ("/server/users/profile/email-taken", test_profile_update_email_taken);
  g_test_add_func ("/server/users/profile/unknown-user", test_profile_update_unknown_user);
  g_test_add_func ("/server/users/list/shape", test_list_shape);
  g_test_add_func ("/server/users/list/paging", test_list_paging);
  g_test_add_func ("/server/users/list/after-writes", test_list_after_writes);
  g_test_add_func ("/server/users/list/offsets-from-memory", test_list_offsets_from_memory);
  g_test_add_func ("/server/users/list/search-from-memory", test_search_from_memory);
  g_test_add_func ("/server/users/list/search-within-one-field", test_search_within_one_field);
  g_test_add_func ("/server/users/list/default-and-max-size", test_list_default_and_max_size);
  g_test_add_func ("/server/users/list/bad-parameters", test_list_bad_parameters);
  for (guint i = 0; i < G_N_ELEMENTS (sort_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/server/users/list/sort/%s/%s", sort_cases[i].field, sort_cases[i].order);

      g_test_add_data_func (name, &sort_cases[i], test_list_sort);
    }
  g_test_add_func ("/server/users/list/filter/search-text", test_filter_search_text);
  g_test_add_func ("/server/users/list/filter/name-email-userid", test_filter_name_email_userid);
  g_test_add_func ("/server/users/list/filter/iamid", test_filter_iamid);
  g_test_add_func ("/server/users/list/filter/permission", test_filter_permission);
  g_test_add_func ("/server/users/feature-store-connection", test_feature_store_connection);

  server = steward_test_server_start ("--iam", "okta:Okta", "--iam", "ldap:Corporate LDAP", NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
