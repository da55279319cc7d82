/* steward-page-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-page-result.h"

struct _StewardPageResult
{
  GObject parent_instance;

  GListModel *items;
  guint64     total;
};

G_DEFINE_FINAL_TYPE (StewardPageResult, steward_page_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ITEMS,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_page_result_dispose (GObject *object)
{
  StewardPageResult *self = STEWARD_PAGE_RESULT (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (steward_page_result_parent_class)->dispose (object);
}

static void
steward_page_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardPageResult *self = STEWARD_PAGE_RESULT (object);

  switch (prop_id)
    {
      case PROP_ITEMS:
        g_value_set_object (value, self->items);
        break;

      case PROP_TOTAL:
        g_value_set_uint64 (value, self->total);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_page_result_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardPageResult *self = STEWARD_PAGE_RESULT (object);

  switch (prop_id)
    {
      case PROP_ITEMS:
        self->items = g_value_dup_object (value);
        break;

      case PROP_TOTAL:
        self->total = g_value_get_uint64 (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_page_result_class_init (StewardPageResultClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = steward_page_result_dispose;
  object_class->get_property = steward_page_result_get_property;
  object_class->set_property = steward_page_result_set_property;

  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_TOTAL] = g_param_spec_uint64 ("total", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_page_result_init (StewardPageResult *self)
{
}

StewardPageResult *
steward_page_result_new (GListModel *items,
                         guint64     total)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  return g_object_new (STEWARD_TYPE_PAGE_RESULT, "items", items, "total", total, NULL);
}

/* The items of this page, in the server's order. */
GListModel *
steward_page_result_get_items (StewardPageResult *self)
{
  g_return_val_if_fail (STEWARD_IS_PAGE_RESULT (self), NULL);

  return self->items;
}

guint
steward_page_result_get_n_items (StewardPageResult *self)
{
  g_return_val_if_fail (STEWARD_IS_PAGE_RESULT (self), 0);

  return g_list_model_get_n_items (self->items);
}

/* How many items match the query on all pages together. */
guint64
steward_page_result_get_total (StewardPageResult *self)
{
  g_return_val_if_fail (STEWARD_IS_PAGE_RESULT (self), 0);

  return self->total;
}
