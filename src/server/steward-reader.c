/* steward-reader.c
 *
 * A page of 25 users costs the server about twice what a request with a
 * tiny reply does: the rows and the JSON are the other half. On one thread
 * the server filled one core while the client load used a fifth of the
 * other; here the rows and the JSON run on a second thread, while the main
 * loop parses, authenticates and sends. One thread and one connection of
 * its own, so that connection and the listings it remembers are only ever
 * touched by that thread; it sees the main connection's commits from its
 * next transaction on (steward_store_begin drops what it remembered).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-json-writer.h"
#include "steward-reader.h"

struct _StewardReader
{
  StewardStore *store; /* used on the pool's thread only, once opened */
  GThreadPool  *pool;
};

/* A filter that owns its strings: the request's query it pointed into is
 * freed by the main thread meanwhile. */
typedef struct
{
  StewardUserFilter filter;
  char             *strings[5];
} ListJob;

static void
list_job_free (ListJob *job)
{
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_clear_pointer (&job->filter.iamids, g_ptr_array_unref);
  g_free (job);
}

static const char *
keep (ListJob    *job,
      guint       slot,
      const char *text)
{
  job->strings[slot] = g_strdup (text);
  return job->strings[slot];
}

static ListJob *
list_job_new (const StewardUserFilter *filter)
{
  ListJob *job = g_new0 (ListJob, 1);

  job->filter = *filter;
  job->filter.name = keep (job, 0, filter->name);
  job->filter.email = keep (job, 1, filter->email);
  job->filter.userid = keep (job, 2, filter->userid);
  job->filter.search_text = keep (job, 3, filter->search_text);
  job->filter.permission = keep (job, 4, filter->permission);
  job->filter.iamids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; filter->iamids != NULL && i < filter->iamids->len; i++)
    g_ptr_array_add (job->filter.iamids, g_strdup (g_ptr_array_index (filter->iamids, i)));

  return job;
}

static GString *
write_page (StewardStore            *store,
            const StewardUserFilter *filter,
            GError                 **error)
{
  g_autoptr (GPtrArray) users = NULL;
  GString *text;
  gint64   count = 0;

  if (!steward_store_begin (store, FALSE, error))
    return NULL;
  if (!steward_store_list_users (store, filter, &users, &count, error))
    {
      steward_store_rollback (store);
      return NULL;
    }
  /* Read only: ending it is all that is left to do. */
  steward_store_rollback (store);

  /* About 560 bytes a user: one allocation for a whole page. */
  text = g_string_sized_new (64 + users->len * 640);
  steward_json_write_user_list (text, users, count);
  return text;
}

static void
free_text (gpointer text)
{
  g_string_free (text, TRUE);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr (GTask) task = data;
  StewardReader *self = user_data;
  ListJob       *job = g_task_get_task_data (task);
  GError        *error = NULL;
  GString       *text;

  /* Asked for by a client that has hung up since: a page of a large
   * search is not worth reading for nobody while others wait behind it. */
  if (g_task_return_error_if_cancelled (task))
    return;

  text = write_page (self->store, &job->filter, &error);

  if (text != NULL)
    g_task_return_pointer (task, text, free_text);
  else
    g_task_return_error (task, error);
}

StewardReader *
steward_reader_new (StewardStore *store,
                    GError      **error)
{
  g_autoptr (StewardStore) own = steward_store_open_sibling (store, error);
  StewardReader *self;

  if (own == NULL)
    return NULL;

  self = g_new0 (StewardReader, 1);
  /* Exclusive: the one thread is started now and kept, so the connection
   * always lives on the same thread. */
  self->pool = g_thread_pool_new (run_job, self, 1, TRUE, error);
  if (self->pool == NULL)
    {
      g_free (self);
      return NULL;
    }
  self->store = g_steal_pointer (&own);

  return self;
}

void
steward_reader_free (StewardReader *self)
{
  if (self == NULL)
    return;

  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->store);
  g_free (self);
}

void
steward_reader_list_users_async (StewardReader           *self,
                                 const StewardUserFilter *filter,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, steward_reader_list_users_async);
  g_task_set_task_data (task, list_job_new (filter), (GDestroyNotify) list_job_free);
  /* Cannot fail: the pool is exclusive, its thread already runs. */
  g_thread_pool_push (self->pool, task, NULL);
}

GString *
steward_reader_list_users_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_reader_list_users_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
