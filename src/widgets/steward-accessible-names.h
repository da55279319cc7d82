/* steward-accessible-names.h
 *
 * What a screen reader hears equals what a person reads. GTK 4.8 gives a
 * button with a mnemonic label (use-underline) two names at once: its
 * "label" property holds the raw text, underscore included, and the
 * label inside makes the button "labelled-by" itself; AT-SPI joins both,
 * so "_Start Local Server" is read as "_Start Local Server Start Local
 * Server". The same happens to check buttons, menu buttons and the
 * response buttons of libadwaita's message dialogs, wherever they come
 * from (our .ui files, libadwaita's own widgets).
 *
 * One process-wide fix rather than one per widget: installed once, it
 * watches every widget as it is mapped and, for a control that shows a
 * label, sets its accessible label to that text as shown (underscore
 * gone) and drops the duplicate relation, again whenever the control's
 * label changes. A label the application set beside visible text would
 * be joined to it the same way ("Clear Selection Clear"), so the visible
 * text wins there too. Icon-only controls keep the name the application
 * gave them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Safe to call more than once; after gtk_init(). */
void steward_accessible_names_install (void);

/* The name fix for one widget, as the installed hook applies it on map. */
void steward_accessible_names_fix (GtkWidget *widget);

G_END_DECLS
