/* steward-cli-profile-store.h
 *
 * The saved server profiles, as the application keeps them (GSettings for
 * the profiles, the keyring for their keys), opened for one stewardctl run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-profiles.h"

G_BEGIN_DECLS

/* NULL with an error when the settings schema is not installed. */
StewardProfiles *steward_cli_open_profiles (GError **error);

/* A new reference to the profile called @name, compared as the
 * application compares names (ignoring case), or NULL. */
StewardProfile *steward_cli_find_profile (StewardProfiles *profiles,
                                          const char      *name);

/* A new reference to the profile to use without --profile: the one the
 * application connected to last, else the only one. NULL with a
 * G_OPTION_ERROR when that does not pick exactly one. */
StewardProfile *steward_cli_default_profile (StewardProfiles *profiles,
                                             GError         **error);

G_END_DECLS
