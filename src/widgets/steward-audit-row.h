/* steward-audit-row.h
 *
 * One audit record as a row: what happened, to whom, by whom and when.
 * The user page's recent activity and the Audit Log show the same rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-audit-record.h"

G_BEGIN_DECLS

/* @show_target names the user the record is about; leave it out where
 * the page is about that user already. */
GtkWidget *steward_audit_row_new (StewardAuditRecord *record,
                                  gboolean            show_target);

G_END_DECLS
