/* steward-test-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-keyring.h"

static gboolean
secret_service_is_running (void)
{
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  /* Only a running service counts: D-Bus activation would start a keyring
   * without a login collection, whose first store waits for a password
   * prompt nobody answers. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

gboolean
steward_test_require_keyring (void)
{
  if (secret_service_is_running ())
    return TRUE;

  if (g_strcmp0 (g_getenv ("STEWARD_REQUIRE_KEYRING"), "1") == 0)
    g_error ("STEWARD_REQUIRE_KEYRING=1 but no Secret Service runs on the session bus");

  g_test_skip ("No Secret Service on the session bus (set STEWARD_REQUIRE_KEYRING=1 to require one)");
  return FALSE;
}
