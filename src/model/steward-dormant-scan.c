/* steward-dormant-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dormant-scan.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

typedef struct
{
  StewardClient         *client;
  StewardDormantLocator *locator;
  StewardUserQuery      *probe;
} Locate;

static void
locate_free (Locate *locate)
{
  g_clear_object (&locate->client);
  g_clear_pointer (&locate->locator, steward_dormant_locator_free);
  g_clear_pointer (&locate->probe, steward_user_query_free);
  g_free (locate);
}

gint64
steward_dormant_cutoff (GDateTime *now,
                        guint      days)
{
  g_return_val_if_fail (now != NULL, 0);

  return g_date_time_to_unix (now) - (gint64) days * SECONDS_PER_DAY;
}

StewardUserQuery *
steward_dormant_range_query (const StewardDormantRange *range)
{
  StewardUserQuery *query = steward_user_query_new ();

  query->sort_field = STEWARD_USER_SORT_LAST_LOGIN;
  query->sort_order = range != NULL ? range->order : STEWARD_SORT_ASCENDING;
  query->include_disabled = FALSE;
  return query;
}

guint
steward_dormant_locator_count (StewardDormantLocator *locator)
{
  const StewardDormantRange *ranges;
  guint                      n_ranges = 0;
  guint                      count = 0;

  ranges = steward_dormant_locator_get_ranges (locator, &n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    count += ranges[i].count;
  return count;
}

static void send_next_probe (GTask *task);

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Locate *locate = g_task_get_task_data (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (StewardUser) user = NULL;
  GError *error = NULL;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (steward_page_result_get_n_items (page) > 0)
    user = g_list_model_get_item (steward_page_result_get_items (page), 0);
  steward_dormant_locator_feed (locate->locator, user, steward_page_result_get_total (page));
  send_next_probe (g_steal_pointer (&task));
}

static void
send_next_probe (GTask *task)
{
  Locate          *locate = g_task_get_task_data (task);
  StewardSortOrder order;
  guint            position;

  if (!steward_dormant_locator_next (locate->locator, &order, &position))
    {
      g_task_return_pointer (task, g_steal_pointer (&locate->locator), (GDestroyNotify) steward_dormant_locator_free);
      g_object_unref (task);
      return;
    }

  locate->probe->sort_order = order;
  locate->probe->offset = position;
  locate->probe->size = 1;
  steward_client_list_users_async (locate->client, locate->probe, g_task_get_cancellable (task),
                                   probe_cb, task);
}

void
steward_dormant_locate_async (StewardClient      *client,
                              gint64              cutoff,
                              gboolean            never_only,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GTask  *task;
  Locate *locate;

  g_return_if_fail (STEWARD_IS_CLIENT (client));

  locate = g_new0 (Locate, 1);
  locate->client = g_object_ref (client);
  locate->locator = steward_dormant_locator_new (cutoff, never_only);
  locate->probe = steward_dormant_range_query (NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_dormant_locate_async);
  g_task_set_task_data (task, locate, (GDestroyNotify) locate_free);
  send_next_probe (task);
}

StewardDormantLocator *
steward_dormant_locate_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------- cursor */

struct _StewardDormantCursor
{
  GObject parent_instance;

  StewardDormantLocator *locator;
  guint                  range;  /* the range being read */
  guint                  offset; /* the next position in it */
  gboolean               reading;
};

G_DEFINE_FINAL_TYPE (StewardDormantCursor, steward_dormant_cursor, G_TYPE_OBJECT)

static void
steward_dormant_cursor_finalize (GObject *object)
{
  StewardDormantCursor *self = STEWARD_DORMANT_CURSOR (object);

  g_clear_pointer (&self->locator, steward_dormant_locator_free);
  G_OBJECT_CLASS (steward_dormant_cursor_parent_class)->finalize (object);
}

static void
steward_dormant_cursor_class_init (StewardDormantCursorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_dormant_cursor_finalize;
}

static void
steward_dormant_cursor_init (StewardDormantCursor *self)
{
}

StewardDormantCursor *
steward_dormant_cursor_new (StewardDormantLocator *locator)
{
  StewardDormantCursor *self;

  g_return_val_if_fail (locator != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_DORMANT_CURSOR, NULL);
  self->locator = locator;
  return self;
}

StewardDormantLocator *
steward_dormant_cursor_get_locator (StewardDormantCursor *self)
{
  g_return_val_if_fail (STEWARD_IS_DORMANT_CURSOR (self), NULL);

  return self->locator;
}

gboolean
steward_dormant_cursor_is_done (StewardDormantCursor *self)
{
  guint n_ranges = 0;

  g_return_val_if_fail (STEWARD_IS_DORMANT_CURSOR (self), TRUE);

  steward_dormant_locator_get_ranges (self->locator, &n_ranges);
  return self->range >= n_ranges;
}

static void
cursor_page_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StewardDormantCursor      *self = g_task_get_source_object (task);
  const StewardDormantRange *ranges;
  guint                      n_ranges = 0;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GListStore) dormant = NULL;
  GError *error = NULL;
  guint   size = GPOINTER_TO_UINT (g_task_get_task_data (task));
  guint   n_items;

  self->reading = FALSE;
  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  dormant = g_list_store_new (STEWARD_TYPE_USER);
  n_items = steward_page_result_get_n_items (page);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (steward_page_result_get_items (page), i);

      if (steward_dormant_locator_matches (self->locator, user))
        g_list_store_append (dormant, user);
    }

  ranges = steward_dormant_locator_get_ranges (self->locator, &n_ranges);
  self->offset += n_items;
  /* A short page ends the range early: accounts were deleted or disabled. */
  if (n_items < size || self->offset >= ranges[self->range].count)
    {
      self->range++;
      self->offset = 0;
    }

  g_task_return_pointer (task, g_steal_pointer (&dormant), g_object_unref);
}

void
steward_dormant_cursor_next_async (StewardDormantCursor *self,
                                   StewardClient        *client,
                                   guint                 size,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (StewardUserQuery) query = NULL;
  const StewardDormantRange *ranges;
  guint                      n_ranges = 0;

  g_return_if_fail (STEWARD_IS_DORMANT_CURSOR (self));
  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (!self->reading);
  g_return_if_fail (size > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_dormant_cursor_next_async);

  ranges = steward_dormant_locator_get_ranges (self->locator, &n_ranges);
  if (self->range >= n_ranges)
    {
      g_task_return_pointer (task, g_list_store_new (STEWARD_TYPE_USER), g_object_unref);
      return;
    }

  query = steward_dormant_range_query (&ranges[self->range]);
  query->offset = self->offset;
  query->size = MIN (size, ranges[self->range].count - self->offset);
  g_task_set_task_data (task, GUINT_TO_POINTER (query->size), NULL);
  self->reading = TRUE;
  steward_client_list_users_async (client, query, cancellable, cursor_page_cb, g_steal_pointer (&task));
}

GListModel *
steward_dormant_cursor_next_finish (StewardDormantCursor *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
