/* test-profiles.c
 *
 * StewardProfiles and StewardProfile over GSettings (the memory backend):
 * adding and checking profiles, saving changes, following changes made
 * elsewhere, pinned certificates and the active profile. The keys in the
 * keyring are test-profiles-keyring.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "model-test-util.h"
#include "steward-profiles.h"

/* A self-signed certificate made for this test; only its identity
 * matters. */
static const char test_certificate_pem[] = "-----BEGIN CERTIFICATE-----\n"
                                           "MIIBoTCCAUegAwIBAgIUBuWhy+KNBAOgl8aUfp0iKU183kMwCgYIKoZIzj0EAwIw\n"
                                           "JTEjMCEGA1UEAwwac3Rld2FyZC1tb2RlbC10ZXN0LmludmFsaWQwIBcNMjYxMTI4\n"
                                           "MDUyNjAxWhgPMjEyNjExMDQwNTI2MDFaMCUxIzAhBgNVBAMMGnN0ZXdhcmQtbW9k\n"
                                           "ZWwtdGVzdC5pbnZhbGlkMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEidTIsCWx\n"
                                           "fISFRgZxDusnox4njwOzg+YG75LAMmC3k5S0qkSSxrgJ6rPgH0xnCl6r4GFRYljT\n"
                                           "D41xJi/T4sc7V6NTMFEwHQYDVR0OBBYEFJiTEvKT8l+H5HBRMlnla2NNcVjoMB8G\n"
                                           "A1UdIwQYMBaAFJiTEvKT8l+H5HBRMlnla2NNcVjoMA8GA1UdEwEB/wQFMAMBAf8w\n"
                                           "CgYIKoZIzj0EAwIDSAAwRQIhAJTBPUvsG87weSTMnXOG3kxr9f3RuZmLsXyTpfp+\n"
                                           "f9fWAiAfwXQfdSdxhrJUfgPC8Gc49X5UgWEi0GaXq2kn6NMMag==\n"
                                           "-----END CERTIFICATE-----\n";

typedef struct
{
  GSettings       *settings;
  StewardProfiles *profiles;
  guint            n_changes;
  guint            last_position;
  guint            last_removed;
  guint            last_added;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->profiles = steward_profiles_new (fixture->settings);
  g_signal_connect (fixture->profiles, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_assert_finalize_object (fixture->profiles);
  g_assert_finalize_object (fixture->settings);
}

static StewardProfile *
add_profile (Fixture    *fixture,
             const char *name,
             const char *url)
{
  g_autoptr (GError) error = NULL;
  StewardProfile *profile = steward_profiles_add (fixture->profiles, name, url, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

/* Borrowed: the list keeps its own reference. */
static StewardProfile *
profile_at (StewardProfiles *profiles,
            guint            position)
{
  StewardProfile *profile = g_list_model_get_item (G_LIST_MODEL (profiles), position);

  g_object_unref (profile);
  return profile;
}

/* The stored tuples, as "id|name|url|tag|pem" lines. */
static char *
stored_profiles (GSettings *settings)
{
  g_autoptr (GVariant) value = g_settings_get_value (settings, "profiles");
  g_autoptr (GString) text = g_string_new (NULL);
  GVariantIter iter;
  const char  *id, *name, *url, *tag, *pem;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s)", &id, &name, &url, &tag, &pem))
    g_string_append_printf (text, "%s|%s|%s|%s|%s\n", id, name, url, tag, *pem != '\0' ? "PEM" : "");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_add (Fixture      *fixture,
          gconstpointer data)
{
  g_autoptr (StewardProfile) production = NULL;
  g_autoptr (StewardProfile) staging = NULL;
  g_autoptr (StewardProfiles) reread = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->profiles)) == STEWARD_TYPE_PROFILE);

  production = steward_profiles_add (fixture->profiles, "  Production ", "https://governance.example.com",
                                     "PROD", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, 0);
  g_assert_cmpuint (fixture->last_added, ==, 1);

  staging = add_profile (fixture, "Staging", "http://127.0.0.1:8080");
  g_assert_cmpuint (fixture->n_changes, ==, 2);
  g_assert_cmpuint (fixture->last_position, ==, 1);
  g_assert_cmpuint (fixture->last_removed, ==, 0);
  g_assert_cmpuint (fixture->last_added, ==, 1);

  /* Names are stored without surrounding blanks; ids are unique. */
  g_assert_cmpstr (steward_profile_get_name (production), ==, "Production");
  g_assert_cmpstr (steward_profile_get_color_tag (production), ==, "PROD");
  g_assert_null (steward_profile_get_color_tag (staging));
  g_assert_cmpstr (steward_profile_get_id (production), !=, steward_profile_get_id (staging));
  g_assert_true (steward_profiles_find (fixture->profiles, steward_profile_get_id (staging)) == staging);
  g_assert_null (steward_profiles_find (fixture->profiles, "no-such-id"));

  stored = stored_profiles (fixture->settings);
  expected = g_strdup_printf ("%s|Production|https://governance.example.com|PROD|\n"
                              "%s|Staging|http://127.0.0.1:8080||\n",
                              steward_profile_get_id (production), steward_profile_get_id (staging));
  g_assert_cmpstr (stored, ==, expected);

  /* Another reader of the same settings sees the same profiles. */
  reread = steward_profiles_new (fixture->settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 2);
  g_assert_cmpstr (steward_profile_get_id (profile_at (reread, 0)), ==, steward_profile_get_id (production));
  g_assert_cmpstr (steward_profile_get_name (profile_at (reread, 1)), ==, "Staging");
  g_assert_cmpstr (steward_profile_get_url (profile_at (reread, 1)), ==, "http://127.0.0.1:8080");
  g_assert_cmpstr (steward_profile_get_color_tag (profile_at (reread, 0)), ==, "PROD");
  g_assert_finalize_object (g_steal_pointer (&reread));
}

static void
test_check (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (StewardProfile) production = add_profile (fixture, "Production", "https://gov.example.com");
  const struct
  {
    const char *name;
    const char *url;
    int         code;
  } refused[] = {
    { "", "https://a.example.com", G_IO_ERROR_INVALID_ARGUMENT },
    { "   ", "https://a.example.com", G_IO_ERROR_INVALID_ARGUMENT },
    { "New", "", G_IO_ERROR_INVALID_ARGUMENT },
    { "New", "gov.example.com", G_IO_ERROR_INVALID_ARGUMENT },
    { "New", "ftp://gov.example.com", G_IO_ERROR_INVALID_ARGUMENT },
    { "New", "https://", G_IO_ERROR_INVALID_ARGUMENT },
    { "New", "https://exa mple.com", G_IO_ERROR_INVALID_ARGUMENT },
    { "production", "https://b.example.com", G_IO_ERROR_EXISTS },
    { " PRODUCTION ", "https://b.example.com", G_IO_ERROR_EXISTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("name \"%s\", URL \"%s\"", refused[i].name, refused[i].url);
      g_assert_null (steward_profiles_add (fixture->profiles, refused[i].name, refused[i].url,
                                           NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, refused[i].code);
      g_assert_nonnull (error->message);
    }

  /* Nothing refused was stored. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 1);

  /* A profile being edited may keep its own name. */
  g_assert_true (steward_profiles_check (fixture->profiles, production, "Production",
                                         "HTTPS://gov.example.com:8443/", NULL));
  g_assert_false (steward_profiles_check (fixture->profiles, NULL, "Production",
                                          "https://gov.example.com", NULL));
}

static void
test_changes_are_saved (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (StewardProfile) profile = add_profile (fixture, "Production", "https://gov.example.com");
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StewardProfiles) reread = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  GTlsCertificate *reread_certificate;

  certificate = g_tls_certificate_new_from_pem (test_certificate_pem, -1, &error);
  g_assert_no_error (error);

  steward_profile_set_name (profile, "Production EU");
  steward_profile_set_url (profile, "https://eu.gov.example.com");
  steward_profile_set_color_tag (profile, "PROD");
  steward_profile_set_pinned_certificate (profile, certificate);

  stored = stored_profiles (fixture->settings);
  expected = g_strdup_printf ("%s|Production EU|https://eu.gov.example.com|PROD|PEM\n",
                              steward_profile_get_id (profile));
  g_assert_cmpstr (stored, ==, expected);

  /* The pinned certificate comes back as the same certificate. */
  reread = steward_profiles_new (fixture->settings);
  reread_certificate = steward_profile_get_pinned_certificate (profile_at (reread, 0));
  g_assert_nonnull (reread_certificate);
  g_assert_true (g_tls_certificate_is_same (reread_certificate, certificate));

  /* Unpinning and clearing the tag are saved too. */
  steward_profile_set_pinned_certificate (profile, NULL);
  steward_profile_set_color_tag (profile, "");
  g_clear_pointer (&stored, g_free);
  g_clear_pointer (&expected, g_free);
  stored = stored_profiles (fixture->settings);
  expected = g_strdup_printf ("%s|Production EU|https://eu.gov.example.com||\n",
                              steward_profile_get_id (profile));
  g_assert_cmpstr (stored, ==, expected);

  /* The other reader of the settings follows. */
  model_test_spin (50);
  g_assert_null (steward_profile_get_pinned_certificate (profile_at (reread, 0)));
  g_assert_finalize_object (g_steal_pointer (&reread));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_follows_settings (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (StewardProfile) kept = add_profile (fixture, "Kept", "https://kept.example.com");
  g_autoptr (StewardProfile) dropped = add_profile (fixture, "Dropped", "https://dropped.example.com");
  g_autoptr (GVariant) current = NULL;
  g_autofree char *pem = NULL;
  guint            name_notifies = 0;
  guint            changes_before;

  g_signal_connect (kept, "notify::name", G_CALLBACK (count_notify_cb), &name_notifies);
  changes_before = fixture->n_changes;

  /* Another window (or dconf) renames one, pins a certificate on it,
   * removes the other and adds a third. */
  pem = g_strdup (test_certificate_pem);
  g_settings_set_value (fixture->settings, "profiles",
                        g_variant_new_parsed ("[(%s, 'Kept and renamed', 'https://kept.example.com', 'QA', %s),"
                                              " ('third-id', 'Third', 'https://third.example.com', '', '')]",
                                              steward_profile_get_id (kept), pem));
  model_test_spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 2);
  g_assert_cmpuint (fixture->n_changes, ==, changes_before + 1);
  g_assert_true (profile_at (fixture->profiles, 0) == kept);
  g_assert_cmpstr (steward_profile_get_name (kept), ==, "Kept and renamed");
  g_assert_cmpstr (steward_profile_get_color_tag (kept), ==, "QA");
  g_assert_nonnull (steward_profile_get_pinned_certificate (kept));
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_cmpstr (steward_profile_get_id (profile_at (fixture->profiles, 1)), ==, "third-id");
  g_assert_null (steward_profiles_find (fixture->profiles, steward_profile_get_id (dropped)));

  /* The same values again change nothing. */
  changes_before = fixture->n_changes;
  current = g_settings_get_value (fixture->settings, "profiles");
  g_settings_set_value (fixture->settings, "profiles", current);
  model_test_spin (50);
  g_assert_cmpuint (fixture->n_changes, ==, changes_before);
  g_assert_cmpuint (name_notifies, ==, 1);
}

/* Hand-edited nonsense (no id, an id twice, a broken certificate) makes no
 * profiles out of thin air; the broken certificate is reported and not
 * trusted. Run in a subprocess because the report is a warning. */
static void
test_hand_edited_settings (Fixture      *fixture,
                           gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_settings_set_value (fixture->settings, "profiles",
                            g_variant_new_parsed ("[('', 'No id', 'https://a.example.com', '', ''),"
                                                  " ('third-id', 'Third', 'https://third.example.com', '', 'garbage'),"
                                                  " ('third-id', 'Third again', 'https://b.example.com', '', '')]"));
      model_test_spin (50);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->profiles)), ==, 1);
      g_assert_cmpstr (steward_profile_get_name (profile_at (fixture->profiles, 0)), ==, "Third");
      g_assert_null (steward_profile_get_pinned_certificate (profile_at (fixture->profiles, 0)));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Ignoring the pinned certificate of server profile third-id*");
}

static void
test_active (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (StewardProfile) first = add_profile (fixture, "First", "https://first.example.com");
  g_autoptr (StewardProfile) second = add_profile (fixture, "Second", "https://second.example.com");
  g_autofree char *stored = NULL;
  guint            notifies = 0;

  g_signal_connect (fixture->profiles, "notify::active", G_CALLBACK (count_notify_cb), &notifies);
  g_assert_null (steward_profiles_get_active (fixture->profiles));

  steward_profiles_set_active (fixture->profiles, second);
  g_assert_true (steward_profiles_get_active (fixture->profiles) == second);
  g_assert_cmpuint (notifies, ==, 1);
  stored = g_settings_get_string (fixture->settings, "active-profile");
  g_assert_cmpstr (stored, ==, steward_profile_get_id (second));

  /* Chosen elsewhere. */
  g_settings_set_string (fixture->settings, "active-profile", steward_profile_get_id (first));
  model_test_spin (50);
  g_assert_true (steward_profiles_get_active (fixture->profiles) == first);
  g_assert_cmpuint (notifies, ==, 2);

  /* An id that names no profile is no active profile. */
  g_settings_set_string (fixture->settings, "active-profile", "gone");
  model_test_spin (50);
  g_assert_null (steward_profiles_get_active (fixture->profiles));
  g_assert_cmpuint (notifies, ==, 3);

  steward_profiles_set_active (fixture->profiles, first);
  steward_profiles_set_active (fixture->profiles, NULL);
  g_assert_null (steward_profiles_get_active (fixture->profiles));
  g_assert_cmpuint (notifies, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  model_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/profiles/add", test_add);
  ADD ("/model/profiles/check", test_check);
  ADD ("/model/profiles/changes-are-saved", test_changes_are_saved);
  ADD ("/model/profiles/follows-settings", test_follows_settings);
  ADD ("/model/profiles/hand-edited-settings", test_hand_edited_settings);
  ADD ("/model/profiles/active", test_active);

#undef ADD

  return g_test_run ();
}
