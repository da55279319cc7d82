/* steward-profile-update.h
 *
 * A partial profile for route 7: only the fields that were set are sent,
 * and a field set to NULL is cleared on the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_PROFILE_FIELD_NAME,
  STEWARD_PROFILE_FIELD_EMAIL,
  STEWARD_PROFILE_FIELD_SQL_USER,
  STEWARD_PROFILE_FIELD_PHONE,
  STEWARD_PROFILE_FIELD_POSITION,
  STEWARD_PROFILE_FIELD_ORGANIZATION,
} StewardProfileField;

#define STEWARD_N_PROFILE_FIELDS (STEWARD_PROFILE_FIELD_ORGANIZATION + 1)

/* The member name on the wire, e.g. "sqlUser". */
const char *steward_profile_field_get_key (StewardProfileField field);

typedef struct _StewardProfileUpdate StewardProfileUpdate;

#define STEWARD_TYPE_PROFILE_UPDATE (steward_profile_update_get_type ())

GType                 steward_profile_update_get_type (void) G_GNUC_CONST;
StewardProfileUpdate *steward_profile_update_new (void);
StewardProfileUpdate *steward_profile_update_copy (const StewardProfileUpdate *update);
void                  steward_profile_update_free (StewardProfileUpdate *update);

void     steward_profile_update_set (StewardProfileUpdate *update,
                                     StewardProfileField   field,
                                     const char           *value);
gboolean steward_profile_update_is_empty (const StewardProfileUpdate *update);

/* The request body: an object with one member per field that was set. */
JsonNode *steward_profile_update_to_json (const StewardProfileUpdate *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardProfileUpdate, steward_profile_update_free)

G_END_DECLS
