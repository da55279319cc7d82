/* steward-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-format.h"

#include <glib/gi18n-lib.h>

/* @date_time as the wall clock where @now is (tests pass a UTC "now"). */
static GDateTime *
in_zone_of (GDateTime *date_time,
            GDateTime *now)
{
  return g_date_time_to_timezone (date_time, g_date_time_get_timezone (now));
}

/* Whole calendar days from @earlier's date to @later's, both already in
 * the same zone: a login at 23:50 is "Yesterday" at 08:00. */
static int
calendar_days_between (GDateTime *earlier,
                       GDateTime *later)
{
  g_autoptr (GDate) from = g_date_new_dmy (g_date_time_get_day_of_month (earlier),
                                           g_date_time_get_month (earlier),
                                           g_date_time_get_year (earlier));
  g_autoptr (GDate) to = g_date_new_dmy (g_date_time_get_day_of_month (later),
                                         g_date_time_get_month (later),
                                         g_date_time_get_year (later));

  return g_date_days_between (from, to);
}

char *
steward_format_date_from (GDateTime *date_time,
                          GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = in_zone_of (date_time, now);
  /* TRANSLATORS: a date as g_date_time_format() writes it, month
   * abbreviated, never all digits: "Nov 9, 2026". %-d is the day without
   * padding. German: "%-d. %b %Y" ("9. Nov 2026"). */
  return g_date_time_format (local, C_ ("medium date", "%b %-d, %Y"));
}

char *
steward_format_date_time_full_from (GDateTime *date_time,
                                    GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (date_time == NULL)
    return g_strdup (_ ("Never"));

  local = in_zone_of (date_time, now);
  /* TRANSLATORS: a tooltip's full timestamp, for g_date_time_format():
   * "November 9, 2026, 14:05:09 UTC". German: "%-d. %B %Y, %H:%M:%S %Z". */
  return g_date_time_format (local, C_ ("full date and time", "%B %-d, %Y, %H:%M:%S %Z"));
}

char *
steward_format_date_time_from (GDateTime *date_time,
                               GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) local_now = NULL;
  GTimeSpan elapsed;
  int       days;

  g_return_val_if_fail (now != NULL, NULL);

  if (date_time == NULL)
    return g_strdup (_ ("Never"));

  elapsed = g_date_time_difference (now, date_time);

  /* Later than now by more than a clock's drift: no relative words fit. */
  if (elapsed < -G_TIME_SPAN_MINUTE)
    return steward_format_date_from (date_time, now);

  /* A clock a little ahead of the server's still reads as "just now". */
  if (elapsed < G_TIME_SPAN_MINUTE)
    return g_strdup (_ ("Just now"));

  if (elapsed < G_TIME_SPAN_HOUR)
    {
      guint minutes = elapsed / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", minutes), minutes);
    }

  if (elapsed < G_TIME_SPAN_DAY)
    {
      guint hours = elapsed / G_TIME_SPAN_HOUR;

      return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", hours), hours);
    }

  /* Beyond a day, count calendar days, the way people say it. */
  local = in_zone_of (date_time, now);
  local_now = in_zone_of (now, now);
  days = calendar_days_between (local, local_now);

  if (days <= 1)
    return g_strdup (_ ("Yesterday"));

  if (days < 7)
    return g_strdup_printf (ngettext ("%u day ago", "%u days ago", (guint) days), (guint) days);

  return steward_format_date_from (date_time, now);
}

char *
steward_format_date_time (GDateTime *date_time)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return steward_format_date_time_from (date_time, now);
}

char *
steward_format_date_time_full (GDateTime *date_time)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return steward_format_date_time_full_from (date_time, now);
}

static const struct
{
  const char *type;
  const char *label;
} record_types[] = {
  { "userCreated", N_ ("User created") },
  { "userUpdated", N_ ("Profile changed") },
  { "permissionsUpdated", N_ ("Permissions changed") },
  { "userDisabled", N_ ("User disabled") },
  { "userEnabled", N_ ("User enabled") },
  { "userMigrated", N_ ("User migrated") },
  { "userDeleted", N_ ("User permanently deleted") },
  { "apiKeyAuthenticated", N_ ("Signed in with an API key") },
  { "apiKeyCreated", N_ ("API key created") },
  { "apiKeyRevoked", N_ ("API key revoked") },
};

guint
steward_format_n_record_types (void)
{
  return G_N_ELEMENTS (record_types);
}

const char *
steward_format_record_type_at (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (record_types), NULL);

  return record_types[index].type;
}

const char *
steward_format_record_type (const char *record_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_strcmp0 (record_types[i].type, record_type) == 0)
      return _ (record_types[i].label);

  /* A newer server's type: show it as it came. */
  return record_type != NULL ? record_type : "";
}
