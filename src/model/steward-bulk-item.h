/* steward-bulk-item.h
 *
 * One line of a bulk change (StewardBulkPlan): which user, what they hold
 * before and will hold after, and, once a StewardBulkRun has applied it,
 * how it ended. "result" and "message" notify when the run reaches the
 * item, so a row bound to them redraws as the run goes.
 *
 * Items of user changes carry a snapshot of the user as planned (a copy:
 * the directory may reuse its own objects); items that create a user (from
 * an import) carry the name, e-mail and permissions instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-user.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_BULK_ADD_PERMISSIONS,    /* grant each permission not held yet */
  STEWARD_BULK_REMOVE_PERMISSIONS, /* remove each permission held */
  STEWARD_BULK_DISABLE,
  STEWARD_BULK_ENABLE,
  STEWARD_BULK_CREATE, /* new "bim" users, from import rows */
} StewardBulkKind;

typedef enum
{
  STEWARD_BULK_RESULT_PENDING, /* not sent (yet, or the run was cancelled first) */
  STEWARD_BULK_RESULT_DONE,    /* the server applied it */
  STEWARD_BULK_RESULT_ALREADY, /* already so: nothing was sent */
  STEWARD_BULK_RESULT_FAILED,  /* the message is the server's own sentence */
  STEWARD_BULK_RESULT_SKIPPED, /* a guard refused it: the message says why */
} StewardBulkResult;

#define STEWARD_TYPE_BULK_ITEM (steward_bulk_item_get_type ())

G_DECLARE_FINAL_TYPE (StewardBulkItem, steward_bulk_item, STEWARD, BULK_ITEM, GObject)

StewardBulkKind steward_bulk_item_get_kind (StewardBulkItem *self);

/* The user as planned; NULL for STEWARD_BULK_CREATE. */
StewardUser *steward_bulk_item_get_user (StewardBulkItem *self);

/* The user's display name and e-mail (the import row's for CREATE). */
const char *steward_bulk_item_get_name (StewardBulkItem *self);
const char *steward_bulk_item_get_email (StewardBulkItem *self);

/* The permissions this item grants, removes or creates the user with. */
const char *const *steward_bulk_item_get_permissions (StewardBulkItem *self);

/* Before -> after, as planned: the directly held permissions (sorted;
 * empty before a CREATE) and the status. */
const char *const *steward_bulk_item_get_before_permissions (StewardBulkItem *self);
const char *const *steward_bulk_item_get_after_permissions (StewardBulkItem *self);
gboolean           steward_bulk_item_get_before_disabled (StewardBulkItem *self);
gboolean           steward_bulk_item_get_after_disabled (StewardBulkItem *self);

StewardBulkResult steward_bulk_item_get_result (StewardBulkItem *self);

/* FAILED: the server's (or the client's) sentence; SKIPPED: the guard's
 * reason; otherwise NULL. */
const char *steward_bulk_item_get_message (StewardBulkItem *self);

/* FAILED: the StewardApiError code (or G_IO_ERROR_CANCELLED in
 * G_IO_ERROR when the run was cancelled while the request was out);
 * otherwise NULL. */
const GError *steward_bulk_item_get_error (StewardBulkItem *self);

/* The user as the server last returned it (after DONE or ALREADY). */
StewardUser *steward_bulk_item_get_result_user (StewardBulkItem *self);

/* What the server really changed for this item: the permissions granted
 * or removed (part of them when a later one failed), or whether the status
 * or the creation happened. Undo reverts exactly this. */
const char *const *steward_bulk_item_get_applied_permissions (StewardBulkItem *self);
gboolean           steward_bulk_item_get_applied (StewardBulkItem *self);

G_END_DECLS
