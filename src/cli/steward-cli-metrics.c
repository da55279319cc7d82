/* steward-cli-metrics.c
 *
 * "metrics --days N [--output FILE [--force]]": Download Metrics (route
 * 15, or the client's fallback). The document is saved or printed exactly
 * as the server sent it; people without --json get a summary instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-output.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define DAYS_MAX 365

static const char *const workflow_labels[STEWARD_METRICS_N_WORKFLOWS] = {
  [STEWARD_METRICS_WORKFLOW_USER_CREATED] = N_ ("Users created"),
  [STEWARD_METRICS_WORKFLOW_USER_DISABLED] = N_ ("Users disabled"),
  [STEWARD_METRICS_WORKFLOW_USER_ENABLED] = N_ ("Users enabled"),
  [STEWARD_METRICS_WORKFLOW_USER_DELETED] = N_ ("Users deleted"),
  [STEWARD_METRICS_WORKFLOW_USER_MIGRATED] = N_ ("Users migrated"),
  [STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED] = N_ ("Permissions granted"),
  [STEWARD_METRICS_WORKFLOW_PERMISSION_REMOVED] = N_ ("Permissions removed"),
  [STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED] = N_ ("API key sign-ins"),
};

typedef struct
{
  StewardCli *cli;
  guint       days;
  char       *output; /* NULL: stdout */
  gboolean    force;
} Metrics;

static void
metrics_free (Metrics *metrics)
{
  g_free (metrics->output);
  g_free (metrics);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Metrics, metrics_free)

/* Checked before asking the server, so a mistake costs no request, and
 * again before writing, in case the file appeared meanwhile. */
static gboolean
may_write (Metrics *metrics)
{
  if (metrics->force || !g_file_test (metrics->output, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return TRUE;

  steward_cli_usage_error (metrics->cli, _ ("%s exists already; add --force to replace it"), metrics->output);
  return FALSE;
}

static char *
describe_metrics (StewardMetrics *document)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (2);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *users = steward_cli_format_count (steward_metrics_get_total_users (document));
  g_autofree char *active = steward_cli_format_count (steward_metrics_get_active_users (document));
  g_autofree char *disabled = steward_cli_format_count (steward_metrics_get_disabled_users (document));
  g_autofree char *rows = NULL;
  g_autofree char *note = NULL;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Metrics of %u day, %s to %s\n", "Metrics of %u days, %s to %s\n", steward_metrics_get_days (document)),
                          steward_metrics_get_days (document),
                          steward_metrics_get_from (document) != NULL ? steward_metrics_get_from (document) : "?",
                          steward_metrics_get_to (document) != NULL ? steward_metrics_get_to (document) : "?");
  g_string_append_printf (text, _ ("Users: %s (%s active, %s disabled)\n"), users, active, disabled);

  /* The fallback built from route 4 says what it could not count. */
  note = steward_cli_sanitize (steward_metrics_get_note (document));
  if (*note != '\0')
    g_string_append_printf (text, "%s\n", note);

  steward_cli_table_set_align (table, 1, STEWARD_CLI_ALIGN_RIGHT);
  for (guint i = 0; i < STEWARD_METRICS_N_WORKFLOWS; i++)
    {
      g_autofree char *count = steward_cli_format_count (steward_metrics_get_workflow_total (document, i));

      steward_cli_table_add_row (table, _ (workflow_labels[i]), count);
    }

  rows = steward_cli_table_render (table);
  g_string_append (text, rows);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
save (Metrics        *metrics,
      StewardMetrics *document)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *saved = NULL;
  gsize            length = 0;

  if (!may_write (metrics))
    return;

  json = steward_metrics_to_json (document, &length);

  /* Written to a temporary file and renamed over FILE: a reader never sees
   * half a document, and a failure leaves any old FILE as it was. */
  if (!g_file_set_contents (metrics->output, json, (gssize) length, &error))
    {
      steward_cli_fail (metrics->cli, error);
      return;
    }

  if (!metrics->cli->json)
    {
      saved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved the metrics of %u day to %s\n", "Saved the metrics of %u days to %s\n",
                                            steward_metrics_get_days (document)),
                               steward_metrics_get_days (document), metrics->output);
      steward_cli_print (saved);
    }

  steward_cli_finish (metrics->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
show (Metrics        *metrics,
      StewardMetrics *document)
{
  g_autofree char *text = NULL;

  if (metrics->cli->json)
    {
      text = steward_metrics_to_json (document, NULL);
      steward_cli_print (text);
      if (!g_str_has_suffix (text, "\n"))
        steward_cli_print ("\n");
    }
  else
    {
      text = describe_metrics (document);
      steward_cli_print (text);
    }

  steward_cli_finish (metrics->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
metrics_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Metrics *metrics = user_data;
  g_autoptr (StewardMetrics) document = NULL;
  g_autoptr (GError) error = NULL;

  document = steward_client_get_metrics_finish (STEWARD_CLIENT (source), result, &error);
  if (document == NULL)
    {
      steward_cli_fail (metrics->cli, error);
      return;
    }

  if (metrics->output != NULL)
    save (metrics, document);
  else
    show (metrics, document);
}

static void
fetch_metrics (gpointer data)
{
  Metrics *metrics = data;

  steward_client_get_metrics_async (metrics->cli->client, metrics->days, metrics->cli->cancellable,
                                    metrics_fetched_cb, metrics);
}

void
steward_cli_metrics_command (StewardCli *cli,
                             int         argc,
                             char      **argv)
{
  g_autoptr (Metrics) metrics = g_new0 (Metrics, 1);
  int                days = 0;
  const GOptionEntry entries[] = {
    { "days", 'd', 0, G_OPTION_ARG_INT, &days, N_ ("Number of Days, 1 to 365"), N_ ("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &metrics->output, N_ ("Save the document in FILE instead of printing it"), N_ ("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &metrics->force, N_ ("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  metrics->cli = cli;

  if (!steward_cli_parse_options (cli, "metrics", NULL, N_ ("Download Metrics: anonymous usage counts per day."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "metrics", argc - 1, 0, 0))
    return;

  if (days == 0)
    {
      steward_cli_usage_error (cli, _ ("%s is required"), "--days");
      return;
    }

  if (!steward_cli_check_range (cli, "--days", days, 1, DAYS_MAX))
    return;
  metrics->days = (guint) days;

  if (metrics->output != NULL && *metrics->output == '\0')
    {
      steward_cli_usage_error (cli, _ ("%s is required"), "--output FILE");
      return;
    }

  if (metrics->force && metrics->output == NULL)
    {
      steward_cli_usage_error (cli, _ ("--force goes with --output FILE"));
      return;
    }

  if (metrics->output != NULL && !may_write (metrics))
    return;

  steward_cli_connect_then (cli, g_steal_pointer (&metrics), (GDestroyNotify) metrics_free, fetch_metrics);
}
