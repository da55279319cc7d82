/* steward-csv-reader.h
 *
 * Records of an RFC 4180 CSV text held in memory (an import file): quoted
 * fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF or LF line ends, UTF-8 with or without a byte-order mark. The
 * delimiter, ',' or ';', is the one the first record uses more often
 * outside quotes (',' on a tie). Lines with no characters at all are
 * skipped.
 *
 * Our own parser rather than Debian's libcsv (libcsv3): libcsv has had no
 * release since 2013, would be one more Flatpak module, and leaves BOM,
 * delimiter detection and UTF-8 checks to the caller anyway, which are
 * most of this file. It is fuzzed (tests/fuzz/fuzz-csv-reader.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_CSV_ERROR (steward_csv_error_quark ())

typedef enum
{
  STEWARD_CSV_ERROR_ENCODING,    /* not UTF-8 */
  STEWARD_CSV_ERROR_UNCLOSED,    /* a quoted field runs to the end */
  STEWARD_CSV_ERROR_STRAY_QUOTE, /* characters after a closing quote */
  STEWARD_CSV_ERROR_HEADER,      /* an import without the columns it needs */
} StewardCsvError;

GQuark steward_csv_error_quark (void);

typedef struct _StewardCsvReader StewardCsvReader;

/* @data is borrowed and must outlive the reader. Fails with ENCODING when
 * it is not UTF-8 (the message gives the line). */
StewardCsvReader *steward_csv_reader_new (const char *data,
                                          gsize       length,
                                          GError    **error);
void              steward_csv_reader_free (StewardCsvReader *self);

char steward_csv_reader_get_delimiter (StewardCsvReader *self);

/* The next record as a NULL-terminated array of fields (FALSE with
 * *@fields NULL at the end, FALSE with @error set on malformed input).
 * @line: the line the record starts on, counted from 1. */
gboolean steward_csv_reader_next (StewardCsvReader *self,
                                  GStrv            *fields,
                                  guint            *line,
                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCsvReader, steward_csv_reader_free)

G_END_DECLS
