/* test-profiles-keyring.c
 *
 * The API keys of StewardProfiles in a real Secret Service: storing,
 * replacing, looking up, removal with the profile, and proof that a key
 * never reaches the settings file. Skips without a Secret Service on the
 * session bus unless STEWARD_REQUIRE_KEYRING=1; run it under
 * dbus-run-session with gnome-keyring-daemon --unlock and a fresh
 * XDG_DATA_HOME (TOOLCHAIN.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "model-test-util.h"
#include "steward-profiles.h"
#include "steward-secret-schema.h"

typedef struct
{
  char            *dir;
  char            *settings_path;
  GSettings       *settings;
  StewardProfiles *profiles;
} Fixture;

/* The settings live in a key file, so the test can read what was really
 * written. */
static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GSettingsBackend) backend = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("steward-model-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->settings_path = g_build_filename (fixture->dir, "settings.ini", NULL);
  backend = g_keyfile_settings_backend_new (fixture->settings_path, "/io/github/stewardapp/Steward/", "steward");
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->profiles = steward_profiles_new (fixture->settings);
}

static void
remove_profile (StewardProfiles *profiles,
                StewardProfile  *profile)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  steward_profiles_remove_async (profiles, profile, NULL, model_test_store_result_cb, &result);
  g_assert_true (steward_profiles_remove_finish (profiles, model_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  /* Leave no test keys behind in the keyring. */
  if (!g_test_failed ())
    while (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)) > 0)
      {
        g_autoptr (StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (fixture->profiles), 0);

        remove_profile (fixture->profiles, profile);
      }

  g_assert_finalize_object (fixture->profiles);
  g_assert_finalize_object (fixture->settings);
  g_remove (fixture->settings_path);
  g_rmdir (fixture->dir);
  g_free (fixture->settings_path);
  g_free (fixture->dir);
}

static StewardProfile *
add_profile (Fixture    *fixture,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("https://%s.example.com", name);
  StewardProfile  *profile = steward_profiles_add (fixture->profiles, name, url, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

static void
store_key (Fixture        *fixture,
           StewardProfile *profile,
           const char     *api_key)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  steward_profiles_store_api_key_async (fixture->profiles, profile, api_key, NULL,
                                        model_test_store_result_cb, &result);
  g_assert_true (steward_profiles_store_api_key_finish (fixture->profiles, model_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup_key (Fixture        *fixture,
            StewardProfile *profile)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *api_key;

  steward_profiles_lookup_api_key_async (fixture->profiles, profile, NULL,
                                         model_test_store_result_cb, &result);
  api_key = steward_profiles_lookup_api_key_finish (fixture->profiles, model_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return api_key;
}

/* How many keyring items there are for @profile, looked up in the keyring
 * directly rather than through StewardProfiles. */
static guint
count_keyring_items (StewardProfile *profile)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GList *items;
  guint  n_items;

  secret_password_search (steward_secret_schema_get (), SECRET_SEARCH_ALL, NULL,
                          model_test_store_result_cb, &result,
                          STEWARD_SECRET_ATTRIBUTE_PROFILE, steward_profile_get_id (profile),
                          NULL);
  items = secret_password_search_finish (model_test_wait_result (&result), &error);
  g_assert_no_error (error);

  n_items = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n_items;
}

static void
test_store_lookup_remove (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (StewardProfile) first = NULL;
  g_autoptr (StewardProfile) second = NULL;
  g_autoptr (StewardProfile) keyless = NULL;
  g_autofree char *key = NULL;

  if (!model_test_require_keyring ())
    return;

  first = add_profile (fixture, "first");
  second = add_profile (fixture, "second");

  /* No key yet is no error. */
  key = lookup_key (fixture, first);
  g_assert_null (key);
  g_assert_cmpuint (count_keyring_items (first), ==, 0);

  store_key (fixture, first, "first-key-1");
  g_free (key);
  key = lookup_key (fixture, first);
  g_assert_cmpstr (key, ==, "first-key-1");

  /* A new key replaces the old one: one item per profile. */
  store_key (fixture, first, "first-key-2");
  g_free (key);
  key = lookup_key (fixture, first);
  g_assert_cmpstr (key, ==, "first-key-2");
  g_assert_cmpuint (count_keyring_items (first), ==, 1);

  /* Each profile has its own. */
  store_key (fixture, second, "second-key");
  g_free (key);
  key = lookup_key (fixture, second);
  g_assert_cmpstr (key, ==, "second-key");
  g_free (key);
  key = lookup_key (fixture, first);
  g_assert_cmpstr (key, ==, "first-key-2");

  /* Renaming keeps the key: it is filed under the id. */
  steward_profile_set_name (first, "first renamed");
  g_free (key);
  key = lookup_key (fixture, first);
  g_assert_cmpstr (key, ==, "first-key-2");

  /* Removing a profile removes its key, and only its key. */
  remove_profile (fixture->profiles, first);
  g_assert_null (steward_profiles_find (fixture->profiles, steward_profile_get_id (first)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 1);
  g_assert_cmpuint (count_keyring_items (first), ==, 0);
  g_free (key);
  key = lookup_key (fixture, first);
  g_assert_null (key);
  key = lookup_key (fixture, second);
  g_assert_cmpstr (key, ==, "second-key");

  /* A profile without a key is removed all the same. */
  remove_profile (fixture->profiles, second);
  keyless = add_profile (fixture, "keyless");
  remove_profile (fixture->profiles, keyless);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 0);
}

static void
test_removing_active_profile (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr (StewardProfile) profile = NULL;
  g_autofree char *active = NULL;

  if (!model_test_require_keyring ())
    return;

  profile = add_profile (fixture, "active");
  steward_profiles_set_active (fixture->profiles, profile);
  store_key (fixture, profile, "active-key");

  remove_profile (fixture->profiles, profile);
  g_assert_null (steward_profiles_get_active (fixture->profiles));
  active = g_settings_get_string (fixture->settings, "active-profile");
  g_assert_cmpstr (active, ==, "");
}

static void
test_key_never_in_settings (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (StewardProfile) profile = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *api_key = g_strconcat ("key-", uuid, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *found = NULL;
  g_auto (GStrv) keys = NULL;
  g_autoptr (GError) error = NULL;

  if (!model_test_require_keyring ())
    return;

  /* Everything a person does with a profile and its key. */
  profile = add_profile (fixture, "secretive");
  steward_profile_set_color_tag (profile, "PROD");
  store_key (fixture, profile, api_key);
  steward_profiles_set_active (fixture->profiles, profile);
  steward_profile_set_name (profile, "secretive renamed");
  found = lookup_key (fixture, profile);
  g_assert_cmpstr (found, ==, api_key);
  g_settings_sync ();

  /* The settings file holds the profile, so it is the real store ... */
  g_file_get_contents (fixture->settings_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", contents);
  g_assert_nonnull (strstr (contents, steward_profile_get_id (profile)));
  g_assert_nonnull (strstr (contents, "secretive renamed"));

  /* ... and not the key, in any key of the schema. */
  g_assert_null (strstr (contents, api_key));
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr (GVariant) value = g_settings_get_value (fixture->settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, api_key));
    }
}

static void
test_cancelled (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (StewardProfile) profile = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;

  if (!model_test_require_keyring ())
    return;

  profile = add_profile (fixture, "cancelled");
  g_cancellable_cancel (cancellable);

  steward_profiles_lookup_api_key_async (fixture->profiles, profile, cancellable,
                                         model_test_store_result_cb, &result);
  key = steward_profiles_lookup_api_key_finish (fixture->profiles, model_test_wait_result (&result), &error);
  g_assert_null (key);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A cancelled removal keeps the profile. */
  steward_profiles_remove_async (fixture->profiles, profile, cancellable, model_test_store_result_cb, &result);
  g_assert_false (steward_profiles_remove_finish (fixture->profiles, model_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (steward_profiles_find (fixture->profiles, steward_profile_get_id (profile)) == profile);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/profiles/keyring/store-lookup-remove", test_store_lookup_remove);
  ADD ("/model/profiles/keyring/removing-active-profile", test_removing_active_profile);
  ADD ("/model/profiles/keyring/key-never-in-settings", test_key_never_in_settings);
  ADD ("/model/profiles/keyring/cancelled", test_cancelled);

#undef ADD

  return g_test_run ();
}
