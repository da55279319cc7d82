/* steward-test-assert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-assert.h"

#include "steward-test-json.h"

#include <libsoup/soup.h>
#include <string.h>

static const char *const record_types[] = {
  "userCreated", "userUpdated", "permissionsUpdated", "userDisabled", "userEnabled",
  "userMigrated", "userDeleted", "apiKeyAuthenticated", "apiKeyCreated", "apiKeyRevoked",
  NULL
};

static const char *const validation_codes[] = {
  "required", "format", "unique", "range", "unknown", NULL
};

static void
assert_matches (const char *pattern,
                const char *text,
                const char *what)
{
  if (text == NULL || !g_regex_match_simple (pattern, text, 0, 0))
    {
      g_autofree char *message = g_strdup_printf ("\"%s\" is not %s", text, what);

      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
    }
}

void
steward_test_assert_timestamp (const char *text)
{
  assert_matches ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$", text,
                  "an ISO-8601 UTC timestamp with milliseconds");
}

void
steward_test_assert_date (const char *text)
{
  assert_matches ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, "a YYYY-MM-DD date");
}

/* The reason phrases of RFC 9110 for the statuses whose wording every HTTP
 * library agrees on; 413 has had three names, so any is accepted. */
static const char *
expected_reason (guint status)
{
  switch (status)
    {
      case 413:
        return NULL;
      default:
        return soup_status_get_phrase (status);
    }
}

void
steward_test_assert_error (JsonNode *reply,
                           guint     status,
                           guint     expected_status)
{
  g_autofree char *text = steward_test_json_to_string (reply);
  JsonObject      *object;

  if (status != expected_status)
    {
      g_autofree char *shown = steward_test_printable (text, 600);

      g_test_message ("expected status %u, got %u with %s", expected_status, status, shown);
    }
  g_assert_cmpuint (status, ==, expected_status);

  object = steward_test_json_object (reply);
  g_assert_cmpint (steward_test_json_get_int (object, "statusCode"), ==, expected_status);
  g_assert_cmpstr (steward_test_json_get_string (object, "error"), !=, "");
  if (expected_reason (expected_status) != NULL)
    g_assert_cmpstr (steward_test_json_get_string (object, "error"), ==, expected_reason (expected_status));
  g_assert_cmpstr (steward_test_json_get_string (object, "message"), !=, "");
}

void
steward_test_assert_parse_error (JsonNode   *reply,
                                 guint       status,
                                 const char *sent_text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *message;
  const char *expected;

  steward_test_assert_error (reply, status, SOUP_STATUS_BAD_REQUEST);

  g_assert_false (json_parser_load_from_data (parser, sent_text, -1, &error));
  g_assert_nonnull (error);
  expected = strstr (error->message, "Parse error: ");
  expected = expected != NULL ? expected + strlen ("Parse error: ") : error->message;

  message = steward_test_json_get_string (steward_test_json_object (reply), "message");
  if (strstr (message, expected) == NULL)
    {
      g_autofree char *shown = steward_test_printable (message, 600);

      g_test_message ("message \"%s\" does not carry the parser's \"%s\"", shown, expected);
    }
  g_assert_nonnull (strstr (message, expected));
}

void
steward_test_assert_validation (JsonNode   *reply,
                                const char *field,
                                const char *code)
{
  JsonObject      *object = steward_test_json_object (reply);
  g_autofree char *text = steward_test_json_to_string (reply);
  JsonArray       *validation;
  gboolean         found = FALSE;

  if (!json_object_has_member (object, "validation"))
    return;

  validation = steward_test_json_get_array (object, "validation");
  for (guint i = 0; i < json_array_get_length (validation); i++)
    {
      JsonObject *entry = steward_test_json_object (json_array_get_element (validation, i));
      const char *entry_field = steward_test_json_get_string (entry, "field");
      const char *entry_code = steward_test_json_get_string (entry, "code");

      g_assert_true (g_strv_contains (validation_codes, entry_code));
      if (g_str_equal (entry_field, field) && (code == NULL || g_str_equal (entry_code, code)))
        found = TRUE;
    }

  if (!found)
    {
      g_autofree char *shown = steward_test_printable (text, 600);

      g_test_message ("no validation entry for \"%s\" (%s) in %s", field, code != NULL ? code : "any code", shown);
    }
  g_assert_true (found);
}

static void
assert_sorted_strings (JsonArray *array)
{
  g_auto (GStrv) names = steward_test_json_array_strv (array);

  for (guint i = 1; names[i] != NULL; i++)
    g_assert_cmpstr (names[i - 1], <, names[i]);
}

void
steward_test_assert_user (JsonNode *user)
{
  JsonObject *object = steward_test_json_object (user);
  JsonObject *profile = steward_test_json_get_object (object, "profile");
  const char *last_login;
  gint64      id;

  id = steward_test_json_get_int (object, "id");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (steward_test_json_get_string (object, "iamid"), !=, "");
  g_assert_cmpstr (steward_test_json_get_string (object, "userid"), !=, "");

  g_assert_cmpint (steward_test_json_get_int (profile, "id"), ==, id);
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), !=, "");
  steward_test_json_get_nullable_string (profile, "email");
  steward_test_json_get_nullable_string (profile, "sqlUser");
  steward_test_json_get_nullable_string (profile, "phone");
  steward_test_json_get_nullable_string (profile, "position");
  steward_test_json_get_nullable_string (profile, "organization");
  steward_test_assert_timestamp (steward_test_json_get_string (profile, "createdAt"));
  steward_test_assert_timestamp (steward_test_json_get_string (profile, "updatedAt"));

  assert_sorted_strings (steward_test_json_get_array (object, "permissions"));
  assert_sorted_strings (steward_test_json_get_array (object, "groupPermissions"));
  steward_test_json_get_bool (object, "disabled");
  steward_test_json_get_bool (object, "systemGenerated");

  last_login = steward_test_json_get_nullable_string (object, "lastLogin");
  if (last_login != NULL)
    steward_test_assert_timestamp (last_login);
  steward_test_assert_timestamp (steward_test_json_get_string (object, "createdAt"));
  steward_test_assert_timestamp (steward_test_json_get_string (object, "updatedAt"));
}

void
steward_test_assert_permissions (JsonNode          *user,
                                 const char *const *expected)
{
  JsonObject *object = steward_test_json_object (user);
  g_auto (GStrv) actual = steward_test_json_array_strv (steward_test_json_get_array (object, "permissions"));

  g_assert_cmpstrv (actual, expected);
}

static void
assert_identity (JsonObject *identity)
{
  g_assert_cmpstr (steward_test_json_get_string (identity, "iamid"), !=, "");
  g_assert_cmpstr (steward_test_json_get_string (identity, "userid"), !=, "");
}

JsonObject *
steward_test_assert_audit_record (JsonNode *record)
{
  JsonObject *object = steward_test_json_object (record);
  JsonNode   *target;

  g_assert_cmpint (steward_test_json_get_int (object, "id"), >, 0);
  steward_test_assert_timestamp (steward_test_json_get_string (object, "dateTime"));
  g_assert_true (g_strv_contains (record_types, steward_test_json_get_string (object, "recordType")));
  assert_identity (steward_test_json_get_object (object, "actor"));

  /* An API-key record has no other user as its target. */
  target = json_object_get_member (object, "target");
  g_assert_nonnull (target);
  if (!JSON_NODE_HOLDS_NULL (target))
    assert_identity (steward_test_json_get_object (object, "target"));

  steward_test_json_get_bool (object, "success");
  steward_test_json_get_object (object, "details");

  return object;
}

JsonObject *
steward_test_find_user (JsonNode   *list_reply,
                        const char *iamid,
                        const char *userid)
{
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (list_reply), "hits");

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = steward_test_json_object (json_array_get_element (hits, i));

      if (g_strcmp0 (steward_test_json_get_string (hit, "iamid"), iamid) == 0 && g_strcmp0 (steward_test_json_get_string (hit, "userid"), userid) == 0)
        return hit;
    }

  return NULL;
}
