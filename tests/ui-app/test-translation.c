/* test-translation.c
 *
 * The gettext path, end to end: with LANGUAGE=de the real window, built
 * from its templates and C code, speaks German from the catalogue this
 * build compiled from po/de.po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-format.h"
#include "steward-test-ui.h"

#include "app-test-util.h"

#include <glib/gi18n.h>
#include <locale.h>

static void
test_window_in_german (void)
{
  StewardWindow *window = app_test_open_window ();

  /* From the template (translatable="yes") ... */
  g_assert_nonnull (steward_test_ui_find_button (GTK_WIDGET (window), "Mit einem Server verbinden …"));
  g_assert_nonnull (steward_test_ui_find_button (GTK_WIDGET (window), "Lokalen Server starten"));
  /* ... and from C (_()). */
  g_assert_cmpstr (gtk_label_get_text (window->server_label), ==, "Steward");
  g_assert_cmpstr (_ ("Could Not Connect"), ==, "Verbindung fehlgeschlagen");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%'u user", "%'u users", 2), ==, "%'u Benutzer");

  app_test_close_window (window);
}

/* The formatter's German forms come from the same code path as the
 * English ones: the catalogue picks the date's format and the words. */
static void
test_dates_in_german (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 15, 14, 5, 9);
  g_autoptr (GDateTime) hours_ago = g_date_time_add_hours (now, -15);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr (GDateTime) days_ago = g_date_time_add_days (now, -3);
  g_autoptr (GDateTime) old = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  g_autofree char *hours_text = steward_format_date_time_from (hours_ago, now);
  g_autofree char *yesterday_text = steward_format_date_time_from (yesterday, now);
  g_autofree char *days_text = steward_format_date_time_from (days_ago, now);
  g_autofree char *old_text = steward_format_date_time_from (old, now);
  g_autofree char *old_full = steward_format_date_time_full_from (old, now);

  g_assert_cmpstr (hours_text, ==, "vor 15 Stunden");
  g_assert_cmpstr (yesterday_text, ==, "Gestern");
  g_assert_cmpstr (days_text, ==, "vor 3 Tagen");
  /* Under C.UTF-8 the month abbreviation is the C library's; the order,
   * the day's full stop and the missing comma are German. */
  g_assert_cmpstr (old_text, ==, "2. Nov 2026");
  g_assert_cmpstr (old_full, ==, "2. November 2026, 09:30:00 UTC");
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("STEWARD_TEST_LOCALEDIR");

  /* LANGUAGE is honoured under C.UTF-8 (not under plain C), so no German
   * locale needs to be installed. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!app_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/translation/window-in-german", test_window_in_german);
  g_test_add_func ("/ui/translation/dates-in-german", test_dates_in_german);

  return app_test_run ();
}
