/* steward-permission-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-permission-info.h"

struct _StewardPermissionInfo
{
  GObject parent_instance;

  char    *name;
  char    *description;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (StewardPermissionInfo, steward_permission_info, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_permission_info_finalize (GObject *object)
{
  StewardPermissionInfo *self = STEWARD_PERMISSION_INFO (object);

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (steward_permission_info_parent_class)->finalize (object);
}

static void
steward_permission_info_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardPermissionInfo *self = STEWARD_PERMISSION_INFO (object);

  switch (prop_id)
    {
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_DESCRIPTION:
        g_value_set_string (value, self->description);
        break;

      case PROP_BUILTIN:
        g_value_set_boolean (value, self->builtin);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_permission_info_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardPermissionInfo *self = STEWARD_PERMISSION_INFO (object);

  switch (prop_id)
    {
      case PROP_NAME:
        self->name = g_value_dup_string (value);
        break;

      case PROP_DESCRIPTION:
        self->description = g_value_dup_string (value);
        break;

      case PROP_BUILTIN:
        self->builtin = g_value_get_boolean (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_permission_info_class_init (StewardPermissionInfoClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_permission_info_finalize;
  object_class->get_property = steward_permission_info_get_property;
  object_class->set_property = steward_permission_info_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_permission_info_init (StewardPermissionInfo *self)
{
}

StewardPermissionInfo *
steward_permission_info_new (const char *name,
                             const char *description,
                             gboolean    builtin)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (STEWARD_TYPE_PERMISSION_INFO,
                       "name", name,
                       "description", description,
                       "builtin", builtin,
                       NULL);
}

const char *
steward_permission_info_get_name (StewardPermissionInfo *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_INFO (self), NULL);

  return self->name;
}

/* What the permission allows, or NULL for a custom one the server does not
 * describe. */
const char *
steward_permission_info_get_description (StewardPermissionInfo *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_INFO (self), NULL);

  return self->description;
}

gboolean
steward_permission_info_get_builtin (StewardPermissionInfo *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_INFO (self), FALSE);

  return self->builtin;
}
