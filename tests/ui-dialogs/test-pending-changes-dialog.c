/* test-pending-changes-dialog.c
 *
 * Pending Changes against a real steward-server: the review (what will be
 * sent, what a guard leaves out), Apply with the server changed for each
 * user, Undo through a second review, a user deleted meanwhile failing
 * with the server's sentence and Retry Failed sending only that one, and
 * Disable Shown Accounts from Dormant Accounts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dormant-dialog.h"
#include "steward-pending-changes-dialog.h"

#include "steward-test-ui.h"

static StewardPendingChangesStage wanted;

static gboolean
at_wanted_stage (gpointer dialog)
{
  return steward_pending_changes_dialog_get_stage (dialog) == wanted;
}

static void
wait_for_stage (GtkWidget                 *dialog,
                StewardPendingChangesStage stage)
{
  wanted = stage;
  steward_test_ui_wait_until (at_wanted_stage, dialog);
}

static gboolean
is_disabled (StewardSession *session,
             StewardUser    *user)
{
  g_autoptr (StewardUser) now = steward_test_ui_fetch_user (session, steward_user_get_iamid (user), steward_user_get_userid (user));

  return now != NULL && steward_user_get_disabled (now);
}

static StewardBulkPlan *
plan_disable (StewardSession *session,
              StewardUser   **users,
              guint           n_users)
{
  StewardBulkPlan *plan = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, steward_session_get_current_user (session));

  for (guint i = 0; i < n_users; i++)
    steward_bulk_plan_add_user (plan, users[i]);
  return plan;
}

static void
test_review_apply_undo (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) ann = steward_test_ui_create_user (session, "ann@example.com", "Ann Lee", NULL);
  g_autoptr (StewardUser) bo = steward_test_ui_create_user (session, "bo@example.com", "Bo Kim", NULL);
  StewardUser *users[] = { ann, bo, steward_session_get_current_user (session) };
  g_autoptr (StewardBulkPlan) plan = plan_disable (session, users, G_N_ELEMENTS (users));
  GtkWidget *dialog = steward_pending_changes_dialog_new (session, plan);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_REVIEW);

  /* Nothing is sent by the review; nobody disables themselves. */
  g_assert_nonnull (steward_test_ui_find_label (dialog, "2 changes to apply, 0 already so, 1 skipped"));
  g_assert_false (is_disabled (session, ann));
  g_assert_nonnull (steward_test_ui_find_label (dialog, "Ann Lee (ann@example.com)"));

  g_assert_true (gtk_widget_activate_action (dialog, "pending.apply", NULL));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_nonnull (steward_test_ui_find_label (dialog, "2 done, 0 already so, 0 failed, 1 skipped, 0 not sent"));
  g_assert_true (is_disabled (session, ann));
  g_assert_true (is_disabled (session, bo));
  g_assert_false (is_disabled (session, users[2]));
  g_assert_true (gtk_widget_get_visible (steward_test_ui_find_button (dialog, "Undo")));
  g_assert_false (gtk_widget_get_visible (steward_test_ui_find_button (dialog, "Retry Failed")));

  /* Undo is a review of its own, then puts both back. */
  g_assert_true (gtk_widget_activate_action (dialog, "pending.undo", NULL));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_REVIEW);
  g_assert_nonnull (steward_test_ui_find_label (dialog, "2 changes to apply, 0 already so, 0 skipped"));
  g_assert_true (gtk_widget_activate_action (dialog, "pending.apply", NULL));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_false (is_disabled (session, ann));
  g_assert_false (is_disabled (session, bo));

  g_assert_cmpuint (steward_test_ui_check_accessible_names (dialog), >=, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_failure_and_retry (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) ann = steward_test_ui_create_user (session, "ann@example.com", "Ann Lee", NULL);
  g_autoptr (StewardUser) gone = steward_test_ui_create_user (session, "gone@example.com", "Gone Soon", NULL);
  StewardUser *users[] = { ann, gone };
  g_autoptr (StewardBulkPlan) plan = plan_disable (session, users, G_N_ELEMENTS (users));
  StewardClient *client = steward_session_get_client (session);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget       *dialog = steward_pending_changes_dialog_new (session, plan);
  StewardBulkPlan *retry;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_REVIEW);

  /* Someone deletes one of them between the review and Apply. */
  steward_client_delete_user_async (client, "bim", "gone@example.com", NULL, steward_test_ui_store_result_cb, &result);
  g_assert_true (steward_client_delete_user_finish (client, steward_test_ui_wait_for_result (&result), &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (dialog, "pending.apply", NULL));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_nonnull (steward_test_ui_find_label (dialog, "1 done, 0 already so, 1 failed, 0 skipped, 0 not sent"));
  g_assert_true (is_disabled (session, ann));
  g_assert_true (gtk_widget_get_visible (steward_test_ui_find_button (dialog, "Retry Failed")));

  /* Retry Failed sends only the one that failed. */
  g_assert_true (gtk_widget_activate_action (dialog, "pending.retry", NULL));
  wait_for_stage (dialog, STEWARD_PENDING_CHANGES_REVIEW);
  retry = steward_pending_changes_dialog_get_plan (STEWARD_PENDING_CHANGES_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
dormant_listed (gpointer dialog)
{
  return !steward_dormant_dialog_get_loading (dialog) && steward_dormant_dialog_get_n_shown (dialog) > 0;
}

static gboolean
dormant_empty (gpointer dialog)
{
  return !steward_dormant_dialog_get_loading (dialog) && steward_dormant_dialog_get_n_dormant (dialog) == 0;
}

static void
test_disable_dormant_accounts (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  g_autoptr (StewardUser) ann = steward_test_ui_create_user (session, "ann@example.com", "Ann Lee", NULL);
  g_autoptr (StewardUser) bo = steward_test_ui_create_user (session, "bo@example.com", "Bo Kim", NULL);
  GtkWidget *dormant = steward_dormant_dialog_new (session);
  GtkWidget *review = NULL;
  GList     *toplevels;

  gtk_window_present (GTK_WINDOW (dormant));
  steward_test_ui_wait_until (dormant_listed, dormant);
  g_assert_cmpuint (steward_dormant_dialog_get_n_dormant (STEWARD_DORMANT_DIALOG (dormant)), ==, 2);

  g_assert_true (gtk_widget_activate_action (dormant, "dormant.disable-shown", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (STEWARD_IS_PENDING_CHANGES_DIALOG (l->data))
      review = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (review);

  wait_for_stage (review, STEWARD_PENDING_CHANGES_REVIEW);
  g_assert_nonnull (steward_test_ui_find_label (review, "2 changes to apply, 0 already so, 0 skipped"));
  g_assert_true (gtk_widget_activate_action (review, "pending.apply", NULL));
  wait_for_stage (review, STEWARD_PENDING_CHANGES_RESULTS);
  g_assert_true (is_disabled (session, ann));
  g_assert_true (is_disabled (session, bo));

  /* Closing the results looks again: nobody is dormant any more. */
  gtk_window_destroy (GTK_WINDOW (review));
  steward_test_ui_wait_until (dormant_empty, dormant);
  gtk_window_destroy (GTK_WINDOW (dormant));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/pending-changes/review-apply-undo", test_review_apply_undo);
  g_test_add_func ("/ui/pending-changes/failure-and-retry", test_failure_and_retry);
  g_test_add_func ("/ui/pending-changes/disable-dormant-accounts", test_disable_dormant_accounts);

  return g_test_run ();
}
