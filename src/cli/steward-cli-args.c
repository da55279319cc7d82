/* steward-cli-args.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-permissions.h"

#include <glib/gi18n-lib.h>

static const struct
{
  const char          *name;
  StewardUserSortField field;
} sort_fields[] = {
  { "name", STEWARD_USER_SORT_NAME },
  { "email", STEWARD_USER_SORT_EMAIL },
  { "iamid", STEWARD_USER_SORT_IAMID },
  { "createdAt", STEWARD_USER_SORT_CREATED_AT },
  { "lastLogin", STEWARD_USER_SORT_LAST_LOGIN },
  { "username", STEWARD_USER_SORT_USERNAME },
};

gboolean
steward_cli_parse_options (StewardCli         *cli,
                           const char         *command,
                           const char         *parameters,
                           const char         *summary,
                           const GOptionEntry *entries,
                           int                *argc,
                           char             ***argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *usage = NULL;
  gboolean         json = FALSE;
  /* People often add --json at the end of a command line; accepting it
   * there too costs nothing and spares them a usage error. */
  const GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the server’s JSON instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (cli != NULL, FALSE);
  g_return_val_if_fail (command != NULL, FALSE);

  usage = parameters != NULL ? g_strconcat (command, " ", parameters, NULL) : g_strdup (command);

  /* The parameter string and the summary are translated by the context. */
  context = g_option_context_new (usage);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      steward_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }

  if (json)
    cli->json = TRUE;

  return TRUE;
}

gboolean
steward_cli_expect_arguments (StewardCli *cli,
                              const char *command,
                              int         n_given,
                              int         min,
                              int         max)
{
  if (n_given < min)
    {
      steward_cli_usage_error (cli, _ ("“%s” needs more arguments; see “stewardctl %s --help”"), command, command);
      return FALSE;
    }

  if (max >= 0 && n_given > max)
    {
      steward_cli_usage_error (cli, _ ("Too many arguments for “%s”; see “stewardctl %s --help”"), command, command);
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_cli_require_option (StewardCli *cli,
                            const char *option,
                            const char *value)
{
  if (value == NULL || *value == '\0')
    {
      steward_cli_usage_error (cli, _ ("%s is required"), option);
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_cli_check_range (StewardCli *cli,
                         const char *option,
                         int         value,
                         int         min,
                         int         max)
{
  if (value < min || value > max)
    {
      steward_cli_usage_error (cli, _ ("%s takes a number from %d to %d"), option, min, max);
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_cli_check_permissions (StewardCli        *cli,
                               const char *const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (!steward_permission_name_is_valid (names[i]))
        {
          steward_cli_usage_error (cli, _ ("“%s” is not a permission name (upper-case letters, digits and underscores, such as USER_ADMIN)"), names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
steward_cli_parse_sort_field (const char           *text,
                              StewardUserSortField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (sort_fields); i++)
    {
      if (g_str_equal (text, sort_fields[i].name))
        {
          *field = sort_fields[i].field;
          return TRUE;
        }
    }

  return FALSE;
}
