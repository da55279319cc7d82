/* steward-delete-user-dialog.c
 *
 * Two steps, each its own page: first what a permanent delete means (with
 * the ways out: a saved copy, Disable Instead, Cancel), then the typed
 * word. Confirm Permanent Delete is sensitive only while the entry holds
 * exactly "Delete", and Enter in the entry does nothing at all: the delete
 * happens only by that button, so a stray Enter can never cause it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-delete-user-dialog.h"

#include "steward-file-save.h"
#include "steward-form.h"
#include "steward-user-snapshot.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _StewardDeleteUserDialog
{
  AdwWindow parent_instance;

  StewardSession       *session;
  StewardUser          *user;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkSpinner  *spinner;
  GtkStack    *stack;
  GtkLabel    *heading_label;
  GtkLabel    *saved_label;
  AdwEntryRow *word_row;
  GtkButton   *confirm_button;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (StewardDeleteUserDialog, steward_delete_user_dialog, ADW_TYPE_WINDOW)

enum
{
  USER_DELETED,
  DISABLE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static gboolean
word_is_exact (StewardDeleteUserDialog *self)
{
  /* No trimming, no case folding: exactly the word. */
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->word_row)), STEWARD_DELETE_CONFIRMATION_WORD) == 0;
}

static gboolean
is_self (StewardDeleteUserDialog *self)
{
  StewardUser *current = steward_session_get_current_user (self->session);

  return current != NULL && steward_user_get_id (current) == steward_user_get_id (self->user);
}

static void
update_state (StewardDeleteUserDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean allowed = !is_self (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete.confirm", allowed && !busy && word_is_exact (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete.continue", allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete.disable-instead", allowed && !steward_user_get_disabled (self->user));
  steward_form_set_busy (self->spinner, busy);
}

/* ------------------------------------------------------------------ */
/* Saving a copy                                                       */
/* ------------------------------------------------------------------ */

static void
copy_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_file_save_bytes_finish (G_FILE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
steward_delete_user_dialog_save_copy_async (StewardDeleteUserDialog *self,
                                            GFile                   *file,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GBytes) bytes = NULL;
  char *json;

  g_return_if_fail (STEWARD_IS_DELETE_USER_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_delete_user_dialog_save_copy_async);

  json = steward_user_snapshot_to_json (self->user, now);
  bytes = g_bytes_new_take (json, strlen (json));
  steward_file_save_bytes_async (file, bytes, cancellable, copy_written_cb, g_steal_pointer (&task));
}

gboolean
steward_delete_user_dialog_save_copy_finish (StewardDeleteUserDialog *self,
                                             GAsyncResult            *result,
                                             GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
copy_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (source);
  g_autoptr (GFile) file = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (steward_delete_user_dialog_save_copy_finish (self, result, &error))
    message = g_strdup_printf (_ ("Saved a copy to %s"), path);
  else
    message = g_strdup_printf (_ ("Could not save the copy: %s"), error->message);
  gtk_label_set_text (self->saved_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), TRUE);
}

static void
copy_file_chosen_cb (GFile   *file,
                     gpointer user_data)
{
  StewardDeleteUserDialog *self = user_data;

  steward_delete_user_dialog_save_copy_async (self, file, NULL, copy_saved_cb, g_object_ref (file));
}

static void
save_copy_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = steward_user_snapshot_file_name (self->user, now);

  steward_file_save_dismiss (&self->chooser);
  self->chooser = steward_file_save_choose (GTK_WINDOW (self), _ ("Save a Copy of the User"), name, copy_file_chosen_cb, self);
}

/* ------------------------------------------------------------------ */
/* Deleting                                                            */
/* ------------------------------------------------------------------ */

static void
user_deleted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StewardDeleteUserDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_client_delete_user_finish (STEWARD_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      update_state (self);
      steward_form_show_error (self->error_label, NULL, error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[USER_DELETED], 0, self->user);
  gtk_window_close (GTK_WINDOW (self));
}

static void
confirm_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (widget);

  /* The action is disabled otherwise; check again all the same, since
   * this is the one step that cannot be taken back. */
  if (self->cancellable != NULL || !word_is_exact (self) || is_self (self))
    return;

  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->word_row), NULL);
  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_client_delete_user_async (steward_session_get_client (self->session),
                                    steward_user_get_iamid (self->user), steward_user_get_userid (self->user),
                                    self->cancellable, user_deleted_cb, g_object_ref (self));
}

static void
continue_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "confirm");
  gtk_widget_grab_focus (GTK_WIDGET (self->word_row));
}

static void
disable_instead_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (widget);

  g_signal_emit (self, signals[DISABLE_REQUESTED], 0, self->user);
  gtk_window_close (GTK_WINDOW (self));
}

static void
word_changed_cb (StewardDeleteUserDialog *self)
{
  update_state (self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_cancellable_cancel (STEWARD_DELETE_USER_DIALOG (window)->cancellable);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_delete_user_dialog_dispose (GObject *object)
{
  StewardDeleteUserDialog *self = STEWARD_DELETE_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  steward_file_save_dismiss (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DELETE_USER_DIALOG);
  g_clear_object (&self->user);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_delete_user_dialog_parent_class)->dispose (object);
}

static void
steward_delete_user_dialog_class_init (StewardDeleteUserDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_delete_user_dialog_dispose;
  window_class->close_request = close_request_cb;

  signals[USER_DELETED] = g_signal_new ("user-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_USER);
  signals[DISABLE_REQUESTED] = g_signal_new ("disable-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-delete-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, saved_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, word_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteUserDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, word_changed_cb);

  gtk_widget_class_install_action (widget_class, "delete.save-copy", NULL, save_copy_activated_cb);
  gtk_widget_class_install_action (widget_class, "delete.disable-instead", NULL, disable_instead_activated_cb);
  gtk_widget_class_install_action (widget_class, "delete.continue", NULL, continue_activated_cb);
  gtk_widget_class_install_action (widget_class, "delete.confirm", NULL, confirm_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_delete_user_dialog_init (StewardDeleteUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_delete_user_dialog_new (StewardSession *session,
                                StewardUser    *user)
{
  StewardDeleteUserDialog *self;
  g_autofree char         *heading = NULL;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  self = g_object_new (STEWARD_TYPE_DELETE_USER_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->user = g_object_ref (user);

  heading = g_strdup_printf (_ ("Permanently Delete %s?"), steward_user_get_display_name (user));
  gtk_label_set_text (self->heading_label, heading);
  gtk_stack_set_visible_child_name (self->stack, is_self (self) ? "self" : "explain");
  update_state (self);
  return GTK_WIDGET (self);
}
