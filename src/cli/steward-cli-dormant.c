/* steward-cli-dormant.c
 *
 * users dormant: active accounts that have not signed in for --days days
 * (or never), oldest first, with their permissions. The accounts are found
 * with a few probes (steward-dormant-scan.h) and then read a page at a
 * time; CSV (the columns of users export) and JSON are written as the pages arrive, so a large tenant
 * costs one page of memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-args.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-cli-pages.h"
#include "steward-cli-users-private.h"
#include "steward-dormant-scan.h"
#include "steward-user-export.h"
#include "steward-user-json.h"

#include <glib/gi18n-lib.h>

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

typedef struct
{
  StewardCli           *cli;
  guint                 days;
  gboolean              never_only;
  Format                format;
  GDateTime            *now;
  StewardDormantCursor *cursor;
  StewardCliTable      *table;    /* FORMAT_TABLE */
  guint                 n_listed; /* accounts written so far */
  guint                 n_never;  /* of which never signed in */
} Dormant;

static void
dormant_free (Dormant *dormant)
{
  g_clear_pointer (&dormant->now, g_date_time_unref);
  g_clear_object (&dormant->cursor);
  g_clear_pointer (&dormant->table, steward_cli_table_free);
  g_free (dormant);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dormant, dormant_free)

static char *
format_permissions (StewardUser *user)
{
  const char *const *permissions = steward_user_get_permissions (user);

  return permissions != NULL ? g_strjoinv (", ", (char **) permissions) : g_strdup ("");
}

static void
write_user (Dormant     *dormant,
            StewardUser *user)
{
  if (dormant->format == FORMAT_JSON)
    {
      g_autoptr (JsonNode) node = steward_user_to_json (user);
      g_autofree char *text = json_to_string (node, FALSE);

      steward_cli_print (dormant->n_listed > 0 ? ",\n    " : "\n    ");
      steward_cli_print (text);
    }
  else if (dormant->format == FORMAT_CSV)
    {
      g_autoptr (GString) row = g_string_new (NULL);

      steward_user_export_append_csv_user (row, STEWARD_USER_EXPORT_LISTING, NULL, user);
      steward_cli_print (row->str);
    }
  else
    {
      g_autofree char *last_login = steward_cli_format_time (steward_user_get_last_login (user));
      g_autofree char *created = steward_cli_format_time (steward_user_get_created_at (user));
      g_autofree char *permissions = format_permissions (user);

      steward_cli_table_add_row (dormant->table, steward_user_get_name (user), steward_user_get_email (user),
                                 steward_user_get_userid (user), last_login != NULL ? last_login : _ ("never"),
                                 created, permissions);
    }

  dormant->n_listed++;
  if (steward_user_get_last_login (user) == NULL)
    dormant->n_never++;
}

static void
write_start (Dormant *dormant)
{
  if (dormant->format == FORMAT_JSON)
    {
      g_autoptr (GDateTime) cutoff = g_date_time_new_from_unix_utc (steward_dormant_cutoff (dormant->now, dormant->days));
      g_autofree char *since = steward_cli_json_format_time (cutoff);
      g_autofree char *head = g_strdup_printf ("{\n  \"days\" : %u,\n  \"neverOnly\" : %s,\n  \"lastLoginBefore\" : \"%s\",\n  \"hits\" : [",
                                               dormant->days, dormant->never_only ? "true" : "false", since);

      steward_cli_print (head);
      return;
    }
  if (dormant->format == FORMAT_CSV)
    {
      g_autoptr (GString) header = g_string_new (NULL);

      /* The columns of users export --format csv, so one reader serves both. */
      steward_user_export_append_csv_header (header, STEWARD_USER_EXPORT_LISTING, NULL);
      steward_cli_print (header->str);
      return;
    }

  dormant->table = steward_cli_table_new (6);
  steward_cli_table_set_header (dormant->table, _ ("NAME"), _ ("EMAIL"), _ ("USERID"), _ ("LAST LOGIN"),
                                _ ("CREATED"), _ ("PERMISSIONS"));
}

static char *
format_summary (Dormant *dormant)
{
  g_autofree char *count = steward_cli_format_count (dormant->n_listed);
  g_autofree char *never = steward_cli_format_count (dormant->n_never);

  if (dormant->never_only)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s active account never signed in\n",
                                         "%s active accounts never signed in\n", dormant->n_listed),
                            count);
  /* TRANSLATORS: "12 dormant accounts (no sign-in for 90 days), 5 never signed in" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s dormant account (no sign-in for %u days), %s never signed in\n",
                                       "%s dormant accounts (no sign-in for %u days), %s never signed in\n", dormant->n_listed),
                          count, dormant->days, never);
}

static void
write_end (Dormant *dormant)
{
  g_autofree char *summary = NULL;

  if (dormant->format == FORMAT_JSON)
    {
      g_autofree char *tail = g_strdup_printf ("%s],\n  \"count\" : %u,\n  \"neverSignedIn\" : %u\n}\n",
                                               dormant->n_listed > 0 ? "\n  " : "", dormant->n_listed, dormant->n_never);

      steward_cli_print (tail);
      return;
    }
  /* A CSV is only its records; the count is its number of rows. */
  if (dormant->format == FORMAT_CSV)
    return;

  if (steward_cli_table_get_n_rows (dormant->table) > 0)
    {
      g_autofree char *text = steward_cli_table_render (dormant->table);

      steward_cli_print (text);
    }
  summary = format_summary (dormant);
  steward_cli_print (summary);
}

static void read_next_page (Dormant *dormant);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Dormant *dormant = user_data;
  g_autoptr (GListModel) users = NULL;
  g_autoptr (GError) error = NULL;

  users = steward_dormant_cursor_next_finish (dormant->cursor, result, &error);
  if (users == NULL)
    {
      steward_cli_fail (dormant->cli, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      write_user (dormant, user);
    }
  read_next_page (dormant);
}

static void
read_next_page (Dormant *dormant)
{
  if (steward_dormant_cursor_is_done (dormant->cursor))
    {
      write_end (dormant);
      steward_cli_finish (dormant->cli, STEWARD_CLI_EXIT_SUCCESS);
      return;
    }

  steward_dormant_cursor_next_async (dormant->cursor, dormant->cli->client, STEWARD_CLI_PAGE_SIZE_MAX,
                                     dormant->cli->cancellable, page_cb, dormant);
}

static void
located_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Dormant *dormant = user_data;
  g_autoptr (GError) error = NULL;
  StewardDormantLocator *locator;

  locator = steward_dormant_locate_finish (result, &error);
  if (locator == NULL)
    {
      steward_cli_fail (dormant->cli, error);
      return;
    }

  dormant->cursor = steward_dormant_cursor_new (locator);
  write_start (dormant);
  read_next_page (dormant);
}

static void
dormant_connected (gpointer data)
{
  Dormant *dormant = data;

  steward_dormant_locate_async (dormant->cli->client, steward_dormant_cutoff (dormant->now, dormant->days),
                                dormant->never_only, dormant->cli->cancellable, located_cb, dormant);
}

static gboolean
parse_format (Dormant    *dormant,
              const char *format)
{
  if (format == NULL)
    dormant->format = dormant->cli->json ? FORMAT_JSON : FORMAT_TABLE;
  else if (g_str_equal (format, "table"))
    dormant->format = FORMAT_TABLE;
  else if (g_str_equal (format, "csv"))
    dormant->format = FORMAT_CSV;
  else if (g_str_equal (format, "json"))
    dormant->format = FORMAT_JSON;
  else
    {
      steward_cli_usage_error (dormant->cli, _ ("--format takes table, csv or json, not “%s”"), format);
      return FALSE;
    }
  return TRUE;
}

void
steward_cli_users_dormant (StewardCli *cli,
                           int         argc,
                           char      **argv)
{
  g_autoptr (Dormant) dormant = g_new0 (Dormant, 1);
  g_autofree char   *format = NULL;
  int                days = STEWARD_DORMANT_DEFAULT_DAYS;
  gboolean           never_only = FALSE;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_ ("No sign-in for more than N days (default: 90)"), N_ ("N") },
    { "never", 0, 0, G_OPTION_ARG_NONE, &never_only, N_ ("Only accounts that never signed in"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("Write a table, csv or json (default: table)"), N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  dormant->cli = cli;
  if (!steward_cli_parse_options (cli, "users dormant", NULL, N_ ("List active accounts that have not signed in for a while, oldest first."), entries, &argc, &argv) || !steward_cli_expect_arguments (cli, "users dormant", argc - 1, 0, 0) || !steward_cli_check_range (cli, "--days", days, 1, STEWARD_DORMANT_MAX_DAYS) || !parse_format (dormant, format))
    return;

  dormant->days = (guint) days;
  dormant->never_only = never_only;
  dormant->now = g_date_time_new_now_utc ();
  steward_cli_connect_then (cli, g_steal_pointer (&dormant), (GDestroyNotify) dormant_free, dormant_connected);
}
