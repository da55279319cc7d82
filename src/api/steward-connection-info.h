/* steward-connection-info.h
 *
 * How the caller connects to the PostgreSQL-compatible query engine
 * ("GET /dataSource/featureStore/connection"): what the impersonation dialog
 * shows an operator before they run the SET statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CONNECTION_INFO (steward_connection_info_get_type ())

G_DECLARE_FINAL_TYPE (StewardConnectionInfo, steward_connection_info, STEWARD, CONNECTION_INFO, GObject)

const char *steward_connection_info_get_sql_user (StewardConnectionInfo *self);
const char *steward_connection_info_get_host (StewardConnectionInfo *self);
guint       steward_connection_info_get_port (StewardConnectionInfo *self);
const char *steward_connection_info_get_database (StewardConnectionInfo *self);
const char *steward_connection_info_get_ssl_mode (StewardConnectionInfo *self);
const char *steward_connection_info_get_connection_string (StewardConnectionInfo *self);

G_END_DECLS
