/* steward-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-json-writer.h"
#include "steward-time.h"

/* What json-glib 1.6 escapes, and how: the quote and the backslash, the
 * control characters 0x01 to 0x1e and 0x7f (0x1f passes through as it does
 * there); everything else, UTF-8 included, is copied. */
static gboolean
needs_escape (unsigned char c)
{
  return c == '"' || c == '\\' || (c > 0 && c < 0x1f) || c == 0x7f;
}

void
steward_json_write_string (GString    *out,
                           const char *text)
{
  const char *run;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (!needs_escape (c))
        continue;

      /* Plain runs are copied in one go: most text needs no escape. */
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
          case '"':
          case '\\':
            g_string_append_c (out, '\\');
            g_string_append_c (out, (char) c);
            break;
          case '\b':
            g_string_append_len (out, "\\b", 2);
            break;
          case '\f':
            g_string_append_len (out, "\\f", 2);
            break;
          case '\n':
            g_string_append_len (out, "\\n", 2);
            break;
          case '\r':
            g_string_append_len (out, "\\r", 2);
            break;
          case '\t':
            g_string_append_len (out, "\\t", 2);
            break;
          default:
            g_string_append_printf (out, "\\u00%02x", (guint) c);
            break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

void
steward_json_write_time (GString *out,
                         gint64   ms)
{
  char text[STEWARD_TIME_TEXT_SIZE];

  if (ms != 0 && steward_time_format_to (ms, text))
    {
      g_string_append_c (out, '"');
      g_string_append_len (out, text, STEWARD_TIME_TEXT_SIZE - 1);
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, "null", 4);
}

static void
write_int (GString *out,
           gint64   value)
{
  char  digits[24];
  char *p = digits + sizeof digits;
  /* Unsigned, so the most negative value negates without overflow. */
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, digits + sizeof digits - p);
}

/* "name": — member names are our own ASCII literals, never escaped. */
#define MEMBER(out, literal) g_string_append_len ((out), "\"" literal "\":", sizeof (literal) + 2)

static void
write_strings (GString   *out,
               GPtrArray *strings)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  /* NULL entries (the terminator of a NULL-terminated array) are skipped. */
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      const char *string = g_ptr_array_index (strings, i);

      if (string == NULL)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      steward_json_write_string (out, string);
      first = FALSE;
    }
  g_string_append_c (out, ']');
}

static void
write_boolean (GString *out,
               gboolean value)
{
  if (value)
    g_string_append_len (out, "true", 4);
  else
    g_string_append_len (out, "false", 5);
}

void
steward_json_write_profile (GString                *out,
                            const StewardStoreUser *user)
{
  g_string_append_c (out, '{');
  MEMBER (out, "id");
  write_int (out, user->id);
  g_string_append_c (out, ',');
  MEMBER (out, "name");
  steward_json_write_string (out, user->name);
  g_string_append_c (out, ',');
  MEMBER (out, "email");
  steward_json_write_string (out, user->email);
  g_string_append_c (out, ',');
  MEMBER (out, "sqlUser");
  steward_json_write_string (out, user->sql_user);
  g_string_append_c (out, ',');
  MEMBER (out, "phone");
  steward_json_write_string (out, user->phone);
  g_string_append_c (out, ',');
  MEMBER (out, "position");
  steward_json_write_string (out, user->position);
  g_string_append_c (out, ',');
  MEMBER (out, "organization");
  steward_json_write_string (out, user->organization);
  g_string_append_c (out, ',');
  MEMBER (out, "createdAt");
  steward_json_write_time (out, user->created_at);
  g_string_append_c (out, ',');
  MEMBER (out, "updatedAt");
  steward_json_write_time (out, user->profile_updated_at);
  g_string_append_c (out, '}');
}

void
steward_json_write_user (GString                *out,
                         const StewardStoreUser *user)
{
  g_string_append_c (out, '{');
  MEMBER (out, "id");
  write_int (out, user->id);
  g_string_append_c (out, ',');
  MEMBER (out, "iamid");
  steward_json_write_string (out, user->iamid);
  g_string_append_c (out, ',');
  MEMBER (out, "userid");
  steward_json_write_string (out, user->userid);

  g_string_append_c (out, ',');
  MEMBER (out, "profile");
  steward_json_write_profile (out, user);
  g_string_append_c (out, ',');
  MEMBER (out, "permissions");
  write_strings (out, user->permissions);
  g_string_append_c (out, ',');
  MEMBER (out, "groupPermissions");
  write_strings (out, user->group_permissions);
  g_string_append_c (out, ',');
  MEMBER (out, "disabled");
  write_boolean (out, user->disabled);
  g_string_append_c (out, ',');
  MEMBER (out, "systemGenerated");
  write_boolean (out, user->system_generated);
  g_string_append_c (out, ',');
  MEMBER (out, "lastLogin");
  steward_json_write_time (out, user->last_login);
  g_string_append_c (out, ',');
  MEMBER (out, "createdAt");
  steward_json_write_time (out, user->created_at);
  g_string_append_c (out, ',');
  MEMBER (out, "updatedAt");
  steward_json_write_time (out, user->updated_at);
  g_string_append_c (out, '}');
}

void
steward_json_write_user_list (GString   *out,
                              GPtrArray *users,
                              gint64     count)
{
  g_string_append_c (out, '{');
  MEMBER (out, "hits");
  g_string_append_c (out, '[');
  for (guint i = 0; i < users->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      steward_json_write_user (out, g_ptr_array_index (users, i));
    }
  g_string_append_c (out, ']');
  g_string_append_c (out, ',');
  MEMBER (out, "count");
  write_int (out, count);
  g_string_append_c (out, '}');
}
