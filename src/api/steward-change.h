/* steward-change.h
 *
 * One write made through a StewardClient, as the journal keeps it: when,
 * on which server, who was signed in, which user, what was asked, the user
 * before and after, and the server's answer. Never a secret: no API key,
 * token or password is ever part of a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-user.h"

G_BEGIN_DECLS

/* What a write does; the nicks are what the journal stores. */
typedef enum
{
  STEWARD_CHANGE_CREATE,          /* route 5; detail: the name */
  STEWARD_CHANGE_GRANT,           /* route 13 or its fallback; detail: the permission */
  STEWARD_CHANGE_REMOVE,          /* route 9; detail: the permission */
  STEWARD_CHANGE_SET_PERMISSIONS, /* route 8; detail: the whole new set, comma-separated */
  STEWARD_CHANGE_DISABLE,         /* route 10 */
  STEWARD_CHANGE_ENABLE,          /* route 10 */
  STEWARD_CHANGE_MIGRATE,         /* route 14; detail: "IAMID:USERID" of the target */
  STEWARD_CHANGE_DELETE,          /* route 11 */
  STEWARD_CHANGE_UPDATE_PROFILE,  /* route 7; detail: the fields sent, comma-separated */
} StewardChangeKind;

#define STEWARD_N_CHANGE_KINDS (STEWARD_CHANGE_UPDATE_PROFILE + 1)

typedef enum
{
  STEWARD_CHANGE_PENDING, /* recorded, no answer yet: after a crash, unfinished */
  STEWARD_CHANGE_DONE,
  STEWARD_CHANGE_FAILED,
} StewardChangeResult;

#define STEWARD_TYPE_CHANGE (steward_change_get_type ())

G_DECLARE_FINAL_TYPE (StewardChange, steward_change, STEWARD, CHANGE, GObject)

/* A change of @kind to the user @iamid:@userid, recorded now. */
StewardChange *steward_change_new (StewardChangeKind kind,
                                   const char       *iamid,
                                   const char       *userid,
                                   const char       *detail);

/* 0 until a recorder has kept it. */
gint64              steward_change_get_id (StewardChange *self);
StewardChangeKind   steward_change_get_kind (StewardChange *self);
StewardChangeResult steward_change_get_result (StewardChange *self);
GDateTime          *steward_change_get_time (StewardChange *self);
/* When the answer came; NULL while pending. */
GDateTime *steward_change_get_finished_time (StewardChange *self);
/* The profile name (or host) the client was given with its recorder. */
const char *steward_change_get_server (StewardChange *self);
const char *steward_change_get_server_url (StewardChange *self);
/* "IAMID:USERID" of the person signed in, or NULL when unknown. */
const char  *steward_change_get_actor (StewardChange *self);
const char  *steward_change_get_iamid (StewardChange *self);
const char  *steward_change_get_userid (StewardChange *self);
const char  *steward_change_get_detail (StewardChange *self);
StewardUser *steward_change_get_before (StewardChange *self);
StewardUser *steward_change_get_after (StewardChange *self);
/* The nick of the StewardApiError (or "cancelled", "local") of a failure. */
const char *steward_change_get_error_code (StewardChange *self);
/* The HTTP status of the answer, 0 when none arrived. */
guint steward_change_get_status (StewardChange *self);
/* The sentence of a failure, as the server (or the client) said it. */
const char *steward_change_get_message (StewardChange *self);
/* The bulk run the change was part of, or NULL. */
const char *steward_change_get_run_id (StewardChange *self);

/* For the client and the journals that keep changes. */
void steward_change_set_id (StewardChange *self,
                            gint64         id);
void steward_change_set_time (StewardChange *self,
                              GDateTime     *time);
void steward_change_set_server (StewardChange *self,
                                const char    *server,
                                const char    *server_url);
void steward_change_set_actor (StewardChange *self,
                               const char    *actor);
void steward_change_set_before (StewardChange *self,
                                StewardUser   *before);
void steward_change_set_run_id (StewardChange *self,
                                const char    *run_id);
/* Ends a pending change: @error NULL is success, with @after the user as
 * the server now has it (NULL after a delete). */
void steward_change_finish (StewardChange *self,
                            StewardUser   *after,
                            const GError  *error,
                            GDateTime     *finished_time);
/* What steward_change_finish() sets, as the journal read it back. */
void steward_change_restore_result (StewardChange      *self,
                                    StewardChangeResult result,
                                    StewardUser        *after,
                                    const char         *error_code,
                                    guint               status,
                                    const char         *message,
                                    GDateTime          *finished_time);

/* The nick stored for @kind ("grant"), and back; FALSE for an unknown one. */
const char *steward_change_kind_to_string (StewardChangeKind kind);
gboolean    steward_change_kind_from_string (const char        *string,
                                             StewardChangeKind *kind);
const char *steward_change_result_to_string (StewardChangeResult result);
gboolean    steward_change_result_from_string (const char          *string,
                                               StewardChangeResult *result);

/* Words for people: "Grant", "Unfinished", and the user before and after
 * ("Active; CREATE_PROJECT, GOVERNANCE", "Disabled", "—" when there was no
 * such user). */
const char *steward_change_kind_get_label (StewardChangeKind kind);
const char *steward_change_result_get_label (StewardChangeResult result);
char       *steward_change_describe_before (StewardChange *self);
char       *steward_change_describe_after (StewardChange *self);

/* A fresh id for the changes of one bulk run. */
char *steward_change_new_run_id (void);

/* Every write started with @cancellable is journaled as part of the run
 * @run_id (a bulk run passes its own cancellable to each of its writes).
 * NULL removes the run. */
void        steward_change_set_run_for_cancellable (GCancellable *cancellable,
                                                    const char   *run_id);
const char *steward_change_get_run_for_cancellable (GCancellable *cancellable);

G_END_DECLS
