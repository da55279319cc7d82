/* steward-new-user-dialog.c
 *
 * Create is sensitive only while both fields are valid by the same rules
 * the server applies, so most refusals never need a round trip; those
 * that still come back (a duplicate e-mail, a server fault) are shown at
 * the field they concern, with everything typed kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-new-user-dialog.h"

#include "steward-api-error.h"
#include "steward-form.h"
#include "steward-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _StewardNewUserDialog
{
  AdwWindow parent_instance;

  StewardSession *session;
  GCancellable   *cancellable;

  /* Template widgets */
  GtkSpinner  *spinner;
  AdwEntryRow *name_row;
  AdwEntryRow *email_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (StewardNewUserDialog, steward_new_user_dialog, ADW_TYPE_WINDOW)

enum
{
  USER_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
input_is_valid (StewardNewUserDialog *self)
{
  g_autofree char *name = trimmed_text (self->name_row);
  g_autofree char *email = trimmed_text (self->email_row);

  return steward_full_name_is_valid (name) && steward_email_is_valid (email);
}

static void
update_sensitivity (StewardNewUserDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-user.create", self->cancellable == NULL && input_is_valid (self));
  steward_form_set_busy (self->spinner, self->cancellable != NULL);
}

/* The row a refusal concerns: the server names the field when it can;
 * a conflict on create is always the e-mail. */
static GtkWidget *
row_for_error (StewardNewUserDialog *self,
               const GError         *error)
{
  const char *field = steward_api_error_get_field (error);

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT) || (field != NULL && (strstr (field, "email") != NULL || strstr (field, "userid") != NULL)))
    return GTK_WIDGET (self->email_row);
  if (field != NULL && strstr (field, "name") != NULL)
    return GTK_WIDGET (self->name_row);
  return NULL;
}

static void
user_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StewardNewUserDialog) self = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_client_create_user_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  update_sensitivity (self);

  if (user == NULL)
    {
      steward_form_show_error (self->error_label, row_for_error (self, error), error->message);
      return;
    }

  g_signal_emit (self, signals[USER_CREATED], 0, user);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardNewUserDialog *self = STEWARD_NEW_USER_DIALOG (widget);
  g_autofree char      *name = trimmed_text (self->name_row);
  g_autofree char      *email = trimmed_text (self->email_row);

  if (self->cancellable != NULL || !input_is_valid (self))
    return;

  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->name_row), GTK_WIDGET (self->email_row), NULL);
  self->cancellable = g_cancellable_new ();
  update_sensitivity (self);
  steward_client_create_user_async (steward_session_get_client (self->session), email, name, NULL, NULL,
                                    self->cancellable, user_created_cb, g_object_ref (self));
}

static void
input_changed_cb (StewardNewUserDialog *self)
{
  update_sensitivity (self);
}

static void
entry_activated_cb (StewardNewUserDialog *self)
{
  /* Enter creates only what Create itself would. */
  gtk_widget_activate_action (GTK_WIDGET (self), "new-user.create", NULL);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_cancellable_cancel (STEWARD_NEW_USER_DIALOG (window)->cancellable);
  return FALSE;
}

static void
steward_new_user_dialog_dispose (GObject *object)
{
  StewardNewUserDialog *self = STEWARD_NEW_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_NEW_USER_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_new_user_dialog_parent_class)->dispose (object);
}

static void
steward_new_user_dialog_class_init (StewardNewUserDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_new_user_dialog_dispose;
  window_class->close_request = close_request_cb;

  signals[USER_CREATED] = g_signal_new ("user-created",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, STEWARD_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-new-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardNewUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardNewUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardNewUserDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, StewardNewUserDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "new-user.create", NULL, create_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_new_user_dialog_init (StewardNewUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_sensitivity (self);
}

GtkWidget *
steward_new_user_dialog_new (StewardSession *session)
{
  StewardNewUserDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_NEW_USER_DIALOG, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}
