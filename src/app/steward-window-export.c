/* steward-window-export.c
 *
 * Export… and Export Access Review: what the directory shows (its search,
 * filters and order, across all pages) written to a file the person
 * picks, streamed page by page by steward_user_export_async(). The file is
 * written through g_file_replace(), so it is replaced only once complete.
 * A name ending in ".json" gets JSON, anything else CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include "steward-file-save.h"
#include "steward-user-export.h"

#include <glib/gi18n.h>

typedef struct
{
  StewardWindow          *window;
  GFile                  *file;
  StewardUserQuery       *query;
  GStrv                   columns;
  StewardUserExportShape  shape;
  StewardUserExportFormat format;
  GFileOutputStream      *stream;
  guint64                 n_users;
  GError                 *error;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_pointer (&job->query, steward_user_query_free);
  g_clear_pointer (&job->columns, g_strfreev);
  g_clear_object (&job->stream);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static GStrv
permission_columns (StewardSession *session)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *permissions = steward_session_get_permissions (session);
  guint       n = permissions != NULL ? g_list_model_get_n_items (permissions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (permissions, i);

      g_strv_builder_add (builder, steward_permission_info_get_name (info));
    }
  return g_strv_builder_end (builder);
}

static void
report_failure (ExportJob    *job,
                const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  message = g_strdup_printf (_ ("Could not export: %s"), error->message);
  steward_window_add_toast (job->window, message);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
stream_closed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (ExportJob) job = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      report_failure (job, error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'lu user", "Exported %'lu users", job->n_users),
                             (gulong) job->n_users);
  steward_window_add_toast (job->window, message);
}

/* The export failed: the stream is closed with a cancelled cancellable,
 * which abandons the replacement and keeps the old file. */
static void
stream_abandoned_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (ExportJob) job = user_data;

  g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, NULL);
  report_failure (job, job->error);
}

static void
users_exported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (ExportJob) job = user_data;
  g_autoptr (GError) error = NULL;
  GOutputStream *stream = G_OUTPUT_STREAM (job->stream);

  job->n_users = steward_user_export_finish (result, &error);
  if (error != NULL)
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();

      job->error = g_steal_pointer (&error);
      g_cancellable_cancel (abandon);
      g_output_stream_close_async (stream, G_PRIORITY_DEFAULT, abandon, stream_abandoned_cb, g_steal_pointer (&job));
      return;
    }

  g_output_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, stream_closed_cb, g_steal_pointer (&job));
}

static void
file_replaced_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (ExportJob) job = user_data;
  g_autoptr (GError) error = NULL;
  StewardClient *client;

  job->stream = g_file_replace_finish (G_FILE (source), result, &error);
  if (job->stream == NULL)
    {
      report_failure (job, error);
      return;
    }

  client = job->window->session != NULL ? steward_session_get_client (job->window->session) : NULL;
  if (client == NULL)
    return;
  steward_user_export_async (client, job->query, job->shape, job->format,
                             job->shape == STEWARD_USER_EXPORT_ACCESS_REVIEW ? (const char *const *) job->columns : NULL,
                             G_OUTPUT_STREAM (job->stream), NULL, users_exported_cb, job);
  job = NULL;
}

static void
export_chosen_cb (GFile   *file,
                  gpointer user_data)
{
  StewardWindow *self = STEWARD_WINDOW (user_data);

  steward_window_export_to_file (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "steward-export-shape")), file);
}

static void
choose_export_file (StewardWindow         *self,
                    StewardUserExportShape shape)
{
  if (self->session == NULL || self->directory == NULL)
    return;

  steward_file_save_dismiss (&self->export_chooser);
  g_object_set_data (G_OBJECT (self), "steward-export-shape", GINT_TO_POINTER (shape));
  if (shape == STEWARD_USER_EXPORT_ACCESS_REVIEW)
    self->export_chooser = steward_file_save_choose (GTK_WINDOW (self), _ ("Export Access Review"), "access-review.csv", export_chosen_cb, self);
  else
    self->export_chooser = steward_file_save_choose (GTK_WINDOW (self), _ ("Export Users"), "users.csv", export_chosen_cb, self);
}

static void
export_users_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  choose_export_file (STEWARD_WINDOW (user_data), STEWARD_USER_EXPORT_LISTING);
}

static void
export_access_review_activated_cb (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  choose_export_file (STEWARD_WINDOW (user_data), STEWARD_USER_EXPORT_ACCESS_REVIEW);
}

/* ------------------------------------------------------------------ */
/* Private API                                                         */
/* ------------------------------------------------------------------ */

void
steward_window_add_export_actions (StewardWindow *self)
{
  static const GActionEntry actions[] = {
    { .name = "export-users", .activate = export_users_activated_cb },
    { .name = "export-access-review", .activate = export_access_review_activated_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

void
steward_window_export_to_file (StewardWindow         *self,
                               StewardUserExportShape shape,
                               GFile                 *file)
{
  g_autofree char *basename = NULL;
  ExportJob       *job;

  g_return_if_fail (STEWARD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || self->directory == NULL)
    return;

  basename = g_file_get_basename (file);
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->query = steward_user_directory_dup_query (self->directory);
  job->columns = permission_columns (self->session);
  job->shape = shape;
  job->format = basename != NULL && g_str_has_suffix (basename, ".json") ? STEWARD_USER_EXPORT_JSON : STEWARD_USER_EXPORT_CSV;

  g_file_replace_async (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT, NULL, file_replaced_cb, job);
}
