/* steward-import-users-dialog.c
 *
 * The table is a GtkColumnView over the StewardUserImport itself (10,000
 * rows cost only the rows on screen). Once Create makes a plan, each
 * valid row is paired with its StewardBulkItem (the plan holds the valid
 * rows in file order), and the Result column follows the item's
 * "result" as the run goes. The file is parsed on the main thread: the
 * reader is linear and a 10,000-row file takes milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-import-users-dialog.h"

#include "steward-bulk-progress.h"
#include "steward-bulk-run.h"
#include "steward-file-save.h"
#include "steward-form.h"

#include <glib/gi18n-lib.h>

struct _StewardImportUsersDialog
{
  AdwWindow parent_instance;

  StewardSession         *session;
  GFile                  *file;
  StewardUserImport      *import;
  StewardBulkPlan        *plan;
  StewardBulkRun         *run;
  GHashTable             *items; /* StewardImportRow -> StewardBulkItem */
  GCancellable           *cancellable;
  GtkFileChooserNative   *chooser;
  StewardImportUsersStage stage;

  /* Template widgets */
  GtkButton      *cancel_button;
  GtkButton      *retry_button;
  GtkSpinner     *spinner;
  AdwEntryRow    *file_row;
  GtkLabel       *summary_label;
  GtkLabel       *error_label;
  GtkProgressBar *progress_bar;
  GtkColumnView  *column_view;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (StewardImportUsersDialog, steward_import_users_dialog, ADW_TYPE_WINDOW)

enum
{
  USERS_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_EMAIL,
  COLUMN_PERMISSIONS,
  COLUMN_RESULT,
} Column;

#define COLUMN_KEY "steward-column"
#define ITEM_KEY "steward-bulk-item"

/* ------------------------------------------------------------------ */
/* What each cell says                                                 */
/* ------------------------------------------------------------------ */

static char *
row_result (StewardImportUsersDialog *self,
            StewardImportRow         *row)
{
  StewardBulkItem *item = self->items != NULL ? g_hash_table_lookup (self->items, row) : NULL;
  const char      *message;

  if (item == NULL)
    {
      message = steward_import_row_get_message (row);
      if (steward_import_row_get_status (row) != STEWARD_IMPORT_ROW_VALID)
        return g_strdup (message != NULL ? message : "");
      return g_strdup (_ ("Ready to create"));
    }

  message = steward_bulk_item_get_message (item);
  switch (steward_bulk_item_get_result (item))
    {
      case STEWARD_BULK_RESULT_DONE:
        return g_strdup (_ ("Created"));
      case STEWARD_BULK_RESULT_ALREADY:
        return g_strdup (_ ("Already on the server"));
      case STEWARD_BULK_RESULT_FAILED:
        return g_strdup_printf (_ ("Failed: %s"), message != NULL ? message : "");
      case STEWARD_BULK_RESULT_SKIPPED:
        return g_strdup_printf (_ ("Skipped: %s"), message != NULL ? message : "");
      case STEWARD_BULK_RESULT_PENDING:
      default:
        return g_strdup (self->stage == STEWARD_IMPORT_USERS_CREATING ? _ ("Waiting") : _ ("Not sent"));
    }
}

static char *
cell_text (StewardImportUsersDialog *self,
           StewardImportRow         *row,
           Column                    column)
{
  switch (column)
    {
      case COLUMN_LINE:
        return g_strdup_printf ("%u", steward_import_row_get_line (row));
      case COLUMN_NAME:
        return g_strdup (steward_import_row_get_name (row));
      case COLUMN_EMAIL:
        return g_strdup (steward_import_row_get_email (row));
      case COLUMN_PERMISSIONS:
        return g_strjoinv (", ", (char **) steward_import_row_get_permissions (row));
      case COLUMN_RESULT:
      default:
        return row_result (self, row);
    }
}

static void
update_cell (GtkListItem *list_item)
{
  StewardImportUsersDialog *self = g_object_get_data (G_OBJECT (list_item), "steward-dialog");
  StewardImportRow         *row = gtk_list_item_get_item (list_item);
  GtkLabel                 *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char          *text = NULL;

  if (row == NULL || self == NULL)
    return;
  text = cell_text (self, row, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), COLUMN_KEY)));
  gtk_label_set_text (label, text != NULL ? text : "");
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), COLUMN_KEY)) == COLUMN_RESULT)
    {
      gboolean         bad = steward_import_row_get_status (row) != STEWARD_IMPORT_ROW_VALID;
      StewardBulkItem *item = g_object_get_data (G_OBJECT (list_item), ITEM_KEY);

      if (item != NULL)
        bad = steward_bulk_item_get_result (item) == STEWARD_BULK_RESULT_FAILED || steward_bulk_item_get_result (item) == STEWARD_BULK_RESULT_SKIPPED;
      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StewardImportUsersDialog *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), COLUMN_KEY, g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  g_object_set_data (G_OBJECT (list_item), "steward-dialog", self);
}

static void
item_changed_cb (StewardBulkItem *item,
                 GParamSpec      *pspec,
                 GtkListItem     *list_item)
{
  update_cell (list_item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StewardImportUsersDialog *self)
{
  StewardImportRow *row = gtk_list_item_get_item (list_item);
  StewardBulkItem  *item = self->items != NULL && row != NULL ? g_hash_table_lookup (self->items, row) : NULL;

  if (item != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), COLUMN_KEY)) == COLUMN_RESULT)
    {
      g_object_set_data_full (G_OBJECT (list_item), ITEM_KEY, g_object_ref (item), g_object_unref);
      g_signal_connect_object (item, "notify::result", G_CALLBACK (item_changed_cb), list_item, 0);
      g_signal_connect_object (item, "notify::message", G_CALLBACK (item_changed_cb), list_item, 0);
    }
  update_cell (list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                StewardImportUsersDialog *self)
{
  StewardBulkItem *item = g_object_get_data (G_OBJECT (list_item), ITEM_KEY);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, list_item);
  g_object_set_data (G_OBJECT (list_item), ITEM_KEY, NULL);
}

static void
add_column (StewardImportUsersDialog *self,
            const char               *title,
            Column                    column,
            gboolean                  expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Every visible row binds again (after the pairing with a plan changed). */
static void
rebind_rows (StewardImportUsersDialog *self)
{
  gtk_no_selection_set_model (self->selection, NULL);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->import));
}

/* ------------------------------------------------------------------ */
/* Stages                                                              */
/* ------------------------------------------------------------------ */

static void
set_stage (StewardImportUsersDialog *self,
           StewardImportUsersStage   stage)
{
  guint       n_valid = self->import != NULL ? steward_user_import_count (self->import, STEWARD_IMPORT_ROW_VALID) : 0;
  guint       n_failed = self->plan != NULL ? steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_FAILED) + steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_PENDING) : 0;
  gboolean    busy = stage == STEWARD_IMPORT_USERS_READING || stage == STEWARD_IMPORT_USERS_CREATING;
  const char *cancel = stage == STEWARD_IMPORT_USERS_RESULTS ? _ ("_Close") : _ ("_Cancel");

  self->stage = stage;
  steward_form_set_busy (self->spinner, stage == STEWARD_IMPORT_USERS_READING);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), stage == STEWARD_IMPORT_USERS_CREATING);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), stage == STEWARD_IMPORT_USERS_RESULTS && n_failed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.create", stage == STEWARD_IMPORT_USERS_PREVIEW && n_valid > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.read", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.retry", stage == STEWARD_IMPORT_USERS_RESULTS && n_failed > 0);
  gtk_button_set_label (self->cancel_button, cancel);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  stage == STEWARD_IMPORT_USERS_RESULTS ? _ ("Close") : _ ("Cancel"), -1);
}

static void
show_failure (StewardImportUsersDialog *self,
              const char               *message)
{
  steward_form_show_error (self->error_label, NULL, message);
  set_stage (self, STEWARD_IMPORT_USERS_FAILED);
}

static void
show_preview (StewardImportUsersDialog *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->import));
  guint n_valid = steward_user_import_count (self->import, STEWARD_IMPORT_ROW_VALID);
  guint n_exists = steward_user_import_count (self->import, STEWARD_IMPORT_ROW_EXISTS);
  guint n_bad = n_rows - n_valid - n_exists;
  /* TRANSLATORS: "12 rows: 10 to create, 1 on the server already, 1 with a problem" */
  g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row: %u to create, %u on the server already, %u with a problem",
                                                           "%u rows: %u to create, %u on the server already, %u with a problem", n_rows),
                                              n_rows, n_valid, n_exists, n_bad);

  gtk_label_set_text (self->summary_label, summary);
  set_stage (self, STEWARD_IMPORT_USERS_PREVIEW);
}

static void
show_results (StewardImportUsersDialog *self)
{
  guint n_done = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_DONE);
  guint n_already = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_ALREADY);
  guint n_failed = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_FAILED) + steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_SKIPPED);
  guint n_pending = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_PENDING);
  /* TRANSLATORS: "4 created, 1 already on the server, 1 failed, 0 not sent" */
  g_autofree char *summary = g_strdup_printf (_ ("%u created, %u already on the server, %u failed, %u not sent"),
                                              n_done, n_already, n_failed, n_pending);

  gtk_label_set_text (self->summary_label, summary);
  set_stage (self, STEWARD_IMPORT_USERS_RESULTS);
  /* "Waiting" becomes "Not sent" on rows a cancel left behind. */
  rebind_rows (self);
}

/* Pairs each row with its item of @plan: @rows_for_plan lists, in order,
 * the rows the plan's items were made from. */
static void
pair_rows (StewardImportUsersDialog *self,
           GPtrArray                *rows_for_plan)
{
  guint n = MIN (rows_for_plan->len, g_list_model_get_n_items (G_LIST_MODEL (self->plan)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardBulkItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      g_hash_table_replace (self->items, g_object_ref (rows_for_plan->pdata[i]), g_object_ref (item));
    }
  rebind_rows (self);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardImportUsersDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Cancelled or not, each row says how it ended. */
  steward_bulk_run_apply_finish (STEWARD_BULK_RUN (source), result, &error);
  if (STEWARD_BULK_RUN (source) != self->run || self->stage != STEWARD_IMPORT_USERS_CREATING)
    return;
  g_clear_object (&self->cancellable);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    steward_form_show_error (self->error_label, NULL, error->message);
  show_results (self);
  if (steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_DONE) > 0)
    g_signal_emit (self, signals[USERS_CREATED], 0);
}

static void
run_plan (StewardImportUsersDialog *self,
          StewardBulkPlan          *plan,
          GPtrArray                *rows_for_plan)
{
  g_set_object (&self->plan, plan);
  pair_rows (self, rows_for_plan);
  g_clear_object (&self->run);
  self->run = steward_bulk_run_new (steward_session_get_client (self->session), plan);
  steward_bulk_progress_follow (self->progress_bar, self->run);
  steward_form_clear_errors (self->error_label, NULL, NULL);
  gtk_label_set_text (self->summary_label, _ ("Creating…"));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_stage (self, STEWARD_IMPORT_USERS_CREATING);
  steward_bulk_run_apply_async (self->run, self->cancellable, applied_cb, g_object_ref (self));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardImportUsersDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (STEWARD_USER_IMPORT (source) != self->import)
    return;
  if (!steward_user_import_check_finish (STEWARD_USER_IMPORT (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      /* The rows stay: choosing the file again checks again. */
      message = g_strdup_printf (_ ("Could not check the rows against the server: %s"), error->message);
      show_failure (self, message);
      return;
    }

  g_clear_object (&self->cancellable);
  rebind_rows (self);
  show_preview (self);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StewardImportUsersDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (StewardUserImport) import = NULL;
  gsize length = 0;

  if (G_FILE (source) != self->file)
    return;
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      show_failure (self, error->message);
      return;
    }

  import = steward_user_import_new_from_data (contents, length, &error);
  if (import == NULL)
    {
      g_clear_object (&self->cancellable);
      show_failure (self, error->message);
      return;
    }

  g_set_object (&self->import, import);
  rebind_rows (self);
  gtk_label_set_text (self->summary_label, _ ("Checking the rows against the server…"));
  steward_user_import_check_async (self->import, steward_session_get_client (self->session), self->cancellable,
                                   checked_cb, g_object_ref (self));
}

static void
file_chosen_cb (GFile   *file,
                gpointer user_data)
{
  steward_import_users_dialog_open_file (STEWARD_IMPORT_USERS_DIALOG (user_data), file);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
choose_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  steward_file_save_dismiss (&self->chooser);
  self->chooser = steward_file_open_choose (GTK_WINDOW (self), _ ("Choose a CSV File"), filter, file_chosen_cb, self);
}

/* The path typed (or pasted) into the row. */
static void
read_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (widget);
  g_autofree char          *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));
  g_autoptr (GFile) file = NULL;

  if (*path == '\0')
    {
      steward_form_show_error (self->error_label, GTK_WIDGET (self->file_row), _ ("Enter the path of a CSV file, or choose one."));
      return;
    }
  file = g_file_new_for_commandline_arg (path);
  steward_import_users_dialog_open_file (self, file);
}

static void
file_row_activated_cb (StewardImportUsersDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.read", NULL);
}

static void
create_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (widget);
  g_autoptr (StewardBulkPlan) plan = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint n;

  if (self->stage != STEWARD_IMPORT_USERS_PREVIEW || self->import == NULL)
    return;

  plan = steward_user_import_to_plan (self->import, steward_session_get_current_user (self->session));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->import));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->import), i);

      if (steward_import_row_get_status (row) == STEWARD_IMPORT_ROW_VALID)
        g_ptr_array_add (rows, row);
    }
  run_plan (self, plan, rows);
}

static void
retry_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (widget);
  g_autoptr (StewardBulkPlan) retry = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint n;

  if (self->stage != STEWARD_IMPORT_USERS_RESULTS || self->plan == NULL)
    return;
  retry = steward_bulk_plan_new_retry (self->plan);
  if (retry == NULL)
    return;

  /* The retry holds the failed and unsent items, in order. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->import));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->import), i);
      StewardBulkItem  *item = g_hash_table_lookup (self->items, row);
      StewardBulkResult result = item != NULL ? steward_bulk_item_get_result (item) : STEWARD_BULK_RESULT_DONE;

      if (result == STEWARD_BULK_RESULT_FAILED || result == STEWARD_BULK_RESULT_PENDING)
        g_ptr_array_add (rows, row);
    }
  run_plan (self, retry, rows);
}

static void
cancel_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (widget);

  /* While creating, Cancel stops sending and shows what got through. */
  if (self->stage == STEWARD_IMPORT_USERS_CREATING)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_import_users_dialog_dispose (GObject *object)
{
  StewardImportUsersDialog *self = STEWARD_IMPORT_USERS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  steward_file_save_dismiss (&self->chooser);
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_IMPORT_USERS_DIALOG);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->run);
  g_clear_object (&self->plan);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_import_users_dialog_parent_class)->dispose (object);
}

static void
steward_import_users_dialog_class_init (StewardImportUsersDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_import_users_dialog_dispose;

  signals[USERS_CREATED] = g_signal_new ("users-created",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-import-users-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, StewardImportUsersDialog, selection);

  gtk_widget_class_bind_template_callback (widget_class, file_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_activated_cb);
  gtk_widget_class_install_action (widget_class, "import.read", NULL, read_activated_cb);
  gtk_widget_class_install_action (widget_class, "import.create", NULL, create_activated_cb);
  gtk_widget_class_install_action (widget_class, "import.retry", NULL, retry_activated_cb);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
steward_import_users_dialog_init (StewardImportUsersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_object_unref);
  add_column (self, _ ("Line"), COLUMN_LINE, FALSE);
  add_column (self, _ ("Name"), COLUMN_NAME, TRUE);
  add_column (self, _ ("Email"), COLUMN_EMAIL, TRUE);
  add_column (self, _ ("Permissions"), COLUMN_PERMISSIONS, FALSE);
  add_column (self, _ ("Result"), COLUMN_RESULT, TRUE);
  gtk_label_set_text (self->summary_label, _ ("Choose a CSV file: its rows are checked before anything is sent."));
  set_stage (self, STEWARD_IMPORT_USERS_EMPTY);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_import_users_dialog_new (StewardSession *session)
{
  StewardImportUsersDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_IMPORT_USERS_DIALOG, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

void
steward_import_users_dialog_open_file (StewardImportUsersDialog *self,
                                       GFile                    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *typed = NULL;

  g_return_if_fail (STEWARD_IS_IMPORT_USERS_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->stage == STEWARD_IMPORT_USERS_CREATING)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);
  g_clear_object (&self->plan);
  g_clear_object (&self->run);
  g_hash_table_remove_all (self->items);

  /* The row says which file is read, whether typed or chosen. */
  name = g_file_get_parse_name (file);
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));
  if (g_strcmp0 (typed, name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->file_row), name);
  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->file_row), NULL);
  gtk_label_set_text (self->summary_label, _ ("Reading the file…"));
  set_stage (self, STEWARD_IMPORT_USERS_READING);
  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

StewardImportUsersStage
steward_import_users_dialog_get_stage (StewardImportUsersDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_USERS_DIALOG (self), STEWARD_IMPORT_USERS_FAILED);

  return self->stage;
}

StewardUserImport *
steward_import_users_dialog_get_import (StewardImportUsersDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_USERS_DIALOG (self), NULL);

  return self->import;
}

StewardBulkPlan *
steward_import_users_dialog_get_plan (StewardImportUsersDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_USERS_DIALOG (self), NULL);

  return self->plan;
}

char *
steward_import_users_dialog_dup_row_result (StewardImportUsersDialog *self,
                                            guint                     position)
{
  g_autoptr (StewardImportRow) row = NULL;

  g_return_val_if_fail (STEWARD_IS_IMPORT_USERS_DIALOG (self), NULL);
  g_return_val_if_fail (self->import != NULL, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->import), position);
  g_return_val_if_fail (row != NULL, NULL);
  return row_result (self, row);
}
