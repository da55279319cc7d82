/* steward-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "steward-time.h"

gint64
steward_now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* 2026-11-27T16:27:33.395Z */
char *
steward_time_format (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  if (time == NULL)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (time),
                          g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time),
                          (int) (ms % 1000));
}

/* Accepts a full ISO-8601 date-time (any offset; a missing one means UTC)
 * or a plain date, which means its midnight UTC. */
gboolean
steward_time_parse (const char *text,
                    gint64     *out_ms)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) time = NULL;
  int  year, month, day;
  char tail;

  if (text == NULL)
    return FALSE;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 && g_date_valid_dmy (day, month, year))
    time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  else
    time = g_date_time_new_from_iso8601 (text, utc);

  if (time == NULL)
    return FALSE;

  *out_ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  return TRUE;
}

void
steward_date_format (const GDate *date,
                     char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

void
steward_date_from_ms (gint64 ms,
                      GDate *out_date)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (time),
                  g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

gint64
steward_date_start_ms (const GDate *date)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (g_date_get_year (date),
                                                    g_date_get_month (date),
                                                    g_date_get_day (date),
                                                    0, 0, 0);

  return g_date_time_to_unix (time) * 1000;
}
