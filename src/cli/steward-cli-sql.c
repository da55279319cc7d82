/* steward-cli-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-cli-sql.h"

#include <glib/gi18n-lib.h>
#include <string.h>

char *
steward_cli_sql_quote (const char *value,
                       const char *option,
                       GError    **error)
{
  GString *literal;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (option != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("The value of %s is not valid UTF-8"), option);
      return NULL;
    }

  /* A NUL cannot arrive here through a C string; the other control
   * characters could, and no user or IAM name legitimately holds one. */
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("The value of %s contains a control character, which cannot be used in SQL"), option);
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
            const char *option,
            GError    **error)
{
  g_autofree char *literal = steward_cli_sql_quote (value, option, error);

  if (literal == NULL)
    return FALSE;

  g_string_append_printf (out, "SET %s = %s;\n", setting, literal);
  return TRUE;
}

char *
steward_cli_impersonation_sql (const char *iamid,
                               const char *userid,
                               const char *template,
                               GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (iamid != NULL, NULL);
  g_return_val_if_fail (userid != NULL, NULL);

  if (template != NULL && strstr (template, STEWARD_CLI_TEMPLATE_PLACEHOLDER) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("The template must contain %s, e.g. “%s@example.com”"),
                   STEWARD_CLI_TEMPLATE_PLACEHOLDER, STEWARD_CLI_TEMPLATE_PLACEHOLDER);
      return NULL;
    }

  if (!append_set (out, "immuta.impersonation_iamid", iamid, "--iamid", error) || !append_set (out, "immuta.impersonation_userid", userid, "--userid", error))
    return NULL;

  if (template != NULL && !append_set (out, "immuta.impersonation_userid_template", template, "--template", error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
