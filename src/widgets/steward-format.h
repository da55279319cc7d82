/* steward-format.h
 *
 * How the widgets show dates: recent ones relative to now ("5 minutes
 * ago"), older ones as a date in the user's locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Never" for NULL. */
char *steward_format_date_time (GDateTime *date_time);

/* Same, measured from @now (for tests and for callers that format many
 * dates at once). */
char *steward_format_date_time_from (GDateTime *date_time,
                                     GDateTime *now);

/* The audit record types of API.md, in a stable order, and what each
 * means in words ("User disabled"); unknown types come back unchanged. */
guint       steward_format_n_record_types (void);
const char *steward_format_record_type_at (guint index);
const char *steward_format_record_type (const char *record_type);

G_END_DECLS
