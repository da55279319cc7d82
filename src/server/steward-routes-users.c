/* steward-routes-users.c
 *
 * Routes 4 to 7 of API.md: listing, creating, reading and editing users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-json-writer.h"
#include "steward-permissions.h"
#include "steward-routes.h"
#include "steward-server-json.h"
#include "steward-validate.h"

#define PAGE_SIZE_DEFAULT 25
#define PAGE_SIZE_MAX 1000
#define OFFSET_MAX 10000000
#define FILTER_MAX_CHARS 200
#define PASSWORD_MIN_CHARS 8
#define PASSWORD_MAX_CHARS 1024

static const char *const default_permissions[] = {
  "CREATE_DATA_SOURCE_IN_PROJECT",
  "CREATE_PROJECT",
  NULL
};

/* ------------------------------------------------------------- shared */

gboolean
steward_route_is_self (StewardRequest         *request,
                       const StewardStoreUser *user)
{
  return request->caller != NULL && user != NULL && request->caller->id == user->id;
}

/* The user named by the path's {iamid} and {userid} parameters, or NULL
 * after replying 404. */
StewardStoreUser *
steward_route_find_target (StewardRequest *request)
{
  g_autoptr (GError) error = NULL;
  const char       *iamid = steward_request_param (request, 0);
  StewardStoreUser *user;

  if (!steward_store_has_iam (request->store, iamid, &error))
    {
      if (error != NULL)
        steward_request_fail_error (request, error);
      else
        steward_request_fail (request, SOUP_STATUS_NOT_FOUND,
                              _ ("There is no identity manager “%s”"), iamid);
      return NULL;
    }

  user = steward_store_find_user (request->store, iamid, steward_request_param (request, 1), &error);
  if (user == NULL)
    steward_request_fail_error (request, error);

  return user;
}

void
steward_route_reply_user (StewardRequest *request,
                          gint64          user_id)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_store_get_user (request->store, user_id, &error);
  if (user == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  steward_route_send_user (request, user);
}

void
steward_route_send_user (StewardRequest         *request,
                         const StewardStoreUser *user)
{
  GString *text = g_string_sized_new (512);

  steward_json_write_user (text, user);
  steward_request_reply_text (request, SOUP_STATUS_OK, text);
}

/* --------------------------------------------------------------- list */

static gboolean
parse_sort_field (StewardRequest   *request,
                  StewardSortField *out_field)
{
  static const struct
  {
    const char      *name;
    StewardSortField field;
  } fields[] = {
    { "name", STEWARD_SORT_NAME },
    { "email", STEWARD_SORT_EMAIL },
    { "iamid", STEWARD_SORT_IAMID },
    { "createdAt", STEWARD_SORT_CREATED_AT },
    { "lastLogin", STEWARD_SORT_LAST_LOGIN },
    { "username", STEWARD_SORT_USERNAME },
  };
  const char *text = steward_request_query (request, "sortField");

  if (text == NULL || *text == '\0')
    {
      *out_field = STEWARD_SORT_NAME;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].name, text))
        {
          *out_field = fields[i].field;
          return TRUE;
        }
    }

  return steward_request_fail_field (request, "sortField", "unknown",
                                     _ ("Cannot sort by “%s”: use name, email, iamid, createdAt, lastLogin or username"),
                                     text);
}

static gboolean
parse_sort_order (StewardRequest *request,
                  gboolean       *out_descending)
{
  const char *text = steward_request_query (request, "sortOrder");

  if (text == NULL || *text == '\0' || g_str_equal (text, "asc"))
    *out_descending = FALSE;
  else if (g_str_equal (text, "desc"))
    *out_descending = TRUE;
  else
    return steward_request_fail_field (request, "sortOrder", "unknown",
                                       _ ("The sort order must be asc or desc, not “%s”"), text);

  return TRUE;
}

/* Extension "disabled": true lists disabled users only, false active users
 * only (whatever includeDisabled says); absent leaves includeDisabled in
 * charge. Real Immuta ignores it, and clients check the hits. */
static gboolean
read_status_filter (StewardRequest    *request,
                    StewardUserFilter *filter)
{
  gboolean disabled = FALSE;

  if (steward_request_query (request, "disabled") == NULL)
    return TRUE;
  if (!steward_request_query_bool (request, "disabled", FALSE, &disabled))
    return FALSE;

  filter->disabled_only = disabled;
  filter->include_disabled = disabled;
  return TRUE;
}

static gboolean
read_text_filter (StewardRequest *request,
                  const char     *key,
                  const char    **out_text)
{
  const char *text = steward_request_query (request, key);

  if (text != NULL && g_utf8_strlen (text, -1) > FILTER_MAX_CHARS)
    return steward_request_fail_field (request, key, "range",
                                       _ ("“%s” is longer than %d characters"), key, FILTER_MAX_CHARS);

  *out_text = (text != NULL && *text != '\0') ? text : NULL;
  return TRUE;
}

static void
listed_users_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StewardRequest *request = user_data;
  g_autoptr (GError) error = NULL;
  GString *text = steward_reader_list_users_finish (result, &error);

  if (text != NULL)
    steward_request_reply_text (request, SOUP_STATUS_OK, text);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    steward_request_fail_error (request, error);
  /* Cancelled: the client has gone, there is nobody to tell. */
  steward_request_finish_deferred (request);
}

void
steward_route_list_users (StewardRequest *request)
{
  g_autoptr (GPtrArray) iamids = steward_request_query_all (request, "iamid");
  StewardUserFilter filter = { 0 };

  if (!steward_request_query_uint (request, "size", PAGE_SIZE_DEFAULT, 1, PAGE_SIZE_MAX, &filter.size) || !steward_request_query_uint (request, "offset", 0, 0, OFFSET_MAX, &filter.offset) || !steward_request_query_bool (request, "includeDisabled", FALSE, &filter.include_disabled) || !read_status_filter (request, &filter) || !parse_sort_field (request, &filter.sort_field) || !parse_sort_order (request, &filter.descending) || !read_text_filter (request, "name", &filter.name) || !read_text_filter (request, "email", &filter.email) || !read_text_filter (request, "userid", &filter.userid) || !read_text_filter (request, "searchText", &filter.search_text) || !read_text_filter (request, "permission", &filter.permission))
    return;

  if (filter.permission != NULL && !steward_permission_name_is_valid (filter.permission))
    {
      steward_request_fail_field (request, "permission", "format",
                                  _ ("“%s” is not a permission name (upper-case letters, digits and underscores)"),
                                  filter.permission);
      return;
    }

  for (guint i = 0; i < iamids->len; i++)
    {
      if (!steward_iam_id_is_valid (g_ptr_array_index (iamids, i)))
        {
          steward_request_fail_field (request, "iamid", "format",
                                      _ ("“%s” is not an identity manager id"),
                                      (const char *) g_ptr_array_index (iamids, i));
          return;
        }
    }
  filter.iamids = iamids;

  /* Read and written out on the reader's thread; FILTER is copied. */
  steward_request_defer (request);
  steward_reader_list_users_async (request->reader, &filter, request->hung_up, listed_users_cb, request);
}

/* ------------------------------------------------------------- create */

int
steward_compare_strings (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

gboolean
steward_route_read_permissions (StewardRequest *request,
                                JsonNode       *node,
                                const char     *field,
                                GPtrArray      *out_names)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return steward_request_fail_field (request, field, "format",
                                       _ ("The permissions must be a list of names"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *element = json_array_get_element (array, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return steward_request_fail_field (request, field, "format",
                                           _ ("Every permission must be a name in quotes"));

      name = json_node_get_string (element);
      if (!steward_permission_name_is_valid (name))
        return steward_request_fail_field (request, field, "format",
                                           _ ("“%s” is not a permission name (upper-case letters, digits and underscores, at most 64)"),
                                           name);

      if (!g_ptr_array_find_with_equal_func (out_names, name, g_str_equal, NULL))
        g_ptr_array_add (out_names, g_strdup (name));
    }

  g_ptr_array_sort (out_names, steward_compare_strings);
  g_ptr_array_add (out_names, NULL);
  return TRUE;
}

/* Optional free-text profile fields: any UTF-8 up to a sane length. */
static gboolean
read_profile_text (StewardRequest *request,
                   JsonObject     *profile,
                   const char     *member,
                   const char     *field,
                   const char    **out_value)
{
  if (!steward_request_member_string (request, profile, member, field, out_value))
    return FALSE;

  if (*out_value != NULL && g_utf8_strlen (*out_value, -1) > STEWARD_FIELD_MAX_CHARS)
    return steward_request_fail_field (request, field, "range",
                                       _ ("“%s” is longer than %d characters"), field,
                                       STEWARD_FIELD_MAX_CHARS);

  return TRUE;
}

static gboolean
check_name (StewardRequest *request,
            const char     *name,
            const char     *field)
{
  if (name == NULL || *name == '\0')
    return steward_request_fail_field (request, field, "required", _ ("A full name is required"));

  if (!steward_full_name_is_valid (name))
    return steward_request_fail_field (request, field, "range",
                                       _ ("A full name has 1 to %d characters and is not only spaces"),
                                       STEWARD_NAME_MAX_CHARS);

  return TRUE;
}

static gboolean
check_email (StewardRequest *request,
             const char     *email,
             const char     *field)
{
  if (email == NULL || *email == '\0')
    return steward_request_fail_field (request, field, "required", _ ("An e-mail address is required"));

  if (!steward_email_is_valid (email))
    return steward_request_fail_field (request, field, "format",
                                       _ ("“%s” is not a valid e-mail address"), email);

  return TRUE;
}

static gboolean
check_sql_user (StewardRequest *request,
                const char     *sql_user,
                const char     *field)
{
  if (sql_user == NULL || *sql_user == '\0' || steward_sql_user_is_valid (sql_user))
    return TRUE;

  return steward_request_fail_field (request, field, "format",
                                     _ ("An SQL user name starts with a letter or underscore and has at most 63 letters, digits, underscores or dollar signs"));
}

void
steward_route_create_user (StewardRequest *request)
{
  g_autoptr (JsonNode) body = steward_request_body (request, JSON_NODE_OBJECT);
  g_autoptr (GPtrArray) permissions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (GError) error = NULL;
  StewardStoreNewUser new_user = { .iamid = "bim" };
  JsonObject         *object;
  JsonNode           *profile_node;
  JsonObject         *profile;
  JsonObject         *details;
  JsonObject         *reply;
  const char         *userid;
  gint64              user_id;

  if (body == NULL)
    return;
  object = json_node_get_object (body);

  profile_node = json_object_get_member (object, "profile");
  if (profile_node == NULL || JSON_NODE_HOLDS_NULL (profile_node))
    {
      steward_request_fail_field (request, "profile", "required",
                                  _ ("A profile with the full name and e-mail address is required"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (profile_node))
    {
      steward_request_fail_field (request, "profile", "format", _ ("“profile” must be an object"));
      return;
    }
  profile = json_node_get_object (profile_node);

  if (!steward_request_member_string (request, profile, "name", "profile.name", &new_user.name) || !steward_request_member_string (request, profile, "email", "profile.email", &new_user.email) || !read_profile_text (request, profile, "sqlUser", "profile.sqlUser", &new_user.sql_user) || !steward_request_member_string (request, object, "userid", "userid", &userid) || !steward_request_member_string (request, object, "password", "password", &new_user.password) || !check_name (request, new_user.name, "profile.name") || !check_email (request, new_user.email, "profile.email") || !check_sql_user (request, new_user.sql_user, "profile.sqlUser"))
    return;

  /* In bim the e-mail address is the user name. */
  if (userid != NULL && g_utf8_collate (userid, new_user.email) != 0 && g_ascii_strcasecmp (userid, new_user.email) != 0)
    {
      steward_request_fail_field (request, "userid", "format",
                                  _ ("The user name of a bim user is their e-mail address; leave “userid” out or make it equal"));
      return;
    }
  new_user.userid = new_user.email;

  if (new_user.password != NULL)
    {
      glong n_chars = g_utf8_strlen (new_user.password, -1);

      if (n_chars < PASSWORD_MIN_CHARS || n_chars > PASSWORD_MAX_CHARS)
        {
          steward_request_fail_field (request, "password", "range",
                                      _ ("A password has %d to %d characters"),
                                      PASSWORD_MIN_CHARS, PASSWORD_MAX_CHARS);
          return;
        }
    }

  if (json_object_has_member (object, "permissions") && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "permissions")))
    {
      if (!steward_route_read_permissions (request, json_object_get_member (object, "permissions"),
                                           "permissions", permissions))
        return;
      new_user.permissions = (const char *const *) permissions->pdata;
    }
  else
    new_user.permissions = default_permissions;

  user_id = steward_store_insert_user (request->store, &new_user, &error);
  if (user_id == 0 || (user = steward_store_get_user (request->store, user_id, &error)) == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  details = json_object_new ();
  json_object_set_array_member (details, "permissions", steward_json_strings (user->permissions));
  if (!steward_request_audit (request, "userCreated", user, TRUE, details))
    return;

  /* No mail is sent: the administrator hands the account over. */
  reply = json_object_new ();
  json_object_set_member (reply, "newUser", steward_json_user (user));
  json_object_set_null_member (reply, "newUserLink");
  json_object_set_boolean_member (reply, "emailSent", FALSE);
  json_object_set_boolean_member (reply, "emailFailed", FALSE);
  steward_request_reply (request, SOUP_STATUS_OK, steward_json_node_take_object (reply));
}

/* ------------------------------------------------------------ get, edit */

/* USER_ADMIN may look at anyone, everybody else only at themselves. A
 * refusal does not reveal whether the user exists. */
static StewardStoreUser *
find_target_for_admin_or_self (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;

  if (steward_request_caller_has (request, "USER_ADMIN"))
    return steward_route_find_target (request);

  user = steward_store_find_user (request->store, steward_request_param (request, 0),
                                  steward_request_param (request, 1), NULL);
  if (!steward_route_is_self (request, user))
    {
      steward_request_fail (request, SOUP_STATUS_FORBIDDEN,
                            _ ("Only yourself or someone with the USER_ADMIN permission can see or change this user"));
      return NULL;
    }

  return g_steal_pointer (&user);
}

void
steward_route_get_user (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = find_target_for_admin_or_self (request);

  if (user != NULL)
    steward_route_send_user (request, user);
}

static void
note_change (JsonObject *before,
             JsonObject *after,
             const char *member,
             const char *old_value,
             const char *new_value)
{
  if (new_value == NULL || g_strcmp0 (old_value, *new_value != '\0' ? new_value : NULL) == 0)
    return;

  if (old_value != NULL)
    json_object_set_string_member (before, member, old_value);
  else
    json_object_set_null_member (before, member);

  if (*new_value != '\0')
    json_object_set_string_member (after, member, new_value);
  else
    json_object_set_null_member (after, member);
}

/* JSON null clears an optional field; the store takes "" for that. */
static gboolean
read_clearable (StewardRequest *request,
                JsonObject     *object,
                const char     *member,
                const char    **out_value)
{
  g_autofree char *field = g_strconcat ("profile.", member, NULL);
  JsonNode        *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *out_value = "";
      return TRUE;
    }

  return read_profile_text (request, object, member, field, out_value);
}

void
steward_route_update_profile (StewardRequest *request)
{
  g_autoptr (StewardStoreUser) user = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (StewardStoreUser) updated = NULL;
  g_autoptr (GError) error = NULL;
  StewardStoreProfileChange change = { 0 };
  JsonObject               *object;
  JsonObject               *before;
  JsonObject               *after;
  JsonObject               *details;

  user = find_target_for_admin_or_self (request);
  if (user == NULL)
    return;

  body = steward_request_body (request, JSON_NODE_OBJECT);
  if (body == NULL)
    return;
  object = json_node_get_object (body);

  if (!steward_request_member_string (request, object, "name", "profile.name", &change.name) || !steward_request_member_string (request, object, "email", "profile.email", &change.email) || !read_clearable (request, object, "sqlUser", &change.sql_user) || !read_clearable (request, object, "phone", &change.phone) || !read_clearable (request, object, "position", &change.position) || !read_clearable (request, object, "organization", &change.organization))
    return;

  if ((change.name != NULL && !check_name (request, change.name, "profile.name")) || (change.email != NULL && !check_email (request, change.email, "profile.email")) || !check_sql_user (request, change.sql_user, "profile.sqlUser"))
    return;

  if (!steward_store_update_profile (request->store, user->id, &change, &error) || (updated = steward_store_get_user (request->store, user->id, &error)) == NULL)
    {
      steward_request_fail_error (request, error);
      return;
    }

  before = json_object_new ();
  after = json_object_new ();
  note_change (before, after, "name", user->name, change.name);
  note_change (before, after, "email", user->email, change.email);
  note_change (before, after, "sqlUser", user->sql_user, change.sql_user);
  note_change (before, after, "phone", user->phone, change.phone);
  note_change (before, after, "position", user->position, change.position);
  note_change (before, after, "organization", user->organization, change.organization);

  details = json_object_new ();
  json_object_set_object_member (details, "before", before);
  json_object_set_object_member (details, "after", after);
  if (!steward_request_audit (request, "userUpdated", updated, TRUE, details))
    return;

  steward_request_reply (request, SOUP_STATUS_OK, steward_json_profile (updated));
}
