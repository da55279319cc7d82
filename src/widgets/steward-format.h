/* steward-format.h
 *
 * How every screen shows dates, the same way everywhere: within the last
 * week in words ("15 hours ago", "Yesterday", "3 days ago"), older ones
 * as a medium date in the user's language ("Nov 9, 2026", "9. Nov 2026"),
 * never all digits; the full timestamp with its zone for tooltips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Never" for NULL. */
char *steward_format_date_time (GDateTime *date_time);

/* Same, measured from @now and written in @now's time zone (for tests
 * and for callers that format many dates at once). */
char *steward_format_date_time_from (GDateTime *date_time,
                                     GDateTime *now);

/* The medium date alone, in @now's time zone. */
char *steward_format_date_from (GDateTime *date_time,
                                GDateTime *now);

/* "November 9, 2026, 14:05:09 CET" for a tooltip; "Never" for NULL. */
char *steward_format_date_time_full (GDateTime *date_time);
char *steward_format_date_time_full_from (GDateTime *date_time,
                                          GDateTime *now);

/* The audit record types of API.md, in a stable order, and what each
 * means in words ("User disabled"); unknown types come back unchanged. */
guint       steward_format_n_record_types (void);
const char *steward_format_record_type_at (guint index);
const char *steward_format_record_type (const char *record_type);

G_END_DECLS
