/* steward-certificate.h
 *
 * What a person compares before trusting a certificate: its SHA-256
 * fingerprint, written as colon-separated upper-case hex pairs, the way
 * browsers and "openssl x509 -fingerprint -sha256" show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *steward_certificate_dup_fingerprint (GTlsCertificate *certificate);

/* Whether A and B are the same certificate (both NULL counts as equal). */
gboolean steward_certificate_equal (GTlsCertificate *a,
                                    GTlsCertificate *b);

G_END_DECLS
