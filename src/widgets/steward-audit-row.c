/* steward-audit-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-audit-row.h"

#include "steward-format.h"

#include <glib/gi18n-lib.h>

static char *
describe_party (const char *iamid,
                const char *userid)
{
  if (userid == NULL || *userid == '\0')
    return g_strdup (_ ("the server"));
  return g_strdup_printf ("%s (%s)", userid, iamid != NULL ? iamid : "?");
}

GtkWidget *
steward_audit_row_new (StewardAuditRecord *record,
                       gboolean            show_target)
{
  g_autofree char *when = steward_format_date_time (steward_audit_record_get_date_time (record));
  g_autofree char *full = steward_format_date_time_full (steward_audit_record_get_date_time (record));
  g_autofree char *actor = describe_party (steward_audit_record_get_actor_iamid (record), steward_audit_record_get_actor_userid (record));
  g_autofree char *target = describe_party (steward_audit_record_get_target_iamid (record), steward_audit_record_get_target_userid (record));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget       *row = adw_action_row_new ();

  if (show_target)
    title = g_strdup_printf ("%s: %s", steward_format_record_type (steward_audit_record_get_record_type (record)), target);
  else
    title = g_strdup (steward_format_record_type (steward_audit_record_get_record_type (record)));
  subtitle = g_strdup_printf (_ ("%s, by %s"), when, actor);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, full);
  if (!steward_audit_record_get_success (record))
    {
      GtkWidget *failed = gtk_label_new (_ ("Failed"));

      gtk_widget_add_css_class (failed, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), failed);
    }
  return row;
}
