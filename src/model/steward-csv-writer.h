/* steward-csv-writer.h
 *
 * Records of an RFC 4180 CSV text, the counterpart of steward-csv-reader.h:
 * a field is quoted when it holds a delimiter (',' or ';', so the reader's
 * delimiter detection never guesses wrong on our own files), a quote or a
 * line break, with quotes doubled; records end with CRLF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (NULL: an empty field), preceded by ',' unless @first. */
void steward_csv_append_field (GString    *out,
                               const char *text,
                               gboolean    first);

/* Appends @n_fields fields as one record, line end included. */
void steward_csv_append_record (GString           *out,
                                const char *const *fields,
                                guint              n_fields);

void steward_csv_end_record (GString *out);

G_END_DECLS
