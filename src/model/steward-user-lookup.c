/* steward-user-lookup.c
 *
 * The server's filters are substrings: "ann@example.com" also finds
 * "joann@example.com". The page is read for exact matches only, the
 * userid as the server spells it (case matters there), the e-mail in
 * any case (as the server compares them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-lookup.h"

#include <glib/gi18n-lib.h>

/* More than this many substring matches for one name is not a name. */
#define LOOKUP_PAGE_SIZE 100

G_DEFINE_QUARK (steward - user - lookup - error - quark, steward_user_lookup_error)

typedef enum
{
  BY_USERID,
  BY_EMAIL,
} LookupStep;

typedef struct
{
  StewardClient *client;
  char          *name;
  LookupStep     step;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->client);
  g_free (lookup->name);
  g_free (lookup);
}

static gboolean
names (StewardUser *user,
       const char  *name)
{
  const char      *email = steward_user_get_email (user);
  g_autofree char *folded_email = email != NULL ? g_utf8_casefold (email, -1) : NULL;
  g_autofree char *folded_name = g_utf8_casefold (name, -1);

  return g_strcmp0 (steward_user_get_userid (user), name) == 0 || g_strcmp0 (folded_email, folded_name) == 0;
}

static void send_step (GTask *task);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *users;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  users = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      if (names (user, lookup->name))
        g_ptr_array_add (matches, g_steal_pointer (&user));
    }

  if (matches->len == 1)
    {
      g_task_return_pointer (task, g_object_ref (g_ptr_array_index (matches, 0)), g_object_unref);
      return;
    }
  if (matches->len > 1)
    {
      g_autoptr (GString) which = g_string_new (NULL);

      for (guint i = 0; i < matches->len; i++)
        {
          StewardUser *user = g_ptr_array_index (matches, i);

          g_string_append_printf (which, "%s%s:%s", i > 0 ? ", " : "", steward_user_get_iamid (user), steward_user_get_userid (user));
        }
      g_task_return_new_error (task, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_AMBIGUOUS,
                               /* TRANSLATORS: "ann@example.com names several users: bim:ann@example.com, okta:ann@example.com" */
                               _ ("%s names several users: %s"), lookup->name, which->str);
      return;
    }

  if (lookup->step == BY_USERID)
    {
      lookup->step = BY_EMAIL;
      send_step (g_steal_pointer (&task));
      return;
    }
  g_task_return_new_error (task, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_UNKNOWN,
                           _ ("No user has the e-mail address or userid %s"), lookup->name);
}

static void
send_step (GTask *task)
{
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();

  query->size = LOOKUP_PAGE_SIZE;
  query->include_disabled = TRUE;
  if (lookup->step == BY_USERID)
    query->userid = g_strdup (lookup->name);
  else
    query->email = g_strdup (lookup->name);
  steward_client_list_users_async (lookup->client, query, g_task_get_cancellable (task), page_cb, task);
}

void
steward_user_lookup_async (StewardClient      *client,
                           const char         *email_or_userid,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Lookup *lookup;

  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (email_or_userid != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_user_lookup_async);

  lookup = g_new0 (Lookup, 1);
  lookup->client = g_object_ref (client);
  lookup->name = g_strstrip (g_strdup (email_or_userid));
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);

  if (lookup->name[0] == '\0')
    {
      g_task_return_new_error (task, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_UNKNOWN,
                               _ ("Name a user by their e-mail address or userid"));
      return;
    }
  send_step (g_steal_pointer (&task));
}

StewardUser *
steward_user_lookup_finish (GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_user_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
