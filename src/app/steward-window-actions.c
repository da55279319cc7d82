/* steward-window-actions.c
 *
 * The window's user-management actions, which the user page's controls
 * and the header bar name ("win.disable-user", ...), and the one place
 * that decides when each may run: managing needs USER_ADMIN, most need a
 * user on the page, and nobody disables themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include "steward-add-permissions-dialog.h"
#include "steward-application.h"
#include "steward-audit-log-dialog.h"
#include "steward-change-journal-dialog.h"
#include "steward-delete-user-dialog.h"
#include "steward-dormant-dialog.h"
#include "steward-impersonation-dialog.h"
#include "steward-metrics-dialog.h"
#include "steward-migrate-user-dialog.h"
#include "steward-new-user-dialog.h"

#include <glib/gi18n.h>

static void
remove_permission_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  steward_window_remove_permission (STEWARD_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
disable_user_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  steward_window_set_user_disabled (STEWARD_WINDOW (user_data), TRUE, TRUE);
}

static void
enable_user_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  steward_window_set_user_disabled (STEWARD_WINDOW (user_data), FALSE, FALSE);
}

/* Opens @dialog over the window; it runs on its own from there. */
static void
present_dialog (StewardWindow *self,
                GtkWidget     *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
audit_log_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  StewardWindow *self = user_data;

  if (self->session != NULL)
    present_dialog (self, steward_audit_log_dialog_new (self->session));
}

/* Every change made from this computer, the shown server's first. */
static void
change_journal_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  StewardWindow      *self = user_data;
  StewardApplication *application = STEWARD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char         *server = NULL;

  if (self->session != NULL)
    server = steward_profile_get_name (steward_session_get_profile (self->session));

  present_dialog (self, steward_change_journal_dialog_new (steward_application_get_journal (application), server));
}

static void
dormant_user_activated_cb (StewardWindow *self,
                           StewardUser   *user)
{
  steward_window_show_user (self, user);
}

static void
dormant_accounts_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  StewardWindow *self = user_data;
  GtkWidget     *dialog;

  if (self->session == NULL)
    return;

  dialog = steward_dormant_dialog_new (self->session);
  g_signal_connect_object (dialog, "user-activated", G_CALLBACK (dormant_user_activated_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
user_created_cb (StewardWindow *self,
                 StewardUser   *user)
{
  g_autofree char *message = g_strdup_printf (_ ("Created %s"), steward_user_get_display_name (user));

  steward_window_add_toast (self, message);
  steward_window_show_user (self, user);
}

static void
new_user_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  StewardWindow *self = user_data;
  GtkWidget     *dialog;

  if (self->session == NULL)
    return;

  dialog = steward_new_user_dialog_new (self->session);
  g_signal_connect_object (dialog, "user-created", G_CALLBACK (user_created_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static StewardUser *
page_user (StewardWindow *self)
{
  return steward_user_page_get_user (self->user_page);
}

/* The server's reply after a dialog (or a script) changed a user: the
 * page and the directory show it at once. */
void
steward_window_apply_reply (StewardWindow *self,
                            StewardUser   *updated,
                            gboolean       listing_changed)
{
  StewardUser *user = page_user (self);

  if (user != NULL && steward_user_get_id (user) == steward_user_get_id (updated))
    steward_user_update_from (user, updated);
  if (self->directory != NULL)
    {
      steward_user_directory_update_user (self->directory, updated);
      if (listing_changed)
        steward_user_directory_refresh (self->directory);
    }
  steward_window_update_actions (self);
}

typedef GtkWidget *(*UserDialogNew) (StewardSession *session,
                                     StewardUser    *user);

/* Opens a dialog about the user on the page, its @signal going to
 * @handler; NULL when there is no such user. */
static GtkWidget *
open_user_dialog (StewardWindow *self,
                  UserDialogNew  new_dialog,
                  const char    *signal,
                  GCallback      handler)
{
  GtkWidget *dialog;

  if (self->session == NULL || page_user (self) == NULL)
    return NULL;

  dialog = new_dialog (self->session, page_user (self));
  g_signal_connect_object (dialog, signal, handler, self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
  return dialog;
}

static void
permissions_granted_cb (StewardWindow *self,
                        StewardUser   *updated)
{
  g_autofree char *message = g_strdup_printf (_ ("Granted permissions to %s"), steward_user_get_display_name (updated));

  steward_window_apply_reply (self, updated, FALSE);
  steward_window_add_toast (self, message);
}

static void
add_permissions_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  open_user_dialog (user_data, steward_add_permissions_dialog_new, "permissions-granted", G_CALLBACK (permissions_granted_cb));
}

static void
user_deleted_cb (StewardWindow *self,
                 StewardUser   *user)
{
  g_autofree char *message = g_strdup_printf (_ ("Permanently deleted %s"), steward_user_get_display_name (user));

  if (page_user (self) == user)
    steward_user_page_set_user (self->user_page, NULL);
  if (self->directory != NULL)
    steward_user_directory_refresh (self->directory);
  steward_window_update_actions (self);
  steward_window_add_toast (self, message);
}

static void
disable_requested_cb (StewardWindow *self)
{
  steward_window_set_user_disabled (self, TRUE, FALSE);
}

static void
delete_user_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  StewardWindow *self = user_data;
  GtkWidget     *dialog = open_user_dialog (self, steward_delete_user_dialog_new, "user-deleted", G_CALLBACK (user_deleted_cb));

  if (dialog != NULL)
    g_signal_connect_object (dialog, "disable-requested", G_CALLBACK (disable_requested_cb), self, G_CONNECT_SWAPPED);
}

static void
user_migrated_cb (StewardWindow *self,
                  StewardUser   *migrated)
{
  g_autofree char *message = g_strdup_printf (_ ("Migrated %s to %s"), steward_user_get_display_name (migrated), steward_user_get_iamid (migrated));

  /* Same numeric id: the page's user becomes the migrated one. */
  steward_window_apply_reply (self, migrated, TRUE);
  steward_window_add_toast (self, message);
}

static void
migrate_user_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  open_user_dialog (user_data, steward_migrate_user_dialog_new, "user-migrated", G_CALLBACK (user_migrated_cb));
}

static void
download_metrics_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  StewardWindow *self = user_data;

  if (self->session != NULL)
    present_dialog (self, steward_metrics_dialog_new (self->session));
}

static void
prepare_impersonation_activated_cb (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  StewardWindow *self = user_data;

  if (self->session != NULL)
    present_dialog (self, steward_impersonation_dialog_new (self->session, page_user (self)));
}

static const GActionEntry user_actions[] = {
  { .name = "prepare-impersonation", .activate = prepare_impersonation_activated_cb },
  { .name = "download-metrics", .activate = download_metrics_activated_cb },
  { .name = "migrate-user", .activate = migrate_user_activated_cb },
  { .name = "delete-user", .activate = delete_user_activated_cb },
  { .name = "add-permissions", .activate = add_permissions_activated_cb },
  { .name = "new-user", .activate = new_user_activated_cb },
  { .name = "audit-log", .activate = audit_log_activated_cb },
  { .name = "dormant-accounts", .activate = dormant_accounts_activated_cb },
  { .name = "change-journal", .activate = change_journal_activated_cb },
  { .name = "remove-permission", .parameter_type = "s", .activate = remove_permission_activated_cb },
  { .name = "disable-user", .activate = disable_user_activated_cb },
  { .name = "enable-user", .activate = enable_user_activated_cb },
};

static void
set_enabled (StewardWindow *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Sent in batches, so the server learns nothing from the timing of a
 * single click. */
#define USAGE_BATCH 20

static void
usage_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* Counts that did not get through stay pending for the next batch. */
  if (!steward_usage_counter_send_finish (STEWARD_USAGE_COUNTER (source), result, &error))
    g_debug ("Usage counts not sent: %s", error->message);
}

static void
record_use_cb (GSimpleAction *action,
               GVariant      *parameter,
               StewardWindow *self)
{
  GtkApplication      *application = gtk_window_get_application (GTK_WINDOW (self));
  StewardUsageCounter *counter;

  if (application == NULL)
    return;

  counter = steward_application_get_usage_counter (STEWARD_APPLICATION (application));
  steward_usage_counter_record (counter, g_action_get_name (G_ACTION (action)));
  if (self->session != NULL && steward_usage_counter_get_pending (counter, NULL) >= USAGE_BATCH)
    steward_usage_counter_send_async (counter, steward_session_get_client (self->session), NULL, usage_sent_cb, NULL);
}

void
steward_window_add_user_actions (StewardWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), user_actions, G_N_ELEMENTS (user_actions), self);

  /* Which controls are used, never on whom (opt-in, off by default). */
  for (guint i = 0; i < G_N_ELEMENTS (user_actions); i++)
    g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (self), user_actions[i].name),
                             "activate", G_CALLBACK (record_use_cb), self, G_CONNECT_AFTER);

  steward_window_update_actions (self);
}

void
steward_window_update_actions (StewardWindow *self)
{
  /* NULL while the window is disposed: the directory view lets its
   * selection go then, and nothing is left to update. */
  StewardUser *user = self->user_page != NULL ? steward_user_page_get_user (self->user_page) : NULL;
  StewardUser *current = self->session != NULL ? steward_session_get_current_user (self->session) : NULL;
  gboolean     manage = self->session != NULL && steward_session_get_can_manage_users (self->session);
  gboolean     on_user = manage && user != NULL && steward_user_get_id (user) != 0;
  gboolean     is_self = on_user && current != NULL && steward_user_get_id (current) == steward_user_get_id (user);
  gboolean     disabled = on_user && steward_user_get_disabled (user);

  if (self->user_page == NULL || self->directory_view == NULL)
    return;

  set_enabled (self, "audit-log", self->session != NULL && steward_session_get_can_read_audit (self->session));
  set_enabled (self, "new-user", manage);
  set_enabled (self, "dormant-accounts", manage);
  set_enabled (self, "download-metrics", manage);
  set_enabled (self, "export-users", manage);
  set_enabled (self, "export-access-review", manage);
  set_enabled (self, "import-users", manage);
  {
    guint    n_selected = steward_user_selection_get_n_selected (steward_directory_view_get_selection (self->directory_view));
    gboolean bulk = manage && n_selected > 0;

    set_enabled (self, "bulk-add-permissions", bulk);
    set_enabled (self, "bulk-remove-permission", bulk);
    set_enabled (self, "bulk-disable", bulk);
    set_enabled (self, "bulk-enable", bulk);
  }
  set_enabled (self, "remove-permission", on_user);
  set_enabled (self, "add-permissions", on_user);
  set_enabled (self, "delete-user", on_user && !is_self);
  set_enabled (self, "migrate-user", on_user);
  set_enabled (self, "prepare-impersonation", self->session != NULL && user != NULL);
  set_enabled (self, "disable-user", on_user && !disabled && !is_self);
  set_enabled (self, "enable-user", on_user && disabled);
}
