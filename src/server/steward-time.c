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

/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * civil_from_days), so formatting needs neither a GDateTime nor printf:
 * every user in a page carries three times. */
static void
civil_from_days (gint64 days,
                 int   *out_year,
                 int   *out_month,
                 int   *out_day)
{
  gint64 z = days + 719468;
  gint64 era = z / 146097;
  gint64 day_of_era = z - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 month_index = (5 * day_of_year + 2) / 153;
  int    month = (int) (month_index < 10 ? month_index + 3 : month_index - 9);

  *out_day = (int) (day_of_year - (153 * month_index + 2) / 5 + 1);
  *out_month = month;
  *out_year = (int) (year_of_era + era * 400 + (month <= 2));
}

static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return out + width;
}

/* 2026-11-27T16:27:33.395Z */
gboolean
steward_time_format_to (gint64 ms,
                        char   out[STEWARD_TIME_TEXT_SIZE])
{
  gint64 seconds;
  gint64 second_of_day;
  int    year, month, day;
  char  *p = out;

  /* GDateTime's range, years 1 to 9999; before 1970 the old formatter
   * printed a negative millisecond part, so those are refused too (the
   * server never stores such a time). */
  if (ms < 0 || ms >= STEWARD_TIME_MAX_MS)
    return FALSE;

  seconds = ms / 1000;
  second_of_day = seconds % 86400;
  civil_from_days (seconds / 86400, &year, &month, &day);

  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, (int) (second_of_day / 3600), 2);
  *p++ = ':';
  p = put_digits (p, (int) (second_of_day / 60 % 60), 2);
  *p++ = ':';
  p = put_digits (p, (int) (second_of_day % 60), 2);
  *p++ = '.';
  p = put_digits (p, (int) (ms % 1000), 3);
  *p++ = 'Z';
  *p = '\0';

  return TRUE;
}

char *
steward_time_format (gint64 ms)
{
  char text[STEWARD_TIME_TEXT_SIZE];

  return steward_time_format_to (ms, text) ? g_strdup (text) : NULL;
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
