/* steward-routes-lifecycle.c
 *
 * Routes 10, 11 and 14 of API.md: disable and enable, permanent delete,
 * migration to another identity manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-routes.h"
#include "steward-server-json.h"
#include "steward-validate.h"

void
steward_route_set_disabled (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (GError) error = NULL;
  const char *value = steward_request_param (request, 2);
  gboolean    disable;

  if (g_str_equal (value, "true"))
    disable = TRUE;
  else if (g_str_equal (value, "false"))
    disable = FALSE;
  else
    {
      steward_request_fail_field (request, "disable", "format",
                                  _ ("The last part of the path must be true (disable) or false (enable)"));
      return;
    }

  user = steward_route_find_target (request);
  if (user == NULL)
    return;

  if (disable && steward_route_is_self (request, user))
    {
      steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                            _ ("You cannot disable your own account; ask another administrator"));
      return;
    }

  /* Idempotent: asking for the current state changes and records nothing. */
  if (user->disabled != disable)
    {
      if (!steward_store_set_disabled (request->store, user->id, disable, &error))
        {
          steward_request_fail_error (request, error);
          return;
        }

      if (!steward_request_audit (request, disable ? "userDisabled" : "userEnabled", user, TRUE, NULL))
        return;
    }

  steward_route_reply_user (request, user->id);
}

void
steward_route_delete_user (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *details;
  JsonObject *reply;

  user = steward_route_find_target (request);
  if (user == NULL)
    return;

  if (steward_route_is_self (request, user))
    {
      steward_request_fail (request, SOUP_STATUS_BAD_REQUEST,
                            _ ("You cannot permanently delete your own account"));
      return;
    }

  if (!steward_store_delete_user (request->store, user->id, &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  /* The record outlives the user: who, whom (iamid and userid) and when. */
  details = json_object_new ();
  json_object_set_int_member (details, "id", user->id);
  json_object_set_array_member (details, "permissions", steward_json_strings (user->permissions));
  if (!steward_request_audit (request, "userDeleted", user, TRUE, details))
    return;

  reply = json_object_new ();
  json_object_set_boolean_member (reply, "deleted", TRUE);
  json_object_set_int_member (reply, "id", user->id);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

void
steward_route_migrate_user (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  JsonObject *details;
  const char *target_iamid;
  const char *target_userid;

  body = steward_request_body (request, JSON_NODE_OBJECT);
  if (body == NULL)
    return;
  object = json_node_get_object (body);

  if (!steward_request_member_string (request, object, "iamid", "iamid", &target_iamid) || !steward_request_member_string (request, object, "userid", "userid", &target_userid))
    return;

  if (target_iamid == NULL || *target_iamid == '\0')
    {
      steward_request_fail_field (request, "iamid", "required", _ ("Name the identity manager to migrate to"));
      return;
    }
  if (target_userid == NULL || *target_userid == '\0')
    {
      steward_request_fail_field (request, "userid", "required",
                                  _ ("Give the user name the user will have in the new identity manager"));
      return;
    }
  if (g_utf8_strlen (target_userid, -1) > STEWARD_EMAIL_MAX_CHARS)
    {
      steward_request_fail_field (request, "userid", "range",
                                  _ ("A user name has at most %d characters"), STEWARD_EMAIL_MAX_CHARS);
      return;
    }

  if (strchr (target_userid, '/') != NULL || !g_utf8_validate (target_userid, -1, NULL))
    {
      steward_request_fail_field (request, "userid", "format",
                                  _ ("A user name cannot contain “/”: it would not survive in a URL path"));
      return;
    }

  user = steward_route_find_target (request);
  if (user == NULL)
    return;

  if (g_str_equal (target_iamid, user->iamid))
    {
      steward_request_fail_field (request, "iamid", "format",
                                  _ ("The user already belongs to “%s”; choose another identity manager"),
                                  target_iamid);
      return;
    }

  if (!steward_store_has_iam (request->store, target_iamid, &error))
    {
      if (error != NULL)
        steward_request_fail_error (request, error);
      else
        steward_request_fail (request, SOUP_STATUS_NOT_FOUND,
                              _ ("There is no identity manager “%s” on this server"), target_iamid);
      return;
    }

  if (g_str_equal (target_iamid, "bim") && !steward_email_is_valid (target_userid))
    {
      steward_request_fail_field (request, "userid", "format",
                                  _ ("Users of bim are named by their e-mail address, and “%s” is not one"),
                                  target_userid);
      return;
    }

  if (!steward_store_migrate_user (request->store, user->id, target_iamid, target_userid, &error))
    {
      steward_request_fail_error (request, error);
      return;
    }

  details = json_object_new ();
  json_object_set_object_member (details, "from", steward_json_principal (user->iamid, user->userid));
  json_object_set_object_member (details, "to", steward_json_principal (target_iamid, target_userid));
  if (!steward_request_audit (request, "userMigrated", user, TRUE, details))
    return;

  steward_route_reply_user (request, user->id);
}
