/* steward-impersonation-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-impersonation-sql.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

char *
steward_sql_quote_literal (const char *value,
                           const char *what,
                           GError    **error)
{
  GString *literal;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("The value of %s is not valid UTF-8"), what);
      return NULL;
    }

  /* A NUL cannot arrive here through a C string; the other control
   * characters could, and no user or IAM name legitimately holds one. */
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _ ("The value of %s contains a control character, which cannot be used in SQL"), what);
          return NULL;
        }
    }

  literal = g_string_sized_new (strlen (value) + 3);

  /* With standard_conforming_strings off, a backslash in '…' escapes the
   * next character, so "\'" would end the literal early. An E'…' literal
   * treats backslashes as escapes in every configuration, so there a
   * doubled backslash is always one backslash. */
  if (strchr (value, '\\') != NULL)
    g_string_append_c (literal, 'E');

  g_string_append_c (literal, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (literal, *p);
      g_string_append_c (literal, *p);
    }
  g_string_append_c (literal, '\'');

  return g_string_free (literal, FALSE);
}

static gboolean
append_set (GString    *out,
            const char *setting,
            const char *value,
            const char *what,
            GError    **error)
{
  g_autofree char *literal = steward_sql_quote_literal (value, what, error);

  if (literal == NULL)
    return FALSE;

  g_string_append_printf (out, "SET %s = %s;\n", setting, literal);
  return TRUE;
}

char *
steward_impersonation_sql (const char *iamid,
                           const char *userid,
                           const char *template,
                           const char *const what[3],
                           GError          **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (iamid != NULL, NULL);
  g_return_val_if_fail (userid != NULL, NULL);

  if (template != NULL && strstr (template, STEWARD_IMPERSONATION_TEMPLATE_PLACEHOLDER) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("The template must contain %s, e.g. “%s@example.com”"),
                   STEWARD_IMPERSONATION_TEMPLATE_PLACEHOLDER, STEWARD_IMPERSONATION_TEMPLATE_PLACEHOLDER);
      return NULL;
    }

  if (!append_set (out, "immuta.impersonation_iamid", iamid, what[0], error) || !append_set (out, "immuta.impersonation_userid", userid, what[1], error))
    return NULL;

  if (template != NULL && !append_set (out, "immuta.impersonation_userid_template", template, what[2], error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

StewardImpersonationReadiness
steward_impersonation_get_readiness (StewardUser *operator)
{
  const char *sql_user;

  g_return_val_if_fail (STEWARD_IS_USER (operator), STEWARD_IMPERSONATION_NOT_GRANTED);

  if (!steward_user_has_permission (operator, "IMPERSONATE_USER"))
    return STEWARD_IMPERSONATION_NOT_GRANTED;
  sql_user = steward_user_get_sql_user (operator);
  if (sql_user == NULL || *sql_user == '\0')
    return STEWARD_IMPERSONATION_NEEDS_SQL_USER;
  return STEWARD_IMPERSONATION_READY;
}

const char *
steward_impersonation_describe_readiness (StewardImpersonationReadiness readiness)
{
  switch (readiness)
    {
      case STEWARD_IMPERSONATION_READY:
        return _ ("Can act as other users in the query engine");
      case STEWARD_IMPERSONATION_NEEDS_SQL_USER:
        return _ ("Holds IMPERSONATE_USER but has no SQL credentials yet");
      case STEWARD_IMPERSONATION_NOT_GRANTED:
      default:
        return _ ("Does not hold IMPERSONATE_USER");
    }
}
