/* steward-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-profile.h"

#include "steward-certificate.h"

struct _StewardProfile
{
  GObject parent_instance;

  char            *id;
  char            *name;
  char            *url;
  char            *color_tag;
  GTlsCertificate *pinned_certificate;
};

G_DEFINE_FINAL_TYPE (StewardProfile, steward_profile, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_COLOR_TAG,
  PROP_PINNED_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (StewardProfile *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
steward_profile_finalize (GObject *object)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self->color_tag);
  g_clear_object (&self->pinned_certificate);

  G_OBJECT_CLASS (steward_profile_parent_class)->finalize (object);
}

static void
steward_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_URL:
        g_value_set_string (value, self->url);
        break;
      case PROP_COLOR_TAG:
        g_value_set_string (value, self->color_tag);
        break;
      case PROP_PINNED_CERTIFICATE:
        g_value_set_object (value, self->pinned_certificate);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  switch (prop_id)
    {
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;
      case PROP_NAME:
        steward_profile_set_name (self, g_value_get_string (value));
        break;
      case PROP_URL:
        steward_profile_set_url (self, g_value_get_string (value));
        break;
      case PROP_COLOR_TAG:
        steward_profile_set_color_tag (self, g_value_get_string (value));
        break;
      case PROP_PINNED_CERTIFICATE:
        steward_profile_set_pinned_certificate (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profile_class_init (StewardProfileClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_profile_finalize;
  object_class->get_property = steward_profile_get_property;
  object_class->set_property = steward_profile_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_COLOR_TAG] = g_param_spec_string ("color-tag", NULL, NULL, NULL, rw);
  properties[PROP_PINNED_CERTIFICATE] = g_param_spec_object ("pinned-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_profile_init (StewardProfile *self)
{
}

StewardProfile *
steward_profile_new (const char *id,
                     const char *name,
                     const char *url)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (STEWARD_TYPE_PROFILE,
                       "id", id,
                       "name", name,
                       "url", url,
                       NULL);
}

const char *
steward_profile_get_id (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->id;
}

const char *
steward_profile_get_name (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->name;
}

void
steward_profile_set_name (StewardProfile *self,
                          const char     *name)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));
  g_return_if_fail (name != NULL);

  set_string (self, &self->name, name, PROP_NAME);
}

const char *
steward_profile_get_url (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->url;
}

void
steward_profile_set_url (StewardProfile *self,
                         const char     *url)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));
  g_return_if_fail (url != NULL);

  set_string (self, &self->url, url, PROP_URL);
}

const char *
steward_profile_get_color_tag (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->color_tag;
}

/* NULL or "" removes the tag. */
void
steward_profile_set_color_tag (StewardProfile *self,
                               const char     *color_tag)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));

  if (color_tag != NULL && *color_tag == '\0')
    color_tag = NULL;

  set_string (self, &self->color_tag, color_tag, PROP_COLOR_TAG);
}

GTlsCertificate *
steward_profile_get_pinned_certificate (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->pinned_certificate;
}

/* NULL trusts what the system trusts again. */
void
steward_profile_set_pinned_certificate (StewardProfile  *self,
                                        GTlsCertificate *certificate)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));

  /* The same certificate parsed again is no change. */
  if (steward_certificate_equal (self->pinned_certificate, certificate))
    return;

  g_set_object (&self->pinned_certificate, certificate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_CERTIFICATE]);
}
