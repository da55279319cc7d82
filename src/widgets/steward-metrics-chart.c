/* steward-metrics-chart.c
 *
 * API-key sign-ins are left out of the bars: there are many more of them
 * than of everything else together, and they would flatten the changes
 * administrators made to a line. The summary still counts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-metrics-chart.h"

#include <glib/gi18n-lib.h>

struct _StewardMetricsChart
{
  GtkWidget parent_instance;

  StewardMetrics *metrics;
};

G_DEFINE_FINAL_TYPE (StewardMetricsChart, steward_metrics_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_METRICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BAR_WORKFLOWS (STEWARD_METRICS_N_WORKFLOWS - 1)
#define LEGEND_HEIGHT 44
#define AXIS_WIDTH 36
#define SWATCH 10

/* GNOME's palette: distinct in the light and the dark style. */
static const char *const bar_colors[BAR_WORKFLOWS] = {
  "#3584e4",
  "#e01b24",
  "#33d17a",
  "#986a44",
  "#9141ac",
  "#f6d32d",
  "#ff7800",
};

static const char *
workflow_label (StewardMetricsWorkflow workflow)
{
  switch (workflow)
    {
      case STEWARD_METRICS_WORKFLOW_USER_CREATED:
        return _ ("Created");
      case STEWARD_METRICS_WORKFLOW_USER_DISABLED:
        return _ ("Disabled");
      case STEWARD_METRICS_WORKFLOW_USER_ENABLED:
        return _ ("Enabled");
      case STEWARD_METRICS_WORKFLOW_USER_DELETED:
        return _ ("Deleted");
      case STEWARD_METRICS_WORKFLOW_USER_MIGRATED:
        return _ ("Migrated");
      case STEWARD_METRICS_WORKFLOW_PERMISSION_GRANTED:
        return _ ("Permissions granted");
      case STEWARD_METRICS_WORKFLOW_PERMISSION_REMOVED:
        return _ ("Permissions removed");
      case STEWARD_METRICS_WORKFLOW_API_KEY_AUTHENTICATED:
      default:
        return _ ("API key sign-ins");
    }
}

static guint64
day_total (StewardMetrics *metrics,
           guint           day)
{
  guint64 total = 0;

  for (guint w = 0; w < BAR_WORKFLOWS; w++)
    total += steward_metrics_get_day_count (metrics, day, w);
  return total;
}

char *
steward_metrics_chart_dup_summary (StewardMetricsChart *self)
{
  g_autoptr (GString) summary = NULL;

  g_return_val_if_fail (STEWARD_IS_METRICS_CHART (self), NULL);

  if (self->metrics == NULL)
    return g_strdup (_ ("No metrics downloaded yet"));

  summary = g_string_new (NULL);
  g_string_append_printf (summary, _ ("From %s to %s:"),
                          steward_metrics_get_from (self->metrics), steward_metrics_get_to (self->metrics));
  for (guint w = 0; w < STEWARD_METRICS_N_WORKFLOWS; w++)
    g_string_append_printf (summary, " %s %" G_GUINT64_FORMAT "%s", workflow_label (w),
                            steward_metrics_get_workflow_total (self->metrics, w),
                            w + 1 < STEWARD_METRICS_N_WORKFLOWS ? "," : ".");
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
update_description (StewardMetricsChart *self)
{
  g_autofree char *summary = steward_metrics_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Daily workflow counts"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
append_text (GtkWidget   *widget,
             GtkSnapshot *snapshot,
             const char  *text,
             float        x,
             float        y)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_legend (StewardMetricsChart *self,
                 GtkSnapshot         *snapshot,
                 float                top,
                 float                width)
{
  float x = AXIS_WIDTH;
  float y = top + 8;

  for (guint w = 0; w < BAR_WORKFLOWS; w++)
    {
      const char *label = workflow_label (w);
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
      GdkRGBA color;
      int     text_width, text_height;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (x + SWATCH + 4 + text_width > width)
        {
          x = AXIS_WIDTH;
          y += text_height + 2;
        }
      gdk_rgba_parse (&color, bar_colors[w]);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y + (text_height - SWATCH) / 2.0f, SWATCH, SWATCH));
      append_text (GTK_WIDGET (self), snapshot, label, x + SWATCH + 4, y);
      x += SWATCH + 4 + text_width + 12;
    }
}

static void
steward_metrics_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  StewardMetricsChart *self = STEWARD_METRICS_CHART (widget);
  float                width = gtk_widget_get_width (widget);
  float                plot_height = gtk_widget_get_height (widget) - LEGEND_HEIGHT;
  guint                n_days;
  guint64              peak = 0;
  float                slot;
  g_autofree char     *peak_text = NULL;
  GdkRGBA              axis;

  if (self->metrics == NULL || plot_height <= 0)
    return;

  n_days = steward_metrics_get_n_days (self->metrics);
  for (guint day = 0; day < n_days; day++)
    peak = MAX (peak, day_total (self->metrics, day));
  slot = n_days > 0 ? (width - AXIS_WIDTH) / n_days : 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &axis);
  G_GNUC_END_IGNORE_DEPRECATIONS
  axis.alpha = 0.3f;
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (AXIS_WIDTH, plot_height - 1, width - AXIS_WIDTH, 1));
  peak_text = g_strdup_printf ("%" G_GUINT64_FORMAT, peak);
  append_text (widget, snapshot, peak_text, 0, 0);
  append_text (widget, snapshot, "0", 0, plot_height - 18);

  for (guint day = 0; day < n_days && peak > 0; day++)
    {
      float bottom = plot_height - 1;
      float bar_width = MAX (1.0f, slot * 0.7f);
      float x = AXIS_WIDTH + day * slot + (slot - bar_width) / 2;

      for (guint w = 0; w < BAR_WORKFLOWS; w++)
        {
          guint64 count = steward_metrics_get_day_count (self->metrics, day, w);
          float   height = (float) count / peak * (plot_height - 20);
          GdkRGBA color;

          if (count == 0)
            continue;
          gdk_rgba_parse (&color, bar_colors[w]);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, bottom - height, bar_width, height));
          bottom -= height;
        }
    }

  snapshot_legend (self, snapshot, plot_height, width);
}

static void
steward_metrics_chart_measure (GtkWidget     *widget,
                               GtkOrientation orientation,
                               int            for_size,
                               int           *minimum,
                               int           *natural,
                               int           *minimum_baseline,
                               int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    {
      *minimum = 160 + LEGEND_HEIGHT;
      *natural = 200 + LEGEND_HEIGHT;
    }
}

static void
steward_metrics_chart_dispose (GObject *object)
{
  StewardMetricsChart *self = STEWARD_METRICS_CHART (object);

  g_clear_object (&self->metrics);

  G_OBJECT_CLASS (steward_metrics_chart_parent_class)->dispose (object);
}

static void
steward_metrics_chart_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardMetricsChart *self = STEWARD_METRICS_CHART (object);

  switch (prop_id)
    {
      case PROP_METRICS:
        g_value_set_object (value, self->metrics);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_metrics_chart_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StewardMetricsChart *self = STEWARD_METRICS_CHART (object);

  switch (prop_id)
    {
      case PROP_METRICS:
        steward_metrics_chart_set_metrics (self, g_value_get_object (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_metrics_chart_class_init (StewardMetricsChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_metrics_chart_dispose;
  object_class->get_property = steward_metrics_chart_get_property;
  object_class->set_property = steward_metrics_chart_set_property;
  widget_class->snapshot = steward_metrics_chart_snapshot;
  widget_class->measure = steward_metrics_chart_measure;

  properties[PROP_METRICS] = g_param_spec_object ("metrics", NULL, NULL, STEWARD_TYPE_METRICS,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "metrics-chart");
}

static void
steward_metrics_chart_init (StewardMetricsChart *self)
{
  update_description (self);
}

GtkWidget *
steward_metrics_chart_new (void)
{
  return g_object_new (STEWARD_TYPE_METRICS_CHART, NULL);
}

StewardMetrics *
steward_metrics_chart_get_metrics (StewardMetricsChart *self)
{
  g_return_val_if_fail (STEWARD_IS_METRICS_CHART (self), NULL);

  return self->metrics;
}

void
steward_metrics_chart_set_metrics (StewardMetricsChart *self,
                                   StewardMetrics      *metrics)
{
  g_return_if_fail (STEWARD_IS_METRICS_CHART (self));
  g_return_if_fail (metrics == NULL || STEWARD_IS_METRICS (metrics));

  if (!g_set_object (&self->metrics, metrics))
    return;

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS]);
}
