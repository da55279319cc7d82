/* test-translation.c
 *
 * The gettext path, end to end: with LANGUAGE=de the real window, built
 * from its templates and C code, speaks German from the catalogue this
 * build compiled from po/de.po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("STEWARD_TEST_LOCALEDIR");
  int         status;

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

  status = g_test_run ();
  g_clear_object (&app_test_application);
  return status;
}
