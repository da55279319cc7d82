/* fuzz-csv-reader.c
 *
 * libFuzzer target for the CSV import: whatever bytes a file holds are read
 * as records and as an import, which must give rows or a STEWARD_CSV_ERROR
 * and never crash, leak or hang.
 *
 * Built with -fsanitize=fuzzer when the "fuzzing" option is on; otherwise
 * fuzz-json-codec-corpus.c (the same corpus driver) runs it over
 * tests/fuzz/csv-corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-json-codec.h"
#include "steward-csv-reader.h"
#include "steward-user-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (StewardCsvReader) reader = NULL;
  g_autoptr (StewardUserImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GStrv fields = NULL;
  guint line;

  reader = steward_csv_reader_new ((const char *) data, size, &error);
  if (reader != NULL)
    {
      while (steward_csv_reader_next (reader, &fields, &line, &error))
        {
          g_assert_nonnull (fields);
          g_assert_cmpuint (line, >=, 1);
          g_strfreev (fields);
        }
    }
  g_assert_true (error == NULL || error->domain == STEWARD_CSV_ERROR);
  g_clear_error (&error);

  import = steward_user_import_new_from_data ((const char *) data, size, &error);
  g_assert_true ((import == NULL) == (error != NULL));
  g_assert_true (error == NULL || error->domain == STEWARD_CSV_ERROR);
  return 0;
}
