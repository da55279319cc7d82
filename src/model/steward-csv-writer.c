/* steward-csv-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-csv-writer.h"

#include <string.h>

void
steward_csv_append_field (GString    *out,
                          const char *text,
                          gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",;\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
steward_csv_append_record (GString           *out,
                           const char *const *fields,
                           guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    steward_csv_append_field (out, fields[i], i == 0);
  steward_csv_end_record (out);
}

void
steward_csv_end_record (GString *out)
{
  g_string_append (out, "\r\n");
}
