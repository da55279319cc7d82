/* steward-store-audit.c
 *
 * The audit log, the daily aggregates drawn from it for the metrics
 * document, and the opt-in interaction counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-store-private.h"
#include "steward-time.h"

const char *
steward_workflow_name (StewardWorkflow workflow)
{
  static const char *const names[STEWARD_N_WORKFLOWS] = {
    [STEWARD_WORKFLOW_USER_CREATED] = "userCreated",
    [STEWARD_WORKFLOW_USER_DISABLED] = "userDisabled",
    [STEWARD_WORKFLOW_USER_ENABLED] = "userEnabled",
    [STEWARD_WORKFLOW_USER_DELETED] = "userDeleted",
    [STEWARD_WORKFLOW_USER_MIGRATED] = "userMigrated",
    [STEWARD_WORKFLOW_PERMISSION_GRANTED] = "permissionGranted",
    [STEWARD_WORKFLOW_PERMISSION_REMOVED] = "permissionRemoved",
    [STEWARD_WORKFLOW_API_KEY_AUTHENTICATED] = "apiKeyAuthenticated",
  };

  g_return_val_if_fail (workflow < STEWARD_N_WORKFLOWS, NULL);

  return names[workflow];
}

gboolean
steward_store_add_audit (StewardStore                  *self,
                         const StewardStoreAuditRecord *record,
                         GError                       **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = steward_store_prepare (self,
                                "INSERT INTO audit (date_time, record_type, actor_iamid, actor_userid, "
                                "target_iamid, target_userid, success, details) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record->date_time != 0 ? record->date_time : steward_now_ms ());
  steward_bind_text (stmt, 2, record->record_type);
  steward_bind_text (stmt, 3, record->actor_iamid);
  steward_bind_text (stmt, 4, record->actor_userid);
  steward_bind_text (stmt, 5, record->target_iamid);
  steward_bind_text (stmt, 6, record->target_userid);
  sqlite3_bind_int (stmt, 7, record->success);
  steward_bind_text (stmt, 8, record->details != NULL ? record->details : "{}");

  return steward_store_step_done (self, stmt, error);
}

/* The WHERE clause is fixed text; unused filters bind NULL and drop out. */
#define AUDIT_WHERE                                                \
  "WHERE (?1 IS NULL OR actor_userid = ?1 OR target_userid = ?1) " \
  "AND (?2 IS NULL OR record_type = ?2) "                          \
  "AND (?3 IS NULL OR date_time >= ?3) "                           \
  "AND (?4 IS NULL OR date_time <= ?4) "

static void
bind_audit_filter (sqlite3_stmt             *stmt,
                   const StewardAuditFilter *filter)
{
  steward_bind_text (stmt, 1, filter->userid);
  steward_bind_text (stmt, 2, filter->record_type);
  if (filter->min_date != 0)
    sqlite3_bind_int64 (stmt, 3, filter->min_date);
  if (filter->max_date != 0)
    sqlite3_bind_int64 (stmt, 4, filter->max_date);
}

gboolean
steward_store_list_audit (StewardStore             *self,
                          const StewardAuditFilter *filter,
                          GPtrArray               **out_records,
                          gint64                   *out_count,
                          GError                  **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_store_audit_record_free);
  g_autoptr (StewardCachedStmt) count = NULL;
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  count = steward_store_prepare (self, "SELECT count(*) FROM audit " AUDIT_WHERE, error);
  if (count == NULL)
    return FALSE;

  bind_audit_filter (count, filter);
  rc = sqlite3_step (count);
  if (rc != SQLITE_ROW)
    return steward_store_fail (self, rc, error);
  *out_count = sqlite3_column_int64 (count, 0);

  stmt = steward_store_prepare (self,
                                "SELECT id, date_time, record_type, actor_iamid, actor_userid, "
                                "target_iamid, target_userid, success, details FROM audit " AUDIT_WHERE
                                "ORDER BY date_time DESC, id DESC LIMIT ?5 OFFSET ?6",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_audit_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 5, filter->size);
  sqlite3_bind_int64 (stmt, 6, filter->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardStoreAuditRecord *record = g_new0 (StewardStoreAuditRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->date_time = sqlite3_column_int64 (stmt, 1);
      record->record_type = steward_column_dup (stmt, 2);
      record->actor_iamid = steward_column_dup (stmt, 3);
      record->actor_userid = steward_column_dup (stmt, 4);
      record->target_iamid = steward_column_dup (stmt, 5);
      record->target_userid = steward_column_dup (stmt, 6);
      record->success = sqlite3_column_int (stmt, 7) != 0;
      record->details = steward_column_dup (stmt, 8);
      g_ptr_array_add (records, record);
    }

  if (rc != SQLITE_DONE)
    return steward_store_fail (self, rc, error);

  *out_records = g_steal_pointer (&records);
  return TRUE;
}

/* One entry per day from FROM to TO inclusive, zeros included. Granted and
 * removed permissions are counted one by one from the "added" and "removed"
 * lists every permissionsUpdated record carries. */
GArray *
steward_store_workflow_days (StewardStore *self,
                             GDate        *from,
                             GDate        *to,
                             GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;
  g_autoptr (GArray) days = g_array_new (FALSE, TRUE, sizeof (StewardWorkflowDay));
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GDate day = *from;
  GDate end = *to;
  int   rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  while (g_date_compare (&day, to) <= 0)
    {
      StewardWorkflowDay entry = { 0 };

      steward_date_format (&day, entry.day);
      g_array_append_val (days, entry);
      g_date_add_days (&day, 1);
    }
  for (guint i = 0; i < days->len; i++)
    {
      StewardWorkflowDay *entry = &g_array_index (days, StewardWorkflowDay, i);

      g_hash_table_insert (index, entry->day, entry);
    }

  stmt = steward_store_prepare (self,
                                "SELECT strftime('%Y-%m-%d', date_time / 1000, 'unixepoch') AS day,"
                                " sum(record_type = 'userCreated'),"
                                " sum(record_type = 'userDisabled'),"
                                " sum(record_type = 'userEnabled'),"
                                " sum(record_type = 'userDeleted'),"
                                " sum(record_type = 'userMigrated'),"
                                " sum(CASE WHEN record_type = 'permissionsUpdated'"
                                "     THEN coalesce(json_array_length(details, '$.added'), 0) ELSE 0 END),"
                                " sum(CASE WHEN record_type = 'permissionsUpdated'"
                                "     THEN coalesce(json_array_length(details, '$.removed'), 0) ELSE 0 END),"
                                " sum(record_type = 'apiKeyAuthenticated')"
                                " FROM audit WHERE date_time >= ? AND date_time < ? AND success = 1"
                                " GROUP BY day",
                                error);
  if (stmt == NULL)
    return NULL;

  g_date_add_days (&end, 1);
  sqlite3_bind_int64 (stmt, 1, steward_date_start_ms (from));
  sqlite3_bind_int64 (stmt, 2, steward_date_start_ms (&end));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardWorkflowDay *entry = g_hash_table_lookup (index, sqlite3_column_text (stmt, 0));

      if (entry == NULL)
        continue;
      for (int w = 0; w < STEWARD_N_WORKFLOWS; w++)
        entry->counts[w] = sqlite3_column_int64 (stmt, w + 1);
    }

  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

gboolean
steward_store_add_interactions (StewardStore *self,
                                const char   *day,
                                const char   *control,
                                gint64        count,
                                GError      **error)
{
  g_autoptr (StewardCachedStmt) stmt = NULL;

  stmt = steward_store_prepare (self,
                                "INSERT INTO interactions (day, control, count) VALUES (?, ?, ?) "
                                "ON CONFLICT (day, control) DO UPDATE SET count = count + excluded.count",
                                error);
  if (stmt == NULL)
    return FALSE;

  steward_bind_text (stmt, 1, day);
  steward_bind_text (stmt, 2, control);
  sqlite3_bind_int64 (stmt, 3, count);
  return steward_store_step_done (self, stmt, error);
}

GPtrArray *
steward_store_list_interactions (StewardStore *self,
                                 const char   *from_day,
                                 const char   *to_day,
                                 GError      **error)
{
  g_autoptr (GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_store_interaction_count_free);
  g_autoptr (StewardCachedStmt) stmt = NULL;
  int rc;

  stmt = steward_store_prepare (self,
                                "SELECT day, control, count FROM interactions "
                                "WHERE day >= ? AND day <= ? ORDER BY day, control",
                                error);
  if (stmt == NULL)
    return NULL;

  steward_bind_text (stmt, 1, from_day);
  steward_bind_text (stmt, 2, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardInteractionCount *count = g_new0 (StewardInteractionCount, 1);

      count->day = steward_column_dup (stmt, 0);
      count->control = steward_column_dup (stmt, 1);
      count->count = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (counts, count);
    }

  if (rc != SQLITE_DONE)
    {
      steward_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}
