/* steward-cli-sql.h
 *
 * The SET statements of API.md's "Impersonation (query engine)" with every
 * value quoted as an SQL string literal, so nothing a value holds (a quote,
 * a backslash, a semicolon) can end the literal early. Pure functions: no
 * server is needed to write them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every impersonation template must contain. */
/* @value as a literal: 'O''Brien'. A value with a backslash becomes
 * E'…' with the backslash doubled, which PostgreSQL reads the same way
 * whatever standard_conforming_strings says. Invalid UTF-8 and control
 * characters fail with G_OPTION_ERROR_BAD_VALUE naming @option. */
char *steward_cli_sql_quote (const char *value,
                             const char *option,
                             GError    **error);

/* Two or three "SET immuta.impersonation_… = '…';" lines, each ending in a
 * newline. @template may be NULL; when given it must contain
 * STEWARD_IMPERSONATION_TEMPLATE_PLACEHOLDER. Fails with G_OPTION_ERROR_BAD_VALUE. */
char *steward_cli_impersonation_sql (const char *iamid,
                                     const char *userid,
                                     const char *template,
                                     GError **error);

G_END_DECLS
