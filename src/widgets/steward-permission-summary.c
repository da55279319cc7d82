/* steward-permission-summary.c
 *
 * Drawn from a PangoLayout rather than a GtkLabel: the text depends on the
 * width the column gives us, and changing a label's text during
 * allocation would ask for a new size in the middle of one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-permission-summary.h"

#include <glib/gi18n-lib.h>

struct _StewardPermissionSummary
{
  GtkWidget parent_instance;

  GStrv        permissions;
  PangoLayout *layout;
  char        *shown_text;
};

G_DEFINE_FINAL_TYPE (StewardPermissionSummary, steward_permission_summary, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PERMISSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The first @n_shown names and, when some are left out, how many. */
static char *
compose (const char *const *permissions,
         guint              n_shown)
{
  guint n = g_strv_length ((GStrv) permissions);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_shown; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between two permission names in the directory. */
        g_string_append (text, _ (", "));
      g_string_append (text, permissions[i]);
    }
  if (n_shown == 0 && n > 0)
    /* A bare "+3" would not say what is counted. */
    g_string_append_printf (text, ngettext ("%u permission", "%u permissions", n), n);
  else if (n_shown < n)
    {
      g_string_append (text, _ (", "));
      /* TRANSLATORS: how many more permissions than fit the column: "+3". */
      g_string_append_printf (text, _ ("+%u"), n - n_shown);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
n_permissions (StewardPermissionSummary *self)
{
  return self->permissions != NULL ? g_strv_length (self->permissions) : 0;
}

/* The accessible label is kept current; the tooltip is composed only
 * when asked for (query_tooltip).  Setting tooltip text on each row would
 * make GTK look for the pointer every time a row is bound to a new user,
 * a round trip to the display server per row while a page is painted. */
static void
update_accessible_label (StewardPermissionSummary *self)
{
  g_autofree char *spoken = self->permissions != NULL ? g_strjoinv (", ", self->permissions) : NULL;

  /* A screen reader hears every name, whatever fits on screen. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken != NULL ? spoken : "", -1);
}

/* ------------------------------------------------------------------ */
/* GtkWidget                                                           */
/* ------------------------------------------------------------------ */

static void
steward_permission_summary_measure (GtkWidget     *widget,
                                    GtkOrientation orientation,
                                    int            for_size,
                                    int           *minimum,
                                    int           *natural,
                                    int           *minimum_baseline,
                                    int           *natural_baseline)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (widget);
  guint                     n = n_permissions (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      g_autofree char *count = n > 0 ? compose ((const char *const *) self->permissions, 0) : NULL;
      g_autofree char *all = n > 0 ? compose ((const char *const *) self->permissions, n) : NULL;

      /* At the least the count; at best every name. */
      *minimum = count != NULL ? text_width (widget, count) : 0;
      *natural = all != NULL ? text_width (widget, all) : 0;
    }
  else
    {
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Xg");
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      *minimum = *natural = height;
      *minimum_baseline = *natural_baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
    }
}

static void
steward_permission_summary_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (widget);

  g_clear_pointer (&self->shown_text, g_free);
  self->shown_text = steward_permission_summary_fit (widget, (const char *const *) self->permissions, width);
  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (widget, self->shown_text);
}

static void
steward_permission_summary_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (widget);
  int                       height;

  if (self->layout == NULL)
    return;

  pango_layout_get_pixel_size (self->layout, NULL, &height);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0,
                              (gtk_widget_get_height (widget) - height) / 2.0, self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
steward_permission_summary_css_changed (GtkWidget         *widget,
                                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (steward_permission_summary_parent_class)->css_changed (widget, change);
  /* Another font measures the names differently. */
  gtk_widget_queue_resize (widget);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
steward_permission_summary_finalize (GObject *object)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (object);

  g_clear_pointer (&self->permissions, g_strfreev);
  g_clear_pointer (&self->shown_text, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (steward_permission_summary_parent_class)->finalize (object);
}

static void
steward_permission_summary_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (object);

  switch (prop_id)
    {
      case PROP_PERMISSIONS:
        g_value_set_boxed (value, self->permissions);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_permission_summary_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  StewardPermissionSummary *self = STEWARD_PERMISSION_SUMMARY (object);

  switch (prop_id)
    {
      case PROP_PERMISSIONS:
        steward_permission_summary_set_permissions (self, g_value_get_boxed (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
steward_permission_summary_query_tooltip (GtkWidget  *widget,
                                          int         x,
                                          int         y,
                                          gboolean    keyboard_tooltip,
                                          GtkTooltip *tooltip)
{
  g_autofree char *text = steward_permission_summary_dup_tooltip_text (STEWARD_PERMISSION_SUMMARY (widget));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
steward_permission_summary_class_init (StewardPermissionSummaryClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = steward_permission_summary_finalize;
  object_class->get_property = steward_permission_summary_get_property;
  object_class->set_property = steward_permission_summary_set_property;

  widget_class->measure = steward_permission_summary_measure;
  widget_class->size_allocate = steward_permission_summary_size_allocate;
  widget_class->snapshot = steward_permission_summary_snapshot;
  widget_class->css_changed = steward_permission_summary_css_changed;
  widget_class->query_tooltip = steward_permission_summary_query_tooltip;

  properties[PROP_PERMISSIONS] = g_param_spec_boxed ("permissions", NULL, NULL, G_TYPE_STRV,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "permission-summary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
steward_permission_summary_init (StewardPermissionSummary *self)
{
  /* Set once: query_tooltip decides, per query, whether there is one. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible_label (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_permission_summary_new (void)
{
  return g_object_new (STEWARD_TYPE_PERMISSION_SUMMARY, NULL);
}

const char *const *
steward_permission_summary_get_permissions (StewardPermissionSummary *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_SUMMARY (self), NULL);

  return (const char *const *) self->permissions;
}

void
steward_permission_summary_set_permissions (StewardPermissionSummary *self,
                                            const char *const        *permissions)
{
  g_return_if_fail (STEWARD_IS_PERMISSION_SUMMARY (self));

  if (self->permissions == NULL && permissions == NULL)
    return;
  if (self->permissions != NULL && permissions != NULL && g_strv_equal ((const char *const *) self->permissions, permissions))
    return;

  g_clear_pointer (&self->permissions, g_strfreev);
  self->permissions = g_strdupv ((GStrv) permissions);
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERMISSIONS]);
}

/* Every name, one a line; %NULL when there is none to show. */
char *
steward_permission_summary_dup_tooltip_text (StewardPermissionSummary *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_SUMMARY (self), NULL);

  if (n_permissions (self) == 0)
    return NULL;
  return g_strjoinv ("\n", self->permissions);
}

const char *
steward_permission_summary_get_shown_text (StewardPermissionSummary *self)
{
  g_return_val_if_fail (STEWARD_IS_PERMISSION_SUMMARY (self), NULL);

  return self->shown_text != NULL ? self->shown_text : "";
}

char *
steward_permission_summary_fit (GtkWidget         *widget,
                                const char *const *permissions,
                                int                width)
{
  guint n = permissions != NULL ? g_strv_length ((GStrv) permissions) : 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  /* The most names that fit, whole; the count alone when none does. */
  for (guint shown = n; shown > 0; shown--)
    {
      g_autofree char *text = compose (permissions, shown);

      if (text_width (widget, text) <= width)
        return g_steal_pointer (&text);
    }
  return n > 0 ? compose (permissions, 0) : g_strdup ("");
}
