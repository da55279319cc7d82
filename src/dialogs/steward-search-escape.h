/* steward-search-escape.h
 *
 * Escape in a dialog's search entry: the entry takes the key for itself
 * (its "stop-search"), so the dialog's own Escape binding never sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes Escape in @entry clear it when it holds text, and close @dialog
 * when it is empty, as Escape does anywhere else in the dialog. */
void steward_search_escape_closes (GtkSearchEntry *entry,
                                   GtkWindow      *dialog);

G_END_DECLS
