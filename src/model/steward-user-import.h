/* steward-user-import.h
 *
 * Import Users from CSV: the rows of a file with the header
 * "name,email[,permissions]" (any order, any case; permissions separated
 * by ';'), each validated before anything is sent: a bad name or e-mail, a
 * permission that is not a name, the same e-mail earlier in the file, and
 * (steward_user_import_check_async()) a user already on the server.
 * The valid rows become a STEWARD_BULK_CREATE plan.
 *
 * A GListModel of StewardImportRow, in file order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-bulk-plan.h"
#include "steward-client.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_IMPORT_ROW_VALID,
  STEWARD_IMPORT_ROW_BAD_NAME,
  STEWARD_IMPORT_ROW_BAD_EMAIL,
  STEWARD_IMPORT_ROW_BAD_PERMISSION,
  STEWARD_IMPORT_ROW_DUPLICATE, /* the same e-mail on an earlier line */
  STEWARD_IMPORT_ROW_EXISTS,    /* a user with this e-mail is on the server */
} StewardImportStatus;

#define STEWARD_TYPE_IMPORT_ROW (steward_import_row_get_type ())

G_DECLARE_FINAL_TYPE (StewardImportRow, steward_import_row, STEWARD, IMPORT_ROW, GObject)

guint               steward_import_row_get_line (StewardImportRow *self);
const char         *steward_import_row_get_name (StewardImportRow *self);
const char         *steward_import_row_get_email (StewardImportRow *self);
const char *const  *steward_import_row_get_permissions (StewardImportRow *self);
StewardImportStatus steward_import_row_get_status (StewardImportRow *self);
/* Why the row is not valid (NULL when it is). */
const char *steward_import_row_get_message (StewardImportRow *self);

#define STEWARD_TYPE_USER_IMPORT (steward_user_import_get_type ())

G_DECLARE_FINAL_TYPE (StewardUserImport, steward_user_import, STEWARD, USER_IMPORT, GObject)

/* Fails with a STEWARD_CSV_ERROR (the message names the line). */
StewardUserImport *steward_user_import_new_from_data (const char *data,
                                                      gsize       length,
                                                      GError    **error);

guint steward_user_import_count (StewardUserImport  *self,
                                 StewardImportStatus status);

/* Asks the server (route 6, a few at a time) about every valid row. */
void     steward_user_import_check_async (StewardUserImport  *self,
                                          StewardClient      *client,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
gboolean steward_user_import_check_finish (StewardUserImport *self,
                                           GAsyncResult      *result,
                                           GError           **error);

/* A plan creating the valid rows' users. */
StewardBulkPlan *steward_user_import_to_plan (StewardUserImport *self,
                                              StewardUser       *current_user);

G_END_DECLS
