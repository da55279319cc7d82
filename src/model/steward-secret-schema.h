/* steward-secret-schema.h
 *
 * How Steward's API keys are filed in the keyring (the Secret Service, via
 * libsecret): one item per server profile, found by the profile's id in the
 * attribute "profile", under a schema named after the application id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

#define STEWARD_SECRET_ATTRIBUTE_PROFILE "profile"

const SecretSchema *steward_secret_schema_get (void);

G_END_DECLS
