/* steward-cli-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-pages.h"
#include "steward-cli-output.h"

#include <glib/gi18n-lib.h>

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

char *
steward_cli_format_list_total (StewardCliListKind kind,
                               guint              shown,
                               guint64            total)
{
  g_autofree char *shown_text = steward_cli_format_count (shown);
  g_autofree char *total_text = steward_cli_format_count (total);
  gboolean         partial = shown < total;

  /* Each kind spells its plurals out, so translators see whole sentences. */
  switch (kind)
    {
      case STEWARD_CLI_LIST_USERS:
        if (partial)
          /* Translators: "25 of 1,320 users"; the numbers are formatted. */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s user\n", "%s of %s users\n", (gulong) total),
                                  shown_text, total_text);
        /* Translators: "1,320 users"; the number is formatted. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s user\n", "%s users\n", (gulong) total), total_text);

      case STEWARD_CLI_LIST_RECORDS:
        if (partial)
          /* Translators: "25 of 3,120 records"; the numbers are formatted. */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s record\n", "%s of %s records\n", (gulong) total),
                                  shown_text, total_text);
        /* Translators: "12 records"; the number is formatted. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record\n", "%s records\n", (gulong) total), total_text);

      default:
        g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  StewardCli          *cli;
  StewardCliPrintItems print;
} Listing;

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Listing *listing = user_data;
  g_autoptr (GListModel) items = NULL;
  g_autoptr (GError) error = NULL;
  guint64 total = 0;

  items = steward_cli_fetch_pages_finish (STEWARD_CLIENT (source), result, &total, &error);
  if (items == NULL)
    {
      steward_cli_fail (listing->cli, error);
      return;
    }

  listing->print (listing->cli, items, total);
  steward_cli_finish (listing->cli, STEWARD_CLI_EXIT_SUCCESS);
}

void
steward_cli_list_pages (StewardCli                 *cli,
                        const StewardCliPageSource *source,
                        gpointer                    query,
                        GType                       item_type,
                        guint                       limit,
                        StewardCliPrintItems        print)
{
  Listing *listing;

  g_return_if_fail (cli != NULL);
  g_return_if_fail (print != NULL);

  listing = g_new0 (Listing, 1);
  listing->cli = cli;
  listing->print = print;
  steward_cli_fetch_pages_async (cli->client, source, query, item_type, limit, cli->cancellable,
                                 listed_cb, listing);
}
