/* steward-user-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-query.h"

#include "steward-api-error.h"
#include "steward-user.h"
#include "steward-query-string.h"

#include <glib/gi18n-lib.h>

G_DEFINE_BOXED_TYPE (StewardUserQuery, steward_user_query, steward_user_query_copy, steward_user_query_free)

/* The names of API.md's sortField values, indexed by StewardUserSortField. */
static const char *const sort_field_names[] = {
  [STEWARD_USER_SORT_DEFAULT] = NULL,
  [STEWARD_USER_SORT_NAME] = "name",
  [STEWARD_USER_SORT_EMAIL] = "email",
  [STEWARD_USER_SORT_IAMID] = "iamid",
  [STEWARD_USER_SORT_CREATED_AT] = "createdAt",
  [STEWARD_USER_SORT_LAST_LOGIN] = "lastLogin",
  [STEWARD_USER_SORT_USERNAME] = "username",
};

/* The first page of every enabled user, in the server's order. */
StewardUserQuery *
steward_user_query_new (void)
{
  return g_new0 (StewardUserQuery, 1);
}

StewardUserQuery *
steward_user_query_copy (const StewardUserQuery *query)
{
  StewardUserQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->search_text = g_strdup (query->search_text);
  copy->name = g_strdup (query->name);
  copy->email = g_strdup (query->email);
  copy->userid = g_strdup (query->userid);
  copy->iamids = g_strdupv (query->iamids);
  copy->permission = g_strdup (query->permission);

  return copy;
}

void
steward_user_query_free (StewardUserQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->search_text);
  g_free (query->name);
  g_free (query->email);
  g_free (query->userid);
  g_strfreev (query->iamids);
  g_free (query->permission);
  g_free (query);
}

char *
steward_user_query_to_string (const StewardUserQuery *query)
{
  GString *text;

  g_return_val_if_fail (query != NULL, NULL);

  text = g_string_new (NULL);

  if (query->size > 0)
    steward_query_string_add_uint (text, "size", query->size);
  steward_query_string_add_uint (text, "offset", query->offset);
  steward_query_string_add (text, "searchText", query->search_text);
  steward_query_string_add (text, "name", query->name);
  steward_query_string_add (text, "email", query->email);
  steward_query_string_add (text, "userid", query->userid);
  for (guint i = 0; query->iamids != NULL && query->iamids[i] != NULL; i++)
    steward_query_string_add (text, "iamid", query->iamids[i]);
  steward_query_string_add (text, "permission", query->permission);

  /* false is the server's default; saying so would only lengthen URLs. */
  if (query->include_disabled || query->disabled_only)
    steward_query_string_add (text, "includeDisabled", "true");
  if (query->disabled_only)
    steward_query_string_add (text, "disabled", "true");

  if (query->sort_field > STEWARD_USER_SORT_DEFAULT && query->sort_field < G_N_ELEMENTS (sort_field_names))
    {
      steward_query_string_add (text, "sortField", sort_field_names[query->sort_field]);
      steward_query_string_add (text, "sortOrder", query->sort_order == STEWARD_SORT_DESCENDING ? "desc" : "asc");
    }

  return g_string_free (text, FALSE);
}

gboolean
steward_user_query_check_page (const StewardUserQuery *query,
                               GListModel             *users,
                               GError                **error)
{
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (users), FALSE);

  if (!query->disabled_only)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      if (!steward_user_get_disabled (user))
        {
          g_set_error_literal (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED,
                               _ ("This server cannot list only disabled accounts. Show all accounts instead; disabled ones are marked."));
          return FALSE;
        }
    }
  return TRUE;
}
