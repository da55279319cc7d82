/* steward-servers-dialog.c
 *
 * One expander row per profile, built from the profile list model so a
 * profile added or removed elsewhere shows up at once. Edits apply when
 * the person presses the entry row's apply button (or Enter); a name that
 * clashes with another server's is refused with a toast and left in the
 * entry for correction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-servers-dialog.h"

#include "steward-color-tag.h"

#include <glib/gi18n-lib.h>

struct _StewardServersDialog
{
  AdwPreferencesWindow parent_instance;

  StewardProfiles *profiles;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (StewardServersDialog, steward_servers_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The profile a row's control edits. */
#define PROFILE_KEY "steward-profile"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static StewardProfile *
profile_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), PROFILE_KEY);
}

static void
attach_profile (gpointer        widget,
                StewardProfile *profile)
{
  g_object_set_data_full (G_OBJECT (widget), PROFILE_KEY, g_object_ref (profile), g_object_unref);
}

static void
toast (StewardServersDialog *self,
       const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
update_stack (StewardServersDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static guint
color_index (const char *color_tag)
{
  const char *const *colors = steward_color_tag_get_colors ();
  g_autofree char   *color = NULL;

  steward_color_tag_parse (color_tag, &color, NULL);
  for (guint i = 0; colors[i] != NULL; i++)
    if (g_str_equal (colors[i], color))
      return i;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
name_applied_cb (AdwEntryRow          *row,
                 StewardServersDialog *self)
{
  StewardProfile  *profile = profile_of (row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;

  if (!steward_profiles_check (self->profiles, profile, name, steward_profile_get_url (profile), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  steward_profile_set_name (profile, name);
}

static void
apply_tag (StewardProfile *profile,
           const char     *color,
           const char     *text)
{
  g_autofree char *color_tag = steward_color_tag_build (color, text);

  steward_profile_set_color_tag (profile, color_tag);
}

static void
tag_text_applied_cb (AdwEntryRow *row,
                     gpointer     user_data)
{
  StewardProfile  *profile = profile_of (row);
  g_autofree char *color = NULL;

  steward_color_tag_parse (steward_profile_get_color_tag (profile), &color, NULL);
  apply_tag (profile, color, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
color_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  StewardProfile    *profile = profile_of (row);
  const char *const *colors = steward_color_tag_get_colors ();
  guint              selected = adw_combo_row_get_selected (row);
  g_autofree char   *text = NULL;

  if (selected >= g_strv_length ((GStrv) colors))
    return;
  steward_color_tag_parse (steward_profile_get_color_tag (profile), NULL, &text);
  apply_tag (profile, colors[selected], text);
}

static void
profile_removed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StewardServersDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!steward_profiles_remove_finish (STEWARD_PROFILES (source), result, &error))
    toast (self, error->message);
}

static void
remove_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    StewardServersDialog *self)
{
  StewardProfile *profile = profile_of (dialog);

  if (g_strcmp0 (response, "remove") == 0)
    steward_profiles_remove_async (self->profiles, profile, NULL, profile_removed_cb, g_object_ref (self));
}

static void
remove_clicked_cb (GtkButton            *button,
                   StewardServersDialog *self)
{
  StewardProfile   *profile = profile_of (button);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _ ("Remove Server?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _ ("Steward forgets “%s” and deletes its API key from your keyring. The server and its users are not changed."),
                                  steward_profile_get_name (profile));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "remove", _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  attach_profile (dialog, profile);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
profile_tag_changed_cb (StewardProfile *profile,
                        GParamSpec     *pspec,
                        GtkLabel       *tag_label)
{
  steward_color_tag_apply (tag_label, steward_profile_get_color_tag (profile));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  StewardServersDialog *self = user_data;
  StewardProfile       *profile = item;
  g_autoptr (GtkStringList) color_names = gtk_string_list_new (NULL);
  const char *const *colors = steward_color_tag_get_colors ();
  g_autofree char   *tag_text = NULL;
  g_autofree char   *remove_label = NULL;
  GtkWidget         *expander = adw_expander_row_new ();
  GtkWidget         *tag_label = gtk_label_new (NULL);
  GtkWidget         *name_row = adw_entry_row_new ();
  GtkWidget         *tag_row = adw_entry_row_new ();
  GtkWidget         *color_row = adw_combo_row_new ();
  GtkWidget         *remove_row = adw_action_row_new ();
  GtkWidget         *remove_button = gtk_button_new_with_mnemonic (_ ("_Remove…"));

  /* Names and addresses are typed by people: text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  g_object_bind_property (profile, "name", expander, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (profile, "url", expander, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_widget_set_valign (tag_label, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), tag_label);
  profile_tag_changed_cb (profile, NULL, GTK_LABEL (tag_label));
  g_signal_connect_object (profile, "notify::color-tag", G_CALLBACK (profile_tag_changed_cb), tag_label, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _ ("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), steward_profile_get_name (profile));
  attach_profile (name_row, profile);
  g_signal_connect_object (name_row, "apply", G_CALLBACK (name_applied_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);

  steward_color_tag_parse (steward_profile_get_color_tag (profile), NULL, &tag_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tag_row), _ ("Tag Text"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (tag_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (tag_row), tag_text != NULL ? tag_text : "");
  attach_profile (tag_row, profile);
  g_signal_connect (tag_row, "apply", G_CALLBACK (tag_text_applied_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), tag_row);

  for (guint i = 0; colors[i] != NULL; i++)
    gtk_string_list_append (color_names, steward_color_tag_get_color_label (colors[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _ ("Tag Colour"));
  adw_combo_row_set_model (ADW_COMBO_ROW (color_row), G_LIST_MODEL (color_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (color_row), color_index (steward_profile_get_color_tag (profile)));
  attach_profile (color_row, profile);
  g_signal_connect (color_row, "notify::selected", G_CALLBACK (color_selected_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), color_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _ ("Remove Server"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row), _ ("Also deletes its API key from the keyring"));
  remove_label = g_strdup_printf (_ ("Remove %s"), steward_profile_get_name (profile));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  attach_profile (remove_button, profile);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

  return expander;
}

static void
profiles_changed_cb (StewardServersDialog *self)
{
  update_stack (self);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_servers_dialog_dispose (GObject *object)
{
  StewardServersDialog *self = STEWARD_SERVERS_DIALOG (object);

  /* Rows are made with this dialog as their data: stop before it goes. */
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SERVERS_DIALOG);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (steward_servers_dialog_parent_class)->dispose (object);
}

static void
steward_servers_dialog_class_init (StewardServersDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_servers_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-servers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardServersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardServersDialog, list_box);
}

static void
steward_servers_dialog_init (StewardServersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_servers_dialog_new (StewardProfiles *profiles)
{
  StewardServersDialog *self;

  g_return_val_if_fail (STEWARD_IS_PROFILES (profiles), NULL);

  self = g_object_new (STEWARD_TYPE_SERVERS_DIALOG, NULL);
  self->profiles = g_object_ref (profiles);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (profiles), create_row_cb, self, NULL);
  g_signal_connect_object (profiles, "items-changed", G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  update_stack (self);
  return GTK_WIDGET (self);
}
