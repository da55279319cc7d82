/* steward-cli-user-ref.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-user-ref.h"
#include "steward-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  StewardCliUserRef *ref;
  GStrv              other_iams; /* to try after "bim", for an id */
  guint              next_iam;
} Resolve;

static void user_fetched_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

StewardCliUserRef *
steward_cli_user_ref_parse (const char *text,
                            GError    **error)
{
  g_autoptr (StewardCliUserRef) ref = g_new0 (StewardCliUserRef, 1);
  const char *colon;
  guint64     id;

  g_return_val_if_fail (text != NULL, NULL);

  colon = strchr (text, ':');
  if (colon != NULL)
    {
      g_autofree char *iamid = g_strndup (text, colon - text);

      /* An e-mail address may, rarely, hold a colon; it is IAMID:USERID
       * only when what precedes the colon could name an IAM. */
      if (steward_iam_id_is_valid (iamid))
        {
          if (colon[1] == '\0')
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _ ("“%s” names no user after the colon; write IAMID:USERID"), text);
              return NULL;
            }

          ref->iamid = g_steal_pointer (&iamid);
          ref->userid = g_strdup (colon + 1);
          return g_steal_pointer (&ref);
        }
    }

  if (*text == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _ ("A user is given as a userid in “bim”, as IAMID:USERID, or as a numeric id"));
      return NULL;
    }

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      ref->id = (gint64) id;
      ref->userid = g_strdup (text);
      return g_steal_pointer (&ref);
    }

  ref->iamid = g_strdup (STEWARD_CLI_BUILTIN_IAM);
  ref->userid = g_strdup (text);
  return g_steal_pointer (&ref);
}

StewardCliUserRef *
steward_cli_user_ref_copy (const StewardCliUserRef *ref)
{
  StewardCliUserRef *copy;

  g_return_val_if_fail (ref != NULL, NULL);

  copy = g_new0 (StewardCliUserRef, 1);
  copy->iamid = g_strdup (ref->iamid);
  copy->userid = g_strdup (ref->userid);
  copy->id = ref->id;

  return copy;
}

void
steward_cli_user_ref_free (StewardCliUserRef *ref)
{
  if (ref == NULL)
    return;

  g_free (ref->iamid);
  g_free (ref->userid);
  g_free (ref);
}

static void
resolve_free (Resolve *resolve)
{
  steward_cli_user_ref_free (resolve->ref);
  g_strfreev (resolve->other_iams);
  g_free (resolve);
}

static void
fetch (GTask      *task,
       const char *iamid)
{
  StewardClient *client = g_task_get_source_object (task);
  Resolve       *resolve = g_task_get_task_data (task);

  steward_client_get_user_async (client, iamid, resolve->ref->userid,
                                 g_task_get_cancellable (task),
                                 user_fetched_cb, task);
}

static void
fail_not_found (GTask *task)
{
  Resolve *resolve = g_task_get_task_data (task);

  g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND,
                           _ ("No identity manager has a user with the id %s"),
                           resolve->ref->userid);
}

static void
try_next_iam (GTask *task)
{
  Resolve *resolve = g_task_get_task_data (task);

  if (resolve->other_iams == NULL || resolve->other_iams[resolve->next_iam] == NULL)
    {
      fail_not_found (task);
      g_object_unref (task);
      return;
    }

  fetch (task, resolve->other_iams[resolve->next_iam++]);
}

static void
iams_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  g_autoptr (GListModel) iams = NULL;
  g_autoptr (GStrvBuilder) others = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;
  guint n_iams;

  iams = steward_client_list_iams_finish (STEWARD_CLIENT (source), result, &error);
  if (iams == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_iams = g_list_model_get_n_items (iams);
  for (guint i = 0; i < n_iams; i++)
    {
      g_autoptr (StewardIam) iam = g_list_model_get_item (iams, i);
      const char *id = steward_iam_get_id (iam);

      if (id != NULL && !g_str_equal (id, STEWARD_CLI_BUILTIN_IAM))
        g_strv_builder_add (others, id);
    }

  resolve->other_iams = g_strv_builder_end (others);
  try_next_iam (g_steal_pointer (&task));
}

static void
user_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  user = steward_client_get_user_finish (STEWARD_CLIENT (source), result, &error);

  if (user == NULL && !g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A userid or IAMID:USERID names exactly one user. */
  if (resolve->ref->id == 0)
    {
      if (user == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
      return;
    }

  if (user != NULL && steward_user_get_id (user) == resolve->ref->id)
    {
      g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
      return;
    }

  /* Not in "bim": now ask which other IAMs there are, once. */
  if (resolve->other_iams == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      steward_client_list_iams_async (STEWARD_CLIENT (source), cancellable,
                                      iams_listed_cb, g_steal_pointer (&task));
      return;
    }

  try_next_iam (g_steal_pointer (&task));
}

void
steward_cli_resolve_user_async (StewardClient           *client,
                                const StewardCliUserRef *ref,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  Resolve *resolve;

  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (ref != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_cli_resolve_user_async);

  resolve = g_new0 (Resolve, 1);
  resolve->ref = steward_cli_user_ref_copy (ref);
  g_task_set_task_data (task, resolve, (GDestroyNotify) resolve_free);

  fetch (g_steal_pointer (&task), ref->iamid != NULL ? ref->iamid : STEWARD_CLI_BUILTIN_IAM);
}

StewardUser *
steward_cli_resolve_user_finish (StewardClient *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_cli_resolve_user_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
