/* test-session.c
 *
 * StewardSession against a real steward-server: connecting as people with
 * different permissions, what each may do, the IAMs and the permission
 * catalogue, a reload after one's own permissions changed, and the ways a
 * connection fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"
#include "steward-session.h"
#include "steward-test-http.h"
#include "steward-test-json.h"

typedef struct
{
  StewardTestServer *server;
  StewardProfile    *profile;
  char              *admin_token;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  fixture->profile = steward_profile_new ("test-profile", "Test", fixture->server->base_url);
  fixture->admin_token = steward_test_http_authenticate (fixture->server, fixture->server->admin_api_key);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->profile);
  g_clear_pointer (&fixture->admin_token, g_free);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

static StewardSession *
connect_session (StewardProfile *profile,
                 const char     *api_key,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_session_connect_async (profile, api_key, cancellable, model_test_store_result_cb, &result);
  return steward_session_connect_finish (model_test_wait_result (&result), error);
}

/* A bim user holding exactly @permissions, and an API key of theirs. */
static char *
api_key_for_new_user (Fixture           *fixture,
                      const char        *email,
                      const char *const *permissions)
{
  g_autoptr (JsonNode) user = steward_test_http_create_user (fixture->server, fixture->admin_token,
                                                             "Test Person", email, permissions);

  return steward_test_server_issue_api_key (fixture->server, email);
}

static gboolean
model_has (GListModel *model,
           const char *property,
           const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = NULL;

      g_object_get (item, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_administrator (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardSession) session = connect_session (fixture->profile, fixture->server->admin_api_key, NULL, &error);
  g_autoptr (JsonNode) current = model_test_get (fixture->server, "/bim/rpc/user/current");
  JsonObject  *expected = steward_test_json_object (current);
  StewardUser *user;

  g_assert_no_error (error);
  g_assert_true (steward_session_get_profile (session) == fixture->profile);
  g_assert_cmpstr (steward_client_get_base_url (steward_session_get_client (session)), ==,
                   fixture->server->base_url);

  user = steward_session_get_current_user (session);
  g_assert_nonnull (user);
  g_assert_cmpstr (steward_user_get_userid (user), ==, steward_test_json_get_string (expected, "userid"));
  g_assert_cmpstr (steward_user_get_iamid (user), ==, "bim");

  g_assert_true (steward_session_get_can_manage_users (session));
  g_assert_true (steward_session_get_can_read_audit (session));

  /* The built-in IAM and the one the server was started with. */
  g_assert_true (g_list_model_get_item_type (steward_session_get_iams (session)) == STEWARD_TYPE_IAM);
  g_assert_true (model_has (steward_session_get_iams (session), "id", "bim"));
  g_assert_true (model_has (steward_session_get_iams (session), "id", "okta"));
  g_assert_cmpuint (g_list_model_get_n_items (steward_session_get_iams (session)), ==, 2);

  /* The catalogue holds every built-in permission. */
  g_assert_true (g_list_model_get_item_type (steward_session_get_permissions (session)) == STEWARD_TYPE_PERMISSION_INFO);
  g_assert_true (model_has (steward_session_get_permissions (session), "name", "USER_ADMIN"));
  g_assert_true (model_has (steward_session_get_permissions (session), "name", "IMPERSONATE_USER"));
  g_assert_cmpuint (g_list_model_get_n_items (steward_session_get_permissions (session)), >=, 11);

  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_capabilities_follow_permissions (Fixture      *fixture,
                                      gconstpointer data)
{
  const char *const auditor[] = { "AUDIT", NULL };
  const char *const plain[] = { "CREATE_PROJECT", NULL };
  g_autofree char  *auditor_key = api_key_for_new_user (fixture, "auditor@example.com", auditor);
  g_autofree char  *plain_key = api_key_for_new_user (fixture, "plain@example.com", plain);
  g_autofree char  *path = steward_test_http_user_path ("bim", "auditor@example.com", "/permissions");
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardSession) session = NULL;
  g_autoptr (StewardSession) plain_session = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonNode) granted = NULL;
  StewardUser *user;
  GListModel  *iams;
  guint        manage_notifies = 0;
  guint        audit_notifies = 0;

  plain_session = connect_session (fixture->profile, plain_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (steward_session_get_can_manage_users (plain_session));
  g_assert_false (steward_session_get_can_read_audit (plain_session));

  session = connect_session (fixture->profile, auditor_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (steward_session_get_can_manage_users (session));
  g_assert_true (steward_session_get_can_read_audit (session));
  user = steward_session_get_current_user (session);
  g_assert_cmpstr (steward_user_get_userid (user), ==, "auditor@example.com");

  /* An administrator makes them a user administrator too. */
  granted = steward_test_http_expect (fixture->server, "PUT", path, fixture->admin_token,
                                      "[\"AUDIT\", \"USER_ADMIN\"]", 200);

  g_signal_connect (session, "notify::can-manage-users", G_CALLBACK (count_notify_cb), &manage_notifies);
  g_signal_connect (session, "notify::can-read-audit", G_CALLBACK (count_notify_cb), &audit_notifies);
  iams = steward_session_get_iams (session);

  steward_session_reload_async (session, NULL, model_test_store_result_cb, &result);
  g_assert_true (steward_session_reload_finish (session, model_test_wait_result (&result), &error));
  g_assert_no_error (error);

  /* The same objects, updated: bindings keep working. */
  g_assert_true (steward_session_get_current_user (session) == user);
  g_assert_true (steward_session_get_iams (session) == iams);
  g_assert_true (steward_user_has_permission (user, "USER_ADMIN"));
  g_assert_true (steward_session_get_can_manage_users (session));
  g_assert_cmpuint (manage_notifies, ==, 1);
  g_assert_cmpuint (audit_notifies, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (iams), ==, 2);
}

static void
test_connect_failures (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *unused_url = model_test_unused_url ();
  g_autoptr (StewardProfile) nowhere = steward_profile_new ("nowhere", "Nowhere", unused_url);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardSession) session = NULL;

  session = connect_session (fixture->profile, "not-a-key", NULL, &error);
  g_assert_null (session);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  session = connect_session (nowhere, fixture->server->admin_api_key, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_clear_error (&error);

  /* A person who gives up waiting hears nothing more about it. */
  g_cancellable_cancel (cancellable);
  session = connect_session (nowhere, fixture->server->admin_api_key, cancellable, &error);
  g_assert_null (session);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/session/administrator", test_administrator);
  ADD ("/model/session/capabilities-follow-permissions", test_capabilities_follow_permissions);
  ADD ("/model/session/connect-failures", test_connect_failures);

#undef ADD

  return g_test_run ();
}
