/* steward-change-journal-dialog.c
 *
 * The journal filters (server, kind, result, since, text) in SQL on its
 * own thread; a change of filter cancels the query in flight and asks
 * again for the newest changes, a page more for each Show More. Export
 * asks the journal for every matching change as a document, then writes
 * it beside the chosen file and renames it over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change-journal-dialog.h"

#include "steward-file-save.h"
#include "steward-format.h"
#include "steward-search-escape.h"

#include <glib/gi18n-lib.h>

struct _StewardChangeJournalDialog
{
  AdwWindow parent_instance;

  StewardJournal       *journal;
  char                 *server;
  GStrv                 servers; /* those in the server menu after "All Servers" */
  GListStore           *changes;
  guint                 limit;
  GCancellable         *cancellable;
  GCancellable         *export_cancellable;
  GtkFileChooserNative *chooser;
  StewardJournalFormat  chosen_format;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton   *export_button;
  GtkSpinner      *spinner;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *server_dropdown;
  GtkDropDown     *kind_dropdown;
  GtkDropDown     *result_dropdown;
  GtkDropDown     *date_dropdown;
  GtkStack        *stack;
  GtkLabel        *count_label;
  GtkListBox      *list_box;
  GtkButton       *more_button;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (StewardChangeJournalDialog, steward_change_journal_dialog, ADW_TYPE_WINDOW)

/* The Date menu, after "Any Time". */
static const struct
{
  const char *label;
  int         days;
} periods[] = {
  { N_ ("Last 24 Hours"), 1 },
  { N_ ("Last 7 Days"), 7 },
  { N_ ("Last 30 Days"), 30 },
  { N_ ("Last 365 Days"), 365 },
};

/* The Result menu, after "All Results". */
static const StewardChangeResult results[] = {
  STEWARD_CHANGE_DONE,
  STEWARD_CHANGE_FAILED,
  STEWARD_CHANGE_PENDING,
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Position 0 of every menu is "all"; -1 for it. */
static int
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return -1;
  return (int) selected - 1;
}

static StewardJournalFilter *
current_filter (StewardChangeJournalDialog *self,
                guint                       limit)
{
  StewardJournalFilter *filter = steward_journal_filter_new ();
  const char           *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int                   kind = chosen (self->kind_dropdown);
  int                   result = chosen (self->result_dropdown);
  int                   period = chosen (self->date_dropdown);

  filter->server = g_strdup (self->server);
  filter->kind = kind;
  filter->result = result >= 0 ? (int) results[result] : -1;
  if (period >= 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      filter->since = g_date_time_add_days (now, -periods[period].days);
    }
  filter->text = *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
  filter->limit = limit;

  return filter;
}

static void
update_state (StewardChangeJournalDialog *self)
{
  g_autofree char *count = NULL;
  guint            n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  gboolean         loading = self->cancellable != NULL;
  gboolean         more = n_shown >= self->limit;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.more", !loading && more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.export", self->export_cancellable == NULL);

  if (more)
    count = g_strdup_printf (ngettext ("The newest %'u change", "The newest %'u changes", n_shown), n_shown);
  else
    count = g_strdup_printf (ngettext ("%'u change", "%'u changes", n_shown), n_shown);
  gtk_label_set_text (self->count_label, count);
}

static void changes_read_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
reload (StewardChangeJournalDialog *self)
{
  g_autoptr (StewardJournalFilter) filter = current_filter (self, self->limit);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  update_state (self);

  steward_journal_query_async (self->journal, filter, self->cancellable, changes_read_cb, g_object_ref (self));
}

/* "Disable bim:ann@example.com", "Active; A, B → Disabled; A, B", and
 * when, where and by whom, with the result at the end. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardChange   *change = item;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *result = gtk_label_new (steward_change_result_get_label (steward_change_get_result (change)));
  g_autofree char *when = steward_format_date_time (steward_change_get_time (change));
  g_autofree char *full = steward_format_date_time_full (steward_change_get_time (change));
  g_autofree char *before = steward_change_describe_before (change);
  g_autofree char *after = steward_change_describe_after (change);
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  const char      *kind = steward_change_kind_get_label (steward_change_get_kind (change));
  const char      *detail = steward_change_get_detail (change);
  const char      *actor = steward_change_get_actor (change);
  const char      *message = steward_change_get_message (change);

  if (detail != NULL && *detail != '\0')
    title = g_strdup_printf ("%s %s — %s:%s", kind, detail, steward_change_get_iamid (change), steward_change_get_userid (change));
  else
    title = g_strdup_printf ("%s %s:%s", kind, steward_change_get_iamid (change), steward_change_get_userid (change));

  /* Translators: when, on which server, by whom: "Today 14:02 on Production by bim:admin@example.com". */
  where = g_strdup_printf (_ ("%s on %s by %s"), when, steward_change_get_server (change), actor != NULL ? actor : _ ("an unknown person"));
  if (message != NULL)
    subtitle = g_strdup_printf ("%s → %s\n%s\n%s", before, after, where, message);
  else
    subtitle = g_strdup_printf ("%s → %s\n%s", before, after, where);

  /* Names and answers from the server are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (row, full);

  gtk_widget_add_css_class (result, steward_change_get_result (change) == STEWARD_CHANGE_DONE ? "success" : steward_change_get_result (change) == STEWARD_CHANGE_FAILED ? "error"
                                                                                                                                                                        : "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), result);

  return row;
}

static void
fill_server_menu (StewardChangeJournalDialog *self,
                  GStrv                       servers)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_strfreev (self->servers);
  self->servers = servers;

  /* The server asked for stays chosen even before it has a change. */
  if (self->server != NULL && !g_strv_contains ((const char *const *) self->servers, self->server))
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_add (builder, self->server);
      g_strv_builder_addv (builder, (const char **) self->servers);
      g_strfreev (self->servers);
      self->servers = g_strv_builder_end (builder);
    }

  gtk_string_list_append (names, _ ("All Servers"));
  for (guint i = 0; self->servers[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->servers[i]);
      if (g_strcmp0 (self->servers[i], self->server) == 0)
        selected = i + 1;
    }

  g_signal_handlers_block_matched (self->server_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->server_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->server_dropdown, selected);
  g_signal_handlers_unblock_matched (self->server_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
show_toast (StewardChangeJournalDialog *self,
            const char                 *text)
{
  /* A toast's title is markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast        *toast = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
changes_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StewardChangeJournalDialog) self = user_data;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_changes;

  changes = steward_journal_query_finish (STEWARD_JOURNAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (changes == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_state (self);
      return;
    }

  n_changes = g_list_model_get_n_items (changes);
  for (guint i = 0; i < n_changes; i++)
    g_ptr_array_add (items, g_list_model_get_item (changes, i));
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)), items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n_changes > 0 ? "changes" : "empty");
  update_state (self);
}

static void
servers_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (StewardChangeJournalDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  GStrv servers;

  servers = steward_journal_list_servers_finish (STEWARD_JOURNAL (source), result, &error);
  if (servers == NULL)
    {
      /* The query says why in the list itself. */
      servers = g_new0 (char *, 1);
    }

  fill_server_menu (self, servers);
}

static void
filter_changed_cb (StewardChangeJournalDialog *self)
{
  self->limit = STEWARD_CHANGE_JOURNAL_PAGE_SIZE;
  reload (self);
}

static void
server_changed_cb (StewardChangeJournalDialog *self)
{
  int server = chosen (self->server_dropdown);

  g_free (self->server);
  self->server = server >= 0 && self->servers != NULL ? g_strdup (self->servers[server]) : NULL;
  filter_changed_cb (self);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StewardChangeJournalDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_change_journal_dialog_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  show_toast (self, _ ("Changes exported"));
}

static void
file_chosen_cb (GFile   *file,
                gpointer user_data)
{
  StewardChangeJournalDialog *self = user_data;

  steward_change_journal_dialog_export_async (self, file, self->chosen_format, NULL, exported_cb, g_object_ref (self));
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardChangeJournalDialog *self = STEWARD_CHANGE_JOURNAL_DIALOG (widget);
  gboolean                    csv = g_strcmp0 (g_variant_get_string (parameter, NULL), "csv") == 0;

  self->chosen_format = csv ? STEWARD_JOURNAL_FORMAT_CSV : STEWARD_JOURNAL_FORMAT_JSON;
  steward_file_save_dismiss (&self->chooser);
  self->chooser = steward_file_save_choose (GTK_WINDOW (self), _ ("Export Changes"),
                                            csv ? "steward-changes.csv" : "steward-changes.json", file_chosen_cb, self);
}

static void
more_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardChangeJournalDialog *self = STEWARD_CHANGE_JOURNAL_DIALOG (widget);

  self->limit += STEWARD_CHANGE_JOURNAL_PAGE_SIZE;
  reload (self);
}

static void
reload_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardChangeJournalDialog *self = STEWARD_CHANGE_JOURNAL_DIALOG (widget);

  steward_journal_list_servers_async (self->journal, NULL, servers_listed_cb, g_object_ref (self));
  reload (self);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_change_journal_dialog_dispose (GObject *object)
{
  StewardChangeJournalDialog *self = STEWARD_CHANGE_JOURNAL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  steward_file_save_dismiss (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CHANGE_JOURNAL_DIALOG);
  g_clear_object (&self->changes);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (steward_change_journal_dialog_parent_class)->dispose (object);
}

static void
steward_change_journal_dialog_finalize (GObject *object)
{
  StewardChangeJournalDialog *self = STEWARD_CHANGE_JOURNAL_DIALOG (object);

  g_free (self->server);
  g_strfreev (self->servers);

  G_OBJECT_CLASS (steward_change_journal_dialog_parent_class)->finalize (object);
}

static void
steward_change_journal_dialog_class_init (StewardChangeJournalDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_change_journal_dialog_dispose;
  object_class->finalize = steward_change_journal_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-change-journal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, server_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, more_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChangeJournalDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_changed_cb);

  gtk_widget_class_install_action (widget_class, "journal.export", "s", export_activated_cb);
  gtk_widget_class_install_action (widget_class, "journal.more", NULL, more_activated_cb);
  gtk_widget_class_install_action (widget_class, "journal.reload", NULL, reload_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "journal.reload", NULL);
}

static void
fill_menu (GtkDropDown *dropdown,
           const char  *all)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

static void
append_to_menu (GtkDropDown *dropdown,
                const char  *label)
{
  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), label);
}

static void
steward_change_journal_dialog_init (StewardChangeJournalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->changes = g_list_store_new (STEWARD_TYPE_CHANGE);
  self->limit = STEWARD_CHANGE_JOURNAL_PAGE_SIZE;
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->changes), create_row, NULL, NULL);

  /* Filled before the handlers can see a change. */
  g_signal_handlers_block_matched (self->kind_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->result_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->date_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->server_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  fill_menu (self->kind_dropdown, _ ("All Kinds"));
  for (guint i = 0; i < STEWARD_N_CHANGE_KINDS; i++)
    append_to_menu (self->kind_dropdown, steward_change_kind_get_label (i));
  fill_menu (self->result_dropdown, _ ("All Results"));
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    append_to_menu (self->result_dropdown, steward_change_result_get_label (results[i]));
  fill_menu (self->date_dropdown, _ ("Any Time"));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    append_to_menu (self->date_dropdown, _ (periods[i].label));
  fill_menu (self->server_dropdown, _ ("All Servers"));

  g_signal_handlers_unblock_matched (self->kind_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->result_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->date_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->server_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  gtk_search_entry_set_search_delay (self->search_entry, 300);
  steward_search_escape_closes (self->search_entry, GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_change_journal_dialog_new (StewardJournal *journal,
                                   const char     *server)
{
  StewardChangeJournalDialog *self;

  g_return_val_if_fail (STEWARD_IS_JOURNAL (journal), NULL);

  self = g_object_new (STEWARD_TYPE_CHANGE_JOURNAL_DIALOG, NULL);
  self->journal = g_object_ref (journal);
  self->server = g_strdup (server);
  fill_server_menu (self, g_new0 (char *, 1));
  reload_activated_cb (GTK_WIDGET (self), NULL, NULL);

  return GTK_WIDGET (self);
}

GListModel *
steward_change_journal_dialog_get_changes (StewardChangeJournalDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE_JOURNAL_DIALOG (self), NULL);

  return G_LIST_MODEL (self->changes);
}

gboolean
steward_change_journal_dialog_get_loading (StewardChangeJournalDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE_JOURNAL_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
export_done (GTask *task)
{
  StewardChangeJournalDialog *self = g_task_get_source_object (task);

  g_clear_object (&self->export_cancellable);
  update_state (self);
}

static void
document_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  export_done (task);
  if (!steward_file_save_bytes_finish (G_FILE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
document_made_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GBytes) document = NULL;
  StewardChangeJournalDialog *self = g_task_get_source_object (task);
  GError                     *error = NULL;

  document = steward_journal_export_finish (STEWARD_JOURNAL (source), result, &error);
  if (document == NULL)
    {
      export_done (task);
      g_task_return_error (task, error);
      return;
    }

  steward_file_save_bytes_async (g_task_get_task_data (task), document, self->export_cancellable,
                                 document_written_cb, g_object_ref (task));
}

void
steward_change_journal_dialog_export_async (StewardChangeJournalDialog *self,
                                            GFile                      *file,
                                            StewardJournalFormat        format,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data)
{
  g_autoptr (StewardJournalFilter) filter = NULL;
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_CHANGE_JOURNAL_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_change_journal_dialog_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  /* Every matching change, not only those on screen. */
  filter = current_filter (self, 0);
  /* Ours, cancelled when the dialog closes. */
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  update_state (self);

  steward_journal_export_async (self->journal, filter, format, self->export_cancellable, document_made_cb, g_steal_pointer (&task));
}

gboolean
steward_change_journal_dialog_export_finish (StewardChangeJournalDialog *self,
                                             GAsyncResult               *result,
                                             GError                    **error)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE_JOURNAL_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
