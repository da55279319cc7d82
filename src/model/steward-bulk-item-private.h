/* steward-bulk-item-private.h
 *
 * What the plan and the run change on an item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-bulk-item.h"

G_BEGIN_DECLS

/* @user is copied; NULL for CREATE (then @name and @email are the row's). */
StewardBulkItem *steward_bulk_item_new (StewardBulkKind    kind,
                                        StewardUser       *user,
                                        const char        *name,
                                        const char        *email,
                                        const char *const *permissions);

/* Which of the item's permissions the user still lacks (ADD) or holds
 * (REMOVE) in @user; empty when already so. */
GStrv    steward_bulk_item_missing_permissions (StewardBulkItem *self,
                                                StewardUser     *user);
gboolean steward_bulk_item_is_already (StewardBulkItem *self,
                                       StewardUser     *user);

void steward_bulk_item_set_result (StewardBulkItem  *self,
                                   StewardBulkResult result,
                                   const char       *message);
void steward_bulk_item_fail (StewardBulkItem *self,
                             const GError    *error);
void steward_bulk_item_reset (StewardBulkItem *self);
void steward_bulk_item_set_result_user (StewardBulkItem *self,
                                        StewardUser     *user);
void steward_bulk_item_add_applied_permission (StewardBulkItem *self,
                                               const char      *permission);
void steward_bulk_item_set_applied (StewardBulkItem *self,
                                    gboolean         applied);

G_END_DECLS
