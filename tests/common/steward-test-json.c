/* steward-test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-test-json.h"

static void
fail_member (JsonObject *object,
             const char *member,
             const char *expected)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  message = g_strdup_printf ("member \"%s\" should be %s in %s", member, expected, text);
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

static void
fail_node (JsonNode   *node,
           const char *expected)
{
  g_autofree char *text = node != NULL ? json_to_string (node, FALSE) : g_strdup ("(nothing)");
  g_autofree char *message = g_strdup_printf ("expected %s, got %s", expected, text);

  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

JsonNode *
steward_test_json_parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_parser_steal_root (parser);
}

char *
steward_test_json_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

JsonObject *
steward_test_json_object (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    fail_node (node, "an object");

  return json_node_get_object (node);
}

JsonArray *
steward_test_json_array (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    fail_node (node, "an array");

  return json_node_get_array (node);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member,
            const char *expected)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    fail_member (object, member, expected);

  return node;
}

const char *
steward_test_json_get_string (JsonObject *object,
                              const char *member)
{
  JsonNode *node = get_member (object, member, "a string");

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    fail_member (object, member, "a string");

  return json_node_get_string (node);
}

const char *
steward_test_json_get_nullable_string (JsonObject *object,
                                       const char *member)
{
  JsonNode *node = get_member (object, member, "a string or null");

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    fail_member (object, member, "a string or null");

  return json_node_get_string (node);
}

gint64
steward_test_json_get_int (JsonObject *object,
                           const char *member)
{
  JsonNode *node = get_member (object, member, "an integer");

  if (json_node_get_value_type (node) != G_TYPE_INT64)
    fail_member (object, member, "an integer");

  return json_node_get_int (node);
}

gboolean
steward_test_json_get_bool (JsonObject *object,
                            const char *member)
{
  JsonNode *node = get_member (object, member, "a boolean");

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    fail_member (object, member, "a boolean");

  return json_node_get_boolean (node);
}

JsonObject *
steward_test_json_get_object (JsonObject *object,
                              const char *member)
{
  JsonNode *node = get_member (object, member, "an object");

  if (!JSON_NODE_HOLDS_OBJECT (node))
    fail_member (object, member, "an object");

  return json_node_get_object (node);
}

JsonArray *
steward_test_json_get_array (JsonObject *object,
                             const char *member)
{
  JsonNode *node = get_member (object, member, "an array");

  if (!JSON_NODE_HOLDS_ARRAY (node))
    fail_member (object, member, "an array");

  return json_node_get_array (node);
}

char **
steward_test_json_array_strv (JsonArray *array)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        fail_node (element, "a string in the array");
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

char *
steward_test_printable (const char *text,
                        gsize       max_bytes)
{
  g_autofree char *head = NULL;

  if (text == NULL)
    return g_strdup ("(null)");

  head = g_strndup (text, max_bytes);
  return g_strescape (head, NULL);
}

static void
collect_strings (JsonNode  *node,
                 GPtrArray *strings)
{
  switch (JSON_NODE_TYPE (node))
    {
      case JSON_NODE_OBJECT:
        {
          JsonObjectIter iter;
          const char    *name;
          JsonNode      *member;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &name, &member))
            {
              g_ptr_array_add (strings, g_strdup (name));
              collect_strings (member, strings);
            }
        }
        break;

      case JSON_NODE_ARRAY:
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            collect_strings (json_array_get_element (array, i), strings);
        }
        break;

      case JSON_NODE_VALUE:
        if (json_node_get_value_type (node) == G_TYPE_STRING)
          g_ptr_array_add (strings, g_strdup (json_node_get_string (node)));
        break;

      case JSON_NODE_NULL:
      default:
        break;
    }
}

GPtrArray *
steward_test_json_collect_strings (JsonNode *node)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  collect_strings (node, strings);
  return strings;
}
