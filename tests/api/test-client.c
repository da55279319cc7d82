/* test-client.c
 *
 * Every StewardClient call against a real steward-server (started once for
 * this file on 127.0.0.1, with an "okta" IAM for migration), plus token
 * expiry handled by re-authentication against a server whose tokens live
 * two seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api-test-util.h"
#include "steward-client.h"
#include "steward-permissions.h"
#include "steward-test-server.h"

#include <string.h>

#define ADMIN "admin@localhost"

static StewardTestServer *server;

/* A fresh client for the first administrator. */
static StewardClient *
admin_client (void)
{
  return steward_client_new (server->base_url, server->admin_api_key);
}

/* Runs the async half, waits, and leaves the result in *@slot for the
 * finish half (the slot is cleared first, so it can be reused). */
#define AWAIT(slot, call)     \
  G_STMT_START                \
  {                           \
    g_clear_object (&(slot)); \
    call;                     \
    api_test_wait (&(slot));  \
  }                           \
  G_STMT_END

static StewardUser *
create_user (StewardClient     *client,
             const char        *email,
             const char        *name,
             const char *const *permissions,
             GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  AWAIT (result, steward_client_create_user_async (client, email, name, permissions, NULL, NULL, api_test_store_result_cb, &result));
  return steward_client_create_user_finish (client, result, error);
}

static StewardUser *
get_user (StewardClient *client,
          const char    *iamid,
          const char    *userid,
          GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  AWAIT (result, steward_client_get_user_async (client, iamid, userid, NULL, api_test_store_result_cb, &result));
  return steward_client_get_user_finish (client, result, error);
}

static StewardPageResult *
list_users (StewardClient          *client,
            const StewardUserQuery *query,
            GError                **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  AWAIT (result, steward_client_list_users_async (client, query, NULL, api_test_store_result_cb, &result));
  return steward_client_list_users_finish (client, result, error);
}

static gboolean
page_has_user (StewardPageResult *page,
               const char        *userid)
{
  GListModel *items = steward_page_result_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (items, i);

      if (g_str_equal (steward_user_get_userid (user), userid))
        return TRUE;
    }

  return FALSE;
}

static void
test_authenticate (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (StewardClient) wrong = steward_client_new (server->base_url, "not-a-key");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  AWAIT (result, steward_client_authenticate_async (client, NULL, api_test_store_result_cb, &result));
  g_assert_true (steward_client_authenticate_finish (client, result, &error));
  g_assert_no_error (error);

  AWAIT (result, steward_client_authenticate_async (wrong, NULL, api_test_store_result_cb, &result));
  g_assert_false (steward_client_authenticate_finish (wrong, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (steward_api_error_get_status (error), ==, 401);
}

static void
test_current_user_and_iams (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) me = NULL;
  g_autoptr (GListModel) iams = NULL;
  gboolean found_okta = FALSE;

  AWAIT (result, steward_client_get_current_user_async (client, NULL, api_test_store_result_cb, &result));
  me = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_iamid (me), ==, "bim");
  g_assert_cmpstr (steward_user_get_userid (me), ==, ADMIN);
  g_assert_true (steward_user_has_permission (me, "USER_ADMIN"));
  g_assert_cmpint (steward_user_get_id (me), >, 0);
  g_assert_nonnull (steward_user_get_created_at (me));

  AWAIT (result, steward_client_list_iams_async (client, NULL, api_test_store_result_cb, &result));
  iams = steward_client_list_iams_finish (client, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (iams); i++)
    {
      g_autoptr (StewardIam) iam = g_list_model_get_item (iams, i);

      if (g_str_equal (steward_iam_get_id (iam), "okta"))
        {
          found_okta = TRUE;
          g_assert_cmpstr (steward_iam_get_display_name (iam), ==, "Okta");
        }
    }
  g_assert_true (found_okta);
}

static void
test_create_and_get (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = NULL;
  g_autoptr (StewardUser) fetched = NULL;
  g_autoptr (StewardUser) duplicate = NULL;
  g_autoptr (StewardUser) invalid = NULL;
  const char *const permissions[] = { "AUDIT", NULL };
  const char *const defaults[] = { "CREATE_DATA_SOURCE_IN_PROJECT", "CREATE_PROJECT", NULL };

  created = create_user (client, "carla@example.com", "Carla Mendes", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (created), ==, "carla@example.com");
  g_assert_cmpstr (steward_user_get_name (created), ==, "Carla Mendes");
  g_assert_cmpstr (steward_user_get_email (created), ==, "carla@example.com");

  /* The server's defaults, in whatever order it keeps them. */
  g_assert_cmpuint (g_strv_length ((char **) steward_user_get_permissions (created)), ==, 2);
  for (guint i = 0; defaults[i] != NULL; i++)
    g_assert_true (steward_user_has_permission (created, defaults[i]));

  fetched = get_user (client, "bim", "carla@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_id (fetched), ==, steward_user_get_id (created));

  /* E-mail addresses are unique regardless of case. */
  duplicate = create_user (client, "CARLA@example.com", "Another Carla", permissions, &error);
  g_assert_null (duplicate);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpuint (steward_api_error_get_status (error), ==, 409);
  g_assert_cmpstr (error->message, ==, steward_api_error_get_server_message (error));
  g_clear_error (&error);

  /* A refusal names the field, for the dialog to show it there. */
  invalid = create_user (client, "not an address", "Someone", NULL, &error);
  g_assert_null (invalid);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_nonnull (steward_api_error_get_field (error));
  g_assert_true (g_str_has_suffix (steward_api_error_get_field (error), "email") || g_str_equal (steward_api_error_get_field (error), "userid"));
  g_test_message ("field %s, code %s: %s", steward_api_error_get_field (error),
                  steward_api_error_get_field_code (error), error->message);
}

static void
test_not_found (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) user = get_user (client, "bim", "nobody@example.com", &error);

  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_false (steward_api_error_is_route_missing (error));
  g_assert_nonnull (steward_api_error_get_server_message (error));
}

/* Creates @userid and reads it back through a path segment. */
static void
assert_userid_round_trip (const char *userid)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = NULL;
  g_autoptr (StewardUser) fetched = NULL;

  created = create_user (client, userid, "Ops Team", NULL, &error);
  g_assert_no_error (error);
  fetched = get_user (client, "bim", userid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (fetched), ==, userid);
}

/* RFC 5322 allows these before the "@"; the client escapes them all. */
static void
test_awkward_userid (void)
{
  assert_userid_round_trip ("o'brien+ops&co=1@example.com");
}

/* "%" is allowed in an e-mail address and must survive too: the client
 * sends it as %25, which the server must decode exactly once. steward-server
 * at the time of writing decodes the path SoupServer already decoded, so
 * this fails with 400 "The path is not valid percent-encoded UTF-8". */
static void
test_userid_percent (void)
{
  assert_userid_round_trip ("ops%team@example.com");
}

static void
test_update_profile (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "dana@example.com", "Dana Kim", NULL, &error);
  g_autoptr (StewardUser) updated = NULL;
  g_autoptr (StewardUser) cleared = NULL;
  g_autoptr (StewardProfileUpdate) update = steward_profile_update_new ();
  g_autoptr (StewardProfileUpdate) clear = steward_profile_update_new ();
  g_autoptr (StewardProfileUpdate) bad = steward_profile_update_new ();

  g_assert_no_error (error);
  steward_profile_update_set (update, STEWARD_PROFILE_FIELD_SQL_USER, "dana_kim");
  steward_profile_update_set (update, STEWARD_PROFILE_FIELD_PHONE, "+1 555 0100");
  steward_profile_update_set (update, STEWARD_PROFILE_FIELD_ORGANIZATION, "Finance");

  AWAIT (result, steward_client_update_profile_async (client, "bim", "dana@example.com", update, NULL, api_test_store_result_cb, &result));
  updated = steward_client_update_profile_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_sql_user (updated), ==, "dana_kim");
  g_assert_cmpstr (steward_user_get_phone (updated), ==, "+1 555 0100");
  g_assert_cmpstr (steward_user_get_organization (updated), ==, "Finance");
  g_assert_cmpstr (steward_user_get_name (updated), ==, "Dana Kim");

  steward_profile_update_set (clear, STEWARD_PROFILE_FIELD_PHONE, NULL);
  AWAIT (result, steward_client_update_profile_async (client, "bim", "dana@example.com", clear, NULL, api_test_store_result_cb, &result));
  cleared = steward_client_update_profile_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_null (steward_user_get_phone (cleared));
  g_assert_cmpstr (steward_user_get_sql_user (cleared), ==, "dana_kim");

  /* The model notices exactly what changed. */
  steward_user_update_from (created, cleared);
  g_assert_cmpstr (steward_user_get_sql_user (created), ==, "dana_kim");

  steward_profile_update_set (bad, STEWARD_PROFILE_FIELD_EMAIL, "no at sign");
  AWAIT (result, steward_client_update_profile_async (client, "bim", "dana@example.com", bad, NULL, api_test_store_result_cb, &result));
  g_assert_null (steward_client_update_profile_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
}

static void
test_permissions (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "eli@example.com", "Eli Novak", NULL, &error);
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GListModel) catalogue = NULL;
  const char *const whole_set[] = { "AUDIT", "GOVERNANCE", NULL };

  g_assert_no_error (error);

  /* Route 8: the whole set. */
  AWAIT (result, steward_client_set_permissions_async (client, "bim", "eli@example.com", whole_set, NULL, api_test_store_result_cb, &result));
  user = steward_client_set_permissions_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) steward_user_get_permissions (user)), ==, 2);
  g_assert_true (steward_user_has_permission (user, "AUDIT"));
  g_assert_false (steward_user_has_permission (user, "CREATE_PROJECT"));
  g_clear_object (&user);

  /* Route 13 exists on steward-server: no fallback needed. */
  AWAIT (result, steward_client_add_permission_async (client, "bim", "eli@example.com", "USER_ADMIN", NULL, api_test_store_result_cb, &result));
  user = steward_client_add_permission_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (steward_user_has_permission (user, "USER_ADMIN"));
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_ADD_PERMISSION), ==, STEWARD_EXTENSION_SUPPORT_PRESENT);
  g_clear_object (&user);

  /* Custom but well-formed names are allowed. */
  AWAIT (result, steward_client_add_permission_async (client, "bim", "eli@example.com", "TEAM_LEAD", NULL, api_test_store_result_cb, &result));
  user = steward_client_add_permission_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (steward_user_has_permission (user, "TEAM_LEAD"));
  g_clear_object (&user);

  /* Malformed ones are refused. */
  AWAIT (result, steward_client_add_permission_async (client, "bim", "eli@example.com", "not-a-name", NULL, api_test_store_result_cb, &result));
  g_assert_null (steward_client_add_permission_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_clear_error (&error);

  /* Route 9, idempotent. */
  for (guint round = 0; round < 2; round++)
    {
      AWAIT (result, steward_client_remove_permission_async (client, "bim", "eli@example.com", "AUDIT", NULL, api_test_store_result_cb, &result));
      user = steward_client_remove_permission_finish (client, result, &error);
      g_assert_no_error (error);
      g_assert_false (steward_user_has_permission (user, "AUDIT"));
      g_assert_true (steward_user_has_permission (user, "GOVERNANCE"));
      g_clear_object (&user);
    }

  /* Route 12 exists too. */
  AWAIT (result, steward_client_list_permissions_async (client, NULL, api_test_store_result_cb, &result));
  catalogue = steward_client_list_permissions_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (catalogue), >=, 11);
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_PERMISSION_LIST), ==, STEWARD_EXTENSION_SUPPORT_PRESENT);
}

static void
test_disable_and_list (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "finn@example.com", "Finn Berg", NULL, &error);
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardPageResult) page = NULL;

  g_assert_no_error (error);
  query->search_text = g_strdup ("finn@");

  page = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (page), ==, 1);
  g_assert_true (page_has_user (page, "finn@example.com"));
  g_clear_object (&page);

  AWAIT (result, steward_client_set_disabled_async (client, "bim", "finn@example.com", TRUE, NULL, api_test_store_result_cb, &result));
  user = steward_client_set_disabled_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (steward_user_get_disabled (user));
  g_clear_object (&user);

  /* Hidden by default, shown on request. */
  page = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (page), ==, 0);
  g_clear_object (&page);

  query->include_disabled = TRUE;
  page = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_true (page_has_user (page, "finn@example.com"));
  g_clear_object (&page);

  AWAIT (result, steward_client_set_disabled_async (client, "bim", "finn@example.com", FALSE, NULL, api_test_store_result_cb, &result));
  user = steward_client_set_disabled_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_false (steward_user_get_disabled (user));
}

static void
test_paging_and_sorting (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (StewardPageResult) first = NULL;
  g_autoptr (StewardPageResult) second = NULL;
  g_autoptr (StewardPageResult) bad = NULL;
  const char *const names[] = { "Page Anders", "Page Berit", "Page Cecil", "Page Dagny", "Page Eskil" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("page%u@example.com", i);
      g_autoptr (StewardUser) user = create_user (client, email, names[i], NULL, &error);

      g_assert_no_error (error);
    }

  query->search_text = g_strdup ("Page ");
  query->size = 2;
  query->sort_field = STEWARD_USER_SORT_NAME;
  query->sort_order = STEWARD_SORT_DESCENDING;

  first = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (first), ==, 5);
  g_assert_cmpuint (steward_page_result_get_n_items (first), ==, 2);

  query->offset = 4;
  second = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_n_items (second), ==, 1);

  {
    g_autoptr (StewardUser) top = g_list_model_get_item (steward_page_result_get_items (first), 0);
    g_autoptr (StewardUser) last = g_list_model_get_item (steward_page_result_get_items (second), 0);

    g_assert_cmpstr (steward_user_get_name (top), ==, "Page Eskil");
    g_assert_cmpstr (steward_user_get_name (last), ==, "Page Anders");
  }

  /* Out of range: a refusal naming the parameter. */
  query->size = 5000;
  bad = list_users (client, query, &error);
  g_assert_null (bad);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpstr (steward_api_error_get_field (error), ==, "size");
}

static void
test_delete (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "gus@example.com", "Gus Ortiz", NULL, &error);
  g_autoptr (StewardUser) gone = NULL;

  g_assert_no_error (error);

  AWAIT (result, steward_client_delete_user_async (client, "bim", "gus@example.com", NULL, api_test_store_result_cb, &result));
  g_assert_true (steward_client_delete_user_finish (client, result, &error));
  g_assert_no_error (error);

  gone = get_user (client, "bim", "gus@example.com", &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  AWAIT (result, steward_client_delete_user_async (client, "bim", "gus@example.com", NULL, api_test_store_result_cb, &result));
  g_assert_false (steward_client_delete_user_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nobody deletes themselves. */
  AWAIT (result, steward_client_delete_user_async (client, "bim", ADMIN, NULL, api_test_store_result_cb, &result));
  g_assert_false (steward_client_delete_user_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
}

static void
test_migrate (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "hana@example.com", "Hana Sato", NULL, &error);
  g_autoptr (StewardUser) other = create_user (client, "ivo@example.com", "Ivo Petrov", NULL, &error);
  g_autoptr (StewardUser) migrated = NULL;
  g_autoptr (StewardUser) taken = NULL;

  g_assert_no_error (error);

  AWAIT (result, steward_client_migrate_user_async (client, "bim", "hana@example.com", "okta", "hana.sato", NULL, api_test_store_result_cb, &result));
  migrated = steward_client_migrate_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_iamid (migrated), ==, "okta");
  g_assert_cmpstr (steward_user_get_userid (migrated), ==, "hana.sato");
  g_assert_cmpint (steward_user_get_id (migrated), ==, steward_user_get_id (created));
  g_assert_true (g_strv_equal (steward_user_get_permissions (migrated), steward_user_get_permissions (created)));
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_MIGRATE), ==, STEWARD_EXTENSION_SUPPORT_PRESENT);

  /* The target name is taken now. */
  AWAIT (result, steward_client_migrate_user_async (client, "bim", "ivo@example.com", "okta", "hana.sato", NULL, api_test_store_result_cb, &result));
  taken = steward_client_migrate_user_finish (client, result, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A "/" could not travel in a path segment, so the server refuses it and
   * says which field is wrong. */
  AWAIT (result, steward_client_migrate_user_async (client, "bim", "ivo@example.com", "okta", "ops/ivo", NULL, api_test_store_result_cb, &result));
  g_assert_null (steward_client_migrate_user_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpstr (steward_api_error_get_field (error), ==, "userid");
  g_clear_error (&error);

  /* An IAM the server does not have is a real "not found", not a missing
   * route: the client must not call migration unsupported. */
  AWAIT (result, steward_client_migrate_user_async (client, "bim", "ivo@example.com", "ldap", "ivo", NULL, api_test_store_result_cb, &result));
  g_assert_null (steward_client_migrate_user_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_cmpint (steward_client_get_extension_support (client, STEWARD_EXTENSION_MIGRATE), ==, STEWARD_EXTENSION_SUPPORT_PRESENT);
}

static void
test_metrics_and_interactions (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardMetrics) metrics = NULL;
  g_autoptr (StewardPageResult) everyone = NULL;
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (StewardUser) created = create_user (client, "jo@example.com", "Jo Lund", NULL, &error);
  guint64 accepted = 0;

  g_assert_no_error (error);

  g_hash_table_insert (counts, (gpointer) "new-user", GUINT_TO_POINTER (2));
  g_hash_table_insert (counts, (gpointer) "download-metrics", GUINT_TO_POINTER (1));
  AWAIT (result, steward_client_post_interactions_async (client, counts, NULL, api_test_store_result_cb, &result));
  g_assert_true (steward_client_post_interactions_finish (client, result, &accepted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accepted, >, 0);

  AWAIT (result, steward_client_get_metrics_async (client, 30, NULL, api_test_store_result_cb, &result));
  metrics = steward_client_get_metrics_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_null (steward_metrics_get_note (metrics));
  g_assert_cmpuint (steward_metrics_get_days (metrics), ==, 30);
  g_assert_cmpuint (steward_metrics_get_n_days (metrics), ==, 30);
  g_assert_cmpuint (steward_metrics_get_workflow_total (metrics, STEWARD_METRICS_WORKFLOW_USER_CREATED), >=, 1);
  g_assert_cmpuint (steward_metrics_get_n_interactions (metrics), >=, 1);

  /* The totals agree with the directory. */
  query->size = 1;
  query->include_disabled = TRUE;
  everyone = list_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_metrics_get_total_users (metrics), ==, steward_page_result_get_total (everyone));
  g_assert_cmpuint (steward_metrics_get_active_users (metrics) + steward_metrics_get_disabled_users (metrics), ==,
                    steward_metrics_get_total_users (metrics));
}

static void
test_audit (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (client, "kai@example.com", "Kai Weber", NULL, &error);
  g_autoptr (StewardAuditQuery) query = steward_audit_query_new ();
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (StewardAuditRecord) record = NULL;

  g_assert_no_error (error);
  query->userid = g_strdup ("kai@example.com");
  query->record_type = g_strdup ("userCreated");

  AWAIT (result, steward_client_list_audit_async (client, query, NULL, api_test_store_result_cb, &result));
  page = steward_client_list_audit_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (page), ==, 1);

  record = g_list_model_get_item (steward_page_result_get_items (page), 0);
  g_assert_cmpstr (steward_audit_record_get_record_type (record), ==, "userCreated");
  g_assert_cmpstr (steward_audit_record_get_target_userid (record), ==, "kai@example.com");
  g_assert_cmpstr (steward_audit_record_get_actor_userid (record), ==, ADMIN);
  g_assert_true (steward_audit_record_get_success (record));
  g_assert_nonnull (steward_audit_record_get_date_time (record));
  g_clear_object (&page);

  /* And the whole log pages like the directory does. */
  AWAIT (result, steward_client_list_audit_async (client, NULL, NULL, api_test_store_result_cb, &result));
  page = steward_client_list_audit_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_page_result_get_total (page), >=, steward_page_result_get_n_items (page));
  g_assert_cmpuint (steward_page_result_get_n_items (page), >, 0);
}

static void
test_api_keys (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (StewardClient) second = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardApiKey) key = NULL;
  g_autoptr (StewardUser) me = NULL;
  guint64 revoked = 0;

  AWAIT (result, steward_client_create_api_key_async (client, "test laptop", NULL, api_test_store_result_cb, &result));
  key = steward_client_create_api_key_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (steward_api_key_get_key (key));
  g_assert_nonnull (steward_api_key_get_key_id (key));
  g_assert_cmpstr (steward_api_key_get_name (key), ==, "test laptop");

  /* The new key works … */
  second = steward_client_new (server->base_url, steward_api_key_get_key (key));
  AWAIT (result, steward_client_get_current_user_async (second, NULL, api_test_store_result_cb, &result));
  me = steward_client_get_current_user_finish (second, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (me), ==, ADMIN);
  g_clear_object (&me);

  AWAIT (result, steward_client_revoke_api_key_async (client, steward_api_key_get_key_id (key), NULL, api_test_store_result_cb, &result));
  g_assert_true (steward_client_revoke_api_key_finish (client, result, &revoked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (revoked, >=, 1);

  /* … until revoked: its token is dead and so is the key, so the retry
   * after the 401 fails too. */
  AWAIT (result, steward_client_get_current_user_async (second, NULL, api_test_store_result_cb, &result));
  me = steward_client_get_current_user_finish (second, result, &error);
  g_assert_null (me);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
}

static void
test_connection_info (void)
{
  g_autoptr (StewardClient) client = admin_client ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardConnectionInfo) info = NULL;

  AWAIT (result, steward_client_get_connection_info_async (client, NULL, api_test_store_result_cb, &result));
  info = steward_client_get_connection_info_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (steward_connection_info_get_host (info));
  g_assert_cmpuint (steward_connection_info_get_port (info), >, 0);
  g_assert_nonnull (steward_connection_info_get_database (info));
}

static void
test_forbidden (void)
{
  g_autoptr (StewardClient) admin = admin_client ();
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) created = create_user (admin, "lea@example.com", "Lea Haas", NULL, &error);
  g_autoptr (StewardUser) me = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  g_assert_no_error (error);
  key = steward_test_server_issue_api_key (server, "lea@example.com");
  client = steward_client_new (server->base_url, key);

  AWAIT (result, steward_client_get_current_user_async (client, NULL, api_test_store_result_cb, &result));
  me = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_false (steward_user_has_permission (me, "USER_ADMIN"));

  page = list_users (client, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_assert_cmpuint (steward_api_error_get_status (error), ==, 403);
}

static guint64
count_exchanges (StewardClient *client)
{
  g_autoptr (StewardAuditQuery) query = steward_audit_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardPageResult) page = NULL;

  query->record_type = g_strdup ("apiKeyAuthenticated");
  query->size = 1;
  AWAIT (result, steward_client_list_audit_async (client, query, NULL, api_test_store_result_cb, &result));
  page = steward_client_list_audit_finish (client, result, &error);
  g_assert_no_error (error);
  return steward_page_result_get_total (page);
}

/* A real token expiry: 401, one more exchange, and success. */
static void
test_token_expiry (void)
{
  g_autoptr (StewardTestServer) short_lived = steward_test_server_start ("--token-ttl", "2", NULL);
  g_autoptr (StewardClient) client = steward_client_new (short_lived->base_url, short_lived->admin_api_key);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) me = NULL;
  guint64 before;
  guint64 after;

  before = count_exchanges (client);
  api_test_spin (2500);

  AWAIT (result, steward_client_get_current_user_async (client, NULL, api_test_store_result_cb, &result));
  me = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_userid (me), ==, ADMIN);

  /* Exactly one more exchange happened (this count comes right after it,
   * well inside the new token's two seconds). */
  after = count_exchanges (client);
  g_assert_cmpuint (after, ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/client/authenticate", test_authenticate);
  g_test_add_func ("/api/client/current-user-and-iams", test_current_user_and_iams);
  g_test_add_func ("/api/client/create-and-get", test_create_and_get);
  g_test_add_func ("/api/client/not-found", test_not_found);
  g_test_add_func ("/api/client/awkward-userid", test_awkward_userid);
  g_test_add_func ("/api/client/update-profile", test_update_profile);
  g_test_add_func ("/api/client/permissions", test_permissions);
  g_test_add_func ("/api/client/disable-and-list", test_disable_and_list);
  g_test_add_func ("/api/client/paging-and-sorting", test_paging_and_sorting);
  g_test_add_func ("/api/client/delete", test_delete);
  g_test_add_func ("/api/client/migrate", test_migrate);
  g_test_add_func ("/api/client/metrics-and-interactions", test_metrics_and_interactions);
  g_test_add_func ("/api/client/audit", test_audit);
  g_test_add_func ("/api/client/api-keys", test_api_keys);
  g_test_add_func ("/api/client/connection-info", test_connection_info);
  g_test_add_func ("/api/client/forbidden", test_forbidden);
  g_test_add_func ("/api/client/token-expiry", test_token_expiry);
  /* Last, so that while steward-server decodes paths twice (see the
   * comment on the test) every other call is still checked. */
  g_test_add_func ("/api/client/userid-percent", test_userid_percent);

  server = steward_test_server_start ("--iam", "okta:Okta", NULL);
  status = g_test_run ();
  steward_test_server_free (server);

  return status;
}
