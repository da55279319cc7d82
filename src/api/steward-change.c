/* steward-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change.h"
#include "steward-api-enums.h"
#include "steward-api-error.h"

#include <glib/gi18n-lib.h>

struct _StewardChange
{
  GObject parent_instance;

  gint64              id;
  StewardChangeKind   kind;
  StewardChangeResult result;
  GDateTime          *time;
  GDateTime          *finished_time;
  char               *server;
  char               *server_url;
  char               *actor;
  char               *iamid;
  char               *userid;
  char               *detail;
  StewardUser        *before;
  StewardUser        *after;
  char               *error_code;
  guint               status;
  char               *message;
  char               *run_id;
};

G_DEFINE_FINAL_TYPE (StewardChange, steward_change, G_TYPE_OBJECT)

#define RUN_DATA_KEY "steward-change-run-id"

static const char *const kind_names[STEWARD_N_CHANGE_KINDS] = {
  [STEWARD_CHANGE_CREATE] = "create",
  [STEWARD_CHANGE_GRANT] = "grant",
  [STEWARD_CHANGE_REMOVE] = "remove",
  [STEWARD_CHANGE_SET_PERMISSIONS] = "set-permissions",
  [STEWARD_CHANGE_DISABLE] = "disable",
  [STEWARD_CHANGE_ENABLE] = "enable",
  [STEWARD_CHANGE_MIGRATE] = "migrate",
  [STEWARD_CHANGE_DELETE] = "delete",
  [STEWARD_CHANGE_UPDATE_PROFILE] = "update-profile",
};

static const char *const result_names[] = {
  [STEWARD_CHANGE_PENDING] = "unfinished",
  [STEWARD_CHANGE_DONE] = "done",
  [STEWARD_CHANGE_FAILED] = "failed",
};

static void
steward_change_finalize (GObject *object)
{
  StewardChange *self = STEWARD_CHANGE (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->finished_time, g_date_time_unref);
  g_free (self->server);
  g_free (self->server_url);
  g_free (self->actor);
  g_free (self->iamid);
  g_free (self->userid);
  g_free (self->detail);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_free (self->error_code);
  g_free (self->message);
  g_free (self->run_id);

  G_OBJECT_CLASS (steward_change_parent_class)->finalize (object);
}

static void
steward_change_class_init (StewardChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_change_finalize;
}

static void
steward_change_init (StewardChange *self)
{
  self->time = g_date_time_new_now_utc ();
}

/* Public API */

StewardChange *
steward_change_new (StewardChangeKind kind,
                    const char       *iamid,
                    const char       *userid,
                    const char       *detail)
{
  StewardChange *self;

  g_return_val_if_fail (kind < STEWARD_N_CHANGE_KINDS, NULL);
  g_return_val_if_fail (iamid != NULL, NULL);
  g_return_val_if_fail (userid != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_CHANGE, NULL);
  self->kind = kind;
  self->iamid = g_strdup (iamid);
  self->userid = g_strdup (userid);
  self->detail = g_strdup (detail);

  return self;
}

#define GETTER(type, name, member)                             \
  type steward_change_get_##name (StewardChange *self)         \
  {                                                            \
    g_return_val_if_fail (STEWARD_IS_CHANGE (self), (type) 0); \
    return self->member;                                       \
  }

GETTER (gint64, id, id)
GETTER (StewardChangeKind, kind, kind)
GETTER (StewardChangeResult, result, result)
GETTER (GDateTime *, time, time)
GETTER (GDateTime *, finished_time, finished_time)
GETTER (const char *, server, server)
GETTER (const char *, server_url, server_url)
GETTER (const char *, actor, actor)
GETTER (const char *, iamid, iamid)
GETTER (const char *, userid, userid)
GETTER (const char *, detail, detail)
GETTER (StewardUser *, before, before)
GETTER (StewardUser *, after, after)
GETTER (const char *, error_code, error_code)
GETTER (guint, status, status)
GETTER (const char *, message, message)
GETTER (const char *, run_id, run_id)

void
steward_change_set_id (StewardChange *self,
                       gint64         id)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));

  self->id = id;
}

void
steward_change_set_time (StewardChange *self,
                         GDateTime     *time)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));
  g_return_if_fail (time != NULL);

  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (time);
}

void
steward_change_set_server (StewardChange *self,
                           const char    *server,
                           const char    *server_url)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));

  g_free (self->server);
  self->server = g_strdup (server);
  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
}

void
steward_change_set_actor (StewardChange *self,
                          const char    *actor)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

void
steward_change_set_before (StewardChange *self,
                           StewardUser   *before)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));
  g_return_if_fail (before == NULL || STEWARD_IS_USER (before));

  g_set_object (&self->before, before);
}

void
steward_change_set_run_id (StewardChange *self,
                           const char    *run_id)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));

  g_free (self->run_id);
  self->run_id = g_strdup (run_id);
}

static char *
error_code_name (const GError *error)
{
  g_autoptr (GEnumClass) codes = NULL;
  GEnumValue *value;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("cancelled");

  if (error->domain != STEWARD_API_ERROR)
    return g_strdup ("local");

  codes = g_type_class_ref (STEWARD_TYPE_API_ERROR);
  value = g_enum_get_value (codes, error->code);

  return g_strdup (value != NULL ? value->value_nick : "unknown");
}

void
steward_change_finish (StewardChange *self,
                       StewardUser   *after,
                       const GError  *error,
                       GDateTime     *finished_time)
{
  g_autofree char *code = NULL;

  g_return_if_fail (STEWARD_IS_CHANGE (self));
  g_return_if_fail (finished_time != NULL);

  if (error != NULL)
    code = error_code_name (error);

  steward_change_restore_result (self, error == NULL ? STEWARD_CHANGE_DONE : STEWARD_CHANGE_FAILED,
                                 error == NULL ? after : NULL, code,
                                 error != NULL && error->domain == STEWARD_API_ERROR ? steward_api_error_get_status (error) : 0,
                                 error != NULL ? error->message : NULL, finished_time);
}

void
steward_change_restore_result (StewardChange      *self,
                               StewardChangeResult result,
                               StewardUser        *after,
                               const char         *error_code,
                               guint               status,
                               const char         *message,
                               GDateTime          *finished_time)
{
  g_return_if_fail (STEWARD_IS_CHANGE (self));
  g_return_if_fail (after == NULL || STEWARD_IS_USER (after));

  self->result = result;
  g_set_object (&self->after, after);
  g_free (self->error_code);
  self->error_code = g_strdup (error_code);
  self->status = status;
  g_free (self->message);
  self->message = g_strdup (message);
  g_clear_pointer (&self->finished_time, g_date_time_unref);
  if (finished_time != NULL)
    self->finished_time = g_date_time_ref (finished_time);
}

const char *
steward_change_kind_to_string (StewardChangeKind kind)
{
  g_return_val_if_fail (kind < STEWARD_N_CHANGE_KINDS, NULL);

  return kind_names[kind];
}

gboolean
steward_change_kind_from_string (const char        *string,
                                 StewardChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (string, kind_names[i]) == 0)
        {
          *kind = (StewardChangeKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
steward_change_result_to_string (StewardChangeResult result)
{
  g_return_val_if_fail (result < G_N_ELEMENTS (result_names), NULL);

  return result_names[result];
}

gboolean
steward_change_result_from_string (const char          *string,
                                   StewardChangeResult *result)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_names); i++)
    {
      if (g_strcmp0 (string, result_names[i]) == 0)
        {
          *result = (StewardChangeResult) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
steward_change_kind_get_label (StewardChangeKind kind)
{
  switch (kind)
    {
      case STEWARD_CHANGE_CREATE:
        return _ ("Create");
      case STEWARD_CHANGE_GRANT:
        return _ ("Grant");
      case STEWARD_CHANGE_REMOVE:
        return _ ("Remove");
      case STEWARD_CHANGE_SET_PERMISSIONS:
        return _ ("Set Permissions");
      case STEWARD_CHANGE_DISABLE:
        return _ ("Disable");
      case STEWARD_CHANGE_ENABLE:
        return _ ("Enable");
      case STEWARD_CHANGE_MIGRATE:
        return _ ("Migrate");
      case STEWARD_CHANGE_DELETE:
        return _ ("Delete");
      case STEWARD_CHANGE_UPDATE_PROFILE:
        return _ ("Update Profile");
      default:
        g_return_val_if_reached (NULL);
    }
}

const char *
steward_change_result_get_label (StewardChangeResult result)
{
  switch (result)
    {
      case STEWARD_CHANGE_PENDING:
        return _ ("Unfinished");
      case STEWARD_CHANGE_DONE:
        return _ ("Done");
      case STEWARD_CHANGE_FAILED:
        return _ ("Failed");
      default:
        g_return_val_if_reached (NULL);
    }
}

/* "okta:jdoe, Disabled; CREATE_PROJECT, GOVERNANCE" or "—". */
static char *
describe_user (StewardUser *user,
               gboolean     with_address)
{
  const char *const *permissions;
  g_autofree char   *joined = NULL;
  const char        *status;

  if (user == NULL)
    return g_strdup ("—");

  permissions = steward_user_get_permissions (user);
  joined = permissions != NULL && permissions[0] != NULL ? g_strjoinv (", ", (char **) permissions) : g_strdup (_ ("no permissions"));
  status = steward_user_get_disabled (user) ? _ ("Disabled") : _ ("Active");

  if (with_address)
    return g_strdup_printf ("%s:%s, %s; %s", steward_user_get_iamid (user), steward_user_get_userid (user), status, joined);

  return g_strdup_printf ("%s; %s", status, joined);
}

char *
steward_change_describe_before (StewardChange *self)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE (self), NULL);

  return describe_user (self->before, self->kind == STEWARD_CHANGE_MIGRATE);
}

char *
steward_change_describe_after (StewardChange *self)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE (self), NULL);

  if (self->kind == STEWARD_CHANGE_DELETE && self->result == STEWARD_CHANGE_DONE)
    return g_strdup (_ ("Deleted"));

  return describe_user (self->after, self->kind == STEWARD_CHANGE_MIGRATE);
}

char *
steward_change_new_run_id (void)
{
  return g_uuid_string_random ();
}

void
steward_change_set_run_for_cancellable (GCancellable *cancellable,
                                        const char   *run_id)
{
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  g_object_set_data_full (G_OBJECT (cancellable), RUN_DATA_KEY, g_strdup (run_id), g_free);
}

const char *
steward_change_get_run_for_cancellable (GCancellable *cancellable)
{
  if (cancellable == NULL)
    return NULL;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  return g_object_get_data (G_OBJECT (cancellable), RUN_DATA_KEY);
}
