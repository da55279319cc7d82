/* steward-time.h
 *
 * Time on the wire is ISO-8601 UTC with milliseconds; in the database it is
 * milliseconds since the epoch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026-11-27T16:27:33.395Z" and its terminating NUL. */
#define STEWARD_TIME_TEXT_SIZE 25
/* 10000-01-01T00:00:00Z: the first time with a five-digit year. */
#define STEWARD_TIME_MAX_MS G_GINT64_CONSTANT (253402300800000)

gint64 steward_now_ms (void);
/* FALSE (OUT untouched) for times before 1970 or after 9999. */
gboolean steward_time_format_to (gint64 ms,
                                 char   out[STEWARD_TIME_TEXT_SIZE]);
char    *steward_time_format (gint64 ms);
gboolean steward_time_parse (const char *text,
                             gint64     *out_ms);
void     steward_date_format (const GDate *date,
                              char         out[11]);
void     steward_date_from_ms (gint64 ms,
                               GDate *out_date);
gint64   steward_date_start_ms (const GDate *date);

G_END_DECLS
