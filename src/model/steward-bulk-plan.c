/* steward-bulk-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bulk-plan.h"

#include "steward-bulk-item-private.h"

#include <glib/gi18n.h>

#define USER_ADMIN "USER_ADMIN"

struct _StewardBulkPlan
{
  GObject parent_instance;

  StewardBulkKind kind;
  GStrv           permissions;
  StewardUser    *current_user;
  GPtrArray      *items;    /* StewardBulkItem */
  GHashTable     *user_ids; /* gint64 ids planned */
  gboolean        checked;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardBulkPlan, steward_bulk_plan, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static gboolean
is_current_user (StewardBulkPlan *self,
                 StewardUser     *user)
{
  return self->current_user != NULL && steward_user_get_id (self->current_user) == steward_user_get_id (user);
}

/* Does the plan take USER_ADMIN away from anyone (so the server's count of
 * administrators matters)? */
static gboolean
needs_admin_count (StewardBulkPlan *self)
{
  return self->kind == STEWARD_BULK_DISABLE || (self->kind == STEWARD_BULK_REMOVE_PERMISSIONS && g_strv_contains ((const char *const *) self->permissions, USER_ADMIN));
}

/* Would @item leave its user without an active USER_ADMIN? */
static gboolean
takes_admin_away (StewardBulkItem *item)
{
  StewardUser *user = steward_bulk_item_get_user (item);

  if (user == NULL || steward_user_get_disabled (user) || !g_strv_contains (steward_bulk_item_get_before_permissions (item), USER_ADMIN))
    return FALSE;
  if (steward_bulk_item_get_kind (item) == STEWARD_BULK_DISABLE)
    return TRUE;
  return steward_bulk_item_get_kind (item) == STEWARD_BULK_REMOVE_PERMISSIONS && g_strv_contains (steward_bulk_item_get_permissions (item), USER_ADMIN);
}

static void
apply_local_guards (StewardBulkPlan *self,
                    StewardBulkItem *item)
{
  StewardUser *user = steward_bulk_item_get_user (item);

  if (user == NULL)
    return;

  if (steward_bulk_item_is_already (item, user))
    steward_bulk_item_set_result (item, STEWARD_BULK_RESULT_ALREADY, NULL);
  else if (is_current_user (self, user) && steward_bulk_item_get_kind (item) == STEWARD_BULK_DISABLE)
    steward_bulk_item_set_result (item, STEWARD_BULK_RESULT_SKIPPED,
                                  _ ("You cannot disable your own account: you would be signed out of this server."));
  else if (is_current_user (self, user) && takes_admin_away (item))
    steward_bulk_item_set_result (item, STEWARD_BULK_RESULT_SKIPPED,
                                  _ ("You cannot remove your own USER_ADMIN: you could no longer manage users on this server."));
}

static StewardBulkItem *
add_item (StewardBulkPlan *self,
          StewardBulkItem *item)
{
  guint position = self->items->len;

  apply_local_guards (self, item);
  g_ptr_array_add (self->items, item);
  if (needs_admin_count (self))
    self->checked = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return item;
}

static StewardBulkKind
opposite (StewardBulkKind kind)
{
  switch (kind)
    {
      case STEWARD_BULK_ADD_PERMISSIONS:
        return STEWARD_BULK_REMOVE_PERMISSIONS;
      case STEWARD_BULK_REMOVE_PERMISSIONS:
        return STEWARD_BULK_ADD_PERMISSIONS;
      case STEWARD_BULK_DISABLE:
        return STEWARD_BULK_ENABLE;
      case STEWARD_BULK_ENABLE:
        return STEWARD_BULK_DISABLE;
      case STEWARD_BULK_CREATE:
      default:
        g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
admins_counted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StewardBulkPlan *self = g_task_get_source_object (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  guint64 remaining;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  remaining = steward_page_result_get_total (page);
  for (guint i = 0; i < self->items->len; i++)
    {
      StewardBulkItem *item = self->items->pdata[i];
      g_autofree char *reason = NULL;

      if (steward_bulk_item_get_result (item) != STEWARD_BULK_RESULT_PENDING || !takes_admin_away (item))
        continue;
      if (remaining > 1)
        {
          remaining--;
          continue;
        }
      reason = g_strdup_printf (_ ("%s is the last active user with USER_ADMIN. Without it nobody can manage users on this server until an application administrator grants it again."),
                                steward_bulk_item_get_name (item));
      steward_bulk_item_set_result (item, STEWARD_BULK_RESULT_SKIPPED, reason);
    }

  self->checked = TRUE;
  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */
/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return STEWARD_TYPE_BULK_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return STEWARD_BULK_PLAN (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardBulkPlan *self = STEWARD_BULK_PLAN (model);

  return position < self->items->len ? g_object_ref (self->items->pdata[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_bulk_plan_finalize (GObject *object)
{
  StewardBulkPlan *self = STEWARD_BULK_PLAN (object);

  g_strfreev (self->permissions);
  g_clear_object (&self->current_user);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->user_ids);

  G_OBJECT_CLASS (steward_bulk_plan_parent_class)->finalize (object);
}

static void
steward_bulk_plan_class_init (StewardBulkPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_bulk_plan_finalize;
}

static void
steward_bulk_plan_init (StewardBulkPlan *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->user_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->checked = TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardBulkPlan *
steward_bulk_plan_new (StewardBulkKind    kind,
                       const char *const *permissions,
                       StewardUser       *current_user)
{
  StewardBulkPlan *self;
  const char      *empty[] = { NULL };

  g_return_val_if_fail (current_user == NULL || STEWARD_IS_USER (current_user), NULL);

  self = g_object_new (STEWARD_TYPE_BULK_PLAN, NULL);
  self->kind = kind;
  self->permissions = g_strdupv ((char **) (permissions != NULL ? permissions : empty));
  if (current_user != NULL)
    self->current_user = g_object_ref (current_user);
  return self;
}

StewardBulkKind
steward_bulk_plan_get_kind (StewardBulkPlan *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), STEWARD_BULK_ADD_PERMISSIONS);
  return self->kind;
}

const char *const *
steward_bulk_plan_get_permissions (StewardBulkPlan *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), NULL);
  return (const char *const *) self->permissions;
}

StewardBulkItem *
steward_bulk_plan_add_user (StewardBulkPlan *self,
                            StewardUser     *user)
{
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), NULL);
  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);
  g_return_val_if_fail (self->kind != STEWARD_BULK_CREATE, NULL);

  id = steward_user_get_id (user);
  if (g_hash_table_contains (self->user_ids, &id))
    {
      for (guint i = 0; i < self->items->len; i++)
        if (steward_user_get_id (steward_bulk_item_get_user (self->items->pdata[i])) == id)
          return self->items->pdata[i];
    }
  g_hash_table_add (self->user_ids, g_memdup2 (&id, sizeof id));
  return add_item (self, steward_bulk_item_new (self->kind, user, NULL, NULL, (const char *const *) self->permissions));
}

StewardBulkItem *
steward_bulk_plan_add_new_user (StewardBulkPlan   *self,
                                const char        *name,
                                const char        *email,
                                const char *const *permissions)
{
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (self->kind == STEWARD_BULK_CREATE, NULL);

  return add_item (self, steward_bulk_item_new (STEWARD_BULK_CREATE, NULL, name, email, permissions));
}

guint
steward_bulk_plan_count (StewardBulkPlan  *self,
                         StewardBulkResult result)
{
  guint count = 0;

  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (steward_bulk_item_get_result (self->items->pdata[i]) == result)
      count++;
  return count;
}

gboolean
steward_bulk_plan_get_checked (StewardBulkPlan *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), FALSE);
  return self->checked;
}

void
steward_bulk_plan_check_async (StewardBulkPlan    *self,
                               StewardClient      *client,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (StewardUserQuery) query = NULL;

  g_return_if_fail (STEWARD_IS_BULK_PLAN (self));
  g_return_if_fail (STEWARD_IS_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_bulk_plan_check_async);

  if (!needs_admin_count (self))
    {
      self->checked = TRUE;
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Active users only: include_disabled stays FALSE. */
  query = steward_user_query_new ();
  query->size = 1;
  query->permission = g_strdup (USER_ADMIN);
  steward_client_list_users_async (client, query, cancellable, admins_counted_cb, g_steal_pointer (&task));
}

gboolean
steward_bulk_plan_check_finish (StewardBulkPlan *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

StewardBulkPlan *
steward_bulk_plan_new_retry (StewardBulkPlan *self)
{
  g_autoptr (StewardBulkPlan) retry = NULL;

  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), NULL);

  retry = steward_bulk_plan_new (self->kind, (const char *const *) self->permissions, self->current_user);
  for (guint i = 0; i < self->items->len; i++)
    {
      StewardBulkItem  *item = self->items->pdata[i];
      StewardBulkResult result = steward_bulk_item_get_result (item);

      if (result != STEWARD_BULK_RESULT_FAILED && result != STEWARD_BULK_RESULT_PENDING)
        continue;
      if (self->kind == STEWARD_BULK_CREATE)
        add_item (retry, steward_bulk_item_new (STEWARD_BULK_CREATE, NULL, steward_bulk_item_get_name (item),
                                                steward_bulk_item_get_email (item), steward_bulk_item_get_permissions (item)));
      else
        steward_bulk_plan_add_user (retry, steward_bulk_item_get_user (item));
    }

  return retry->items->len > 0 ? g_steal_pointer (&retry) : NULL;
}

StewardBulkPlan *
steward_bulk_plan_new_undo (StewardBulkPlan *self)
{
  g_autoptr (StewardBulkPlan) undo = NULL;

  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (self), NULL);

  if (self->kind == STEWARD_BULK_CREATE)
    return NULL;

  undo = steward_bulk_plan_new (opposite (self->kind), (const char *const *) self->permissions, self->current_user);
  for (guint i = 0; i < self->items->len; i++)
    {
      StewardBulkItem *item = self->items->pdata[i];
      StewardUser     *user;
      gint64           id;

      if (!steward_bulk_item_get_applied (item))
        continue;
      user = steward_bulk_item_get_result_user (item) != NULL ? steward_bulk_item_get_result_user (item) : steward_bulk_item_get_user (item);
      id = steward_user_get_id (user);
      g_hash_table_add (undo->user_ids, g_memdup2 (&id, sizeof id));
      add_item (undo, steward_bulk_item_new (undo->kind, user, NULL, NULL, steward_bulk_item_get_applied_permissions (item)));
    }

  return undo->items->len > 0 ? g_steal_pointer (&undo) : NULL;
}
