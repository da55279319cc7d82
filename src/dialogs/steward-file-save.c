/* steward-file-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-file-save.h"

#include <glib/gi18n-lib.h>

static void
replaced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
steward_file_save_bytes_async (GFile              *file,
                               GBytes             *bytes,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_file_save_bytes_async);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replaced_cb, g_steal_pointer (&task));
}

gboolean
steward_file_save_bytes_finish (GFile        *file,
                                GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  StewardFileChosenFunc chosen;
  gpointer              user_data;
} Choice;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    choice->chosen (file, choice->user_data);
}

static GtkFileChooserNative *
choose (GtkWindow            *parent,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept_label,
        StewardFileChosenFunc chosen,
        gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  Choice               *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  choice->user_data = user_data;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (response_cb), choice, (GClosureNotify) (void (*) (void)) g_free, 0);
  return chooser;
}

GtkFileChooserNative *
steward_file_save_choose (GtkWindow            *parent,
                          const char           *title,
                          const char           *suggested_name,
                          StewardFileChosenFunc chosen,
                          gpointer              user_data)
{
  GtkFileChooserNative *chooser = choose (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), chosen, user_data);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}

GtkFileChooserNative *
steward_file_open_choose (GtkWindow            *parent,
                          const char           *title,
                          GtkFileFilter        *filter,
                          StewardFileChosenFunc chosen,
                          gpointer              user_data)
{
  GtkFileChooserNative *chooser = choose (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), chosen, user_data);

  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}

void
steward_file_save_dismiss (GtkFileChooserNative **chooser)
{
  if (*chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}
