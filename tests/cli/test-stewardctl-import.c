/* test-stewardctl-import.c
 *
 * stewardctl users import against a real steward-server: --dry-run shows
 * each row's validation and sends nothing; the real run creates the valid
 * rows, reports each, and exits 1 when a row was refused; a malformed file
 * is one "stewardctl:" line naming the file and the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "steward-test-http.h"
#include "steward-test-json.h"

static char *
write_csv (const char *text)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int   fd = g_file_open_tmp ("steward-import-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
server_count (StewardTestServer *server,
              const char        *search)
{
  g_autofree char *token = steward_test_http_authenticate (server, server->admin_api_key);
  g_autofree char *path = g_strdup_printf ("/bim/user?size=1&searchText=%s", search);
  g_autoptr (JsonNode) reply = steward_test_http_expect (server, "GET", path, token, NULL, 200);

  return steward_test_json_get_int (steward_test_json_object (reply), "count");
}

static void
test_dry_run_then_import (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autofree char *path = write_csv ("\xEF\xBB\xBF"
                                     "name,email,permissions\n"
                                     "Ann Lee,ann@compliance.example,GOVERNANCE\n"
                                     "\"Lee, Bob\",bob@compliance.example,\"AUDIT;GOVERNANCE\"\n"
                                     "Carl,not-an-address,\n"
                                     "Ann Twice,ann@compliance.example,\n"
                                     "Dora,dora@compliance.example,\n");
  g_autoptr (CliResult) dry = NULL;
  g_autoptr (CliResult) real = NULL;

  dry = cli_run_server (server, server->admin_api_key, NULL, "users", "import", path, "--dry-run", NULL);
  cli_assert_status (dry, 1);
  g_assert_nonnull (strstr (dry->out, "“not-an-address” is not an e-mail address."));
  g_assert_nonnull (strstr (dry->out, "The same e-mail address is on line 2 already."));
  g_assert_nonnull (strstr (dry->err, "3 of 5 rows can be created; nothing was sent."));
  g_assert_cmpuint (server_count (server, "compliance.example"), ==, 0);

  real = cli_run_server (server, server->admin_api_key, NULL, "users", "import", path, NULL);
  cli_assert_status (real, 1);
  g_assert_nonnull (strstr (real->out, "created"));
  g_assert_nonnull (strstr (real->err, "Created 3 of 5 users."));
  g_assert_cmpuint (server_count (server, "compliance.example"), ==, 3);

  /* Again: every row is on the server already, nothing is sent twice. */
  {
    g_autoptr (CliResult) again = cli_run_server (server, server->admin_api_key, NULL, "users", "import", path, NULL);

    cli_assert_status (again, 1);
    g_assert_nonnull (strstr (again->out, "ann@compliance.example is on the server already."));
    g_assert_nonnull (strstr (again->err, "0 of 5 rows can be created; nothing was sent."));
    g_assert_cmpuint (server_count (server, "compliance.example"), ==, 3);
  }

  g_unlink (path);
}

static void
test_malformed_file (void)
{
  g_autoptr (StewardTestServer) server = steward_test_server_start (NULL, NULL);
  g_autofree char *path = write_csv ("name;email\nAnn;\"ann@compliance.example\n");
  g_autoptr (CliResult) result = NULL;

  result = cli_run_server (server, server->admin_api_key, NULL, "users", "import", path, NULL);
  cli_assert_failure (result, 1);
  g_assert_nonnull (strstr (result->err, path));
  g_assert_nonnull (strstr (result->err, "Line 2"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stewardctl/import/dry-run-then-import", test_dry_run_then_import);
  g_test_add_func ("/stewardctl/import/malformed-file", test_malformed_file);

  return g_test_run ();
}
