/* steward-audit-log-dialog.h
 *
 * "Audit Log": the server's audit records, newest first, filtered by user
 * and record type, fifty at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_AUDIT_LOG_DIALOG (steward_audit_log_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardAuditLogDialog, steward_audit_log_dialog, STEWARD, AUDIT_LOG_DIALOG, AdwWindow)

#define STEWARD_AUDIT_LOG_PAGE_SIZE 50

GtkWidget *steward_audit_log_dialog_new (StewardSession *session);

/* How many records are shown, and how many match on the server. */
guint    steward_audit_log_dialog_get_n_shown (StewardAuditLogDialog *self);
guint    steward_audit_log_dialog_get_n_matching (StewardAuditLogDialog *self);
gboolean steward_audit_log_dialog_get_loading (StewardAuditLogDialog *self);

G_END_DECLS
