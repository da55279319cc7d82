/* steward-connection-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-connection-info.h"

enum
{
  PROP_0,
  PROP_PORT,

  /* Strings, stored in strings[] from PROP_SQL_USER on. */
  PROP_SQL_USER,
  PROP_HOST,
  PROP_DATABASE,
  PROP_SSL_MODE,
  PROP_CONNECTION_STRING,

  N_PROPS
};

#define FIRST_STRING PROP_SQL_USER
#define N_STRINGS (N_PROPS - FIRST_STRING)

struct _StewardConnectionInfo
{
  GObject parent_instance;

  guint port;
  char *strings[N_STRINGS];
};

G_DEFINE_FINAL_TYPE (StewardConnectionInfo, steward_connection_info, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
steward_connection_info_finalize (GObject *object)
{
  StewardConnectionInfo *self = STEWARD_CONNECTION_INFO (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (steward_connection_info_parent_class)->finalize (object);
}

static void
steward_connection_info_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardConnectionInfo *self = STEWARD_CONNECTION_INFO (object);

  if (prop_id == PROP_PORT)
    g_value_set_uint (value, self->port);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_connection_info_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardConnectionInfo *self = STEWARD_CONNECTION_INFO (object);

  if (prop_id == PROP_PORT)
    self->port = g_value_get_uint (value);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    self->strings[prop_id - FIRST_STRING] = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
steward_connection_info_class_init (StewardConnectionInfoClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_connection_info_finalize;
  object_class->get_property = steward_connection_info_get_property;
  object_class->set_property = steward_connection_info_set_property;

  properties[PROP_PORT] = g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0, flags);
  properties[PROP_SQL_USER] = g_param_spec_string ("sql-user", NULL, NULL, NULL, flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, flags);
  properties[PROP_DATABASE] = g_param_spec_string ("database", NULL, NULL, NULL, flags);
  properties[PROP_SSL_MODE] = g_param_spec_string ("ssl-mode", NULL, NULL, NULL, flags);
  properties[PROP_CONNECTION_STRING] = g_param_spec_string ("connection-string", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_connection_info_init (StewardConnectionInfo *self)
{
}

static const char *
get_string (StewardConnectionInfo *self,
            guint                  prop_id)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_INFO (self), NULL);

  return self->strings[prop_id - FIRST_STRING];
}

/* The caller's SQL user name, or NULL when their profile has none yet. */
const char *
steward_connection_info_get_sql_user (StewardConnectionInfo *self)
{
  return get_string (self, PROP_SQL_USER);
}

const char *
steward_connection_info_get_host (StewardConnectionInfo *self)
{
  return get_string (self, PROP_HOST);
}

/* 0 when the server does not say. */
guint
steward_connection_info_get_port (StewardConnectionInfo *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_INFO (self), 0);

  return self->port;
}

const char *
steward_connection_info_get_database (StewardConnectionInfo *self)
{
  return get_string (self, PROP_DATABASE);
}

const char *
steward_connection_info_get_ssl_mode (StewardConnectionInfo *self)
{
  return get_string (self, PROP_SSL_MODE);
}

const char *
steward_connection_info_get_connection_string (StewardConnectionInfo *self)
{
  return get_string (self, PROP_CONNECTION_STRING);
}
