/* steward-last-login-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Cells of the directory's Last Login column: the short form of each
 * user's last sign-in, the full timestamp with its zone as the tooltip and
 * the accessible description. */
GtkListItemFactory *steward_last_login_cell_factory_new (void);

/* The tooltip a cell of the column shows for @label, %NULL when none. */
char *steward_last_login_cell_dup_tooltip_text (GtkLabel *label);

G_END_DECLS
