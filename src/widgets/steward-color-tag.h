/* steward-color-tag.h
 *
 * A server profile's colour tag ("PROD" in red) as stored in the profile:
 * "COLOUR:TEXT", where COLOUR is one of a small palette that reads well in
 * light and dark styles. A tag without a known colour prefix is grey.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The palette, in the order offered to people. */
const char *const *steward_color_tag_get_colors (void);
/* The translated name of a palette colour ("Red"). */
const char *steward_color_tag_get_color_label (const char *color);

/* Splits @color_tag; either out argument may be NULL. The text is NULL
 * when the tag is empty. */
void steward_color_tag_parse (const char *color_tag,
                              char      **out_color,
                              char      **out_text);
/* Joins @color and @text; NULL when @text is empty (no tag). */
char *steward_color_tag_build (const char *color,
                               const char *text);

/* Shows @color_tag on @label (hidden when there is none) with the CSS
 * classes "steward-tag" and the colour's name. */
void steward_color_tag_apply (GtkLabel   *label,
                              const char *color_tag);

G_END_DECLS
