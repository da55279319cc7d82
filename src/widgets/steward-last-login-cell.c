/* steward-last-login-cell.c
 *
 * Built in C rather than from a GtkBuilder template so that the full
 * timestamp can be a tooltip composed only when it is asked for. A
 * "tooltip-text" binding sets the text each time a row is bound to a user,
 * and GTK then looks for the pointer: a round trip to the display server
 * per row, which was over a third of the time to show the first page of
 * the directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-last-login-cell.h"

#include "steward-directory-view.h"
#include "steward-format.h"
#include "steward-user.h"

/* The user a cell's label shows, kept on the label for its tooltip. */
#define CELL_USER_KEY "steward-last-login-user"

static StewardUser *
cell_user (GtkLabel *label)
{
  return g_object_get_data (G_OBJECT (label), CELL_USER_KEY);
}

static char *
full_text (StewardUser *user)
{
  /* A placeholder (no userid yet) has nothing to tell. */
  if (user == NULL || steward_user_get_userid (user) == NULL || steward_user_get_last_login (user) == NULL)
    return NULL;
  return steward_format_date_time_full (steward_user_get_last_login (user));
}

static void
show_user (GtkLabel *label)
{
  StewardUser     *user = cell_user (label);
  g_autofree char *text = NULL;
  g_autofree char *full = full_text (user);
  gboolean         disabled = user != NULL && steward_user_get_disabled (user);
  g_auto (GStrv) classes = NULL;

  if (user != NULL && steward_user_get_userid (user) != NULL)
    text = steward_format_date_time (steward_user_get_last_login (user));
  gtk_label_set_text (label, text != NULL ? text : "");

  /* Styled like the rest of the row. */
  classes = steward_directory_view_row_css_classes (disabled);
  gtk_widget_set_css_classes (GTK_WIDGET (label), (const char **) classes);

  /* What the tooltip would show, for a screen reader, as GTK does for a
   * tooltip set as text. */
  if (full != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
user_notify_cb (StewardUser *user,
                GParamSpec  *pspec,
                GtkLabel    *label)
{
  /* Placeholders are filled in place when their page arrives. */
  if (g_str_equal (pspec->name, "last-login") || g_str_equal (pspec->name, "userid") || g_str_equal (pspec->name, "disabled"))
    show_user (label);
}

static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard_tooltip,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = steward_last_login_cell_dup_tooltip_text (label);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Set once; query_tooltip_cb decides, per query, whether there is one. */
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkLabel    *label = GTK_LABEL (gtk_list_item_get_child (item));
  StewardUser *user = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (label), CELL_USER_KEY, g_object_ref (user), g_object_unref);
  g_signal_connect_object (user, "notify", G_CALLBACK (user_notify_cb), label, G_CONNECT_DEFAULT);
  show_user (label);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkLabel    *label = GTK_LABEL (gtk_list_item_get_child (item));
  StewardUser *user = cell_user (label);

  if (user != NULL)
    g_signal_handlers_disconnect_by_func (user, user_notify_cb, label);
  g_object_set_data (G_OBJECT (label), CELL_USER_KEY, NULL);
}

GtkListItemFactory *
steward_last_login_cell_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}

char *
steward_last_login_cell_dup_tooltip_text (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  return full_text (cell_user (label));
}
