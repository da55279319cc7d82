/* steward-profiles.h
 *
 * The server profiles a person has set up, as a GListModel of
 * StewardProfile kept in GSettings (the "profiles" and "active-profile"
 * keys), and their API keys, kept only in the keyring.
 *
 * The list follows the settings: a change made elsewhere (another window,
 * dconf) updates the same StewardProfile objects, and a change to a
 * profile's properties is written back. An API key never reaches the
 * settings, a file or a log: it goes straight to the Secret Service and is
 * read back from it, asynchronously. Removing a profile removes its key
 * first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-profile.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PROFILES (steward_profiles_get_type ())

G_DECLARE_FINAL_TYPE (StewardProfiles, steward_profiles, STEWARD, PROFILES, GObject)

/* @settings is a GSettings of the application's schema. */
StewardProfiles *steward_profiles_new (GSettings *settings);

GSettings      *steward_profiles_get_settings (StewardProfiles *self);
StewardProfile *steward_profiles_find (StewardProfiles *self,
                                       const char      *id);

/* Fails with G_IO_ERROR_INVALID_ARGUMENT for an empty name or a URL that is
 * not http(s)://host..., and with G_IO_ERROR_EXISTS when another profile
 * than @profile (NULL for a new one) has the name already. */
gboolean steward_profiles_check (StewardProfiles *self,
                                 StewardProfile  *profile,
                                 const char      *name,
                                 const char      *url,
                                 GError         **error);

/* Adds and saves a profile with a new id; @color_tag and @certificate may
 * be NULL. Returns NULL when steward_profiles_check() fails. */
StewardProfile *steward_profiles_add (StewardProfiles *self,
                                      const char      *name,
                                      const char      *url,
                                      const char      *color_tag,
                                      GTlsCertificate *certificate,
                                      GError         **error);

/* Removes @profile's API key from the keyring, then the profile. When the
 * keyring fails, the profile stays and the error says why. */
/* Stores a profile made by the caller (with a fresh id: see
 * steward_profile_new()), after the same checks as _add(). */
gboolean steward_profiles_insert (StewardProfiles *self,
                                  StewardProfile  *profile,
                                  GError         **error);
void     steward_profiles_remove_async (StewardProfiles    *self,
                                        StewardProfile     *profile,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean steward_profiles_remove_finish (StewardProfiles *self,
                                         GAsyncResult    *result,
                                         GError         **error);

/* The profile connected last, or NULL. */
StewardProfile *steward_profiles_get_active (StewardProfiles *self);
void            steward_profiles_set_active (StewardProfiles *self,
                                             StewardProfile  *profile);

/* Stores @api_key in the keyring for @profile, replacing any earlier one. */
void     steward_profiles_store_api_key_async (StewardProfiles    *self,
                                               StewardProfile     *profile,
                                               const char         *api_key,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean steward_profiles_store_api_key_finish (StewardProfiles *self,
                                                GAsyncResult    *result,
                                                GError         **error);

/* The key stored for @profile, or NULL without an error when there is
 * none. Free it with g_free(). */
void  steward_profiles_lookup_api_key_async (StewardProfiles    *self,
                                             StewardProfile     *profile,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
char *steward_profiles_lookup_api_key_finish (StewardProfiles *self,
                                              GAsyncResult    *result,
                                              GError         **error);

G_END_DECLS
