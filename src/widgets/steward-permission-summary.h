/* steward-permission-summary.h
 *
 * A user's permissions in one line that fits whatever width it is given:
 * the names themselves as a comma list ("USER_ADMIN, AUDIT"), as many as
 * fit followed by "+N" for the rest, and the whole list in the tooltip.
 * Never an ellipsized name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PERMISSION_SUMMARY (steward_permission_summary_get_type ())

G_DECLARE_FINAL_TYPE (StewardPermissionSummary, steward_permission_summary, STEWARD, PERMISSION_SUMMARY, GtkWidget)

GtkWidget         *steward_permission_summary_new (void);
const char *const *steward_permission_summary_get_permissions (StewardPermissionSummary *self);
void               steward_permission_summary_set_permissions (StewardPermissionSummary *self,
                                                               const char *const        *permissions);
/* What is drawn at the current width ("USER_ADMIN, +3"). */
const char *steward_permission_summary_get_shown_text (StewardPermissionSummary *self);
char       *steward_permission_summary_dup_tooltip_text (StewardPermissionSummary *self);

/* The line for @permissions at @width pixels as @widget's font measures
 * it: every name when they fit, else the first ones and "+N", else "+N". */
char *steward_permission_summary_fit (GtkWidget         *widget,
                                      const char *const *permissions,
                                      int                width);

G_END_DECLS
