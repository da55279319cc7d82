/* steward-dbus-service.h
 *
 * io.github.stewardapp.Steward1 (io.github.stewardapp.Steward1.xml beside
 * this file): list and search users, grant, remove, disable and enable,
 * for scripts, on the application's object path. It works on the session
 * of the main window focused last, so the profile and the keyring key are
 * the window's and no key passes over the bus; its writes go through that
 * session's client, so the change journal records them as it does the
 * buttons', and the window shows the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-application.h"

G_BEGIN_DECLS

#define STEWARD_DBUS_INTERFACE "io.github.stewardapp.Steward1"
#define STEWARD_DBUS_ERROR_PREFIX STEWARD_DBUS_INTERFACE ".Error."

#define STEWARD_TYPE_DBUS_SERVICE (steward_dbus_service_get_type ())

G_DECLARE_FINAL_TYPE (StewardDbusService, steward_dbus_service, STEWARD, DBUS_SERVICE, GObject)

/* @application is not referenced: it owns the service. */
StewardDbusService *steward_dbus_service_new (StewardApplication *application);

/* Registers the interface at @object_path on @connection. */
gboolean steward_dbus_service_export (StewardDbusService *self,
                                      GDBusConnection    *connection,
                                      const char         *object_path,
                                      GError            **error);
void     steward_dbus_service_unexport (StewardDbusService *self);

G_END_DECLS
