/* steward-user.h
 *
 * The aggregated user of API.md: identity, profile, permissions and status.
 * Properties notify only when their value really changes, so a list row
 * bound to a user redraws exactly when the server reports something new.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_USER (steward_user_get_type ())

G_DECLARE_FINAL_TYPE (StewardUser, steward_user, STEWARD, USER, GObject)

StewardUser *steward_user_new (const char *iamid,
                               const char *userid);

gint64             steward_user_get_id (StewardUser *self);
const char        *steward_user_get_iamid (StewardUser *self);
const char        *steward_user_get_userid (StewardUser *self);
const char        *steward_user_get_name (StewardUser *self);
const char        *steward_user_get_email (StewardUser *self);
const char        *steward_user_get_sql_user (StewardUser *self);
const char        *steward_user_get_phone (StewardUser *self);
const char        *steward_user_get_position (StewardUser *self);
const char        *steward_user_get_organization (StewardUser *self);
const char *const *steward_user_get_permissions (StewardUser *self);
const char *const *steward_user_get_group_permissions (StewardUser *self);
gboolean           steward_user_get_disabled (StewardUser *self);
gboolean           steward_user_get_system_generated (StewardUser *self);
GDateTime         *steward_user_get_last_login (StewardUser *self);
GDateTime         *steward_user_get_created_at (StewardUser *self);
GDateTime         *steward_user_get_updated_at (StewardUser *self);

/* The name, or the userid for a user without one. */
const char *steward_user_get_display_name (StewardUser *self);

/* Held directly or through a group. */
gboolean steward_user_has_permission (StewardUser *self,
                                      const char  *permission);

/* Copies every value of @other into @self, notifying only what changed. */
void steward_user_update_from (StewardUser *self,
                               StewardUser *other);

G_END_DECLS
