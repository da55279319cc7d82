/* steward-impersonation-dialog.c
 *
 * The search asks the server (active users only, a short page); the
 * chosen user's iamid and userid are copied from the server's reply
 * untouched, since both are case-sensitive. The statements come from the
 * same builder stewardctl uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-impersonation-dialog.h"

#include "steward-api-error.h"
#include "steward-impersonation-sql.h"
#include "steward-search-escape.h"

#include <glib/gi18n-lib.h>

#define RESULTS_SHOWN 8

struct _StewardImpersonationDialog
{
  AdwWindow parent_instance;

  StewardSession *session;
  StewardUser    *operator;
  StewardUser    *target;
  char           *statements;
  GCancellable   *cancellable; /* the connection details */
  GCancellable   *search_cancellable;
  guint           n_results;
  gboolean        connection_loaded;

  /* Template widgets */
  AdwActionRow        *operator_row;
  GtkButton           *copy_button;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  AdwActionRow        *iamid_row;
  AdwActionRow        *userid_row;
  AdwEntryRow         *template_row;
  GtkLabel            *statements_label;
  GtkLabel            *message_label;
  AdwPreferencesGroup *connection_group;
};

G_DEFINE_FINAL_TYPE (StewardImpersonationDialog, steward_impersonation_dialog, ADW_TYPE_WINDOW)

#define USER_KEY "steward-user"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void
say (StewardImpersonationDialog *self,
     const char                 *message,
     gboolean                    is_error)
{
  gtk_label_set_text (self->message_label, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_statements (StewardImpersonationDialog *self)
{
  static const char *names[3] = { NULL, NULL, NULL };
  const char *template = gtk_editable_get_text (GTK_EDITABLE (self->template_row));
  g_autoptr (GError) error = NULL;

  names[0] = _ ("the IAM");
  names[1] = _ ("the userid");
  names[2] = _ ("the userid template");

  g_clear_pointer (&self->statements, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->template_row), "error");
  say (self, NULL, FALSE);

  if (self->target != NULL)
    {
      self->statements = steward_impersonation_sql (steward_user_get_iamid (self->target),
                                                    steward_user_get_userid (self->target),
                                                    *template != '\0' ? template : NULL,
                                                    names, &error);
      if (self->statements == NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->template_row), "error");
          say (self, error->message, TRUE);
        }
    }

  gtk_label_set_text (self->statements_label, self->statements != NULL ? self->statements : _ ("Choose the user to impersonate first."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "impersonation.copy", self->statements != NULL);
}

static void
add_detail (StewardImpersonationDialog *self,
            const char                 *title,
            const char                 *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_preferences_group_add (self->connection_group, row);
}

static void
clear_results (StewardImpersonationDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  self->n_results = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
connection_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (StewardImpersonationDialog) self = user_data;
  g_autoptr (StewardConnectionInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *port = NULL;

  info = steward_client_get_connection_info_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->connection_loaded = TRUE;

  if (info == NULL)
    {
      const char *why = g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND)
                            ? _ ("The server does not provide query-engine connection details; ask its administrator for the host and port.")
                            : error->message;

      adw_preferences_group_set_description (self->connection_group, why);
      return;
    }

  port = g_strdup_printf ("%u", steward_connection_info_get_port (info));
  add_detail (self, _ ("SQL User"), steward_connection_info_get_sql_user (info));
  add_detail (self, _ ("Host"), steward_connection_info_get_host (info));
  add_detail (self, _ ("Port"), port);
  add_detail (self, _ ("Database"), steward_connection_info_get_database (info));
  add_detail (self, _ ("SSL Mode"), steward_connection_info_get_ssl_mode (info));
  add_detail (self, _ ("Connection String"), steward_connection_info_get_connection_string (info));
}

static void
users_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StewardImpersonationDialog) self = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *users;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->search_cancellable);
  clear_results (self);

  if (page == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }

  users = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      g_autofree char *where = g_strdup_printf ("%s / %s", steward_user_get_iamid (user), steward_user_get_userid (user));
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_user_get_display_name (user));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), USER_KEY, g_object_ref (user), g_object_unref);
      gtk_list_box_append (self->results_list, row);
      self->n_results++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->n_results > 0);
  if (self->n_results == 0)
    say (self, _ ("No active user matches the search."), FALSE);
}

static void
search_changed_cb (StewardImpersonationDialog *self)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  clear_results (self);
  say (self, NULL, FALSE);
  if (*text == '\0')
    return;

  query->search_text = g_strdup (text);
  query->size = RESULTS_SHOWN;
  self->search_cancellable = g_cancellable_new ();
  steward_client_list_users_async (steward_session_get_client (self->session), query, self->search_cancellable,
                                   users_found_cb, g_object_ref (self));
}

static void
result_activated_cb (StewardImpersonationDialog *self,
                     GtkListBoxRow              *row)
{
  steward_impersonation_dialog_set_target (self, g_object_get_data (G_OBJECT (row), USER_KEY));
}

static void
template_changed_cb (StewardImpersonationDialog *self)
{
  update_statements (self);
}

static void
copy_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardImpersonationDialog *self = STEWARD_IMPERSONATION_DIALOG (widget);

  if (self->statements == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->statements);
  say (self, _ ("Copied the statements to the clipboard"), FALSE);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_impersonation_dialog_dispose (GObject *object)
{
  StewardImpersonationDialog *self = STEWARD_IMPERSONATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_IMPERSONATION_DIALOG);
  g_clear_pointer (&self->statements, g_free);
  g_clear_object (&self->target);
  g_clear_object (&self->operator);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_impersonation_dialog_parent_class)->dispose (object);
}

static void
steward_impersonation_dialog_class_init (StewardImpersonationDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_impersonation_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-impersonation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, iamid_row);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, userid_row);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, statements_label);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, StewardImpersonationDialog, connection_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);

  gtk_widget_class_install_action (widget_class, "impersonation.copy", NULL, copy_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_impersonation_dialog_init (StewardImpersonationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, 250);
  steward_search_escape_closes (self->search_entry, GTK_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_impersonation_dialog_new (StewardSession *session,
                                  StewardUser *
                                  operator)
{
  StewardImpersonationDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (operator== NULL || STEWARD_IS_USER (operator), NULL);

  self = g_object_new (STEWARD_TYPE_IMPERSONATION_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->operator= operator!= NULL ? g_object_ref (operator) : g_object_ref (steward_session_get_current_user (session));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->operator_row), steward_user_get_display_name (self->operator));
  adw_action_row_set_subtitle (self->operator_row,
                               steward_impersonation_describe_readiness (steward_impersonation_get_readiness (self->operator)));

  self->cancellable = g_cancellable_new ();
  steward_client_get_connection_info_async (steward_session_get_client (session), self->cancellable,
                                            connection_loaded_cb, g_object_ref (self));
  update_statements (self);
  return GTK_WIDGET (self);
}

void
steward_impersonation_dialog_set_target (StewardImpersonationDialog *self,
                                         StewardUser                *target)
{
  g_return_if_fail (STEWARD_IS_IMPERSONATION_DIALOG (self));
  g_return_if_fail (STEWARD_IS_USER (target));

  g_set_object (&self->target, target);
  adw_action_row_set_subtitle (self->iamid_row, steward_user_get_iamid (target));
  adw_action_row_set_subtitle (self->userid_row, steward_user_get_userid (target));
  update_statements (self);
}

const char *
steward_impersonation_dialog_get_statements (StewardImpersonationDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPERSONATION_DIALOG (self), NULL);

  return self->statements;
}

gboolean
steward_impersonation_dialog_get_connection_loaded (StewardImpersonationDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPERSONATION_DIALOG (self), FALSE);

  return self->connection_loaded;
}

guint
steward_impersonation_dialog_get_n_results (StewardImpersonationDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPERSONATION_DIALOG (self), 0);

  return self->n_results;
}

gboolean
steward_impersonation_dialog_get_searching (StewardImpersonationDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPERSONATION_DIALOG (self), FALSE);

  return self->search_cancellable != NULL;
}
