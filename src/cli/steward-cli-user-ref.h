/* steward-cli-user-ref.h
 *
 * The USER argument of the users commands and how it is found:
 *
 *   ann@example.com   a userid in the built-in "bim" IAM;
 *   okta:jdoe         IAMID:USERID (IAMID is a valid IAM id, USERID not empty);
 *   17                the numeric id a user keeps across IAMs.
 *
 * Route 6 accepts an id in place of a userid, but only within the right IAM.
 * So an id is looked up in "bim" first, where most users live, and then in
 * each other IAM that route 3 lists, in the server's order; a user counts as
 * found only when the id it comes back with is the one asked for (an IAM
 * whose userids are numbers could otherwise answer with someone else).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_CLI_BUILTIN_IAM "bim"

typedef struct
{
  char  *iamid;  /* NULL for an id */
  char  *userid; /* the userid, or the id's digits */
  gint64 id;     /* > 0 for an id, 0 otherwise */
} StewardCliUserRef;

/* NULL with a G_OPTION_ERROR_BAD_VALUE for text that is none of the three
 * forms. */
StewardCliUserRef *steward_cli_user_ref_parse (const char *text,
                                               GError    **error);
StewardCliUserRef *steward_cli_user_ref_copy (const StewardCliUserRef *ref);
void               steward_cli_user_ref_free (StewardCliUserRef *ref);

/* Fetches the user @ref names (route 6, with route 3 for an id that is not
 * in "bim"). NOT_FOUND when no IAM has it. */
void         steward_cli_resolve_user_async (StewardClient           *client,
                                             const StewardCliUserRef *ref,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
StewardUser *steward_cli_resolve_user_finish (StewardClient *client,
                                              GAsyncResult  *result,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCliUserRef, steward_cli_user_ref_free)

G_END_DECLS
