/* steward-api-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-api-error-private.h"
#include "steward-certificate.h"
#include "steward-json-codec.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

typedef struct
{
  guint                status;
  char                *server_message;
  char                *field;
  char                *field_code;
  gboolean             route_missing;
  GTlsCertificate     *peer_certificate;
  char                *peer_fingerprint;
  GTlsCertificateFlags tls_errors;
} StewardApiErrorPrivate;

static void
steward_api_error_private_init (StewardApiErrorPrivate *priv)
{
  /* The data is zero-filled by GLib already. */
}

static void
steward_api_error_private_copy (const StewardApiErrorPrivate *src,
                                StewardApiErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->server_message = g_strdup (src->server_message);
  dest->field = g_strdup (src->field);
  dest->field_code = g_strdup (src->field_code);
  dest->route_missing = src->route_missing;
  g_set_object (&dest->peer_certificate, src->peer_certificate);
  dest->peer_fingerprint = g_strdup (src->peer_fingerprint);
  dest->tls_errors = src->tls_errors;
}

static void
steward_api_error_private_clear (StewardApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->server_message, g_free);
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->field_code, g_free);
  g_clear_object (&priv->peer_certificate);
  g_clear_pointer (&priv->peer_fingerprint, g_free);
}

G_DEFINE_EXTENDED_ERROR (StewardApiError, steward_api_error)

/* Hapi-based servers (real Immuta among them) answer an unknown route with
 * the same error shape as any other 404, with the bare reason phrase as its
 * message; steward-server always explains which user or IAM is missing. */
static gboolean
looks_like_missing_route (gboolean    has_error_shape,
                          const char *message)
{
  return !has_error_shape || message == NULL || *message == '\0' || g_ascii_strcasecmp (message, "Not Found") == 0;
}

/* A sentence of ours, then the server's own words when it said something. */
static char *
with_server_message (const char *sentence,
                     const char *server_message)
{
  if (server_message == NULL || *server_message == '\0')
    return g_strdup (sentence);

  /* Translators: the first %s is a complete sentence, the second is a
   * message from the server, usually in English. */
  return g_strdup_printf (_ ("%s The server said: “%s”"), sentence, server_message);
}

/* For refusals of the input the server's message is the most precise
 * sentence there is, so it is used on its own. */
static char *
server_message_or (const char *server_message,
                   const char *fallback)
{
  if (server_message != NULL && *server_message != '\0')
    return g_strdup (server_message);

  return g_strdup (fallback);
}

static char *
describe_status (guint       status,
                 const char *server_message,
                 gboolean    route_missing,
                 const char *host,
                 gint       *code)
{
  g_autofree char *sentence = NULL;

  if (status == 400 || status == 422)
    {
      *code = STEWARD_API_ERROR_INVALID;
      return server_message_or (server_message, _ ("The server refused the values as invalid. Check them and try again."));
    }

  if (status == 413)
    {
      *code = STEWARD_API_ERROR_INVALID;
      return server_message_or (server_message, _ ("The request is too large for the server. Send less at once."));
    }

  if (status == 401)
    {
      *code = STEWARD_API_ERROR_UNAUTHORIZED;
      return with_server_message (_ ("The server did not accept the API key. Check the key, or ask an administrator for a new one."), server_message);
    }

  if (status == 403)
    {
      *code = STEWARD_API_ERROR_FORBIDDEN;
      return with_server_message (_ ("Your account lacks the permission to do this. Ask an administrator to grant it."), server_message);
    }

  if (status == 404 && route_missing)
    {
      *code = STEWARD_API_ERROR_NOT_FOUND;
      sentence = g_strdup_printf (_ ("The server at %s does not know this request. Check that the server address points at the server’s root."), host);
      return g_steal_pointer (&sentence);
    }

  if (status == 404)
    {
      *code = STEWARD_API_ERROR_NOT_FOUND;
      return server_message_or (server_message, _ ("The server has no such user or identity manager. It may have been deleted or migrated; refresh and try again."));
    }

  if (status == 405 || status == 501)
    {
      *code = STEWARD_API_ERROR_UNSUPPORTED;
      sentence = g_strdup_printf (_ ("The server at %s does not support this operation."), host);
      return g_steal_pointer (&sentence);
    }

  if (status == 409)
    {
      *code = STEWARD_API_ERROR_CONFLICT;
      return server_message_or (server_message, _ ("The change conflicts with the server’s current data. Refresh and try again."));
    }

  if (status == 408)
    {
      *code = STEWARD_API_ERROR_TIMEOUT;
      sentence = g_strdup_printf (_ ("The server at %s gave up waiting for the request. Try again."), host);
      return g_steal_pointer (&sentence);
    }

  if (status >= 500 && status <= 599)
    {
      *code = STEWARD_API_ERROR_SERVER;
      sentence = g_strdup_printf (_ ("The server at %s had an internal problem (HTTP status %u). Try again later; if it persists, tell the server’s administrator."), host, status);
      return with_server_message (sentence, server_message);
    }

  if (status >= 400 && status <= 499)
    {
      *code = STEWARD_API_ERROR_INVALID;
      sentence = g_strdup_printf (_ ("The server refused the request (HTTP status %u)."), status);
      return with_server_message (sentence, server_message);
    }

  *code = STEWARD_API_ERROR_MALFORMED_REPLY;
  sentence = g_strdup_printf (_ ("The server at %s gave an unexpected answer (HTTP status %u). Check that the server address is right."), host, status);
  return g_steal_pointer (&sentence);
}

GError *
steward_api_error_new_for_status (guint       status,
                                  JsonNode   *body,
                                  const char *host)
{
  g_autofree char        *server_message = NULL;
  g_autofree char        *field = NULL;
  g_autofree char        *field_code = NULL;
  g_autofree char        *message = NULL;
  StewardApiErrorPrivate *priv;
  gboolean                has_error_shape = FALSE;
  gboolean                route_missing;
  gint                    code;
  GError                 *error;

  if (body != NULL)
    has_error_shape = steward_json_decode_error_body (body, &server_message, &field, &field_code);

  route_missing = status == 405 || status == 501 || (status == 404 && looks_like_missing_route (has_error_shape, server_message));

  message = describe_status (status, server_message, route_missing, host, &code);
  error = g_error_new_literal (STEWARD_API_ERROR, code, message);

  priv = steward_api_error_get_private (error);
  priv->status = status;
  priv->server_message = g_steal_pointer (&server_message);
  priv->field = g_steal_pointer (&field);
  priv->field_code = g_steal_pointer (&field_code);
  priv->route_missing = route_missing;

  return error;
}

static char *
describe_tls_failure (const char          *host,
                      GTlsCertificateFlags tls_errors,
                      const GError        *transport_error)
{
  if (tls_errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return g_strdup_printf (_ ("The certificate of %s is not signed by an authority this computer trusts. Compare its fingerprint with the one the server’s administrator gives you before trusting it."), host);
  if (tls_errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return g_strdup_printf (_ ("The certificate of %s belongs to a different server name. Check the server address."), host);
  if (tls_errors & G_TLS_CERTIFICATE_EXPIRED)
    return g_strdup_printf (_ ("The certificate of %s has expired. Ask the server’s administrator to renew it."), host);
  if (tls_errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_strdup_printf (_ ("The certificate of %s is not valid yet. Check this computer’s clock."), host);
  if (tls_errors != 0)
    return g_strdup_printf (_ ("The certificate of %s is not valid. Ask the server’s administrator to check it."), host);

  return g_strdup_printf (_ ("A secure connection to %s could not be set up (%s). Check that the address uses the right scheme and port."), host, transport_error->message);
}

static char *
describe_transport (const GError *transport_error,
                    const char   *host,
                    gint         *code)
{
  *code = STEWARD_API_ERROR_NETWORK;

  if (transport_error->domain == G_RESOLVER_ERROR)
    return g_strdup_printf (_ ("No server called %s could be found. Check the address and your network connection."), host);

  if (transport_error->domain == G_IO_ERROR)
    {
      switch (transport_error->code)
        {
          case G_IO_ERROR_CONNECTION_REFUSED:
            return g_strdup_printf (_ ("The server at %s refused the connection. Check the address and port, and that the server is running."), host);

          case G_IO_ERROR_HOST_UNREACHABLE:
          case G_IO_ERROR_NETWORK_UNREACHABLE:
            return g_strdup_printf (_ ("The server at %s cannot be reached. Check your network connection."), host);

          case G_IO_ERROR_TIMED_OUT:
            *code = STEWARD_API_ERROR_TIMEOUT;
            return g_strdup_printf (_ ("The server at %s did not answer in time. Try again later."), host);

          case G_IO_ERROR_PARTIAL_INPUT:
            *code = STEWARD_API_ERROR_MALFORMED_REPLY;
            return g_strdup_printf (_ ("The reply from %s was cut off before it was complete. Try again."), host);

          case G_IO_ERROR_CONNECTION_CLOSED:
            return g_strdup_printf (_ ("The server at %s closed the connection unexpectedly. Try again."), host);

          default:
            break;
        }
    }

  if (transport_error->domain == SOUP_SESSION_ERROR)
    {
      *code = STEWARD_API_ERROR_MALFORMED_REPLY;
      return g_strdup_printf (_ ("The reply from %s could not be understood (%s). Check that the server address is right."), host, transport_error->message);
    }

  return g_strdup_printf (_ ("Could not talk to the server at %s (%s). Check your network connection and try again."), host, transport_error->message);
}

GError *
steward_api_error_new_for_transport (const GError        *transport_error,
                                     const char          *host,
                                     GTlsCertificate     *peer_certificate,
                                     GTlsCertificateFlags tls_errors)
{
  g_autofree char        *message = NULL;
  StewardApiErrorPrivate *priv;
  gboolean                is_tls;
  gint                    code;
  GError                 *error;

  g_return_val_if_fail (transport_error != NULL, NULL);

  is_tls = transport_error->domain == G_TLS_ERROR || (peer_certificate != NULL && tls_errors != 0);

  if (is_tls)
    {
      code = STEWARD_API_ERROR_TLS;
      message = describe_tls_failure (host, tls_errors, transport_error);
    }
  else
    {
      message = describe_transport (transport_error, host, &code);
    }

  error = g_error_new_literal (STEWARD_API_ERROR, code, message);
  if (is_tls && peer_certificate != NULL)
    {
      priv = steward_api_error_get_private (error);
      priv->peer_certificate = g_object_ref (peer_certificate);
      priv->peer_fingerprint = steward_certificate_dup_fingerprint (peer_certificate);
      priv->tls_errors = tls_errors;
    }

  return error;
}

GError *
steward_api_error_new_timeout (const char *host,
                               guint       seconds,
                               gboolean    while_connecting)
{
  if (while_connecting)
    return g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "The server at %s did not accept a connection within %u second. Check the address and your network connection.",
                                     "The server at %s did not accept a connection within %u seconds. Check the address and your network connection.",
                                     seconds),
                        host, seconds);

  return g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The server at %s did not reply within %u second. Try again later, or allow more time in the server’s settings.",
                                   "The server at %s did not reply within %u seconds. Try again later, or allow more time in the server’s settings.",
                                   seconds),
                      host, seconds);
}

GError *
steward_api_error_new_malformed (const char *detail)
{
  return g_error_new (STEWARD_API_ERROR, STEWARD_API_ERROR_MALFORMED_REPLY,
                      _ ("The server’s reply could not be understood (%s). Check that the server address points at a supported server."),
                      detail);
}

void
steward_api_error_set_message (GError     *error,
                               const char *message)
{
  g_return_if_fail (error != NULL && error->domain == STEWARD_API_ERROR);
  g_return_if_fail (message != NULL);

  g_free (error->message);
  error->message = g_strdup (message);
}

/* Accessors. Each accepts any GError so callers need not check the domain
 * first; errors of other domains have none of this data. */

static StewardApiErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != STEWARD_API_ERROR)
    return NULL;

  return steward_api_error_get_private (error);
}

/* The HTTP status of the reply, or 0 when there was none. */
guint
steward_api_error_get_status (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->status : 0;
}

/* The server's own "message", untranslated, or NULL. */
const char *
steward_api_error_get_server_message (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_message : NULL;
}

/* The first field a validation error names, e.g. "profile.email", or NULL. */
const char *
steward_api_error_get_field (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->field : NULL;
}

/* What is wrong with that field: "required", "format", "unique", "range",
 * "unknown" or whatever else the server says; NULL without a field. */
const char *
steward_api_error_get_field_code (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->field_code : NULL;
}

/* Whether the server lacks the route itself rather than the user or IAM the
 * request named (405, 501, or a 404 in the shape of an unknown route). */
gboolean
steward_api_error_is_route_missing (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL && priv->route_missing;
}

/* The certificate the server presented when a TLS error occurred, so the
 * person can be offered to trust exactly that one. */
GTlsCertificate *
steward_api_error_get_peer_certificate (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->peer_certificate : NULL;
}

/* SHA-256 fingerprint of that certificate, "AB:CD:…", or NULL. */
const char *
steward_api_error_get_peer_fingerprint (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->peer_fingerprint : NULL;
}

GTlsCertificateFlags
steward_api_error_get_tls_errors (const GError *error)
{
  StewardApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->tls_errors : 0;
}
