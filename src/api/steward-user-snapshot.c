/* steward-user-snapshot.c
 *
 * The aggregated user of API.md, so the snapshot reads like what the
 * server returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-snapshot.h"

#include "steward-user-json.h"

char *
steward_user_snapshot_to_json (StewardUser *user,
                               GDateTime   *saved_at)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (STEWARD_IS_USER (user), NULL);
  g_return_val_if_fail (saved_at != NULL, NULL);

  /* The user as the server would send it, plus when it was written down. */
  root = steward_user_to_json (user);
  saved = g_date_time_format_iso8601 (saved_at);
  json_object_set_string_member (json_node_get_object (root), "savedAt", saved);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
steward_user_snapshot_file_name (StewardUser *user,
                                 GDateTime   *saved_at)
{
  g_autofree char *date = g_date_time_format (saved_at, "%Y-%m-%d");
  g_autofree char *userid = g_strdup (steward_user_get_userid (user) != NULL ? steward_user_get_userid (user) : "user");

  /* Only characters every file system takes. */
  g_strcanon (userid, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", '-');
  return g_strdup_printf ("user-%s-%s.json", userid, date);
}
