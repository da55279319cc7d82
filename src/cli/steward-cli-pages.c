/* steward-cli-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-pages.h"

typedef struct
{
  const StewardCliPageSource *source;
  gpointer                    query;
  guint                       limit;
  GListStore                 *items;
  guint64                     total;
} Pages;

static void page_fetched_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
pages_free (Pages *pages)
{
  g_clear_object (&pages->items);
  g_free (pages);
}

static void
fetch_next (GTask *task)
{
  Pages *pages = g_task_get_task_data (task);
  guint  fetched = g_list_model_get_n_items (G_LIST_MODEL (pages->items));
  guint  wanted = pages->limit > 0 ? pages->limit - fetched : STEWARD_CLI_PAGE_SIZE_MAX;

  pages->source->send (g_task_get_source_object (task), pages->query,
                       fetched, MIN (wanted, STEWARD_CLI_PAGE_SIZE_MAX),
                       g_task_get_cancellable (task), page_fetched_cb, task);
}

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Pages *pages = g_task_get_task_data (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *items;
  guint       n_items;
  guint       fetched;

  page = pages->source->finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = steward_page_result_get_items (page);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (pages->items, item);
    }

  pages->total = steward_page_result_get_total (page);
  fetched = g_list_model_get_n_items (G_LIST_MODEL (pages->items));

  /* An empty page ends it too: with items deleted meanwhile the count can
   * promise more than there is. */
  if (n_items == 0 || fetched >= pages->total || (pages->limit > 0 && fetched >= pages->limit))
    {
      g_task_return_pointer (task, g_object_ref (pages->items), g_object_unref);
      return;
    }

  fetch_next (g_steal_pointer (&task));
}

void
steward_cli_fetch_pages_async (StewardClient              *client,
                               const StewardCliPageSource *source,
                               gpointer                    query,
                               GType                       item_type,
                               guint                       limit,
                               GCancellable               *cancellable,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  g_autoptr (GTask) task = NULL;
  Pages *pages;

  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (source != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_cli_fetch_pages_async);

  pages = g_new0 (Pages, 1);
  pages->source = source;
  pages->query = query;
  pages->limit = limit;
  pages->items = g_list_store_new (item_type);
  g_task_set_task_data (task, pages, (GDestroyNotify) pages_free);

  fetch_next (g_steal_pointer (&task));
}

GListModel *
steward_cli_fetch_pages_finish (StewardClient *client,
                                GAsyncResult  *result,
                                guint64       *total,
                                GError       **error)
{
  GListModel *items;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_cli_fetch_pages_async, NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);
  if (items != NULL && total != NULL)
    *total = ((Pages *) g_task_get_task_data (G_TASK (result)))->total;

  return items;
}
