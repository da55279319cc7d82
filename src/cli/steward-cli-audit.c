/* steward-cli-audit.c
 *
 * "audit [--user USER] [--limit N]": the newest records of the audit log
 * (route 17), newest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-cli-pages.h"
#include "steward-cli-user-ref.h"

#include <glib/gi18n-lib.h>

/* The server's own page size: enough to see what just happened. */
#define DEFAULT_LIMIT 25

typedef struct
{
  StewardCli        *cli;
  StewardCliUserRef *user; /* NULL: everybody */
  StewardAuditQuery *query;
  guint              limit;
} Audit;

static void
audit_free (Audit *audit)
{
  steward_cli_user_ref_free (audit->user);
  g_clear_pointer (&audit->query, steward_audit_query_free);
  g_free (audit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Audit, audit_free)

static void
send_audit_page (StewardClient      *client,
                 gpointer            query,
                 guint               offset,
                 guint               size,
                 GCancellable       *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer            user_data)
{
  StewardAuditQuery *audit_query = query;

  audit_query->offset = offset;
  audit_query->size = size;
  steward_client_list_audit_async (client, audit_query, cancellable, callback, user_data);
}

static const StewardCliPageSource audit_pages = {
  send_audit_page,
  steward_client_list_audit_finish,
};

static char *
format_principal (const char *iamid,
                  const char *userid)
{
  if (iamid == NULL && userid == NULL)
    return NULL;

  return g_strdup_printf ("%s:%s", iamid != NULL ? iamid : "?", userid != NULL ? userid : "?");
}

static void
print_records (StewardCli *cli,
               GListModel *records,
               guint64     total)
{
  g_autoptr (StewardCliTable) table = NULL;
  g_autofree char *total_line = NULL;
  guint            shown = g_list_model_get_n_items (records);

  if (cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_audit_list (records, total);

      steward_cli_json_print (node);
      return;
    }

  table = steward_cli_table_new (5);
  steward_cli_table_set_header (table, _ ("TIME"), _ ("RECORD"), _ ("ACTOR"), _ ("TARGET"), _ ("RESULT"));
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (StewardAuditRecord) record = g_list_model_get_item (records, i);
      g_autofree char *time = steward_cli_format_time (steward_audit_record_get_date_time (record));
      g_autofree char *actor = format_principal (steward_audit_record_get_actor_iamid (record),
                                                 steward_audit_record_get_actor_userid (record));
      g_autofree char *target = format_principal (steward_audit_record_get_target_iamid (record),
                                                  steward_audit_record_get_target_userid (record));

      steward_cli_table_add_row (table, time, steward_audit_record_get_record_type (record), actor, target,
                                 steward_audit_record_get_success (record) ? _ ("success") : _ ("failure"));
    }

  if (shown > 0)
    {
      g_autofree char *text = steward_cli_table_render (table);

      steward_cli_print (text);
    }

  total_line = steward_cli_format_list_total (STEWARD_CLI_LIST_RECORDS, shown, total);
  steward_cli_print (total_line);
}

static void
fetch_records (Audit *audit)
{
  steward_cli_list_pages (audit->cli, &audit_pages, audit->query, STEWARD_TYPE_AUDIT_RECORD, audit->limit,
                          print_records);
}

static void
user_found_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Audit *audit = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_cli_resolve_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    {
      steward_cli_fail (audit->cli, error);
      return;
    }

  audit->query->userid = g_strdup (steward_user_get_userid (user));
  fetch_records (audit);
}

static void
audit_connected (gpointer data)
{
  Audit *audit = data;

  /* Route 17 filters by userid alone. Only an id needs looking up; a
   * userid is used as given, so the history of a deleted user can still
   * be read. */
  if (audit->user != NULL && audit->user->id > 0)
    {
      steward_cli_resolve_user_async (audit->cli->client, audit->user, audit->cli->cancellable,
                                      user_found_cb, audit);
      return;
    }

  if (audit->user != NULL)
    audit->query->userid = g_strdup (audit->user->userid);

  fetch_records (audit);
}

void
steward_cli_audit_command (StewardCli *cli,
                           int         argc,
                           char      **argv)
{
  g_autoptr (Audit) audit = g_new0 (Audit, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char   *user = NULL;
  int                limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_ ("Only records by or about USER"), N_ ("USER") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("Show the N newest records (default 25)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!steward_cli_parse_options (cli, "audit", NULL, N_ ("Show the newest records of the audit log."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "audit", argc - 1, 0, 0) || !steward_cli_check_range (cli, "--limit", limit, 1, G_MAXINT))
    return;

  audit->cli = cli;
  audit->limit = (guint) limit;
  audit->query = steward_audit_query_new ();

  if (user != NULL)
    {
      audit->user = steward_cli_user_ref_parse (user, &error);
      if (audit->user == NULL)
        {
          steward_cli_usage_error (cli, "%s", error->message);
          return;
        }
    }

  steward_cli_connect_then (cli, g_steal_pointer (&audit), (GDestroyNotify) audit_free, audit_connected);
}
