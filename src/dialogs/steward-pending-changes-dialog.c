/* steward-pending-changes-dialog.c
 *
 * One list of rows, one per item of the plan; each row's subtitle follows
 * the item's "result", so the same list is the review, the progress and
 * the results. The stage decides which buttons are there. A GtkListView,
 * not a box of rows: a selection of "all of the query" may be a plan of
 * 100,000 users, and only the rows on screen are built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-pending-changes-dialog.h"

#include "steward-bulk-progress.h"
#include "steward-bulk-run.h"

#include <glib/gi18n-lib.h>

struct _StewardPendingChangesDialog
{
  AdwWindow parent_instance;

  StewardSession            *session;
  StewardBulkPlan           *plan;
  StewardBulkRun            *run;
  GCancellable              *cancellable;
  StewardPendingChangesStage stage;

  /* Template widgets */
  GtkLabel       *summary_label;
  GtkProgressBar *progress_bar;
  GtkListView    *list_view;
  GtkNoSelection *selection;
  GtkButton      *undo_button;
  GtkButton      *retry_button;
  GtkButton      *cancel_button;
  GtkButton      *apply_button;
};

G_DEFINE_FINAL_TYPE (StewardPendingChangesDialog, steward_pending_changes_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* What each line says                                                 */
/* ------------------------------------------------------------------ */

static char *
join_or_none (const char *const *permissions)
{
  if (permissions == NULL || permissions[0] == NULL)
    return g_strdup (_ ("no permissions"));
  return g_strjoinv (", ", (char **) permissions);
}

/* "Active → Disabled", "+ GOVERNANCE" … */
static char *
describe_change (StewardBulkItem *item)
{
  g_autofree char *permissions = join_or_none (steward_bulk_item_get_permissions (item));

  switch (steward_bulk_item_get_kind (item))
    {
      case STEWARD_BULK_DISABLE:
        return g_strdup (_ ("Active → Disabled"));
      case STEWARD_BULK_ENABLE:
        return g_strdup (_ ("Disabled → Active"));
      case STEWARD_BULK_ADD_PERMISSIONS:
        return g_strdup_printf (_ ("Add %s"), permissions);
      case STEWARD_BULK_REMOVE_PERMISSIONS:
        return g_strdup_printf (_ ("Remove %s"), permissions);
      case STEWARD_BULK_CREATE:
      default:
        return g_strdup_printf (_ ("New user with %s"), permissions);
    }
}

static char *
describe_item (StewardBulkItem *item)
{
  g_autofree char *change = describe_change (item);
  const char      *message = steward_bulk_item_get_message (item);

  switch (steward_bulk_item_get_result (item))
    {
      case STEWARD_BULK_RESULT_DONE:
        /* TRANSLATORS: "Done: Active → Disabled" */
        return g_strdup_printf (_ ("Done: %s"), change);
      case STEWARD_BULK_RESULT_ALREADY:
        return g_strdup (_ ("Already so: nothing to send"));
      case STEWARD_BULK_RESULT_FAILED:
        return g_strdup_printf (_ ("Failed: %s"), message != NULL ? message : "");
      case STEWARD_BULK_RESULT_SKIPPED:
        return g_strdup_printf (_ ("Skipped: %s"), message != NULL ? message : "");
      case STEWARD_BULK_RESULT_PENDING:
      default:
        return g_steal_pointer (&change);
    }
}

/* A row is a box of two labels: who, and what happens to them. */
static void
update_row (GtkWidget       *row,
            StewardBulkItem *item)
{
  g_autofree char *subtitle = describe_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (row)), subtitle);
}

static void
item_result_notify_cb (StewardBulkItem *item,
                       GParamSpec      *pspec,
                       GtkWidget       *row)
{
  update_row (row, item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), subtitle);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  StewardBulkItem *item = gtk_list_item_get_item (list_item);
  GtkWidget       *row = gtk_list_item_get_child (list_item);
  const char      *name = steward_bulk_item_get_name (item);
  const char      *email = steward_bulk_item_get_email (item);
  g_autofree char *title = g_strdup_printf ("%s (%s)", name != NULL ? name : "", email != NULL ? email : "");

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (row)), title);
  update_row (row, item);
  g_signal_connect_object (item, "notify::result", G_CALLBACK (item_result_notify_cb), row, 0);
  g_signal_connect_object (item, "notify::message", G_CALLBACK (item_result_notify_cb), row, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  StewardBulkItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, gtk_list_item_get_child (list_item));
}

/* ------------------------------------------------------------------ */
/* Stages                                                              */
/* ------------------------------------------------------------------ */

static void
set_stage (StewardPendingChangesDialog *self,
           StewardPendingChangesStage   stage)
{
  guint n_failed = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_FAILED);
  guint n_done = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_DONE);

  self->stage = stage;
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), stage == STEWARD_PENDING_CHANGES_REVIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), stage == STEWARD_PENDING_CHANGES_APPLYING);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), stage == STEWARD_PENDING_CHANGES_RESULTS && n_failed > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), stage == STEWARD_PENDING_CHANGES_RESULTS && n_done > 0);
  gtk_button_set_label (self->cancel_button, stage == STEWARD_PENDING_CHANGES_RESULTS || stage == STEWARD_PENDING_CHANGES_FAILED ? _ ("Close") : _ ("Cancel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_button_get_label (self->cancel_button), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pending.apply", stage == STEWARD_PENDING_CHANGES_REVIEW);
}

static void
show_review (StewardPendingChangesDialog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint n_already = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_ALREADY);
  guint n_skipped = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_SKIPPED);
  guint n_send = n_items - n_already - n_skipped;
  /* TRANSLATORS: "12 changes to apply, 1 already so, 1 skipped" */
  g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change to apply, %u already so, %u skipped",
                                                           "%u changes to apply, %u already so, %u skipped", n_send),
                                              n_send, n_already, n_skipped);

  gtk_label_set_text (self->summary_label, summary);
  set_stage (self, STEWARD_PENDING_CHANGES_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pending.apply", n_send > 0);
}

static void
show_results (StewardPendingChangesDialog *self)
{
  guint n_done = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_DONE);
  guint n_already = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_ALREADY);
  guint n_failed = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_FAILED);
  guint n_skipped = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_SKIPPED);
  guint n_pending = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_PENDING);
  /* TRANSLATORS: "10 done, 1 already so, 1 failed, 1 skipped, 0 not sent" */
  g_autofree char *summary = g_strdup_printf (_ ("%u done, %u already so, %u failed, %u skipped, %u not sent"),
                                              n_done, n_already, n_failed, n_skipped, n_pending);

  gtk_label_set_text (self->summary_label, summary);
  set_stage (self, STEWARD_PENDING_CHANGES_RESULTS);
}

static void show_plan (StewardPendingChangesDialog *self,
                       StewardBulkPlan             *plan);

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardPendingChangesDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Cancelled or not, every item says how it ended: show them. */
  steward_bulk_run_apply_finish (STEWARD_BULK_RUN (source), result, &error);
  if (STEWARD_BULK_RUN (source) != self->run || self->plan == NULL)
    return;
  g_clear_object (&self->cancellable);
  show_results (self);
  g_signal_emit (self, signals[APPLIED], 0, self->plan);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardPendingChangesDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_bulk_plan_check_finish (STEWARD_BULK_PLAN (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      gtk_label_set_text (self->summary_label, error->message);
      set_stage (self, STEWARD_PENDING_CHANGES_FAILED);
      return;
    }

  if (STEWARD_BULK_PLAN (source) != self->plan)
    return;
  g_clear_object (&self->cancellable);
  show_review (self);
}

static void
show_plan (StewardPendingChangesDialog *self,
           StewardBulkPlan             *plan)
{
  g_set_object (&self->plan, plan);
  g_clear_object (&self->run);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (plan));

  gtk_label_set_text (self->summary_label, _ ("Checking the server…"));
  set_stage (self, STEWARD_PENDING_CHANGES_CHECKING);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  steward_bulk_plan_check_async (plan, steward_session_get_client (self->session), self->cancellable,
                                 checked_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
apply_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardPendingChangesDialog *self = STEWARD_PENDING_CHANGES_DIALOG (widget);

  if (self->stage != STEWARD_PENDING_CHANGES_REVIEW)
    return;

  self->run = steward_bulk_run_new (steward_session_get_client (self->session), self->plan);
  steward_bulk_progress_follow (self->progress_bar, self->run);
  set_stage (self, STEWARD_PENDING_CHANGES_APPLYING);
  gtk_label_set_text (self->summary_label, _ ("Applying…"));
  self->cancellable = g_cancellable_new ();
  steward_bulk_run_apply_async (self->run, self->cancellable, applied_cb, g_object_ref (self));
}

static void
cancel_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardPendingChangesDialog *self = STEWARD_PENDING_CHANGES_DIALOG (widget);

  /* While applying, Cancel stops sending and shows what got through. */
  if (self->stage == STEWARD_PENDING_CHANGES_APPLYING)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
retry_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardPendingChangesDialog *self = STEWARD_PENDING_CHANGES_DIALOG (widget);
  g_autoptr (StewardBulkPlan) retry = steward_bulk_plan_new_retry (self->plan);

  show_plan (self, retry);
}

static void
undo_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardPendingChangesDialog *self = STEWARD_PENDING_CHANGES_DIALOG (widget);
  g_autoptr (StewardBulkPlan) undo = steward_bulk_plan_new_undo (self->plan);

  show_plan (self, undo);
}

/* ------------------------------------------------------------------ */
/* Overrides and API                                                   */
/* ------------------------------------------------------------------ */

static void
steward_pending_changes_dialog_dispose (GObject *object)
{
  StewardPendingChangesDialog *self = STEWARD_PENDING_CHANGES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_PENDING_CHANGES_DIALOG);
  g_clear_object (&self->run);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_pending_changes_dialog_parent_class)->dispose (object);
}

static void
steward_pending_changes_dialog_class_init (StewardPendingChangesDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_pending_changes_dialog_dispose;

  signals[APPLIED] = g_signal_new ("applied",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, STEWARD_TYPE_BULK_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-pending-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, undo_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardPendingChangesDialog, apply_button);

  gtk_widget_class_install_action (widget_class, "pending.apply", NULL, apply_activated_cb);
  gtk_widget_class_install_action (widget_class, "pending.cancel", NULL, cancel_activated_cb);
  gtk_widget_class_install_action (widget_class, "pending.retry", NULL, retry_activated_cb);
  gtk_widget_class_install_action (widget_class, "pending.undo", NULL, undo_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pending.cancel", NULL);
}

static void
steward_pending_changes_dialog_init (StewardPendingChangesDialog *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
steward_pending_changes_dialog_new (StewardSession  *session,
                                    StewardBulkPlan *plan)
{
  StewardPendingChangesDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (plan), NULL);

  self = g_object_new (STEWARD_TYPE_PENDING_CHANGES_DIALOG, NULL);
  self->session = g_object_ref (session);
  show_plan (self, plan);
  return GTK_WIDGET (self);
}

StewardPendingChangesStage
steward_pending_changes_dialog_get_stage (StewardPendingChangesDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_PENDING_CHANGES_DIALOG (self), STEWARD_PENDING_CHANGES_FAILED);

  return self->stage;
}

StewardBulkPlan *
steward_pending_changes_dialog_get_plan (StewardPendingChangesDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_PENDING_CHANGES_DIALOG (self), NULL);

  return self->plan;
}
