/* steward-bulk-plan.h
 *
 * The pending changes for many users, before anything is sent: a
 * GListModel of StewardBulkItem, one per user (or per import row), each
 * with its before -> after. Nothing here talks to the server except
 * steward_bulk_plan_check_async(); StewardBulkRun applies a plan.
 *
 * Guards are evaluated per user as the user is added, and the item is
 * SKIPPED with the reason: never remove your own USER_ADMIN, never disable
 * yourself. The last active USER_ADMIN needs the server's count:
 * steward_bulk_plan_check_async() asks for it and skips the removals (or
 * disablings) that would leave nobody with USER_ADMIN. A run checks again
 * before it sends anything.
 *
 * A user who is already so (holds every permission to add, is disabled
 * already, ...) is planned as ALREADY and never sent.
 *
 * Retry and undo are new plans made from a plan that has been run:
 * steward_bulk_plan_new_retry() holds only the items that failed or were
 * not sent; steward_bulk_plan_new_undo() reverts exactly what the server
 * applied (not the creations of an import: those are permanent deletes,
 * never an undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-bulk-item.h"
#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_BULK_PLAN (steward_bulk_plan_get_type ())

G_DECLARE_FINAL_TYPE (StewardBulkPlan, steward_bulk_plan, STEWARD, BULK_PLAN, GObject)

/* @permissions: what to grant or remove (ADD_PERMISSIONS, REMOVE_PERMISSIONS;
 * NULL otherwise). @current_user: the person signed in, for the guards
 * (NULL when unknown: then only the server-side guard applies). */
StewardBulkPlan *steward_bulk_plan_new (StewardBulkKind    kind,
                                        const char *const *permissions,
                                        StewardUser       *current_user);

StewardBulkKind    steward_bulk_plan_get_kind (StewardBulkPlan *self);
const char *const *steward_bulk_plan_get_permissions (StewardBulkPlan *self);

/* Plans the change for @user (copied). A user already in the plan (same
 * id) is not added twice: returns the existing item. Not for CREATE. */
StewardBulkItem *steward_bulk_plan_add_user (StewardBulkPlan *self,
                                             StewardUser     *user);

/* A new "bim" user whose userid is @email. Only for CREATE. */
StewardBulkItem *steward_bulk_plan_add_new_user (StewardBulkPlan   *self,
                                                 const char        *name,
                                                 const char        *email,
                                                 const char *const *permissions);

/* How many items have @result. */
guint steward_bulk_plan_count (StewardBulkPlan  *self,
                               StewardBulkResult result);

/* TRUE once the server-side guard has been evaluated (or none applies). */
gboolean steward_bulk_plan_get_checked (StewardBulkPlan *self);

/* Counts the active users with USER_ADMIN (route 4) and skips, in order,
 * the items that would take the last one away. */
void     steward_bulk_plan_check_async (StewardBulkPlan    *self,
                                        StewardClient      *client,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean steward_bulk_plan_check_finish (StewardBulkPlan *self,
                                         GAsyncResult    *result,
                                         GError         **error);

/* A plan of the items of @self that FAILED or stayed PENDING, as they were
 * planned (NULL when there is none). Running it reads each user again, so
 * what was applied before the failure is reported ALREADY, never applied
 * twice. */
StewardBulkPlan *steward_bulk_plan_new_retry (StewardBulkPlan *self);

/* A plan that reverts what the server applied for the items of @self
 * (NULL when nothing was). Guards apply to it as to any plan. */
StewardBulkPlan *steward_bulk_plan_new_undo (StewardBulkPlan *self);

G_END_DECLS
