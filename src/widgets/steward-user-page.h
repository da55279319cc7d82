/* steward-user-page.h
 *
 * Everything about one user: identity and details, each permission with
 * its meaning, and (for those allowed to read the audit log) what happened
 * to the user lately. Follows the user's notify, so it shows changes made
 * anywhere in the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_USER_PAGE (steward_user_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardUserPage, steward_user_page, STEWARD, USER_PAGE, AdwBin)

GtkWidget      *steward_user_page_new (void);
StewardUser    *steward_user_page_get_user (StewardUserPage *self);
void            steward_user_page_set_user (StewardUserPage *self,
                                            StewardUser     *user);
StewardSession *steward_user_page_get_session (StewardUserPage *self);
void            steward_user_page_set_session (StewardUserPage *self,
                                               StewardSession  *session);

G_END_DECLS
