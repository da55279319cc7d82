/* steward-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-metrics-private.h"
#include "steward-api-error-private.h"
#include "steward-json-private.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  char   *date;
  guint64 counts[STEWARD_METRICS_N_WORKFLOWS];
} Day;

typedef struct
{
  char   *date;
  char   *control;
  guint64 count;
} Interaction;

struct _StewardMetrics
{
  GObject parent_instance;

  JsonNode  *document;
  guint      days;
  char      *from;
  char      *to;
  GDateTime *generated_at;
  guint64    users;
  guint64    active_users;
  guint64    disabled_users;
  char      *note;
  GArray    *day_rows;     /* of Day */
  GArray    *interactions; /* of Interaction */
};

G_DEFINE_FINAL_TYPE (StewardMetrics, steward_metrics, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DAYS,
  PROP_FROM,
  PROP_TO,
  PROP_TOTAL_USERS,
  PROP_ACTIVE_USERS,
  PROP_DISABLED_USERS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const workflow_keys[STEWARD_METRICS_N_WORKFLOWS] = {
  [STEWARD_METRICS_WORKFLOW_USER_CREATED] = "userCreated",
  [STEWARD_METRICS_WORKFLOW_USER_DISABLED] = "userDisabled",
  [STEWARD_METRICS_WORKFLOW_USER_ENABLED] = "userEnabled",
  [STEWARD_METRICS_WORKFLOW_USER_DELETED] = "userDeleted",
  [STEWARD_METRICS_WORKFLOW_USER_MIGRATED] = "userMigrated",
  [STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED] = "permissionGranted",
  [STEWARD_METRICS_WORKFLOW_PERMISSION_REMOVED] = "permissionRemoved",
  [STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED] = "apiKeyAuthenticated",
};

const char *
steward_metrics_workflow_get_key (StewardMetricsWorkflow workflow)
{
  g_return_val_if_fail (workflow < STEWARD_METRICS_N_WORKFLOWS, NULL);

  return workflow_keys[workflow];
}

static void
clear_day (gpointer data)
{
  Day *day = data;

  g_free (day->date);
}

static void
clear_interaction (gpointer data)
{
  Interaction *interaction = data;

  g_free (interaction->date);
  g_free (interaction->control);
}

static void
steward_metrics_finalize (GObject *object)
{
  StewardMetrics *self = STEWARD_METRICS (object);

  g_clear_pointer (&self->document, json_node_unref);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_free (self->note);
  g_array_unref (self->day_rows);
  g_array_unref (self->interactions);

  G_OBJECT_CLASS (steward_metrics_parent_class)->finalize (object);
}

static void
steward_metrics_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardMetrics *self = STEWARD_METRICS (object);

  switch (prop_id)
    {
      case PROP_DAYS:
        g_value_set_uint (value, self->days);
        break;

      case PROP_FROM:
        g_value_set_string (value, self->from);
        break;

      case PROP_TO:
        g_value_set_string (value, self->to);
        break;

      case PROP_TOTAL_USERS:
        g_value_set_uint64 (value, self->users);
        break;

      case PROP_ACTIVE_USERS:
        g_value_set_uint64 (value, self->active_users);
        break;

      case PROP_DISABLED_USERS:
        g_value_set_uint64 (value, self->disabled_users);
        break;

      case PROP_NOTE:
        g_value_set_string (value, self->note);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_metrics_class_init (StewardMetricsClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steward_metrics_finalize;
  object_class->get_property = steward_metrics_get_property;

  properties[PROP_DAYS] = g_param_spec_uint ("days", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL_USERS] = g_param_spec_uint64 ("total-users", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_ACTIVE_USERS] = g_param_spec_uint64 ("active-users", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_DISABLED_USERS] = g_param_spec_uint64 ("disabled-users", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_metrics_init (StewardMetrics *self)
{
  self->day_rows = g_array_new (FALSE, TRUE, sizeof (Day));
  g_array_set_clear_func (self->day_rows, clear_day);
  self->interactions = g_array_new (FALSE, TRUE, sizeof (Interaction));
  g_array_set_clear_func (self->interactions, clear_interaction);
}

/* A count is a whole number that is not negative. */
static gboolean
read_count (JsonObject *object,
            const char *member,
            guint64    *out,
            GError    **error)
{
  gint64 value;

  if (!steward_json_read_int (object, member, &value, error))
    return FALSE;

  if (value < 0)
    {
      g_autofree char *detail = g_strdup_printf (_ ("“%s” is negative"), member);

      g_propagate_error (error, steward_api_error_new_malformed (detail));
      return FALSE;
    }

  *out = (guint64) value;
  return TRUE;
}

static gboolean
read_totals (StewardMetrics *self,
             JsonObject     *root,
             GError        **error)
{
  JsonObject *totals;

  if (!steward_json_read_object (root, "totals", &totals, error))
    return FALSE;

  if (totals == NULL)
    return TRUE;

  return read_count (totals, "users", &self->users, error) && read_count (totals, "activeUsers", &self->active_users, error) && read_count (totals, "disabledUsers", &self->disabled_users, error);
}

static gboolean
read_day_rows (StewardMetrics *self,
               JsonObject     *root,
               GError        **error)
{
  JsonArray *rows;
  guint      length;

  if (!steward_json_read_array (root, "workflows", &rows, error))
    return FALSE;

  length = rows != NULL ? json_array_get_length (rows) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonObject *row = steward_json_expect_object (json_array_get_element (rows, i), "workflows", error);
      Day         day = { NULL, { 0 } };

      if (row == NULL)
        return FALSE;

      /* Appended first so the clear function owns the date either way. */
      if (!steward_json_read_string (row, "date", &day.date, error))
        return FALSE;
      g_array_append_val (self->day_rows, day);

      for (guint w = 0; w < STEWARD_METRICS_N_WORKFLOWS; w++)
        {
          Day *stored = &g_array_index (self->day_rows, Day, self->day_rows->len - 1);

          if (!read_count (row, workflow_keys[w], &stored->counts[w], error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_interactions (StewardMetrics *self,
                   JsonObject     *root,
                   GError        **error)
{
  JsonArray *entries;
  guint      length;

  if (!steward_json_read_array (root, "interactions", &entries, error))
    return FALSE;

  length = entries != NULL ? json_array_get_length (entries) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonObject *entry = steward_json_expect_object (json_array_get_element (entries, i), "interactions", error);
      Interaction interaction = { NULL, NULL, 0 };
      gboolean    ok;

      if (entry == NULL)
        return FALSE;

      ok = steward_json_read_string (entry, "date", &interaction.date, error) && steward_json_read_string (entry, "control", &interaction.control, error) && read_count (entry, "count", &interaction.count, error);
      g_array_append_val (self->interactions, interaction);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

StewardMetrics *
steward_metrics_new_from_document (JsonNode *document,
                                   GError  **error)
{
  g_autoptr (StewardMetrics) self = NULL;
  JsonObject *root;
  guint64     days;

  root = steward_json_expect_object (document, "metrics", error);
  if (root == NULL)
    return NULL;

  self = g_object_new (STEWARD_TYPE_METRICS, NULL);
  self->document = json_node_ref (document);

  if (!read_count (root, "days", &days, error) || !steward_json_read_string (root, "from", &self->from, error) || !steward_json_read_string (root, "to", &self->to, error) || !steward_json_read_date_time (root, "generatedAt", &self->generated_at, error) || !steward_json_read_string (root, "note", &self->note, error) || !read_totals (self, root, error) || !read_day_rows (self, root, error) || !read_interactions (self, root, error))
    return NULL;

  self->days = (guint) MIN (days, G_MAXUINT);

  return g_steal_pointer (&self);
}

/* The document as the server sent it. */
JsonNode *
steward_metrics_get_document (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  return self->document;
}

/* The document as indented JSON, for saving to a file. */
char *
steward_metrics_to_json (StewardMetrics *self,
                         gsize          *length)
{
  g_autoptr (JsonGenerator) generator = NULL;

  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, self->document);

  return json_generator_to_data (generator, length);
}

guint
steward_metrics_get_days (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->days;
}

/* First day of the range, "YYYY-MM-DD". */
const char *
steward_metrics_get_from (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  return self->from;
}

/* Last day of the range, "YYYY-MM-DD". */
const char *
steward_metrics_get_to (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  return self->to;
}

GDateTime *
steward_metrics_get_generated_at (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  return self->generated_at;
}

guint64
steward_metrics_get_total_users (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->users;
}

guint64
steward_metrics_get_active_users (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->active_users;
}

guint64
steward_metrics_get_disabled_users (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->disabled_users;
}

/* Set when the numbers are partial, e.g. computed by the client from the
 * user list because the server has no metrics route; NULL otherwise. */
const char *
steward_metrics_get_note (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);

  return self->note;
}

guint
steward_metrics_get_n_days (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->day_rows->len;
}

const char *
steward_metrics_get_day_date (StewardMetrics *self,
                              guint           day)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), NULL);
  g_return_val_if_fail (day < self->day_rows->len, NULL);

  return g_array_index (self->day_rows, Day, day).date;
}

guint64
steward_metrics_get_day_count (StewardMetrics        *self,
                               guint                  day,
                               StewardMetricsWorkflow workflow)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);
  g_return_val_if_fail (day < self->day_rows->len, 0);
  g_return_val_if_fail (workflow < STEWARD_METRICS_N_WORKFLOWS, 0);

  return g_array_index (self->day_rows, Day, day).counts[workflow];
}

/* The sum over all days of the range. */
guint64
steward_metrics_get_workflow_total (StewardMetrics        *self,
                                    StewardMetricsWorkflow workflow)
{
  guint64 total = 0;

  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);
  g_return_val_if_fail (workflow < STEWARD_METRICS_N_WORKFLOWS, 0);

  for (guint i = 0; i < self->day_rows->len; i++)
    total += g_array_index (self->day_rows, Day, i).counts[workflow];

  return total;
}

guint
steward_metrics_get_n_interactions (StewardMetrics *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS (self), 0);

  return self->interactions->len;
}

void
steward_metrics_get_interaction (StewardMetrics *self,
                                 guint           index,
                                 const char    **date,
                                 const char    **control,
                                 guint64        *count)
{
  Interaction *interaction;

  g_return_if_fail (STEWARD_IS_METRICS (self));
  g_return_if_fail (index < self->interactions->len);

  interaction = &g_array_index (self->interactions, Interaction, index);
  if (date != NULL)
    *date = interaction->date;
  if (control != NULL)
    *control = interaction->control;
  if (count != NULL)
    *count = interaction->count;
}
