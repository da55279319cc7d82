/* steward-api-key.h
 *
 * A newly created API key (route 18). The key itself is shown to the person
 * once and then only kept in the keyring; never log it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_API_KEY (steward_api_key_get_type ())

G_DECLARE_FINAL_TYPE (StewardApiKey, steward_api_key, STEWARD, API_KEY, GObject)

const char *steward_api_key_get_key (StewardApiKey *self);
const char *steward_api_key_get_key_id (StewardApiKey *self);
const char *steward_api_key_get_name (StewardApiKey *self);

G_END_DECLS
