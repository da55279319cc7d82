/* steward-audit-log-dialog.c
 *
 * Records are fetched a page at a time and appended; a change of filter
 * cancels what is in flight and starts again from the newest. The server
 * filters (userid matches actor or target, one record type); nothing is
 * filtered here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-audit-log-dialog.h"

#include "steward-audit-row.h"
#include "steward-format.h"
#include "steward-search-escape.h"

#include <glib/gi18n-lib.h>

struct _StewardAuditLogDialog
{
  AdwWindow parent_instance;

  StewardSession *session;
  GCancellable   *cancellable;
  guint           n_shown;
  guint           n_matching;
  char           *shown_filter; /* the user and type the list shows, "userid\ntype" */

  /* Template widgets */
  GtkSpinner     *spinner;
  GtkSearchEntry *user_entry;
  GtkDropDown    *type_dropdown;
  GtkStack       *stack;
  GtkLabel       *count_label;
  GtkListBox     *list_box;
  GtkButton      *more_button;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (StewardAuditLogDialog, steward_audit_log_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void
update_state (StewardAuditLogDialog *self)
{
  g_autofree char *count = NULL;
  gboolean         loading = self->cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->n_shown < self->n_matching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.more", !loading && self->n_shown < self->n_matching);

  count = g_strdup_printf (ngettext ("%'u record", "%'u records", self->n_matching), self->n_matching);
  gtk_label_set_text (self->count_label, count);
}

static void  load_page (StewardAuditLogDialog *self);
static char *current_filter (StewardAuditLogDialog *self);

static void
reload (StewardAuditLogDialog *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_shown = 0;
  self->n_matching = 0;
  g_free (self->shown_filter);
  self->shown_filter = current_filter (self);
  load_page (self);
}

static const char *
chosen_type (StewardAuditLogDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  /* Position 0 is "All Records". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return steward_format_record_type_at (selected - 1);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StewardAuditLogDialog) self = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *records;

  page = steward_client_list_audit_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (page == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_state (self);
      return;
    }

  records = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (StewardAuditRecord) record = g_list_model_get_item (records, i);

      gtk_list_box_append (self->list_box, steward_audit_row_new (record, TRUE));
      self->n_shown++;
    }
  self->n_matching = MAX (steward_page_result_get_total (page), self->n_shown);
  /* A short page means the end, whatever the count said. */
  if (g_list_model_get_n_items (records) < STEWARD_AUDIT_LOG_PAGE_SIZE)
    self->n_matching = self->n_shown;

  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "records" : "empty");
  update_state (self);
}

static void
load_page (StewardAuditLogDialog *self)
{
  g_autoptr (StewardAuditQuery) query = steward_audit_query_new ();
  const char *userid = gtk_editable_get_text (GTK_EDITABLE (self->user_entry));

  if (self->session == NULL || self->cancellable != NULL)
    return;

  query->offset = self->n_shown;
  query->size = STEWARD_AUDIT_LOG_PAGE_SIZE;
  query->userid = *userid != '\0' ? g_strstrip (g_strdup (userid)) : NULL;
  query->record_type = g_strdup (chosen_type (self));

  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_client_list_audit_async (steward_session_get_client (self->session), query, self->cancellable, page_loaded_cb, g_object_ref (self));
}

static char *
current_filter (StewardAuditLogDialog *self)
{
  g_autofree char *userid = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_entry))));

  return g_strdup_printf ("%s\n%s", userid, chosen_type (self) != NULL ? chosen_type (self) : "");
}

static void
filter_changed_cb (StewardAuditLogDialog *self)
{
  g_autofree char *filter = current_filter (self);

  /* The search entry also reports a search when nothing changed (focus,
   * a delayed emission): starting over then would throw away the pages
   * already shown. */
  if (g_strcmp0 (filter, self->shown_filter) == 0)
    return;
  reload (self);
}

static void
more_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  load_page (STEWARD_AUDIT_LOG_DIALOG (widget));
}

static void
reload_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  reload (STEWARD_AUDIT_LOG_DIALOG (widget));
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_audit_log_dialog_dispose (GObject *object)
{
  StewardAuditLogDialog *self = STEWARD_AUDIT_LOG_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_AUDIT_LOG_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->shown_filter, g_free);

  G_OBJECT_CLASS (steward_audit_log_dialog_parent_class)->dispose (object);
}

static void
steward_audit_log_dialog_class_init (StewardAuditLogDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_audit_log_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-audit-log-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, more_button);
  gtk_widget_class_bind_template_child (widget_class, StewardAuditLogDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.more", NULL, more_activated_cb);
  gtk_widget_class_install_action (widget_class, "audit.reload", NULL, reload_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.reload", NULL);
}

static void
steward_audit_log_dialog_init (StewardAuditLogDialog *self)
{
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (types, _ ("All Records"));
  for (guint i = 0; i < steward_format_n_record_types (); i++)
    gtk_string_list_append (types, steward_format_record_type (steward_format_record_type_at (i)));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  gtk_search_entry_set_search_delay (self->user_entry, 300);
  steward_search_escape_closes (self->user_entry, GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_audit_log_dialog_new (StewardSession *session)
{
  StewardAuditLogDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_AUDIT_LOG_DIALOG, NULL);
  self->session = g_object_ref (session);
  reload (self);
  return GTK_WIDGET (self);
}

guint
steward_audit_log_dialog_get_n_shown (StewardAuditLogDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_LOG_DIALOG (self), 0);

  return self->n_shown;
}

guint
steward_audit_log_dialog_get_n_matching (StewardAuditLogDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_LOG_DIALOG (self), 0);

  return self->n_matching;
}

gboolean
steward_audit_log_dialog_get_loading (StewardAuditLogDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_LOG_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
