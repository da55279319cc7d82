/* steward-usage-counter.c
 *
 * Counts sent are taken out of the pending table before the request, and
 * put back if the request fails, so uses recorded meanwhile are neither
 * lost nor sent twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-usage-counter.h"

#include "steward-api-error.h"

struct _StewardUsageCounter
{
  GObject parent_instance;

  gboolean    enabled;
  GHashTable *pending; /* control → GUINT_TO_POINTER (count) */
};

G_DEFINE_FINAL_TYPE (StewardUsageCounter, steward_usage_counter, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_count (GHashTable *table,
           const char *control,
           guint       count)
{
  guint current = GPOINTER_TO_UINT (g_hash_table_lookup (table, control));

  g_hash_table_replace (table, g_strdup (control), GUINT_TO_POINTER (current + count));
}

static void
interactions_posted_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StewardUsageCounter *self = g_task_get_source_object (task);
  GHashTable          *sent = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer       control, count;

  if (steward_client_post_interactions_finish (STEWARD_CLIENT (source), result, NULL, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNSUPPORTED))
    {
      /* The server cannot take them: stop counting for nothing. */
      steward_usage_counter_set_enabled (self, FALSE);
    }
  else if (self->enabled)
    {
      g_hash_table_iter_init (&iter, sent);
      while (g_hash_table_iter_next (&iter, &control, &count))
        add_count (self->pending, control, GPOINTER_TO_UINT (count));
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
steward_usage_counter_finalize (GObject *object)
{
  StewardUsageCounter *self = STEWARD_USAGE_COUNTER (object);

  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (steward_usage_counter_parent_class)->finalize (object);
}

static void
steward_usage_counter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardUsageCounter *self = STEWARD_USAGE_COUNTER (object);

  switch (prop_id)
    {
      case PROP_ENABLED:
        g_value_set_boolean (value, self->enabled);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_usage_counter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StewardUsageCounter *self = STEWARD_USAGE_COUNTER (object);

  switch (prop_id)
    {
      case PROP_ENABLED:
        steward_usage_counter_set_enabled (self, g_value_get_boolean (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_usage_counter_class_init (StewardUsageCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_usage_counter_finalize;
  object_class->get_property = steward_usage_counter_get_property;
  object_class->set_property = steward_usage_counter_set_property;

  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_usage_counter_init (StewardUsageCounter *self)
{
  self->pending = new_table ();
}

StewardUsageCounter *
steward_usage_counter_new (void)
{
  return g_object_new (STEWARD_TYPE_USAGE_COUNTER, NULL);
}

gboolean
steward_usage_counter_get_enabled (StewardUsageCounter *self)
{
  g_return_val_if_fail (STEWARD_IS_USAGE_COUNTER (self), FALSE);

  return self->enabled;
}

void
steward_usage_counter_set_enabled (StewardUsageCounter *self,
                                   gboolean             enabled)
{
  g_return_if_fail (STEWARD_IS_USAGE_COUNTER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  if (!enabled)
    g_hash_table_remove_all (self->pending);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

void
steward_usage_counter_record (StewardUsageCounter *self,
                              const char          *control)
{
  g_return_if_fail (STEWARD_IS_USAGE_COUNTER (self));
  g_return_if_fail (control != NULL);

  if (self->enabled)
    add_count (self->pending, control, 1);
}

guint
steward_usage_counter_get_pending (StewardUsageCounter *self,
                                   const char          *control)
{
  GHashTableIter iter;
  gpointer       count;
  guint          total = 0;

  g_return_val_if_fail (STEWARD_IS_USAGE_COUNTER (self), 0);

  if (control != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, control));

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    total += GPOINTER_TO_UINT (count);
  return total;
}

void
steward_usage_counter_send_async (StewardUsageCounter *self,
                                  StewardClient       *client,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GHashTable *sent;

  g_return_if_fail (STEWARD_IS_USAGE_COUNTER (self));
  g_return_if_fail (STEWARD_IS_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_usage_counter_send_async);

  if (!self->enabled || g_hash_table_size (self->pending) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  sent = g_steal_pointer (&self->pending);
  self->pending = new_table ();
  g_task_set_task_data (task, sent, (GDestroyNotify) g_hash_table_unref);
  steward_client_post_interactions_async (client, sent, cancellable, interactions_posted_cb, g_steal_pointer (&task));
}

gboolean
steward_usage_counter_send_finish (StewardUsageCounter *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
