/* steward-accessible-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-accessible-names.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#define WATCHED_KEY "steward-accessible-names-watched"

/* The control a person operates, for widgets GTK builds out of parts: a
 * menu button's name belongs to its inner toggle button, which is what
 * AT-SPI exposes as the push or toggle button. */
static gboolean
is_named_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);
}

/* The first label below @widget, depth first: a button's own label, or
 * the one inside an AdwButtonContent or a menu button's box. */
static GtkLabel *
find_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      if (GTK_IS_LABEL (child))
        return GTK_LABEL (child);
      if (is_named_control (child))
        continue; /* a control inside is named on its own */
      label = find_label (child);
      if (label != NULL)
        return label;
    }
  return NULL;
}

/* @text as a label with use-underline shows it: "_" dropped, "__" one "_". */
static char *
strip_mnemonic (const char *text)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (shown, *p);
    }
  return g_string_free (shown, FALSE);
}

/* What the control shows as its text, or NULL for an icon-only one. A
 * drop-down's button shows the chosen item; a menu button its label. */
static char *
dup_visible_text (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkLabel  *label;

  if (GTK_IS_DROP_DOWN (parent))
    {
      GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (parent));

      return GTK_IS_STRING_OBJECT (item) ? g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item))) : NULL;
    }
  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *text = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (text == NULL)
        return NULL;
      return gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)) ? strip_mnemonic (text) : g_strdup (text);
    }
  label = find_label (widget);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return g_strdup (gtk_label_get_text (label)); /* as shown: any mnemonic stripped */
}

void
steward_accessible_names_fix (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!is_named_control (widget))
    return;
  text = dup_visible_text (widget);
  /* Icon-only controls keep the name the application gave them. */
  if (text == NULL || *text == '\0')
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
label_changed_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  steward_accessible_names_fix (widget);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       GtkWidget   *button)
{
  steward_accessible_names_fix (button);
}

static void
fix_and_watch (GtkWidget *widget)
{
  steward_accessible_names_fix (widget);
  /* A button's text may change later (Disable becomes Enable): follow it. */
  if (g_object_get_data (G_OBJECT (widget), WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), WATCHED_KEY, GINT_TO_POINTER (TRUE));
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "label") != NULL)
        g_signal_connect_after (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "child") != NULL)
        g_signal_connect_after (widget, "notify::child", G_CALLBACK (label_changed_cb), NULL);
      if (GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
        g_signal_connect_object (gtk_widget_get_parent (widget), "notify::selected-item",
                                 G_CALLBACK (drop_down_selected_cb), widget, G_CONNECT_AFTER);
    }
}

/* A stack page is a node of its own, named after its class unless it has
 * a label: it is read by the title the page shows in a switcher, or as
 * the page's content when it has none. */
static void
name_stack_pages (GtkStack *stack)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (stack, child);
      const char   *title = gtk_stack_page_get_title (page);

      if (title == NULL && ADW_IS_STATUS_PAGE (child))
        title = adw_status_page_get_title (ADW_STATUS_PAGE (child));
      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title != NULL ? title : "", -1);
    }
}

/* A titled preferences group already names its list by the title; an
 * untitled one holds a window's form, read by the window's title. */
static void
name_untitled_group_list (GtkWidget *list)
{
  GtkWidget  *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);
  GtkRoot    *root = gtk_widget_get_root (list);
  const char *title = group != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;

  if (group == NULL || (title != NULL && *title != '\0') || !GTK_IS_WINDOW (root))
    return;
  title = gtk_window_get_title (GTK_WINDOW (root));
  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* An icon-only button libadwaita builds inside its own widgets, which
 * our .ui files cannot name: a password row's peek button, the About
 * window's Back buttons. GTK 4.8 reads them by the icon's class name. */
static gboolean
is_unnamed_toolkit_icon_button (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) == NULL
      && gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW) == NULL)
    return FALSE;
  text = dup_visible_text (widget);
  return (text == NULL || *text == '\0') && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
}

static void name_inner_parts (GtkWidget *widget);

static void
tooltip_changed_cb (GtkWidget  *widget,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  name_inner_parts (widget);
}

/* Nodes GTK and libadwaita build inside their own widgets, which GTK 4.8
 * would read out by their class name: a password entry's peek icon (a
 * button), the About window's Back buttons, a toast's close button, a menu button's menu. */
static void
name_inner_parts (GtkWidget *widget)
{
  GtkWidget       *parent = gtk_widget_get_parent (widget);
  const char      *label = NULL;
  g_autofree char *menu_name = NULL;

  if (GTK_IS_LIST_BOX (widget))
    name_untitled_group_list (widget);
  else if (is_unnamed_toolkit_icon_button (widget))
    {
      /* The tooltip says what it does and follows its state (Show Text
       * becomes Hide Text): read it, and follow it too. */
      label = gtk_widget_get_tooltip_text (widget);
      if (label == NULL)
        label = _ ("Show or Hide the Text");
      if (g_object_get_data (G_OBJECT (widget), WATCHED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), WATCHED_KEY, GINT_TO_POINTER (TRUE));
          g_signal_connect_after (widget, "notify::tooltip-text", G_CALLBACK (tooltip_changed_cb), NULL);
        }
    }
  else if (GTK_IS_BUTTON (widget) && parent != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget") == 0
           && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    label = _ ("Dismiss");
  else if (GTK_IS_POPOVER_MENU (widget) && GTK_IS_MENU_BUTTON (parent))
    {
      menu_name = dup_visible_text (parent);
      if (menu_name == NULL || *menu_name == '\0')
        {
          g_free (menu_name);
          menu_name = g_strdup (gtk_widget_get_tooltip_text (parent));
        }
      label = menu_name;
    }

  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
fix_parts (GtkWidget *widget)
{
  name_inner_parts (widget);
  if (GTK_IS_STACK (widget))
    name_stack_pages (GTK_STACK (widget));
}

static void
fix_tree (GtkWidget *widget)
{
  fix_parts (widget);
  if (is_named_control (widget))
    fix_and_watch (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  /* AT-SPI lists a window's hidden parts too (a stack's other pages, a
   * revealer that is closed), so a window is fixed whole when it shows;
   * what is added to it later is fixed as it shows itself. */
  if (GTK_IS_ROOT (widget))
    fix_tree (widget);
  else
    {
      fix_parts (widget);
      if (is_named_control (widget))
        fix_and_watch (widget);
    }
  return TRUE; /* stay installed */
}

void
steward_accessible_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The class holds the signal: referenced (for good) before the lookup. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint    map_signal = g_signal_lookup ("map", G_TYPE_FROM_CLASS (widget_class));

      g_signal_add_emission_hook (map_signal, 0, widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
