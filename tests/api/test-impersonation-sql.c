/* test-impersonation-sql.c
 *
 * The statements both stewardctl and the app print: quoting that holds
 * for quotes and backslashes, refusals of control characters and of a
 * template without {userid}, and what a user needs to impersonate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-impersonation-sql.h"
#include "steward-user-private.h"

#include <gio/gio.h>

static const char *const names[3] = { "IAM", "Userid", "Template" };

static void
test_statements (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = steward_impersonation_sql ("Okta", "O'Brien", "{userid}@example.com", names, &error);
  g_autofree char *backslash = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sql, ==,
                   "SET immuta.impersonation_iamid = 'Okta';\n"
                   "SET immuta.impersonation_userid = 'O''Brien';\n"
                   "SET immuta.impersonation_userid_template = '{userid}@example.com';\n");

  backslash = steward_impersonation_sql ("bim", "a\\'b", NULL, names, &error);
  g_assert_cmpstr (backslash, ==,
                   "SET immuta.impersonation_iamid = 'bim';\n"
                   "SET immuta.impersonation_userid = E'a\\\\''b';\n");
}

static void
test_refusals (void)
{
  g_autoptr (GError) template_error = NULL;
  g_autoptr (GError) control_error = NULL;
  g_autofree char *no_placeholder = steward_impersonation_sql ("bim", "jdoe", "jdoe@example.com", names, &template_error);
  g_autofree char *control = steward_impersonation_sql ("bim", "jd\noe", NULL, names, &control_error);

  g_assert_null (no_placeholder);
  g_assert_error (template_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (control);
  g_assert_error (control_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (control_error->message, "Userid"));
}

static StewardUser *
make_operator (const char *permission,
               const char *sql_user)
{
  StewardUserFields fields = { 0 };
  const char *const permissions[] = { permission, NULL };

  fields.id = 3;
  fields.iamid = g_strdup ("bim");
  fields.userid = g_strdup ("op@example.com");
  fields.sql_user = g_strdup (sql_user);
  fields.permissions = permission != NULL ? g_strdupv ((GStrv) permissions) : NULL;
  return steward_user_new_take_fields (&fields);
}

static void
test_readiness (void)
{
  g_autoptr (StewardUser) ready = make_operator ("IMPERSONATE_USER", "op_sql");
  g_autoptr (StewardUser) no_sql = make_operator ("IMPERSONATE_USER", NULL);
  g_autoptr (StewardUser) plain = make_operator ("GOVERNANCE", "op_sql");

  g_assert_cmpint (steward_impersonation_get_readiness (ready), ==, STEWARD_IMPERSONATION_READY);
  g_assert_cmpint (steward_impersonation_get_readiness (no_sql), ==, STEWARD_IMPERSONATION_NEEDS_SQL_USER);
  g_assert_cmpint (steward_impersonation_get_readiness (plain), ==, STEWARD_IMPERSONATION_NOT_GRANTED);
  g_assert_nonnull (strstr (steward_impersonation_describe_readiness (STEWARD_IMPERSONATION_NEEDS_SQL_USER), "SQL credentials"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/impersonation/statements", test_statements);
  g_test_add_func ("/api/impersonation/refusals", test_refusals);
  g_test_add_func ("/api/impersonation/readiness", test_readiness);

  return g_test_run ();
}
