/* steward-client.c
 *
 * The client object: its settings (server, key, timeouts, pinned
 * certificate), its session and what it learnt about the server's
 * extensions. The request machinery is in steward-client-call.c, the routes
 * in steward-client-routes.c, steward-client-fallbacks.c and
 * steward-client-metrics.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-api-error.h"
#include "steward-certificate.h"

#include <libsoup/soup.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (StewardClient, steward_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_CONNECT_TIMEOUT,
  PROP_REQUEST_TIMEOUT,
  PROP_PINNED_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_host (const char *base_url)
{
  g_autoptr (GUri) uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (base_url);

  port = g_uri_get_port (uri);
  if (port == -1)
    return g_strdup (g_uri_get_host (uri));

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

SoupSession *
steward_client_create_session (void)
{
  /* The timeouts are ours (steward-client-call.c), so libsoup's own I/O timeout is
   * off and a slow but steady reply is not cut short. */
  return soup_session_new_with_options ("user-agent", "Steward/" PACKAGE_VERSION " ",
                                        "timeout", 0,
                                        NULL);
}

char *
steward_client_user_path (const char *iamid,
                          const char *userid,
                          ...)
{
  g_autofree char *escaped_iamid = g_uri_escape_string (iamid, NULL, FALSE);
  g_autofree char *escaped_userid = g_uri_escape_string (userid, NULL, FALSE);
  GString         *path = g_string_new (NULL);
  const char      *segment;
  va_list          args;

  /* Userids are e-mail addresses and may hold "/", "%" or spaces: every
   * segment is escaped whole. */
  g_string_append_printf (path, "/bim/iam/%s/user/%s", escaped_iamid, escaped_userid);

  va_start (args, userid);
  while ((segment = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (segment, NULL, FALSE);

      g_string_append_c (path, '/');
      g_string_append (path, escaped);
    }
  va_end (args);

  return g_string_free (path, FALSE);
}

const char *
steward_client_get_host (StewardClient *self)
{
  return self->host;
}

void
steward_client_set_extension_support (StewardClient          *self,
                                      StewardExtension        extension,
                                      StewardExtensionSupport support)
{
  g_return_if_fail (extension < STEWARD_N_EXTENSIONS);

  self->extensions[extension] = support;
}

gboolean
steward_client_learn_extension (StewardClient   *self,
                                StewardExtension extension,
                                const GError    *error)
{
  gboolean missing = steward_api_error_is_route_missing (error);
  guint    status = steward_api_error_get_status (error);

  /* Only an answer about the request itself proves the route is there:
   * failures that never reached the server, an expired key and a server
   * fault say nothing either way. */
  if (missing)
    steward_client_set_extension_support (self, extension, STEWARD_EXTENSION_SUPPORT_MISSING);
  else if (error == NULL || (status >= 400 && status < 500 && status != 401))
    steward_client_set_extension_support (self, extension, STEWARD_EXTENSION_SUPPORT_PRESENT);

  return missing;
}

/* GObject */

static void
steward_client_dispose (GObject *object)
{
  StewardClient *self = STEWARD_CLIENT (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (steward_client_parent_class)->dispose (object);
}

static void
steward_client_finalize (GObject *object)
{
  StewardClient *self = STEWARD_CLIENT (object);

  g_free (self->base_url);
  g_free (self->host);
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_clear_object (&self->session);
  g_clear_object (&self->pinned_certificate);
  g_clear_pointer (&self->token_waiters, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->recorder);
  g_free (self->server_name);
  g_free (self->actor);

  G_OBJECT_CLASS (steward_client_parent_class)->finalize (object);
}

static void
steward_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StewardClient *self = STEWARD_CLIENT (object);

  switch (prop_id)
    {
      case PROP_BASE_URL:
        g_value_set_string (value, self->base_url);
        break;

      case PROP_CONNECT_TIMEOUT:
        g_value_set_uint (value, self->connect_timeout);
        break;

      case PROP_REQUEST_TIMEOUT:
        g_value_set_uint (value, self->request_timeout);
        break;

      case PROP_PINNED_CERTIFICATE:
        g_value_set_object (value, self->pinned_certificate);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StewardClient *self = STEWARD_CLIENT (object);

  switch (prop_id)
    {
      case PROP_BASE_URL:
        {
          const char *base_url = g_value_get_string (value);
          gsize       length = base_url != NULL ? strlen (base_url) : 0;

          while (length > 0 && base_url[length - 1] == '/')
            length--;
          self->base_url = g_strndup (base_url != NULL ? base_url : "", length);
          self->host = describe_host (self->base_url);
        }
        break;

      case PROP_API_KEY:
        steward_client_set_api_key (self, g_value_get_string (value));
        break;

      case PROP_CONNECT_TIMEOUT:
        steward_client_set_connect_timeout (self, g_value_get_uint (value));
        break;

      case PROP_REQUEST_TIMEOUT:
        steward_client_set_request_timeout (self, g_value_get_uint (value));
        break;

      case PROP_PINNED_CERTIFICATE:
        steward_client_set_pinned_certificate (self, g_value_get_object (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_client_class_init (StewardClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_client_dispose;
  object_class->finalize = steward_client_finalize;
  object_class->get_property = steward_client_get_property;
  object_class->set_property = steward_client_set_property;

  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Write-only: the key never leaves the client again. */
  properties[PROP_API_KEY] = g_param_spec_string ("api-key", NULL, NULL, NULL,
                                                  G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CONNECT_TIMEOUT] = g_param_spec_uint ("connect-timeout", NULL, NULL, 0, G_MAXUINT, STEWARD_DEFAULT_CONNECT_TIMEOUT,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REQUEST_TIMEOUT] = g_param_spec_uint ("request-timeout", NULL, NULL, 0, G_MAXUINT, STEWARD_DEFAULT_REQUEST_TIMEOUT,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PINNED_CERTIFICATE] = g_param_spec_object ("pinned-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE,
                                                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_client_init (StewardClient *self)
{
  self->session = steward_client_create_session ();
  self->connect_timeout = STEWARD_DEFAULT_CONNECT_TIMEOUT;
  self->request_timeout = STEWARD_DEFAULT_REQUEST_TIMEOUT;
  self->token_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/* @base_url is the server root, "https://governance.example.com". */
StewardClient *
steward_client_new (const char *base_url,
                    const char *api_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (STEWARD_TYPE_CLIENT, "base-url", base_url, "api-key", api_key, NULL);
}

const char *
steward_client_get_base_url (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), NULL);

  return self->base_url;
}

/* A new key makes the current token worthless. */
void
steward_client_set_api_key (StewardClient *self,
                            const char    *api_key)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  if (g_strcmp0 (self->api_key, api_key) == 0)
    return;

  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
  g_clear_pointer (&self->token, g_free);
  /* Another key may belong to someone else. */
  g_clear_pointer (&self->actor, g_free);
}

guint
steward_client_get_connect_timeout (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return self->connect_timeout;
}

/* Seconds to set up a connection, TLS included; 0 waits for ever. */
void
steward_client_set_connect_timeout (StewardClient *self,
                                    guint          seconds)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  if (self->connect_timeout == seconds)
    return;

  self->connect_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

guint
steward_client_get_request_timeout (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return self->request_timeout;
}

/* Seconds from sending a request to having the whole reply; 0 waits for
 * ever. */
void
steward_client_set_request_timeout (StewardClient *self,
                                    guint          seconds)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  if (self->request_timeout == seconds)
    return;

  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

GTlsCertificate *
steward_client_get_pinned_certificate (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), NULL);

  return self->pinned_certificate;
}

/* Accepts exactly @certificate from the server even when the system does
 * not trust it: the one the person saw the fingerprint of and accepted.
 * Certificates the system trusts are accepted as always. NULL removes the
 * pin. */
void
steward_client_set_pinned_certificate (StewardClient   *self,
                                       GTlsCertificate *certificate)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));

  if (steward_certificate_equal (self->pinned_certificate, certificate))
    return;

  g_set_object (&self->pinned_certificate, certificate);

  /* Pooled connections were accepted under the old pin; requests under
   * way keep the session they started on. */
  g_clear_object (&self->session);
  self->session = steward_client_create_session ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_CERTIFICATE]);
}

StewardExtensionSupport
steward_client_get_extension_support (StewardClient   *self,
                                      StewardExtension extension)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), STEWARD_EXTENSION_SUPPORT_UNKNOWN);
  g_return_val_if_fail (extension < STEWARD_N_EXTENSIONS, STEWARD_EXTENSION_SUPPORT_UNKNOWN);

  return self->extensions[extension];
}
