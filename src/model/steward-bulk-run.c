/* steward-bulk-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-bulk-run.h"

#include "steward-bulk-item-private.h"

#define MAX_IN_FLIGHT_LIMIT 64

struct _StewardBulkRun
{
  GObject parent_instance;

  StewardClient   *client;
  StewardBulkPlan *plan;
  guint            max_in_flight;
  GTask           *task; /* while running */
  guint            next; /* the next position of the plan to look at */
  guint            in_flight;
  guint            n_total;
  guint            n_finished;
  gint64           seconds_left;
  gint64           started_at; /* monotonic microseconds */
  gboolean         used;
};

G_DEFINE_FINAL_TYPE (StewardBulkRun, steward_bulk_run, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_N_TOTAL,
  PROP_N_FINISHED,
  PROP_SECONDS_LEFT,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One item on its way: the run, the item, and what is left to send. */
typedef struct
{
  StewardBulkRun  *run;
  StewardBulkItem *item;
  GStrv            todo; /* permissions still to grant or remove */
  guint            index;
} Step;

static Step *
step_new (StewardBulkRun  *run,
          StewardBulkItem *item)
{
  Step *step = g_new0 (Step, 1);

  step->run = g_object_ref (run);
  step->item = g_object_ref (item);
  return step;
}

static void
step_free (Step *step)
{
  g_object_unref (step->run);
  g_object_unref (step->item);
  g_strfreev (step->todo);
  g_free (step);
}

static void start_more (StewardBulkRun *self);
static void send_next (Step *step);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static GCancellable *
run_cancellable (StewardBulkRun *self)
{
  return g_task_get_cancellable (self->task);
}

static gboolean
run_cancelled (StewardBulkRun *self)
{
  return g_cancellable_is_cancelled (run_cancellable (self));
}

static void
update_estimate (StewardBulkRun *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->started_at;
  gint64 left;

  left = (elapsed * (gint64) (self->n_total - self->n_finished) / self->n_finished + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
  if (left != self->seconds_left)
    {
      self->seconds_left = left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
}

static void
finish_if_done (StewardBulkRun *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->in_flight > 0 || (self->next < g_list_model_get_n_items (G_LIST_MODEL (self->plan)) && !run_cancelled (self)))
    return;

  task = g_steal_pointer (&self->task);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
end_step (Step             *step,
          StewardBulkResult result,
          const GError     *error)
{
  StewardBulkRun *self = step->run;

  if (error != NULL)
    steward_bulk_item_fail (step->item, error);
  else
    steward_bulk_item_set_result (step->item, result, NULL);

  self->in_flight--;
  self->n_finished++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
  update_estimate (self);
  step_free (step);

  start_more (self);
  finish_if_done (self);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Step          *step = user_data;
  StewardClient *client = STEWARD_CLIENT (source);
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  switch (steward_bulk_item_get_kind (step->item))
    {
      case STEWARD_BULK_ADD_PERMISSIONS:
        user = steward_client_add_permission_finish (client, result, &error);
        break;
      case STEWARD_BULK_REMOVE_PERMISSIONS:
        user = steward_client_remove_permission_finish (client, result, &error);
        break;
      case STEWARD_BULK_DISABLE:
      case STEWARD_BULK_ENABLE:
        user = steward_client_set_disabled_finish (client, result, &error);
        break;
      case STEWARD_BULK_CREATE:
        user = steward_client_create_user_finish (client, result, &error);
        break;
      default:
        g_assert_not_reached ();
    }

  if (user == NULL)
    {
      end_step (step, STEWARD_BULK_RESULT_FAILED, error);
      return;
    }

  steward_bulk_item_set_result_user (step->item, user);
  if (step->todo != NULL)
    {
      steward_bulk_item_add_applied_permission (step->item, step->todo[step->index]);
      step->index++;
      if (step->todo[step->index] != NULL)
        {
          send_next (step);
          return;
        }
    }
  else
    steward_bulk_item_set_applied (step->item, TRUE);

  end_step (step, STEWARD_BULK_RESULT_DONE, NULL);
}

static void
user_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;
  StewardBulkKind kind = steward_bulk_item_get_kind (step->item);

  user = steward_client_get_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user == NULL)
    {
      end_step (step, STEWARD_BULK_RESULT_FAILED, error);
      return;
    }

  steward_bulk_item_set_result_user (step->item, user);
  if (steward_bulk_item_is_already (step->item, user))
    {
      end_step (step, STEWARD_BULK_RESULT_ALREADY, NULL);
      return;
    }

  if (kind == STEWARD_BULK_ADD_PERMISSIONS || kind == STEWARD_BULK_REMOVE_PERMISSIONS)
    step->todo = steward_bulk_item_missing_permissions (step->item, user);
  send_next (step);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StewardBulkRun) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;

  if (!steward_bulk_plan_check_finish (STEWARD_BULK_PLAN (source), result, &error))
    {
      task = g_steal_pointer (&self->task);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->n_total = steward_bulk_plan_count (self->plan, STEWARD_BULK_RESULT_PENDING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  self->started_at = g_get_monotonic_time ();
  start_more (self);
  finish_if_done (self);
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */
/* ------------------------------------------------------------------ */

static void
send_next (Step *step)
{
  StewardClient *client = step->run->client;
  GCancellable  *cancellable = run_cancellable (step->run);
  StewardUser   *user = steward_bulk_item_get_user (step->item);
  const char    *iamid = user != NULL ? steward_user_get_iamid (user) : NULL;
  const char    *userid = user != NULL ? steward_user_get_userid (user) : NULL;

  switch (steward_bulk_item_get_kind (step->item))
    {
      case STEWARD_BULK_ADD_PERMISSIONS:
        steward_client_add_permission_async (client, iamid, userid, step->todo[step->index], cancellable, changed_cb, step);
        break;
      case STEWARD_BULK_REMOVE_PERMISSIONS:
        steward_client_remove_permission_async (client, iamid, userid, step->todo[step->index], cancellable, changed_cb, step);
        break;
      case STEWARD_BULK_DISABLE:
        steward_client_set_disabled_async (client, iamid, userid, TRUE, cancellable, changed_cb, step);
        break;
      case STEWARD_BULK_ENABLE:
        steward_client_set_disabled_async (client, iamid, userid, FALSE, cancellable, changed_cb, step);
        break;
      case STEWARD_BULK_CREATE:
        {
          const char *const *permissions = steward_bulk_item_get_permissions (step->item);

          steward_client_create_user_async (client, steward_bulk_item_get_email (step->item), steward_bulk_item_get_name (step->item),
                                            permissions[0] != NULL ? permissions : NULL, NULL, cancellable, changed_cb, step);
        }
        break;
      default:
        g_assert_not_reached ();
    }
}

static void
start_more (StewardBulkRun *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->plan));

  while (self->in_flight < self->max_in_flight && self->next < n_items && !run_cancelled (self))
    {
      g_autoptr (StewardBulkItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), self->next++);
      StewardUser *user = steward_bulk_item_get_user (item);
      Step        *step;

      if (steward_bulk_item_get_result (item) != STEWARD_BULK_RESULT_PENDING)
        continue;

      self->in_flight++;
      step = step_new (self, item);
      if (user == NULL)
        send_next (step);
      else
        steward_client_get_user_async (self->client, steward_user_get_iamid (user), steward_user_get_userid (user),
                                       run_cancellable (self), user_read_cb, step);
    }
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_bulk_run_finalize (GObject *object)
{
  StewardBulkRun *self = STEWARD_BULK_RUN (object);

  g_clear_object (&self->client);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (steward_bulk_run_parent_class)->finalize (object);
}

static void
steward_bulk_run_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardBulkRun *self = STEWARD_BULK_RUN (object);

  switch (prop_id)
    {
      case PROP_N_TOTAL:
        g_value_set_uint (value, self->n_total);
        break;
      case PROP_N_FINISHED:
        g_value_set_uint (value, self->n_finished);
        break;
      case PROP_SECONDS_LEFT:
        g_value_set_int64 (value, self->seconds_left);
        break;
      case PROP_RUNNING:
        g_value_set_boolean (value, self->task != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_bulk_run_class_init (StewardBulkRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_bulk_run_finalize;
  object_class->get_property = steward_bulk_run_get_property;

  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_FINISHED] = g_param_spec_uint ("n-finished", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECONDS_LEFT] = g_param_spec_int64 ("seconds-left", NULL, NULL, -1, G_MAXINT64, -1,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_bulk_run_init (StewardBulkRun *self)
{
  self->max_in_flight = STEWARD_BULK_RUN_DEFAULT_MAX_IN_FLIGHT;
  self->seconds_left = -1;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardBulkRun *
steward_bulk_run_new (StewardClient   *client,
                      StewardBulkPlan *plan)
{
  StewardBulkRun *self;

  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (STEWARD_IS_BULK_PLAN (plan), NULL);

  self = g_object_new (STEWARD_TYPE_BULK_RUN, NULL);
  self->client = g_object_ref (client);
  self->plan = g_object_ref (plan);
  return self;
}

StewardBulkPlan *
steward_bulk_run_get_plan (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), NULL);
  return self->plan;
}

void
steward_bulk_run_set_max_in_flight (StewardBulkRun *self,
                                    guint           max_in_flight)
{
  g_return_if_fail (STEWARD_IS_BULK_RUN (self));
  g_return_if_fail (max_in_flight >= 1 && max_in_flight <= MAX_IN_FLIGHT_LIMIT);
  g_return_if_fail (!self->used);

  self->max_in_flight = max_in_flight;
}

guint
steward_bulk_run_get_max_in_flight (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), 0);
  return self->max_in_flight;
}

guint
steward_bulk_run_get_n_total (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), 0);
  return self->n_total;
}

guint
steward_bulk_run_get_n_finished (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), 0);
  return self->n_finished;
}

gint64
steward_bulk_run_get_seconds_left (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), -1);
  return self->seconds_left;
}

gboolean
steward_bulk_run_get_running (StewardBulkRun *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RUN (self), FALSE);
  return self->task != NULL;
}

void
steward_bulk_run_apply_async (StewardBulkRun     *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (STEWARD_IS_BULK_RUN (self));
  g_return_if_fail (!self->used);

  self->used = TRUE;
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, steward_bulk_run_apply_async);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  /* The plan is checked even when it was before: the count of
   * administrators may have changed since the review. */
  steward_bulk_plan_check_async (self->plan, self->client, cancellable, checked_cb, g_object_ref (self));
}

gboolean
steward_bulk_run_apply_finish (StewardBulkRun *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
