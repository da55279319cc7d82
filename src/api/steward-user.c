/* steward-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-private.h"

/* The properties come in runs of one type, and each run is stored in an
 * array indexed from the run's first property, so one setter per type
 * serves them all. Keep the runs contiguous. */
enum
{
  PROP_0,
  PROP_ID,

  PROP_IAMID,
  PROP_USERID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_SQL_USER,
  PROP_PHONE,
  PROP_POSITION,
  PROP_ORGANIZATION,

  PROP_PERMISSIONS,
  PROP_GROUP_PERMISSIONS,

  PROP_DISABLED,
  PROP_SYSTEM_GENERATED,

  PROP_LAST_LOGIN,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,

  N_PROPS
};

#define FIRST_STRING PROP_IAMID
#define N_STRINGS (PROP_ORGANIZATION - PROP_IAMID + 1)
#define FIRST_STRV PROP_PERMISSIONS
#define N_STRVS (PROP_GROUP_PERMISSIONS - PROP_PERMISSIONS + 1)
#define FIRST_BOOLEAN PROP_DISABLED
#define N_BOOLEANS (PROP_SYSTEM_GENERATED - PROP_DISABLED + 1)
#define FIRST_TIME PROP_LAST_LOGIN
#define N_TIMES (PROP_UPDATED_AT - PROP_LAST_LOGIN + 1)

#define IS_STRING(p) ((p) >= FIRST_STRING && (p) < FIRST_STRING + N_STRINGS)
#define IS_STRV(p) ((p) >= FIRST_STRV && (p) < FIRST_STRV + N_STRVS)
#define IS_BOOLEAN(p) ((p) >= FIRST_BOOLEAN && (p) < FIRST_BOOLEAN + N_BOOLEANS)
#define IS_TIME(p) ((p) >= FIRST_TIME && (p) < FIRST_TIME + N_TIMES)

struct _StewardUser
{
  GObject parent_instance;

  gint64     id;
  char      *strings[N_STRINGS];
  GStrv      strvs[N_STRVS];
  gboolean   booleans[N_BOOLEANS];
  GDateTime *times[N_TIMES];
};

G_DEFINE_FINAL_TYPE (StewardUser, steward_user, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_id (StewardUser *self,
        gint64       id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
set_string (StewardUser *self,
            guint        prop_id,
            const char  *value)
{
  char **slot = &self->strings[prop_id - FIRST_STRING];

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_strv (StewardUser       *self,
          guint              prop_id,
          const char *const *value)
{
  GStrv            *slot = &self->strvs[prop_id - FIRST_STRV];
  const char *const empty[] = { NULL };

  /* Never NULL, so getters always return a vector. */
  if (value == NULL)
    value = empty;

  if (*slot != NULL && g_strv_equal ((const char *const *) *slot, value))
    return;

  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (StewardUser *self,
             guint        prop_id,
             gboolean     value)
{
  gboolean *slot = &self->booleans[prop_id - FIRST_BOOLEAN];

  value = !!value;
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_time (StewardUser *self,
          guint        prop_id,
          GDateTime   *value)
{
  GDateTime **slot = &self->times[prop_id - FIRST_TIME];

  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
steward_user_finalize (GObject *object)
{
  StewardUser *self = STEWARD_USER (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  for (guint i = 0; i < N_STRVS; i++)
    g_strfreev (self->strvs[i]);
  for (guint i = 0; i < N_TIMES; i++)
    g_clear_pointer (&self->times[i], g_date_time_unref);

  G_OBJECT_CLASS (steward_user_parent_class)->finalize (object);
}

static void
steward_user_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StewardUser *self = STEWARD_USER (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (IS_STRING (prop_id))
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else if (IS_STRV (prop_id))
    g_value_set_boxed (value, self->strvs[prop_id - FIRST_STRV]);
  else if (IS_BOOLEAN (prop_id))
    g_value_set_boolean (value, self->booleans[prop_id - FIRST_BOOLEAN]);
  else if (IS_TIME (prop_id))
    g_value_set_boxed (value, self->times[prop_id - FIRST_TIME]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_user_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StewardUser *self = STEWARD_USER (object);

  if (prop_id == PROP_ID)
    set_id (self, g_value_get_int64 (value));
  else if (IS_STRING (prop_id))
    set_string (self, prop_id, g_value_get_string (value));
  else if (IS_STRV (prop_id))
    set_strv (self, prop_id, g_value_get_boxed (value));
  else if (IS_BOOLEAN (prop_id))
    set_boolean (self, prop_id, g_value_get_boolean (value));
  else if (IS_TIME (prop_id))
    set_time (self, prop_id, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_user_class_init (StewardUserClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_user_finalize;
  object_class->get_property = steward_user_get_property;
  object_class->set_property = steward_user_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_IAMID] = g_param_spec_string ("iamid", NULL, NULL, NULL, flags);
  properties[PROP_USERID] = g_param_spec_string ("userid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_SQL_USER] = g_param_spec_string ("sql-user", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_string ("position", NULL, NULL, NULL, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);

  properties[PROP_PERMISSIONS] = g_param_spec_boxed ("permissions", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_GROUP_PERMISSIONS] = g_param_spec_boxed ("group-permissions", NULL, NULL, G_TYPE_STRV, flags);

  properties[PROP_DISABLED] = g_param_spec_boolean ("disabled", NULL, NULL, FALSE, flags);
  properties[PROP_SYSTEM_GENERATED] = g_param_spec_boolean ("system-generated", NULL, NULL, FALSE, flags);

  properties[PROP_LAST_LOGIN] = g_param_spec_boxed ("last-login", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_user_init (StewardUser *self)
{
  for (guint i = 0; i < N_STRVS; i++)
    self->strvs[i] = g_new0 (char *, 1);
}

StewardUser *
steward_user_new_take_fields (StewardUserFields *fields)
{
  StewardUser *self = g_object_new (STEWARD_TYPE_USER, NULL);
  char       **strings[N_STRINGS] = {
          &fields->iamid, &fields->userid, &fields->name, &fields->email,
          &fields->sql_user, &fields->phone, &fields->position, &fields->organization
  };
  GStrv *strvs[N_STRVS] = { &fields->permissions, &fields->group_permissions };

  G_STATIC_ASSERT (N_STRINGS == 8 && N_STRVS == 2 && N_TIMES == 3);

  self->id = fields->id;
  for (guint i = 0; i < N_STRINGS; i++)
    self->strings[i] = g_steal_pointer (strings[i]);
  for (guint i = 0; i < N_STRVS; i++)
    {
      /* Keep the empty vector from init when there is nothing to take. */
      if (*strvs[i] != NULL)
        {
          g_strfreev (self->strvs[i]);
          self->strvs[i] = g_steal_pointer (strvs[i]);
        }
    }
  self->booleans[PROP_DISABLED - FIRST_BOOLEAN] = !!fields->disabled;
  self->booleans[PROP_SYSTEM_GENERATED - FIRST_BOOLEAN] = !!fields->system_generated;
  self->times[PROP_LAST_LOGIN - FIRST_TIME] = g_steal_pointer (&fields->last_login);
  self->times[PROP_CREATED_AT - FIRST_TIME] = g_steal_pointer (&fields->created_at);
  self->times[PROP_UPDATED_AT - FIRST_TIME] = g_steal_pointer (&fields->updated_at);

  return self;
}

StewardUser *
steward_user_new (const char *iamid,
                  const char *userid)
{
  return g_object_new (STEWARD_TYPE_USER, "iamid", iamid, "userid", userid, NULL);
}

gint64
steward_user_get_id (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), 0);

  return self->id;
}

static const char *
get_string (StewardUser *self,
            guint        prop_id)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return self->strings[prop_id - FIRST_STRING];
}

const char *
steward_user_get_iamid (StewardUser *self)
{
  return get_string (self, PROP_IAMID);
}

const char *
steward_user_get_userid (StewardUser *self)
{
  return get_string (self, PROP_USERID);
}

const char *
steward_user_get_name (StewardUser *self)
{
  return get_string (self, PROP_NAME);
}

const char *
steward_user_get_email (StewardUser *self)
{
  return get_string (self, PROP_EMAIL);
}

const char *
steward_user_get_sql_user (StewardUser *self)
{
  return get_string (self, PROP_SQL_USER);
}

const char *
steward_user_get_phone (StewardUser *self)
{
  return get_string (self, PROP_PHONE);
}

const char *
steward_user_get_position (StewardUser *self)
{
  return get_string (self, PROP_POSITION);
}

const char *
steward_user_get_organization (StewardUser *self)
{
  return get_string (self, PROP_ORGANIZATION);
}

/* Never NULL; empty when the user holds none. */
const char *const *
steward_user_get_permissions (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return (const char *const *) self->strvs[PROP_PERMISSIONS - FIRST_STRV];
}

/* Never NULL; what the user's groups grant. */
const char *const *
steward_user_get_group_permissions (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return (const char *const *) self->strvs[PROP_GROUP_PERMISSIONS - FIRST_STRV];
}

gboolean
steward_user_get_disabled (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), FALSE);

  return self->booleans[PROP_DISABLED - FIRST_BOOLEAN];
}

gboolean
steward_user_get_system_generated (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), FALSE);

  return self->booleans[PROP_SYSTEM_GENERATED - FIRST_BOOLEAN];
}

static GDateTime *
get_time (StewardUser *self,
          guint        prop_id)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return self->times[prop_id - FIRST_TIME];
}

/* NULL when the user never logged in. */
GDateTime *
steward_user_get_last_login (StewardUser *self)
{
  return get_time (self, PROP_LAST_LOGIN);
}

GDateTime *
steward_user_get_created_at (StewardUser *self)
{
  return get_time (self, PROP_CREATED_AT);
}

GDateTime *
steward_user_get_updated_at (StewardUser *self)
{
  return get_time (self, PROP_UPDATED_AT);
}

const char *
steward_user_get_display_name (StewardUser *self)
{
  const char *name = steward_user_get_name (self);

  if (name != NULL && *name != '\0')
    return name;

  return steward_user_get_userid (self);
}

gboolean
steward_user_has_permission (StewardUser *self,
                             const char  *permission)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  for (guint i = 0; i < N_STRVS; i++)
    {
      if (g_strv_contains ((const char *const *) self->strvs[i], permission))
        return TRUE;
    }

  return FALSE;
}

void
steward_user_update_from (StewardUser *self,
                          StewardUser *other)
{
  g_return_if_fail (STEWARD_IS_USER (self));
  g_return_if_fail (STEWARD_IS_USER (other));

  if (self == other)
    return;

  /* One burst of notifications after everything is consistent. */
  g_object_freeze_notify (G_OBJECT (self));

  set_id (self, other->id);
  for (guint i = 0; i < N_STRINGS; i++)
    set_string (self, FIRST_STRING + i, other->strings[i]);
  for (guint i = 0; i < N_STRVS; i++)
    set_strv (self, FIRST_STRV + i, (const char *const *) other->strvs[i]);
  for (guint i = 0; i < N_BOOLEANS; i++)
    set_boolean (self, FIRST_BOOLEAN + i, other->booleans[i]);
  for (guint i = 0; i < N_TIMES; i++)
    set_time (self, FIRST_TIME + i, other->times[i]);

  g_object_thaw_notify (G_OBJECT (self));
}
