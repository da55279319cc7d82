/* steward-file-save.h
 *
 * Saving a document the way every dialog here does: the person picks the
 * place in a file chooser (a portal inside Flatpak), and the bytes are
 * written beside the target and renamed over it, so there is never half
 * a file. Opening one is asked the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes @bytes to @file atomically; the GAsyncResult's source is @file. */
void     steward_file_save_bytes_async (GFile              *file,
                                        GBytes             *bytes,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean steward_file_save_bytes_finish (GFile        *file,
                                         GAsyncResult *result,
                                         GError      **error);

typedef void (*StewardFileChosenFunc) (GFile   *file,
                                       gpointer user_data);

/* Asks where to save, offering @suggested_name; calls @chosen with the
 * file, or not at all when the person cancels. Returns the chooser so the
 * caller can destroy it if it goes away first. */
GtkFileChooserNative *steward_file_save_choose (GtkWindow            *parent,
                                                const char           *title,
                                                const char           *suggested_name,
                                                StewardFileChosenFunc chosen,
                                                gpointer              user_data);

/* Asks which file to open, showing those @filter (may be NULL) lets
 * through; calls @chosen as above. */
GtkFileChooserNative *steward_file_open_choose (GtkWindow            *parent,
                                                const char           *title,
                                                GtkFileFilter        *filter,
                                                StewardFileChosenFunc chosen,
                                                gpointer              user_data);

/* Closes a chooser that is still open (its owner is going away or asks
 * again) and clears the pointer. */
void steward_file_save_dismiss (GtkFileChooserNative **chooser);

G_END_DECLS
