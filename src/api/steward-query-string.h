/* steward-query-string.h
 *
 * Builds URL query strings with every value percent-encoded, for the
 * queries of routes 4, 15 and 17.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends "&name=value" (without '&' when @query is empty); nothing when
 * @value is NULL. */
void steward_query_string_add (GString    *query,
                               const char *name,
                               const char *value);
void steward_query_string_add_uint (GString    *query,
                                    const char *name,
                                    guint64     value);

G_END_DECLS
