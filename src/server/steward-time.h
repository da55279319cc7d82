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

gint64   steward_now_ms (void);
char    *steward_time_format (gint64 ms);
gboolean steward_time_parse (const char *text,
                             gint64     *out_ms);
void     steward_date_format (const GDate *date,
                              char         out[11]);
void     steward_date_from_ms (gint64 ms,
                               GDate *out_date);
gint64   steward_date_start_ms (const GDate *date);

G_END_DECLS
