/* test-user-snapshot.c
 *
 * The JSON written before a permanent delete holds what re-creating the
 * user by hand needs, in API.md's field names, and a safe file name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-private.h"
#include "steward-user-snapshot.h"

#include <json-glib/json-glib.h>

static StewardUser *
make_user (void)
{
  StewardUserFields fields = { 0 };
  const char *const permissions[] = { "GOVERNANCE", "IMPERSONATE_USER", NULL };

  fields.id = 17;
  fields.iamid = g_strdup ("bim");
  fields.userid = g_strdup ("o'brien/ann@example.com");
  fields.name = g_strdup ("Ann O'Brien");
  fields.email = g_strdup ("ann@example.com");
  fields.sql_user = g_strdup ("ann_sql");
  fields.permissions = g_strdupv ((GStrv) permissions);
  fields.created_at = g_date_time_new_utc (2025, 5, 4, 10, 0, 0);
  return steward_user_new_take_fields (&fields);
}

static void
test_json (void)
{
  g_autoptr (StewardUser) user = make_user ();
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 28, 9, 30, 0);
  g_autofree char *json = steward_user_snapshot_to_json (user, now);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *profile;
  JsonArray  *permissions;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, 17);
  g_assert_cmpstr (json_object_get_string_member (root, "iamid"), ==, "bim");
  g_assert_cmpstr (json_object_get_string_member (root, "userid"), ==, "o'brien/ann@example.com");
  g_assert_cmpstr (json_object_get_string_member (root, "savedAt"), ==, "2026-11-28T09:30:00Z");
  profile = json_object_get_object_member (root, "profile");
  g_assert_cmpstr (json_object_get_string_member (profile, "name"), ==, "Ann O'Brien");
  g_assert_cmpstr (json_object_get_string_member (profile, "email"), ==, "ann@example.com");
  g_assert_cmpstr (json_object_get_string_member (profile, "sqlUser"), ==, "ann_sql");
  g_assert_true (json_object_get_null_member (profile, "phone"));
  permissions = json_object_get_array_member (root, "permissions");
  g_assert_cmpuint (json_array_get_length (permissions), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (permissions, 1), ==, "IMPERSONATE_USER");
  g_assert_false (json_object_get_boolean_member (root, "disabled"));
  g_assert_false (json_object_has_member (root, "apikey"));
}

static void
test_file_name (void)
{
  g_autoptr (StewardUser) user = make_user ();
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 28, 9, 30, 0);
  g_autofree char *name = steward_user_snapshot_file_name (user, now);

  /* The slash and the quote cannot end up in a path. */
  g_assert_cmpstr (name, ==, "user-o-brien-ann-example.com-2026-11-28.json");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/user-snapshot/json", test_json);
  g_test_add_func ("/api/user-snapshot/file-name", test_file_name);

  return g_test_run ();
}
