/* steward-audit-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-audit-query.h"
#include "steward-json-private.h"
#include "steward-query-string.h"

G_DEFINE_BOXED_TYPE (StewardAuditQuery, steward_audit_query, steward_audit_query_copy, steward_audit_query_free)

StewardAuditQuery *
steward_audit_query_new (void)
{
  return g_new0 (StewardAuditQuery, 1);
}

StewardAuditQuery *
steward_audit_query_copy (const StewardAuditQuery *query)
{
  StewardAuditQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->userid = g_strdup (query->userid);
  copy->record_type = g_strdup (query->record_type);
  copy->min_date = query->min_date != NULL ? g_date_time_ref (query->min_date) : NULL;
  copy->max_date = query->max_date != NULL ? g_date_time_ref (query->max_date) : NULL;

  return copy;
}

void
steward_audit_query_free (StewardAuditQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->userid);
  g_free (query->record_type);
  g_clear_pointer (&query->min_date, g_date_time_unref);
  g_clear_pointer (&query->max_date, g_date_time_unref);
  g_free (query);
}

char *
steward_audit_query_to_string (const StewardAuditQuery *query)
{
  g_autofree char *min_date = NULL;
  g_autofree char *max_date = NULL;
  GString         *text;

  g_return_val_if_fail (query != NULL, NULL);

  text = g_string_new (NULL);

  if (query->min_date != NULL)
    min_date = steward_json_format_time (query->min_date);
  if (query->max_date != NULL)
    max_date = steward_json_format_time (query->max_date);

  if (query->size > 0)
    steward_query_string_add_uint (text, "size", query->size);
  steward_query_string_add_uint (text, "offset", query->offset);
  steward_query_string_add (text, "userid", query->userid);
  steward_query_string_add (text, "recordType", query->record_type);
  steward_query_string_add (text, "minDate", min_date);
  steward_query_string_add (text, "maxDate", max_date);

  return g_string_free (text, FALSE);
}
