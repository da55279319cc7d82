/* steward-audit-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-audit-record.h"

enum
{
  PROP_0,
  PROP_DATE_TIME,
  PROP_SUCCESS,
  PROP_DETAILS,

  /* Strings, stored in strings[] from PROP_ID on. */
  PROP_ID,
  PROP_RECORD_TYPE,
  PROP_ACTOR_IAMID,
  PROP_ACTOR_USERID,
  PROP_TARGET_IAMID,
  PROP_TARGET_USERID,

  N_PROPS
};

#define FIRST_STRING PROP_ID
#define N_STRINGS (N_PROPS - FIRST_STRING)

struct _StewardAuditRecord
{
  GObject parent_instance;

  GDateTime *date_time;
  gboolean   success;
  JsonNode  *details;
  char      *strings[N_STRINGS];
};

G_DEFINE_FINAL_TYPE (StewardAuditRecord, steward_audit_record, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
steward_audit_record_finalize (GObject *object)
{
  StewardAuditRecord *self = STEWARD_AUDIT_RECORD (object);

  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_clear_pointer (&self->details, json_node_unref);
  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (steward_audit_record_parent_class)->finalize (object);
}

static void
steward_audit_record_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardAuditRecord *self = STEWARD_AUDIT_RECORD (object);

  switch (prop_id)
    {
      case PROP_DATE_TIME:
        g_value_set_boxed (value, self->date_time);
        break;

      case PROP_SUCCESS:
        g_value_set_boolean (value, self->success);
        break;

      case PROP_DETAILS:
        g_value_set_boxed (value, self->details);
        break;

      default:
        if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
          g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
        else
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_audit_record_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardAuditRecord *self = STEWARD_AUDIT_RECORD (object);

  switch (prop_id)
    {
      case PROP_DATE_TIME:
        self->date_time = g_value_dup_boxed (value);
        break;

      case PROP_SUCCESS:
        self->success = g_value_get_boolean (value);
        break;

      case PROP_DETAILS:
        self->details = g_value_dup_boxed (value);
        break;

      default:
        if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
          self->strings[prop_id - FIRST_STRING] = g_value_dup_string (value);
        else
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_audit_record_class_init (StewardAuditRecordClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_audit_record_finalize;
  object_class->get_property = steward_audit_record_get_property;
  object_class->set_property = steward_audit_record_set_property;

  properties[PROP_DATE_TIME] = g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SUCCESS] = g_param_spec_boolean ("success", NULL, NULL, FALSE, flags);
  properties[PROP_DETAILS] = g_param_spec_boxed ("details", NULL, NULL, JSON_TYPE_NODE, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_RECORD_TYPE] = g_param_spec_string ("record-type", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR_IAMID] = g_param_spec_string ("actor-iamid", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR_USERID] = g_param_spec_string ("actor-userid", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_IAMID] = g_param_spec_string ("target-iamid", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_USERID] = g_param_spec_string ("target-userid", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_audit_record_init (StewardAuditRecord *self)
{
}

static const char *
get_string (StewardAuditRecord *self,
            guint               prop_id)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_RECORD (self), NULL);

  return self->strings[prop_id - FIRST_STRING];
}

/* The record's id as text, whatever JSON type the server used for it. */
const char *
steward_audit_record_get_id (StewardAuditRecord *self)
{
  return get_string (self, PROP_ID);
}

GDateTime *
steward_audit_record_get_date_time (StewardAuditRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_RECORD (self), NULL);

  return self->date_time;
}

/* "userCreated", "permissionsUpdated", … (API.md lists them); unknown kinds
 * are kept as they are. */
const char *
steward_audit_record_get_record_type (StewardAuditRecord *self)
{
  return get_string (self, PROP_RECORD_TYPE);
}

const char *
steward_audit_record_get_actor_iamid (StewardAuditRecord *self)
{
  return get_string (self, PROP_ACTOR_IAMID);
}

const char *
steward_audit_record_get_actor_userid (StewardAuditRecord *self)
{
  return get_string (self, PROP_ACTOR_USERID);
}

const char *
steward_audit_record_get_target_iamid (StewardAuditRecord *self)
{
  return get_string (self, PROP_TARGET_IAMID);
}

const char *
steward_audit_record_get_target_userid (StewardAuditRecord *self)
{
  return get_string (self, PROP_TARGET_USERID);
}

gboolean
steward_audit_record_get_success (StewardAuditRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_RECORD (self), FALSE);

  return self->success;
}

/* The "details" object as the server sent it, or NULL. */
JsonNode *
steward_audit_record_get_details (StewardAuditRecord *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIT_RECORD (self), NULL);

  return self->details;
}
