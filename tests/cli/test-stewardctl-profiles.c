/* test-stewardctl-profiles.c
 *
 * "profiles list | add | remove" and --profile, with the settings in a
 * keyfile under a private XDG_CONFIG_HOME (so they persist from one
 * stewardctl to the next) and the keys in the session's Secret Service.
 * The tests that store keys skip without a running Secret Service unless
 * STEWARD_REQUIRE_KEYRING=1; the others run everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-json.h"

#include <glib/gstdio.h>
#include <string.h>

static StewardTestServer *server;

typedef struct
{
  char *config_home;
  char *keyfile;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->config_home = g_dir_make_tmp ("stewardctl-config-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->keyfile = g_build_filename (fixture->config_home, "glib-2.0", "settings", "keyfile", NULL);
}

/* Runs stewardctl with this fixture's settings, @input on stdin, and
 * STEWARD_API_KEY unset. */
static CliResult *
run_with_settings (Fixture    *fixture,
                   const char *input,
                   const char *first_arg,
                   ...) G_GNUC_NULL_TERMINATED;

static CliResult *
run_with_settings (Fixture    *fixture,
                   const char *input,
                   const char *first_arg,
                   ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *config_home = g_strconcat ("XDG_CONFIG_HOME=", fixture->config_home, NULL);
  g_autofree char *schema_dir = g_strconcat ("GSETTINGS_SCHEMA_DIR=", g_getenv ("STEWARD_TEST_SCHEMA_DIR"), NULL);
  char            *env[] = { (char *) "GSETTINGS_BACKEND=keyfile", config_home, schema_dir, NULL };
  CliRun           run = { env, (char *) input };
  va_list          args;

  g_assert_nonnull (g_getenv ("STEWARD_TEST_SCHEMA_DIR"));

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_runv (&run, (const char *const *) argv->pdata);
}

static guint
count_profiles (Fixture *fixture)
{
  g_autoptr (CliResult) result = run_with_settings (fixture, NULL, "--json", "profiles", "list", NULL);
  g_autoptr (JsonNode) list = NULL;

  cli_assert_status (result, 0);
  list = cli_result_json (result);

  return json_array_get_length (steward_test_json_array (list));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CliResult) list = run_with_settings (fixture, NULL, "--json", "profiles", "list", NULL);
  g_autoptr (JsonNode) profiles = cli_result_json (list);
  JsonArray *array = steward_test_json_array (profiles);

  /* Leave no keys behind in the session's keyring. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = steward_test_json_get_string (steward_test_json_object (json_array_get_element (array, i)), "name");
      g_autoptr (CliResult) removed = run_with_settings (fixture, NULL, "profiles", "remove", name, NULL);

      cli_assert_status (removed, 0);
    }

  g_remove (fixture->keyfile);
  {
    g_autofree char *settings_dir = g_path_get_dirname (fixture->keyfile);
    g_autofree char *glib_dir = g_path_get_dirname (settings_dir);

    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
  }
  g_assert_cmpint (g_rmdir (fixture->config_home), ==, 0);

  g_free (fixture->keyfile);
  g_free (fixture->config_home);
}

static gboolean
secret_service_running (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  /* Asking whether the name has an owner does not start a service: an
   * activated keyring without an unlocked collection would wait for a
   * password nobody types. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
keyring_available (void)
{
  if (secret_service_running ())
    return TRUE;

  if (g_strcmp0 (g_getenv ("STEWARD_REQUIRE_KEYRING"), "1") == 0)
    g_error ("STEWARD_REQUIRE_KEYRING=1, yet no Secret Service runs on the session bus");

  g_test_skip ("No Secret Service on the session bus (STEWARD_REQUIRE_KEYRING=1 makes this a failure)");
  return FALSE;
}

/* ------------------------------------------------------ without a keyring */

static void
test_refusals_before_the_keyring (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr (CliResult) empty = run_with_settings (fixture, NULL, "profiles", "list", NULL);
  g_autoptr (CliResult) bad_url = run_with_settings (fixture, "key\n", "profiles", "add", "Prod", "governance.example.com", NULL);
  g_autoptr (CliResult) blank_name = run_with_settings (fixture, "key\n", "profiles", "add", "  ", "https://example.com", NULL);
  g_autoptr (CliResult) no_key = run_with_settings (fixture, "", "profiles", "add", "Prod", "https://example.com", NULL);
  g_autoptr (CliResult) blank_key = run_with_settings (fixture, "  \n", "profiles", "add", "Prod", "https://example.com", NULL);
  g_autoptr (CliResult) remove_unknown = run_with_settings (fixture, NULL, "profiles", "remove", "Prod", NULL);
  g_autoptr (CliResult) use_unknown = run_with_settings (fixture, NULL, "--profile", "Prod", "users", "list", NULL);
  g_autoptr (CliResult) no_server = run_with_settings (fixture, NULL, "users", "list", NULL);
  g_autoptr (CliResult) too_few = run_with_settings (fixture, NULL, "profiles", "add", "Prod", NULL);

  cli_assert_status (empty, 0);
  g_assert_cmpstr (empty->out, ==, "0 profiles\n");

  cli_assert_failure (bad_url, 2);
  cli_assert_failure (blank_name, 2);
  cli_assert_failure (no_key, 2);
  g_assert_nonnull (strstr (no_key->err, "API key"));
  cli_assert_failure (blank_key, 2);
  cli_assert_failure (remove_unknown, 2);
  cli_assert_failure (use_unknown, 2);
  g_assert_nonnull (strstr (use_unknown->err, "Prod"));
  cli_assert_failure (no_server, 2);
  g_assert_nonnull (strstr (no_server->err, "--server"));
  cli_assert_failure (too_few, 2);

  /* Nothing was saved by any of them. */
  g_assert_cmpuint (count_profiles (fixture), ==, 0);
}

/* ---------------------------------------------------------- with a keyring */

static void
test_add_use_remove (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autofree char *settings = NULL;
  g_autoptr (CliResult) added = NULL;
  g_autoptr (CliResult) listed = NULL;
  g_autoptr (CliResult) json = NULL;
  g_autoptr (CliResult) used = NULL;
  g_autoptr (CliResult) used_by_default = NULL;
  g_autoptr (CliResult) removed = NULL;
  g_autoptr (CliResult) removed_again = NULL;
  g_autoptr (CliResult) used_after = NULL;
  g_autoptr (JsonNode) profiles = NULL;
  JsonObject *profile;

  if (!keyring_available ())
    return;

  input = g_strconcat (server->admin_api_key, "\n", NULL);
  added = run_with_settings (fixture, input, "profiles", "add", "Local Test", server->base_url, NULL);
  cli_assert_status (added, 0);
  g_assert_nonnull (strstr (added->out, "Local Test"));
  g_assert_nonnull (strstr (added->out, "keyring"));

  /* The settings hold the profile; the key is only in the keyring. */
  g_assert_true (g_file_get_contents (fixture->keyfile, &settings, NULL, NULL));
  g_assert_nonnull (strstr (settings, "Local Test"));
  g_assert_null (strstr (settings, server->admin_api_key));

  listed = run_with_settings (fixture, NULL, "profiles", "list", NULL);
  cli_assert_status (listed, 0);
  g_assert_nonnull (strstr (listed->out, "Local Test"));
  g_assert_nonnull (strstr (listed->out, server->base_url));
  g_assert_true (g_str_has_suffix (listed->out, "\n1 profile\n"));
  g_assert_null (strstr (listed->out, server->admin_api_key));

  json = run_with_settings (fixture, NULL, "--json", "profiles", "list", NULL);
  cli_assert_status (json, 0);
  profiles = cli_result_json (json);
  profile = steward_test_json_object (json_array_get_element (steward_test_json_array (profiles), 0));
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Local Test");
  g_assert_cmpstr (steward_test_json_get_string (profile, "url"), ==, server->base_url);
  g_assert_true (steward_test_json_get_bool (profile, "default"));

  /* Names are matched ignoring case, as the application does. */
  used = run_with_settings (fixture, NULL, "--profile", "local test", "--json", "users", "show", "admin@localhost", NULL);
  cli_assert_status (used, 0);
  /* The only profile is the default. */
  used_by_default = run_with_settings (fixture, NULL, "iams", "list", NULL);
  cli_assert_status (used_by_default, 0);
  g_assert_nonnull (strstr (used_by_default->out, "bim"));

  removed = run_with_settings (fixture, NULL, "profiles", "remove", "Local Test", NULL);
  cli_assert_status (removed, 0);
  g_assert_nonnull (strstr (removed->out, "Local Test"));
  g_assert_cmpuint (count_profiles (fixture), ==, 0);

  removed_again = run_with_settings (fixture, NULL, "profiles", "remove", "Local Test", NULL);
  cli_assert_failure (removed_again, 2);
  used_after = run_with_settings (fixture, NULL, "--profile", "Local Test", "iams", "list", NULL);
  cli_assert_failure (used_after, 2);
}

static void
test_profiles_refused (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autoptr (CliResult) first = NULL;
  g_autoptr (CliResult) duplicate = NULL;
  g_autoptr (CliResult) wrong = NULL;
  g_autoptr (CliResult) refused_key = NULL;
  g_autoptr (CliResult) ambiguous = NULL;
  g_autoptr (CliResult) chosen = NULL;

  if (!keyring_available ())
    return;

  input = g_strconcat (server->admin_api_key, "\n", NULL);
  first = run_with_settings (fixture, input, "profiles", "add", "Prod", server->base_url, NULL);
  cli_assert_status (first, 0);

  duplicate = run_with_settings (fixture, input, "profiles", "add", "PROD", server->base_url, NULL);
  cli_assert_failure (duplicate, 2);

  /* A key the server refuses is saved (the server may be offline), and
   * fails with 4 when used. */
  wrong = run_with_settings (fixture, "not-the-key\n", "profiles", "add", "Wrong", server->base_url, NULL);
  cli_assert_status (wrong, 0);
  refused_key = run_with_settings (fixture, NULL, "--profile", "Wrong", "users", "list", NULL);
  cli_assert_failure (refused_key, 4);

  /* Two profiles and none used by the application yet: choose one. */
  ambiguous = run_with_settings (fixture, NULL, "users", "list", NULL);
  cli_assert_failure (ambiguous, 2);
  g_assert_nonnull (strstr (ambiguous->err, "--profile"));
  chosen = run_with_settings (fixture, NULL, "--profile", "Prod", "users", "list", "--limit", "1", NULL);
  cli_assert_status (chosen, 0);

  g_assert_cmpuint (count_profiles (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  server = steward_test_server_start ("--demo", "10", NULL);

  g_test_add ("/stewardctl/profiles/refusals", Fixture, NULL, fixture_set_up, test_refusals_before_the_keyring, fixture_tear_down);
  g_test_add ("/stewardctl/profiles/add-use-remove", Fixture, NULL, fixture_set_up, test_add_use_remove, fixture_tear_down);
  g_test_add ("/stewardctl/profiles/refused", Fixture, NULL, fixture_set_up, test_profiles_refused, fixture_tear_down);

  status = g_test_run ();
  steward_test_server_free (server);

  return status;
}
