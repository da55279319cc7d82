/* steward-window-changes.c
 *
 * The reversible changes made straight from the user page: removing a
 * permission, disabling and enabling. Each applies at once, keeps the
 * user page and the directory in step with the server's reply, and
 * offers Undo in a toast, which runs the opposite change. Removing your
 * own USER_ADMIN, or the last one on the server, asks first; disabling
 * always asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include <glib/gi18n.h>

typedef enum
{
  CHANGE_GRANT,
  CHANGE_REVOKE,
  CHANGE_DISABLE,
  CHANGE_ENABLE,
} ChangeKind;

typedef struct
{
  StewardWindow *self;
  StewardUser   *user;
  ChangeKind     kind;
  char          *permission; /* grants and revokes */
  gboolean       is_undo;
} Change;

static Change *
change_new (StewardWindow *self,
            StewardUser   *user,
            ChangeKind     kind,
            const char    *permission)
{
  Change *change = g_new0 (Change, 1);

  change->self = g_object_ref (self);
  change->user = g_object_ref (user);
  change->kind = kind;
  change->permission = g_strdup (permission);
  return change;
}

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_object_unref (change->user);
  g_free (change->permission);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static void run_change (Change *change);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static gboolean
is_current_user (StewardWindow *self,
                 StewardUser   *user)
{
  StewardUser *current = self->session != NULL ? steward_session_get_current_user (self->session) : NULL;

  return current != NULL && steward_user_get_id (current) == steward_user_get_id (user);
}

static ChangeKind
opposite (ChangeKind kind)
{
  switch (kind)
    {
      case CHANGE_GRANT:
        return CHANGE_REVOKE;
      case CHANGE_REVOKE:
        return CHANGE_GRANT;
      case CHANGE_DISABLE:
        return CHANGE_ENABLE;
      case CHANGE_ENABLE:
      default:
        return CHANGE_DISABLE;
    }
}

static char *
describe_done (Change *change)
{
  const char *name = steward_user_get_display_name (change->user);

  switch (change->kind)
    {
      case CHANGE_GRANT:
        return change->is_undo ? g_strdup_printf (_ ("Gave %s back to %s"), change->permission, name)
                               : g_strdup_printf (_ ("Granted %s to %s"), change->permission, name);
      case CHANGE_REVOKE:
        return change->is_undo ? g_strdup_printf (_ ("Took %s back from %s"), change->permission, name)
                               : g_strdup_printf (_ ("Removed %s from %s"), change->permission, name);
      case CHANGE_DISABLE:
        return g_strdup_printf (_ ("Disabled %s"), name);
      case CHANGE_ENABLE:
      default:
        return g_strdup_printf (_ ("Enabled %s"), name);
    }
}

static void
undo_clicked_cb (AdwToast *toast,
                 Change   *done)
{
  Change *undo = change_new (done->self, done->user, opposite (done->kind), done->permission);

  undo->is_undo = TRUE;
  run_change (undo);
}

static void
announce (Change *change)
{
  g_autofree char *message = describe_done (change);
  AdwToast        *toast = adw_toast_new (message);

  /* An undo is not offered to be undone again. */
  if (!change->is_undo)
    {
      Change *done = change_new (change->self, change->user, change->kind, change->permission);

      adw_toast_set_button_label (toast, _ ("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), done, (GClosureNotify) (void (*) (void)) change_free, 0);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (change->self->toast_overlay, toast);
}

/* ------------------------------------------------------------------ */
/* Running a change                                                    */
/* ------------------------------------------------------------------ */

static void
change_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (Change) change = user_data;
  StewardClient *client = STEWARD_CLIENT (source);
  StewardWindow *self = change->self;
  g_autoptr (StewardUser) updated = NULL;
  g_autoptr (GError) error = NULL;

  switch (change->kind)
    {
      case CHANGE_GRANT:
        updated = steward_client_add_permission_finish (client, result, &error);
        break;
      case CHANGE_REVOKE:
        updated = steward_client_remove_permission_finish (client, result, &error);
        break;
      case CHANGE_DISABLE:
      case CHANGE_ENABLE:
      default:
        updated = steward_client_set_disabled_finish (client, result, &error);
        break;
    }

  if (updated == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_window_add_toast (self, error->message);
      return;
    }

  /* The user on the page and in the directory are the same object
   * only while it stays loaded: update both. */
  steward_user_update_from (change->user, updated);
  if (self->directory != NULL)
    {
      steward_user_directory_update_user (self->directory, updated);
      /* Disabling or enabling changes who the directory lists. */
      if (change->kind == CHANGE_DISABLE || change->kind == CHANGE_ENABLE)
        steward_user_directory_refresh (self->directory);
    }
  if (is_current_user (self, change->user) && self->session != NULL)
    steward_session_reload_async (self->session, NULL, NULL, NULL);

  steward_window_update_actions (self);
  announce (change);
}

static void
run_change (Change *change)
{
  StewardWindow *self = change->self;
  StewardClient *client;
  const char    *iamid = steward_user_get_iamid (change->user);
  const char    *userid = steward_user_get_userid (change->user);

  if (self->session == NULL)
    {
      change_free (change);
      return;
    }
  client = steward_session_get_client (self->session);

  switch (change->kind)
    {
      case CHANGE_GRANT:
        steward_client_add_permission_async (client, iamid, userid, change->permission, NULL, change_done_cb, change);
        break;
      case CHANGE_REVOKE:
        steward_client_remove_permission_async (client, iamid, userid, change->permission, NULL, change_done_cb, change);
        break;
      case CHANGE_DISABLE:
      case CHANGE_ENABLE:
      default:
        steward_client_set_disabled_async (client, iamid, userid, change->kind == CHANGE_DISABLE, NULL, change_done_cb, change);
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Asking first                                                        */
/* ------------------------------------------------------------------ */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Change           *change)
{
  if (g_strcmp0 (response, "confirm") == 0)
    run_change (g_steal_pointer (&change));
  else
    change_free (change);
}

/* Runs @change once the person confirms; takes it. */
static void
confirm_then_run (Change     *change,
                  const char *heading,
                  const char *body,
                  const char *confirm_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (change->self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), change);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
admins_counted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (Change) change = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      steward_window_add_toast (change->self, error->message);
      return;
    }

  if (steward_page_result_get_total (page) > 1)
    {
      run_change (g_steal_pointer (&change));
      return;
    }

  body = g_strdup_printf (_ ("%s is the last active user with USER_ADMIN. Without it nobody can manage users on this server until an application administrator grants it again."),
                          steward_user_get_display_name (change->user));
  confirm_then_run (g_steal_pointer (&change), _ ("Remove the Last User Administrator?"), body, _ ("_Remove"));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static StewardUser *
page_user (StewardWindow *self)
{
  return steward_user_page_get_user (self->user_page);
}

void
steward_window_remove_permission (StewardWindow *self,
                                  const char    *permission)
{
  StewardUser *user = page_user (self);
  g_autoptr (StewardUserQuery) query = NULL;
  Change *change;

  if (user == NULL || self->session == NULL)
    return;

  change = change_new (self, user, CHANGE_REVOKE, permission);
  if (g_strcmp0 (permission, "USER_ADMIN") != 0)
    {
      run_change (change);
      return;
    }

  if (is_current_user (self, user))
    {
      confirm_then_run (change, _ ("Remove Your Own USER_ADMIN?"),
                        _ ("You will no longer be able to manage users on this server, including giving the permission back to yourself."),
                        _ ("_Remove"));
      return;
    }

  /* Is anyone else left to manage users? */
  query = steward_user_query_new ();
  query->size = 1;
  query->permission = g_strdup ("USER_ADMIN");
  steward_client_list_users_async (steward_session_get_client (self->session), query, NULL, admins_counted_cb, change);
}

void
steward_window_set_user_disabled (StewardWindow *self,
                                  gboolean       disabled,
                                  gboolean       ask)
{
  StewardUser     *user = page_user (self);
  g_autofree char *heading = NULL;
  Change          *change;

  if (user == NULL || self->session == NULL)
    return;

  change = change_new (self, user, disabled ? CHANGE_DISABLE : CHANGE_ENABLE, NULL);
  if (!disabled || !ask)
    {
      run_change (change);
      return;
    }

  heading = g_strdup_printf (_ ("Disable %s?"), steward_user_get_display_name (user));
  confirm_then_run (change, heading,
                    _ ("They can no longer sign in, their API keys stop working and they leave the directory unless disabled accounts are shown. You can enable them again at any time."),
                    _ ("_Disable"));
}
