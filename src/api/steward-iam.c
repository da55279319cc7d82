/* steward-iam.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-iam.h"

struct _StewardIam
{
  GObject parent_instance;

  char    *id;
  char    *display_name;
  char    *type;
  gboolean oauth;
};

G_DEFINE_FINAL_TYPE (StewardIam, steward_iam, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_IAM_TYPE,
  PROP_OAUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_iam_finalize (GObject *object)
{
  StewardIam *self = STEWARD_IAM (object);

  g_free (self->id);
  g_free (self->display_name);
  g_free (self->type);

  G_OBJECT_CLASS (steward_iam_parent_class)->finalize (object);
}

static void
steward_iam_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StewardIam *self = STEWARD_IAM (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_DISPLAY_NAME:
        g_value_set_string (value, steward_iam_get_display_name (self));
        break;

      case PROP_IAM_TYPE:
        g_value_set_string (value, self->type);
        break;

      case PROP_OAUTH:
        g_value_set_boolean (value, self->oauth);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_iam_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  StewardIam *self = STEWARD_IAM (object);

  switch (prop_id)
    {
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;

      case PROP_DISPLAY_NAME:
        self->display_name = g_value_dup_string (value);
        break;

      case PROP_IAM_TYPE:
        self->type = g_value_dup_string (value);
        break;

      case PROP_OAUTH:
        self->oauth = g_value_get_boolean (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_iam_class_init (StewardIamClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_iam_finalize;
  object_class->get_property = steward_iam_get_property;
  object_class->set_property = steward_iam_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_IAM_TYPE] = g_param_spec_string ("iam-type", NULL, NULL, NULL, flags);
  properties[PROP_OAUTH] = g_param_spec_boolean ("oauth", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_iam_init (StewardIam *self)
{
}

StewardIam *
steward_iam_new (const char *id,
                 const char *display_name,
                 const char *type,
                 gboolean    oauth)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (STEWARD_TYPE_IAM,
                       "id", id,
                       "display-name", display_name,
                       "iam-type", type,
                       "oauth", oauth,
                       NULL);
}

const char *
steward_iam_get_id (StewardIam *self)
{
  g_return_val_if_fail (STEWARD_IS_IAM (self), NULL);

  return self->id;
}

/* Falls back to the id, so there is always something to show. */
const char *
steward_iam_get_display_name (StewardIam *self)
{
  g_return_val_if_fail (STEWARD_IS_IAM (self), NULL);

  if (self->display_name != NULL && *self->display_name != '\0')
    return self->display_name;

  return self->id;
}

/* The kind of directory behind it ("bim", "ldap", "oauth", …), or NULL. */
const char *
steward_iam_get_iam_type (StewardIam *self)
{
  g_return_val_if_fail (STEWARD_IS_IAM (self), NULL);

  return self->type;
}

gboolean
steward_iam_get_oauth (StewardIam *self)
{
  g_return_val_if_fail (STEWARD_IS_IAM (self), FALSE);

  return self->oauth;
}
