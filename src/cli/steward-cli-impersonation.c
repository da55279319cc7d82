/* steward-cli-impersonation.c
 *
 * "impersonation-sql --iamid IAM --userid USERID [--template TEMPLATE]":
 * the statements an operator runs in a query-engine connection to act as
 * another user. Needs no server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-cli-sql.h"

#include <glib/gi18n-lib.h>

/* {"statements": ["SET …;", …]}, one string per line of @sql. */
static JsonNode *
statements_json (const char *sql)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_auto (GStrv) lines = g_strsplit (sql, "\n", -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        json_builder_add_string_value (builder, lines[i]);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
steward_cli_impersonation_command (StewardCli *cli,
                                   int         argc,
                                   char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iamid = NULL;
  g_autofree char *userid = NULL;
  g_autofree char *template = NULL;
  g_autofree char   *sql = NULL;
  const GOptionEntry entries[] = {
    { "iamid", 0, 0, G_OPTION_ARG_STRING, &iamid, N_ ("The IAM of the user to act as (case-sensitive)"), N_ ("IAM") },
    { "userid", 0, 0, G_OPTION_ARG_STRING, &userid, N_ ("The userid of the user to act as (case-sensitive)"), N_ ("USERID") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template, N_ ("A userid template containing {userid}, e.g. {userid}@example.com"), N_ ("TEMPLATE") },
    G_OPTION_ENTRY_NULL
  };

  if (!steward_cli_parse_options (cli, "impersonation-sql", NULL,
                                  N_ ("Print the SQL that makes a query-engine connection act as another user."),
                                  entries, &argc, &argv)
      || !steward_cli_expect_arguments (cli, "impersonation-sql", argc - 1, 0, 0) || !steward_cli_require_option (cli, "--iamid", iamid) || !steward_cli_require_option (cli, "--userid", userid))
    return;

  sql = steward_cli_impersonation_sql (iamid, userid, template, &error);
  if (sql == NULL)
    {
      steward_cli_fail (cli, error);
      return;
    }

  if (cli->json)
    {
      g_autoptr (JsonNode) node = statements_json (sql);

      steward_cli_json_print (node);
    }
  else
    steward_cli_print (sql);

  steward_cli_finish (cli, STEWARD_CLI_EXIT_SUCCESS);
}
