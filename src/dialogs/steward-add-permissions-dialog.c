/* steward-add-permissions-dialog.c
 *
 * Each chosen permission is granted with its own idempotent request
 * (route 13, or the client's fallback), one after the other, rather than
 * replacing the whole set: a change someone else made meanwhile is never
 * overwritten. If one fails, those before it stay granted and the dialog
 * says which are left; the choice stays as it was.
 *
 * For a selection of many users the same list only chooses: the chosen
 * names go to "permissions-chosen" and the window turns them into a bulk
 * plan for the Pending Changes review (nothing is sent from here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-add-permissions-dialog.h"

#include "steward-form.h"
#include "steward-permissions.h"

#include <glib/gi18n-lib.h>

#define IMPERSONATE_USER "IMPERSONATE_USER"

struct _StewardAddPermissionsDialog
{
  AdwWindow parent_instance;

  StewardSession *session;
  StewardUser    *user; /* NULL when choosing for many users */
  /* Choosing for many: what the choice is for. */
  gboolean        choosing;
  StewardBulkKind choose_kind;
  GCancellable   *cancellable;
  /* The switches, in catalogue order; their names in their data. */
  GPtrArray *checks;
  /* While granting: what is left to grant, and the latest reply. */
  GPtrArray   *to_grant;
  StewardUser *granted;

  /* Template widgets */
  GtkButton           *add_button;
  GtkSpinner          *spinner;
  GtkListBox          *list_box;
  AdwPreferencesGroup *select_group;
  AdwEntryRow         *custom_row;
  GtkRevealer         *impersonation_revealer;
  GtkLabel            *impersonation_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (StewardAddPermissionsDialog, steward_add_permissions_dialog, ADW_TYPE_WINDOW)

enum
{
  PERMISSIONS_GRANTED,
  PERMISSIONS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PERMISSION_KEY "steward-permission"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void selection_changed_cb (StewardAddPermissionsDialog *self);

static char *
custom_name (StewardAddPermissionsDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->custom_row))));
}

static void
add_row (StewardAddPermissionsDialog *self,
         const char                  *name,
         const char                  *meaning)
{
  GtkWidget *row = adw_action_row_new ();
  /* A switch rather than a check button: GTK 4.8 gives switches an
   * accessible action, so screen readers and AT-SPI can flip them. */
  GtkWidget *check = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), meaning);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), PERMISSION_KEY, g_strdup (name), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "notify::active", G_CALLBACK (selection_changed_cb), self);
  gtk_list_box_append (self->list_box, row);
  g_ptr_array_add (self->checks, check);
}

/* Offers every permission of the catalogue the user lacks. */
static void
fill_list (StewardAddPermissionsDialog *self)
{
  GListModel *catalogue = steward_session_get_permissions (self->session);

  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (catalogue, i);
      const char *name = steward_permission_info_get_name (info);
      const char *meaning = steward_permission_info_get_description (info);

      if (self->user != NULL && steward_user_has_permission (self->user, name))
        continue;
      if (meaning == NULL || *meaning == '\0')
        meaning = steward_builtin_permission_description (name);
      add_row (self, name, meaning != NULL ? _ (meaning) : "");
    }

  if (self->checks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("The user holds every listed permission"));
      gtk_list_box_append (self->list_box, row);
    }
}

GStrv
steward_add_permissions_dialog_dup_chosen (StewardAddPermissionsDialog *self)
{
  g_autoptr (GStrvBuilder) chosen = g_strv_builder_new ();
  g_autofree char *custom = NULL;

  g_return_val_if_fail (STEWARD_IS_ADD_PERMISSIONS_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (chosen, g_object_get_data (g_ptr_array_index (self->checks, i), PERMISSION_KEY));

  custom = custom_name (self);
  if (*custom != '\0')
    g_strv_builder_add (chosen, custom);
  return g_strv_builder_end (chosen);
}

static void
update_state (StewardAddPermissionsDialog *self)
{
  g_auto (GStrv) chosen = steward_add_permissions_dialog_dup_chosen (self);
  g_autofree char *custom = custom_name (self);
  guint            n = g_strv_length (chosen);
  gboolean         custom_ok = *custom == '\0' || steward_permission_name_is_valid (custom);
  g_autofree char *label = NULL;
  const char      *sql_user = self->user != NULL ? steward_user_get_sql_user (self->user) : NULL;
  gboolean         removing = self->choosing && self->choose_kind == STEWARD_BULK_REMOVE_PERMISSIONS;
  gboolean         warn = !removing && g_strv_contains ((const char *const *) chosen, IMPERSONATE_USER);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "permissions.add", self->cancellable == NULL && n > 0 && custom_ok);
  steward_form_set_busy (self->spinner, self->cancellable != NULL);
  if (custom_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->custom_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->custom_row), "error");

  if (removing)
    label = n > 1 ? g_strdup_printf (ngettext ("_Remove %u Permission", "_Remove %u Permissions", n), n) : g_strdup (_ ("_Remove"));
  else
    label = n > 1 ? g_strdup_printf (ngettext ("_Add %u Permission", "_Add %u Permissions", n), n) : g_strdup (_ ("_Add"));
  gtk_button_set_label (self->add_button, label);

  /* Granting IMPERSONATE_USER is a big step: say what it means first. */
  if (warn)
    {
      g_autoptr (GString) warning = g_string_new (_ ("IMPERSONATE_USER lets this user act as any other user in a query-engine session: every query they run that way is answered as if the other user asked it."));

      if (self->user != NULL && (sql_user == NULL || *sql_user == '\0'))
        g_string_append_printf (warning, " %s", _ ("It also needs SQL credentials, and this user has none yet: set an SQL user in their profile before they can use it."));
      gtk_label_set_text (self->impersonation_label, warning->str);
    }
  gtk_revealer_set_reveal_child (self->impersonation_revealer, warn);
}

static void grant_next (StewardAddPermissionsDialog *self);

static void
permission_granted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (StewardAddPermissionsDialog) self = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_client_add_permission_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (user == NULL)
    {
      g_autofree char *left = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (self->to_grant, NULL);
      left = g_strjoinv (", ", (GStrv) self->to_grant->pdata);
      message = g_strdup_printf (_ ("%s Not granted: %s."), error->message, left);
      g_clear_pointer (&self->to_grant, g_ptr_array_unref);
      g_clear_object (&self->cancellable);
      update_state (self);
      steward_form_show_error (self->error_label, NULL, message);
      /* Those granted before the failure are on the server already. */
      if (self->granted != NULL)
        steward_user_update_from (self->user, self->granted);
      return;
    }

  g_set_object (&self->granted, user);
  g_ptr_array_remove_index (self->to_grant, 0);
  grant_next (self);
}

static void
grant_next (StewardAddPermissionsDialog *self)
{
  if (self->to_grant->len == 0)
    {
      g_clear_pointer (&self->to_grant, g_ptr_array_unref);
      g_clear_object (&self->cancellable);
      g_signal_emit (self, signals[PERMISSIONS_GRANTED], 0, self->granted);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  steward_client_add_permission_async (steward_session_get_client (self->session),
                                       steward_user_get_iamid (self->user),
                                       steward_user_get_userid (self->user),
                                       g_ptr_array_index (self->to_grant, 0),
                                       self->cancellable, permission_granted_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
add_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StewardAddPermissionsDialog *self = STEWARD_ADD_PERMISSIONS_DIALOG (widget);
  g_auto (GStrv) chosen = steward_add_permissions_dialog_dup_chosen (self);

  if (self->cancellable != NULL || chosen[0] == NULL)
    return;

  if (self->choosing)
    {
      g_signal_emit (self, signals[PERMISSIONS_CHOSEN], 0, chosen);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->custom_row), NULL);
  self->to_grant = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; chosen[i] != NULL; i++)
    g_ptr_array_add (self->to_grant, g_strdup (chosen[i]));
  self->cancellable = g_cancellable_new ();
  update_state (self);
  grant_next (self);
}

static void
selection_changed_cb (StewardAddPermissionsDialog *self)
{
  update_state (self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_cancellable_cancel (STEWARD_ADD_PERMISSIONS_DIALOG (window)->cancellable);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_add_permissions_dialog_dispose (GObject *object)
{
  StewardAddPermissionsDialog *self = STEWARD_ADD_PERMISSIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ADD_PERMISSIONS_DIALOG);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->to_grant, g_ptr_array_unref);
  g_clear_object (&self->granted);
  g_clear_object (&self->user);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_add_permissions_dialog_parent_class)->dispose (object);
}

static void
steward_add_permissions_dialog_class_init (StewardAddPermissionsDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_add_permissions_dialog_dispose;
  window_class->close_request = close_request_cb;

  signals[PERMISSIONS_GRANTED] = g_signal_new ("permissions-granted",
                                               G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, STEWARD_TYPE_USER);
  signals[PERMISSIONS_CHOSEN] = g_signal_new ("permissions-chosen",
                                              G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-add-permissions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, select_group);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, impersonation_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, impersonation_label);
  gtk_widget_class_bind_template_child (widget_class, StewardAddPermissionsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "permissions.add", NULL, add_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_add_permissions_dialog_init (StewardAddPermissionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_add_permissions_dialog_new (StewardSession *session,
                                    StewardUser    *user)
{
  StewardAddPermissionsDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);

  self = g_object_new (STEWARD_TYPE_ADD_PERMISSIONS_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->user = g_object_ref (user);
  fill_list (self);
  update_state (self);
  return GTK_WIDGET (self);
}

GtkWidget *
steward_add_permissions_dialog_new_for_many (StewardSession *session,
                                             StewardBulkKind kind,
                                             guint           n_users)
{
  StewardAddPermissionsDialog *self;
  g_autofree char             *description = NULL;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind == STEWARD_BULK_ADD_PERMISSIONS || kind == STEWARD_BULK_REMOVE_PERMISSIONS, NULL);

  self = g_object_new (STEWARD_TYPE_ADD_PERMISSIONS_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->choosing = TRUE;
  self->choose_kind = kind;
  if (kind == STEWARD_BULK_REMOVE_PERMISSIONS)
    gtk_window_set_title (GTK_WINDOW (self), _ ("Remove Permission"));
  /* TRANSLATORS: the description above the permissions in a bulk change */
  description = g_strdup_printf (ngettext ("For %'u selected user. Each change is listed for review before anything is sent.",
                                           "For %'u selected users. Each change is listed for review before anything is sent.", n_users),
                                 n_users);
  adw_preferences_group_set_description (self->select_group, description);
  fill_list (self);
  update_state (self);
  return GTK_WIDGET (self);
}
