/* steward-user-lookup.h
 *
 * Finds the one user a person or a script names by e-mail or userid
 * ("ann@example.com"), in any identity manager, disabled or not, with the
 * core filters of route 4 (userid, then email), so it works on real
 * servers too. Names that match nobody, or more than one user (the same
 * userid in two IAMs), fail with their own error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_USER_LOOKUP_ERROR (steward_user_lookup_error_quark ())

typedef enum
{
  STEWARD_USER_LOOKUP_ERROR_UNKNOWN,   /* nobody has that e-mail or userid */
  STEWARD_USER_LOOKUP_ERROR_AMBIGUOUS, /* several users have it */
} StewardUserLookupError;

GQuark steward_user_lookup_error_quark (void);

/* Errors of the server are StewardApiErrors. */
void         steward_user_lookup_async (StewardClient      *client,
                                        const char         *email_or_userid,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
StewardUser *steward_user_lookup_finish (GAsyncResult *result,
                                         GError      **error);

G_END_DECLS
