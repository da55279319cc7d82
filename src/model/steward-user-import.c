/* steward-user-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-import.h"

#include "steward-csv-reader.h"
#include "steward-permissions.h"
#include "steward-validate.h"

#include <glib/gi18n.h>

#define CHECKS_IN_FLIGHT 4

struct _StewardImportRow
{
  GObject parent_instance;

  guint               line;
  char               *name;
  char               *email;
  GStrv               permissions;
  StewardImportStatus status;
  char               *message;
};

G_DEFINE_FINAL_TYPE (StewardImportRow, steward_import_row, G_TYPE_OBJECT)

struct _StewardUserImport
{
  GObject parent_instance;

  GPtrArray *rows; /* StewardImportRow */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardUserImport, steward_user_import, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The server check: which row comes next, how many are out. */
typedef struct
{
  StewardClient *client;
  guint          next;
  guint          in_flight;
  GError        *error; /* the first failure that is not "no such user" */
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->client);
  g_clear_error (&check->error);
  g_free (check);
}

static void check_more (GTask *task);

/* ------------------------------------------------------------------ */
/* Rows                                                                */
/* ------------------------------------------------------------------ */

static void
steward_import_row_finalize (GObject *object)
{
  StewardImportRow *self = STEWARD_IMPORT_ROW (object);

  g_free (self->name);
  g_free (self->email);
  g_strfreev (self->permissions);
  g_free (self->message);

  G_OBJECT_CLASS (steward_import_row_parent_class)->finalize (object);
}

static void
steward_import_row_class_init (StewardImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_import_row_finalize;
}

static void
steward_import_row_init (StewardImportRow *self)
{
}

static void
set_status (StewardImportRow   *row,
            StewardImportStatus status,
            char               *message)
{
  row->status = status;
  g_free (row->message);
  row->message = message;
}

static GStrv
split_permissions (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name != '\0')
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static void
validate_row (StewardImportRow *row,
              GHashTable       *seen)
{
  g_autofree char *key = g_utf8_casefold (row->email, -1);
  gpointer         first_line;

  if (!steward_full_name_is_valid (row->name))
    {
      set_status (row, STEWARD_IMPORT_ROW_BAD_NAME, g_strdup (_ ("Enter a full name of at most 200 characters.")));
      return;
    }
  if (!steward_email_is_valid (row->email))
    {
      set_status (row, STEWARD_IMPORT_ROW_BAD_EMAIL, g_strdup_printf (_ ("“%s” is not an e-mail address."), row->email));
      return;
    }
  for (guint i = 0; row->permissions[i] != NULL; i++)
    if (!steward_permission_name_is_valid (row->permissions[i]))
      {
        set_status (row, STEWARD_IMPORT_ROW_BAD_PERMISSION,
                    g_strdup_printf (_ ("“%s” is not a permission name (upper-case letters, digits and underscores)."), row->permissions[i]));
        return;
      }
  if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    {
      set_status (row, STEWARD_IMPORT_ROW_DUPLICATE,
                  g_strdup_printf (_ ("The same e-mail address is on line %u already."), GPOINTER_TO_UINT (first_line)));
      return;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

/* One lookup on its way: the check's task and the row it is about. */
typedef struct
{
  GTask            *task;
  StewardImportRow *row;
} Lookup;

static void
user_found_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr (GTask) task = lookup->task;
  g_autoptr (StewardImportRow) row = lookup->row;
  Check *check = g_task_get_task_data (task);
  g_autoptr (StewardUser) user = NULL;
  g_autoptr (GError) error = NULL;

  g_free (lookup);
  check->in_flight--;
  user = steward_client_get_user_finish (STEWARD_CLIENT (source), result, &error);
  if (user != NULL)
    set_status (row, STEWARD_IMPORT_ROW_EXISTS, g_strdup_printf (_ ("%s is on the server already."), row->email));
  else if (!g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND) && check->error == NULL)
    check->error = g_steal_pointer (&error);

  check_more (task);
}

static void
check_more (GTask *task)
{
  StewardUserImport *self = g_task_get_source_object (task);
  Check             *check = g_task_get_task_data (task);

  while (check->error == NULL && check->in_flight < CHECKS_IN_FLIGHT && check->next < self->rows->len)
    {
      StewardImportRow *row = self->rows->pdata[check->next++];
      Lookup           *lookup;

      if (row->status != STEWARD_IMPORT_ROW_VALID)
        continue;
      lookup = g_new0 (Lookup, 1);
      lookup->task = g_object_ref (task);
      lookup->row = g_object_ref (row);
      check->in_flight++;
      steward_client_get_user_async (check->client, "bim", row->email, g_task_get_cancellable (task),
                                     user_found_cb, lookup);
    }

  if (check->in_flight > 0 || (check->next < self->rows->len && check->error == NULL))
    return;
  if (check->error != NULL)
    g_task_return_error (task, g_steal_pointer (&check->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */
/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return STEWARD_TYPE_IMPORT_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return STEWARD_USER_IMPORT (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardUserImport *self = STEWARD_USER_IMPORT (model);

  return position < self->rows->len ? g_object_ref (self->rows->pdata[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_user_import_finalize (GObject *object)
{
  g_ptr_array_unref (STEWARD_USER_IMPORT (object)->rows);

  G_OBJECT_CLASS (steward_user_import_parent_class)->finalize (object);
}

static void
steward_user_import_class_init (StewardUserImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_user_import_finalize;
}

static void
steward_user_import_init (StewardUserImport *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

static int
column_of (const char *const *header,
           const char        *name)
{
  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (header[i], -1);

      g_strstrip (word);

      if (g_str_equal (word, name))
        return i;
    }
  return -1;
}

static const char *
field_at (const char *const *fields,
          int                column)
{
  if (column < 0)
    return "";
  for (int i = 0; i <= column; i++)
    if (fields[i] == NULL)
      return "";
  return fields[column];
}

StewardUserImport *
steward_user_import_new_from_data (const char *data,
                                   gsize       length,
                                   GError    **error)
{
  g_autoptr (StewardUserImport) self = g_object_new (STEWARD_TYPE_USER_IMPORT, NULL);
  g_autoptr (StewardCsvReader) reader = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) header = NULL;
  g_autoptr (GError) local_error = NULL;
  GStrv fields = NULL;
  guint line;
  int   name_column, email_column, permissions_column;

  reader = steward_csv_reader_new (data, length, error);
  if (reader == NULL)
    return NULL;

  if (!steward_csv_reader_next (reader, &header, &line, error))
    {
      if (header == NULL && (error == NULL || *error == NULL))
        g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_HEADER,
                     _ ("The file is empty: it needs a header line “name,email,permissions”."));
      return NULL;
    }
  name_column = column_of ((const char *const *) header, "name");
  email_column = column_of ((const char *const *) header, "email");
  permissions_column = column_of ((const char *const *) header, "permissions");
  if (name_column < 0 || email_column < 0)
    {
      g_set_error (error, STEWARD_CSV_ERROR, STEWARD_CSV_ERROR_HEADER,
                   _ ("Line %u must name the columns “name” and “email” (and “permissions”, if any)."), line);
      return NULL;
    }

  while (steward_csv_reader_next (reader, &fields, &line, &local_error))
    {
      StewardImportRow *row = g_object_new (STEWARD_TYPE_IMPORT_ROW, NULL);

      row->line = line;
      row->name = g_strstrip (g_strdup (field_at ((const char *const *) fields, name_column)));
      row->email = g_strstrip (g_strdup (field_at ((const char *const *) fields, email_column)));
      row->permissions = split_permissions (field_at ((const char *const *) fields, permissions_column));
      g_strfreev (fields);
      validate_row (row, seen);
      g_ptr_array_add (self->rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

guint
steward_user_import_count (StewardUserImport  *self,
                           StewardImportStatus status)
{
  guint count = 0;

  g_return_val_if_fail (STEWARD_IS_USER_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (((StewardImportRow *) self->rows->pdata[i])->status == status)
      count++;
  return count;
}

void
steward_user_import_check_async (StewardUserImport  *self,
                                 StewardClient      *client,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Check *check = g_new0 (Check, 1);

  g_return_if_fail (STEWARD_IS_USER_IMPORT (self));
  g_return_if_fail (STEWARD_IS_CLIENT (client));

  check->client = g_object_ref (client);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_user_import_check_async);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  check_more (task);
}

gboolean
steward_user_import_check_finish (StewardUserImport *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

StewardBulkPlan *
steward_user_import_to_plan (StewardUserImport *self,
                             StewardUser       *current_user)
{
  StewardBulkPlan *plan;

  g_return_val_if_fail (STEWARD_IS_USER_IMPORT (self), NULL);

  plan = steward_bulk_plan_new (STEWARD_BULK_CREATE, NULL, current_user);
  for (guint i = 0; i < self->rows->len; i++)
    {
      StewardImportRow *row = self->rows->pdata[i];

      if (row->status == STEWARD_IMPORT_ROW_VALID)
        steward_bulk_plan_add_new_user (plan, row->name, row->email, (const char *const *) row->permissions);
    }
  return plan;
}

/* Row accessors. */

guint
steward_import_row_get_line (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), 0);
  return self->line;
}

const char *
steward_import_row_get_name (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), NULL);
  return self->name;
}

const char *
steward_import_row_get_email (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), NULL);
  return self->email;
}

const char *const *
steward_import_row_get_permissions (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), NULL);
  return (const char *const *) self->permissions;
}

StewardImportStatus
steward_import_row_get_status (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), STEWARD_IMPORT_ROW_VALID);
  return self->status;
}

const char *
steward_import_row_get_message (StewardImportRow *self)
{
  g_return_val_if_fail (STEWARD_IS_IMPORT_ROW (self), NULL);
  return self->message;
}
