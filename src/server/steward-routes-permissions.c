/* steward-routes-permissions.c
 *
 * Routes 8, 9, 12 and 13 of API.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-permissions.h"
#include "steward-routes.h"
#include "steward-server-json.h"

static gboolean
holds (GPtrArray  *names,
       const char *name)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *held = g_ptr_array_index (names, i);

      if (held != NULL && g_str_equal (held, name))
        return TRUE;
    }

  return FALSE;
}

/* Names in A that are not in B. */
static JsonArray *
difference (GPtrArray *a,
            GPtrArray *b)
{
  JsonArray *result = json_array_new ();

  for (guint i = 0; i < a->len; i++)
    {
      const char *name = g_ptr_array_index (a, i);

      if (name != NULL && !holds (b, name))
        json_array_add_string_element (result, name);
    }

  return result;
}

/* Stores NEW_SET (sorted, NULL-terminated) as the user's permissions,
 * audits the change with before/after/added/removed, and replies with
 * the user. An unchanged set is answered without a write. */
static void
apply_permissions (StewardRequest   *request,
                   StewardStoreUser *user,
                   GPtrArray        *new_set)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) added = difference (new_set, user->permissions);
  g_autoptr (JsonArray) removed = difference (user->permissions, new_set);
  JsonObject *details;

  if (json_array_get_length (added) == 0 && json_array_get_length (removed) == 0)
    {
      steward_route_send_user (request, user);
      return;
    }

  if (!steward_store_set_permissions (request->store, user->id,
                                      (const char *const *) new_set->pdata, &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  details = json_object_new ();
  json_object_set_array_member (details, "before", steward_json_strings (user->permissions));
  json_object_set_array_member (details, "after", steward_json_strings (new_set));
  json_object_set_array_member (details, "added", g_steal_pointer (&added));
  json_object_set_array_member (details, "removed", g_steal_pointer (&removed));
  if (!steward_request_audit (request, "permissionsUpdated", user, TRUE, details))
    return;

  steward_route_reply_user (request, user->id);
}

/* Route 8: the body is the whole new set. */
void
steward_route_set_permissions (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GPtrArray) new_set = g_ptr_array_new_with_free_func (g_free);

  body = steward_request_body (request, JSON_NODE_ARRAY);
  if (body == NULL)
    return;

  if (!steward_route_read_permissions (request, body, "permissions", new_set))
    return;

  user = steward_route_find_target (request);
  if (user == NULL)
    return;

  apply_permissions (request, user, new_set);
}

static gboolean
read_permission_param (StewardRequest *request,
                       const char    **out_name)
{
  const char *name = steward_request_param (request, 2);

  if (!steward_permission_name_is_valid (name))
    return steward_request_fail_field (request, "permission", "format",
                                       _ ("“%s” is not a permission name (upper-case letters, digits and underscores, at most 64)"),
                                       name);

  *out_name = name;
  return TRUE;
}

/* Routes 9 and 13: one permission in or out, both idempotent. */
static void
change_one_permission (StewardRequest *request,
                       gboolean        grant)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (GPtrArray) new_set = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;

  if (!read_permission_param (request, &name))
    return;

  user = steward_route_find_target (request);
  if (user == NULL)
    return;

  for (guint i = 0; i < user->permissions->len; i++)
    {
      const char *held = g_ptr_array_index (user->permissions, i);

      if (grant || !g_str_equal (held, name))
        g_ptr_array_add (new_set, g_strdup (held));
    }
  if (grant && !holds (user->permissions, name))
    {
      g_ptr_array_add (new_set, g_strdup (name));
      g_ptr_array_sort (new_set, steward_compare_strings);
    }
  g_ptr_array_add (new_set, NULL);

  apply_permissions (request, user, new_set);
}

void
steward_route_add_permission (StewardRequest *request)
{
  change_one_permission (request, TRUE);
}

void
steward_route_remove_permission (StewardRequest *request)
{
  change_one_permission (request, FALSE);
}

/* Route 12: the built-in catalogue, then any custom name in use. */
void
steward_route_list_permissions (StewardRequest *request)
{
  g_autoptr (GPtrArray) in_use = NULL;
  g_autoptr (GError) error = NULL;
  const StewardBuiltinPermission *builtin;
  JsonArray                      *reply = json_array_new ();
  guint                           n_builtin;

  builtin = steward_builtin_permissions (&n_builtin);
  for (guint i = 0; i < n_builtin; i++)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "name", builtin[i].name);
      json_object_set_string_member (entry, "description", builtin[i].description);
      json_object_set_boolean_member (entry, "builtin", TRUE);
      json_array_add_object_element (reply, entry);
    }

  in_use = steward_store_custom_permissions (request->store, &error);
  if (in_use == NULL)
    {
      json_array_unref (reply);
      steward_request_fail_error (request, error);
      return;
    }

  for (guint i = 0; i < in_use->len; i++)
    {
      const char *name = g_ptr_array_index (in_use, i);
      JsonObject *entry;

      if (steward_builtin_permission_description (name) != NULL)
        continue;

      entry = json_object_new ();
      json_object_set_string_member (entry, "name", name);
      json_object_set_null_member (entry, "description");
      json_object_set_boolean_member (entry, "builtin", FALSE);
      json_array_add_object_element (reply, entry);
    }

  steward_request_reply (request, SOUP_STATUS_OK, json_node_init_array (json_node_alloc (), reply));
  json_array_unref (reply);
}
