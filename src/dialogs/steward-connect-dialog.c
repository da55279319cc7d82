/* steward-connect-dialog.c
 *
 * Connecting runs in three steps, each of which may fail with its own
 * message at the field it concerns: check the name and URL locally, open
 * a session (authenticate, read the current user), then save the profile
 * and store the key. A key that cannot manage users is said so first and
 * connects read-only only when the person presses Connect again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-connect-dialog.h"

#include "steward-api-error.h"
#include "steward-certificate.h"
#include "steward-color-tag.h"
#include "steward-form.h"

#include <glib/gi18n-lib.h>

struct _StewardConnectDialog
{
  AdwWindow parent_instance;

  StewardProfiles *profiles;
  GCancellable    *cancellable;
  /* The certificate last refused, offered for trust. */
  GTlsCertificate *offered_certificate;
  /* A session whose key lacks USER_ADMIN, kept while the person decides. */
  StewardSession *read_only_session;
  /* The profile waiting for its key to reach the keyring. */
  StewardProfile *saving_profile;
  StewardSession *saving_session;

  /* Template widgets */
  GtkButton           *connect_button;
  GtkSpinner          *spinner;
  AdwEntryRow         *name_row;
  AdwEntryRow         *url_row;
  AdwPasswordEntryRow *key_row;
  AdwEntryRow         *tag_row;
  AdwComboRow         *color_row;
  AdwPreferencesGroup *certificate_group;
  GtkLabel            *fingerprint_label;
  GtkSwitch           *trust_switch;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (StewardConnectDialog, steward_connect_dialog, ADW_TYPE_WINDOW)

enum
{
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_busy (StewardConnectDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_sensitivity (StewardConnectDialog *self)
{
  gboolean complete = *row_text (self->name_row) != '\0' && *row_text (self->url_row) != '\0' && *row_text (self->key_row) != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", complete && !is_busy (self));
  steward_form_set_busy (self->spinner, is_busy (self));
}

static void
clear_errors (StewardConnectDialog *self)
{
  steward_form_clear_errors (self->error_label, GTK_WIDGET (self->name_row), GTK_WIDGET (self->url_row), GTK_WIDGET (self->key_row), NULL);
}

/* Marks @row (if any) and says @message under the form. */
static void
show_error (StewardConnectDialog *self,
            gpointer              row,
            const char           *message)
{
  steward_form_show_error (self->error_label, row, message);
}

static void
finish_busy (StewardConnectDialog *self)
{
  g_clear_object (&self->cancellable);
  update_sensitivity (self);
}

static void
set_read_only_session (StewardConnectDialog *self,
                       StewardSession       *session)
{
  g_set_object (&self->read_only_session, session);
  gtk_button_set_label (self->connect_button, session != NULL ? _ ("C_onnect Anyway") : _ ("C_onnect"));
}

static void
offer_certificate (StewardConnectDialog *self,
                   const GError         *error)
{
  GTlsCertificate *certificate = steward_api_error_get_peer_certificate (error);
  const char      *fingerprint = steward_api_error_get_peer_fingerprint (error);
  g_autofree char *text = NULL;

  if (certificate == NULL || fingerprint == NULL)
    return;

  /* A different certificate than the one shown must be trusted anew. */
  if (self->offered_certificate == NULL || !steward_certificate_equal (self->offered_certificate, certificate))
    gtk_switch_set_active (self->trust_switch, FALSE);
  g_set_object (&self->offered_certificate, certificate);

  text = g_strdup_printf (_ ("SHA-256: %s"), fingerprint);
  gtk_label_set_text (self->fingerprint_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), TRUE);
}

static void
report_connect_error (StewardConnectDialog *self,
                      const GError         *error)
{
  gpointer row = NULL;

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS))
    {
      row = self->url_row;
      offer_certificate (self, error);
    }
  else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED))
    row = self->key_row;
  else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK) || g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TIMEOUT) || g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND) || g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY))
    row = self->url_row;

  show_error (self, row, error->message);
}

static char *
chosen_color_tag (StewardConnectDialog *self)
{
  const char *const *colors = steward_color_tag_get_colors ();
  guint              selected = adw_combo_row_get_selected (self->color_row);

  return steward_color_tag_build (selected < g_strv_length ((GStrv) colors) ? colors[selected] : NULL,
                                  row_text (self->tag_row));
}

/* The profile the form describes; not stored. */
static StewardProfile *
build_profile (StewardConnectDialog *self)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  g_autofree char *url = g_strstrip (g_strdup (row_text (self->url_row)));
  g_autofree char *color_tag = chosen_color_tag (self);
  StewardProfile  *profile = steward_profile_new (id, name, url);

  steward_profile_set_color_tag (profile, color_tag);
  if (self->offered_certificate != NULL && gtk_switch_get_active (self->trust_switch))
    steward_profile_set_pinned_certificate (profile, self->offered_certificate);
  return profile;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
profile_removed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!steward_profiles_remove_finish (STEWARD_PROFILES (source), result, &error))
    g_warning ("Could not remove a server profile whose key was not stored: %s", error->message);
}

static void
api_key_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (StewardConnectDialog) self = user_data;
  g_autoptr (StewardProfile) profile = g_steal_pointer (&self->saving_profile);
  g_autoptr (StewardSession) session = g_steal_pointer (&self->saving_session);
  g_autoptr (GError) error = NULL;

  if (!steward_profiles_store_api_key_finish (STEWARD_PROFILES (source), result, &error))
    {
      /* A profile without its key would fail on every start: take it back. */
      steward_profiles_remove_async (self->profiles, profile, NULL, profile_removed_cb, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      finish_busy (self);
      show_error (self, NULL, error->message);
      return;
    }

  finish_busy (self);
  g_signal_emit (self, signals[CONNECTED], 0, profile, session);
  gtk_window_close (GTK_WINDOW (self));
}

/* The session works: save the profile, then the key. */
static void
save_connection (StewardConnectDialog *self,
                 StewardSession       *session)
{
  StewardProfile  *profile = steward_session_get_profile (session);
  g_autofree char *color_tag = chosen_color_tag (self);
  g_autoptr (GError) error = NULL;

  set_read_only_session (self, NULL);
  /* The tag may have been edited after the session opened. */
  steward_profile_set_color_tag (profile, color_tag);
  if (!steward_profiles_insert (self->profiles, profile, &error))
    {
      /* Another window may have taken the name meanwhile. */
      finish_busy (self);
      show_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) ? (gpointer) self->name_row : (gpointer) self->url_row, error->message);
      return;
    }

  g_set_object (&self->saving_profile, profile);
  g_set_object (&self->saving_session, session);
  steward_profiles_store_api_key_async (self->profiles, profile, row_text (self->key_row), self->cancellable, api_key_stored_cb, g_object_ref (self));
}

static void
session_connected_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (StewardConnectDialog) self = user_data;
  g_autoptr (StewardSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = steward_session_connect_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (session == NULL)
    {
      finish_busy (self);
      report_connect_error (self, error);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), FALSE);
  if (!steward_session_get_can_manage_users (session))
    {
      finish_busy (self);
      set_read_only_session (self, session);
      show_error (self, self->key_row,
                  _ ("This key’s account lacks the USER_ADMIN permission, so Steward can show but not manage users. Connect anyway, or use an administrator’s key."));
      return;
    }

  save_connection (self, session);
}

static void
connect_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardConnectDialog *self = STEWARD_CONNECT_DIALOG (widget);
  g_autoptr (StewardProfile) profile = NULL;
  g_autoptr (GError) error = NULL;

  if (is_busy (self))
    return;

  clear_errors (self);
  self->cancellable = g_cancellable_new ();
  update_sensitivity (self);

  /* Pressing Connect again after the USER_ADMIN warning means "anyway". */
  if (self->read_only_session != NULL)
    {
      g_autoptr (StewardSession) session = g_object_ref (self->read_only_session);

      save_connection (self, session);
      return;
    }

  if (!steward_profiles_check (self->profiles, NULL, row_text (self->name_row), row_text (self->url_row), &error))
    {
      finish_busy (self);
      show_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) || *row_text (self->name_row) == '\0' ? (gpointer) self->name_row : (gpointer) self->url_row,
                  error->message);
      return;
    }

  profile = build_profile (self);
  steward_session_connect_async (profile, row_text (self->key_row), self->cancellable, session_connected_cb, g_object_ref (self));
}

static void
input_changed_cb (StewardConnectDialog *self)
{
  /* A different key or name is a new attempt. */
  set_read_only_session (self, NULL);
  update_sensitivity (self);
}

static void
url_changed_cb (StewardConnectDialog *self)
{
  /* Trust was given to one server's certificate, not to whatever the new
   * URL presents. */
  g_clear_object (&self->offered_certificate);
  gtk_switch_set_active (self->trust_switch, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), FALSE);
  input_changed_cb (self);
}

static void
entry_activated_cb (StewardConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  StewardConnectDialog *self = STEWARD_CONNECT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_connect_dialog_dispose (GObject *object)
{
  StewardConnectDialog *self = STEWARD_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->offered_certificate);
  g_clear_object (&self->read_only_session);
  g_clear_object (&self->saving_profile);
  g_clear_object (&self->saving_session);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (steward_connect_dialog_parent_class)->dispose (object);
}

static void
steward_connect_dialog_class_init (StewardConnectDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_connect_dialog_dispose;
  window_class->close_request = close_request_cb;

  signals[CONNECTED] = g_signal_new ("connected",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2,
                                     STEWARD_TYPE_PROFILE,
                                     STEWARD_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, color_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, certificate_group);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, trust_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_connect_dialog_init (StewardConnectDialog *self)
{
  g_autoptr (GtkStringList) color_names = gtk_string_list_new (NULL);
  const char *const *colors = steward_color_tag_get_colors ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; colors[i] != NULL; i++)
    gtk_string_list_append (color_names, steward_color_tag_get_color_label (colors[i]));
  adw_combo_row_set_model (self->color_row, G_LIST_MODEL (color_names));
  /* Red by default: the servers people tag are usually the ones to be
   * careful with. */
  adw_combo_row_set_selected (self->color_row, 0);

  update_sensitivity (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_connect_dialog_new (StewardProfiles *profiles)
{
  StewardConnectDialog *self;

  g_return_val_if_fail (STEWARD_IS_PROFILES (profiles), NULL);

  self = g_object_new (STEWARD_TYPE_CONNECT_DIALOG, NULL);
  self->profiles = g_object_ref (profiles);
  return GTK_WIDGET (self);
}

void
steward_connect_dialog_set_values (StewardConnectDialog *self,
                                   const char           *name,
                                   const char           *url,
                                   const char           *api_key)
{
  g_return_if_fail (STEWARD_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), api_key != NULL ? api_key : "");
}
