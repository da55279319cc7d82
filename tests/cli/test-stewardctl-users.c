/* test-stewardctl-users.c
 *
 * Every "users" command of the built stewardctl against a real
 * steward-server with 50 demo users: what it prints for people, what it
 * prints with --json, and its exit status, refusals included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"
#include "steward-test-json.h"

#include <string.h>

static StewardTestServer *server;

/* ---------------------------------------------------------------- helpers */

static CliResult *
run_admin (const char *input,
           const char *first_arg,
           ...) G_GNUC_NULL_TERMINATED;

/* "stewardctl --server URL ARGS…" with the administrator's key. */
static CliResult *
run_admin (const char *input,
           const char *first_arg,
           ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *key = g_strconcat ("STEWARD_API_KEY=", server->admin_api_key, NULL);
  char            *env[] = { key, NULL };
  CliRun           run = { env, (char *) input };
  va_list          args;

  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, server->base_url);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_runv (&run, (const char *const *) argv->pdata);
}

/* Creates a bim user through stewardctl and returns it as JSON. */
static JsonNode *
create_user (const char *name,
             const char *email)
{
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "create", "--name", name, "--email", email, NULL);

  cli_assert_status (result, 0);
  return cli_result_json (result);
}

static gint64
user_id (JsonNode *user)
{
  return steward_test_json_get_int (steward_test_json_object (user), "id");
}

static char **
user_permissions (JsonNode *user)
{
  return steward_test_json_array_strv (steward_test_json_get_array (steward_test_json_object (user), "permissions"));
}

/* The user as "users show --json" sees it, or NULL when it is gone. */
static JsonNode *
show_user (const char *user)
{
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "show", user, NULL);

  if (result->status == 1)
    return NULL;

  cli_assert_status (result, 0);
  return cli_result_json (result);
}

static gboolean
list_has_userid (JsonNode   *list,
                 const char *userid)
{
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (list), "hits");

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));

      if (g_str_equal (steward_test_json_get_string (hit, "userid"), userid))
        return TRUE;
    }

  return FALSE;
}

/* -------------------------------------------------------------- users list */

static void
test_list_table (void)
{
  g_autoptr (CliResult) table = run_admin (NULL, "users", "list", NULL);
  g_autoptr (CliResult) json = run_admin (NULL, "--json", "users", "list", NULL);
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *total_line = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray *hits;
  gint64     count;

  cli_assert_status (table, 0);
  cli_assert_status (json, 0);
  g_assert_cmpstr (table->err, ==, "");

  list = cli_result_json (json);
  count = steward_test_json_get_int (steward_test_json_object (list), "count");
  hits = steward_test_json_get_array (steward_test_json_object (list), "hits");
  /* Without --limit every matching user is there. */
  g_assert_cmpint (json_array_get_length (hits), ==, count);
  g_assert_cmpint (count, >, 10);

  /* A header, one row per user, and the total. */
  lines = g_strsplit (table->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, (guint) count + 3);
  g_assert_nonnull (strstr (lines[0], "ID"));
  g_assert_nonnull (strstr (lines[0], "NAME"));
  g_assert_nonnull (strstr (lines[0], "STATUS"));
  g_assert_nonnull (strstr (table->out, "admin@localhost"));
  total_line = g_strdup_printf ("%" G_GINT64_FORMAT " users", count);
  g_assert_cmpstr (lines[count + 1], ==, total_line);
  g_assert_cmpstr (lines[count + 2], ==, "");

  /* Aligned: every row puts the NAME column where the header does. */
  {
    const char *name_column = strstr (lines[0], "NAME");
    gsize       offset = name_column - lines[0];

    for (gint64 i = 1; i <= count; i++)
      {
        g_assert_cmpuint (strlen (lines[i]), >, offset);
        g_assert_true (lines[i][offset - 1] == ' ');
        g_assert_true (lines[i][offset] != ' ');
      }
  }
}

static void
test_list_limit (void)
{
  g_autoptr (CliResult) json = run_admin (NULL, "--json", "users", "list", "--limit", "5", NULL);
  g_autoptr (CliResult) table = run_admin (NULL, "users", "list", "--limit", "5", NULL);
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *expected = NULL;
  gint64           count;

  cli_assert_status (json, 0);
  cli_assert_status (table, 0);
  list = cli_result_json (json);
  count = steward_test_json_get_int (steward_test_json_object (list), "count");
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (list), "hits")), ==, 5);

  expected = g_strdup_printf ("\n5 of %" G_GINT64_FORMAT " users\n", count);
  g_assert_true (g_str_has_suffix (table->out, expected));
}

static void
test_list_filters (void)
{
  g_autoptr (CliResult) active = run_admin (NULL, "--json", "users", "list", NULL);
  g_autoptr (CliResult) all = run_admin (NULL, "--json", "users", "list", "--include-disabled", NULL);
  g_autoptr (CliResult) admins = run_admin (NULL, "--json", "users", "list", "--permission", "USER_ADMIN", NULL);
  g_autoptr (CliResult) search = run_admin (NULL, "--json", "users", "list", "--search", "admin@local", NULL);
  g_autoptr (JsonNode) active_list = NULL;
  g_autoptr (JsonNode) all_list = NULL;
  g_autoptr (JsonNode) admin_list = NULL;
  g_autoptr (JsonNode) search_list = NULL;
  JsonArray *hits;

  cli_assert_status (active, 0);
  cli_assert_status (all, 0);
  cli_assert_status (admins, 0);
  cli_assert_status (search, 0);

  /* The demo data has disabled accounts, hidden unless asked for. */
  active_list = cli_result_json (active);
  all_list = cli_result_json (all);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (all_list), "count"), >,
                   steward_test_json_get_int (steward_test_json_object (active_list), "count"));

  /* --disabled-only: exactly the rest, each one disabled. */
  {
    g_autoptr (CliResult) disabled = run_admin (NULL, "--json", "users", "list", "--disabled-only", NULL);
    g_autoptr (JsonNode) disabled_list = NULL;
    JsonArray *disabled_hits;

    cli_assert_status (disabled, 0);
    disabled_list = cli_result_json (disabled);
    g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (disabled_list), "count"), ==,
                     steward_test_json_get_int (steward_test_json_object (all_list), "count") - steward_test_json_get_int (steward_test_json_object (active_list), "count"));
    disabled_hits = steward_test_json_get_array (steward_test_json_object (disabled_list), "hits");
    g_assert_cmpuint (json_array_get_length (disabled_hits), >, 0);
    for (guint i = 0; i < json_array_get_length (disabled_hits); i++)
      g_assert_true (steward_test_json_get_bool (json_array_get_object_element (disabled_hits, i), "disabled"));
  }

  admin_list = cli_result_json (admins);
  g_assert_true (list_has_userid (admin_list, "admin@localhost"));
  hits = steward_test_json_get_array (steward_test_json_object (admin_list), "hits");
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      g_auto (GStrv) permissions = user_permissions (json_array_get_element (hits, i));

      g_assert_true (g_strv_contains ((const char *const *) permissions, "USER_ADMIN"));
    }

  search_list = cli_result_json (search);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (search_list), "count"), ==, 1);
  g_assert_true (list_has_userid (search_list, "admin@localhost"));
}

static void
test_list_sort (void)
{
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "list", "--sort", "name", "--desc", NULL);
  g_autoptr (JsonNode) list = NULL;
  JsonArray *hits;

  cli_assert_status (result, 0);
  list = cli_result_json (result);
  hits = steward_test_json_get_array (steward_test_json_object (list), "hits");
  g_assert_cmpuint (json_array_get_length (hits), >, 2);

  for (guint i = 1; i < json_array_get_length (hits); i++)
    {
      JsonObject      *before = steward_test_json_get_object (steward_test_json_object (json_array_get_element (hits, i - 1)), "profile");
      JsonObject      *after = steward_test_json_get_object (steward_test_json_object (json_array_get_element (hits, i)), "profile");
      g_autofree char *a = g_utf8_casefold (steward_test_json_get_string (before, "name"), -1);
      g_autofree char *b = g_utf8_casefold (steward_test_json_get_string (after, "name"), -1);

      g_assert_cmpint (g_utf8_collate (a, b), >=, 0);
    }
}

static void
test_list_usage_errors (void)
{
  const char *const cases[][4] = {
    { "--sort", "shoeSize", NULL, NULL },
    { "--desc", NULL, NULL, NULL },
    { "--limit", "0", NULL, NULL },
    { "--limit", "-4", NULL, NULL },
    { "--limit", "many", NULL, NULL },
    { "--permission", "user_admin", NULL, NULL },
    { "--frobnicate", NULL, NULL, NULL },
    { "extra", NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char      *args[8] = { "--server", server->base_url, "users", "list" };
      g_autofree char *key = g_strconcat ("STEWARD_API_KEY=", server->admin_api_key, NULL);
      char            *env[] = { key, NULL };
      CliRun           run = { env, NULL };
      g_autoptr (CliResult) result = NULL;

      for (guint j = 0; j < 4 && cases[i][j] != NULL; j++)
        args[4 + j] = cases[i][j];

      result = cli_runv (&run, args);
      cli_assert_failure (result, 2);
      g_assert_cmpstr (result->out, ==, "");
    }
}

/* -------------------------------------------------------------- users show */

static void
test_show_forms (void)
{
  g_autoptr (JsonNode) by_userid = show_user ("admin@localhost");
  g_autoptr (JsonNode) by_iam = show_user ("bim:admin@localhost");
  g_autoptr (JsonNode) by_id = NULL;
  g_autofree char *id = NULL;
  g_autoptr (CliResult) table = run_admin (NULL, "users", "show", "admin@localhost", NULL);
  JsonObject *user;

  g_assert_nonnull (by_userid);
  g_assert_nonnull (by_iam);
  user = steward_test_json_object (by_userid);
  g_assert_cmpstr (steward_test_json_get_string (user, "iamid"), ==, "bim");
  g_assert_cmpstr (steward_test_json_get_string (user, "userid"), ==, "admin@localhost");
  g_assert_cmpint (user_id (by_iam), ==, user_id (by_userid));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, user_id (by_userid));
  by_id = show_user (id);
  g_assert_nonnull (by_id);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (by_id), "userid"), ==, "admin@localhost");

  /* For people: labelled lines. */
  cli_assert_status (table, 0);
  g_assert_nonnull (strstr (table->out, "User ID:"));
  g_assert_nonnull (strstr (table->out, "admin@localhost"));
  g_assert_nonnull (strstr (table->out, "USER_ADMIN"));
  g_assert_nonnull (strstr (table->out, "Status:"));
}

/* A numeric id of a user outside "bim" is found in its own IAM. */
static void
test_show_id_in_other_iam (void)
{
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "list", "--sort", "iamid", "--desc", NULL);
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) shown = NULL;
  g_autofree char *id = NULL;
  JsonObject      *first;

  cli_assert_status (result, 0);
  list = cli_result_json (result);
  first = steward_test_json_object (json_array_get_element (steward_test_json_get_array (steward_test_json_object (list), "hits"), 0));
  g_assert_cmpstr (steward_test_json_get_string (first, "iamid"), !=, "bim");

  id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_test_json_get_int (first, "id"));
  shown = show_user (id);
  g_assert_nonnull (shown);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (shown), "iamid"), ==,
                   steward_test_json_get_string (first, "iamid"));
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (shown), "userid"), ==,
                   steward_test_json_get_string (first, "userid"));
}

static void
test_show_unknown (void)
{
  g_autoptr (CliResult) by_userid = run_admin (NULL, "users", "show", "nobody@example.com", NULL);
  g_autoptr (CliResult) by_id = run_admin (NULL, "users", "show", "987654", NULL);
  g_autoptr (CliResult) bad = run_admin (NULL, "users", "show", "okta:", NULL);
  g_autoptr (CliResult) missing = run_admin (NULL, "users", "show", NULL);

  cli_assert_failure (by_userid, 1);
  g_assert_cmpstr (by_userid->out, ==, "");
  cli_assert_failure (by_id, 1);
  g_assert_nonnull (strstr (by_id->err, "987654"));
  cli_assert_failure (bad, 2);
  cli_assert_failure (missing, 2);
}

/* ------------------------------------------------------------ users create */

static void
test_create (void)
{
  g_autoptr (CliResult) table = run_admin (NULL, "users", "create", "--name", "Siobhán O'Brien",
                                           "--email", "siobhan@example.com", NULL);
  g_autoptr (JsonNode) user = show_user ("siobhan@example.com");
  g_auto (GStrv) permissions = NULL;
  JsonObject *profile;

  cli_assert_status (table, 0);
  g_assert_true (g_str_has_prefix (table->out, "Created Siobhán O'Brien (bim:siobhan@example.com).\n"));
  g_assert_nonnull (strstr (table->out, "CREATE_PROJECT"));

  g_assert_nonnull (user);
  profile = steward_test_json_get_object (steward_test_json_object (user), "profile");
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, "Siobhán O'Brien");
  g_assert_cmpstr (steward_test_json_get_string (profile, "email"), ==, "siobhan@example.com");

  /* The server's defaults without --permission. */
  permissions = user_permissions (user);
  g_assert_true (g_strv_contains ((const char *const *) permissions, "CREATE_PROJECT"));
  g_assert_true (g_strv_contains ((const char *const *) permissions, "CREATE_DATA_SOURCE_IN_PROJECT"));
}

static void
test_create_with_permissions (void)
{
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "create", "--name", "Perm Holder",
                                            "--email", "perm.holder@example.com",
                                            "--permission", "AUDIT", "--permission", "GOVERNANCE", NULL);
  g_autoptr (JsonNode) user = NULL;
  g_auto (GStrv) permissions = NULL;

  cli_assert_status (result, 0);
  user = cli_result_json (result);
  permissions = user_permissions (user);
  g_assert_cmpuint (g_strv_length (permissions), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) permissions, "AUDIT"));
  g_assert_true (g_strv_contains ((const char *const *) permissions, "GOVERNANCE"));
}

static void
test_create_duplicate (void)
{
  g_autoptr (JsonNode) first = create_user ("Dup Licate", "dup@example.com");
  g_autoptr (CliResult) again = run_admin (NULL, "users", "create", "--name", "Dup Again",
                                           "--email", "DUP@example.com", NULL);

  /* 409: refused by the server, with the server's message. */
  cli_assert_failure (again, 1);
  g_assert_nonnull (strstr (again->err, "already exists"));
  g_assert_cmpstr (again->out, ==, "");
}

static void
test_create_usage_errors (void)
{
  g_autoptr (CliResult) no_name = run_admin (NULL, "users", "create", "--email", "x@example.com", NULL);
  g_autoptr (CliResult) no_email = run_admin (NULL, "users", "create", "--name", "X", NULL);
  g_autoptr (CliResult) bad_email = run_admin (NULL, "users", "create", "--name", "X", "--email", "not-an-address", NULL);
  g_autoptr (CliResult) bad_permission = run_admin (NULL, "users", "create", "--name", "X", "--email", "x@example.com",
                                                    "--permission", "drop table", NULL);
  g_autoptr (JsonNode) absent = NULL;

  cli_assert_failure (no_name, 2);
  g_assert_nonnull (strstr (no_name->err, "--name"));
  cli_assert_failure (no_email, 2);
  cli_assert_failure (bad_email, 2);
  cli_assert_failure (bad_permission, 2);

  absent = show_user ("x@example.com");
  g_assert_null (absent);
}

/* ------------------------------------------------------ grant and revoke */

static void
test_grant_and_revoke (void)
{
  g_autoptr (JsonNode) user = create_user ("Grant Ee", "grantee@example.com");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, user_id (user));
  g_autoptr (CliResult) grant = run_admin (NULL, "users", "grant", "grantee@example.com", "AUDIT", "GOVERNANCE", NULL);
  g_autoptr (CliResult) revoke = run_admin (NULL, "--json", "users", "revoke", id, "AUDIT", NULL);
  g_autoptr (JsonNode) after = NULL;
  g_auto (GStrv) granted = NULL;
  g_auto (GStrv) remaining = NULL;

  cli_assert_status (grant, 0);
  g_assert_true (g_str_has_prefix (grant->out, "Granted AUDIT, GOVERNANCE to Grant Ee (bim:grantee@example.com).\n"));

  cli_assert_status (revoke, 0);
  after = cli_result_json (revoke);
  remaining = user_permissions (after);
  g_assert_false (g_strv_contains ((const char *const *) remaining, "AUDIT"));
  g_assert_true (g_strv_contains ((const char *const *) remaining, "GOVERNANCE"));
  g_assert_true (g_strv_contains ((const char *const *) remaining, "CREATE_PROJECT"));

  {
    g_autoptr (JsonNode) shown = show_user ("bim:grantee@example.com");

    granted = user_permissions (shown);
    g_assert_cmpuint (g_strv_length (granted), ==, g_strv_length (remaining));
  }
}

static void
test_grant_usage_errors (void)
{
  g_autoptr (CliResult) no_permission = run_admin (NULL, "users", "grant", "admin@localhost", NULL);
  g_autoptr (CliResult) malformed = run_admin (NULL, "users", "grant", "admin@localhost", "audit", NULL);
  g_autoptr (CliResult) unknown_user = run_admin (NULL, "users", "revoke", "ghost@example.com", "AUDIT", NULL);

  cli_assert_failure (no_permission, 2);
  cli_assert_failure (malformed, 2);
  cli_assert_failure (unknown_user, 1);
}

/* ---------------------------------------------------- disable and enable */

static void
test_disable_and_enable (void)
{
  g_autoptr (JsonNode) user = create_user ("Dis Abled", "disabled.one@example.com");
  g_autoptr (CliResult) disable = run_admin (NULL, "users", "disable", "disabled.one@example.com", NULL);
  g_autoptr (CliResult) hidden = run_admin (NULL, "--json", "users", "list", "--search", "disabled.one", NULL);
  g_autoptr (CliResult) shown = run_admin (NULL, "--json", "users", "list", "--search", "disabled.one", "--include-disabled", NULL);
  g_autoptr (CliResult) enable = run_admin (NULL, "--json", "users", "enable", "disabled.one@example.com", NULL);
  g_autoptr (JsonNode) hidden_list = NULL;
  g_autoptr (JsonNode) shown_list = NULL;
  g_autoptr (JsonNode) enabled = NULL;

  cli_assert_status (disable, 0);
  g_assert_true (g_str_has_prefix (disable->out, "Disabled Dis Abled (bim:disabled.one@example.com).\n"));
  g_assert_nonnull (strstr (disable->out, "Disabled\n"));

  cli_assert_status (hidden, 0);
  hidden_list = cli_result_json (hidden);
  g_assert_false (list_has_userid (hidden_list, "disabled.one@example.com"));
  cli_assert_status (shown, 0);
  shown_list = cli_result_json (shown);
  g_assert_true (list_has_userid (shown_list, "disabled.one@example.com"));

  cli_assert_status (enable, 0);
  enabled = cli_result_json (enable);
  g_assert_false (steward_test_json_get_bool (steward_test_json_object (enabled), "disabled"));
}

/* ------------------------------------------------------------------ delete */

static void
test_delete_wrong_word (void)
{
  g_autoptr (JsonNode) user = create_user ("Keep Me", "keep.me@example.com");
  const char *const words[] = { "delete\n", "DELETE\n", "Delete \n", "Delete it\n", "yes\n", "" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr (CliResult) result = run_admin (words[i], "users", "delete", "keep.me@example.com", NULL);
      g_autoptr (JsonNode) still = show_user ("keep.me@example.com");
      const char *last_line;

      /* The question, then one line saying nothing happened. */
      cli_assert_status (result, 2);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_nonnull (strstr (result->err, "Permanently delete Keep Me (bim:keep.me@example.com)?"));
      g_assert_nonnull (strstr (result->err, "Type Delete to confirm: "));
      last_line = strstr (result->err, "stewardctl: ");
      g_assert_nonnull (last_line);
      g_assert_nonnull (strstr (last_line, "Nothing was deleted"));
      g_assert_nonnull (still);
    }
}

static void
test_delete_typed (void)
{
  g_autoptr (JsonNode) user = create_user ("Gone Soon", "gone.soon@example.com");
  g_autoptr (CliResult) result = run_admin ("Delete\n", "users", "delete", "gone.soon@example.com", NULL);
  g_autoptr (JsonNode) gone = show_user ("gone.soon@example.com");

  cli_assert_status (result, 0);
  g_assert_cmpstr (result->out, ==, "Permanently deleted Gone Soon (bim:gone.soon@example.com).\n");
  g_assert_null (gone);
}

static void
test_delete_confirmed (void)
{
  g_autoptr (JsonNode) user = create_user ("Confirmed Gone", "confirmed.gone@example.com");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, user_id (user));
  g_autoptr (CliResult) refused = run_admin (NULL, "users", "delete", id, "--confirm", "yes", NULL);
  g_autoptr (JsonNode) kept = show_user (id);
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "delete", id, "--confirm", "Delete", NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) gone = show_user (id);

  /* --confirm with another word is a usage error and deletes nothing. */
  cli_assert_failure (refused, 2);
  g_assert_nonnull (kept);

  /* No question is asked with --confirm Delete. */
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  reply = cli_result_json (result);
  g_assert_true (steward_test_json_get_bool (steward_test_json_object (reply), "deleted"));
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "id"), ==, user_id (user));
  g_assert_null (gone);
}

static void
test_delete_self_refused (void)
{
  g_autoptr (CliResult) result = run_admin (NULL, "users", "delete", "admin@localhost", "--confirm", "Delete", NULL);
  g_autoptr (JsonNode) still = show_user ("admin@localhost");

  cli_assert_failure (result, 1);
  g_assert_nonnull (still);
}

/* ----------------------------------------------------------------- migrate */

static void
test_migrate (void)
{
  g_autoptr (JsonNode) user = create_user ("Mig Rant", "migrant@example.com");
  g_autoptr (CliResult) result = run_admin (NULL, "--json", "users", "migrate", "migrant@example.com",
                                            "--to-iam", "ldap", "--to-userid", "mrant", NULL);
  g_autoptr (JsonNode) moved = NULL;
  g_autoptr (JsonNode) old = show_user ("migrant@example.com");
  g_autoptr (JsonNode) found = show_user ("ldap:mrant");
  g_autoptr (CliResult) table = run_admin (NULL, "users", "migrate", "ldap:mrant",
                                           "--to-iam", "okta", "--to-userid", "migrant@example.com", NULL);

  cli_assert_status (result, 0);
  moved = cli_result_json (result);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (moved), "iamid"), ==, "ldap");
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (moved), "userid"), ==, "mrant");
  g_assert_cmpint (user_id (moved), ==, user_id (user));
  g_assert_null (old);
  g_assert_nonnull (found);

  cli_assert_status (table, 0);
  g_assert_true (g_str_has_prefix (table->out, "Migrated Mig Rant (ldap:mrant) to Mig Rant (okta:migrant@example.com).\n"));
}

static void
test_migrate_refused (void)
{
  g_autoptr (JsonNode) user = create_user ("Stay Put", "stay.put@example.com");
  g_autoptr (CliResult) unknown_iam = run_admin (NULL, "users", "migrate", "stay.put@example.com",
                                                 "--to-iam", "nowhere", "--to-userid", "x", NULL);
  g_autoptr (CliResult) no_target = run_admin (NULL, "users", "migrate", "stay.put@example.com", "--to-iam", "okta", NULL);
  g_autoptr (CliResult) bad_iam = run_admin (NULL, "users", "migrate", "stay.put@example.com",
                                             "--to-iam", "no way", "--to-userid", "x", NULL);
  g_autoptr (JsonNode) still = show_user ("stay.put@example.com");

  cli_assert_failure (unknown_iam, 1);
  cli_assert_failure (no_target, 2);
  cli_assert_failure (bad_iam, 2);
  g_assert_nonnull (still);
}

/* ------------------------------------------------------------------ access */

static void
test_not_authorized (void)
{
  g_autoptr (JsonNode) limited = create_user ("Lim Ited", "limited@example.com");
  g_autofree char *key = steward_test_server_issue_api_key (server, "limited@example.com");
  g_autoptr (CliResult) forbidden = cli_run_server (server, key, NULL, "users", "list", NULL);
  g_autoptr (CliResult) wrong_key = cli_run_server (server, "not-a-key", NULL, "users", "list", NULL);
  g_autoptr (CliResult) forbidden_create = cli_run_server (server, key, NULL, "users", "create", "--name", "No",
                                                           "--email", "no@example.com", NULL);

  cli_assert_failure (forbidden, 4);
  cli_assert_failure (wrong_key, 4);
  cli_assert_failure (forbidden_create, 4);
  g_assert_cmpstr (wrong_key->out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  server = steward_test_server_start ("--demo", "50", NULL);

  g_test_add_func ("/stewardctl/users/list/table", test_list_table);
  g_test_add_func ("/stewardctl/users/list/limit", test_list_limit);
  g_test_add_func ("/stewardctl/users/list/filters", test_list_filters);
  g_test_add_func ("/stewardctl/users/list/sort", test_list_sort);
  g_test_add_func ("/stewardctl/users/list/usage-errors", test_list_usage_errors);
  g_test_add_func ("/stewardctl/users/show/forms", test_show_forms);
  g_test_add_func ("/stewardctl/users/show/id-in-other-iam", test_show_id_in_other_iam);
  g_test_add_func ("/stewardctl/users/show/unknown", test_show_unknown);
  g_test_add_func ("/stewardctl/users/create", test_create);
  g_test_add_func ("/stewardctl/users/create/permissions", test_create_with_permissions);
  g_test_add_func ("/stewardctl/users/create/duplicate", test_create_duplicate);
  g_test_add_func ("/stewardctl/users/create/usage-errors", test_create_usage_errors);
  g_test_add_func ("/stewardctl/users/grant-revoke", test_grant_and_revoke);
  g_test_add_func ("/stewardctl/users/grant-revoke/usage-errors", test_grant_usage_errors);
  g_test_add_func ("/stewardctl/users/disable-enable", test_disable_and_enable);
  g_test_add_func ("/stewardctl/users/delete/wrong-word", test_delete_wrong_word);
  g_test_add_func ("/stewardctl/users/delete/typed", test_delete_typed);
  g_test_add_func ("/stewardctl/users/delete/confirmed", test_delete_confirmed);
  g_test_add_func ("/stewardctl/users/delete/self", test_delete_self_refused);
  g_test_add_func ("/stewardctl/users/migrate", test_migrate);
  g_test_add_func ("/stewardctl/users/migrate/refused", test_migrate_refused);
  g_test_add_func ("/stewardctl/users/not-authorized", test_not_authorized);

  status = g_test_run ();
  steward_test_server_free (server);

  return status;
}
