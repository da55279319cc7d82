/* steward-cli-users.c
 *
 * users list, users show, users create, and the choice among all the
 * "users" verbs (the changes are in steward-cli-users-change.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-commands.h"
#include "steward-cli-json.h"
#include "steward-cli-pages.h"
#include "steward-cli-user-view.h"
#include "steward-cli-users-private.h"
#include "steward-validate.h"

#include <glib/gi18n-lib.h>

/* ------------------------------------------------------------ users list */

/* What --limit holds when it is not given; any number given is checked. */
#define NO_LIMIT G_MININT

typedef struct
{
  StewardCli       *cli;
  StewardUserQuery *query;
  guint             limit; /* 0: every matching user */
} ListUsers;

static void
list_users_free (ListUsers *list)
{
  g_clear_pointer (&list->query, steward_user_query_free);
  g_free (list);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListUsers, list_users_free)

static void
send_users_page (StewardClient      *client,
                 gpointer            query,
                 guint               offset,
                 guint               size,
                 GCancellable       *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer            user_data)
{
  StewardUserQuery *user_query = query;

  user_query->offset = offset;
  user_query->size = size;
  steward_client_list_users_async (client, user_query, cancellable, callback, user_data);
}

static const StewardCliPageSource users_pages = {
  send_users_page,
  steward_client_list_users_finish,
};

/* --disabled-only rides on a server extension: a server that ignored it
 * answers with active users too, which must not be printed as if they
 * were disabled. */
static StewardPageResult *
finish_disabled_users (StewardClient *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_autoptr (StewardPageResult) page = steward_client_list_users_finish (client, result, error);
  StewardUserQuery disabled_only = { .disabled_only = TRUE };

  if (page == NULL || !steward_user_query_check_page (&disabled_only, steward_page_result_get_items (page), error))
    return NULL;
  return g_steal_pointer (&page);
}

static const StewardCliPageSource disabled_users_pages = {
  send_users_page,
  finish_disabled_users,
};

static void
print_users (StewardCli *cli,
             GListModel *users,
             guint64     total)
{
  guint            shown = g_list_model_get_n_items (users);
  g_autofree char *total_line = NULL;

  if (cli->json)
    {
      g_autoptr (JsonNode) node = steward_cli_json_user_list (users, total);

      steward_cli_json_print (node);
      return;
    }

  if (shown > 0)
    {
      g_autoptr (StewardCliTable) table = steward_cli_users_table_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < shown; i++)
        {
          g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

          steward_cli_users_table_add (table, user);
        }
      text = steward_cli_table_render (table);
      steward_cli_print (text);
    }

  total_line = steward_cli_format_list_total (STEWARD_CLI_LIST_USERS, shown, total);
  steward_cli_print (total_line);
}

static void
list_users_connected (gpointer data)
{
  ListUsers *list = data;

  steward_cli_list_pages (list->cli, list->query->disabled_only ? &disabled_users_pages : &users_pages,
                          list->query, STEWARD_TYPE_USER, list->limit, print_users);
}

static void
users_list (StewardCli *cli,
            int         argc,
            char      **argv)
{
  g_autoptr (ListUsers) list = g_new0 (ListUsers, 1);
  g_autofree char   *search = NULL;
  g_autofree char   *permission = NULL;
  g_autofree char   *sort = NULL;
  gboolean           include_disabled = FALSE;
  gboolean           disabled_only = FALSE;
  gboolean           descending = FALSE;
  int                limit = NO_LIMIT;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only users whose name, e-mail or userid contains TEXT"), N_ ("TEXT") },
    { "include-disabled", 0, 0, G_OPTION_ARG_NONE, &include_disabled, N_ ("Include Disabled Accounts"), NULL },
    { "disabled-only", 0, 0, G_OPTION_ARG_NONE, &disabled_only, N_ ("Only disabled accounts (a steward-server extension)"), NULL },
    { "permission", 0, 0, G_OPTION_ARG_STRING, &permission, N_ ("Only users who hold permission P"), N_ ("P") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_ ("Sort by name, email, iamid, createdAt, lastLogin or username"), N_ ("FIELD") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_ ("Sort in descending order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("Show at most N users (default: all)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!steward_cli_parse_options (cli, "users list", NULL, N_ ("List the users of the server, searched and sorted by the server."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "users list", argc - 1, 0, 0))
    return;

  list->cli = cli;
  list->query = steward_user_query_new ();
  list->query->include_disabled = include_disabled;
  list->query->disabled_only = disabled_only;

  if (limit != NO_LIMIT && !steward_cli_check_range (cli, "--limit", limit, 1, G_MAXINT))
    return;
  list->limit = limit != NO_LIMIT ? (guint) limit : 0;

  if (search != NULL && *search != '\0')
    list->query->search_text = g_steal_pointer (&search);

  if (permission != NULL)
    {
      const char *const names[] = { permission, NULL };

      if (!steward_cli_check_permissions (cli, names))
        return;
      list->query->permission = g_steal_pointer (&permission);
    }

  if (sort != NULL && !steward_cli_parse_sort_field (sort, &list->query->sort_field))
    {
      steward_cli_usage_error (cli, _ ("--sort takes name, email, iamid, createdAt, lastLogin or username, not “%s”"), sort);
      return;
    }

  if (descending && sort == NULL)
    {
      steward_cli_usage_error (cli, _ ("--desc needs --sort FIELD"));
      return;
    }
  list->query->sort_order = descending ? STEWARD_SORT_DESCENDING : STEWARD_SORT_ASCENDING;

  steward_cli_connect_then (cli, g_steal_pointer (&list), (GDestroyNotify) list_users_free,
                            list_users_connected);
}

/* ------------------------------------------------------------ users show */

static void
show_user (StewardCliUserCommand *command)
{
  steward_cli_user_command_done (command, command->user, NULL);
}

static void
users_show (StewardCli *cli,
            int         argc,
            char      **argv)
{
  g_autoptr (StewardCliUserCommand) command = steward_cli_user_command_new (cli);

  if (!steward_cli_parse_options (cli, "users show", N_ ("USER"), N_ ("Show one user: profile, permissions and status."), NULL, &argc, &argv) || !steward_cli_expect_arguments (cli, "users show", argc - 1, 1, 1) || !steward_cli_user_command_set_user (command, argv[1]))
    return;

  steward_cli_user_command_start (g_steal_pointer (&command), show_user);
}

/* ---------------------------------------------------------- users create */

typedef struct
{
  StewardCli *cli;
  char       *name;
  char       *email;
  GStrv       permissions; /* NULL: the server's defaults */
} CreateUser;

static void
create_user_free (CreateUser *create)
{
  g_free (create->name);
  g_free (create->email);
  g_strfreev (create->permissions);
  g_free (create);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateUser, create_user_free)

static void
user_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CreateUser *create = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;

  user = steward_client_create_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    {
      steward_cli_fail (create->cli, error);
      return;
    }

  label = steward_cli_user_label (user);
  summary = g_strdup_printf (_ ("Created %s."), label);
  steward_cli_print_user (create->cli, user, summary);
  steward_cli_finish (create->cli, STEWARD_CLI_EXIT_SUCCESS);
}

static void
create_user_connected (gpointer data)
{
  CreateUser *create = data;

  steward_client_create_user_async (create->cli->client, create->email, create->name,
                                    (const char *const *) create->permissions, NULL,
                                    create->cli->cancellable, user_created_cb, create);
}

static void
users_create (StewardCli *cli,
              int         argc,
              char      **argv)
{
  g_autoptr (CreateUser) create = g_new0 (CreateUser, 1);
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &create->name, N_ ("Full Name"), N_ ("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &create->email, N_ ("Email, which becomes the userid in “bim”"), N_ ("EMAIL") },
    { "permission", 0, 0, G_OPTION_ARG_STRING_ARRAY, &create->permissions, N_ ("Grant permission P instead of the server’s defaults (repeatable)"), N_ ("P") },
    G_OPTION_ENTRY_NULL
  };

  create->cli = cli;

  if (!steward_cli_parse_options (cli, "users create", NULL, N_ ("Create a user in the built-in IAM “bim”."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "users create", argc - 1, 0, 0) || !steward_cli_require_option (cli, "--name", create->name) || !steward_cli_require_option (cli, "--email", create->email) || !steward_cli_check_permissions (cli, (const char *const *) create->permissions))
    return;

  if (!steward_full_name_is_valid (create->name))
    {
      steward_cli_usage_error (cli, _ ("A full name has 1 to %d characters and no control characters"), STEWARD_NAME_MAX_CHARS);
      return;
    }

  if (!steward_email_is_valid (create->email))
    {
      steward_cli_usage_error (cli, _ ("“%s” is not an e-mail address"), create->email);
      return;
    }

  steward_cli_connect_then (cli, g_steal_pointer (&create), (GDestroyNotify) create_user_free,
                            create_user_connected);
}

/* ----------------------------------------------------------------- users */

static const StewardCliVerb users_verbs[] = {
  { "list", users_list },
  { "show", users_show },
  { "create", users_create },
  { "grant", steward_cli_users_grant },
  { "revoke", steward_cli_users_revoke },
  { "disable", steward_cli_users_disable },
  { "enable", steward_cli_users_enable },
  { "delete", steward_cli_users_delete },
  { "migrate", steward_cli_users_migrate },
  { "dormant", steward_cli_users_dormant },
  { "import", steward_cli_users_import },
  { "export", steward_cli_users_export },
};

void
steward_cli_users_command (StewardCli *cli,
                           int         argc,
                           char      **argv)
{
  steward_cli_dispatch_verb (cli, "users", users_verbs, G_N_ELEMENTS (users_verbs), argc, argv);
}
