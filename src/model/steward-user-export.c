/* steward-user-export.c
 *
 * One page is asked for, written, and dropped before the next is asked
 * for: memory stays at one page and one page's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-export.h"
#include "steward-csv-writer.h"

#include "steward-user-json.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  StewardClient          *client;
  StewardUserQuery       *query;
  StewardUserExportShape  shape;
  StewardUserExportFormat format;
  GStrv                   columns;
  GOutputStream          *stream;
  guint64                 written;
  GBytes                 *pending; /* text being written */
  gboolean                last;    /* the page being written was the last */
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->client);
  steward_user_query_free (export->query);
  g_strfreev (export->columns);
  g_object_unref (export->stream);
  g_clear_pointer (&export->pending, g_bytes_unref);
  g_free (export);
}

static void request_page (GTask *task);

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

void
steward_user_export_append_csv_header (GString               *out,
                                       StewardUserExportShape shape,
                                       const char *const     *columns)
{
  static const char *const identity[] = { "name", "email", "iamid", "userid", "status", "createdAt", "lastLogin" };

  for (guint i = 0; i < G_N_ELEMENTS (identity); i++)
    steward_csv_append_field (out, identity[i], i == 0);
  if (shape == STEWARD_USER_EXPORT_LISTING)
    steward_csv_append_field (out, "permissions", FALSE);
  else
    {
      for (guint i = 0; columns[i] != NULL; i++)
        steward_csv_append_field (out, columns[i], FALSE);
      steward_csv_append_field (out, "otherPermissions", FALSE);
    }
  steward_csv_end_record (out);
}

/* Every permission held, directly or through a group, sorted. */
static GStrv
held_permissions (StewardUser *user)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *const *lists[] = { steward_user_get_permissions (user), steward_user_get_group_permissions (user) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      g_ptr_array_add (names, (gpointer) lists[l][i]);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    if (i == 0 || g_strcmp0 (names->pdata[i], names->pdata[i - 1]) != 0)
      g_strv_builder_add (builder, names->pdata[i]);
  return g_strv_builder_end (builder);
}

/* Empty for a user who never signed in. */
static char *
format_time (GDateTime *time)
{
  return time != NULL ? steward_json_format_time (time) : NULL;
}

void
steward_user_export_append_csv_user (GString               *out,
                                     StewardUserExportShape shape,
                                     const char *const     *columns,
                                     StewardUser           *user)
{
  g_autofree char *created = format_time (steward_user_get_created_at (user));
  g_autofree char *last_login = format_time (steward_user_get_last_login (user));
  g_auto (GStrv) held = held_permissions (user);

  steward_csv_append_field (out, steward_user_get_name (user), TRUE);
  steward_csv_append_field (out, steward_user_get_email (user), FALSE);
  steward_csv_append_field (out, steward_user_get_iamid (user), FALSE);
  steward_csv_append_field (out, steward_user_get_userid (user), FALSE);
  steward_csv_append_field (out, steward_user_get_disabled (user) ? "disabled" : "active", FALSE);
  steward_csv_append_field (out, created, FALSE);
  steward_csv_append_field (out, last_login, FALSE);
  if (shape == STEWARD_USER_EXPORT_LISTING)
    {
      g_autofree char *joined = g_strjoinv (";", held);

      steward_csv_append_field (out, joined, FALSE);
    }
  else
    {
      g_autoptr (GStrvBuilder) other = g_strv_builder_new ();
      g_auto (GStrv) others = NULL;
      g_autofree char *joined = NULL;

      const char *const *direct = steward_user_get_permissions (user);

      for (guint i = 0; columns[i] != NULL; i++)
        {
          const char *mark = "";

          if (direct != NULL && g_strv_contains (direct, columns[i]))
            mark = "x";
          else if (g_strv_contains ((const char *const *) held, columns[i]))
            mark = "group";
          steward_csv_append_field (out, mark, FALSE);
        }
      for (guint i = 0; held[i] != NULL; i++)
        if (!g_strv_contains (columns, held[i]))
          g_strv_builder_add (other, held[i]);
      others = g_strv_builder_end (other);
      joined = g_strjoinv (";", others);
      steward_csv_append_field (out, joined, FALSE);
    }
  steward_csv_end_record (out);
}

static void
append_json_user (Export *export,
                  GString     *out,
                  StewardUser *user)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (export->shape == STEWARD_USER_EXPORT_LISTING)
    node = steward_user_to_json (user);
  else
    {
      g_auto (GStrv) held = held_permissions (user);

      json_builder_begin_object (builder);
      steward_json_set_string (builder, "name", steward_user_get_name (user));
      steward_json_set_string (builder, "email", steward_user_get_email (user));
      steward_json_set_string (builder, "iamid", steward_user_get_iamid (user));
      steward_json_set_string (builder, "userid", steward_user_get_userid (user));
      steward_json_set_string (builder, "status", steward_user_get_disabled (user) ? "disabled" : "active");
      steward_json_set_time (builder, "createdAt", steward_user_get_created_at (user));
      steward_json_set_time (builder, "lastLogin", steward_user_get_last_login (user));
      steward_json_set_strings (builder, "permissions", (const char *const *) held);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
    }

  text = json_to_string (node, FALSE);
  g_string_append (out, export->written > 0 ? ",\n" : "\n");
  g_string_append (out, text);
}

static void
append_json_start (Export *export,
                   GString *out)
{
  if (export->shape == STEWARD_USER_EXPORT_LISTING)
    {
      g_string_append (out, "[");
      return;
    }

  g_string_append (out, "{\"permissions\": ");
  {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) node = NULL;
    g_autofree char *text = NULL;

    json_builder_begin_array (builder);
    for (guint i = 0; export->columns[i] != NULL; i++)
      json_builder_add_string_value (builder, export->columns[i]);
    json_builder_end_array (builder);
    node = json_builder_get_root (builder);
    text = json_to_string (node, FALSE);
    g_string_append (out, text);
  }
  g_string_append (out, ", \"users\": [");
}

static void
append_json_end (Export *export,
                 GString *out)
{
  g_string_append (out, export->shape == STEWARD_USER_EXPORT_LISTING ? "\n]\n" : "\n]}\n");
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&export->pending, g_bytes_unref);

  if (export->last)
    g_task_return_boolean (task, TRUE);
  else
    request_page (g_steal_pointer (&task));
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  GListModel   *users;
  GCancellable *cancellable;
  guint         n;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL || !steward_user_query_check_page (export->query, steward_page_result_get_items (page), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  users = steward_page_result_get_items (page);
  n = g_list_model_get_n_items (users);
  if (export->query->offset == 0)
    {
      if (export->format == STEWARD_USER_EXPORT_CSV)
        steward_user_export_append_csv_header (out, export->shape, (const char *const *) export->columns);
      else
        append_json_start (export, out);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      if (export->format == STEWARD_USER_EXPORT_CSV)
        steward_user_export_append_csv_user (out, export->shape, (const char *const *) export->columns, user);
      else
        append_json_user (export, out, user);
      export->written++;
    }

  export->query->offset += n;
  export->last = n < export->query->size || export->query->offset >= steward_page_result_get_total (page);
  if (export->last && export->format == STEWARD_USER_EXPORT_JSON)
    append_json_end (export, out);

  export->pending = g_string_free_to_bytes (g_steal_pointer (&out));
  cancellable = g_task_get_cancellable (task);
  g_output_stream_write_all_async (export->stream, g_bytes_get_data (export->pending, NULL), g_bytes_get_size (export->pending),
                                   G_PRIORITY_DEFAULT, cancellable, written_cb, g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  Export *export = g_task_get_task_data (task);

  steward_client_list_users_async (export->client, export->query, g_task_get_cancellable (task), page_cb, task);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
steward_user_export_async (StewardClient          *client,
                           const StewardUserQuery *query,
                           StewardUserExportShape  shape,
                           StewardUserExportFormat format,
                           const char *const      *columns,
                           GOutputStream          *stream,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  GTask *task;
  Export *export;
  const char *empty[] = { NULL };

  g_return_if_fail (STEWARD_IS_CLIENT (client));
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  export = g_new0 (Export, 1);
  export->client = g_object_ref (client);
  export->query = query != NULL ? steward_user_query_copy (query) : steward_user_query_new ();
  export->query->offset = 0;
  export->query->size = STEWARD_USER_EXPORT_PAGE_SIZE;
  export->shape = shape;
  export->format = format;
  export->columns = g_strdupv ((char **) (columns != NULL ? columns : empty));
  export->stream = g_object_ref (stream);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_user_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  request_page (task);
}

guint64
steward_user_export_finish (GAsyncResult *result,
                            GError      **error)
{
  Export *export;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  export = g_task_get_task_data (G_TASK (result));
  return export->written;
}
