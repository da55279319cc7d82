/* stewardctl.c
 *
 * The stewardctl program: everything it does lives in the static library
 * (steward-cli.c and friends), so the tests can reach it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr (StewardCli) cli = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("stewardctl");

  cli = steward_cli_new ();
  return steward_cli_run (cli, argc, argv);
}
