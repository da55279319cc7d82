/* steward-search-escape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-search-escape.h"

static void
stop_search_cb (GtkSearchEntry *entry,
                GtkWindow      *dialog)
{
  /* The first Escape undoes the search, the next leaves: a person who
   * typed a filter by mistake does not lose the dialog with it. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_window_close (dialog);
}

void
steward_search_escape_closes (GtkSearchEntry *entry,
                              GtkWindow      *dialog)
{
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  /* The entry is the dialog's child: it never outlives the dialog. */
  g_signal_connect (entry, "stop-search", G_CALLBACK (stop_search_cb), dialog);
}
