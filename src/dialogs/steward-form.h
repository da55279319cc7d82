/* steward-form.h
 *
 * What every form dialog does alike: mark the row a refusal concerns and
 * say why under the form, clear that again, and show that a request is
 * in flight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message in @error_label; marks @row (may be NULL) with the
 * "error" style and moves the focus there, so the person lands where the
 * fix goes. */
void steward_form_show_error (GtkLabel   *error_label,
                              GtkWidget  *row,
                              const char *message);

/* Hides @error_label and takes the "error" style off the NULL-terminated
 * rows. */
void steward_form_clear_errors (GtkLabel  *error_label,
                                GtkWidget *first_row,
                                ...) G_GNUC_NULL_TERMINATED;

void steward_form_set_busy (GtkSpinner *spinner,
                            gboolean    busy);

G_END_DECLS
