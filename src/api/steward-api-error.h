/* steward-api-error.h
 *
 * The one error domain of the API layer. Callers switch on the code, never on
 * the message; the message is a sentence for people. Extra facts (the HTTP
 * status, the server's own message, the input field a validation error
 * concerns, the certificate a TLS failure was about) travel with the error as
 * GLib extended error data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_API_ERROR (steward_api_error_quark ())

typedef enum
{
  STEWARD_API_ERROR_NETWORK,         /* unreachable, refused, name not found */
  STEWARD_API_ERROR_TIMEOUT,         /* no connection or no reply in time */
  STEWARD_API_ERROR_TLS,             /* certificate not trusted, handshake failed */
  STEWARD_API_ERROR_UNAUTHORIZED,    /* 401: key or token refused */
  STEWARD_API_ERROR_FORBIDDEN,       /* 403: the caller lacks a permission */
  STEWARD_API_ERROR_NOT_FOUND,       /* 404: no such user, IAM or route */
  STEWARD_API_ERROR_CONFLICT,        /* 409, or a change made by someone else meanwhile */
  STEWARD_API_ERROR_INVALID,         /* 400, 413, 422 and other refusals of the input */
  STEWARD_API_ERROR_SERVER,          /* 5xx */
  STEWARD_API_ERROR_MALFORMED_REPLY, /* not JSON, truncated, wrong shape */
  STEWARD_API_ERROR_UNSUPPORTED,     /* the server lacks an extension that has no fallback */
} StewardApiError;

GQuark steward_api_error_quark (void);

guint                steward_api_error_get_status (const GError *error);
const char          *steward_api_error_get_server_message (const GError *error);
const char          *steward_api_error_get_field (const GError *error);
const char          *steward_api_error_get_field_code (const GError *error);
gboolean             steward_api_error_is_route_missing (const GError *error);
GTlsCertificate     *steward_api_error_get_peer_certificate (const GError *error);
const char          *steward_api_error_get_peer_fingerprint (const GError *error);
GTlsCertificateFlags steward_api_error_get_tls_errors (const GError *error);

G_END_DECLS
