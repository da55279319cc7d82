/* steward-certificate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-certificate.h"

char *
steward_certificate_dup_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;
  g_autoptr (GChecksum) checksum = NULL;
  guint8   digest[32];
  gsize    digest_len = sizeof digest;
  GString *text;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  text = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (text, i == 0 ? "%02X" : ":%02X", digest[i]);

  return g_string_free (text, FALSE);
}

gboolean
steward_certificate_equal (GTlsCertificate *a,
                           GTlsCertificate *b)
{
  if (a == b)
    return TRUE;

  return a != NULL && b != NULL && g_tls_certificate_is_same (a, b);
}
