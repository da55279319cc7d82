/* test-user-lookup.c
 *
 * Naming one user by e-mail or userid against a real steward-server with a
 * second identity manager: exact userids, e-mails in any case, a userid
 * that differs from the e-mail, names that only a substring matches
 * (unknown, not a near miss), and the same userid in two IAMs (ambiguous,
 * listing both).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"
#include "steward-user-lookup.h"

typedef struct
{
  StewardTestServer *server;
  StewardClient     *client;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start ("--demo", "20", "--iam", "okta:Okta", NULL);
  fixture->client = model_test_admin_client (fixture->server);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

static StewardUser *
look_up (Fixture    *fixture,
         const char *name,
         GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_user_lookup_async (fixture->client, name, NULL, model_test_store_result_cb, &result);
  return steward_user_lookup_finish (model_test_wait_result (&result), error);
}

static StewardUser *
create_user (Fixture    *fixture,
             const char *email)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_create_user_async (fixture->client, email, "Looked Up", NULL, NULL, NULL, model_test_store_result_cb, &result);
  user = steward_client_create_user_finish (fixture->client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return user;
}

static StewardUser *
migrate (Fixture    *fixture,
         const char *userid,
         const char *target_userid)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_migrate_user_async (fixture->client, "bim", userid, "okta", target_userid, NULL, model_test_store_result_cb, &result);
  user = steward_client_migrate_user_finish (fixture->client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return user;
}

static void
test_exact_names (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (StewardUser) created = create_user (fixture, "lookup.ann@example.com");
  g_autoptr (StewardUser) found = NULL;
  g_autoptr (StewardUser) by_case = NULL;
  g_autoptr (StewardUser) moved = NULL;
  g_autoptr (StewardUser) by_email = NULL;
  g_autoptr (GError) error = NULL;

  found = look_up (fixture, "lookup.ann@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (found), ==, steward_user_get_id (created));

  /* E-mails are compared in any case, as the server does. */
  by_case = look_up (fixture, "  Lookup.ANN@example.com ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (by_case), ==, steward_user_get_id (created));

  /* In another IAM under another userid: found by the e-mail kept. */
  moved = migrate (fixture, "lookup.ann@example.com", "annl");
  by_email = look_up (fixture, "lookup.ann@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_iamid (by_email), ==, "okta");
  g_assert_cmpstr (steward_user_get_userid (by_email), ==, "annl");
  g_clear_object (&found);
  found = look_up (fixture, "annl", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (found), ==, steward_user_get_id (created));
}

static void
test_unknown_and_ambiguous (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (StewardUser) created = create_user (fixture, "twice@example.com");
  g_autoptr (StewardUser) moved = NULL;
  g_autoptr (StewardUser) again = NULL;
  g_autoptr (StewardUser) found = NULL;
  g_autoptr (GError) error = NULL;

  /* A substring of a userid is not its name. */
  found = look_up (fixture, "wice@example.com", &error);
  g_assert_null (found);
  g_assert_error (error, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "wice@example.com"));
  g_clear_error (&error);

  found = look_up (fixture, "   ", &error);
  g_assert_error (error, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_UNKNOWN);
  g_clear_error (&error);

  moved = migrate (fixture, "twice@example.com", "twice@example.com");
  again = create_user (fixture, "twice@example.com");
  found = look_up (fixture, "twice@example.com", &error);
  g_assert_null (found);
  g_assert_error (error, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "bim:twice@example.com"));
  g_assert_nonnull (strstr (error->message, "okta:twice@example.com"));
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add ("/model/user-lookup/exact-names", Fixture, NULL, fixture_set_up, test_exact_names, fixture_tear_down);
  g_test_add ("/model/user-lookup/unknown-and-ambiguous", Fixture, NULL, fixture_set_up, test_unknown_and_ambiguous, fixture_tear_down);

  return g_test_run ();
}
