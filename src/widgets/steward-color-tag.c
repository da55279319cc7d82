/* steward-color-tag.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-color-tag.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define DEFAULT_COLOR "grey"

static const char *const colors[] = { "red", "orange", "yellow", "green", "blue", "purple", DEFAULT_COLOR, NULL };

const char *const *
steward_color_tag_get_colors (void)
{
  return colors;
}

const char *
steward_color_tag_get_color_label (const char *color)
{
  if (g_strcmp0 (color, "red") == 0)
    return _ ("Red");
  if (g_strcmp0 (color, "orange") == 0)
    return _ ("Orange");
  if (g_strcmp0 (color, "yellow") == 0)
    return _ ("Yellow");
  if (g_strcmp0 (color, "green") == 0)
    return _ ("Green");
  if (g_strcmp0 (color, "blue") == 0)
    return _ ("Blue");
  if (g_strcmp0 (color, "purple") == 0)
    return _ ("Purple");
  return _ ("Grey");
}

void
steward_color_tag_parse (const char *color_tag,
                         char      **out_color,
                         char      **out_text)
{
  const char      *colon = color_tag != NULL ? strchr (color_tag, ':') : NULL;
  g_autofree char *color = colon != NULL ? g_strndup (color_tag, colon - color_tag) : NULL;
  const char      *text = color_tag;

  if (color != NULL && g_strv_contains (colors, color))
    text = colon + 1;
  else
    {
      g_free (color);
      color = g_strdup (DEFAULT_COLOR);
    }

  if (out_color != NULL)
    *out_color = g_steal_pointer (&color);
  if (out_text != NULL)
    *out_text = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

char *
steward_color_tag_build (const char *color,
                         const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return NULL;
  if (color == NULL || !g_strv_contains (colors, color))
    color = DEFAULT_COLOR;
  return g_strdup_printf ("%s:%s", color, trimmed);
}

void
steward_color_tag_apply (GtkLabel   *label,
                         const char *color_tag)
{
  g_autofree char *color = NULL;
  g_autofree char *text = NULL;
  const char      *classes[] = { "steward-tag", NULL, NULL };

  g_return_if_fail (GTK_IS_LABEL (label));

  steward_color_tag_parse (color_tag, &color, &text);
  classes[1] = color;
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}
