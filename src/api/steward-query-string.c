/* steward-query-string.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-query-string.h"

void
steward_query_string_add (GString    *query,
                          const char *name,
                          const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  /* No characters allowed unescaped: "+" would read as a space and "&" or
   * "=" would split the pair. */
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", name, escaped);
}

void
steward_query_string_add_uint (GString    *query,
                               const char *name,
                               guint64     value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, value);
  steward_query_string_add (query, name, text);
}
