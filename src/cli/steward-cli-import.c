/* steward-cli-import.c
 *
 * users import FILE.csv [--dry-run]: every row of the file validated
 * (steward-user-import.h) and checked against the server, printed as a
 * table; then, without --dry-run, the valid rows created a few at a time
 * (steward-bulk-run.h) with each row's result. The exit status is 0 only
 * when every row was valid and created (or, with --dry-run, could be).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bulk-run.h"
#include "steward-cli-args.h"
#include "steward-cli-output.h"
#include "steward-cli-users-private.h"
#include "steward-user-import.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  StewardCli        *cli;
  char              *path;
  gboolean           dry_run;
  char              *contents;
  StewardUserImport *import;
  StewardBulkPlan   *plan;
  StewardBulkRun    *run;
} Import;

static void
import_free (Import *import)
{
  g_free (import->path);
  g_free (import->contents);
  g_clear_object (&import->import);
  g_clear_object (&import->plan);
  g_clear_object (&import->run);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static const char *
result_word (StewardBulkResult result)
{
  switch (result)
    {
      case STEWARD_BULK_RESULT_DONE:
        return _ ("created");
      case STEWARD_BULK_RESULT_ALREADY:
        return _ ("already so");
      case STEWARD_BULK_RESULT_FAILED:
        return _ ("failed");
      case STEWARD_BULK_RESULT_SKIPPED:
        return _ ("skipped");
      case STEWARD_BULK_RESULT_PENDING:
      default:
        return _ ("not sent");
    }
}

static StewardCliTable *
new_table (void)
{
  StewardCliTable *table = steward_cli_table_new (5);

  steward_cli_table_set_header (table, _ ("LINE"), _ ("NAME"), _ ("EMAIL"), _ ("PERMISSIONS"), _ ("RESULT"));
  return table;
}

static void
print_table (StewardCliTable *table)
{
  g_autofree char *text = steward_cli_table_render (table);

  steward_cli_print (text);
}

/* The preview: each row and what validation said. */
static void
print_rows (Import *import)
{
  g_autoptr (StewardCliTable) table = new_table ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (import->import));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardImportRow) row = g_list_model_get_item (G_LIST_MODEL (import->import), i);
      g_autofree char *line = g_strdup_printf ("%u", steward_import_row_get_line (row));
      g_autofree char *permissions = g_strjoinv (";", (char **) steward_import_row_get_permissions (row));
      const char      *message = steward_import_row_get_message (row);

      steward_cli_table_add_row (table, line, steward_import_row_get_name (row), steward_import_row_get_email (row),
                                 permissions, message != NULL ? message : _ ("valid"));
    }
  print_table (table);
}

static void
print_results (Import *import)
{
  g_autoptr (StewardCliTable) table = new_table ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (import->plan));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardBulkItem) item = g_list_model_get_item (G_LIST_MODEL (import->plan), i);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *permissions = g_strjoinv (";", (char **) steward_bulk_item_get_permissions (item));
      const char      *message = steward_bulk_item_get_message (item);
      g_autofree char *result = NULL;

      if (message != NULL)
        result = g_strdup_printf ("%s: %s", result_word (steward_bulk_item_get_result (item)), message);
      else
        result = g_strdup (result_word (steward_bulk_item_get_result (item)));
      steward_cli_table_add_row (table, position, steward_bulk_item_get_name (item), steward_bulk_item_get_email (item),
                                 permissions, result);
    }
  print_table (table);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr (GError) error = NULL;
  guint            n_created, n_rows, n_valid;
  g_autofree char *summary = NULL;

  if (!steward_bulk_run_apply_finish (STEWARD_BULK_RUN (source), result, &error))
    {
      print_results (import);
      steward_cli_fail (import->cli, error);
      return;
    }

  print_results (import);
  n_created = steward_bulk_plan_count (import->plan, STEWARD_BULK_RESULT_DONE);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (import->import));
  n_valid = steward_user_import_count (import->import, STEWARD_IMPORT_ROW_VALID);
  /* Translators: "Created 4 of 5 users." */
  summary = g_strdup_printf (_ ("Created %u of %u users."), n_created, n_rows);
  g_printerr ("%s\n", summary);
  steward_cli_finish (import->cli, n_created == n_rows && n_valid == n_rows ? STEWARD_CLI_EXIT_SUCCESS : STEWARD_CLI_EXIT_REFUSED);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr (GError) error = NULL;
  guint n_rows, n_valid;

  if (!steward_user_import_check_finish (STEWARD_USER_IMPORT (source), result, &error))
    {
      steward_cli_fail (import->cli, error);
      return;
    }

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (import->import));
  n_valid = steward_user_import_count (import->import, STEWARD_IMPORT_ROW_VALID);
  if (import->dry_run || n_valid == 0)
    {
      g_autofree char *summary = NULL;

      print_rows (import);
      /* Translators: "4 of 5 rows can be created; nothing was sent." */
      summary = g_strdup_printf (_ ("%u of %u rows can be created; nothing was sent."), n_valid, n_rows);
      g_printerr ("%s\n", summary);
      steward_cli_finish (import->cli, n_valid == n_rows ? STEWARD_CLI_EXIT_SUCCESS : STEWARD_CLI_EXIT_REFUSED);
      return;
    }

  if (n_valid < n_rows)
    print_rows (import);
  import->plan = steward_user_import_to_plan (import->import, NULL);
  import->run = steward_bulk_run_new (import->cli->client, import->plan);
  steward_bulk_run_apply_async (import->run, import->cli->cancellable, applied_cb, import);
}

static void
start_import (gpointer command)
{
  Import *import = command;

  steward_user_import_check_async (import->import, import->cli->client, import->cli->cancellable, checked_cb, import);
}

void
steward_cli_users_import (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr (Import) import = g_new0 (Import, 1);
  g_autoptr (GError) error = NULL;
  gsize              length;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &import->dry_run, N_ ("Validate every row against the file and the server; send nothing"), NULL },
    { NULL }
  };

  import->cli = cli;
  if (!steward_cli_parse_options (cli, "users import", N_ ("FILE.csv"),
                                  N_ ("Create users from a CSV file with the header name,email[,permissions] (permissions separated by ';')."),
                                  entries, &argc, &argv)
      || !steward_cli_expect_arguments (cli, "users import", argc - 1, 1, 1))
    return;

  import->path = g_strdup (argv[1]);
  if (!g_file_get_contents (import->path, &import->contents, &length, &error))
    {
      steward_cli_fail (cli, error);
      return;
    }
  import->import = steward_user_import_new_from_data (import->contents, length, &error);
  if (import->import == NULL)
    {
      g_prefix_error (&error, "%s: ", import->path);
      steward_cli_fail (cli, error);
      return;
    }

  steward_cli_connect_then (cli, g_steal_pointer (&import), (GDestroyNotify) import_free, start_import);
}
