/* test-cli-units.c
 *
 * The pieces of stewardctl that need no server: table layout, counts, SQL
 * quoting, the USER forms, JSON timestamps and the exit status of each
 * kind of error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli.h"
#include "steward-cli-json.h"
#include "steward-cli-output.h"
#include "steward-cli-sql.h"
#include "steward-cli-user-ref.h"

#include <locale.h>

/* ---------------------------------------------------------------- tables */

static void
test_table_widths_count_cells (void)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (3);
  g_autofree char *text = NULL;

  steward_cli_table_set_header (table, "ID", "NAME", "IAM");
  steward_cli_table_set_align (table, 0, STEWARD_CLI_ALIGN_RIGHT);
  steward_cli_table_add_row (table, "7", "Zoë Brontë", "bim");
  steward_cli_table_add_row (table, "12", "李娜", "okta");
  steward_cli_table_add_row (table, "3", "Al", NULL);
  text = steward_cli_table_render (table);

  /* "Zoë Brontë" is 10 cells; "李娜" is 4 (two wide characters); the id
   * column is right-aligned; no line ends in a space. */
  g_assert_cmpstr (text, ==,
                   "ID  NAME        IAM\n"
                   " 7  Zoë Brontë  bim\n"
                   "12  李娜        okta\n"
                   " 3  Al\n");
}

static void
test_table_cleans_control_characters (void)
{
  g_autoptr (StewardCliTable) table = steward_cli_table_new (2);
  g_autofree char *text = NULL;

  steward_cli_table_add_row (table, "Eve\x1b[31mRed\nLine", "x");
  text = steward_cli_table_render (table);

  /* The escape and the newline become U+FFFD: one cell each. */
  g_assert_cmpstr (text, ==, "Eve\xef\xbf\xbd[31mRed\xef\xbf\xbdLine  x\n");
  g_assert_cmpuint (steward_cli_display_width ("Eve\xef\xbf\xbd"), ==, 4);
}

static void
test_display_width (void)
{
  g_assert_cmpuint (steward_cli_display_width (""), ==, 0);
  g_assert_cmpuint (steward_cli_display_width ("abc"), ==, 3);
  g_assert_cmpuint (steward_cli_display_width ("日本"), ==, 4);
  /* e + combining acute accent: one cell. */
  g_assert_cmpuint (steward_cli_display_width ("e\xcc\x81"), ==, 1);
}

static void
test_format_count (void)
{
  static const struct
  {
    guint64     count;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 1320, "1,320" },
    { 100000, "100,000" },
    { 1234567, "1,234,567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = steward_cli_format_count (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ------------------------------------------------------------------- SQL */

static void
assert_quoted (const char *value,
               const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *literal = steward_cli_sql_quote (value, "--userid", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (literal, ==, expected);
}

static void
test_sql_quoting (void)
{
  assert_quoted ("jdoe", "'jdoe'");
  assert_quoted ("O'Brien", "'O''Brien'");
  assert_quoted ("'; DROP ROLE x; --", "'''; DROP ROLE x; --'");
  assert_quoted ("''", "''''''");
  assert_quoted ("", "''");
  /* With a backslash, E'…' keeps the meaning whatever
   * standard_conforming_strings says; "\'" cannot end it early. */
  assert_quoted ("a\\b", "E'a\\\\b'");
  assert_quoted ("x\\'; DROP ROLE y; --", "E'x\\\\''; DROP ROLE y; --'");
  assert_quoted ("Zoë", "'Zoë'");
}

static void
test_sql_refuses_control_characters (void)
{
  const char *const bad[] = { "a\nb", "tab\there", "\x1b[0m", "del\x7f", "c1\xc2\x85" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *literal = steward_cli_sql_quote (bad[i], "--userid", &error);

      g_assert_null (literal);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, "--userid"));
    }
}

static void
test_sql_refuses_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *literal = steward_cli_sql_quote ("\xff'", "--iamid", &error);

  g_assert_null (literal);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

static void
test_impersonation_statements (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *no_template = NULL;
  g_autofree char *refused = NULL;

  sql = steward_cli_impersonation_sql ("Okta", "O'Brien", "{userid}@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sql, ==,
                   "SET immuta.impersonation_iamid = 'Okta';\n"
                   "SET immuta.impersonation_userid = 'O''Brien';\n"
                   "SET immuta.impersonation_userid_template = '{userid}@example.com';\n");

  no_template = steward_cli_impersonation_sql ("bim", "jdoe", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (no_template, ==,
                   "SET immuta.impersonation_iamid = 'bim';\n"
                   "SET immuta.impersonation_userid = 'jdoe';\n");

  refused = steward_cli_impersonation_sql ("bim", "jdoe", "user@example.com", &error);
  g_assert_null (refused);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "{userid}"));
}

/* ------------------------------------------------------------------ USER */

static void
assert_ref (const char *text,
            const char *iamid,
            const char *userid,
            gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardCliUserRef) ref = steward_cli_user_ref_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_cmpstr (ref->iamid, ==, iamid);
  g_assert_cmpstr (ref->userid, ==, userid);
  g_assert_cmpint (ref->id, ==, id);
}

static void
test_user_forms (void)
{
  assert_ref ("ann@example.com", "bim", "ann@example.com", 0);
  assert_ref ("okta:jdoe@example.com", "okta", "jdoe@example.com", 0);
  assert_ref ("ldap:jdoe", "ldap", "jdoe", 0);
  assert_ref ("bim:ann@example.com", "bim", "ann@example.com", 0);
  assert_ref ("17", NULL, "17", 17);
  /* Not an IAM before the colon: a bim userid that holds one. */
  assert_ref ("\"a:b\"@example.com", "bim", "\"a:b\"@example.com", 0);
  /* An IAM whose userids are numbers is reached with IAMID:USERID. */
  assert_ref ("ldap:42", "ldap", "42", 0);
  /* Zero and negative numbers are no ids. */
  assert_ref ("0", "bim", "0", 0);
  assert_ref ("-3", "bim", "-3", 0);
}

static void
test_user_forms_refused (void)
{
  const char *const bad[] = { "", "okta:" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StewardCliUserRef) ref = steward_cli_user_ref_parse (bad[i], &error);

      g_assert_null (ref);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }
}

/* ------------------------------------------------------- JSON and errors */

static void
test_json_time (void)
{
  g_autoptr (GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr (GDateTime) time = g_date_time_new (plus_two, 2026, 11, 27, 18, 27, 33.395);
  g_autofree char *text = steward_cli_json_format_time (time);

  g_assert_cmpstr (text, ==, "2026-11-27T16:27:33.395Z");
  g_assert_null (steward_cli_json_format_time (NULL));
}

static void
test_exit_statuses (void)
{
  static const struct
  {
    GQuark domain;
    int    code;
    int    status;
  } cases[] = {
    { 0, STEWARD_API_ERROR_NETWORK, STEWARD_CLI_EXIT_UNREACHABLE },
    { 0, STEWARD_API_ERROR_TIMEOUT, STEWARD_CLI_EXIT_UNREACHABLE },
    { 0, STEWARD_API_ERROR_TLS, STEWARD_CLI_EXIT_UNREACHABLE },
    { 0, STEWARD_API_ERROR_UNAUTHORIZED, STEWARD_CLI_EXIT_UNAUTHORIZED },
    { 0, STEWARD_API_ERROR_FORBIDDEN, STEWARD_CLI_EXIT_UNAUTHORIZED },
    { 0, STEWARD_API_ERROR_NOT_FOUND, STEWARD_CLI_EXIT_REFUSED },
    { 0, STEWARD_API_ERROR_CONFLICT, STEWARD_CLI_EXIT_REFUSED },
    { 0, STEWARD_API_ERROR_INVALID, STEWARD_CLI_EXIT_REFUSED },
    { 0, STEWARD_API_ERROR_SERVER, STEWARD_CLI_EXIT_REFUSED },
    { 0, STEWARD_API_ERROR_MALFORMED_REPLY, STEWARD_CLI_EXIT_REFUSED },
    { 0, STEWARD_API_ERROR_UNSUPPORTED, STEWARD_CLI_EXIT_REFUSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (STEWARD_API_ERROR, cases[i].code, "x");

      g_assert_cmpint (steward_cli_exit_status_for_error (error), ==, cases[i].status);
    }

  {
    g_autoptr (GError) usage = g_error_new_literal (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "x");
    g_autoptr (GError) file = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "x");

    g_assert_cmpint (steward_cli_exit_status_for_error (usage), ==, STEWARD_CLI_EXIT_USAGE);
    g_assert_cmpint (steward_cli_exit_status_for_error (file), ==, STEWARD_CLI_EXIT_REFUSED);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The counts use the locale's separator; C has none and falls back to
   * ",". */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/table/widths", test_table_widths_count_cells);
  g_test_add_func ("/cli/table/control-characters", test_table_cleans_control_characters);
  g_test_add_func ("/cli/table/display-width", test_display_width);
  g_test_add_func ("/cli/count", test_format_count);
  g_test_add_func ("/cli/sql/quoting", test_sql_quoting);
  g_test_add_func ("/cli/sql/control-characters", test_sql_refuses_control_characters);
  g_test_add_func ("/cli/sql/invalid-utf8", test_sql_refuses_invalid_utf8);
  g_test_add_func ("/cli/sql/statements", test_impersonation_statements);
  g_test_add_func ("/cli/user/forms", test_user_forms);
  g_test_add_func ("/cli/user/refused", test_user_forms_refused);
  g_test_add_func ("/cli/json/time", test_json_time);
  g_test_add_func ("/cli/exit-statuses", test_exit_statuses);

  return g_test_run ();
}
