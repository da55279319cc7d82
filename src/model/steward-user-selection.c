/* steward-user-selection.c
 *
 * Picked users are kept in the order they were picked (the review lists
 * them that way), with a table by id to answer "is this row selected?"
 * for each row the list binds. "All of the query" keeps the query and
 * the ids left out; the users come from the server only when a plan is
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-selection.h"

/* Route 4 allows up to 1000 per page. */
#define PLAN_PAGE_SIZE 1000

struct _StewardUserSelection
{
  GObject parent_instance;

  /* Picked users: copies, in order, and the same objects by id. */
  GPtrArray  *users;
  GHashTable *by_id;

  /* "All of the query": the query, the server's count, the ids left out. */
  StewardUserQuery *query;
  guint             query_count;
  GHashTable       *excluded;

  guint n_selected;
};

G_DEFINE_FINAL_TYPE (StewardUserSelection, steward_user_selection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_N_SELECTED,
  PROP_ALL_OF_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Making a plan: what was selected when it started. */
typedef struct
{
  StewardClient    *client;
  StewardBulkPlan  *plan;
  GPtrArray        *users;    /* picked users, or NULL */
  StewardUserQuery *query;    /* or the query to page through */
  GHashTable       *excluded; /* ids left out of it */
  guint             added;
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_clear_object (&job->client);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->users, g_ptr_array_unref);
  g_clear_pointer (&job->query, steward_user_query_free);
  g_clear_pointer (&job->excluded, g_hash_table_unref);
  g_free (job);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static StewardUser *
copy_user (StewardUser *user)
{
  StewardUser *copy = steward_user_new (steward_user_get_iamid (user), steward_user_get_userid (user));

  steward_user_update_from (copy, user);
  return copy;
}

static void
update_count (StewardUserSelection *self)
{
  guint n;

  if (self->query != NULL)
    {
      guint excluded = g_hash_table_size (self->excluded);

      n = self->query_count > excluded ? self->query_count - excluded : 0;
    }
  else
    n = self->users->len;

  if (n == self->n_selected)
    return;
  self->n_selected = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
}

static void
forget_query (StewardUserSelection *self)
{
  gboolean was_all = self->query != NULL;

  g_clear_pointer (&self->query, steward_user_query_free);
  g_hash_table_remove_all (self->excluded);
  self->query_count = 0;
  if (was_all)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_OF_QUERY]);
}

/* ------------------------------------------------------------------ */
/* Making a plan                                                       */
/* ------------------------------------------------------------------ */

static void request_page (GTask *task);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *users;
  guint       n;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL || !steward_user_query_check_page (job->query, steward_page_result_get_items (page), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  users = steward_page_result_get_items (page);
  n = g_list_model_get_n_items (users);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      gint64 id = steward_user_get_id (user);

      if (g_hash_table_contains (job->excluded, &id))
        continue;
      steward_bulk_plan_add_user (job->plan, user);
      job->added++;
    }

  job->query->offset += n;
  if (n == 0 || n < job->query->size || job->query->offset >= steward_page_result_get_total (page))
    g_task_return_int (task, job->added);
  else
    request_page (g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  PlanJob *job = g_task_get_task_data (task);

  steward_client_list_users_async (job->client, job->query, g_task_get_cancellable (task), page_cb, task);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
steward_user_selection_finalize (GObject *object)
{
  StewardUserSelection *self = STEWARD_USER_SELECTION (object);

  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->query, steward_user_query_free);
  g_clear_pointer (&self->excluded, g_hash_table_unref);

  G_OBJECT_CLASS (steward_user_selection_parent_class)->finalize (object);
}

static void
steward_user_selection_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardUserSelection *self = STEWARD_USER_SELECTION (object);

  switch (prop_id)
    {
      case PROP_N_SELECTED:
        g_value_set_uint (value, self->n_selected);
        break;

      case PROP_ALL_OF_QUERY:
        g_value_set_boolean (value, self->query != NULL);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_selection_class_init (StewardUserSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_user_selection_finalize;
  object_class->get_property = steward_user_selection_get_property;

  properties[PROP_N_SELECTED] = g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALL_OF_QUERY] = g_param_spec_boolean ("all-of-query", NULL, NULL, FALSE,
                                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_user_selection_init (StewardUserSelection *self)
{
  self->users = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = new_id_table ();
  self->excluded = new_id_table ();
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardUserSelection *
steward_user_selection_new (void)
{
  return g_object_new (STEWARD_TYPE_USER_SELECTION, NULL);
}

void
steward_user_selection_clear (StewardUserSelection *self)
{
  g_return_if_fail (STEWARD_IS_USER_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));
  forget_query (self);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->users, 0);
  update_count (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
steward_user_selection_set_selected (StewardUserSelection *self,
                                     StewardUser          *user,
                                     gboolean              selected)
{
  gint64 id;

  g_return_if_fail (STEWARD_IS_USER_SELECTION (self));
  g_return_if_fail (STEWARD_IS_USER (user));

  /* A placeholder whose page has not arrived is nobody yet. */
  id = steward_user_get_id (user);
  if (steward_user_get_userid (user) == NULL)
    return;

  if (self->query != NULL)
    {
      if (selected)
        g_hash_table_remove (self->excluded, &id);
      else if (!g_hash_table_contains (self->excluded, &id))
        g_hash_table_add (self->excluded, g_memdup2 (&id, sizeof id));
    }
  else if (selected && !g_hash_table_contains (self->by_id, &id))
    {
      StewardUser *copy = copy_user (user);

      g_ptr_array_add (self->users, copy);
      g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), copy);
    }
  else if (!selected && g_hash_table_contains (self->by_id, &id))
    {
      g_ptr_array_remove (self->users, g_hash_table_lookup (self->by_id, &id));
      g_hash_table_remove (self->by_id, &id);
    }
  update_count (self);
}

gboolean
steward_user_selection_contains (StewardUserSelection *self,
                                 StewardUser          *user)
{
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_USER_SELECTION (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_USER (user), FALSE);

  id = steward_user_get_id (user);
  if (self->query != NULL)
    return !g_hash_table_contains (self->excluded, &id);
  return g_hash_table_contains (self->by_id, &id);
}

void
steward_user_selection_select_query (StewardUserSelection   *self,
                                     const StewardUserQuery *query,
                                     guint                   count)
{
  gboolean was_all;

  g_return_if_fail (STEWARD_IS_USER_SELECTION (self));
  g_return_if_fail (query != NULL);

  was_all = self->query != NULL;
  g_object_freeze_notify (G_OBJECT (self));
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->users, 0);
  g_hash_table_remove_all (self->excluded);
  g_clear_pointer (&self->query, steward_user_query_free);
  self->query = steward_user_query_copy (query);
  self->query->offset = 0;
  self->query->size = PLAN_PAGE_SIZE;
  self->query_count = count;
  if (!was_all)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_OF_QUERY]);
  update_count (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
steward_user_selection_get_all_of_query (StewardUserSelection *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_SELECTION (self), FALSE);

  return self->query != NULL;
}

const StewardUserQuery *
steward_user_selection_get_query (StewardUserSelection *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_SELECTION (self), NULL);

  return self->query;
}

void
steward_user_selection_set_query_count (StewardUserSelection *self,
                                        guint                 count)
{
  g_return_if_fail (STEWARD_IS_USER_SELECTION (self));

  if (self->query == NULL)
    return;
  self->query_count = count;
  update_count (self);
}

guint
steward_user_selection_get_n_selected (StewardUserSelection *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_SELECTION (self), 0);

  return self->n_selected;
}

StewardUser *
steward_user_selection_get_single_user (StewardUserSelection *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_SELECTION (self), NULL);

  if (self->query != NULL || self->users->len != 1)
    return NULL;
  return self->users->pdata[0];
}

void
steward_user_selection_add_to_plan_async (StewardUserSelection *self,
                                          StewardClient        *client,
                                          StewardBulkPlan      *plan,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  PlanJob *job;

  g_return_if_fail (STEWARD_IS_USER_SELECTION (self));
  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (STEWARD_IS_BULK_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_user_selection_add_to_plan_async);
  job = g_new0 (PlanJob, 1);
  job->client = g_object_ref (client);
  job->plan = g_object_ref (plan);
  g_task_set_task_data (task, job, (GDestroyNotify) plan_job_free);

  if (self->query == NULL)
    {
      for (guint i = 0; i < self->users->len; i++)
        steward_bulk_plan_add_user (plan, self->users->pdata[i]);
      g_task_return_int (task, self->users->len);
      return;
    }

  job->query = steward_user_query_copy (self->query);
  job->excluded = new_id_table ();
  {
    GHashTableIter iter;
    gpointer       key;

    g_hash_table_iter_init (&iter, self->excluded);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (job->excluded, g_memdup2 (key, sizeof (gint64)));
  }
  request_page (g_steal_pointer (&task));
}

guint
steward_user_selection_add_to_plan_finish (StewardUserSelection *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  gssize added;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  added = g_task_propagate_int (G_TASK (result), error);
  return added > 0 ? (guint) added : 0;
}
