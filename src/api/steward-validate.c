/* steward-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-validate.h"

static gboolean
is_atext (gunichar c)
{
  /* RFC 5322 atext, plus any non-ASCII letter (RFC 6531 addresses). */
  if (c >= 0x80)
    return g_unichar_isalnum (c);

  /* '/' is legal in RFC 5322 but not here: user names travel as path
   * segments, and HTTP stacks (libsoup among them) decode "%2F" before
   * routing, which would make such a user unreachable. */
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-=?^_`{|}~", (int) c) != NULL;
}

static gboolean
local_part_is_valid (const char *start,
                     const char *end)
{
  gboolean previous_dot = TRUE; /* no leading dot */

  if (end - start < 1 || end - start > 64)
    return FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.')
        {
          if (previous_dot)
            return FALSE;
          previous_dot = TRUE;
          continue;
        }
      if (!is_atext (c))
        return FALSE;
      previous_dot = FALSE;
    }

  return !previous_dot; /* no trailing dot */
}

static gboolean
domain_is_valid (const char *domain)
{
  g_auto (GStrv) labels = NULL;
  gsize len = strlen (domain);

  if (len < 1 || len > 253)
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize       label_len = strlen (label);

      if (label_len < 1 || label_len > 63 || label[0] == '-' || label[label_len - 1] == '-')
        return FALSE;

      for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c != '-' && !(c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c)))
            return FALSE;
        }
    }

  return TRUE;
}

/* A pragmatic address check: one '@', a dot-atom local part and a domain made
 * of letters, digits and hyphens. "admin@localhost" is accepted on purpose:
 * it is the first administrator of a fresh steward-server. */
gboolean
steward_email_is_valid (const char *email)
{
  const char *at;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;
  if (g_utf8_strlen (email, -1) > STEWARD_EMAIL_MAX_CHARS)
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  return local_part_is_valid (email, at) && domain_is_valid (at + 1);
}

gboolean
steward_full_name_is_valid (const char *name)
{
  glong n_chars;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  n_chars = g_utf8_strlen (name, -1);
  if (n_chars < 1 || n_chars > STEWARD_NAME_MAX_CHARS)
    return FALSE;

  /* A name made only of spaces is no name; control characters never belong. */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/* PostgreSQL identifiers that need no quoting: ^[A-Za-z_][A-Za-z0-9_$]{0,62}$ */
gboolean
steward_sql_user_is_valid (const char *sql_user)
{
  gsize len;

  if (sql_user == NULL)
    return FALSE;

  len = strlen (sql_user);
  if (len < 1 || len > 63)
    return FALSE;
  if (!g_ascii_isalpha (sql_user[0]) && sql_user[0] != '_')
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      char c = sql_user[i];

      if (!g_ascii_isalnum (c) && c != '_' && c != '$')
        return FALSE;
    }

  return TRUE;
}

/* IAM ids are case-sensitive names such as "bim", "okta", "Corporate-LDAP". */
gboolean
steward_iam_id_is_valid (const char *iamid)
{
  gsize len;

  if (iamid == NULL)
    return FALSE;

  len = strlen (iamid);
  if (len < 1 || len > 64 || !g_ascii_isalnum (iamid[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      char c = iamid[i];

      if (!g_ascii_isalnum (c) && c != '_' && c != '-' && c != '.')
        return FALSE;
    }

  return TRUE;
}
