/* test-user-export.c
 *
 * The streamed export against a real steward-server with 1,200 demo users
 * (two pages): for several filters the file holds exactly as many rows
 * as the server counts, read back with the import's own CSV reader or
 * json-glib; the access review marks exactly the holders of a permission;
 * the file is replaced atomically (the old one stays when the export
 * fails).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "model-test-util.h"
#include "steward-csv-reader.h"
#include "steward-user-export.h"

typedef struct
{
  StewardTestServer *server;
  StewardClient     *client;
  char              *dir;
  char              *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  /* Seeding is what costs most under the sanitizers: only where needed. */
  if (data != NULL)
    fixture->server = steward_test_server_start ("--demo", data, NULL);
  else
    fixture->server = steward_test_server_start (NULL, NULL);
  fixture->client = model_test_admin_client (fixture->server);
  fixture->dir = g_dir_make_tmp ("steward-export-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "export", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, steward_test_server_free);
}

/* Exports into fixture->path through g_file_replace(), as the app and
 * stewardctl do. */
static guint64
export_to_file (Fixture                *fixture,
                const StewardUserQuery *query,
                StewardUserExportShape  shape,
                StewardUserExportFormat format,
                const char *const      *columns,
                GError                **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  guint64 written;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  g_assert_nonnull (stream);
  steward_user_export_async (fixture->client, query, shape, format, columns, G_OUTPUT_STREAM (stream), NULL,
                             model_test_store_result_cb, &result);
  written = steward_user_export_finish (model_test_wait_result (&result), error);
  if (written == 0 && error != NULL && *error != NULL)
    {
      g_autoptr (GCancellable) cancelled = g_cancellable_new ();

      /* Closing with a cancelled cancellable abandons the replacement. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      return 0;
    }
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));
  return written;
}

static guint
csv_records (const char *path,
             GStrv      *header,
             guint       mark_column,
             guint      *n_marked)
{
  g_autofree char *text = NULL;
  g_autoptr (StewardCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  GStrv fields = NULL;
  guint n = 0;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  reader = steward_csv_reader_new (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (steward_csv_reader_next (reader, header, NULL, &error));
  while (steward_csv_reader_next (reader, &fields, NULL, &error))
    {
      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (*header));
      if (n_marked != NULL && g_str_equal (fields[mark_column], "x"))
        (*n_marked)++;
      g_strfreev (fields);
      n++;
    }
  g_assert_no_error (error);
  return n;
}

static guint
server_count (Fixture    *fixture,
              const char *filter)
{
  g_autofree char *path = g_strdup_printf ("/bim/user?size=1%s", filter);
  g_autoptr (JsonNode) reply = model_test_get (fixture->server, path);

  return model_test_reply_count (reply);
}

static void check_access_review (Fixture *fixture);

/* The listing for several filters, then the access review, on one
 * seeded server. */
static void
test_row_counts (Fixture      *fixture,
                 gconstpointer data)
{
  struct
  {
    const char *filter;
    const char *search;
    const char *permission;
    gboolean    include_disabled;
  } cases[] = {
    { "", NULL, NULL, FALSE },
    { "&permission=AUDIT", NULL, "AUDIT", FALSE },
    { "&searchText=an&includeDisabled=true", "an", NULL, TRUE },
    { "&searchText=no-such-person-anywhere", "no-such-person-anywhere", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (StewardUserQuery) query = steward_user_query_new ();
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) header = NULL;
      guint expected = server_count (fixture, cases[i].filter);

      query->search_text = g_strdup (cases[i].search);
      query->permission = g_strdup (cases[i].permission);
      query->include_disabled = cases[i].include_disabled;
      query->sort_field = STEWARD_USER_SORT_NAME;
      if (i == 0)
        g_assert_cmpuint (expected, >, STEWARD_USER_EXPORT_PAGE_SIZE);

      g_assert_cmpuint (export_to_file (fixture, query, STEWARD_USER_EXPORT_LISTING, STEWARD_USER_EXPORT_CSV, NULL, &error), ==, expected);
      g_assert_no_error (error);
      g_assert_cmpuint (csv_records (fixture->path, &header, 0, NULL), ==, expected);
      g_assert_cmpstr (header[0], ==, "name");

      if (i != 0 && i + 1 != G_N_ELEMENTS (cases))
        continue; /* JSON for the first and last only, to keep the sanitizer build in its time */
      g_assert_cmpuint (export_to_file (fixture, query, STEWARD_USER_EXPORT_LISTING, STEWARD_USER_EXPORT_JSON, NULL, &error), ==, expected);
      g_assert_no_error (error);
      {
        g_autoptr (JsonParser) parser = json_parser_new ();

        json_parser_load_from_file (parser, fixture->path, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, expected);
      }
    }

  check_access_review (fixture);
}

static void
check_access_review (Fixture *fixture)
{
  const char *columns[] = { "AUDIT", "GOVERNANCE", "USER_ADMIN", NULL };
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) header = NULL;
  guint total = server_count (fixture, "&includeDisabled=true");
  guint n_marked = 0;

  query->include_disabled = TRUE;
  g_assert_cmpuint (export_to_file (fixture, query, STEWARD_USER_EXPORT_ACCESS_REVIEW, STEWARD_USER_EXPORT_CSV, columns, &error), ==, total);
  g_assert_no_error (error);
  g_assert_cmpuint (csv_records (fixture->path, &header, 7, &n_marked), ==, total);
  g_assert_cmpstr (header[7], ==, "AUDIT");
  g_assert_cmpstr (header[10], ==, "otherPermissions");
  g_assert_cmpuint (n_marked, ==, server_count (fixture, "&includeDisabled=true&permission=AUDIT"));

  g_assert_cmpuint (export_to_file (fixture, query, STEWARD_USER_EXPORT_ACCESS_REVIEW, STEWARD_USER_EXPORT_JSON, columns, &error), ==, total);
  g_assert_no_error (error);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root;

    json_parser_load_from_file (parser, fixture->path, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "permissions")), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "users")), ==, total);
  }
}

/* A failed export leaves the file that was there. */
static void
test_atomic (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (fixture->path, "previous export\n", -1, &error);
  g_assert_no_error (error);
  steward_test_server_stop (fixture->server);

  g_assert_cmpuint (export_to_file (fixture, query, STEWARD_USER_EXPORT_LISTING, STEWARD_USER_EXPORT_CSV, NULL, &error), ==, 0);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_file_get_contents (fixture->path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "previous export\n");
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

  g_test_add ("/user-export/row-counts-and-access-review", Fixture, "1200", fixture_set_up, test_row_counts, fixture_tear_down);
  g_test_add ("/user-export/atomic", Fixture, NULL, fixture_set_up, test_atomic, fixture_tear_down);

  return g_test_run ();
}
