/* steward-audit-record.h
 *
 * One entry of the server's audit log (route 17): when, what, who did it to
 * whom, whether it worked, and the before/after values in "details".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_AUDIT_RECORD (steward_audit_record_get_type ())

G_DECLARE_FINAL_TYPE (StewardAuditRecord, steward_audit_record, STEWARD, AUDIT_RECORD, GObject)

const char *steward_audit_record_get_id (StewardAuditRecord *self);
GDateTime  *steward_audit_record_get_date_time (StewardAuditRecord *self);
const char *steward_audit_record_get_record_type (StewardAuditRecord *self);
const char *steward_audit_record_get_actor_iamid (StewardAuditRecord *self);
const char *steward_audit_record_get_actor_userid (StewardAuditRecord *self);
const char *steward_audit_record_get_target_iamid (StewardAuditRecord *self);
const char *steward_audit_record_get_target_userid (StewardAuditRecord *self);
gboolean    steward_audit_record_get_success (StewardAuditRecord *self);
JsonNode   *steward_audit_record_get_details (StewardAuditRecord *self);

G_END_DECLS
