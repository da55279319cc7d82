/* steward-user-export.h
 *
 * Export of a filtered, sorted listing (a StewardUserQuery, across all its
 * pages) as CSV or JSON, written to a GOutputStream page by page as each
 * page arrives: one page of users in memory at a time, whatever the size
 * of the directory. For a file, hand it the stream of g_file_replace(),
 * which replaces the file atomically when closed; an export that fails
 * or is cancelled leaves the old file as it was.
 *
 * Two shapes:
 * - STEWARD_USER_EXPORT_LISTING: name, email, iamid, userid, status,
 *   createdAt, lastLogin, permissions (';' separated in CSV); JSON is an
 *   array of aggregated users (steward-user-json.h).
 * - STEWARD_USER_EXPORT_ACCESS_REVIEW: the same identity columns, then
 *   one column per permission of @columns ("x" where held directly,
 *   "group" where held through a group only) and "otherPermissions" for
 *   any held permission not among them; JSON is {"permissions": [columns], "users": [{…,
 *   "permissions": [held]}]}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_USER_EXPORT_CSV,
  STEWARD_USER_EXPORT_JSON,
} StewardUserExportFormat;

typedef enum
{
  STEWARD_USER_EXPORT_LISTING,
  STEWARD_USER_EXPORT_ACCESS_REVIEW,
} StewardUserExportShape;

#define STEWARD_USER_EXPORT_PAGE_SIZE 1000

/* Writes every user matching @query (offset and size are the export's
 * own) to @stream, which it leaves open. @columns: the permissions of an
 * access review (NULL for a listing). Finishes with the number of users
 * written. */
void    steward_user_export_async (StewardClient          *client,
                                   const StewardUserQuery *query,
                                   StewardUserExportShape  shape,
                                   StewardUserExportFormat format,
                                   const char *const      *columns,
                                   GOutputStream          *stream,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
guint64 steward_user_export_finish (GAsyncResult *result,
                                    GError      **error);

/* One record of the CSV form, for writers of their own listings (the
 * dormant accounts of stewardctl): the header, then a user. */
void steward_user_export_append_csv_header (GString               *out,
                                            StewardUserExportShape shape,
                                            const char *const     *columns);
void steward_user_export_append_csv_user (GString               *out,
                                          StewardUserExportShape shape,
                                          const char *const     *columns,
                                          StewardUser           *user);

G_END_DECLS
