/* steward-cli-journal.h
 *
 * stewardctl's side of the local change journal: the same file as the
 * application's, kept for the days the application's setting says
 * (journal-retention-days), and every write of a run recorded in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-cli.h"
#include "steward-journal.h"

G_BEGIN_DECLS

/* The application's journal-retention-days, or the default when its
 * settings schema is not installed. */
guint steward_cli_journal_retention_days (void);

/* Opens the journal (once per run) and gives it to the run's client, so
 * each write is recorded under @server_name. */
void steward_cli_record_changes (StewardCli *cli,
                                 const char *server_name);

G_END_DECLS
