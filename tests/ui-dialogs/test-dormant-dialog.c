/* test-dormant-dialog.c
 *
 * Dormant Accounts against a real steward-server with demo data: the
 * counts equal a direct computation from the server's replies, pages of a
 * hundred with Show More, the criteria controls, choosing an account, and
 * the error page when the server goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dormant-dialog.h"

#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-ui.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

static gboolean
settled (gpointer dialog)
{
  return !steward_dormant_dialog_get_loading (dialog);
}

/* Counted here from the server's JSON: active accounts without a sign-in
 * since @days ago, and those that never signed in. */
static guint
count_dormant (StewardTestServer *server,
               guint              days,
               guint             *n_never)
{
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 cutoff = g_date_time_to_unix (now) - (gint64) days * SECONDS_PER_DAY;
  guint  offset = 0;
  guint  count;
  guint  dormant = 0;

  *n_never = 0;
  do
    {
      g_autofree char *path = g_strdup_printf ("/bim/user?size=1000&offset=%u", offset);
      g_autoptr (JsonNode) reply = steward_test_http_expect (server, "GET", path, token, NULL, 200);
      JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");

      count = steward_test_json_get_int (steward_test_json_object (reply), "count");
      for (guint i = 0; i < json_array_get_length (hits); i++)
        {
          JsonObject *user = steward_test_json_object (json_array_get_element (hits, i));
          const char *last_login = steward_test_json_get_nullable_string (user, "lastLogin");
          g_autoptr (GDateTime) when = last_login != NULL ? g_date_time_new_from_iso8601 (last_login, NULL) : NULL;

          if (when == NULL)
            (*n_never)++;
          if (when == NULL || g_date_time_to_unix (when) < cutoff)
            dormant++;
        }
      offset += json_array_get_length (hits);
    }
  while (offset < count);

  return dormant;
}

static void
test_template (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = g_object_ref_sink (steward_dormant_dialog_new (session));

  steward_test_ui_wait_until (settled, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
user_activated_cb (StewardDormantDialog *dialog,
                   StewardUser          *user,
                   StewardUser         **chosen)
{
  g_set_object (chosen, user);
}

static void
test_counts_pages_and_criteria (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "600", NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  StewardDormantDialog *dialog = STEWARD_DORMANT_DIALOG (steward_dormant_dialog_new (session));
  g_autoptr (StewardUser) chosen = NULL;
  g_autofree char *summary = NULL;
  GtkListBox      *list;
  guint            n_never = 0;
  guint            n_dormant = count_dormant (server, 30, &n_never);

  g_signal_connect (dialog, "user-activated", G_CALLBACK (user_activated_cb), &chosen);
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (settled, dialog);

  /* 90 days: the default. */
  {
    guint n_never_90 = 0;
    guint n_90 = count_dormant (server, 90, &n_never_90);

    g_assert_cmpuint (steward_dormant_dialog_get_n_dormant (dialog), ==, n_90);
    g_assert_cmpuint (steward_dormant_dialog_get_n_never (dialog), ==, n_never_90);
  }

  steward_dormant_dialog_set_days (dialog, 30);
  steward_test_ui_wait_until (settled, dialog);
  g_assert_cmpuint (n_dormant, >, STEWARD_DORMANT_DIALOG_PAGE_SIZE);
  g_assert_cmpuint (steward_dormant_dialog_get_n_dormant (dialog), ==, n_dormant);
  g_assert_cmpuint (steward_dormant_dialog_get_n_never (dialog), ==, n_never);
  g_assert_cmpuint (steward_dormant_dialog_get_n_shown (dialog), ==, STEWARD_DORMANT_DIALOG_PAGE_SIZE);
  summary = g_strdup_printf ("%u active accounts have not signed in for 30 days. %u never signed in.", n_dormant, n_never);
  g_assert_nonnull (steward_test_ui_find_label (GTK_WIDGET (dialog), summary));

  steward_test_ui_click (steward_test_ui_find_button (GTK_WIDGET (dialog), "Show More"));
  steward_test_ui_wait_until (settled, dialog);
  g_assert_cmpuint (steward_dormant_dialog_get_n_shown (dialog), ==, MIN (n_dormant, 2 * STEWARD_DORMANT_DIALOG_PAGE_SIZE));

  /* The first row is the oldest: an account that never signed in. */
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), STEWARD_TYPE_DORMANT_DIALOG, "list_box"));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (chosen);
  g_assert_null (steward_user_get_last_login (chosen));
  g_assert_false (steward_user_get_disabled (chosen));

  /* Never signed in only. */
  steward_dormant_dialog_set_never_only (dialog, TRUE);
  steward_test_ui_wait_until (settled, dialog);
  g_assert_cmpuint (steward_dormant_dialog_get_n_dormant (dialog), ==, n_never);
  g_assert_cmpuint (steward_dormant_dialog_get_n_shown (dialog), ==, MIN (n_never, STEWARD_DORMANT_DIALOG_PAGE_SIZE));

  /* Every control is named. */
  g_assert_cmpuint (steward_test_ui_check_accessible_names (GTK_WIDGET (dialog)), >=, 3);
  g_assert_nonnull (steward_test_ui_find_by_accessible_name (GTK_WIDGET (dialog), "Days Without a Sign-In"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
page_is (GtkWidget  *dialog,
         const char *name)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (dialog, STEWARD_TYPE_DORMANT_DIALOG, "stack"));

  return settled (dialog) && g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static gboolean
error_shown (gpointer dialog)
{
  return page_is (dialog, "error");
}

static gboolean
empty_shown (gpointer dialog)
{
  return page_is (dialog, "empty");
}

static void
test_nobody_dormant (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = steward_dormant_dialog_new (session);

  /* Only the administrator, who has just signed in. */
  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (empty_shown, dialog);
  g_assert_cmpuint (steward_dormant_dialog_get_n_dormant (STEWARD_DORMANT_DIALOG (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_server_gone (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autoptr (StewardSession) session = steward_test_ui_connect (server);
  GtkWidget *dialog = steward_dormant_dialog_new (session);

  gtk_window_present (GTK_WINDOW (dialog));
  steward_test_ui_wait_until (settled, dialog);
  steward_test_server_stop (server);

  g_assert_true (gtk_widget_activate_action (dialog, "dormant.reload", NULL));
  steward_test_ui_wait_until (error_shown, dialog);
  g_assert_nonnull (steward_test_ui_find_button (dialog, "Retry"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/dormant/template", test_template);
  g_test_add_func ("/ui/dormant/counts-pages-and-criteria", test_counts_pages_and_criteria);
  g_test_add_func ("/ui/dormant/nobody-dormant", test_nobody_dormant);
  g_test_add_func ("/ui/dormant/server-gone", test_server_gone);

  return g_test_run ();
}
