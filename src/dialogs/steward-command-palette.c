/* steward-command-palette.c
 *
 * The list is rebuilt whole whenever what it shows may change: the text,
 * the users a search found, or which actions the window enables (the
 * window decides what may run on whom; the palette only offers what is
 * enabled). A few users and a few dozen actions at most, so a list box.
 *
 * Each keystroke cancels the search in flight; the entry's search delay
 * is the pause before the next one is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-command-palette.h"

#include <glib/gi18n-lib.h>

/* The pause in typing before the server is asked. */
#define SEARCH_DELAY_MS 200

struct _StewardCommandPalette
{
  AdwWindow parent_instance;

  StewardSession *session;
  /* The window whose actions are offered: its action group and its
   * widget actions ("win.connect"), activated through the widget. */
  GtkWidget   *window;
  StewardUser *user;
  /* A user was chosen here: the text now names actions only. */
  gboolean      user_chosen;
  GCancellable *search_cancellable;
  /* The text changed and its search has not been sent yet. */
  gboolean    search_pending;
  GListModel *found;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkSpinner     *spinner;
  GtkLabel       *user_label;
  GtkListBox     *list_box;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (StewardCommandPalette, steward_command_palette, ADW_TYPE_WINDOW)

enum
{
  USER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the palette can run, in the order it lists them. @keywords are
 * other words people type for it; @on_user: it changes or concerns the
 * user actions apply to. */
typedef struct
{
  const char *label;
  const char *action;
  const char *keywords;
  gboolean    on_user;
} PaletteAction;

/* TRANSLATORS: the lower-case strings of this table are more words
 * people may type to find an action, separated by spaces. */
static const PaletteAction palette_actions[] = {
  { N_ ("Add Permissions"), "add-permissions", N_ ("grant"), TRUE },
  { N_ ("Disable"), "disable-user", N_ ("deactivate lock"), TRUE },
  { N_ ("Enable"), "enable-user", N_ ("activate unlock"), TRUE },
  { N_ ("Permanently Delete…"), "delete-user", N_ ("delete permanently remove user"), TRUE },
  { N_ ("Migrate User…"), "migrate-user", N_ ("move identity manager iam"), TRUE },
  { N_ ("Prepare Impersonation…"), "prepare-impersonation", N_ ("sql query engine"), TRUE },
  { N_ ("Download Metrics…"), "download-metrics", N_ ("usage statistics") },
  { N_ ("Switch Server"), "switch-server", N_ ("profile") },
  { N_ ("Dormant Accounts"), "dormant-accounts", N_ ("inactive last login") },
  { N_ ("Change Journal"), "change-journal", N_ ("history changes") },
  { N_ ("New User"), "new-user", N_ ("create add user") },
  { N_ ("Audit Log"), "audit-log", N_ ("history") },
  { N_ ("Export…"), "export-users", N_ ("csv json save") },
  { N_ ("Export Access Review…"), "export-access-review", N_ ("csv json save permissions") },
  { N_ ("Refresh"), "refresh", N_ ("reload") },
  { N_ ("Connect to a Server…"), "connect", N_ ("add server") },
  { N_ ("Servers…"), "servers", N_ ("profiles") },
  { N_ ("Keyboard Shortcuts"), "show-help-overlay", N_ ("keys help") },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/* Every word typed is somewhere in @first or @second (either may be
 * NULL), whatever the case. */
static gboolean
words_match (const char *const *words,
             const char        *first,
             const char        *second)
{
  g_autofree char *haystack = NULL;
  g_autofree char *joined = g_strjoin (" ", first != NULL ? first : "", second != NULL ? second : "", NULL);

  haystack = fold (joined);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static GStrv
typed_words (StewardCommandPalette *self)
{
  g_autofree char *folded = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return g_strsplit_set (g_strstrip (folded), " \t", -1);
}

static gboolean
text_is_empty (StewardCommandPalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
searches_users (StewardCommandPalette *self)
{
  return self->session != NULL && !self->user_chosen && !text_is_empty (self);
}

/* Enabled in the window's action group, or one of its widget actions
 * (which the window never disables). */
static gboolean
action_enabled (StewardCommandPalette *self,
                const char            *name)
{
  GActionGroup    *group = G_IS_ACTION_GROUP (self->window) ? G_ACTION_GROUP (self->window) : NULL;
  g_autofree char *qualified = NULL;

  if (group != NULL && g_action_group_has_action (group, name))
    return g_action_group_get_action_enabled (group, name);

  qualified = g_strconcat ("win.", name, NULL);
  for (guint i = 0;; i++)
    {
      const char         *installed = NULL;
      const GVariantType *parameter_type = NULL;
      const char         *property = NULL;
      GType               owner;

      if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (self->window), i, &owner, &installed, &parameter_type, &property))
        return FALSE;
      if (g_strcmp0 (installed, qualified) == 0)
        return TRUE;
    }
}

/* A row that says what it does, named for a screen reader by what it
 * reads. */
static GtkWidget *
create_row (const char *title,
            const char *subtitle,
            const char *icon_name)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* TRANSLATORS: a palette row read aloud: "Ann Lee, ann@example.com" */
  name = subtitle != NULL ? g_strdup_printf (_ ("%s, %s"), title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
add_user_row (StewardCommandPalette *self,
              StewardUser           *user)
{
  g_autofree char *subtitle = NULL;
  GtkWidget       *row;

  if (steward_user_get_disabled (user))
    /* TRANSLATORS: "ann@example.com · Disabled" */
    subtitle = g_strdup_printf (_ ("%s · Disabled"), steward_user_get_email (user));
  else
    subtitle = g_strdup (steward_user_get_email (user));

  row = create_row (steward_user_get_display_name (user), subtitle, "avatar-default-symbolic");
  g_object_set_data_full (G_OBJECT (row), "steward-user", g_object_ref (user), g_object_unref);
  gtk_list_box_append (self->list_box, row);
}

/* @on_user: the row says whom it will change before it runs. */
static void
add_action_row (StewardCommandPalette *self,
                const char            *title,
                const char            *action,
                GVariant              *target,
                gboolean               on_user)
{
  const char *subtitle = on_user && self->user != NULL ? steward_user_get_display_name (self->user) : NULL;
  GtkWidget  *row;

  row = create_row (title, subtitle, "system-run-symbolic");
  g_object_set_data_full (G_OBJECT (row), "steward-action", g_strconcat ("win.", action, NULL), g_free);
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (row), "steward-target", g_variant_ref_sink (target), (GDestroyNotify) g_variant_unref);
  gtk_list_box_append (self->list_box, row);
}

/* Removing a permission is one entry per permission the user holds. */
static void
add_remove_permission_rows (StewardCommandPalette *self,
                            const char *const     *words)
{
  const char *const *permissions;

  if (self->user == NULL || !action_enabled (self, "remove-permission"))
    return;

  permissions = steward_user_get_permissions (self->user);
  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    {
      /* TRANSLATORS: a palette action, "Remove Permission GOVERNANCE" */
      g_autofree char *title = g_strdup_printf (_ ("Remove Permission %s"), permissions[i]);

      if (words_match (words, title, _ ("revoke take away")))
        add_action_row (self, title, "remove-permission", g_variant_new_string (permissions[i]), TRUE);
    }
}

static void
select_row (StewardCommandPalette *self,
            GtkListBoxRow         *row)
{
  gtk_list_box_select_row (self->list_box, row);
  if (row != NULL)
    {
      GtkAdjustment  *adjustment = gtk_list_box_get_adjustment (self->list_box);
      graphene_rect_t bounds;

      /* Keep the highlight in view when the arrows move it down. */
      if (adjustment != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
        gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
    }
}

static void
update_status (StewardCommandPalette *self,
               const char            *error_message)
{
  gboolean searching = self->search_pending || self->search_cancellable != NULL;
  gboolean empty = gtk_list_box_get_row_at_index (self->list_box, 0) == NULL;

  gtk_spinner_set_spinning (self->spinner, searching);
  if (error_message != NULL)
    gtk_label_set_text (self->status_label, error_message);
  else if (empty && searching)
    gtk_label_set_text (self->status_label, _ ("Searching…"));
  else if (empty)
    gtk_label_set_text (self->status_label, _ ("No users or actions match"));
  else
    gtk_label_set_text (self->status_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), gtk_label_get_text (self->status_label)[0] != '\0');
}

static void
rebuild (StewardCommandPalette *self)
{
  g_auto (GStrv) words = typed_words (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (searches_users (self) && self->found != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (self->found); i++)
      {
        g_autoptr (StewardUser) user = g_list_model_get_item (self->found, i);

        add_user_row (self, user);
      }

  for (guint i = 0; i < G_N_ELEMENTS (palette_actions); i++)
    {
      const PaletteAction *entry = &palette_actions[i];

      if (!action_enabled (self, entry->action))
        continue;
      /* The words of both languages find it: people learn the English
       * names from the documentation. */
      if (words_match ((const char *const *) words, _ (entry->label), _ (entry->keywords)) || words_match ((const char *const *) words, entry->label, entry->keywords))
        add_action_row (self, _ (entry->label), entry->action, NULL, entry->on_user);
      if (g_str_equal (entry->action, "add-permissions"))
        add_remove_permission_rows (self, (const char *const *) words);
    }

  select_row (self, gtk_list_box_get_row_at_index (self->list_box, 0));
  update_status (self, NULL);
}

static void
update_user_label (StewardCommandPalette *self)
{
  g_autofree char *text = NULL;

  if (self->user != NULL)
    /* TRANSLATORS: above the palette's list: "Actions apply to Ann Lee (ann@example.com)" */
    text = g_strdup_printf (_ ("Actions apply to %s (%s)"), steward_user_get_display_name (self->user), steward_user_get_email (self->user));
  gtk_label_set_text (self->user_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->user_label), text != NULL);
}

static void
cancel_search (StewardCommandPalette *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
users_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StewardCommandPalette) self = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->search_cancellable);

  g_clear_object (&self->found);
  if (page == NULL)
    {
      rebuild (self);
      update_status (self, error->message);
      return;
    }
  self->found = g_object_ref (steward_page_result_get_items (page));
  rebuild (self);
}

/* Every keystroke: what was asked before no longer matters. */
static void
text_changed_cb (StewardCommandPalette *self)
{
  cancel_search (self);
  g_clear_object (&self->found);
  self->search_pending = searches_users (self);
  rebuild (self);
}

/* After the pause in typing. */
static void
search_changed_cb (StewardCommandPalette *self)
{
  g_autoptr (StewardUserQuery) query = NULL;

  self->search_pending = FALSE;
  cancel_search (self);
  if (!searches_users (self))
    {
      update_status (self, NULL);
      return;
    }

  query = steward_user_query_new ();
  query->search_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  query->size = STEWARD_COMMAND_PALETTE_MAX_USERS;
  /* Disabled users too: Enable is what one looks for them to do. */
  query->include_disabled = TRUE;
  query->sort_field = STEWARD_USER_SORT_NAME;
  self->search_cancellable = g_cancellable_new ();
  update_status (self, NULL);
  steward_client_list_users_async (steward_session_get_client (self->session), query, self->search_cancellable,
                                   users_found_cb, g_object_ref (self));
}

static void
choose_user (StewardCommandPalette *self,
             StewardUser           *user)
{
  g_autoptr (StewardUser) chosen = g_object_ref (user);

  self->user_chosen = TRUE;
  steward_command_palette_set_user (self, chosen);
  g_signal_emit (self, signals[USER_CHOSEN], 0, chosen);
  /* Now the text is for an action on them. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
run_action (StewardCommandPalette *self,
            const char            *action,
            GVariant              *target)
{
  g_autoptr (GtkWidget) window = g_object_ref (self->window);
  g_autofree char *name = g_strdup (action);
  g_autoptr (GVariant) parameter = target != NULL ? g_variant_ref (target) : NULL;

  /* Closed first: what the action opens (a confirmation, a dialog)
   * belongs to the window, not to the palette. */
  gtk_window_destroy (GTK_WINDOW (self));
  gtk_widget_activate_action_variant (window, name, parameter);
}

static void
row_activated_cb (StewardCommandPalette *self,
                  GtkListBoxRow         *row)
{
  StewardUser *user = g_object_get_data (G_OBJECT (row), "steward-user");
  const char  *action = g_object_get_data (G_OBJECT (row), "steward-action");

  if (user != NULL)
    choose_user (self, user);
  else if (action != NULL)
    run_action (self, action, g_object_get_data (G_OBJECT (row), "steward-target"));
}

/* Enter chooses the highlighted row. */
static void
entry_activated_cb (StewardCommandPalette *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row != NULL)
    row_activated_cb (self, row);
}

static void
stop_search_cb (StewardCommandPalette *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Before the entry sees them: the arrows move through the list, and
 * Backspace in an empty entry goes back to choosing a user. */
static gboolean
key_pressed_cb (StewardCommandPalette *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state)
{
  switch (keyval)
    {
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        steward_command_palette_move (self, 1);
        return TRUE;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        steward_command_palette_move (self, -1);
        return TRUE;
      case GDK_KEY_BackSpace:
        if (self->user_chosen && gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
          {
            self->user_chosen = FALSE;
            rebuild (self);
            return TRUE;
          }
        return FALSE;
      default:
        return FALSE;
    }
}

static void
actions_changed_cb (StewardCommandPalette *self)
{
  rebuild (self);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_command_palette_dispose (GObject *object)
{
  StewardCommandPalette *self = STEWARD_COMMAND_PALETTE (object);

  cancel_search (self);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, actions_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_COMMAND_PALETTE);
  g_clear_object (&self->found);
  g_clear_object (&self->user);
  g_clear_object (&self->session);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (steward_command_palette_parent_class)->dispose (object);
}

static void
steward_command_palette_class_init (StewardCommandPaletteClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_command_palette_dispose;

  /**
   * StewardCommandPalette::user-chosen:
   * @user: the user the person chose from the search
   */
  signals[USER_CHOSEN] = g_signal_new ("user-chosen",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, STEWARD_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/dialogs/steward-command-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardCommandPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardCommandPalette, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardCommandPalette, user_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCommandPalette, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardCommandPalette, status_label);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_command_palette_init (StewardCommandPalette *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_command_palette_new (StewardSession *session,
                             GtkWidget      *window,
                             StewardUser    *user)
{
  StewardCommandPalette *self;

  g_return_val_if_fail (session == NULL || STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (user == NULL || STEWARD_IS_USER (user), NULL);

  self = g_object_new (STEWARD_TYPE_COMMAND_PALETTE, NULL);
  g_set_object (&self->session, session);
  self->window = g_object_ref (window);
  if (G_IS_ACTION_GROUP (window))
    {
      g_signal_connect_swapped (window, "action-enabled-changed", G_CALLBACK (actions_changed_cb), self);
      g_signal_connect_swapped (window, "action-added", G_CALLBACK (actions_changed_cb), self);
      g_signal_connect_swapped (window, "action-removed", G_CALLBACK (actions_changed_cb), self);
    }
  steward_command_palette_set_user (self, user);
  return GTK_WIDGET (self);
}

void
steward_command_palette_set_user (StewardCommandPalette *self,
                                  StewardUser           *user)
{
  g_return_if_fail (STEWARD_IS_COMMAND_PALETTE (self));
  g_return_if_fail (user == NULL || STEWARD_IS_USER (user));

  g_set_object (&self->user, user);
  update_user_label (self);
  rebuild (self);
}

StewardUser *
steward_command_palette_get_user (StewardCommandPalette *self)
{
  g_return_val_if_fail (STEWARD_IS_COMMAND_PALETTE (self), NULL);

  return self->user;
}

gboolean
steward_command_palette_get_searching (StewardCommandPalette *self)
{
  g_return_val_if_fail (STEWARD_IS_COMMAND_PALETTE (self), FALSE);

  return self->search_pending || self->search_cancellable != NULL;
}

void
steward_command_palette_move (StewardCommandPalette *self,
                              int                    delta)
{
  GtkListBoxRow *selected;
  GtkListBoxRow *next;
  int            index = 0;

  g_return_if_fail (STEWARD_IS_COMMAND_PALETTE (self));

  selected = gtk_list_box_get_selected_row (self->list_box);
  if (selected != NULL)
    index = MAX (0, gtk_list_box_row_get_index (selected) + delta);
  next = gtk_list_box_get_row_at_index (self->list_box, index);
  if (next != NULL)
    select_row (self, next);
}
