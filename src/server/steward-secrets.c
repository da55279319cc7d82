/* steward-secrets.c
 *
 * API keys and tokens are 256 random bits from the kernel. Keys and tokens
 * are looked up by their SHA-256, which is enough for secrets of that
 * strength; passwords, which people choose, get salted PBKDF2 instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "steward-secrets.h"

#define SECRET_BYTES 32
#define PASSWORD_SALT_BYTES 16
#define PASSWORD_ITERATIONS 100000

static void
fill_random (guint8 *buffer,
             gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      /* Without the kernel's randomness no credential is safe to hand out. */
      if (n < 0)
        g_error ("getrandom() failed: %s", g_strerror (errno));
      done += (gsize) n;
    }
}

static char *
random_hex (const char *prefix)
{
  guint8   bytes[SECRET_BYTES];
  GString *out = g_string_new (prefix);

  fill_random (bytes, sizeof bytes);
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);

  return g_string_free (out, FALSE);
}

/* The prefixes let a person (and a secret scanner) tell what a string is. */
char *
steward_secret_new_api_key (void)
{
  return random_hex ("stwk_");
}

char *
steward_secret_new_token (void)
{
  return random_hex ("stwt_");
}

char *
steward_secret_hash (const char *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);
}

/* PBKDF2-HMAC-SHA256 with one output block (RFC 8018, section 5.2). */
static void
pbkdf2_sha256 (const char   *password,
               const guint8 *salt,
               gsize         salt_length,
               guint         iterations,
               guint8        out[32])
{
  g_autofree guint8 *first_input = g_malloc (salt_length + 4);
  guint8             u[32];
  gsize              digest_length = sizeof u;

  memcpy (first_input, salt, salt_length);
  first_input[salt_length + 0] = 0;
  first_input[salt_length + 1] = 0;
  first_input[salt_length + 2] = 0;
  first_input[salt_length + 3] = 1;

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr (GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) password, strlen (password));

      if (i == 0)
        g_hmac_update (hmac, first_input, salt_length + 4);
      else
        g_hmac_update (hmac, u, sizeof u);

      digest_length = sizeof u;
      g_hmac_get_digest (hmac, u, &digest_length);

      if (i == 0)
        memcpy (out, u, sizeof u);
      else
        for (gsize j = 0; j < sizeof u; j++)
          out[j] ^= u[j];
    }
}

static char *
encode_password_hash (const guint8 *salt,
                      guint         iterations,
                      const guint8 *digest)
{
  g_autofree char *salt64 = g_base64_encode (salt, PASSWORD_SALT_BYTES);
  g_autofree char *digest64 = g_base64_encode (digest, 32);

  return g_strdup_printf ("pbkdf2-sha256$%u$%s$%s", iterations, salt64, digest64);
}

char *
steward_secret_hash_password (const char *password)
{
  guint8 salt[PASSWORD_SALT_BYTES];
  guint8 digest[32];

  g_return_val_if_fail (password != NULL, NULL);

  fill_random (salt, sizeof salt);
  pbkdf2_sha256 (password, salt, sizeof salt, PASSWORD_ITERATIONS, digest);

  return encode_password_hash (salt, PASSWORD_ITERATIONS, digest);
}

gboolean
steward_secret_check_password (const char *password,
                               const char *stored_hash)
{
  g_auto (GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree char   *recomputed = NULL;
  gsize              salt_length = 0;
  guint64            iterations = 0;
  guint8             digest[32];

  g_return_val_if_fail (password != NULL, FALSE);

  if (stored_hash == NULL)
    return FALSE;

  parts = g_strsplit (stored_hash, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], "pbkdf2-sha256"))
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[1], 10, 1, 10000000, &iterations, NULL))
    return FALSE;

  salt = g_base64_decode (parts[2], &salt_length);
  if (salt_length != PASSWORD_SALT_BYTES)
    return FALSE;

  pbkdf2_sha256 (password, salt, salt_length, (guint) iterations, digest);
  recomputed = encode_password_hash (salt, (guint) iterations, digest);

  return g_str_equal (recomputed, stored_hash);
}
