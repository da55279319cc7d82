/* steward-dormant-dialog.c
 *
 * The accounts are located first (a few dozen one-user probes, see
 * steward-dormant-scan.h), which gives the counts at once; then they are
 * read a page at a time into the list as the person asks for more. A
 * change of criteria cancels whatever is in flight and starts over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dormant-dialog.h"

#include "steward-dormant-scan.h"
#include "steward-format.h"
#include "steward-pending-changes-dialog.h"

#include <glib/gi18n-lib.h>

/* Typing "180" into the spin button is three changes: wait for the last. */
#define CRITERIA_DELAY_MS 300

struct _StewardDormantDialog
{
  AdwWindow parent_instance;

  StewardSession       *session;
  GCancellable         *cancellable;
  StewardDormantCursor *cursor;
  GDateTime            *now;
  guint                 restart_source;
  guint                 n_shown;
  guint                 n_dormant;
  guint                 n_never;

  /* Template widgets */
  GtkSpinner     *spinner;
  GtkSpinButton  *days_spin;
  GtkCheckButton *never_check;
  GtkStack       *stack;
  GtkLabel       *count_label;
  GtkListBox     *list_box;
  GtkButton      *more_button;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (StewardDormantDialog, steward_dormant_dialog, ADW_TYPE_WINDOW)

enum
{
  USER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static gboolean
is_loading (StewardDormantDialog *self)
{
  return self->cancellable != NULL;
}

static char *
describe_counts (StewardDormantDialog *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);

  if (gtk_check_button_get_active (self->never_check))
    return g_strdup_printf (ngettext ("%'u active account never signed in",
                                      "%'u active accounts never signed in", self->n_dormant),
                            self->n_dormant);

  /* TRANSLATORS: the first sentence counts the accounts, the second how
   * many of them never signed in. */
  return g_strdup_printf (ngettext ("%'u active account has not signed in for %'u days. %'u never signed in.",
                                    "%'u active accounts have not signed in for %'u days. %'u never signed in.",
                                    self->n_dormant),
                          self->n_dormant, days, self->n_never);
}

static void
update_state (StewardDormantDialog *self)
{
  gboolean more = self->cursor != NULL && !steward_dormant_cursor_is_done (self->cursor);

  gtk_spinner_set_spinning (self->spinner, is_loading (self));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dormant.more", more && !is_loading (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dormant.disable-shown", self->n_shown > 0 && !is_loading (self));

  if (self->cursor != NULL)
    {
      g_autofree char *counts = describe_counts (self);

      gtk_label_set_text (self->count_label, counts);
    }
}

static void
show_error (StewardDormantDialog *self,
            const GError         *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static char *
join_permissions (StewardUser *user)
{
  const char *const *permissions = steward_user_get_permissions (user);

  if (permissions == NULL || permissions[0] == NULL)
    return g_strdup (_ ("No permissions"));
  return g_strjoinv (", ", (char **) permissions);
}

static GtkWidget *
create_row (StewardDormantDialog *self,
            StewardUser          *user)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *permissions_label;
  GDateTime       *last_login = steward_user_get_last_login (user);
  g_autofree char *when = NULL;
  g_autofree char *full = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *permissions = join_permissions (user);

  if (last_login == NULL)
    subtitle = g_strdup_printf (_ ("%s · never signed in"), steward_user_get_email (user));
  else
    {
      when = steward_format_date_time_from (last_login, self->now);
      full = steward_format_date_time_full_from (last_login, self->now);
      /* TRANSLATORS: "ann@example.com · last sign-in Sep 2, 2026" */
      subtitle = g_strdup_printf (_ ("%s · last sign-in %s"), steward_user_get_email (user), when);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_user_get_display_name (user));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, full);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  permissions_label = gtk_label_new (permissions);
  gtk_label_set_ellipsize (GTK_LABEL (permissions_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (permissions_label), 32);
  gtk_label_set_xalign (GTK_LABEL (permissions_label), 1);
  gtk_widget_set_tooltip_text (permissions_label, permissions);
  gtk_widget_add_css_class (permissions_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), permissions_label);

  g_object_set_data_full (G_OBJECT (row), "steward-user", g_object_ref (user), g_object_unref);
  return row;
}

static void load_page (StewardDormantDialog *self);

static void
cancel (StewardDormantDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StewardDormantDialog) self = user_data;
  g_autoptr (GListModel) users = NULL;
  g_autoptr (GError) error = NULL;

  users = steward_dormant_cursor_next_finish (STEWARD_DORMANT_CURSOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || STEWARD_DORMANT_CURSOR (source) != self->cursor)
    return;
  g_clear_object (&self->cancellable);

  if (users == NULL)
    {
      show_error (self, error);
      update_state (self);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      gtk_list_box_append (self->list_box, create_row (self, user));
      self->n_shown++;
    }

  /* A page may hold nobody who is still dormant: read on until a page
   * shows someone or the ranges end. */
  if (g_list_model_get_n_items (users) == 0 && !steward_dormant_cursor_is_done (self->cursor))
    {
      load_page (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "accounts" : "empty");
  update_state (self);
}

static void
load_page (StewardDormantDialog *self)
{
  if (self->session == NULL || self->cursor == NULL || is_loading (self))
    return;

  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_dormant_cursor_next_async (self->cursor, steward_session_get_client (self->session),
                                     STEWARD_DORMANT_DIALOG_PAGE_SIZE, self->cancellable,
                                     page_loaded_cb, g_object_ref (self));
}

static void
located_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardDormantDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  StewardDormantLocator *locator;

  locator = steward_dormant_locate_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (locator == NULL)
    {
      show_error (self, error);
      update_state (self);
      return;
    }

  self->cursor = steward_dormant_cursor_new (locator);
  self->n_dormant = steward_dormant_locator_count (locator);
  self->n_never = steward_dormant_locator_get_n_never (locator);
  load_page (self);
}

static void
restart (StewardDormantDialog *self)
{
  GtkWidget *child;
  gint64     cutoff;

  g_clear_handle_id (&self->restart_source, g_source_remove);
  cancel (self);
  g_clear_object (&self->cursor);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_shown = 0;
  self->n_dormant = 0;
  self->n_never = 0;
  gtk_label_set_text (self->count_label, "");

  if (self->session == NULL)
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_local ();
  cutoff = steward_dormant_cutoff (self->now, (guint) gtk_spin_button_get_value_as_int (self->days_spin));
  self->cancellable = g_cancellable_new ();
  update_state (self);
  steward_dormant_locate_async (steward_session_get_client (self->session), cutoff,
                                gtk_check_button_get_active (self->never_check), self->cancellable,
                                located_cb, g_object_ref (self));
}

static gboolean
restart_timeout_cb (gpointer user_data)
{
  StewardDormantDialog *self = user_data;

  self->restart_source = 0;
  restart (self);
  return G_SOURCE_REMOVE;
}

static void
criteria_changed_cb (StewardDormantDialog *self)
{
  g_clear_handle_id (&self->restart_source, g_source_remove);
  self->restart_source = g_timeout_add (CRITERIA_DELAY_MS, restart_timeout_cb, self);
}

static void
row_activated_cb (StewardDormantDialog *self,
                  GtkListBoxRow        *row)
{
  StewardUser *user = g_object_get_data (G_OBJECT (row), "steward-user");

  if (user != NULL)
    g_signal_emit (self, signals[USER_ACTIVATED], 0, user);
}

static void
more_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  load_page (STEWARD_DORMANT_DIALOG (widget));
}

static void
reload_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  restart (STEWARD_DORMANT_DIALOG (widget));
}

/* The review of disabling every account listed (the pages shown, not
 * the ones not read yet: a person sees each account they disable). */
static StewardBulkPlan *
plan_disable_shown (StewardDormantDialog *self)
{
  StewardBulkPlan *plan = steward_bulk_plan_new (STEWARD_BULK_DISABLE, NULL, steward_session_get_current_user (self->session));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      StewardUser *user = g_object_get_data (G_OBJECT (row), "steward-user");

      if (user != NULL)
        steward_bulk_plan_add_user (plan, user);
    }
  return plan;
}

static void
review_closed_cb (StewardDormantDialog *self)
{
  /* Whoever was disabled is no longer dormant. */
  restart (self);
}

static void
disable_shown_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StewardDormantDialog *self = STEWARD_DORMANT_DIALOG (widget);
  g_autoptr (StewardBulkPlan) plan = NULL;
  GtkWidget *review;

  if (self->session == NULL || self->n_shown == 0)
    return;

  plan = plan_disable_shown (self);
  review = steward_pending_changes_dialog_new (self->session, plan);
  gtk_window_set_transient_for (GTK_WINDOW (review), GTK_WINDOW (self));
  g_signal_connect_object (review, "destroy", G_CALLBACK (review_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (review));
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_dormant_dialog_dispose (GObject *object)
{
  StewardDormantDialog *self = STEWARD_DORMANT_DIALOG (object);

  g_clear_handle_id (&self->restart_source, g_source_remove);
  cancel (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DORMANT_DIALOG);
  g_clear_object (&self->cursor);
  g_clear_object (&self->session);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (steward_dormant_dialog_parent_class)->dispose (object);
}

static void
steward_dormant_dialog_class_init (StewardDormantDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_dormant_dialog_dispose;

  /**
   * StewardDormantDialog::user-activated:
   * @user: the account the person chose
   */
  signals[USER_ACTIVATED] = g_signal_new ("user-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, STEWARD_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-dormant-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, never_check);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, more_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDormantDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, criteria_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dormant.more", NULL, more_activated_cb);
  gtk_widget_class_install_action (widget_class, "dormant.reload", NULL, reload_activated_cb);
  gtk_widget_class_install_action (widget_class, "dormant.disable-shown", NULL, disable_shown_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dormant.reload", NULL);
}

static void
steward_dormant_dialog_init (StewardDormantDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->days_spin, STEWARD_DORMANT_DEFAULT_DAYS);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_dormant_dialog_new (StewardSession *session)
{
  StewardDormantDialog *self;

  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_DORMANT_DIALOG, NULL);
  self->session = g_object_ref (session);
  restart (self);
  return GTK_WIDGET (self);
}

void
steward_dormant_dialog_set_days (StewardDormantDialog *self,
                                 guint                 days)
{
  g_return_if_fail (STEWARD_IS_DORMANT_DIALOG (self));

  gtk_spin_button_set_value (self->days_spin, days);
}

void
steward_dormant_dialog_set_never_only (StewardDormantDialog *self,
                                       gboolean              never_only)
{
  g_return_if_fail (STEWARD_IS_DORMANT_DIALOG (self));

  gtk_check_button_set_active (self->never_check, never_only);
}

guint
steward_dormant_dialog_get_n_shown (StewardDormantDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DORMANT_DIALOG (self), 0);

  return self->n_shown;
}

guint
steward_dormant_dialog_get_n_dormant (StewardDormantDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DORMANT_DIALOG (self), 0);

  return self->n_dormant;
}

guint
steward_dormant_dialog_get_n_never (StewardDormantDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DORMANT_DIALOG (self), 0);

  return self->n_never;
}

gboolean
steward_dormant_dialog_get_loading (StewardDormantDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DORMANT_DIALOG (self), FALSE);

  return is_loading (self) || self->restart_source != 0;
}
