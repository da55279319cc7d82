/* steward-window-bulk.c
 *
 * The bulk actions on the directory's selection (win.bulk-add-permissions,
 * win.bulk-remove-permission, win.bulk-disable, win.bulk-enable) and
 * Import Users (win.import-users). Nothing is sent from here: the
 * selection becomes a StewardBulkPlan (for "all of the query" the users
 * are read from the server page by page, never through the directory,
 * which keeps only what is on screen) and the Pending Changes review
 * shows it before Apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include "steward-add-permissions-dialog.h"
#include "steward-import-users-dialog.h"
#include "steward-pending-changes-dialog.h"

#include <glib/gi18n.h>

typedef struct
{
  StewardWindow   *window;
  StewardBulkPlan *plan;
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->plan);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanJob, plan_job_free)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static StewardUserSelection *
selection (StewardWindow *self)
{
  return steward_directory_view_get_selection (self->directory_view);
}

static void
present_dialog (StewardWindow *self,
                GtkWidget     *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

/* The users changed on the server: show them as they are now. The
 * selection was of the users as they were, so it ends here. */
static void
plan_applied_cb (StewardWindow *self)
{
  steward_directory_view_clear_selection (self->directory_view);
  if (self->directory != NULL)
    steward_user_directory_refresh (self->directory);
  steward_window_update_actions (self);
}

static void
plan_filled_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PlanJob) job = user_data;
  g_autoptr (GError) error = NULL;
  StewardWindow *self = job->window;
  GtkWidget     *dialog;

  steward_user_selection_add_to_plan_finish (STEWARD_USER_SELECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->bulk_cancellable);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not list the selected users: %s"), error->message);

      steward_window_add_toast (self, message);
      return;
    }
  if (self->session == NULL)
    return;

  dialog = steward_pending_changes_dialog_new (self->session, job->plan);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (plan_applied_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

/* ------------------------------------------------------------------ */
/* Private API                                                         */
/* ------------------------------------------------------------------ */

void
steward_window_review_bulk_change (StewardWindow     *self,
                                   StewardBulkKind    kind,
                                   const char *const *permissions)
{
  PlanJob *job;

  g_return_if_fail (STEWARD_IS_WINDOW (self));

  if (self->session == NULL || steward_user_selection_get_n_selected (selection (self)) == 0)
    return;

  /* One plan at a time: a second click starts over. */
  g_cancellable_cancel (self->bulk_cancellable);
  g_clear_object (&self->bulk_cancellable);
  self->bulk_cancellable = g_cancellable_new ();

  /* All of a large query takes a page per thousand users to read. */
  if (steward_user_selection_get_all_of_query (selection (self)))
    {
      guint            n = steward_user_selection_get_n_selected (selection (self));
      g_autofree char *message = g_strdup_printf (ngettext ("Reading the %'u selected user…", "Reading the %'u selected users…", n), n);

      steward_window_add_toast (self, message);
    }

  job = g_new0 (PlanJob, 1);
  job->window = g_object_ref (self);
  job->plan = steward_bulk_plan_new (kind, permissions, steward_session_get_current_user (self->session));
  steward_user_selection_add_to_plan_async (selection (self), steward_session_get_client (self->session), job->plan,
                                            self->bulk_cancellable, plan_filled_cb, job);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
add_permissions_chosen_cb (StewardWindow *self,
                           GStrv          permissions)
{
  steward_window_review_bulk_change (self, STEWARD_BULK_ADD_PERMISSIONS, (const char *const *) permissions);
}

static void
remove_permissions_chosen_cb (StewardWindow *self,
                              GStrv          permissions)
{
  steward_window_review_bulk_change (self, STEWARD_BULK_REMOVE_PERMISSIONS, (const char *const *) permissions);
}

static void
choose_permissions (StewardWindow  *self,
                    StewardBulkKind kind)
{
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  dialog = steward_add_permissions_dialog_new_for_many (self->session, kind, steward_user_selection_get_n_selected (selection (self)));
  g_signal_connect_object (dialog, "permissions-chosen",
                           kind == STEWARD_BULK_ADD_PERMISSIONS ? G_CALLBACK (add_permissions_chosen_cb) : G_CALLBACK (remove_permissions_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
bulk_add_permissions_activated_cb (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  choose_permissions (STEWARD_WINDOW (user_data), STEWARD_BULK_ADD_PERMISSIONS);
}

static void
bulk_remove_permission_activated_cb (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  choose_permissions (STEWARD_WINDOW (user_data), STEWARD_BULK_REMOVE_PERMISSIONS);
}

static void
bulk_disable_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  steward_window_review_bulk_change (STEWARD_WINDOW (user_data), STEWARD_BULK_DISABLE, NULL);
}

static void
bulk_enable_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  steward_window_review_bulk_change (STEWARD_WINDOW (user_data), STEWARD_BULK_ENABLE, NULL);
}

static void
users_imported_cb (StewardWindow *self)
{
  if (self->directory != NULL)
    steward_user_directory_refresh (self->directory);
}

static void
import_users_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  StewardWindow *self = user_data;
  GtkWidget     *dialog;

  if (self->session == NULL)
    return;

  dialog = steward_import_users_dialog_new (self->session);
  g_signal_connect_object (dialog, "users-created", G_CALLBACK (users_imported_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
selection_changed_cb (StewardWindow *self)
{
  steward_window_update_actions (self);
}

void
steward_window_add_bulk_actions (StewardWindow *self)
{
  static const GActionEntry actions[] = {
    { .name = "bulk-add-permissions", .activate = bulk_add_permissions_activated_cb },
    { .name = "bulk-remove-permission", .activate = bulk_remove_permission_activated_cb },
    { .name = "bulk-disable", .activate = bulk_disable_activated_cb },
    { .name = "bulk-enable", .activate = bulk_enable_activated_cb },
    { .name = "import-users", .activate = import_users_activated_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (selection (self), "notify::n-selected", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}
