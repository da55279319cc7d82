/* steward-secret-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-secret-schema.h"

const SecretSchema *
steward_secret_schema_get (void)
{
  static const SecretSchema schema = {
    APP_ID,
    SECRET_SCHEMA_NONE,
    {
        { STEWARD_SECRET_ATTRIBUTE_PROFILE, SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}
