/* steward-setup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "steward-secrets.h"
#include "steward-setup.h"
#include "steward-validate.h"

static const char *const admin_permissions[] = {
  "APPLICATION_ADMIN",
  "AUDIT",
  "USER_ADMIN",
  NULL
};

static gboolean
ensure_iams (StewardStore      *store,
             const char *const *iam_specs,
             GError           **error)
{
  if (!steward_store_ensure_iam (store, "bim", _ ("Built-in IAM"), "bim", error))
    return FALSE;

  for (guint i = 0; iam_specs != NULL && iam_specs[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (iam_specs[i], ":", 2);

      if (g_strv_length (parts) != 2 || !steward_iam_id_is_valid (parts[0]) || *g_strstrip (parts[1]) == '\0' || g_str_equal (parts[0], "bim"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” is not an identity manager: write ID:DISPLAY_NAME, e.g. okta:Okta"),
                       iam_specs[i]);
          return FALSE;
        }

      if (!steward_store_ensure_iam (store, parts[0], parts[1], "external", error))
        return FALSE;
    }

  return TRUE;
}

gboolean
steward_setup_iams (StewardStore      *store,
                    const char *const *iam_specs,
                    GError           **error)
{
  if (!steward_store_begin (store, TRUE, error))
    return FALSE;

  if (!ensure_iams (store, iam_specs, error))
    {
      steward_store_rollback (store);
      return FALSE;
    }

  return steward_store_commit (store, error);
}

static gboolean
write_key_file (const char *data_dir,
                const char *key,
                GError    **error)
{
  g_autofree char *path = g_build_filename (data_dir, STEWARD_ADMIN_KEY_FILE, NULL);
  g_autofree char *contents = g_strconcat (key, "\n", NULL);

  /* Written atomically and durably, readable by the owner only. */
  return g_file_set_contents_full (path, contents, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

gboolean
steward_setup_first_admin (StewardStore *store,
                           const char   *data_dir,
                           char        **out_key,
                           GError      **error)
{
  g_autofree char    *key = NULL;
  StewardStoreNewUser admin = {
    .iamid = "bim",
    .userid = STEWARD_FIRST_ADMIN_USERID,
    .name = _ ("Steward Administrator"),
    .email = STEWARD_FIRST_ADMIN_USERID,
    .permissions = admin_permissions,
  };
  gint64 users = 0;
  gint64 disabled = 0;
  gint64 id;

  *out_key = NULL;

  if (!steward_store_begin (store, TRUE, error))
    return FALSE;

  /* "First start" means no users yet, so a start that crashed before this
   * point still gets its administrator next time. */
  if (!steward_store_count_users (store, &users, &disabled, error))
    goto fail;
  if (users > 0)
    {
      steward_store_rollback (store);
      return TRUE;
    }

  id = steward_store_insert_user (store, &admin, error);
  if (id == 0)
    goto fail;

  key = steward_store_create_api_key (store, id, _ ("First administrator"), NULL, error);
  if (key == NULL)
    goto fail;

  if (!steward_store_commit (store, error))
    return FALSE;

  if (!write_key_file (data_dir, key, error))
    return FALSE;

  *out_key = g_steal_pointer (&key);
  return TRUE;

fail:
  steward_store_rollback (store);
  return FALSE;
}

char *
steward_setup_issue_api_key (StewardStore *store,
                             const char   *user,
                             GError      **error)
{
  g_autoptr (StewardStoreUser) found = NULL;
  g_autofree char *key = NULL;
  g_auto (GStrv) parts = NULL;
  const char             *iamid = "bim";
  const char             *userid = user;
  StewardStoreAuditRecord record = { .record_type = (char *) "apiKeyCreated", .success = TRUE };

  /* bim userids are e-mail addresses and hold no ':'; others may be named
   * "iamid:userid". */
  parts = g_strsplit (user, ":", 2);
  if (g_strv_length (parts) == 2)
    {
      iamid = parts[0];
      userid = parts[1];
    }

  if (!steward_store_begin (store, TRUE, error))
    return NULL;

  found = steward_store_find_user (store, iamid, userid, error);
  if (found == NULL)
    goto fail;

  key = steward_store_create_api_key (store, found->id, _ ("Issued by steward-server"), NULL, error);
  if (key == NULL)
    goto fail;

  record.target_iamid = found->iamid;
  record.target_userid = found->userid;
  record.details = (char *) "{\"issuedBy\":\"steward-server --issue-api-key\"}";
  if (!steward_store_add_audit (store, &record, error))
    goto fail;

  if (!steward_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&key);

fail:
  steward_store_rollback (store);
  return NULL;
}
