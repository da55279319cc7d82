/* steward-cli-journal.c
 *
 * "journal [--since DATE] [--server NAME] [--kind KIND] [--result RESULT]
 * [--search TEXT] [--limit N] [--keep-days N] [--format table|csv|json]":
 * the changes made from this computer, newest first, from the local
 * change journal. It needs no server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-journal.h"
#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-journal-export.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#define RETENTION_KEY "journal-retention-days"

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

typedef struct
{
  StewardCli           *cli;
  StewardJournal       *journal;
  StewardJournalFilter *filter;
  Format                format;
} Journal;

static void
journal_free (Journal *journal)
{
  g_clear_object (&journal->journal);
  steward_journal_filter_free (journal->filter);
  g_free (journal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journal, journal_free)

guint
steward_cli_journal_retention_days (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, RETENTION_KEY))
    return STEWARD_JOURNAL_DEFAULT_RETENTION_DAYS;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_uint (settings, RETENTION_KEY);
}

void
steward_cli_record_changes (StewardCli *cli,
                            const char *server_name)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (cli->client != NULL);

  if (cli->journal == NULL)
    {
      g_autofree char *path = steward_journal_default_path ();

      cli->journal = steward_journal_new (path, steward_cli_journal_retention_days ());
    }

  steward_client_set_recorder (cli->client, STEWARD_CHANGE_RECORDER (cli->journal), server_name);
}

/* "2026-11-27" (the start of that day, UTC) or a whole ISO-8601 time. */
static GDateTime *
parse_since (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  int  year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
    return g_date_time_new (utc, year, month, day, 0, 0, 0);

  return g_date_time_new_from_iso8601 (text, utc);
}

static void
print_table (GListModel *changes)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (8);
  g_autofree char *count = NULL;
  g_autofree char *total_line = NULL;
  guint            n_changes = g_list_model_get_n_items (changes);

  steward_cli_table_set_header (table, _ ("TIME"), _ ("SERVER"), _ ("BY"), _ ("CHANGE"), _ ("USER"),
                                _ ("BEFORE"), _ ("AFTER"), _ ("RESULT"));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr (StewardChange) change = g_list_model_get_item (changes, i);
      g_autofree char *time = steward_cli_format_time (steward_change_get_time (change));
      g_autofree char *user = g_strdup_printf ("%s:%s", steward_change_get_iamid (change), steward_change_get_userid (change));
      g_autofree char *what = NULL;
      g_autofree char *before = steward_change_describe_before (change);
      g_autofree char *after = steward_change_describe_after (change);
      const char      *kind = steward_change_kind_get_label (steward_change_get_kind (change));
      const char      *detail = steward_change_get_detail (change);

      what = detail != NULL ? g_strdup_printf ("%s %s", kind, detail) : g_strdup (kind);
      steward_cli_table_add_row (table, time, steward_change_get_server (change), steward_change_get_actor (change),
                                 what, user, before, after,
                                 steward_change_result_get_label (steward_change_get_result (change)));
    }

  if (n_changes > 0)
    {
      g_autofree char *text = steward_cli_table_render (table);

      steward_cli_print (text);
    }

  count = steward_cli_format_count (n_changes);
  total_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change\n", "%s changes\n", n_changes), count);
  steward_cli_print (total_line);
}

static void
changes_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Journal *journal = user_data;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GError) error = NULL;

  changes = steward_journal_query_finish (STEWARD_JOURNAL (source), result, &error);
  if (changes == NULL)
    {
      steward_cli_fail (journal->cli, error);
      return;
    }

  if (journal->format == FORMAT_TABLE)
    {
      print_table (changes);
    }
  else
    {
      g_autoptr (GBytes) document = steward_journal_export (changes, journal->format == FORMAT_CSV ? STEWARD_JOURNAL_FORMAT_CSV : STEWARD_JOURNAL_FORMAT_JSON);
      g_autofree char *text = g_strndup (g_bytes_get_data (document, NULL), g_bytes_get_size (document));

      steward_cli_print (text);
      if (journal->format == FORMAT_JSON)
        steward_cli_print ("\n");
    }

  steward_cli_finish (journal->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static gboolean
parse_format (const char *text,
              Format     *format)
{
  static const char *const names[] = { "table", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *format = (Format) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
steward_cli_journal_command (StewardCli *cli,
                             int         argc,
                             char      **argv)
{
  g_autoptr (Journal) journal = g_new0 (Journal, 1);
  g_autofree char    *since = NULL;
  g_autofree char    *server = NULL;
  g_autofree char    *kind = NULL;
  g_autofree char    *result = NULL;
  g_autofree char    *search = NULL;
  g_autofree char    *format = NULL;
  g_autofree char    *path = NULL;
  int                 limit = 0;
  int                 keep_days = -1;
  StewardChangeKind   change_kind;
  StewardChangeResult change_result;
  const GOptionEntry  entries[] = {
     { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_ ("Only changes made on or after DATE (2026-11-27, or an ISO-8601 time)"), N_ ("DATE") },
     { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_ ("Only changes sent to the server (profile) NAME"), N_ ("NAME") },
     { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("Only changes of KIND: create, grant, remove, set-permissions, disable, enable, migrate, delete, update-profile"), N_ ("KIND") },
     { "result", 0, 0, G_OPTION_ARG_STRING, &result, N_ ("Only changes that are done, failed or unfinished"), N_ ("RESULT") },
     { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only changes mentioning TEXT (user, person, detail, answer)"), N_ ("TEXT") },
     { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("Show the N newest changes only"), N_ ("N") },
     { "keep-days", 0, 0, G_OPTION_ARG_INT, &keep_days, N_ ("Remove changes older than N days first (default: the application’s setting; 0 keeps all)"), N_ ("N") },
     { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("Print a table, csv or json (default: table; --json is json)"), N_ ("FORMAT") },
     G_OPTION_ENTRY_NULL
  };

  if (!steward_cli_parse_options (cli, "journal", NULL, N_ ("Show the changes made from this computer, newest first."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "journal", argc - 1, 0, 0))
    return;

  if ((limit != 0 && !steward_cli_check_range (cli, "--limit", limit, 1, G_MAXINT)) || (keep_days != -1 && !steward_cli_check_range (cli, "--keep-days", keep_days, 0, 36500)))
    return;

  journal->cli = cli;
  journal->filter = steward_journal_filter_new ();
  journal->filter->server = g_steal_pointer (&server);
  journal->filter->text = g_steal_pointer (&search);
  journal->filter->limit = (guint) limit;
  journal->format = cli->json ? FORMAT_JSON : FORMAT_TABLE;

  if (format != NULL && !parse_format (format, &journal->format))
    {
      steward_cli_usage_error (cli, _ ("--format takes table, csv or json, not “%s”"), format);
      return;
    }

  if (since != NULL && (journal->filter->since = parse_since (since)) == NULL)
    {
      steward_cli_usage_error (cli, _ ("--since takes a date such as 2026-11-27 or a time such as 2026-11-27T16:27:33Z, not “%s”"), since);
      return;
    }

  if (kind != NULL)
    {
      if (!steward_change_kind_from_string (kind, &change_kind))
        {
          steward_cli_usage_error (cli, _ ("--kind takes create, grant, remove, set-permissions, disable, enable, migrate, delete or update-profile, not “%s”"), kind);
          return;
        }
      journal->filter->kind = (int) change_kind;
    }

  if (result != NULL)
    {
      if (!steward_change_result_from_string (result, &change_result))
        {
          steward_cli_usage_error (cli, _ ("--result takes done, failed or unfinished, not “%s”"), result);
          return;
        }
      journal->filter->result = (int) change_result;
    }

  path = steward_journal_default_path ();
  journal->journal = steward_journal_new (path, keep_days >= 0 ? (guint) keep_days : steward_cli_journal_retention_days ());

  steward_journal_query_async (journal->journal, journal->filter, cli->cancellable, changes_read_cb, journal);
  steward_cli_keep_command (cli, g_steal_pointer (&journal), (GDestroyNotify) journal_free);
}
