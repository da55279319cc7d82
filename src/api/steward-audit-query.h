/* steward-audit-query.h
 *
 * The parameters of route 17 (GET /audit): a page of the audit log, limited
 * to one user, one kind of record or a time range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Owned by the query; NULL leaves that filter out. */
typedef struct
{
  guint      offset;
  guint      size; /* 0 leaves it to the server */
  char      *userid;
  char      *record_type;
  GDateTime *min_date;
  GDateTime *max_date;
} StewardAuditQuery;

#define STEWARD_TYPE_AUDIT_QUERY (steward_audit_query_get_type ())

GType              steward_audit_query_get_type (void) G_GNUC_CONST;
StewardAuditQuery *steward_audit_query_new (void);
StewardAuditQuery *steward_audit_query_copy (const StewardAuditQuery *query);
void               steward_audit_query_free (StewardAuditQuery *query);
char              *steward_audit_query_to_string (const StewardAuditQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardAuditQuery, steward_audit_query_free)

G_END_DECLS
