/* steward-directory-view.c
 *
 * The column view shows the directory as it is: the directory asks the
 * server for the order, so no GtkSortListModel sits in between. Each
 * sortable column carries a "probe" sorter that never sorts anything; it
 * only lets us ask the column view's own sorter which column the person
 * clicked and in which direction (GTK 4.8 has no public
 * GtkColumnViewSorter API to read that).
 *
 * Selection: a StewardDirectorySelection gives Ctrl/Shift-click and
 * Ctrl+A without reading rows nobody clicked, and says who is selected
 * (the picked users, or "all of this query" after Select All).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-directory-view.h"

#include "steward-directory-selection.h"
#include "steward-last-login-cell.h"
#include "steward-user-selection.h"
#include "steward-permission-summary.h"

#include <glib/gi18n-lib.h>

struct _StewardDirectoryView
{
  AdwBin parent_instance;

  StewardUserDirectory *directory;
  StewardUser          *selected_user;
  StewardUserSelection *user_selection; /* the selection's */
  /* The selected position, pinned in the directory so its page (and the
   * object the selection holds) is never dropped. */
  guint pinned_position;

  /* Two distinct objects to hand the column view's sorter when probing. */
  GObject *probe_a;
  GObject *probe_b;
  /* The field of the first column sorter asked during a probe. */
  StewardUserSortField probed_field;
  gboolean             probe_answered;
  /* Set while we sort the view to match the directory, so that change is
   * not sent back to the directory. */
  gboolean syncing_sort;

  /* Template widgets */
  GtkColumnView             *column_view;
  StewardDirectorySelection *selection;
  GtkRevealer               *selection_revealer;
  GtkWidget                 *selection_separator;
  GtkLabel                  *selected_label;
  GtkPopoverMenu            *context_menu;
  GMenuModel                *bulk_menu;
  GtkColumnViewColumn       *name_column;
  GtkListItemFactory        *name_factory;
  GtkListItemFactory        *compact_name_factory;
  GtkColumnViewColumn       *email_column;
  GtkColumnViewColumn       *iam_column;
  GtkColumnViewColumn       *last_login_column;
  GtkColumnViewColumn       *permissions_column;
  GtkColumnViewColumn       *status_column;
  GtkStack                  *stack;
  AdwStatusPage             *empty_page;
  AdwStatusPage             *error_page;
  GtkLabel                  *total_label;
  GtkSpinner                *spinner;
};

G_DEFINE_FINAL_TYPE (StewardDirectoryView, steward_directory_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DIRECTORY,
  PROP_SELECTED_USER,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  StewardDirectoryView *self;
  StewardUserSortField  field;
} SortProbe;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (!probe->self->probe_answered)
    {
      probe->self->probed_field = probe->field;
      probe->self->probe_answered = TRUE;
    }

  /* Never equal, so the column view's sorter stops at the primary column
   * and its answer tells the direction. */
  return GTK_ORDERING_SMALLER;
}

static void
attach_probe (StewardDirectoryView *self,
              GtkColumnViewColumn  *column,
              StewardUserSortField  field)
{
  g_autoptr (GtkSorter) sorter = NULL;
  SortProbe *probe = g_new0 (SortProbe, 1);

  probe->self = self;
  probe->field = field;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

static GtkColumnViewColumn *
column_for_field (StewardDirectoryView *self,
                  StewardUserSortField  field)
{
  switch (field)
    {
      case STEWARD_USER_SORT_NAME:
        return self->name_column;
      case STEWARD_USER_SORT_EMAIL:
        return self->email_column;
      case STEWARD_USER_SORT_IAMID:
        return self->iam_column;
      case STEWARD_USER_SORT_LAST_LOGIN:
        return self->last_login_column;
      case STEWARD_USER_SORT_DEFAULT:
      case STEWARD_USER_SORT_CREATED_AT:
      case STEWARD_USER_SORT_USERNAME:
      default:
        return NULL;
    }
}

/* Shows the directory's order in the column headers. */
static void
sync_sort_from_directory (StewardDirectoryView *self)
{
  GtkColumnViewColumn *column = NULL;
  GtkSortType          direction = GTK_SORT_ASCENDING;

  if (self->directory != NULL)
    {
      column = column_for_field (self, steward_user_directory_get_sort_field (self->directory));
      if (steward_user_directory_get_sort_order (self->directory) == STEWARD_SORT_DESCENDING)
        direction = GTK_SORT_DESCENDING;
    }

  self->syncing_sort = TRUE;
  gtk_column_view_sort_by_column (self->column_view, column, direction);
  self->syncing_sort = FALSE;
}

static void
set_selected_user (StewardDirectoryView *self,
                   StewardUser          *user)
{
  if (g_set_object (&self->selected_user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_USER]);
}

static gboolean
directory_is_filtered (StewardUserDirectory *directory)
{
  const char *search_text = steward_user_directory_get_search_text (directory);
  const char *permission = steward_user_directory_get_permission (directory);

  return (search_text != NULL && search_text[0] != '\0') || (permission != NULL && permission[0] != '\0');
}

static void
update_state (StewardDirectoryView *self)
{
  g_autofree char *total = NULL;
  const GError    *error = NULL;
  gboolean         loading = FALSE;
  guint            n_items = 0;

  if (self->directory != NULL)
    {
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->directory));
      loading = steward_user_directory_get_loading (self->directory);
      error = steward_user_directory_get_error (self->directory);
      /* %'u groups thousands the way the locale does ("1,320"). */
      total = g_strdup_printf (ngettext ("%'u user", "%'u users", n_items), n_items);
    }

  gtk_label_set_label (self->total_label, total != NULL ? total : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);

  if (error != NULL && n_items == 0)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (self->directory != NULL && n_items == 0 && !loading)
    {
      adw_status_page_set_description (self->empty_page,
                                       directory_is_filtered (self->directory)
                                           ? _ ("No users match the search")
                                           : NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* ------------------------------------------------------------------ */
/* Cell closures (used by the row factories in the template)          */
/* ------------------------------------------------------------------ */

static char *
name_text (gpointer    unused,
           const char *name,
           const char *userid)
{
  /* A placeholder (no userid yet) stays blank until its page arrives. */
  if (name != NULL && name[0] != '\0')
    return g_strdup (name);
  return g_strdup (userid != NULL ? userid : "");
}

static char *
string_text (gpointer    unused,
             const char *value)
{
  return g_strdup (value != NULL ? value : "");
}

static char *
status_text (gpointer    unused,
             gboolean    disabled,
             const char *userid)
{
  if (userid == NULL)
    return g_strdup ("");
  return g_strdup (disabled ? _ ("Disabled") : _ ("Active"));
}

static GStrv
css_classes (const char *first_class,
             ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first_class);
  for (const char *name = first_class; name != NULL; name = va_arg (args, const char *))
    g_strv_builder_add (builder, name);
  va_end (args);

  return g_strv_builder_end (builder);
}

static GStrv
row_css_classes (gpointer unused,
                 gboolean disabled)
{
  return steward_directory_view_row_css_classes (disabled);
}

static GStrv
status_css_classes (gpointer unused,
                    gboolean disabled)
{
  return disabled ? css_classes ("caption-heading", "error", "disabled-user", NULL)
                  : css_classes ("caption", NULL);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
view_sorter_changed_cb (StewardDirectoryView *self,
                        GtkSorterChange       change,
                        GtkSorter            *sorter)
{
  StewardUserSortField field = STEWARD_USER_SORT_DEFAULT;
  StewardSortOrder     order = STEWARD_SORT_ASCENDING;
  GtkOrdering          answer;

  if (self->syncing_sort || self->directory == NULL)
    return;

  self->probe_answered = FALSE;
  answer = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_answered && answer != GTK_ORDERING_EQUAL)
    {
      field = self->probed_field;
      order = answer == GTK_ORDERING_LARGER ? STEWARD_SORT_DESCENDING : STEWARD_SORT_ASCENDING;
    }

  g_object_freeze_notify (G_OBJECT (self->directory));
  steward_user_directory_set_sort_field (self->directory, field);
  steward_user_directory_set_sort_order (self->directory, order);
  g_object_thaw_notify (G_OBJECT (self->directory));
}

static void
directory_sort_changed_cb (StewardDirectoryView *self)
{
  sync_sort_from_directory (self);
}

static void
directory_state_changed_cb (StewardDirectoryView *self)
{
  update_state (self);
}

static void
pin_selection (StewardDirectoryView *self)
{
  guint selected = steward_directory_selection_get_single_position (self->selection);

  if (selected == self->pinned_position || self->directory == NULL)
    return;

  if (self->pinned_position != GTK_INVALID_LIST_POSITION)
    steward_user_directory_unpin (self->directory, self->pinned_position);
  if (selected != GTK_INVALID_LIST_POSITION)
    steward_user_directory_pin (self->directory, selected);
  self->pinned_position = selected;
}

static void
clear_selection (StewardDirectoryView *self)
{
  steward_directory_selection_clear (self->selection);
}

static void
update_selection_bar (StewardDirectoryView *self)
{
  guint n = steward_user_selection_get_n_selected (self->user_selection);
  g_autoptr (StewardUser) single = steward_directory_selection_dup_single_row (self->selection);
  /* TRANSLATORS: how many users are selected, "1,320 selected" */
  g_autofree char *text = g_strdup_printf (ngettext ("%'u selected", "%'u selected", n), n);

  gtk_label_set_text (self->selected_label, text);
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);
  gtk_widget_set_visible (self->selection_separator, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.clear-selection", n > 0);
  /* The row itself, not the selection's copy: the user page then follows
   * the directory's updates of it, and its page is pinned so the object
   * is never dropped from the directory's window. */
  pin_selection (self);
  set_selected_user (self, single);
}

/* A new search, filter or order is another set of users. */
static void
directory_query_changed_cb (StewardDirectoryView *self)
{
  clear_selection (self);
}

static void
select_all_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StewardDirectoryView *self = STEWARD_DIRECTORY_VIEW (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
clear_selection_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  clear_selection (STEWARD_DIRECTORY_VIEW (widget));
}

/* A right click offers what the bar offers, for the selection. */
static void
secondary_pressed_cb (GtkGestureClick      *gesture,
                      int                   n_press,
                      double                x,
                      double                y,
                      StewardDirectoryView *self)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (steward_user_selection_get_n_selected (self->user_selection) == 0)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
retry_button_clicked_cb (StewardDirectoryView *self)
{
  if (self->directory != NULL)
    steward_user_directory_refresh (self->directory);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
steward_directory_view_dispose (GObject *object)
{
  StewardDirectoryView *self = STEWARD_DIRECTORY_VIEW (object);

  if (self->directory != NULL)
    g_signal_handlers_disconnect_by_data (self->directory, self);
  if (self->selection != NULL)
    steward_directory_selection_set_directory (self->selection, NULL);
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->context_menu = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DIRECTORY_VIEW);
  self->user_selection = NULL;

  g_clear_object (&self->directory);
  g_clear_object (&self->selected_user);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (steward_directory_view_parent_class)->dispose (object);
}

static void
steward_directory_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardDirectoryView *self = STEWARD_DIRECTORY_VIEW (object);

  switch (prop_id)
    {
      case PROP_DIRECTORY:
        g_value_set_object (value, self->directory);
        break;

      case PROP_SELECTED_USER:
        g_value_set_object (value, self->selected_user);
        break;

      case PROP_SELECTION:
        g_value_set_object (value, self->user_selection);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_directory_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardDirectoryView *self = STEWARD_DIRECTORY_VIEW (object);

  switch (prop_id)
    {
      case PROP_DIRECTORY:
        steward_directory_view_set_directory (self, g_value_get_object (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_directory_view_class_init (StewardDirectoryViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_directory_view_dispose;
  object_class->get_property = steward_directory_view_get_property;
  object_class->set_property = steward_directory_view_set_property;

  properties[PROP_DIRECTORY] = g_param_spec_object ("directory", NULL, NULL, STEWARD_TYPE_USER_DIRECTORY,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_USER] = g_param_spec_object ("selected-user", NULL, NULL, STEWARD_TYPE_USER,
                                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] = g_param_spec_object ("selection", NULL, NULL, STEWARD_TYPE_USER_SELECTION,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row factories look these types up by name. */
  g_type_ensure (STEWARD_TYPE_USER);
  g_type_ensure (STEWARD_TYPE_DIRECTORY_SELECTION);
  g_type_ensure (STEWARD_TYPE_PERMISSION_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/widgets/steward-directory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, selection);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, selection_separator);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, bulk_menu);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, name_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, name_factory);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, compact_name_factory);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, email_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, iam_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, last_login_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, permissions_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, status_column);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, total_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDirectoryView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, retry_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_text);
  gtk_widget_class_bind_template_callback (widget_class, string_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, row_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);

  gtk_widget_class_install_action (widget_class, "directory.select-all", NULL, select_all_activated_cb);
  gtk_widget_class_install_action (widget_class, "directory.clear-selection", NULL, clear_selection_activated_cb);
}

static void
steward_directory_view_init (StewardDirectoryView *self)
{
  g_autoptr (GtkListItemFactory) last_login_factory = steward_last_login_cell_factory_new ();
  GtkGesture *secondary_click;

  self->pinned_position = GTK_INVALID_LIST_POSITION;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_column_view_column_set_factory (self->last_login_column, last_login_factory);

  self->user_selection = steward_directory_selection_get_users (self->selection);
  g_signal_connect_object (self->user_selection, "notify::n-selected", G_CALLBACK (update_selection_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_selection, "notify::all-of-query", G_CALLBACK (update_selection_bar), self, G_CONNECT_SWAPPED);
  /* Another single user is the same count: follow every change. */
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_selection_bar), self, G_CONNECT_SWAPPED);

  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (self->bulk_menu));
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self->column_view));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  secondary_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary_click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary_click, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (secondary_click));

  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  /* Only the orders the server offers (API.md route 4) get a sorter; the
   * other columns' headers are not clickable. */
  attach_probe (self, self->name_column, STEWARD_USER_SORT_NAME);
  attach_probe (self, self->email_column, STEWARD_USER_SORT_EMAIL);
  attach_probe (self, self->iam_column, STEWARD_USER_SORT_IAMID);
  attach_probe (self, self->last_login_column, STEWARD_USER_SORT_LAST_LOGIN);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
  update_selection_bar (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GStrv
steward_directory_view_row_css_classes (gboolean disabled)
{
  return disabled ? css_classes ("dim-label", "disabled-user", NULL) : css_classes (NULL);
}

GtkWidget *
steward_directory_view_new (void)
{
  return g_object_new (STEWARD_TYPE_DIRECTORY_VIEW, NULL);
}

StewardUserDirectory *
steward_directory_view_get_directory (StewardDirectoryView *self)
{
  g_return_val_if_fail (STEWARD_IS_DIRECTORY_VIEW (self), NULL);

  return self->directory;
}

void
steward_directory_view_set_directory (StewardDirectoryView *self,
                                      StewardUserDirectory *directory)
{
  static const char *const state_properties[] = {
    "notify::n-items",
    "notify::loading",
    "notify::error",
    "notify::search-text",
    "notify::permission",
    "notify::include-disabled",
  };
  static const char *const query_properties[] = {
    "notify::search-text",
    "notify::permission",
    "notify::include-disabled",
    "notify::sort-field",
    "notify::sort-order",
  };

  g_return_if_fail (STEWARD_IS_DIRECTORY_VIEW (self));
  g_return_if_fail (directory == NULL || STEWARD_IS_USER_DIRECTORY (directory));

  if (self->directory == directory)
    return;

  if (self->directory != NULL)
    g_signal_handlers_disconnect_by_data (self->directory, self);

  g_set_object (&self->directory, directory);
  /* A pin of the old directory ended with it. */
  self->pinned_position = GTK_INVALID_LIST_POSITION;

  if (directory != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (state_properties); i++)
        g_signal_connect_object (directory, state_properties[i],
                                 G_CALLBACK (directory_state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (directory, "notify::sort-field",
                               G_CALLBACK (directory_sort_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (directory, "notify::sort-order",
                               G_CALLBACK (directory_sort_changed_cb), self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (query_properties); i++)
        g_signal_connect_object (directory, query_properties[i],
                                 G_CALLBACK (directory_query_changed_cb), self, G_CONNECT_SWAPPED);
    }

  steward_directory_selection_set_directory (self->selection, directory);
  sync_sort_from_directory (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY]);
}

StewardUser *
steward_directory_view_get_selected_user (StewardDirectoryView *self)
{
  g_return_val_if_fail (STEWARD_IS_DIRECTORY_VIEW (self), NULL);

  return self->selected_user;
}

StewardUserSelection *
steward_directory_view_get_selection (StewardDirectoryView *self)
{
  g_return_val_if_fail (STEWARD_IS_DIRECTORY_VIEW (self), NULL);

  return self->user_selection;
}

void
steward_directory_view_clear_selection (StewardDirectoryView *self)
{
  g_return_if_fail (STEWARD_IS_DIRECTORY_VIEW (self));

  clear_selection (self);
}

void
steward_directory_view_set_compact (StewardDirectoryView *self,
                                    gboolean              compact)
{
  GtkListItemFactory *name_factory;

  g_return_if_fail (STEWARD_IS_DIRECTORY_VIEW (self));

  name_factory = compact ? self->compact_name_factory : self->name_factory;

  /* The user page shows the rest once a user is picked; the address moves
   * under the name so a narrow window cuts neither. GTK 4.8 keeps a
   * column's cells when its factory changes, so hiding the column around
   * the swap has them built again. */
  if (gtk_column_view_column_get_factory (self->name_column) != name_factory)
    {
      gtk_column_view_column_set_visible (self->name_column, FALSE);
      gtk_column_view_column_set_factory (self->name_column, name_factory);
      gtk_column_view_column_set_visible (self->name_column, TRUE);
    }
  gtk_column_view_column_set_visible (self->email_column, !compact);
  gtk_column_view_column_set_visible (self->iam_column, !compact);
  gtk_column_view_column_set_visible (self->permissions_column, !compact);
  gtk_column_view_column_set_visible (self->status_column, !compact);
  gtk_column_view_column_set_visible (self->last_login_column, !compact);
}
