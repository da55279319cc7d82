/* steward-profiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-profiles.h"
#include "steward-secret-schema.h"

#define PROFILES_KEY "profiles"
#define ACTIVE_PROFILE_KEY "active-profile"

/* id, name, URL, colour tag, pinned certificate PEM; "" for no tag or no
 * certificate. */
#define PROFILE_TUPLE "(sssss)"

struct _StewardProfiles
{
  GObject parent_instance;

  GSettings      *settings;
  GPtrArray      *profiles; /* StewardProfile *, in the settings' order */
  StewardProfile *active;

  /* Copying the settings into the profiles must not write them back
   * half-way through. */
  gboolean loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardProfiles, steward_profiles, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static StewardProfile *
find_in (GPtrArray  *profiles,
         const char *id)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      StewardProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (steward_profile_get_id (profile), id) == 0)
        return profile;
    }

  return NULL;
}

static char *
dup_certificate_pem (StewardProfile *profile)
{
  GTlsCertificate *certificate = steward_profile_get_pinned_certificate (profile);
  char            *pem = NULL;

  if (certificate != NULL)
    g_object_get (certificate, "certificate-pem", &pem, NULL);

  return pem;
}

static void
save_profiles (StewardProfiles *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" PROFILE_TUPLE));
  for (guint i = 0; i < self->profiles->len; i++)
    {
      StewardProfile  *profile = g_ptr_array_index (self->profiles, i);
      g_autofree char *pem = dup_certificate_pem (profile);
      const char      *color_tag = steward_profile_get_color_tag (profile);

      g_variant_builder_add (&builder, PROFILE_TUPLE,
                             steward_profile_get_id (profile),
                             steward_profile_get_name (profile),
                             steward_profile_get_url (profile),
                             color_tag != NULL ? color_tag : "",
                             pem != NULL ? pem : "");
    }

  if (!g_settings_set_value (self->settings, PROFILES_KEY, g_variant_builder_end (&builder)))
    g_warning ("Could not save the server profiles: the settings key is not writable");
}

static void
apply_certificate_pem (StewardProfile *profile,
                       const char     *pem)
{
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GError) error = NULL;

  if (*pem != '\0')
    {
      certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
      if (certificate == NULL)
        g_warning ("Ignoring the pinned certificate of server profile %s: %s",
                   steward_profile_get_id (profile), error->message);
    }

  steward_profile_set_pinned_certificate (profile, certificate);
}

static void
update_active (StewardProfiles *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, ACTIVE_PROFILE_KEY);
  StewardProfile  *active = find_in (self->profiles, id);

  if (self->active == active)
    return;

  g_set_object (&self->active, active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
profile_notify_cb (StewardProfile *profile,
                   GParamSpec     *pspec,
                   gpointer        user_data)
{
  StewardProfiles *self = user_data;

  if (!self->loading)
    save_profiles (self);
}

static void
watch_profiles (StewardProfiles *self,
                gboolean         watch)
{
  for (guint i = 0; i < self->profiles->len; i++)
    {
      StewardProfile *profile = g_ptr_array_index (self->profiles, i);

      if (watch)
        g_signal_connect_object (profile, "notify", G_CALLBACK (profile_notify_cb), self, 0);
      else
        g_signal_handlers_disconnect_by_func (profile, profile_notify_cb, self);
    }
}

static gboolean
same_profiles (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;

  return TRUE;
}

/* Brings the list in line with the settings, keeping the object of every
 * profile that is still there. */
static void
load_profiles (StewardProfiles *self)
{
  g_autoptr (GVariant) value = g_settings_get_value (self->settings, PROFILES_KEY);
  g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  const char  *id, *name, *url, *color_tag, *pem;
  guint        old_len;

  self->loading = TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s)", &id, &name, &url, &color_tag, &pem))
    {
      StewardProfile *profile;

      /* Hand-edited settings may repeat or omit an id. */
      if (*id == '\0' || find_in (loaded, id) != NULL)
        continue;

      profile = find_in (self->profiles, id);
      if (profile != NULL)
        g_object_ref (profile);
      else
        profile = steward_profile_new (id, name, url);

      steward_profile_set_name (profile, name);
      steward_profile_set_url (profile, url);
      steward_profile_set_color_tag (profile, color_tag);
      apply_certificate_pem (profile, pem);
      g_ptr_array_add (loaded, profile);
    }
  self->loading = FALSE;

  if (!same_profiles (self->profiles, loaded))
    {
      old_len = self->profiles->len;
      watch_profiles (self, FALSE);
      g_ptr_array_unref (self->profiles);
      self->profiles = g_steal_pointer (&loaded);
      watch_profiles (self, TRUE);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->profiles->len);
    }

  update_active (self);
}

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  StewardProfiles *self = user_data;

  if (g_strcmp0 (key, PROFILES_KEY) == 0)
    load_profiles (self);
  else if (g_strcmp0 (key, ACTIVE_PROFILE_KEY) == 0)
    update_active (self);
}

static void
remove_profile (StewardProfiles *self,
                StewardProfile  *profile)
{
  guint position;

  if (!g_ptr_array_find (self->profiles, profile, &position))
    return;

  g_signal_handlers_disconnect_by_func (profile, profile_notify_cb, self);
  if (self->active == profile)
    steward_profiles_set_active (self, NULL);

  g_ptr_array_remove_index (self->profiles, position);
  save_profiles (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* FALSE without an error only means there was no key to remove. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  remove_profile (g_task_get_source_object (task), g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
secret_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
secret_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  char *api_key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, api_key, (GDestroyNotify) secret_password_free);
}

static GType
steward_profiles_get_item_type (GListModel *model)
{
  return STEWARD_TYPE_PROFILE;
}

static guint
steward_profiles_get_n_items (GListModel *model)
{
  return STEWARD_PROFILES (model)->profiles->len;
}

static gpointer
steward_profiles_get_item (GListModel *model,
                           guint       position)
{
  StewardProfiles *self = STEWARD_PROFILES (model);

  if (position >= self->profiles->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->profiles, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = steward_profiles_get_item_type;
  iface->get_n_items = steward_profiles_get_n_items;
  iface->get_item = steward_profiles_get_item;
}

static void
steward_profiles_constructed (GObject *object)
{
  StewardProfiles *self = STEWARD_PROFILES (object);

  G_OBJECT_CLASS (steward_profiles_parent_class)->constructed (object);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, 0);
  load_profiles (self);
}

static void
steward_profiles_dispose (GObject *object)
{
  StewardProfiles *self = STEWARD_PROFILES (object);

  watch_profiles (self, FALSE);
  g_ptr_array_set_size (self->profiles, 0);
  g_clear_object (&self->active);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_profiles_parent_class)->dispose (object);
}

static void
steward_profiles_finalize (GObject *object)
{
  StewardProfiles *self = STEWARD_PROFILES (object);

  g_ptr_array_unref (self->profiles);

  G_OBJECT_CLASS (steward_profiles_parent_class)->finalize (object);
}

static void
steward_profiles_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardProfiles *self = STEWARD_PROFILES (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;
      case PROP_ACTIVE:
        g_value_set_object (value, self->active);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profiles_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StewardProfiles *self = STEWARD_PROFILES (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        self->settings = g_value_dup_object (value);
        break;
      case PROP_ACTIVE:
        steward_profiles_set_active (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profiles_class_init (StewardProfilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = steward_profiles_constructed;
  object_class->dispose = steward_profiles_dispose;
  object_class->finalize = steward_profiles_finalize;
  object_class->get_property = steward_profiles_get_property;
  object_class->set_property = steward_profiles_set_property;

  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] = g_param_spec_object ("active", NULL, NULL, STEWARD_TYPE_PROFILE,
                                                 G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_profiles_init (StewardProfiles *self)
{
  self->profiles = g_ptr_array_new_with_free_func (g_object_unref);
}

StewardProfiles *
steward_profiles_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STEWARD_TYPE_PROFILES, "settings", settings, NULL);
}

GSettings *
steward_profiles_get_settings (StewardProfiles *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILES (self), NULL);

  return self->settings;
}

StewardProfile *
steward_profiles_find (StewardProfiles *self,
                       const char      *id)
{
  g_return_val_if_fail (STEWARD_IS_PROFILES (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_in (self->profiles, id);
}

static gboolean
has_blank_or_control (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c <= ' ' || *c == 0x7f)
      return TRUE;

  return FALSE;
}

static gboolean
check_url (const char *url,
           GError    **error)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  /* GUri lets a blank through in the host; no server name has one. */
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) || host == NULL || *host == '\0' || has_blank_or_control (url))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("Enter the server’s address, starting with https://"));
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_profiles_check (StewardProfiles *self,
                        StewardProfile  *profile,
                        const char      *name,
                        const char      *url,
                        GError         **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (STEWARD_IS_PROFILES (self), FALSE);
  g_return_val_if_fail (profile == NULL || STEWARD_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("Give the server a name"));
      return FALSE;
    }

  /* Names tell profiles apart in the server switcher, so "Prod" and
   * "prod" are the same name. */
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < self->profiles->len; i++)
    {
      StewardProfile  *other = g_ptr_array_index (self->profiles, i);
      g_autofree char *other_folded = g_utf8_casefold (steward_profile_get_name (other), -1);

      if (other != profile && g_strcmp0 (folded, other_folded) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _ ("There is already a server named “%s”"), stripped);
          return FALSE;
        }
    }

  return check_url (url, error);
}

StewardProfile *
steward_profiles_add (StewardProfiles *self,
                      const char      *name,
                      const char      *url,
                      const char      *color_tag,
                      GTlsCertificate *certificate,
                      GError         **error)
{
  g_autoptr (StewardProfile) profile = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (STEWARD_IS_PROFILES (self), NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  id = g_uuid_string_random ();
  profile = steward_profile_new (id, name, url);
  steward_profile_set_color_tag (profile, color_tag);
  steward_profile_set_pinned_certificate (profile, certificate);

  if (!steward_profiles_insert (self, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

gboolean
steward_profiles_insert (StewardProfiles *self,
                         StewardProfile  *profile,
                         GError         **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (STEWARD_IS_PROFILES (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (steward_profiles_find (self, steward_profile_get_id (profile)) == NULL, FALSE);

  if (!steward_profiles_check (self, NULL, steward_profile_get_name (profile), steward_profile_get_url (profile), error))
    return FALSE;

  stripped = g_strstrip (g_strdup (steward_profile_get_name (profile)));
  steward_profile_set_name (profile, stripped);

  g_ptr_array_add (self->profiles, g_object_ref (profile));
  g_signal_connect_object (profile, "notify", G_CALLBACK (profile_notify_cb), self, 0);
  save_profiles (self);
  g_list_model_items_changed (G_LIST_MODEL (self), self->profiles->len - 1, 0, 1);

  return TRUE;
}

void
steward_profiles_remove_async (StewardProfiles    *self,
                               StewardProfile     *profile,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_PROFILES (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_profiles_remove_async);
  g_task_set_task_data (task, g_object_ref (profile), g_object_unref);

  secret_password_clear (steward_secret_schema_get (), cancellable,
                         secret_cleared_cb, g_steal_pointer (&task),
                         STEWARD_SECRET_ATTRIBUTE_PROFILE, steward_profile_get_id (profile),
                         NULL);
}

gboolean
steward_profiles_remove_finish (StewardProfiles *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_profiles_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

StewardProfile *
steward_profiles_get_active (StewardProfiles *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILES (self), NULL);

  return self->active;
}

void
steward_profiles_set_active (StewardProfiles *self,
                             StewardProfile  *profile)
{
  g_return_if_fail (STEWARD_IS_PROFILES (self));
  g_return_if_fail (profile == NULL || STEWARD_IS_PROFILE (profile));

  g_settings_set_string (self->settings, ACTIVE_PROFILE_KEY,
                         profile != NULL ? steward_profile_get_id (profile) : "");
  update_active (self);
}

void
steward_profiles_store_api_key_async (StewardProfiles    *self,
                                      StewardProfile     *profile,
                                      const char         *api_key,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (STEWARD_IS_PROFILES (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_profiles_store_api_key_async);

  /* What a keyring manager such as Seahorse shows for the item. */
  label = g_strdup_printf (_ ("Steward API key for %s (%s)"),
                           steward_profile_get_name (profile),
                           steward_profile_get_url (profile));

  secret_password_store (steward_secret_schema_get (), SECRET_COLLECTION_DEFAULT,
                         label, api_key, cancellable,
                         secret_stored_cb, g_steal_pointer (&task),
                         STEWARD_SECRET_ATTRIBUTE_PROFILE, steward_profile_get_id (profile),
                         NULL);
}

gboolean
steward_profiles_store_api_key_finish (StewardProfiles *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_profiles_store_api_key_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
steward_profiles_lookup_api_key_async (StewardProfiles    *self,
                                       StewardProfile     *profile,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_PROFILES (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_profiles_lookup_api_key_async);

  secret_password_lookup (steward_secret_schema_get (), cancellable,
                          secret_found_cb, g_steal_pointer (&task),
                          STEWARD_SECRET_ATTRIBUTE_PROFILE, steward_profile_get_id (profile),
                          NULL);
}

char *
steward_profiles_lookup_api_key_finish (StewardProfiles *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_profiles_lookup_api_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
