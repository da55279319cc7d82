/* steward-permission-info.h
 *
 * One permission the server knows (route 12, or the built-in catalogue when
 * the server lacks that route): its name, what it allows, and whether it is
 * one of the built-in permissions or a custom one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PERMISSION_INFO (steward_permission_info_get_type ())

G_DECLARE_FINAL_TYPE (StewardPermissionInfo, steward_permission_info, STEWARD, PERMISSION_INFO, GObject)

StewardPermissionInfo *steward_permission_info_new (const char *name,
                                                    const char *description,
                                                    gboolean    builtin);

const char *steward_permission_info_get_name (StewardPermissionInfo *self);
const char *steward_permission_info_get_description (StewardPermissionInfo *self);
gboolean    steward_permission_info_get_builtin (StewardPermissionInfo *self);

G_END_DECLS
