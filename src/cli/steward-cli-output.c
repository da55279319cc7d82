/* steward-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-output.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#define COLUMN_GAP "  "
#define REPLACEMENT_CHARACTER 0xFFFD

struct _StewardCliTable
{
  guint            n_columns;
  GStrv            header; /* NULL without a header */
  GPtrArray       *rows;   /* of GStrv, cells sanitized */
  StewardCliAlign *align;
};

StewardCliTable *
steward_cli_table_new (guint n_columns)
{
  StewardCliTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (StewardCliTable, 1);
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->align = g_new0 (StewardCliAlign, n_columns);

  return table;
}

void
steward_cli_table_free (StewardCliTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table->align);
  g_free (table);
}

static GStrv
collect_cells (guint   n_columns,
               va_list args)
{
  GStrv cells = g_new0 (char *, n_columns + 1);

  for (guint i = 0; i < n_columns; i++)
    cells[i] = steward_cli_sanitize (va_arg (args, const char *));

  return cells;
}

void
steward_cli_table_set_header (StewardCliTable *table,
                              ...)
{
  va_list args;

  g_return_if_fail (table != NULL);

  g_strfreev (table->header);
  va_start (args, table);
  table->header = collect_cells (table->n_columns, args);
  va_end (args);
}

void
steward_cli_table_add_row (StewardCliTable *table,
                           ...)
{
  va_list args;

  g_return_if_fail (table != NULL);

  va_start (args, table);
  g_ptr_array_add (table->rows, collect_cells (table->n_columns, args));
  va_end (args);
}

void
steward_cli_table_set_align (StewardCliTable *table,
                             guint            column,
                             StewardCliAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  table->align[column] = align;
}

guint
steward_cli_table_get_n_rows (StewardCliTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

static void
append_spaces (GString *line,
               gsize    count)
{
  for (gsize i = 0; i < count; i++)
    g_string_append_c (line, ' ');
}

static void
render_row (StewardCliTable *table,
            const gsize     *widths,
            GStrv            cells,
            GString         *out)
{
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      gsize    padding = widths[i] - steward_cli_display_width (cells[i]);
      gboolean last = i + 1 == table->n_columns;

      if (i > 0)
        g_string_append (line, COLUMN_GAP);

      if (table->align[i] == STEWARD_CLI_ALIGN_RIGHT)
        {
          append_spaces (line, padding);
          g_string_append (line, cells[i]);
        }
      else
        {
          g_string_append (line, cells[i]);
          if (!last)
            append_spaces (line, padding);
        }
    }

  /* Empty trailing cells would leave spaces that diff and grep trip on. */
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);

  g_string_append_len (out, line->str, line->len);
  g_string_append_c (out, '\n');
}

char *
steward_cli_table_render (StewardCliTable *table)
{
  g_autofree gsize *widths = NULL;
  GString          *out;

  g_return_val_if_fail (table != NULL, NULL);

  widths = g_new0 (gsize, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->header != NULL)
        widths[i] = steward_cli_display_width (table->header[i]);

      for (guint r = 0; r < table->rows->len; r++)
        {
          GStrv cells = g_ptr_array_index (table->rows, r);

          widths[i] = MAX (widths[i], steward_cli_display_width (cells[i]));
        }
    }

  out = g_string_new (NULL);
  if (table->header != NULL)
    render_row (table, widths, table->header, out);
  for (guint r = 0; r < table->rows->len; r++)
    render_row (table, widths, g_ptr_array_index (table->rows, r), out);

  return g_string_free (out, FALSE);
}

gsize
steward_cli_display_width (const char *text)
{
  gsize width = 0;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;

      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

char *
steward_cli_sanitize (const char *text)
{
  g_autofree char *valid = NULL;
  GString         *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, REPLACEMENT_CHARACTER);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
steward_cli_format_count (guint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  const char      *separator = localeconv ()->thousands_sep;
  gsize            n_digits = strlen (digits);
  GString         *out = g_string_new (NULL);

  /* The C locale has no separator, yet "1,320 users" reads better than
   * "1320 users" in the English the untranslated strings are written in. */
  if (separator == NULL || *separator == '\0')
    separator = ",";

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
steward_cli_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
steward_cli_print (const char *text)
{
  g_return_if_fail (text != NULL);

  fputs (text, stdout);
}
