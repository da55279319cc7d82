/* test-server-json-writer.c
 *
 * The server writes its most frequent replies (pages of users, one user)
 * as text directly instead of through a JsonNode tree and JsonGenerator.
 * API.md's contract is the bytes json-glib wrote before: these tests build
 * the same users as json-glib trees, generate them with JsonGenerator, and
 * demand identical bytes, for hostile strings (every control character,
 * quotes, backslashes, UTF-8) and for every kind of missing value. The
 * times are checked against GDateTime across the range the server serves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "steward-json-writer.h"
#include "steward-time.h"

/* ------------------------------------------- the reference: json-glib */

static char *
reference_time (gint64 ms)
{
  g_autoptr (GDateTime) time = NULL;

  if (ms == 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (ms / 1000);
  if (time == NULL)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (time), g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time),
                          (int) (ms % 1000));
}

static void
reference_set_string (JsonObject *object,
                      const char *member,
                      const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static void
reference_set_time (JsonObject *object,
                    const char *member,
                    gint64      ms)
{
  g_autofree char *text = reference_time (ms);

  reference_set_string (object, member, text);
}

static JsonArray *
reference_strings (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      if (g_ptr_array_index (strings, i) != NULL)
        json_array_add_string_element (array, g_ptr_array_index (strings, i));
    }
  return array;
}

static JsonObject *
reference_profile (const StewardStoreUser *user)
{
  JsonObject *profile = json_object_new ();

  json_object_set_int_member (profile, "id", user->id);
  reference_set_string (profile, "name", user->name);
  reference_set_string (profile, "email", user->email);
  reference_set_string (profile, "sqlUser", user->sql_user);
  reference_set_string (profile, "phone", user->phone);
  reference_set_string (profile, "position", user->position);
  reference_set_string (profile, "organization", user->organization);
  reference_set_time (profile, "createdAt", user->created_at);
  reference_set_time (profile, "updatedAt", user->profile_updated_at);
  return profile;
}

static JsonObject *
reference_user (const StewardStoreUser *user)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", user->id);
  json_object_set_string_member (object, "iamid", user->iamid);
  json_object_set_string_member (object, "userid", user->userid);
  json_object_set_object_member (object, "profile", reference_profile (user));
  json_object_set_array_member (object, "permissions", reference_strings (user->permissions));
  json_object_set_array_member (object, "groupPermissions", reference_strings (user->group_permissions));
  json_object_set_boolean_member (object, "disabled", user->disabled);
  json_object_set_boolean_member (object, "systemGenerated", user->system_generated);
  reference_set_time (object, "lastLogin", user->last_login);
  reference_set_time (object, "createdAt", user->created_at);
  reference_set_time (object, "updatedAt", user->updated_at);
  return object;
}

static char *
generate (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_object_unref (object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------ fixtures */

/* Every byte from 0x01 to 0x7f, then multi-byte UTF-8. */
static char *
hostile_text (void)
{
  GString *text = g_string_new (NULL);

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "ÄÖü ß € 漢字 😀 \"quoted\" back\\slash </script>");
  return g_string_free (text, FALSE);
}

static StewardStoreUser *
make_user (gint64      id,
           const char *text,
           gboolean    with_nulls)
{
  StewardStoreUser *user = g_new0 (StewardStoreUser, 1);

  user->id = id;
  user->iamid = g_strdup ("bim");
  user->userid = g_strdup (text);
  user->name = g_strdup (text);
  user->email = with_nulls ? NULL : g_strdup ("ann@example.com");
  user->sql_user = with_nulls ? NULL : g_strdup ("ann_sql");
  user->phone = with_nulls ? NULL : g_strdup ("+49 30 123");
  user->position = with_nulls ? NULL : g_strdup (text);
  user->organization = with_nulls ? NULL : g_strdup ("Ünïcode GmbH");
  user->permissions = g_ptr_array_new_with_free_func (g_free);
  user->group_permissions = g_ptr_array_new_with_free_func (g_free);
  if (!with_nulls)
    {
      g_ptr_array_add (user->permissions, g_strdup ("CREATE_PROJECT"));
      g_ptr_array_add (user->permissions, g_strdup ("USER_ADMIN"));
      /* The NULL terminator a permission set may carry. */
      g_ptr_array_add (user->permissions, NULL);
      g_ptr_array_add (user->group_permissions, g_strdup ("AUDIT"));
    }
  user->disabled = with_nulls;
  user->system_generated = !with_nulls;
  user->last_login = with_nulls ? 0 : G_GINT64_CONSTANT (1764605123456);
  user->created_at = G_GINT64_CONSTANT (1700000000001);
  user->updated_at = with_nulls ? G_GINT64_CONSTANT (253402300799999) : G_GINT64_CONSTANT (951782400000);
  user->profile_updated_at = G_GINT64_CONSTANT (1709210096789);
  return user;
}

/* --------------------------------------------------------------- tests */

static void
test_string_escapes (void)
{
  g_autofree char *text = hostile_text ();
  const char      *samples[] = { "", "plain", "\"", "\\", "\x1f", "\x7f", "a\nb\tc\rd\be\ff", text };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (GString) written = g_string_new (NULL);
      JsonObject      *object = json_object_new ();
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      json_object_set_string_member (object, "s", samples[i]);
      expected = generate (object);
      g_string_append (written, "{\"s\":");
      steward_json_write_string (written, samples[i]);
      g_string_append_c (written, '}');
      got = g_string_free (g_steal_pointer (&written), FALSE);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_user_bytes (void)
{
  g_autofree char *text = hostile_text ();

  for (int with_nulls = 0; with_nulls <= 1; with_nulls++)
    {
      g_autoptr (StewardStoreUser) user = make_user (with_nulls ? G_MAXINT64 : 42, text, with_nulls);
      g_autoptr (GString) written = g_string_new (NULL);
      g_autofree char *expected = generate (reference_user (user));

      steward_json_write_user (written, user);
      g_assert_cmpstr (written->str, ==, expected);
    }
}

static void
test_list_bytes (void)
{
  g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_store_user_free);
  g_autoptr (GString) written = g_string_new (NULL);
  g_autofree char *expected = NULL;
  JsonObject      *list;
  JsonArray       *hits;

  g_ptr_array_add (users, make_user (1, "Ann Lee", FALSE));
  g_ptr_array_add (users, make_user (2, "Bo \"B\" Lee", TRUE));
  g_ptr_array_add (users, make_user (3, "Ćesar", FALSE));

  list = json_object_new ();
  hits = json_array_new ();
  for (guint i = 0; i < users->len; i++)
    json_array_add_object_element (hits, reference_user (g_ptr_array_index (users, i)));
  json_object_set_array_member (list, "hits", hits);
  json_object_set_int_member (list, "count", 1000000);
  expected = generate (list);

  steward_json_write_user_list (written, users, 1000000);
  g_assert_cmpstr (written->str, ==, expected);

  /* An empty page too. */
  g_ptr_array_set_size (users, 0);
  g_string_truncate (written, 0);
  list = json_object_new ();
  json_object_set_array_member (list, "hits", json_array_new ());
  json_object_set_int_member (list, "count", 0);
  g_clear_pointer (&expected, g_free);
  expected = generate (list);
  steward_json_write_user_list (written, users, 0);
  g_assert_cmpstr (written->str, ==, expected);
}

static void
check_time (gint64 ms)
{
  g_autofree char *expected = reference_time (ms);
  g_autofree char *got = steward_time_format (ms);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_times (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261206);
  /* The epoch, leap days, century rules, the last millisecond of 9999. */
  const gint64 fixed[] = {
    1,
    999,
    1000,
    G_GINT64_CONSTANT (951782400000),  /* 2000-02-29 */
    G_GINT64_CONSTANT (4107542399999), /* 2100-02-28T23:59:59.999 */
    G_GINT64_CONSTANT (4107542400000), /* 2100-03-01, 2100 is no leap year */
    G_GINT64_CONSTANT (1709210096789), /* 2024-02-29 */
    G_GINT64_CONSTANT (1798761599999), /* 2026-12-31T23:59:59.999 */
    STEWARD_TIME_MAX_MS - 1,
  };
  char text[STEWARD_TIME_TEXT_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_time (fixed[i]);

  for (guint i = 0; i < 200000; i++)
    check_time ((gint64) (g_rand_double (rand) * (double) STEWARD_TIME_MAX_MS));

  /* Out of range: no text rather than a wrong one. */
  g_assert_false (steward_time_format_to (-1, text));
  g_assert_false (steward_time_format_to (STEWARD_TIME_MAX_MS, text));
  g_assert_null (steward_time_format (STEWARD_TIME_MAX_MS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/json-writer/string-escapes", test_string_escapes);
  g_test_add_func ("/server/json-writer/user-bytes", test_user_bytes);
  g_test_add_func ("/server/json-writer/list-bytes", test_list_bytes);
  g_test_add_func ("/server/json-writer/times", test_times);

  return g_test_run ();
}
