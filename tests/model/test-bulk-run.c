/* test-bulk-run.c
 *
 * StewardBulkPlan and StewardBulkRun against a real steward-server: before
 * and after, the guards with their reasons, a partial failure (a user
 * deleted meanwhile, a 409, the server stopped mid-run) reported per user,
 * cancel, retry and undo, and nothing applied twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "model-test-util.h"
#include "steward-bulk-run.h"

#define GOVERNANCE "GOVERNANCE"

typedef struct
{
  StewardTestServer *server;
  StewardClient     *client;
  StewardUser       *admin;
  GPtrArray         *users; /* StewardUser */
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static StewardUser *
create_user (StewardClient     *client,
             const char        *email,
             const char *const *permissions)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUser *user;

  steward_client_create_user_async (client, email, email, permissions, NULL, NULL, model_test_store_result_cb, &result);
  user = steward_client_create_user_finish (client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return user;
}

static StewardUser *
read_user (StewardClient *client,
           StewardUser   *user,
           GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_client_get_user_async (client, steward_user_get_iamid (user), steward_user_get_userid (user), NULL,
                                 model_test_store_result_cb, &result);
  return steward_client_get_user_finish (client, model_test_wait_result (&result), error);
}

static gboolean
holds_directly (StewardClient *client,
                StewardUser   *user,
                const char    *permission)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardUser) fresh = read_user (client, user, &error);

  g_assert_no_error (error);
  return g_strv_contains (steward_user_get_permissions (fresh), permission);
}

static gboolean
apply (StewardBulkRun *run,
       GCancellable   *cancellable,
       GError        **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  steward_bulk_run_apply_async (run, cancellable, model_test_store_result_cb, &result);
  return steward_bulk_run_apply_finish (run, model_test_wait_result (&result), error);
}

static StewardBulkPlan *
plan_for_all (Fixture           *fixture,
              StewardBulkKind    kind,
              const char *const *permissions)
{
  StewardBulkPlan *plan = steward_bulk_plan_new (kind, permissions, fixture->admin);

  for (guint i = 0; i < fixture->users->len; i++)
    steward_bulk_plan_add_user (plan, fixture->users->pdata[i]);
  return plan;
}

static StewardBulkItem *
item_at (StewardBulkPlan *plan,
         guint            position)
{
  StewardBulkItem *item = g_list_model_get_item (G_LIST_MODEL (plan), position);

  g_object_unref (item); /* the plan keeps it */
  return item;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  guint       n_users = GPOINTER_TO_UINT (data);
  const char *plain[] = { "CREATE_DATA_SOURCE", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  fixture->server = steward_test_server_start (NULL, NULL);
  fixture->client = model_test_admin_client (fixture->server);
  steward_client_get_current_user_async (fixture->client, NULL, model_test_store_result_cb, &result);
  fixture->admin = steward_client_get_current_user_finish (fixture->client, model_test_wait_result (&result), &error);
  g_assert_no_error (error);

  fixture->users = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_users; i++)
    {
      g_autofree char *email = g_strdup_printf ("member%02u@compliance.example", i);

      g_ptr_array_add (fixture->users, create_user (fixture->client, email, plain));
    }
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_ptr_array_unref (fixture->users);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_plan_before_after (Fixture      *fixture,
                        gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, "CREATE_DATA_SOURCE", NULL };
  g_autoptr (StewardBulkPlan) plan = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, grant);
  const char      *before[] = { "CREATE_DATA_SOURCE", NULL };
  const char      *after[] = { "CREATE_DATA_SOURCE", GOVERNANCE, NULL };
  StewardBulkItem *item = item_at (plan, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, fixture->users->len);
  g_assert_true (g_strv_equal (steward_bulk_item_get_before_permissions (item), before));
  g_assert_true (g_strv_equal (steward_bulk_item_get_after_permissions (item), after));
  g_assert_cmpint (steward_bulk_item_get_result (item), ==, STEWARD_BULK_RESULT_PENDING);

  /* The same user twice is one line. */
  g_assert_true (steward_bulk_plan_add_user (plan, fixture->users->pdata[0]) == item);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, fixture->users->len);

  /* Already so: planned as ALREADY, never sent. */
  {
    const char *held[] = { "CREATE_DATA_SOURCE", NULL };
    g_autoptr (StewardBulkPlan) already = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, held);
    g_autoptr (StewardBulkRun) run = steward_bulk_run_new (fixture->client, already);
    g_autoptr (GError) error = NULL;

    g_assert_cmpuint (steward_bulk_plan_count (already, STEWARD_BULK_RESULT_ALREADY), ==, fixture->users->len);
    g_assert_true (apply (run, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (steward_bulk_run_get_n_total (run), ==, 0);
  }
}

static void
test_guards (Fixture      *fixture,
             gconstpointer data)
{
  const char *admin[] = { "USER_ADMIN", NULL };
  g_autoptr (StewardUser) other_admin = create_user (fixture->client, "second-admin@compliance.example", admin);
  g_autoptr (StewardBulkPlan) remove = steward_bulk_plan_new (STEWARD_BULK_REMOVE_PERMISSIONS, admin, fixture->admin);
  g_autoptr (StewardBulkPlan) disable = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, fixture->admin);
  g_autoptr (StewardBulkRun) run = NULL;
  g_autoptr (GError) error = NULL;
  StewardBulkItem *own, *other;

  /* Your own USER_ADMIN and your own account: skipped as planned. */
  own = steward_bulk_plan_add_user (remove, fixture->admin);
  other = steward_bulk_plan_add_user (remove, other_admin);
  g_assert_cmpint (steward_bulk_item_get_result (own), ==, STEWARD_BULK_RESULT_SKIPPED);
  g_assert_nonnull (strstr (steward_bulk_item_get_message (own), "your own USER_ADMIN"));
  g_assert_cmpint (steward_bulk_item_get_result (steward_bulk_plan_add_user (disable, fixture->admin)), ==, STEWARD_BULK_RESULT_SKIPPED);
  g_assert_nonnull (strstr (steward_bulk_item_get_message (item_at (disable, 0)), "your own account"));

  /* Two active administrators: the other one may lose it. */
  run = steward_bulk_run_new (fixture->client, remove);
  g_assert_true (apply (run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_bulk_item_get_result (other), ==, STEWARD_BULK_RESULT_DONE);
  g_assert_false (holds_directly (fixture->client, other_admin, "USER_ADMIN"));
  g_assert_true (holds_directly (fixture->client, fixture->admin, "USER_ADMIN"));

  /* Now the signed-in administrator is the last one: a plan made by
   * someone else (no current user) still may not take it away. */
  {
    g_autoptr (StewardBulkPlan) last = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, NULL);
    g_autoptr (StewardBulkRun) last_run = NULL;
    StewardBulkItem *item = steward_bulk_plan_add_user (last, fixture->admin);

    g_assert_false (steward_bulk_plan_get_checked (last));
    last_run = steward_bulk_run_new (fixture->client, last);
    g_assert_true (apply (last_run, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (steward_bulk_item_get_result (item), ==, STEWARD_BULK_RESULT_SKIPPED);
    g_assert_nonnull (strstr (steward_bulk_item_get_message (item), "last active user with USER_ADMIN"));
    g_assert_cmpuint (steward_bulk_run_get_n_total (last_run), ==, 0);
  }
}

/* A user deleted meanwhile fails with the server's sentence; the others
 * are done, with progress up to the total. */
static void
test_partial_failure (Fixture      *fixture,
                      gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, NULL };
  g_autoptr (StewardBulkPlan) plan = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, grant);
  g_autoptr (StewardBulkRun) run = steward_bulk_run_new (fixture->client, plan);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StewardBulkItem *gone = item_at (plan, 3);
  const GError    *item_error;

  steward_client_delete_user_async (fixture->client, "bim", steward_user_get_userid (fixture->users->pdata[3]), NULL,
                                    model_test_store_result_cb, &result);
  g_assert_true (steward_client_delete_user_finish (fixture->client, model_test_wait_result (&result), &error));

  g_assert_true (apply (run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_run_get_n_total (run), ==, fixture->users->len);
  g_assert_cmpuint (steward_bulk_run_get_n_finished (run), ==, fixture->users->len);
  g_assert_cmpint (steward_bulk_run_get_seconds_left (run), ==, 0);
  g_assert_cmpuint (steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE), ==, fixture->users->len - 1);

  item_error = steward_bulk_item_get_error (gone);
  g_assert_cmpint (steward_bulk_item_get_result (gone), ==, STEWARD_BULK_RESULT_FAILED);
  g_assert_error (item_error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (steward_bulk_item_get_message (gone), ==, item_error->message);
  g_assert_nonnull (strstr (item_error->message, steward_user_get_userid (fixture->users->pdata[3])));

  for (guint i = 0; i < fixture->users->len; i++)
    if (i != 3)
      g_assert_true (holds_directly (fixture->client, fixture->users->pdata[i], GOVERNANCE));

  /* Retry holds the failed one alone, which fails again the same way. */
  {
    g_autoptr (StewardBulkPlan) retry = steward_bulk_plan_new_retry (plan);

    g_assert_nonnull (retry);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, 1);
    g_assert_cmpstr (steward_bulk_item_get_email (item_at (retry, 0)), ==, steward_bulk_item_get_email (gone));
  }
}

/* Creating users: one e-mail taken meanwhile is a 409 with the server's
 * sentence; the others are created. */
static void
test_create_conflict (Fixture      *fixture,
                      gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, NULL };
  g_autoptr (StewardBulkPlan) plan = steward_bulk_plan_new (STEWARD_BULK_CREATE, NULL, fixture->admin);
  g_autoptr (StewardBulkRun) run = NULL;
  g_autoptr (StewardUser) taken = NULL;
  g_autoptr (GError) error = NULL;
  StewardBulkItem *conflict;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *email = g_strdup_printf ("new%u@compliance.example", i);
      g_autofree char *name = g_strdup_printf ("New Member %u", i);

      steward_bulk_plan_add_new_user (plan, name, email, grant);
    }
  conflict = item_at (plan, 2);
  taken = create_user (fixture->client, "new2@compliance.example", NULL);

  run = steward_bulk_run_new (fixture->client, plan);
  g_assert_true (apply (run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE), ==, 4);
  g_assert_cmpint (steward_bulk_item_get_result (conflict), ==, STEWARD_BULK_RESULT_FAILED);
  g_assert_error (steward_bulk_item_get_error (conflict), STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_nonnull (strstr (steward_bulk_item_get_message (conflict), "new2@compliance.example"));
  g_assert_true (holds_directly (fixture->client, steward_bulk_item_get_result_user (item_at (plan, 4)), GOVERNANCE));

  /* Creations are never undone by a bulk undo. */
  g_assert_null (steward_bulk_plan_new_undo (plan));
}

static void
cancel_after_three_cb (StewardBulkRun *run,
                       GParamSpec     *pspec,
                       GCancellable   *cancellable)
{
  if (steward_bulk_run_get_n_finished (run) == 3)
    g_cancellable_cancel (cancellable);
}

/* Cancel stops sending; the retry finishes the rest and reports what the
 * server already had as ALREADY. */
static void
test_cancel_then_retry (Fixture      *fixture,
                        gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, NULL };
  g_autoptr (StewardBulkPlan) plan = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, grant);
  g_autoptr (StewardBulkRun) run = steward_bulk_run_new (fixture->client, plan);
  g_autoptr (StewardBulkPlan) retry = NULL;
  g_autoptr (StewardBulkRun) retry_run = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  guint n_done, n_pending, n_failed;

  steward_bulk_run_set_max_in_flight (run, 2);
  g_signal_connect (run, "notify::n-finished", G_CALLBACK (cancel_after_three_cb), cancellable);
  g_assert_false (apply (run, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (steward_bulk_run_get_running (run));

  n_done = steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE);
  n_pending = steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_PENDING);
  n_failed = steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_FAILED);
  g_assert_cmpuint (n_done, ==, 3);
  g_assert_cmpuint (n_done + n_pending + n_failed, ==, fixture->users->len);
  g_assert_cmpuint (n_pending, >=, fixture->users->len - 5);

  retry = steward_bulk_plan_new_retry (plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, n_pending + n_failed);
  retry_run = steward_bulk_run_new (fixture->client, retry);
  g_assert_true (apply (retry_run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (retry, STEWARD_BULK_RESULT_DONE) + steward_bulk_plan_count (retry, STEWARD_BULK_RESULT_ALREADY), ==, n_pending + n_failed);
  for (guint i = 0; i < fixture->users->len; i++)
    g_assert_true (holds_directly (fixture->client, fixture->users->pdata[i], GOVERNANCE));
}

static void
stop_server_after_five_cb (StewardBulkRun *run,
                           GParamSpec     *pspec,
                           Fixture        *fixture)
{
  if (steward_bulk_run_get_n_finished (run) == 5)
    steward_test_server_stop (fixture->server);
}

/* The server stops mid-run: what had not been answered fails with the
 * client's sentence; after a restart the retry applies the rest, and
 * what the server had committed before stopping is ALREADY, not sent
 * again. */
static void
test_server_stopped (Fixture      *fixture,
                     gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, NULL };
  g_autoptr (StewardBulkPlan) plan = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, grant);
  g_autoptr (StewardBulkRun) run = steward_bulk_run_new (fixture->client, plan);
  g_autoptr (StewardBulkPlan) retry = NULL;
  g_autoptr (StewardBulkRun) retry_run = NULL;
  g_autoptr (StewardClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = g_strdup (fixture->server->data_dir);
  guint            n_done, n_failed;

  steward_bulk_run_set_max_in_flight (run, 2);
  g_signal_connect (run, "notify::n-finished", G_CALLBACK (stop_server_after_five_cb), fixture);
  g_assert_true (apply (run, NULL, &error));
  g_assert_no_error (error);

  n_done = steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_DONE);
  n_failed = steward_bulk_plan_count (plan, STEWARD_BULK_RESULT_FAILED);
  g_assert_cmpuint (n_done, >=, 5);
  g_assert_cmpuint (n_done + n_failed, ==, fixture->users->len);
  g_assert_cmpuint (n_failed, >, 0);
  for (guint i = 0; i < fixture->users->len; i++)
    {
      StewardBulkItem *item = item_at (plan, i);

      if (steward_bulk_item_get_result (item) == STEWARD_BULK_RESULT_FAILED)
        {
          const GError *item_error = steward_bulk_item_get_error (item);

          g_assert_nonnull (item_error);
          g_assert_true (item_error->domain == STEWARD_API_ERROR);
          g_assert_cmpint (item_error->code, ==, STEWARD_API_ERROR_NETWORK);
          g_assert_cmpstr (steward_bulk_item_get_message (item), ==, steward_bulk_item_get_error (item)->message);
        }
    }

  fixture->server->keep_data_dir = TRUE;
  g_clear_pointer (&fixture->server, steward_test_server_free);
  fixture->server = steward_test_server_start_in (data_dir, NULL, NULL);
  client = model_test_admin_client (fixture->server);

  retry = steward_bulk_plan_new_retry (plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, n_failed);
  retry_run = steward_bulk_run_new (client, retry);
  g_assert_true (apply (retry_run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (retry, STEWARD_BULK_RESULT_FAILED), ==, 0);
  for (guint i = 0; i < fixture->users->len; i++)
    g_assert_true (holds_directly (client, fixture->users->pdata[i], GOVERNANCE));
}

/* Undo reverts exactly what was applied: not what was already so. */
static void
test_undo (Fixture      *fixture,
           gconstpointer data)
{
  const char *grant[] = { GOVERNANCE, "CREATE_DATA_SOURCE", NULL };
  g_autoptr (StewardBulkPlan) plan = plan_for_all (fixture, STEWARD_BULK_ADD_PERMISSIONS, grant);
  g_autoptr (StewardBulkRun) run = steward_bulk_run_new (fixture->client, plan);
  g_autoptr (StewardBulkPlan) undo = NULL;
  g_autoptr (StewardBulkRun) undo_run = NULL;
  g_autoptr (StewardBulkPlan) disable = plan_for_all (fixture, STEWARD_BULK_DISABLE, NULL);
  g_autoptr (StewardBulkRun) disable_run = steward_bulk_run_new (fixture->client, disable);
  g_autoptr (StewardBulkPlan) enable = NULL;
  g_autoptr (StewardBulkRun) enable_run = NULL;
  g_autoptr (GError) error = NULL;
  const char *only_governance[] = { GOVERNANCE, NULL };

  g_assert_true (apply (run, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (steward_bulk_item_get_applied_permissions (item_at (plan, 0)), only_governance));

  undo = steward_bulk_plan_new_undo (plan);
  g_assert_cmpint (steward_bulk_plan_get_kind (undo), ==, STEWARD_BULK_REMOVE_PERMISSIONS);
  undo_run = steward_bulk_run_new (fixture->client, undo);
  g_assert_true (apply (undo_run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (undo, STEWARD_BULK_RESULT_DONE), ==, fixture->users->len);
  for (guint i = 0; i < fixture->users->len; i++)
    {
      g_assert_false (holds_directly (fixture->client, fixture->users->pdata[i], GOVERNANCE));
      g_assert_true (holds_directly (fixture->client, fixture->users->pdata[i], "CREATE_DATA_SOURCE"));
    }

  /* Disable, then undo: enabled again. */
  g_assert_true (apply (disable_run, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (steward_bulk_item_get_after_disabled (item_at (disable, 0)));
  g_assert_true (steward_user_get_disabled (steward_bulk_item_get_result_user (item_at (disable, 0))));
  enable = steward_bulk_plan_new_undo (disable);
  enable_run = steward_bulk_run_new (fixture->client, enable);
  g_assert_true (apply (enable_run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_plan_count (enable, STEWARD_BULK_RESULT_DONE), ==, fixture->users->len);
  g_assert_false (steward_user_get_disabled (steward_bulk_item_get_result_user (item_at (enable, 0))));

  /* Nothing left to undo of an undo's plan that was never run. */
  {
    g_autoptr (StewardBulkPlan) unrun = plan_for_all (fixture, STEWARD_BULK_ENABLE, NULL);

    g_assert_null (steward_bulk_plan_new_undo (unrun));
  }
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add ("/bulk-run/plan-before-after", Fixture, GUINT_TO_POINTER (4), fixture_set_up, test_plan_before_after, fixture_tear_down);
  g_test_add ("/bulk-run/guards", Fixture, GUINT_TO_POINTER (0), fixture_set_up, test_guards, fixture_tear_down);
  g_test_add ("/bulk-run/partial-failure", Fixture, GUINT_TO_POINTER (8), fixture_set_up, test_partial_failure, fixture_tear_down);
  g_test_add ("/bulk-run/create-conflict", Fixture, GUINT_TO_POINTER (0), fixture_set_up, test_create_conflict, fixture_tear_down);
  g_test_add ("/bulk-run/cancel-then-retry", Fixture, GUINT_TO_POINTER (12), fixture_set_up, test_cancel_then_retry, fixture_tear_down);
  g_test_add ("/bulk-run/server-stopped", Fixture, GUINT_TO_POINTER (20), fixture_set_up, test_server_stopped, fixture_tear_down);
  g_test_add ("/bulk-run/undo", Fixture, GUINT_TO_POINTER (5), fixture_set_up, test_undo, fixture_tear_down);

  return g_test_run ();
}
