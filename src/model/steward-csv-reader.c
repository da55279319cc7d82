/* steward-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-csv-reader.h"

#include <glib/gi18n.h>
#include <string.h>

struct _StewardCsvReader
{
  const char *data;
  const char *end;
  const char *at;
  guint       line;
  char        delimiter;
};

G_DEFINE_QUARK (steward - csv - error - quark, steward_csv_error)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Counts ',' and ';' outside quotes up to the end of the first record. */
static char
detect_delimiter (const char *at,
                  const char *end)
{
  gboolean quoted = FALSE;
  guint    commas = 0, semicolons = 0;

  for (; at < end; at++)
    {
      if (*at == '"')
        quoted = !quoted;
      else if (!quoted && (*at == '\n' || *at == '\r'))
        break;
      else if (!quoted && *at == ',')
        commas++;
      else if (!quoted && *at == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
at_line_end (StewardCsvReader *self)
{
  return self->at < self->end && (*self->at == '\n' || *self->at == '\r');
}

static void
skip_line_end (StewardCsvReader *self)
{
  if (self->at < self->end && *self->at == '\r')
    self->at++;
  if (self->at < self->end && *self->at == '\n')
    self->at++;
  self->line++;
}

/* Reads one field; leaves self->at on the delimiter, the line end or the
 * end of the data. */
static char *
read_field (StewardCsvReader *self,
            GError          **error)
{
  GString *field = g_string_new (NULL);

  if (self->at < self->end && *self->at == '"')
    {
      guint start_line = self->line;

      self->at++;
      for (;;)
        {
          if (self->at >= self->end)
            {
              g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_UNCLOSED,
                           _ ("Line %u: the quoted field that starts here is never closed."), start_line);
              return (g_string_free (field, TRUE), NULL);
            }
          if (*self->at == '"')
            {
              if (self->at + 1 < self->end && self->at[1] == '"')
                {
                  g_string_append_c (field, '"');
                  self->at += 2;
                  continue;
                }
              self->at++;
              break;
            }
          if (*self->at == '\n')
            self->line++;
          g_string_append_c (field, *self->at++);
        }
      if (self->at < self->end && *self->at != self->delimiter && !at_line_end (self))
        {
          g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_STRAY_QUOTE,
                       _ ("Line %u: there are characters after the closing quote of a field."), self->line);
          return (g_string_free (field, TRUE), NULL);
        }
      return g_string_free (field, FALSE);
    }

  while (self->at < self->end && *self->at != self->delimiter && !at_line_end (self))
    {
      if (*self->at == '"')
        {
          g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_STRAY_QUOTE,
                       _ ("Line %u: a quote inside a field that does not start with one."), self->line);
          return (g_string_free (field, TRUE), NULL);
        }
      g_string_append_c (field, *self->at++);
    }
  return g_string_free (field, FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardCsvReader *
steward_csv_reader_new (const char *data,
                        gsize       length,
                        GError    **error)
{
  StewardCsvReader *self;
  const char       *bad;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_ENCODING,
                   _ ("Line %u is not UTF-8 text. Save the file as UTF-8 and try again."), line_of (data, bad));
      return NULL;
    }

  self = g_new0 (StewardCsvReader, 1);
  self->data = data;
  self->end = data + length;
  self->at = data;
  self->line = 1;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->at += 3;
  self->delimiter = detect_delimiter (self->at, self->end);
  return self;
}

void
steward_csv_reader_free (StewardCsvReader *self)
{
  g_free (self);
}

char
steward_csv_reader_get_delimiter (StewardCsvReader *self)
{
  return self->delimiter;
}

gboolean
steward_csv_reader_next (StewardCsvReader *self,
                         GStrv            *fields,
                         guint            *line,
                         GError          **error)
{
  g_autoptr (GStrvBuilder) builder = NULL;

  g_return_val_if_fail (fields != NULL, FALSE);

  *fields = NULL;
  while (at_line_end (self))
    skip_line_end (self);
  if (self->at >= self->end)
    return FALSE;

  if (line != NULL)
    *line = self->line;
  builder = g_strv_builder_new ();
  for (;;)
    {
      char *field = read_field (self, error);

      if (field == NULL)
        return FALSE;
      g_strv_builder_add (builder, field);
      g_free (field);
      if (self->at < self->end && *self->at == self->delimiter)
        {
          self->at++;
          continue;
        }
      break;
    }
  if (at_line_end (self))
    skip_line_end (self);

  *fields = g_strv_builder_end (builder);
  return TRUE;
}
