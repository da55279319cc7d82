/* steward-migrate-user-dialog.c
 *
 * The target list is the session's IAMs without the user's own. The
 * server's refusals land where they belong: the username is taken (409)
 * at Username, an unknown or same IAM (404, 400) at Identity Manager. A
 * server without the migrate route is told apart from a refusal: the
 * dialog says the server cannot migrate and stops offering it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-migrate-user-dialog.h"

#include "steward-api-error.h"
#include "steward-form.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _StewardMigrateUserDialog
{
  AdwWindow parent_instance;

  StewardSession *session;
  StewardUser    *user;
  GCancellable   *cancellable;
  /* The ids behind the combo row's names, in the same order. */
  GPtrArray *iam_ids;
  gboolean   unsupported;

  /* Template widgets */
  GtkSpinner   *spinner;
  AdwActionRow *from_row;
  AdwComboRow  *iam_row;
  AdwEntryRow  *userid_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (StewardMigrateUserDialog, steward_migrate_user_dialog, ADW_TYPE_WINDOW)

enum
{
  USER_MIGRATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_iam (StewardMigrateUserDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->iam_row);

  return selected < self->iam_ids->len ? g_ptr_array_index (self->iam_ids, selected) : NULL;
}

static char *
chosen_userid (StewardMigrateUserDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->userid_row))));
}

static void
update_state (StewardMigrateUserDialog *self)
{
  g_autofree char *userid = chosen_userid (self);
  gboolean         ready = !self->unsupported && self->cancellable == NULL && chosen_iam (self) != NULL && *userid != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "migrate.migrate", ready);
  steward_form_set_busy (self->spinner, self->cancellable != NULL);
}

static void
fill_targets (StewardMigrateUserDialog *self)
{
  GListModel *iams = steward_session_get_iams (self->session);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (iams); i++)
    {
      g_autoptr (StewardIam) iam = g_list_model_get_item (iams, i);
      const char      *id = steward_iam_get_id (iam);
      const char      *display = steward_iam_get_display_name (iam);
      g_autofree char *label = NULL;

      if (g_strcmp0 (id, steward_user_get_iamid (self->user)) == 0)
        continue;
      /* Both, since ids are case-sensitive and names may repeat. */
      label = display != NULL && g_strcmp0 (display, id) != 0 ? g_strdup_printf ("%s (%s)", display, id) : g_strdup (id);
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->iam_ids, g_strdup (id));
    }
  adw_combo_row_set_model (self->iam_row, G_LIST_MODEL (names));

  if (self->iam_ids->len == 0)
    steward_form_show_error (self->error_label, NULL,
                             _ ("This server has no other identity manager to migrate the user to."));
}

static GtkWidget *
row_for_error (StewardMigrateUserDialog *self,
               const GError             *error)
{
  const char *field = steward_api_error_get_field (error);

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT) || (field != NULL && strstr (field, "userid") != NULL))
    return GTK_WIDGET (self->userid_row);
  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND) || g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
    return GTK_WIDGET (self->iam_row);
  return NULL;
}

static void
user_migrated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (StewardMigrateUserDialog) self = user_data;
  g_autoptr (StewardUser) migrated = NULL;
  g_autoptr (GError) error = NULL;

  migrated = steward_client_migrate_user_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (migrated == NULL)
    {
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED))
        self->unsupported = TRUE;
      update_state (self);
      steward_form_show_error (self->error_label, self->unsupported ? NULL : row_for_error (self, error), error->message);
      return;
    }

  update_state (self);
  g_signal_emit (self, signals[USER_MIGRATED], 0, migrated);
  gtk_window_close (GTK_WINDOW (self));
}

static void
migrate_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardMigrateUserDialog *self = STEWARD_MIGRATE_USER_DIALOG (widget);
  g_autofree char          *userid = chosen_userid (self);

  if (self->cancellable != NULL || self->unsupported || chosen_iam (self) == NULL || *userid == '\0')
    return;

  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->iam_row), GTK_WIDGET (self->userid_row), NULL);
  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_client_migrate_user_async (steward_session_get_client (self->session),
                                     steward_user_get_iamid (self->user), steward_user_get_userid (self->user),
                                     chosen_iam (self), userid,
                                     self->cancellable, user_migrated_cb, g_object_ref (self));
}

static void
input_changed_cb (StewardMigrateUserDialog *self)
{
  update_state (self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_cancellable_cancel (STEWARD_MIGRATE_USER_DIALOG (window)->cancellable);
  return FALSE;
}

static void
steward_migrate_user_dialog_dispose (GObject *object)
{
  StewardMigrateUserDialog *self = STEWARD_MIGRATE_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MIGRATE_USER_DIALOG);
  g_clear_pointer (&self->iam_ids, g_ptr_array_unref);
  g_clear_object (&self->user);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_migrate_user_dialog_parent_class)->dispose (object);
}

static void
steward_migrate_user_dialog_class_init (StewardMigrateUserDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_migrate_user_dialog_dispose;
  window_class->close_request = close_request_cb;

  signals[USER_MIGRATED] = g_signal_new ("user-migrated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-migrate-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMigrateUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardMigrateUserDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, StewardMigrateUserDialog, iam_row);
  gtk_widget_class_bind_template_child (widget_class, StewardMigrateUserDialog, userid_row);
  gtk_widget_class_bind_template_child (widget_class, StewardMigrateUserDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);

  gtk_widget_class_install_action (widget_class, "migrate.migrate", NULL, migrate_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_migrate_user_dialog_init (StewardMigrateUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->iam_ids = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
steward_migrate_user_dialog_new (StewardSession *session,
                                 StewardUser    *user)
{
  StewardMigrateUserDialog *self;
  g_autofree char          *from = NULL;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  self = g_object_new (STEWARD_TYPE_MIGRATE_USER_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->user = g_object_ref (user);

  from = g_strdup_printf ("%s / %s", steward_user_get_iamid (user), steward_user_get_userid (user));
  adw_action_row_set_subtitle (self->from_row, from);
  /* People usually keep the username they had. */
  gtk_editable_set_text (GTK_EDITABLE (self->userid_row), steward_user_get_userid (user));
  fill_targets (self);

  /* Known from an earlier attempt: say it before anyone fills anything. */
  if (steward_client_get_extension_support (steward_session_get_client (session), STEWARD_EXTENSION_MIGRATE) == STEWARD_EXTENSION_SUPPORT_MISSING)
    {
      self->unsupported = TRUE;
      steward_form_show_error (self->error_label, NULL, _ ("This server cannot migrate users between identity managers."));
    }
  update_state (self);
  return GTK_WIDGET (self);
}

gboolean
steward_migrate_user_dialog_select_iam (StewardMigrateUserDialog *self,
                                        const char               *iamid)
{
  guint position;

  g_return_val_if_fail (STEWARD_IS_MIGRATE_USER_DIALOG (self), FALSE);

  if (!g_ptr_array_find_with_equal_func (self->iam_ids, iamid, g_str_equal, &position))
    return FALSE;
  adw_combo_row_set_selected (self->iam_row, position);
  return TRUE;
}
