/* test-csv-reader.c
 *
 * StewardCsvReader on the cases import files bring: quotes, doubled
 * quotes, delimiters and line breaks inside quotes, CRLF, a byte-order
 * mark, ';' files, empty lines, malformed input named by its line,
 * 10,000 rows, and what StewardCsv writes read back unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-csv-reader.h"
#include "steward-csv-writer.h"

/* Reads every record of @text, joined as "a|b\n" per record. */
static char *
read_all (const char *text,
          char       *delimiter,
          GError    **error)
{
  g_autoptr (StewardCsvReader) reader = steward_csv_reader_new (text, strlen (text), error);
  g_autoptr (GString) out = g_string_new (NULL);
  GStrv fields = NULL;
  guint line;

  if (reader == NULL)
    return NULL;
  if (delimiter != NULL)
    *delimiter = steward_csv_reader_get_delimiter (reader);
  while (steward_csv_reader_next (reader, &fields, &line, error))
    {
      g_autofree char *joined = g_strjoinv ("|", fields);

      g_string_append_printf (out, "%u:%s\n", line, joined);
      g_strfreev (fields);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_quotes_and_line_breaks (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *records = NULL;
  char             delimiter;

  records = read_all ("name,email\r\n\"Lee, Ann\",ann@example.com\r\n\"She said \"\"hi\"\"\",\"two\nlines\"\r\n,\n", &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ',');
  g_assert_cmpstr (records, ==, "1:name|email\n2:Lee, Ann|ann@example.com\n3:She said \"hi\"|two\nlines\n5:|\n");
}

static void
test_bom_semicolons_empty_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *records = NULL;
  char             delimiter;

  records = read_all ("\xEF\xBB\xBFname;email;permissions\n\n\nAnn;ann@example.com;\"AUDIT;GOVERNANCE\"\n\r\n", &delimiter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delimiter, ==, ';');
  g_assert_cmpstr (records, ==, "1:name|email|permissions\n4:Ann|ann@example.com|AUDIT;GOVERNANCE\n");

  /* Nothing at all, or only a BOM: no record. */
  g_free (records);
  records = read_all ("\xEF\xBB\xBF", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, "");
}

static void
test_malformed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *records = NULL;

  records = read_all ("name,email\nAnn,\"ann@example.com\n", NULL, &error);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_UNCLOSED);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  records = read_all ("name,email\n\n\"Ann\"x,ann@example.com\n", NULL, &error);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_STRAY_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  records = read_all ("name,email\nA\"nn,ann@example.com\n", NULL, &error);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_STRAY_QUOTE);
  g_clear_error (&error);

  records = read_all ("name,email\nAnn,\xff@example.com\n", NULL, &error);
  g_assert_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_ten_thousand_rows (void)
{
  g_autoptr (GString) text = g_string_new ("name,email,permissions\n");
  g_autoptr (StewardCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  GStrv fields = NULL;
  guint line, n = 0;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "\"Member, %u\",member%u@example.com,AUDIT;GOVERNANCE\r\n", i, i);

  reader = steward_csv_reader_new (text->str, text->len, &error);
  g_assert_no_error (error);
  while (steward_csv_reader_next (reader, &fields, &line, &error))
    {
      if (n > 0)
        {
          g_autofree char *name = g_strdup_printf ("Member, %u", n - 1);

          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          g_assert_cmpstr (fields[0], ==, name);
          g_assert_cmpuint (line, ==, n + 1);
        }
      g_strfreev (fields);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 10001);
}

/* Whatever the writer is given comes back field for field, and a ';' in a
 * field never makes the reader take ';' for the delimiter. */
static void
test_written_reads_back (void)
{
  const char *const records[][3] = {
    { "name", "email", "permissions" },
    { "Lee; Ann", "ann@example.com", "AUDIT;GOVERNANCE" },
    { "She said \"hi\"", "two\r\nlines", "" },
    { "", "plain", "a,b" },
  };
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (StewardCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  GStrv fields = NULL;
  guint line;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    steward_csv_append_record (text, records[i], G_N_ELEMENTS (records[i]));
  reader = steward_csv_reader_new (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_csv_reader_get_delimiter (reader), ==, ',');
  while (steward_csv_reader_next (reader, &fields, &line, &error))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (records));
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      for (guint j = 0; j < 3; j++)
        g_assert_cmpstr (fields[j], ==, records[n][j]);
      g_strfreev (fields);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (records));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/quotes-and-line-breaks", test_quotes_and_line_breaks);
  g_test_add_func ("/csv-reader/bom-semicolons-empty-lines", test_bom_semicolons_empty_lines);
  g_test_add_func ("/csv-reader/malformed", test_malformed);
  g_test_add_func ("/csv-reader/ten-thousand-rows", test_ten_thousand_rows);
  g_test_add_func ("/csv-reader/written-reads-back", test_written_reads_back);

  return g_test_run ();
}
