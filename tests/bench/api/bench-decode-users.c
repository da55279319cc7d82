/* bench-decode-users.c
 *
 * How fast the client turns route 4 replies into users: one document of
 * 100,000 aggregated users, shaped like a route 4 reply, decoded the way the
 * client decodes every reply body (steward_json_parse_bytes() and then
 * steward_json_decode_user_page()), next to json-glib parsing the same bytes
 * alone as the baseline. The two run in turn, round after round, so both
 * see the same machine; the program prints medians and their ratio, the
 * memory of json-glib's tree next to that of the decoded users, and the
 * issue's target (at least 50 MB/s). The same users are then timed again as
 * replies of 50, the pages the user directory asks for.
 *
 * The document is captured from a real steward-server seeded with
 * "--demo N": its route 4 pages of 1000 users, disabled accounts included,
 * spliced into one {"hits": [...], "count"} reply, so every user has the
 * shape the server really sends. --save keeps it and --input decodes a
 * saved one without a server.
 *
 * A program that prints figures, not a test: it fails only when the
 * document does not decode into the users it holds, or, with --enforce,
 * when the target is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "steward-bench.h"
#include "steward-json-codec.h"
#include "steward-json-private.h"
#include "steward-test-http.h"
#include "steward-test-server.h"

#define DEFAULT_USERS 100000
#define DEFAULT_ROUNDS 5
/* The most route 4 hands out per request (API.md). */
#define CAPTURE_PAGE_SIZE 1000
/* What the user directory asks for at a time (src/model, which this
 * layer's benchmark does not link). */
#define DIRECTORY_PAGE_SIZE 50
#define TARGET_MB_PER_S 50.0

static int      n_users = DEFAULT_USERS;
static int      n_rounds = DEFAULT_ROUNDS;
static char    *input_path;
static char    *save_path;
static gboolean enforce;
static gboolean measure_memory_only;

static const GOptionEntry options[] = {
  { "users", 'n', 0, G_OPTION_ARG_INT, &n_users, "Users in the document (default 100000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Rounds of each measurement (default 5)", "R" },
  { "input", 'i', 0, G_OPTION_ARG_FILENAME, &input_path, "Decode this saved document instead of capturing one", "FILE" },
  { "save", 's', 0, G_OPTION_ARG_FILENAME, &save_path, "Save the captured document", "FILE" },
  { "enforce", 0, 0, G_OPTION_ARG_NONE, &enforce, "Exit with 1 when the target is missed", NULL },
  { "measure-memory", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &measure_memory_only, "Print the RSS around one decode of --input", NULL },
  { NULL }
};

/* RSS of a fresh process around one parse and one decode, in kB. */
typedef struct
{
  guint64 before_kb;  /* the program and the document */
  guint64 parsed_kb;  /* plus json-glib's tree */
  guint64 decoded_kb; /* plus the decoded users, the tree still held */
  guint64 peak_kb;
} MemoryFigures;

static double
mb_per_s (gsize  n_bytes,
          double seconds)
{
  return (double) n_bytes / 1e6 / seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n values; for an even @n the mean of the middle two. */
static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

/* One route 4 page as the administrator; its hits are appended to
 * @document, comma-separated, and the server's "count" is returned through
 * @count. Returns how many hits the page held. */
static guint
capture_page (StewardTestServer *server,
              const char        *authorization,
              guint              offset,
              guint              size,
              GString           *document,
              gint64            *count)
{
  g_autofree char *path = g_strdup_printf ("/bim/user?size=%u&offset=%u&includeDisabled=true", size, offset);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  JsonArray  *hits;
  guint       status = 0;
  gsize       length = 0;
  const char *data;

  reply = steward_test_http_send (server, "GET", path, authorization, NULL, NULL, &status, &error);
  if (reply == NULL)
    steward_bench_fail ("GET %s: %s", path, error->message);
  if (status != SOUP_STATUS_OK)
    steward_bench_fail ("GET %s: status %u", path, status);

  data = g_bytes_get_data (reply, &length);
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    steward_bench_fail ("GET %s: the reply is not JSON: %s", path, error->message);

  object = json_node_get_object (json_parser_get_root (parser));
  hits = json_object_get_array_member (object, "hits");
  *count = json_object_get_int_member (object, "count");

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      g_autofree char *user = json_to_string (json_array_get_element (hits, i), FALSE);

      if (offset + i > 0)
        g_string_append_c (document, ',');
      g_string_append (document, user);
    }

  return json_array_get_length (hits);
}

/* A route 4 reply holding @users users of a freshly seeded server, page by
 * page as a client would fetch them. */
static GBytes *
capture_document (guint users)
{
  g_autofree char *demo = g_strdup_printf ("%u", users);
  g_autoptr (StewardTestServer) server = NULL;
  g_autofree char *token = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr (GString) document = g_string_new ("{\"hits\":[");
  gint64 started = g_get_monotonic_time ();
  gint64 count = 0;
  guint  n_pages = 0;
  guint  n_hits = 0;

  server = steward_test_server_start ("--demo", demo, NULL);
  g_print ("steward-server --demo %u seeded and listening after %.1f s\n", users, steward_bench_seconds_since (started));

  token = steward_test_http_authenticate (server, server->admin_api_key);
  authorization = g_strdup_printf ("Bearer %s", token);

  started = g_get_monotonic_time ();
  while (n_hits < users)
    {
      guint got = capture_page (server, authorization, n_hits, MIN (CAPTURE_PAGE_SIZE, users - n_hits), document, &count);

      if (got == 0)
        steward_bench_fail ("the server has only %u users, %u asked for", n_hits, users);
      n_hits += got;
      n_pages++;
    }
  g_string_append_printf (document, "],\"count\":%" G_GINT64_FORMAT "}", count);
  g_print ("captured %u users in %u route 4 pages of up to %u in %.1f s (server count %" G_GINT64_FORMAT ")\n",
           n_hits, n_pages, CAPTURE_PAGE_SIZE, steward_bench_seconds_since (started), count);

  steward_test_server_stop (server);

  return g_string_free_to_bytes (g_steal_pointer (&document));
}

static void
print_row (const char   *label,
           const double *seconds,
           guint         n,
           gsize         n_bytes)
{
  double mid = median (seconds, n);
  double lo = seconds[0];
  double hi = seconds[0];

  for (guint i = 1; i < n; i++)
    {
      lo = MIN (lo, seconds[i]);
      hi = MAX (hi, seconds[i]);
    }

  g_print ("  %-26s %8.3f s %8.3f s %8.3f s %9.1f MB/s\n",
           label, mid, lo, hi, mb_per_s (n_bytes, mid));
}

/* The baseline: json-glib's parser alone, as the client configures it,
 * over every document. */
static double
time_parse_only (GPtrArray *documents)
{
  double seconds = 0;

  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();
      g_autoptr (GError) error = NULL;
      gsize       length = 0;
      const char *data = g_bytes_get_data (documents->pdata[i], &length);
      gint64      started = g_get_monotonic_time ();

      if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
        steward_bench_fail ("json-glib cannot parse a document: %s", error->message);
      seconds += steward_bench_seconds_since (started);
    }

  return seconds;
}

/* What the client does with each route 4 reply body, timed in its two
 * steps; @n_items receives how many users came out of them all. */
static void
time_parse_and_decode (GPtrArray *documents,
                       double    *parse_s,
                       double    *decode_s,
                       guint     *n_items)
{
  *parse_s = *decode_s = 0;
  *n_items = 0;

  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (StewardPageResult) page = NULL;
      g_autoptr (GError) error = NULL;
      gint64 started = g_get_monotonic_time ();

      root = steward_json_parse_bytes (documents->pdata[i], &error);
      if (root == NULL)
        steward_bench_fail ("the client cannot parse a document: %s", error != NULL ? error->message : "empty");
      *parse_s += steward_bench_seconds_since (started);

      started = g_get_monotonic_time ();
      page = steward_json_decode_user_page (root, &error);
      if (page == NULL)
        steward_bench_fail ("the decoder rejects a document: %s", error->message);
      *decode_s += steward_bench_seconds_since (started);

      *n_items += steward_page_result_get_n_items (page);
    }
}

/* Runs the rounds over @documents, the baseline and the client's decoding
 * in turn, prints them and returns the client's median rate in MB/s. */
static double
measure_throughput (GPtrArray *documents,
                    guint      n_hits)
{
  g_autofree double *baseline_s = g_new0 (double, n_rounds);
  g_autofree double *client_s = g_new0 (double, n_rounds);
  g_autofree double *client_parse_s = g_new0 (double, n_rounds);
  g_autofree double *client_decode_s = g_new0 (double, n_rounds);
  gsize              n_bytes = 0;

  for (guint i = 0; i < documents->len; i++)
    n_bytes += g_bytes_get_size (documents->pdata[i]);

  for (int i = 0; i < n_rounds; i++)
    {
      guint n_items = 0;

      baseline_s[i] = time_parse_only (documents);
      time_parse_and_decode (documents, &client_parse_s[i], &client_decode_s[i], &n_items);
      client_s[i] = client_parse_s[i] + client_decode_s[i];

      if (n_items != n_hits)
        steward_bench_fail ("round %d decoded %u users of %u", i + 1, n_items, n_hits);

      g_print ("  round %d: parse only %.3f s; parse + decode %.3f s (%.3f + %.3f)\n",
               i + 1, baseline_s[i], client_s[i], client_parse_s[i], client_decode_s[i]);
    }

  g_print ("\n  %-26s %10s %10s %10s %14s\n", "", "median", "min", "max", "median rate");
  print_row ("parse only (baseline)", baseline_s, n_rounds, n_bytes);
  print_row ("parse + decode (client)", client_s, n_rounds, n_bytes);
  print_row ("  of which parse", client_parse_s, n_rounds, n_bytes);
  print_row ("  of which decode", client_decode_s, n_rounds, n_bytes);

  g_print ("\n  ratio, parse + decode / parse only (median times): %.2fx\n",
           median (client_s, n_rounds) / median (baseline_s, n_rounds));
  g_print ("  users decoded per second (median): %.0f\n", n_hits / median (client_s, n_rounds));

  return mb_per_s (n_bytes, median (client_s, n_rounds));
}

/* The users of @document as route 4 replies of @page_size users each, the
 * way a paging client receives them. */
static GPtrArray *
split_into_pages (GBytes *document,
                  guint   page_size)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) error = NULL;
  GPtrArray  *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gsize       length = 0;
  const char *data = g_bytes_get_data (document, &length);
  JsonObject *object;
  JsonArray  *hits;
  gint64      count;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    steward_bench_fail ("the document is not JSON: %s", error->message);

  object = json_node_get_object (json_parser_get_root (parser));
  hits = json_object_get_array_member (object, "hits");
  count = json_object_get_int_member (object, "count");

  for (guint first = 0; first < json_array_get_length (hits); first += page_size)
    {
      g_autoptr (GString) page = g_string_new ("{\"hits\":[");
      guint end = MIN (first + page_size, json_array_get_length (hits));

      for (guint i = first; i < end; i++)
        {
          g_autofree char *user = json_to_string (json_array_get_element (hits, i), FALSE);

          if (i > first)
            g_string_append_c (page, ',');
          g_string_append (page, user);
        }
      g_string_append_printf (page, "],\"count\":%" G_GINT64_FORMAT "}", count);
      g_ptr_array_add (pages, g_string_free_to_bytes (g_steal_pointer (&page)));
    }

  return pages;
}

/* Decodes once before any timing: every user must come out, with the
 * userid it was sent with, or the figures would time a failure. */
static void
check_decoded_users (GBytes *document,
                     guint   expected)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *items;

  root = steward_json_parse_bytes (document, &error);
  if (root == NULL)
    steward_bench_fail ("the client cannot parse the document: %s", error != NULL ? error->message : "empty");
  page = steward_json_decode_user_page (root, &error);
  if (page == NULL)
    steward_bench_fail ("the decoder rejects the document: %s", error->message);

  items = steward_page_result_get_items (page);
  if (g_list_model_get_n_items (items) != expected)
    steward_bench_fail ("%u users decoded, %u in the document", g_list_model_get_n_items (items), expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (items, i);

      if (steward_user_get_userid (user) == NULL || steward_user_get_iamid (user) == NULL)
        steward_bench_fail ("user %u decoded without its userid or iamid", i);
    }
}

/* The child's side of measure_memory(): one parse and one decode in a
 * fresh process, printing the RSS before, after the parse, after the
 * decode (the tree still held) and the peak, in kB. */
static void
report_memory (GBytes *document)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  guint64 before_kb;
  guint64 parsed_kb;
  guint64 decoded_kb;

  steward_bench_reset_peak_rss ();
  before_kb = steward_bench_rss_kb ();

  root = steward_json_parse_bytes (document, &error);
  if (root == NULL)
    steward_bench_fail ("the client cannot parse the document: %s", error != NULL ? error->message : "empty");
  parsed_kb = steward_bench_rss_kb ();

  page = steward_json_decode_user_page (root, &error);
  if (page == NULL)
    steward_bench_fail ("the decoder rejects the document: %s", error->message);
  decoded_kb = steward_bench_rss_kb ();

  g_print ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
           before_kb, parsed_kb, decoded_kb, steward_bench_peak_rss_kb ());
}

/* The memory figures come from a fresh copy of this program: GLib 2.74's
 * slice allocator keeps what the timed rounds freed, so in this process a
 * round's RSS would only say what an earlier round left behind. */
static MemoryFigures
measure_memory (const char *document_path)
{
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) fields = NULL;
  MemoryFigures figures = { 0 };

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--input", document_path, "--measure-memory", NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error))
    steward_bench_fail ("the memory measurement did not run: %s", error->message);
  if (!g_subprocess_get_successful (child))
    steward_bench_fail ("the memory measurement failed");

  fields = g_strsplit (g_strstrip (output), " ", -1);
  if (g_strv_length (fields) != 4)
    steward_bench_fail ("the memory measurement printed \"%s\"", output);

  figures.before_kb = g_ascii_strtoull (fields[0], NULL, 10);
  figures.parsed_kb = g_ascii_strtoull (fields[1], NULL, 10);
  figures.decoded_kb = g_ascii_strtoull (fields[2], NULL, 10);
  figures.peak_kb = g_ascii_strtoull (fields[3], NULL, 10);

  return figures;
}

/* How many hits a document holds, counted by json-glib. */
static guint
count_hits (GBytes *document)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) error = NULL;
  gsize       length = 0;
  const char *data = g_bytes_get_data (document, &length);
  JsonNode   *root;
  JsonArray  *hits;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    steward_bench_fail ("the document is not JSON: %s", error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || !json_object_has_member (json_node_get_object (root), "hits"))
    steward_bench_fail ("the document is not a route 4 reply");

  hits = json_object_get_array_member (json_node_get_object (root), "hits");

  return hits != NULL ? json_array_get_length (hits) : 0;
}

static GBytes *
load_document (void)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (input_path, &contents, &length, &error))
    steward_bench_fail ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

/* Where the child of measure_memory() finds the document: the file it came
 * from or was saved to, else a temporary file that @temp_path names. */
static char *
document_file (GBytes *document,
               char  **temp_path)
{
  g_autoptr (GError) error = NULL;
  int fd;

  if (input_path != NULL)
    return g_strdup (input_path);
  if (save_path != NULL)
    return g_strdup (save_path);

  fd = g_file_open_tmp ("bench-decode-users-XXXXXX.json", temp_path, &error);
  if (fd < 0)
    steward_bench_fail ("%s", error->message);
  close (fd);
  if (!g_file_set_contents (*temp_path, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &error))
    steward_bench_fail ("%s", error->message);

  return g_strdup (*temp_path);
}

static void
print_memory (const MemoryFigures *figures,
              guint                n_hits)
{
  guint64 tree_kb = figures->parsed_kb - MIN (figures->parsed_kb, figures->before_kb);
  guint64 users_kb = figures->decoded_kb - MIN (figures->decoded_kb, figures->parsed_kb);

  g_print ("\nmemory of one parse + decode in a fresh process (RSS, 1 MB = 10^6 bytes):\n");
  g_print ("  program and document          %7.1f MB\n", steward_bench_kb_to_mb (figures->before_kb));
  g_print ("  + json-glib's tree (baseline) %7.1f MB (%.0f bytes per user)\n",
           steward_bench_kb_to_mb (tree_kb), (double) tree_kb * 1024 / n_hits);
  g_print ("  + the decoded users           %7.1f MB (%.0f bytes per user)\n",
           steward_bench_kb_to_mb (users_kb), (double) users_kb * 1024 / n_hits);
  g_print ("  ratio, users / tree           %7.2fx\n", (double) users_kb / MAX (tree_kb, 1));
  g_print ("  peak RSS                      %7.1f MB\n", steward_bench_kb_to_mb (figures->peak_kb));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- time decoding route 4 replies");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) document = NULL;
  g_autoptr (GPtrArray) whole = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *path = NULL;
  MemoryFigures    memory;
  guint            n_hits;
  gsize            n_bytes;
  double           whole_mb_s;
  double           pages_mb_s;
  gboolean         met;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    steward_bench_fail ("%s", error->message);
  if (n_users < 1 || n_rounds < 1)
    steward_bench_fail ("--users and --rounds must be at least 1");
  if (measure_memory_only && input_path == NULL)
    steward_bench_fail ("--measure-memory needs --input");

  document = input_path != NULL ? load_document () : capture_document ((guint) n_users);
  if (measure_memory_only)
    {
      report_memory (document);
      return EXIT_SUCCESS;
    }

  if (input_path != NULL)
    g_print ("document read from %s\n", input_path);
  if (save_path != NULL && !g_file_set_contents (save_path, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &error))
    steward_bench_fail ("%s", error->message);

  n_bytes = g_bytes_get_size (document);
  n_hits = count_hits (document);
  if (n_hits == 0)
    steward_bench_fail ("the document holds no users");
  check_decoded_users (document, n_hits);

  path = document_file (document, &temp_path);
  memory = measure_memory (path);
  if (temp_path != NULL)
    g_unlink (temp_path);

  g_print ("\ndocument: %u users, %.1f MB (%.0f bytes per user); 1 MB = 10^6 bytes\n",
           n_hits, (double) n_bytes / 1e6, (double) n_bytes / n_hits);
  g_print ("%d rounds; each runs the baseline, then the client's decoding, on the same bytes\n",
           n_rounds);

  g_print ("\none reply holding every user:\n");
  whole = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (whole, g_bytes_ref (document));
  whole_mb_s = measure_throughput (whole, n_hits);

  pages = split_into_pages (document, DIRECTORY_PAGE_SIZE);
  g_print ("\nthe same users as %u replies of %d, as the user directory receives them:\n",
           pages->len, DIRECTORY_PAGE_SIZE);
  pages_mb_s = measure_throughput (pages, n_hits);

  print_memory (&memory, n_hits);
  g_print ("\npeak RSS of this process (capture and every round): %.1f MB\n",
           steward_bench_kb_to_mb (steward_bench_peak_rss_kb ()));

  met = whole_mb_s >= TARGET_MB_PER_S;
  g_print ("\ntarget: decoding at >= %.0f MB/s (parse + decode, median, one reply): %.1f MB/s, %s\n",
           TARGET_MB_PER_S, whole_mb_s, met ? "met" : "MISSED");
  g_print ("        the same in replies of %d: %.1f MB/s, %s\n",
           DIRECTORY_PAGE_SIZE, pages_mb_s, pages_mb_s >= TARGET_MB_PER_S ? "met" : "missed");

  return enforce && !met ? EXIT_FAILURE : EXIT_SUCCESS;
}
