/* steward-journal-export.h
 *
 * Changes of the journal as documents: CSV (RFC 4180, a header line, one
 * line per change, times in API.md's ISO-8601 form) and JSON (an array of
 * objects whose "before" and "after" are aggregated users or null). Used
 * by the Change Journal dialog's export and by `stewardctl journal`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-journal.h"

G_BEGIN_DECLS

/* @changes: a list model of StewardChange. */
GBytes   *steward_journal_export_csv (GListModel *changes);
JsonNode *steward_journal_export_json (GListModel *changes);
GBytes   *steward_journal_export (GListModel          *changes,
                                  StewardJournalFormat format);

G_END_DECLS
