/* steward-json-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-json-private.h"
#include "steward-api-error-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Far deeper than any reply of API.md, far shallower than what would exhaust
 * the stack of json-glib's recursive parser. */
#define MAX_NESTING 64

static gboolean fail (GError    **error,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list          args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (error, steward_api_error_new_malformed (detail));
  return FALSE;
}

/* NULL when absent or null; the caller then keeps its empty value. */
static JsonNode *
lookup (JsonObject *object,
        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

JsonObject *
steward_json_expect_object (JsonNode   *node,
                            const char *what,
                            GError    **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, _ ("“%s” is not an object"), what);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
steward_json_expect_array (JsonNode   *node,
                           const char *what,
                           GError    **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, _ ("“%s” is not a list"), what);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
node_to_string (JsonNode   *node,
                const char *member,
                char      **out,
                GError    **error)
{
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, _ ("“%s” is not text"), member);

  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, _ ("“%s” is not valid UTF-8"), member);

  *out = g_strdup (value);
  return TRUE;
}

gboolean
steward_json_read_string (JsonObject *object,
                          const char *member,
                          char      **out,
                          GError    **error)
{
  JsonNode *node = lookup (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  return node_to_string (node, member, out, error);
}

gboolean
steward_json_read_int (JsonObject *object,
                       const char *member,
                       gint64     *out,
                       GError    **error)
{
  JsonNode *node = lookup (object, member);
  GType     type;

  *out = 0;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* "17.0" and "1e3" are still whole numbers. */
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (isfinite (value) && value == floor (value) && value >= (double) G_MININT64 && value < (double) G_MAXINT64)
        {
          *out = (gint64) value;
          return TRUE;
        }
    }

  return fail (error, _ ("“%s” is not a whole number"), member);
}

gboolean
steward_json_read_boolean (JsonObject *object,
                           const char *member,
                           gboolean   *out,
                           GError    **error)
{
  JsonNode *node = lookup (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, _ ("“%s” is not true or false"), member);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
steward_json_read_strv (JsonObject *object,
                        const char *member,
                        GStrv      *out,
                        GError    **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode  *node = lookup (object, member);
  JsonArray *array;
  guint      length;

  *out = NULL;
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, _ ("“%s” is not a list"), member);

      array = json_node_get_array (node);
      length = json_array_get_length (array);
      for (guint i = 0; i < length; i++)
        {
          JsonNode        *element = json_array_get_element (array, i);
          g_autofree char *value = NULL;

          /* A null in a list of names names nothing. */
          if (JSON_NODE_HOLDS_NULL (element))
            continue;

          if (!node_to_string (element, member, &value, error))
            return FALSE;

          g_strv_builder_add (builder, value);
        }
    }

  /* Always a vector, possibly empty, so callers never test for NULL. */
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
steward_json_read_date_time (JsonObject *object,
                             const char *member,
                             GDateTime **out,
                             GError    **error)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *text = NULL;

  *out = NULL;
  if (!steward_json_read_string (object, member, &text, error))
    return FALSE;

  /* A time in a format we do not know reads as unknown rather than failing
   * the whole reply: it is the right type, just not a time we can show. */
  if (text != NULL)
    {
      *out = g_date_time_new_from_iso8601 (text, utc);
      if (*out == NULL)
        g_debug ("Ignoring “%s”: “%s” is not an ISO 8601 time", member, text);
    }

  return TRUE;
}

gboolean
steward_json_read_object (JsonObject  *object,
                          const char  *member,
                          JsonObject **out,
                          GError     **error)
{
  JsonNode *node = lookup (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _ ("“%s” is not an object"), member);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
steward_json_read_array (JsonObject *object,
                         const char *member,
                         JsonArray **out,
                         GError    **error)
{
  JsonNode *node = lookup (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, _ ("“%s” is not a list"), member);

  *out = json_node_get_array (node);
  return TRUE;
}

char *
steward_json_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *seconds = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/* Counts bracket nesting outside strings, so a hostile reply of a million
 * "[" is refused before the recursive parser sees it. */
static gboolean
nesting_is_shallow (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

JsonNode *
steward_json_parse_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;
  const char *data;
  gsize       length = 0;
  JsonNode   *root;

  data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  if (data == NULL || is_blank (data, length))
    return NULL;

  if (!nesting_is_shallow (data, length))
    {
      g_propagate_error (error, steward_api_error_new_malformed (_ ("it is nested too deeply")));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_autofree char *detail = g_strdup_printf (_ ("it is not JSON: %s"), parse_error->message);

      g_propagate_error (error, steward_api_error_new_malformed (detail));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    return NULL;

  return json_node_ref (root);
}
