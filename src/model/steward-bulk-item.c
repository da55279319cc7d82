/* steward-bulk-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bulk-item-private.h"

struct _StewardBulkItem
{
  GObject parent_instance;

  StewardBulkKind   kind;
  StewardUser      *user;
  char             *name;
  char             *email;
  GStrv             permissions;
  GStrv             before_permissions;
  GStrv             after_permissions;
  gboolean          before_disabled;
  gboolean          after_disabled;
  StewardBulkResult result;
  char             *message;
  GError           *error;
  StewardUser      *result_user;
  GPtrArray        *applied_permissions; /* NULL-terminated */
  gboolean          applied;
};

G_DEFINE_FINAL_TYPE (StewardBulkItem, steward_bulk_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RESULT,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GStrv
sorted_set (GPtrArray *names)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    if (i == 0 || g_strcmp0 (names->pdata[i], names->pdata[i - 1]) != 0)
      g_strv_builder_add (builder, names->pdata[i]);
  return g_strv_builder_end (builder);
}

static GStrv
plan_after (StewardBulkItem *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; self->before_permissions[i] != NULL; i++)
    if (self->kind != STEWARD_BULK_REMOVE_PERMISSIONS || !g_strv_contains ((const char *const *) self->permissions, self->before_permissions[i]))
      g_ptr_array_add (names, self->before_permissions[i]);
  if (self->kind == STEWARD_BULK_ADD_PERMISSIONS || self->kind == STEWARD_BULK_CREATE)
    for (guint i = 0; self->permissions[i] != NULL; i++)
      g_ptr_array_add (names, self->permissions[i]);
  return sorted_set (names);
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_bulk_item_finalize (GObject *object)
{
  StewardBulkItem *self = STEWARD_BULK_ITEM (object);

  g_clear_object (&self->user);
  g_clear_object (&self->result_user);
  g_free (self->name);
  g_free (self->email);
  g_strfreev (self->permissions);
  g_strfreev (self->before_permissions);
  g_strfreev (self->after_permissions);
  g_free (self->message);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->applied_permissions);

  G_OBJECT_CLASS (steward_bulk_item_parent_class)->finalize (object);
}

static void
steward_bulk_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardBulkItem *self = STEWARD_BULK_ITEM (object);

  switch (prop_id)
    {
      case PROP_RESULT:
        g_value_set_int (value, self->result);
        break;
      case PROP_MESSAGE:
        g_value_set_string (value, self->message);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_bulk_item_class_init (StewardBulkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_bulk_item_finalize;
  object_class->get_property = steward_bulk_item_get_property;

  /* A StewardBulkResult. */
  properties[PROP_RESULT] = g_param_spec_int ("result", NULL, NULL,
                                              STEWARD_BULK_RESULT_PENDING, STEWARD_BULK_RESULT_SKIPPED,
                                              STEWARD_BULK_RESULT_PENDING,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_bulk_item_init (StewardBulkItem *self)
{
  self->applied_permissions = g_ptr_array_new_null_terminated (2, g_free, TRUE);
}

/* ------------------------------------------------------------------ */
/* Private API                                                         */
/* ------------------------------------------------------------------ */

StewardBulkItem *
steward_bulk_item_new (StewardBulkKind    kind,
                       StewardUser       *user,
                       const char        *name,
                       const char        *email,
                       const char *const *permissions)
{
  StewardBulkItem *self = g_object_new (STEWARD_TYPE_BULK_ITEM, NULL);
  const char      *empty[] = { NULL };

  self->kind = kind;
  self->permissions = g_strdupv ((char **) (permissions != NULL ? permissions : empty));
  if (user != NULL)
    {
      g_autoptr (GPtrArray) held = g_ptr_array_new ();
      const char *const *direct = steward_user_get_permissions (user);

      self->user = steward_user_new (steward_user_get_iamid (user), steward_user_get_userid (user));
      steward_user_update_from (self->user, user);
      self->name = g_strdup (steward_user_get_display_name (user));
      self->email = g_strdup (steward_user_get_email (user));
      for (guint i = 0; direct != NULL && direct[i] != NULL; i++)
        g_ptr_array_add (held, (gpointer) direct[i]);
      self->before_permissions = sorted_set (held);
      self->before_disabled = steward_user_get_disabled (user);
    }
  else
    {
      self->name = g_strdup (name);
      self->email = g_strdup (email);
      self->before_permissions = g_new0 (char *, 1);
    }

  self->after_permissions = plan_after (self);
  self->after_disabled = kind == STEWARD_BULK_DISABLE ? TRUE : kind == STEWARD_BULK_ENABLE ? FALSE
                                                                                           : self->before_disabled;
  return self;
}

GStrv
steward_bulk_item_missing_permissions (StewardBulkItem *self,
                                       StewardUser     *user)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *const *held = steward_user_get_permissions (user);
  const char        *empty[] = { NULL };

  if (held == NULL)
    held = empty;
  for (guint i = 0; self->permissions[i] != NULL; i++)
    {
      gboolean has = g_strv_contains (held, self->permissions[i]);

      if ((self->kind == STEWARD_BULK_ADD_PERMISSIONS && !has) || (self->kind == STEWARD_BULK_REMOVE_PERMISSIONS && has))
        g_strv_builder_add (builder, self->permissions[i]);
    }
  return g_strv_builder_end (builder);
}

gboolean
steward_bulk_item_is_already (StewardBulkItem *self,
                              StewardUser     *user)
{
  g_auto (GStrv) missing = NULL;

  switch (self->kind)
    {
      case STEWARD_BULK_DISABLE:
        return steward_user_get_disabled (user);
      case STEWARD_BULK_ENABLE:
        return !steward_user_get_disabled (user);
      case STEWARD_BULK_ADD_PERMISSIONS:
      case STEWARD_BULK_REMOVE_PERMISSIONS:
        missing = steward_bulk_item_missing_permissions (self, user);
        return missing[0] == NULL;
      case STEWARD_BULK_CREATE:
      default:
        return FALSE;
    }
}

void
steward_bulk_item_set_result (StewardBulkItem  *self,
                              StewardBulkResult result,
                              const char       *message)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->result != result)
    {
      self->result = result;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }
}

void
steward_bulk_item_fail (StewardBulkItem *self,
                        const GError    *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  steward_bulk_item_set_result (self, STEWARD_BULK_RESULT_FAILED, error->message);
}

void
steward_bulk_item_reset (StewardBulkItem *self)
{
  g_clear_error (&self->error);
  g_clear_object (&self->result_user);
  g_ptr_array_set_size (self->applied_permissions, 0);
  self->applied = FALSE;
  steward_bulk_item_set_result (self, STEWARD_BULK_RESULT_PENDING, NULL);
}

void
steward_bulk_item_set_result_user (StewardBulkItem *self,
                                   StewardUser     *user)
{
  g_set_object (&self->result_user, user);
}

void
steward_bulk_item_add_applied_permission (StewardBulkItem *self,
                                          const char      *permission)
{
  g_ptr_array_add (self->applied_permissions, g_strdup (permission));
  self->applied = TRUE;
}

void
steward_bulk_item_set_applied (StewardBulkItem *self,
                               gboolean         applied)
{
  self->applied = applied;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardBulkKind
steward_bulk_item_get_kind (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), STEWARD_BULK_ADD_PERMISSIONS);
  return self->kind;
}

StewardUser *
steward_bulk_item_get_user (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->user;
}

const char *
steward_bulk_item_get_name (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->name;
}

const char *
steward_bulk_item_get_email (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->email;
}

const char *const *
steward_bulk_item_get_permissions (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return (const char *const *) self->permissions;
}

const char *const *
steward_bulk_item_get_before_permissions (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return (const char *const *) self->before_permissions;
}

const char *const *
steward_bulk_item_get_after_permissions (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return (const char *const *) self->after_permissions;
}

gboolean
steward_bulk_item_get_before_disabled (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), FALSE);
  return self->before_disabled;
}

gboolean
steward_bulk_item_get_after_disabled (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), FALSE);
  return self->after_disabled;
}

StewardBulkResult
steward_bulk_item_get_result (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), STEWARD_BULK_RESULT_PENDING);
  return self->result;
}

const char *
steward_bulk_item_get_message (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->message;
}

const GError *
steward_bulk_item_get_error (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->error;
}

StewardUser *
steward_bulk_item_get_result_user (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return self->result_user;
}

const char *const *
steward_bulk_item_get_applied_permissions (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), NULL);
  return (const char *const *) self->applied_permissions->pdata;
}

gboolean
steward_bulk_item_get_applied (StewardBulkItem *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_ITEM (self), FALSE);
  return self->applied;
}
