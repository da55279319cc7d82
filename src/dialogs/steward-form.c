/* steward-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-form.h"

void
steward_form_show_error (GtkLabel   *error_label,
                         GtkWidget  *row,
                         const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (error_label));

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  gtk_label_set_text (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
}

void
steward_form_clear_errors (GtkLabel  *error_label,
                           GtkWidget *first_row,
                           ...)
{
  va_list args;

  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  va_start (args, first_row);
  for (GtkWidget *row = first_row; row != NULL; row = va_arg (args, GtkWidget *))
    gtk_widget_remove_css_class (row, "error");
  va_end (args);
}

void
steward_form_set_busy (GtkSpinner *spinner,
                       gboolean    busy)
{
  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_spinner_set_spinning (spinner, busy);
}
