/* steward-cli-export.c
 *
 * users export --format csv|json [the list filters] [-o FILE] and
 * access-review --format csv|json [--include-disabled] [-o FILE]: the
 * users streamed a page at a time (steward-user-export.h) into FILE,
 * replaced atomically when complete, or to standard output for "-o -" or
 * no -o at all. Memory stays at one page whatever the directory's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-output.h"
#include "steward-cli-users-private.h"
#include "steward-user-export.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

typedef struct
{
  StewardCli             *cli;
  StewardUserQuery       *query;
  StewardUserExportShape  shape;
  StewardUserExportFormat format;
  char                   *output; /* NULL: standard output */
  GOutputStream          *stream;
  GStrv                   columns;
} Export;

static void
export_free (Export *export)
{
  steward_user_query_free (export->query);
  g_free (export->output);
  g_clear_object (&export->stream);
  g_strfreev (export->columns);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr (GError) error = NULL;
  guint64 written = steward_user_export_finish (result, &error);

  if (error != NULL)
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();

      /* A replacement closed while cancelled leaves the old file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (export->stream, abandon, NULL);
      steward_cli_fail (export->cli, error);
      return;
    }

  if (!g_output_stream_close (export->stream, NULL, &error))
    {
      steward_cli_fail (export->cli, error);
      return;
    }
  if (export->output != NULL)
    {
      g_autofree char *count = steward_cli_format_count (written);

      /* Translators: "Wrote 1,320 users to users.csv." */
      g_printerr (_ ("Wrote %s users to %s.\n"), count, export->output);
    }
  steward_cli_finish (export->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
start_export (Export *export)
{
  steward_user_export_async (export->cli->client, export->query, export->shape, export->format,
                             (const char *const *) export->columns, export->stream, export->cli->cancellable,
                             exported_cb, export);
}

static void
permissions_listed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr (GListModel) catalogue = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;

  catalogue = steward_client_list_permissions_finish (STEWARD_CLIENT (source), result, &error);
  if (catalogue == NULL)
    {
      steward_cli_fail (export->cli, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (catalogue, i);

      g_strv_builder_add (builder, steward_permission_info_get_name (info));
    }
  export->columns = g_strv_builder_end (builder);
  start_export (export);
}

static void
export_connected (gpointer command)
{
  Export *export = command;
  g_autoptr (GError) error = NULL;

  if (export->output != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (export->output);

      export->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error));
      if (export->stream == NULL)
        {
          steward_cli_fail (export->cli, error);
          return;
        }
    }
  else
    export->stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (export->shape == STEWARD_USER_EXPORT_ACCESS_REVIEW)
    steward_client_list_permissions_async (export->cli->client, export->cli->cancellable, permissions_listed_cb, export);
  else
    start_export (export);
}

/* --format and -o, common to both commands. */
static gboolean
finish_options (Export *export,
                const char *format,
                char       *output)
{
  if (g_strcmp0 (format, "csv") == 0)
    export->format = STEWARD_USER_EXPORT_CSV;
  else if (g_strcmp0 (format, "json") == 0)
    export->format = STEWARD_USER_EXPORT_JSON;
  else
    {
      steward_cli_usage_error (export->cli, _ ("--format takes csv or json"));
      return FALSE;
    }
  if (output != NULL && !g_str_equal (output, "-"))
    export->output = g_strdup (output);
  return TRUE;
}

void
steward_cli_users_export (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr (Export) export = g_new0 (Export, 1);
  g_autofree char   *format = NULL;
  g_autofree char   *output = NULL;
  g_autofree char   *search = NULL;
  g_autofree char   *permission = NULL;
  g_autofree char   *sort = NULL;
  gboolean           include_disabled = FALSE;
  gboolean           disabled_only = FALSE;
  gboolean           descending = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("csv or json"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to FILE (replaced when complete; - for standard output)"), N_ ("FILE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only users whose name, e-mail or userid contains TEXT"), N_ ("TEXT") },
    { "include-disabled", 0, 0, G_OPTION_ARG_NONE, &include_disabled, N_ ("Include Disabled Accounts"), NULL },
    { "disabled-only", 0, 0, G_OPTION_ARG_NONE, &disabled_only, N_ ("Only disabled accounts (a steward-server extension)"), NULL },
    { "permission", 0, 0, G_OPTION_ARG_STRING, &permission, N_ ("Only users who hold permission P"), N_ ("P") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_ ("Sort by name, email, iamid, createdAt, lastLogin or username"), N_ ("FIELD") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_ ("Sort in descending order"), NULL },
    G_OPTION_ENTRY_NULL
  };

  export->cli = cli;
  export->shape = STEWARD_USER_EXPORT_LISTING;
  export->query = steward_user_query_new ();
  if (!steward_cli_parse_options (cli, "users export", NULL, N_ ("Export the users a listing shows, every page, as CSV or JSON."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "users export", argc - 1, 0, 0) || !finish_options (export, format, output))
    return;

  export->query->include_disabled = include_disabled;
  export->query->disabled_only = disabled_only;
  if (search != NULL && *search != '\0')
    export->query->search_text = g_steal_pointer (&search);
  if (permission != NULL)
    {
      const char *const names[] = { permission, NULL };

      if (!steward_cli_check_permissions (cli, names))
        return;
      export->query->permission = g_steal_pointer (&permission);
    }
  if (sort != NULL && !steward_cli_parse_sort_field (sort, &export->query->sort_field))
    {
      steward_cli_usage_error (cli, _ ("--sort takes name, email, iamid, createdAt, lastLogin or username, not “%s”"), sort);
      return;
    }
  export->query->sort_order = descending ? STEWARD_SORT_DESCENDING : STEWARD_SORT_ASCENDING;

  steward_cli_connect_then (cli, g_steal_pointer (&export), (GDestroyNotify) export_free, export_connected);
}

void
steward_cli_access_review_command (StewardCli *cli,
                                   int         argc,
                                   char      **argv)
{
  g_autoptr (Export) export = g_new0 (Export, 1);
  g_autofree char   *format = NULL;
  g_autofree char   *output = NULL;
  gboolean           include_disabled = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("csv or json"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to FILE (replaced when complete; - for standard output)"), N_ ("FILE") },
    { "include-disabled", 0, 0, G_OPTION_ARG_NONE, &include_disabled, N_ ("Include Disabled Accounts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  export->cli = cli;
  export->shape = STEWARD_USER_EXPORT_ACCESS_REVIEW;
  export->query = steward_user_query_new ();
  if (!steward_cli_parse_options (cli, "access-review", NULL, N_ ("One row per user with a column per permission, for auditors."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "access-review", argc - 1, 0, 0) || !finish_options (export, format, output))
    return;
  export->query->include_disabled = include_disabled;

  steward_cli_connect_then (cli, g_steal_pointer (&export), (GDestroyNotify) export_free, export_connected);
}
