/* steward-api-error-private.h
 *
 * How the client turns what happened on the wire into a StewardApiError.
 * Not installed for other layers: they only read errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-api-error.h"

G_BEGIN_DECLS

/* A reply with a status outside 2xx. @body is the parsed reply or NULL when it
 * was empty or not JSON; @host names the server in messages. */
GError *steward_api_error_new_for_status (guint       status,
                                          JsonNode   *body,
                                          const char *host);

/* A transport failure reported by libsoup or GIO. @peer_certificate and
 * @tls_errors are what the TLS handshake saw, if it got that far. */
GError *steward_api_error_new_for_transport (const GError        *transport_error,
                                             const char          *host,
                                             GTlsCertificate     *peer_certificate,
                                             GTlsCertificateFlags tls_errors);

GError *steward_api_error_new_timeout (const char *host,
                                       guint       seconds,
                                       gboolean    while_connecting);

GError *steward_api_error_new_malformed (const char *detail);

/* Replaces @error's message, keeping its code and extended data. */
void steward_api_error_set_message (GError     *error,
                                    const char *message);

G_END_DECLS
