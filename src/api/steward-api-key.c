/* steward-api-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-api-key.h"

#include <string.h>

struct _StewardApiKey
{
  GObject parent_instance;

  char *key;
  char *key_id;
  char *name;
};

G_DEFINE_FINAL_TYPE (StewardApiKey, steward_api_key, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_KEY_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (StewardApiKey *self,
             guint          prop_id)
{
  switch (prop_id)
    {
      case PROP_KEY:
        return &self->key;
      case PROP_KEY_ID:
        return &self->key_id;
      case PROP_NAME:
        return &self->name;
      default:
        return NULL;
    }
}

static void
steward_api_key_finalize (GObject *object)
{
  StewardApiKey *self = STEWARD_API_KEY (object);

  /* Do not leave the secret behind in freed memory. */
  if (self->key != NULL)
    memset (self->key, 0, strlen (self->key));
  g_free (self->key);
  g_free (self->key_id);
  g_free (self->name);

  G_OBJECT_CLASS (steward_api_key_parent_class)->finalize (object);
}

static void
steward_api_key_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  char **slot = string_slot (STEWARD_API_KEY (object), prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_api_key_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  char **slot = string_slot (STEWARD_API_KEY (object), prop_id);

  if (slot != NULL)
    *slot = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_api_key_class_init (StewardApiKeyClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_api_key_finalize;
  object_class->get_property = steward_api_key_get_property;
  object_class->set_property = steward_api_key_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_KEY_ID] = g_param_spec_string ("key-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_api_key_init (StewardApiKey *self)
{
}

const char *
steward_api_key_get_key (StewardApiKey *self)
{
  g_return_val_if_fail (STEWARD_IS_API_KEY (self), NULL);

  return self->key;
}

/* What route 18's DELETE takes to revoke the key. */
const char *
steward_api_key_get_key_id (StewardApiKey *self)
{
  g_return_val_if_fail (STEWARD_IS_API_KEY (self), NULL);

  return self->key_id;
}

const char *
steward_api_key_get_name (StewardApiKey *self)
{
  g_return_val_if_fail (STEWARD_IS_API_KEY (self), NULL);

  return self->name;
}
