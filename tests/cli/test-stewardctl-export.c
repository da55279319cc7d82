/* test-stewardctl-export.c
 *
 * stewardctl users export and access-review against a real steward-server
 * with 1,200 demo users (two pages): the file holds as many rows as the
 * server counts for several filters, "-o -" writes to standard output,
 * and a bad --format is a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "steward-test-http.h"
#include "steward-test-json.h"

static guint
server_count (StewardTestServer *server,
              const char        *filter)
{
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);
  g_autofree char *path = g_strdup_printf ("/bim/user?size=1%s", filter);
  g_autoptr (JsonNode) reply = steward_test_http_expect (server, "GET", path, token, NULL, 200);

  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

/* Lines of a CSV export without quoted line breaks (the demo has none). */
static guint
data_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n - 1; /* the header */
}

static void
test_export (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start ("--demo", "1200", NULL);
  g_autofree char *dir = g_dir_make_tmp ("stewardctl-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "users.csv", NULL);
  const char      *filters[][3] = {
         { "", NULL, NULL },
         { "&permission=AUDIT", "--permission", "AUDIT" },
         { "&searchText=an", "--search", "an" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr (CliResult) result = NULL;
      g_autofree char *text = NULL;
      guint            expected = server_count (server, filters[i][0]);

      if (filters[i][1] != NULL)
        result = cli_run_server (server, server->admin_api_key, NULL, "users", "export", "--format", "csv", "-o", path,
                                 filters[i][1], filters[i][2], NULL);
      else
        result = cli_run_server (server, server->admin_api_key, NULL, "users", "export", "--format", "csv", "-o", path, NULL);
      cli_assert_status (result, 0);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_cmpuint (data_lines (text), ==, expected);
    }

  {
    g_autoptr (CliResult) result = cli_run_server (server, server->admin_api_key, NULL, "access-review", "--format", "json", "-o", "-", "--include-disabled", NULL);
    g_autoptr (JsonNode) root = NULL;
    JsonObject *object;

    cli_assert_status (result, 0);
    root = cli_result_json (result);
    object = json_node_get_object (root);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "users")), ==, server_count (server, "&includeDisabled=true"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "permissions")), >, 0);
  }

  {
    g_autoptr (CliResult) result = cli_run_server (server, server->admin_api_key, NULL, "access-review", "--format", "xml", NULL);

    cli_assert_failure (result, 2);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stewardctl/export/row-counts", test_export);

  return g_test_run ();
}
