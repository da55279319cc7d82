/* steward-client-metrics.c
 *
 * Route 15, the anonymous usage metrics, and its fallback for servers
 * without it (real Immuta): the totals come from the "count" of two
 * one-user pages of route 4, user creations per day from paging route 4
 * newest first until the range is passed. The other workflows cannot be
 * known and are zero, which the document's "note" says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-client-private.h"
#include "steward-json-codec.h"
#include "steward-json-private.h"
#include "steward-metrics-private.h"
#include "steward-query-string.h"

#include <glib/gi18n-lib.h>

/* API.md's largest page: the fewest requests for the fallback. */
#define FALLBACK_PAGE_SIZE 1000
#define MAX_METRICS_DAYS 365

typedef enum
{
  COUNT_ALL,     /* every user, disabled included */
  COUNT_ENABLED, /* what route 4 shows by default */
  COUNT_CREATED, /* paging newest first through the range */
} FallbackStep;

typedef struct
{
  guint        days;
  GDateTime   *first_day; /* UTC midnight starting the range */
  FallbackStep step;
  guint64      all_users;
  guint64      enabled_users;
  guint64     *created; /* per day of the range */
  guint        offset;
  GDateTime   *previous; /* creation time of the last user seen */
  gboolean     sorted;   /* whether the server honoured sortField */
} MetricsFallback;

static void
metrics_fallback_free (gpointer data)
{
  MetricsFallback *fallback = data;

  g_clear_pointer (&fallback->first_day, g_date_time_unref);
  g_clear_pointer (&fallback->previous, g_date_time_unref);
  g_free (fallback->created);
  g_free (fallback);
}

static void fetch_fallback_page (GTask *task);

static JsonNode *
build_fallback_document (MetricsFallback *fallback)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) last_day = g_date_time_add_days (fallback->first_day, (int) fallback->days - 1);
  g_autofree char *generated_at = steward_json_format_time (now);
  g_autofree char *from = g_date_time_format (fallback->first_day, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (last_day, "%Y-%m-%d");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "generatedAt");
  json_builder_add_string_value (builder, generated_at);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, fallback->days);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_add_int_value (builder, (gint64) fallback->all_users);
  json_builder_set_member_name (builder, "activeUsers");
  json_builder_add_int_value (builder, (gint64) fallback->enabled_users);
  json_builder_set_member_name (builder, "disabledUsers");
  json_builder_add_int_value (builder, (gint64) (fallback->all_users - fallback->enabled_users));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "workflows");
  json_builder_begin_array (builder);
  for (guint day = 0; day < fallback->days; day++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (fallback->first_day, (int) day);
      g_autofree char *date_text = g_date_time_format (date, "%Y-%m-%d");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date_text);
      for (guint w = 0; w < STEWARD_METRICS_N_WORKFLOWS; w++)
        {
          json_builder_set_member_name (builder, steward_metrics_workflow_get_key (w));
          json_builder_add_int_value (builder, w == STEWARD_METRICS_WORKFLOW_USER_CREATED ? (gint64) fallback->created[day] : 0);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "interactions");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, _ ("Computed by Steward from the user list because this server has no metrics route. Only user creations are counted per day; the other workflows show zero because the server does not report them."));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
finish_fallback (GTask *task)
{
  MetricsFallback *fallback = g_task_get_task_data (task);
  g_autoptr (JsonNode) document = NULL;
  GError         *error = NULL;
  StewardMetrics *metrics;

  /* A user disabled between the two counts must not make this negative. */
  fallback->enabled_users = MIN (fallback->enabled_users, fallback->all_users);

  document = build_fallback_document (fallback);
  metrics = steward_metrics_new_from_document (document, &error);
  if (metrics == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, metrics, g_object_unref);
}

/* Counts the page's creations inside the range; FALSE once the rest of the
 * directory is older than the range. */
static gboolean
count_created (MetricsFallback *fallback,
               GListModel      *users)
{
  guint    n_users = g_list_model_get_n_items (users);
  gboolean older_seen = FALSE;

  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);
      GDateTime *created_at = steward_user_get_created_at (user);
      GTimeSpan  since_start;

      if (created_at == NULL)
        continue;

      if (fallback->previous != NULL && g_date_time_compare (created_at, fallback->previous) > 0)
        fallback->sorted = FALSE;
      g_clear_pointer (&fallback->previous, g_date_time_unref);
      fallback->previous = g_date_time_ref (created_at);

      since_start = g_date_time_difference (created_at, fallback->first_day);
      if (since_start < 0)
        {
          older_seen = TRUE;
          continue;
        }

      if (since_start / G_TIME_SPAN_DAY < (GTimeSpan) fallback->days)
        fallback->created[since_start / G_TIME_SPAN_DAY]++;
    }

  /* Without a trustworthy order every page has to be looked at. */
  return !(older_seen && fallback->sorted);
}

static void
fallback_page_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  GError          *error = NULL;
  MetricsFallback *fallback = g_task_get_task_data (task);
  guint            n_items;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (fallback->step)
    {
      case COUNT_ALL:
        fallback->all_users = steward_page_result_get_total (page);
        fallback->step = COUNT_ENABLED;
        break;

      case COUNT_ENABLED:
        fallback->enabled_users = steward_page_result_get_total (page);
        fallback->step = COUNT_CREATED;
        break;

      case COUNT_CREATED:
        n_items = steward_page_result_get_n_items (page);
        fallback->offset += n_items;
        if (!count_created (fallback, steward_page_result_get_items (page)) || n_items == 0 || fallback->offset >= steward_page_result_get_total (page))
          {
            finish_fallback (task);
            return;
          }
        break;

      default:
        g_assert_not_reached ();
    }

  fetch_fallback_page (g_steal_pointer (&task));
}

static void
fetch_fallback_page (GTask *task)
{
  MetricsFallback *fallback = g_task_get_task_data (task);
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();

  /* The totals come from the "count" of one-user pages. */
  query->size = 1;
  query->include_disabled = fallback->step != COUNT_ENABLED;
  if (fallback->step == COUNT_CREATED)
    {
      query->size = FALLBACK_PAGE_SIZE;
      query->offset = fallback->offset;
      query->sort_field = STEWARD_USER_SORT_CREATED_AT;
      query->sort_order = STEWARD_SORT_DESCENDING;
    }

  steward_client_list_users_async (g_task_get_source_object (task), query, g_task_get_cancellable (task),
                                   fallback_page_cb, task);
}

static void
start_metrics_fallback (GTask *task)
{
  MetricsFallback *fallback = g_task_get_task_data (task);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) today = NULL;

  today = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 0, 0, 0);
  fallback->first_day = g_date_time_add_days (today, 1 - (int) fallback->days);
  fallback->created = g_new0 (guint64, fallback->days);
  fallback->sorted = TRUE;
  fallback->step = COUNT_ALL;

  fetch_fallback_page (task);
}

void
steward_client_get_metrics_async (StewardClient      *self,
                                  guint               days,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GString) path = NULL;
  MetricsFallback *fallback;

  CHECK_CALL (self, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_get_metrics_async);

  if (days < 1 || days > MAX_METRICS_DAYS)
    {
      g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID,
                               _ ("The number of days must be between 1 and %u."), MAX_METRICS_DAYS);
      return;
    }

  fallback = g_new0 (MetricsFallback, 1);
  fallback->days = days;
  g_task_set_task_data (task, fallback, metrics_fallback_free);

  path = g_string_new (NULL);
  steward_query_string_add_uint (path, "days", days);
  g_string_prepend (path, "/bim/user/metrics?");
  steward_client_call_extension (g_steal_pointer (&task), STEWARD_EXTENSION_METRICS, "GET", path->str, NULL,
                                 (StewardDecodeFunc) steward_json_decode_metrics, g_object_unref,
                                 start_metrics_fallback);
}

STEWARD_CLIENT_DEFINE_FINISH (StewardMetrics, steward_client_get_metrics)
