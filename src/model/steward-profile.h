/* steward-profile.h
 *
 * One server a person connects to: a name they chose, the server's URL, an
 * optional short tag such as "PROD" that the header bar shows in colour,
 * and optionally the one certificate to trust for it (pinned after the
 * person compared its fingerprint). The profile's API key is not here: it
 * lives in the keyring (StewardProfiles).
 *
 * Profiles that belong to a StewardProfiles are saved whenever one of these
 * properties changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PROFILE (steward_profile_get_type ())

G_DECLARE_FINAL_TYPE (StewardProfile, steward_profile, STEWARD, PROFILE, GObject)

/* @id names the profile for good (its keyring item is found by it), so a
 * rename keeps the key. */
StewardProfile *steward_profile_new (const char *id,
                                     const char *name,
                                     const char *url);

const char *steward_profile_get_id (StewardProfile *self);
const char *steward_profile_get_name (StewardProfile *self);
void        steward_profile_set_name (StewardProfile *self,
                                      const char     *name);
const char *steward_profile_get_url (StewardProfile *self);
void        steward_profile_set_url (StewardProfile *self,
                                     const char     *url);
/* NULL when the profile has no tag. */
const char      *steward_profile_get_color_tag (StewardProfile *self);
void             steward_profile_set_color_tag (StewardProfile *self,
                                                const char     *color_tag);
GTlsCertificate *steward_profile_get_pinned_certificate (StewardProfile *self);
void             steward_profile_set_pinned_certificate (StewardProfile  *self,
                                                         GTlsCertificate *certificate);

G_END_DECLS
