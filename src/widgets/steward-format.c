/* steward-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-format.h"

#include <glib/gi18n-lib.h>

char *
steward_format_date_time_from (GDateTime *date_time,
                               GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;
  GTimeSpan elapsed;

  g_return_val_if_fail (now != NULL, NULL);

  if (date_time == NULL)
    return g_strdup (_ ("Never"));

  elapsed = g_date_time_difference (now, date_time);

  /* A clock a little ahead of the server's still reads as "just now". */
  if (elapsed < G_TIME_SPAN_MINUTE)
    return g_strdup (_ ("Just now"));

  if (elapsed < G_TIME_SPAN_HOUR)
    {
      guint minutes = elapsed / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", minutes), minutes);
    }

  if (elapsed < G_TIME_SPAN_DAY)
    {
      guint hours = elapsed / G_TIME_SPAN_HOUR;

      return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", hours), hours);
    }

  if (elapsed < 7 * G_TIME_SPAN_DAY)
    {
      guint days = elapsed / G_TIME_SPAN_DAY;

      return g_strdup_printf (ngettext ("%u day ago", "%u days ago", days), days);
    }

  /* %x is the locale's own way of writing a date. */
  local = g_date_time_to_local (date_time);
  return g_date_time_format (local, "%x");
}

char *
steward_format_date_time (GDateTime *date_time)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return steward_format_date_time_from (date_time, now);
}

static const struct
{
  const char *type;
  const char *label;
} record_types[] = {
  { "userCreated", N_ ("User created") },
  { "userUpdated", N_ ("Profile changed") },
  { "permissionsUpdated", N_ ("Permissions changed") },
  { "userDisabled", N_ ("User disabled") },
  { "userEnabled", N_ ("User enabled") },
  { "userMigrated", N_ ("User migrated") },
  { "userDeleted", N_ ("User permanently deleted") },
  { "apiKeyAuthenticated", N_ ("Signed in with an API key") },
  { "apiKeyCreated", N_ ("API key created") },
  { "apiKeyRevoked", N_ ("API key revoked") },
};

guint
steward_format_n_record_types (void)
{
  return G_N_ELEMENTS (record_types);
}

const char *
steward_format_record_type_at (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (record_types), NULL);

  return record_types[index].type;
}

const char *
steward_format_record_type (const char *record_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_strcmp0 (record_types[i].type, record_type) == 0)
      return _ (record_types[i].label);

  /* A newer server's type: show it as it came. */
  return record_type != NULL ? record_type : "";
}
