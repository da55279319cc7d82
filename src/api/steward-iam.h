/* steward-iam.h
 *
 * An identity manager configured on the server (route 3): "bim" is the
 * built-in one, others such as "okta" or "ldap" are added by the server's
 * administrator. Users belong to exactly one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_IAM (steward_iam_get_type ())

G_DECLARE_FINAL_TYPE (StewardIam, steward_iam, STEWARD, IAM, GObject)

StewardIam *steward_iam_new (const char *id,
                             const char *display_name,
                             const char *type,
                             gboolean    oauth);

const char *steward_iam_get_id (StewardIam *self);
const char *steward_iam_get_display_name (StewardIam *self);
const char *steward_iam_get_iam_type (StewardIam *self);
gboolean    steward_iam_get_oauth (StewardIam *self);

G_END_DECLS
