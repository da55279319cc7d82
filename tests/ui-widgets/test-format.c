/* test-format.c
 *
 * The one date formatter every screen uses, from a fixed "now": words
 * within the last week, a medium date (never all digits) before that, the
 * full timestamp with its zone for tooltips. The German forms are checked
 * in tests/ui-app/test-translation.c, through the same functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-format.h"

#include <locale.h>

typedef struct
{
  int         days, hours, minutes;
  const char *expected;
} Case;

static void
test_relative_then_medium (void)
{
  /* Sunday, Nov 15, 2026, 14:05:09 UTC. */
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 15, 14, 5, 9);
  static const Case cases[] = {
    { 0, 0, 0, "Just now" },
    { 0, 0, 1, "1 minute ago" },
    { 0, 0, 59, "59 minutes ago" },
    { 0, 1, 0, "1 hour ago" },
    { 0, 15, 0, "15 hours ago" },
    { 0, 23, 59, "23 hours ago" },
    { 1, 0, 0, "Yesterday" },
    /* Friday 23:05: two calendar days back, though under 48 hours. */
    { 1, 15, 0, "2 days ago" },
    { 3, 0, 0, "3 days ago" },
    { 6, 0, 0, "6 days ago" },
    /* Nov 8 is a week back on the calendar: a date, even 161 h ago. */
    { 6, 23, 0, "Nov 8, 2026" },
    { 7, 0, 0, "Nov 8, 2026" },
    { 300, 0, 0, "Jan 19, 2026" },
    { 400, 0, 0, "Oct 11, 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) then = g_date_time_add_full (now, 0, 0, -cases[i].days, -cases[i].hours, -cases[i].minutes, 0);
      g_autofree char *text = steward_format_date_time_from (then, now);

      g_test_message ("%d d %d h %d min ago", cases[i].days, cases[i].hours, cases[i].minutes);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_never_and_future (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 15, 14, 5, 9);
  g_autoptr (GDateTime) skewed = g_date_time_add_seconds (now, 30);
  g_autoptr (GDateTime) future = g_date_time_add_days (now, 3);
  g_autofree char *never = steward_format_date_time_from (NULL, now);
  g_autofree char *never_full = steward_format_date_time_full_from (NULL, now);
  g_autofree char *skewed_text = steward_format_date_time_from (skewed, now);
  g_autofree char *future_text = steward_format_date_time_from (future, now);

  g_assert_cmpstr (never, ==, "Never");
  g_assert_cmpstr (never_full, ==, "Never");
  /* A server clock a little ahead still reads as now ... */
  g_assert_cmpstr (skewed_text, ==, "Just now");
  /* ... a date days ahead is a date, not "3 days ago". */
  g_assert_cmpstr (future_text, ==, "Nov 18, 2026");
}

static void
test_zone_of_now (void)
{
  /* 23:30 UTC on Nov 8 is already Nov 9 in Berlin: the date is the one on
   * the wall where "now" is, and the tooltip says which zone. */
  g_autoptr (GDateTime) then = g_date_time_new_utc (2026, 11, 8, 23, 30, 0);
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("+01:00");
  g_autoptr (GDateTime) utc_now = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autoptr (GDateTime) berlin_now = g_date_time_to_timezone (utc_now, berlin);
  g_autofree char *utc_date = steward_format_date_from (then, utc_now);
  g_autofree char *berlin_date = steward_format_date_from (then, berlin_now);
  g_autofree char *utc_full = steward_format_date_time_full_from (then, utc_now);
  g_autofree char *berlin_full = steward_format_date_time_full_from (then, berlin_now);

  g_assert_nonnull (berlin);
  g_assert_cmpstr (utc_date, ==, "Nov 8, 2026");
  g_assert_cmpstr (berlin_date, ==, "Nov 9, 2026");
  g_assert_cmpstr (utc_full, ==, "November 8, 2026, 23:30:00 UTC");
  g_assert_cmpstr (berlin_full, ==, "November 9, 2026, 00:30:00 +01:00");
}

static void
test_never_all_digits (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 15, 14, 5, 9);

  /* Every month and both one- and two-digit days: a month name, a
   * four-digit year, never "11/09/26". */
  for (int month = 1; month <= 12; month++)
    for (int day = 1; day <= 28; day += 9)
      {
        g_autoptr (GDateTime) then = g_date_time_new_utc (2025, month, day, 10, 0, 0);
        g_autofree char *text = steward_format_date_time_from (then, now);
        g_autofree char *year_tail = g_strdup_printf ("%d, 2025", day);

        g_assert_null (strchr (text, '/'));
        g_assert_true (g_str_has_suffix (text, year_tail));
        g_assert_true (g_ascii_isalpha (text[0]));
      }
}

int
main (int   argc,
      char *argv[])
{
  /* The untranslated strings: C.UTF-8 month names, no catalogue. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/relative-then-medium", test_relative_then_medium);
  g_test_add_func ("/format/never-and-future", test_never_and_future);
  g_test_add_func ("/format/zone-of-now", test_zone_of_now);
  g_test_add_func ("/format/never-all-digits", test_never_all_digits);

  return g_test_run ();
}
