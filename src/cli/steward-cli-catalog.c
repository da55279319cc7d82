/* steward-cli-catalog.c
 *
 * What the server offers to choose from: "iams list" (route 3) and
 * "permissions list" (route 12, or the built-in catalogue without it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-permissions.h"

#include <glib/gi18n-lib.h>

/* Both commands need nothing but the run itself as their state. */
typedef struct
{
  StewardCli *cli;
} Catalog;

static Catalog *
catalog_new (StewardCli *cli)
{
  Catalog *catalog = g_new0 (Catalog, 1);

  catalog->cli = cli;

  return catalog;
}

static const char *
yes_no (gboolean value)
{
  return value ? _ ("yes") : _ ("no");
}

static void
print_table (StewardCliTable *table,
             const char      *total_line)
{
  g_autofree char *text = NULL;

  if (steward_cli_table_get_n_rows (table) > 0)
    {
      text = steward_cli_table_render (table);
      steward_cli_print (text);
    }

  steward_cli_print (total_line);
}

/* ------------------------------------------------------------ iams list */

static void
iams_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Catalog *catalog = user_data;
  g_autoptr (GListModel) iams = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardCliTable) table = NULL;
  g_autofree char *total_line = NULL;
  guint            n_iams;

  iams = steward_client_list_iams_finish (STEWARD_CLIENT (source), result, &error);
  if (iams == NULL)
    {
      steward_cli_fail (catalog->cli, error);
      return;
    }

  if (catalog->cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_iams (iams);

      steward_cli_json_print (node);
      steward_cli_finish (catalog->cli, STEWARD_CLI_EXIT_SUCCESS);
      return;
    }

  table = steward_cli_table_new (4);
  steward_cli_table_set_header (table, _ ("ID"), _ ("DISPLAY NAME"), _ ("TYPE"), _ ("OAUTH"));
  n_iams = g_list_model_get_n_items (iams);
  for (guint i = 0; i < n_iams; i++)
    {
      g_autoptr (StewardIam) iam = g_list_model_get_item (iams, i);

      steward_cli_table_add_row (table, steward_iam_get_id (iam), steward_iam_get_display_name (iam),
                                 steward_iam_get_iam_type (iam), yes_no (steward_iam_get_oauth (iam)));
    }

  total_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u identity manager\n", "%u identity managers\n", n_iams), n_iams);
  print_table (table, total_line);
  steward_cli_finish (catalog->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
list_iams (gpointer data)
{
  Catalog *catalog = data;

  steward_client_list_iams_async (catalog->cli->client, catalog->cli->cancellable, iams_listed_cb, catalog);
}

static void
iams_list (StewardCli *cli,
           int         argc,
           char      **argv)
{
  if (!steward_cli_parse_options (cli, "iams list", NULL, N_ ("List the identity managers (IAMs) of the server."), NULL, &argc, &argv) || !steward_cli_expect_arguments (cli, "iams list", argc - 1, 0, 0))
    return;

  steward_cli_connect_then (cli, catalog_new (cli), g_free, list_iams);
}

static const StewardCliVerb iams_verbs[] = {
  { "list", iams_list },
};

void
steward_cli_iams_command (StewardCli *cli,
                          int         argc,
                          char      **argv)
{
  steward_cli_dispatch_verb (cli, "iams", iams_verbs, G_N_ELEMENTS (iams_verbs), argc, argv);
}

/* ----------------------------------------------------- permissions list */

/* Built-in permissions are described in the person's language; custom ones
 * only have the server's words. */
static const char *
describe_permission (StewardPermissionInfo *info)
{
  const char *builtin = steward_builtin_permission_description (steward_permission_info_get_name (info));

  if (steward_permission_info_get_builtin (info) && builtin != NULL)
    return _ (builtin);

  return steward_permission_info_get_description (info);
}

static void
permissions_listed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Catalog *catalog = user_data;
  g_autoptr (GListModel) permissions = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardCliTable) table = NULL;
  g_autofree char *total_line = NULL;
  guint            n_permissions;

  permissions = steward_client_list_permissions_finish (STEWARD_CLIENT (source), result, &error);
  if (permissions == NULL)
    {
      steward_cli_fail (catalog->cli, error);
      return;
    }

  if (catalog->cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_permissions (permissions);

      steward_cli_json_print (node);
      steward_cli_finish (catalog->cli, STEWARD_CLI_EXIT_SUCCESS);
      return;
    }

  table = steward_cli_table_new (3);
  steward_cli_table_set_header (table, _ ("NAME"), _ ("BUILT-IN"), _ ("DESCRIPTION"));
  n_permissions = g_list_model_get_n_items (permissions);
  for (guint i = 0; i < n_permissions; i++)
    {
      g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (permissions, i);

      steward_cli_table_add_row (table, steward_permission_info_get_name (info),
                                 yes_no (steward_permission_info_get_builtin (info)),
                                 describe_permission (info));
    }

  total_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u permission\n", "%u permissions\n", n_permissions), n_permissions);
  print_table (table, total_line);
  steward_cli_finish (catalog->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
list_permissions (gpointer data)
{
  Catalog *catalog = data;

  steward_client_list_permissions_async (catalog->cli->client, catalog->cli->cancellable,
                                         permissions_listed_cb, catalog);
}

static void
permissions_list (StewardCli *cli,
                  int         argc,
                  char      **argv)
{
  if (!steward_cli_parse_options (cli, "permissions list", NULL, N_ ("List the permissions the server knows and what each allows."), NULL, &argc, &argv) || !steward_cli_expect_arguments (cli, "permissions list", argc - 1, 0, 0))
    return;

  steward_cli_connect_then (cli, catalog_new (cli), g_free, list_permissions);
}

static const StewardCliVerb permissions_verbs[] = {
  { "list", permissions_list },
};

void
steward_cli_permissions_command (StewardCli *cli,
                                 int         argc,
                                 char      **argv)
{
  steward_cli_dispatch_verb (cli, "permissions", permissions_verbs, G_N_ELEMENTS (permissions_verbs), argc, argv);
}
