/* steward-metrics-dialog.c
 *
 * Download fetches the document (stoppable while it runs), draws it, and
 * then asks where to save it. The file holds the server's document as it
 * arrived, not a re-encoding of what Steward understood of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-metrics-dialog.h"

#include "steward-file-save.h"
#include "steward-form.h"
#include "steward-metrics-chart.h"

#include <glib/gi18n-lib.h>

struct _StewardMetricsDialog
{
  AdwWindow parent_instance;

  StewardSession       *session;
  StewardMetrics       *metrics;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkSpinButton       *days_spin;
  GtkBox              *progress_box;
  GtkSpinner          *spinner;
  GtkLabel            *progress_label;
  GtkLabel            *status_label;
  GtkLabel            *error_label;
  AdwPreferencesGroup *chart_group;
  StewardMetricsChart *chart;
  GtkLabel            *totals_label;
};

G_DEFINE_FINAL_TYPE (StewardMetricsDialog, steward_metrics_dialog, ADW_TYPE_WINDOW)

static void
update_state (StewardMetricsDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.download", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.stop", busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_status (StewardMetricsDialog *self,
             const char           *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
show_metrics (StewardMetricsDialog *self)
{
  g_autofree char *totals = NULL;
  g_autofree char *all = NULL;
  g_autofree char *active = NULL;
  g_autofree char *disabled = NULL;
  const char      *note = steward_metrics_get_note (self->metrics);

  steward_metrics_chart_set_metrics (self->chart, self->metrics);
  /* Numbers first, so the sentence stays one translatable string. */
  all = g_strdup_printf ("%" G_GUINT64_FORMAT, steward_metrics_get_total_users (self->metrics));
  active = g_strdup_printf ("%" G_GUINT64_FORMAT, steward_metrics_get_active_users (self->metrics));
  disabled = g_strdup_printf ("%" G_GUINT64_FORMAT, steward_metrics_get_disabled_users (self->metrics));
  totals = g_strdup_printf (_ ("%s to %s. Users: %s in all, %s active, %s disabled."),
                            steward_metrics_get_from (self->metrics), steward_metrics_get_to (self->metrics),
                            all, active, disabled);
  if (note != NULL)
    {
      char *with_note = g_strconcat (totals, " ", note, NULL);

      g_free (totals);
      totals = with_note;
    }
  gtk_label_set_text (self->totals_label, totals);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), TRUE);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */
/* ------------------------------------------------------------------ */

char *
steward_metrics_dialog_dup_file_name (StewardMetricsDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  guint            days = self->metrics != NULL ? steward_metrics_get_days (self->metrics) : (guint) gtk_spin_button_get_value_as_int (self->days_spin);

  g_return_val_if_fail (STEWARD_IS_METRICS_DIALOG (self), NULL);

  return g_strdup_printf ("steward-metrics-%s-%u-days.json", date, days);
}

static void
document_written_cb (GObject      *source,
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
steward_metrics_dialog_save_async (StewardMetricsDialog *self,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;
  char *json;

  g_return_if_fail (STEWARD_IS_METRICS_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_metrics_dialog_save_async);
  if (self->metrics == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _ ("Nothing downloaded yet"));
      return;
    }

  json = steward_metrics_to_json (self->metrics, &length);
  bytes = g_bytes_new_take (json, length);
  steward_file_save_bytes_async (file, bytes, cancellable, document_written_cb, g_steal_pointer (&task));
}

gboolean
steward_metrics_dialog_save_finish (StewardMetricsDialog *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  StewardMetricsDialog *self = STEWARD_METRICS_DIALOG (source);
  g_autoptr (GFile) file = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (!steward_metrics_dialog_save_finish (self, result, &error))
    {
      message = g_strdup_printf (_ ("Could not save the metrics: %s"), error->message);
      steward_form_show_error (self->error_label, NULL, message);
      return;
    }
  message = g_strdup_printf (_ ("Saved to %s"), path);
  show_status (self, message);
}

static void
file_chosen_cb (GFile   *file,
                gpointer user_data)
{
  StewardMetricsDialog *self = user_data;

  steward_metrics_dialog_save_async (self, file, NULL, saved_cb, g_object_ref (file));
}

static void
ask_where_to_save (StewardMetricsDialog *self)
{
  g_autofree char *name = steward_metrics_dialog_dup_file_name (self);

  steward_file_save_dismiss (&self->chooser);
  self->chooser = steward_file_save_choose (GTK_WINDOW (self), _ ("Save Metrics"), name, file_chosen_cb, self);
}

/* ------------------------------------------------------------------ */
/* Downloading                                                         */
/* ------------------------------------------------------------------ */

static void
metrics_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StewardMetricsDialog) self = user_data;
  g_autoptr (StewardMetrics) metrics = NULL;
  g_autoptr (GError) error = NULL;

  metrics = steward_client_get_metrics_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  update_state (self);

  if (metrics == NULL)
    {
      steward_form_show_error (self->error_label, NULL, error->message);
      return;
    }

  g_set_object (&self->metrics, metrics);
  show_metrics (self);
  ask_where_to_save (self);
}

static void
download_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StewardMetricsDialog *self = STEWARD_METRICS_DIALOG (widget);
  guint                 days;
  g_autofree char      *progress = NULL;

  if (self->cancellable != NULL)
    return;

  gtk_spin_button_update (self->days_spin);
  days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);
  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->days_spin), NULL);
  show_status (self, NULL);

  progress = g_strdup_printf (ngettext ("Downloading the metrics of the last day…", "Downloading the metrics of the last %u days…", days), days);
  gtk_label_set_text (self->progress_label, progress);
  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_client_get_metrics_async (steward_session_get_client (self->session), days, self->cancellable, metrics_fetched_cb, g_object_ref (self));
}

static void
stop_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardMetricsDialog *self = STEWARD_METRICS_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_state (self);
  show_status (self, _ ("Download stopped"));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_cancellable_cancel (STEWARD_METRICS_DIALOG (window)->cancellable);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_metrics_dialog_dispose (GObject *object)
{
  StewardMetricsDialog *self = STEWARD_METRICS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  steward_file_save_dismiss (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_METRICS_DIALOG);
  g_clear_object (&self->metrics);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_metrics_dialog_parent_class)->dispose (object);
}

static void
steward_metrics_dialog_class_init (StewardMetricsDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_metrics_dialog_dispose;
  window_class->close_request = close_request_cb;

  g_type_ensure (STEWARD_TYPE_METRICS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-metrics-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, chart_group);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, chart);
  gtk_widget_class_bind_template_child (widget_class, StewardMetricsDialog, totals_label);

  gtk_widget_class_install_action (widget_class, "metrics.download", NULL, download_activated_cb);
  gtk_widget_class_install_action (widget_class, "metrics.stop", NULL, stop_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_metrics_dialog_init (StewardMetricsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_metrics_dialog_new (StewardSession *session)
{
  StewardMetricsDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_METRICS_DIALOG, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

StewardMetrics *
steward_metrics_dialog_get_metrics (StewardMetricsDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS_DIALOG (self), NULL);

  return self->metrics;
}

gboolean
steward_metrics_dialog_get_downloading (StewardMetricsDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
