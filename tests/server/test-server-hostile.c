/* test-server-hostile.c
 *
 * Input nobody should send and somebody will: quotes, SQL, LIKE wildcards,
 * Unicode, overlong names, control characters, odd percent-encoding, bad
 * UTF-8, deep nesting, oversized bodies and clients that hang up. Each must be stored and returned
 * exactly or be refused with a clear 4xx, and the server must stay up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-test-assert.h"
#include "steward-test-http.h"
#include "steward-test-json.h"
#include "steward-test-server.h"

#define MAX_BODY_BYTES (1024 * 1024)

static StewardTestServer *server;
static char              *admin_token;

static JsonNode *
expect (const char *method,
        const char *path,
        const char *body,
        guint       expected_status)
{
  return steward_test_http_expect (server, method, path, admin_token, body, expected_status);
}

static void
assert_server_alive (void)
{
  json_node_unref (expect ("GET", "/bim/rpc/user/current", NULL, 200));
}

/* Creates the user, then reads it back by userid and asserts that name and
 * e-mail survived byte for byte. */
static JsonNode *
create_and_read_back (const char *name,
                      const char *email)
{
  g_autoptr (JsonNode) created = steward_test_http_create_user (server, admin_token, name, email, NULL);
  g_autofree char *path = steward_test_http_user_path ("bim", email, NULL);
  g_autoptr (JsonNode) fetched = expect ("GET", path, NULL, 200);
  JsonObject *created_profile = steward_test_json_get_object (steward_test_json_object (created), "profile");
  JsonObject *profile = steward_test_json_get_object (steward_test_json_object (fetched), "profile");

  g_assert_cmpstr (steward_test_json_get_string (created_profile, "name"), ==, name);
  g_assert_cmpstr (steward_test_json_get_string (profile, "name"), ==, name);
  g_assert_cmpstr (steward_test_json_get_nullable_string (profile, "email"), ==, email);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (fetched), "userid"), ==, email);

  return g_steal_pointer (&fetched);
}

static void
assert_search_finds (const char *text,
                     const char *userid)
{
  g_autofree char *escaped = steward_test_http_escape (text);
  g_autofree char *path = g_strconcat ("/bim/user?includeDisabled=true&searchText=", escaped, NULL);
  g_autoptr (JsonNode) reply = expect ("GET", path, NULL, 200);

  g_assert_nonnull (steward_test_find_user (reply, "bim", userid));
}

/* Every hit of searchText=@text must really contain @text literally. */
static void
assert_search_is_literal (const char *text)
{
  g_autofree char *escaped = steward_test_http_escape (text);
  g_autofree char *path = g_strconcat ("/bim/user?includeDisabled=true&size=1000&searchText=", escaped, NULL);
  g_autoptr (JsonNode) reply = expect ("GET", path, NULL, 200);
  JsonArray *hits = steward_test_json_get_array (steward_test_json_object (reply), "hits");

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject      *user = steward_test_json_object (json_array_get_element (hits, i));
      JsonObject      *profile = steward_test_json_get_object (user, "profile");
      g_autofree char *haystack = g_strjoin ("\n", steward_test_json_get_string (profile, "name"),
                                             steward_test_json_get_string (user, "userid"),
                                             steward_test_json_get_nullable_string (profile, "email"), NULL);

      if (strstr (haystack, text) == NULL)
        {
          g_autofree char *shown = steward_test_printable (haystack, 300);

          g_test_message ("searchText matched %s", shown);
        }
      g_assert_nonnull (strstr (haystack, text));
    }
}

static void
test_quotes (void)
{
  const char *name = "Conan \"The\" O'Brien \\ Back\\slash";

  json_node_unref (create_and_read_back (name, "o'brien+quotes@example.com"));
  assert_search_finds ("O'Brien", "o'brien+quotes@example.com");
  assert_search_finds ("\"The\"", "o'brien+quotes@example.com");
  assert_search_is_literal ("'");
}

static void
test_sql_in_fields (void)
{
  g_autoptr (JsonNode) everyone = NULL;

  json_node_unref (create_and_read_back ("'; DROP TABLE users; --", "robert.tables@example.com"));
  json_node_unref (create_and_read_back ("Robert\"); DELETE FROM users WHERE (\"1\"=\"1",
                                         "bobby.tables@example.com"));

  /* Everything is still there. */
  everyone = expect ("GET", "/bim/user?includeDisabled=true&size=1000", NULL, 200);
  g_assert_nonnull (steward_test_find_user (everyone, "bim", "admin@localhost"));
  g_assert_nonnull (steward_test_find_user (everyone, "bim", "robert.tables@example.com"));
  assert_search_finds ("DROP TABLE", "robert.tables@example.com");
}

static void
test_sql_in_queries (void)
{
  g_autoptr (JsonNode) injected = NULL;
  g_autoptr (JsonNode) by_userid = NULL;

  json_node_unref (steward_test_http_create_user (server, admin_token, "Quinn Query", "quinn.query@example.com", NULL));

  injected = expect ("GET", "/bim/user?searchText=%27%20OR%20%271%27%3D%271", NULL, 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (injected), "count"), ==, 0);
  by_userid = expect ("GET", "/bim/user?userid=x%27%20OR%201%3D1%20--", NULL, 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (by_userid), "count"), ==, 0);

  json_node_unref (expect ("GET", "/bim/user?sortField=name%3B%20DROP%20TABLE%20users", NULL, 400));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/x%27%20OR%20%271%27%3D%271", NULL, 404));
  json_node_unref (expect ("GET", "/audit?userid=%27%20OR%20%271%27%3D%271", NULL, 200));
  assert_server_alive ();
}

static void
test_like_wildcards (void)
{
  g_autoptr (JsonNode) everyone = NULL;
  g_autoptr (JsonNode) percent = NULL;

  json_node_unref (create_and_read_back ("Percy 100% Sure", "percy.percent@example.com"));
  json_node_unref (create_and_read_back ("Una Under_Score", "una_under@example.com"));
  json_node_unref (create_and_read_back ("Plain Person", "plain.person@example.com"));

  assert_search_is_literal ("%");
  assert_search_is_literal ("_");
  assert_search_is_literal ("100%");
  assert_search_is_literal ("\\");

  /* "%" alone must not match everybody. */
  everyone = expect ("GET", "/bim/user?includeDisabled=true", NULL, 200);
  percent = expect ("GET", "/bim/user?includeDisabled=true&searchText=%25", NULL, 200);
  g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (percent), "count"), <,
                   steward_test_json_get_int (steward_test_json_object (everyone), "count"));
  g_assert_nonnull (steward_test_find_user (percent, "bim", "percy.percent@example.com"));
}

static void
test_unicode (void)
{
  json_node_unref (create_and_read_back ("Zoë Ångström 李", "zoe.angstrom@example.com"));
  assert_search_finds ("Ångström 李", "zoe.angstrom@example.com");

  /* RFC 6531 addresses, percent-encoded as UTF-8 in the path. */
  json_node_unref (create_and_read_back ("Zoë Ünïcode", "zoë.ünïcode@exämple.com"));
  json_node_unref (create_and_read_back ("Emoji Person 🙂", "emoji.person@example.com"));
}

static void
test_name_length (void)
{
  g_autofree char *ascii_200 = g_strnfill (200, 'n');
  g_autofree char *ascii_201 = g_strnfill (201, 'n');
  g_autoptr (GString) wide_200 = g_string_new (NULL);
  g_autoptr (GString) wide_201 = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *wide_too_long = NULL;
  g_autoptr (JsonNode) refused = NULL;

  /* 200 characters, 600 bytes: the limit counts characters. */
  for (guint i = 0; i < 200; i++)
    g_string_append (wide_200, "李");
  wide_201 = g_string_new (wide_200->str);
  g_string_append (wide_201, "李");

  json_node_unref (create_and_read_back (ascii_200, "name.200@example.com"));
  json_node_unref (create_and_read_back (wide_200->str, "name.200.wide@example.com"));

  too_long = steward_test_http_user_body (ascii_201, "name.201@example.com", NULL);
  refused = expect ("POST", "/bim/iam/bim/user", too_long, 400);
  steward_test_assert_validation (refused, "profile.name", NULL);
  wide_too_long = steward_test_http_user_body (wide_201->str, "name.201.wide@example.com", NULL);
  json_node_unref (expect ("POST", "/bim/iam/bim/user", wide_too_long, 400));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/name.201%40example.com", NULL, 404));
}

static void
test_control_characters (void)
{
  static const char *const bodies[] = {
    "{\"userid\": \"ctl1@example.com\", \"profile\": {\"name\": \"Line\\nBreak\", \"email\": \"ctl1@example.com\"}}",
    "{\"userid\": \"ctl3@example.com\", \"profile\": {\"name\": \"Bell\\u0007\", \"email\": \"ctl3@example.com\"}}",
    "{\"userid\": \"ctl5@example.com\", \"profile\": {\"name\": \"Escape \\u001b[31m\", \"email\": \"ctl5@example.com\"}}",
    NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    json_node_unref (expect ("POST", "/bim/iam/bim/user", bodies[i], 400));
  assert_server_alive ();
}

/* A JSON string may hold U+0000; a C string cannot. Storing what comes
 * before it would silently change the data, so it must be refused. */
static void
test_nul_characters (void)
{
  static const char *const bodies[] = {
    "{\"userid\": \"nul1@example.com\", \"profile\": {\"name\": \"Nul\\u0000Byte\", \"email\": \"nul1@example.com\"}}",
    "{\"userid\": \"nul2@example.com\\u0000.evil\", \"profile\": {\"name\": \"Nul Mail\", "
    "\"email\": \"nul2@example.com\\u0000.evil\"}}",
    NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    json_node_unref (expect ("POST", "/bim/iam/bim/user", bodies[i], 400));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/nul1%40example.com", NULL, 404));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/nul2%40example.com", NULL, 404));
}

static void
test_percent_encoded_paths (void)
{
  g_autoptr (JsonNode) raw_at = NULL;
  g_autoptr (JsonNode) raw_plus = NULL;

  /* '+' is legal in the local part of an address. */
  json_node_unref (create_and_read_back ("Tag Plus", "tag+plus@example.com"));

  /* A literal '@' or '+' in a path is the character itself. */
  raw_at = expect ("GET", "/bim/iam/bim/user/tag+plus@example.com", NULL, 200);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (raw_at), "userid"), ==,
                   "tag+plus@example.com");
  raw_plus = expect ("GET", "/bim/iam/bim/user/tag%2Bplus%40example.com", NULL, 200);
  g_assert_cmpstr (steward_test_json_get_string (steward_test_json_object (raw_plus), "userid"), ==,
                   "tag+plus@example.com");
  json_node_unref (expect ("GET", "/bim/iam/bim/user/tag%20plus%40example.com", NULL, 404));
}

/* '/' is legal in the local part of an address too; "%2F" in a path is a
 * character of the segment, not a separator. */
/* HTTP stacks decode "%2F" before routing, so a user name with '/' could
 * never be addressed again: the server refuses to create one. */
static void
test_slash_in_userid (void)
{
  g_autoptr (JsonNode) victim = NULL;

  json_node_unref (expect ("POST", "/bim/iam/bim/user",
                           "{\"profile\": {\"name\": \"Sla Shed\", \"email\": \"sla/shed@example.com\"}}", 400));
  victim = steward_test_http_create_user (server, admin_token, "Mig Rant", "mig.rant@example.com", NULL);
  json_node_unref (expect ("POST", "/bim/iam/bim/user/mig.rant%40example.com/migrate",
                           "{\"iamid\": \"okta\", \"userid\": \"mig/rant\"}", 400));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/mig.rant%40example.com", NULL, 200));
}

static void
test_bad_percent_encoding (void)
{
  static const char *const targets[] = {
    "/bim/iam/bim/user/%zz", "/bim/iam/bim/user/%", "/bim/iam/bim/user/%00",
    "/bim/iam/bim/user/a%00b%40example.com", "/bim/iam/bim/user/%FF%FE",
    "/bim/iam/%2e%2e/user/admin%40localhost", "/bim/iam/bim/user/..%2F..%2Fbim%2Fuser",
    "/bim/user?searchText=%zz", "/bim/user?searchText=%FF", "/bim/user?size=%00", NULL
  };

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Authorization: Bearer %s\r\nConnection: close\r\n\r\n",
                                                  targets[i], admin_token);
      g_autofree char *body = NULL;
      g_autofree char *shown = NULL;
      guint            status = 0;

      body = steward_test_http_send_verbatim (server, request, &status);
      shown = steward_test_printable (body, 300);
      g_test_message ("GET %s -> %u %s", targets[i], status, shown);
      /* Clearly refused or simply not found, never a fault; a search for
       * bytes that match nobody may also just find nobody. */
      if (status == 200)
        {
          g_autoptr (JsonNode) reply = steward_test_json_parse (body);

          g_assert_nonnull (strchr (targets[i], '?'));
          g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 0);
        }
      else
        {
          g_assert_true (status == 400 || status == 404);
        }
    }
  assert_server_alive ();
}

static void
test_invalid_utf8_body (void)
{
  const char *body = "{\"userid\": \"bad.utf8@example.com\", \"profile\": {\"name\": \"Bad \xff\xfe Bytes\", "
                     "\"email\": \"bad.utf8@example.com\"}}";

  json_node_unref (expect ("POST", "/bim/iam/bim/user", body, 400));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/bad.utf8%40example.com", NULL, 404));
}

static void
test_deep_nesting (void)
{
  g_autofree char *open = g_strnfill (200000, '[');
  g_autoptr (JsonNode) reply = NULL;
  guint status = 0;

  /* Unauthenticated on purpose: anyone can reach the key exchange. */
  reply = steward_test_http_request (server, "POST", "/bim/apikey/authenticate", NULL, open, &status);
  steward_test_assert_error (reply, status, 400);
  json_node_unref (expect ("POST", "/bim/iam/bim/user", open, 400));
  assert_server_alive ();
}

/* A create body of exactly @length bytes, padded with an unknown member. */
static char *
padded_body (gsize length)
{
  const char      *head = "{\"userid\": \"big.body@example.com\", \"profile\": {\"name\": \"Big Body\", "
                          "\"email\": \"big.body@example.com\"}, \"padding\": \"";
  const char      *tail = "\"}";
  gsize            fill = length - strlen (head) - strlen (tail);
  g_autofree char *padding = g_strnfill (fill, 'x');

  return g_strconcat (head, padding, tail, NULL);
}

static void
test_body_size_limit (void)
{
  g_autofree char *over = padded_body (MAX_BODY_BYTES + 1);
  g_autofree char *at_limit = padded_body (MAX_BODY_BYTES);
  g_autoptr (JsonNode) refused = NULL;
  guint status = 0;

  g_assert_cmpuint (strlen (over), ==, MAX_BODY_BYTES + 1);
  refused = steward_test_http_request (server, "POST", "/bim/iam/bim/user", admin_token, over, &status);
  steward_test_assert_error (refused, status, 413);
  json_node_unref (expect ("GET", "/bim/iam/bim/user/big.body%40example.com", NULL, 404));

  /* Unknown members are ignored, and 1 MiB itself is allowed. */
  json_node_unref (expect ("POST", "/bim/iam/bim/user", at_limit, 200));
  json_node_unref (expect ("GET", "/bim/iam/bim/user/big.body%40example.com", NULL, 200));
}

static void
test_body_too_large_unauthenticated (void)
{
  g_autofree char *padding = g_strnfill (4 * MAX_BODY_BYTES, ' ');
  g_autofree char *body = g_strconcat ("{\"apikey\": \"x\"}", padding, NULL);
  g_autoptr (JsonNode) refused = NULL;
  guint status = 0;

  refused = steward_test_http_request (server, "POST", "/bim/apikey/authenticate", NULL, body, &status);
  steward_test_assert_error (refused, status, 413);
  assert_server_alive ();
}

static void
test_long_query (void)
{
  g_autofree char *text = g_strnfill (10000, 'q');
  g_autofree char *path = g_strconcat ("/bim/user?searchText=", text, NULL);
  g_autoptr (JsonNode) reply = NULL;
  guint status = 0;

  reply = steward_test_http_request (server, "GET", path, admin_token, NULL, &status);
  if (status == 200)
    g_assert_cmpint (steward_test_json_get_int (steward_test_json_object (reply), "count"), ==, 0);
  else
    steward_test_assert_error (reply, status, 400);
  assert_server_alive ();
}

/* Clients that hang up right after asking for a page, while it is being
 * read on the reader's thread: their replies go nowhere, and everything
 * else goes on. */
static void
test_hang_up_during_page (void)
{
  g_autofree char *request = g_strdup_printf ("GET /bim/user?size=1000&includeDisabled=true HTTP/1.1\r\n"
                                              "Host: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n",
                                              admin_token);
  g_autoptr (JsonNode) reply = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr (GSocketClient) client = g_socket_client_new ();
      g_autoptr (GSocketConnection) connection = NULL;
      g_autoptr (GError) error = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                                 strlen (request), NULL, NULL, &error);
      g_assert_no_error (error);
      g_io_stream_close (G_IO_STREAM (connection), NULL, &error);
      g_assert_no_error (error);
    }

  reply = expect ("GET", "/bim/user?size=5", NULL, 200);
  g_assert_cmpuint (json_array_get_length (steward_test_json_get_array (steward_test_json_object (reply), "hits")), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/hostile/quotes", test_quotes);
  g_test_add_func ("/server/hostile/sql/in-fields", test_sql_in_fields);
  g_test_add_func ("/server/hostile/sql/in-queries", test_sql_in_queries);
  g_test_add_func ("/server/hostile/like-wildcards", test_like_wildcards);
  g_test_add_func ("/server/hostile/unicode", test_unicode);
  g_test_add_func ("/server/hostile/name-length", test_name_length);
  g_test_add_func ("/server/hostile/control-characters", test_control_characters);
  g_test_add_func ("/server/hostile/nul-characters", test_nul_characters);
  g_test_add_func ("/server/hostile/percent-encoded-paths", test_percent_encoded_paths);
  g_test_add_func ("/server/hostile/slash-in-userid", test_slash_in_userid);
  g_test_add_func ("/server/hostile/bad-percent-encoding", test_bad_percent_encoding);
  g_test_add_func ("/server/hostile/invalid-utf8-body", test_invalid_utf8_body);
  g_test_add_func ("/server/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/server/hostile/body-size-limit", test_body_size_limit);
  g_test_add_func ("/server/hostile/body-too-large-unauthenticated", test_body_too_large_unauthenticated);
  g_test_add_func ("/server/hostile/hang-up-during-page", test_hang_up_during_page);
  g_test_add_func ("/server/hostile/long-query", test_long_query);

  server = steward_test_server_start (NULL, NULL);
  admin_token = steward_test_http_authenticate (server, server->admin_api_key);

  status = g_test_run ();

  g_clear_pointer (&admin_token, g_free);
  g_clear_pointer (&server, steward_test_server_free);

  return status;
}
