/* steward-cli-sql.c
 *
 * stewardctl's side of the shared statement builder: values are named by
 * their options, and a refusal is a usage error (exit status 2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-sql.h"

#include "steward-impersonation-sql.h"

#include <gio/gio.h>

static void
as_usage_error (GError **error)
{
  if (error != NULL && *error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      (*error)->domain = G_OPTION_ERROR;
      (*error)->code = G_OPTION_ERROR_BAD_VALUE;
    }
}

char *
steward_cli_sql_quote (const char *value,
                       const char *option,
                       GError    **error)
{
  char *literal = steward_sql_quote_literal (value, option, error);

  if (literal == NULL)
    as_usage_error (error);
  return literal;
}

char *
steward_cli_impersonation_sql (const char *iamid,
                               const char *userid,
                               const char *template,
                               GError **error)
{
  static const char *const options[3] = { "--iamid", "--userid", "--template" };
  char                    *sql = steward_impersonation_sql (iamid, userid, template, options, error);

  if (sql == NULL)
    as_usage_error (error);
  return sql;
}
