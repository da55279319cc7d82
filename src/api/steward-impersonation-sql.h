/* steward-impersonation-sql.h
 *
 * The SET statements that make a query-engine connection act as another
 * user, with every value quoted as a safe SQL literal. stewardctl and the
 * app's Prepare Impersonation print the same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-user.h"

G_BEGIN_DECLS

#define STEWARD_IMPERSONATION_TEMPLATE_PLACEHOLDER "{userid}"

/* @value as an SQL string literal ('…', or E'…' when it holds a
 * backslash). Refuses invalid UTF-8 and control characters with
 * G_IO_ERROR_INVALID_ARGUMENT, naming the value @what in the message. */
char *steward_sql_quote_literal (const char *value,
                                 const char *what,
                                 GError    **error);

/* The two SET statements, or three with @template (which must contain
 * {userid}), one per line. @what names the iamid, userid and template in
 * error messages, in that order. */
char *steward_impersonation_sql (const char *iamid,
                                 const char *userid,
                                 const char *template,
                                 const char *const what[3],
                                 GError          **error);

/* Whether @operator can impersonate in the query engine, in words: it
 * takes IMPERSONATE_USER and SQL credentials (a profile sqlUser). */
typedef enum
{
  STEWARD_IMPERSONATION_READY,
  STEWARD_IMPERSONATION_NEEDS_SQL_USER,
  STEWARD_IMPERSONATION_NOT_GRANTED,
} StewardImpersonationReadiness;

StewardImpersonationReadiness steward_impersonation_get_readiness (StewardUser *operator);
const char                   *steward_impersonation_describe_readiness (StewardImpersonationReadiness readiness);

G_END_DECLS
