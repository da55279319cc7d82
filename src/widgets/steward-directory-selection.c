/* steward-directory-selection.c
 *
 * Positions: "marked" holds the picked rows, or in "all" mode the rows
 * left out. Nothing here calls g_list_model_get_item() except on a
 * position the person clicked or the range they Shift-clicked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-directory-selection.h"

struct _StewardDirectorySelection
{
  GObject parent_instance;

  StewardUserDirectory *directory;
  StewardUserSelection *users;
  GtkBitset            *marked;
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardDirectorySelection, steward_directory_selection, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init) G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static guint
n_items (StewardDirectorySelection *self)
{
  return self->directory != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->directory)) : 0;
}

static gboolean
all_mode (StewardDirectorySelection *self)
{
  return steward_user_selection_get_all_of_query (self->users);
}

static void
announce_all (StewardDirectorySelection *self)
{
  guint n = n_items (self);

  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
}

/* Selects or unselects the row at @position (read: the person chose it). */
static void
set_row (StewardDirectorySelection *self,
         guint                      position,
         gboolean                   selected)
{
  g_autoptr (StewardUser) user = g_list_model_get_item (G_LIST_MODEL (self->directory), position);

  if (user == NULL || steward_user_get_userid (user) == NULL)
    return;
  steward_user_selection_set_selected (self->users, user, selected);
  /* Marked means picked, or in "all" left out. */
  if (selected != all_mode (self))
    gtk_bitset_add (self->marked, position);
  else
    gtk_bitset_remove (self->marked, position);
}

static void
select_everything (StewardDirectorySelection *self)
{
  g_autoptr (StewardUserQuery) query = NULL;
  guint n = n_items (self);

  if (n == 0)
    return;
  /* One row alone stays a picked user, whom the user page shows. */
  if (n == 1)
    {
      steward_user_selection_clear (self->users);
      gtk_bitset_remove_all (self->marked);
      set_row (self, 0, TRUE);
      announce_all (self);
      return;
    }
  query = steward_user_directory_dup_query (self->directory);
  gtk_bitset_remove_all (self->marked);
  steward_user_selection_select_query (self->users, query, n);
  announce_all (self);
}

static void
unselect_everything (StewardDirectorySelection *self)
{
  gboolean had = steward_user_selection_get_n_selected (self->users) > 0;

  gtk_bitset_remove_all (self->marked);
  steward_user_selection_clear (self->users);
  if (had)
    announce_all (self);
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */
/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return STEWARD_TYPE_USER;
}

static guint
get_n_items (GListModel *model)
{
  return n_items (STEWARD_DIRECTORY_SELECTION (model));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);

  return self->directory != NULL ? g_list_model_get_item (G_LIST_MODEL (self->directory), position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------ */
/* GtkSelectionModel                                                   */
/* ------------------------------------------------------------------ */

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);

  if (position >= n_items (self))
    return FALSE;
  return gtk_bitset_contains (self->marked, position) != all_mode (self);
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);
  GtkBitset                 *range = gtk_bitset_new_range (position, n);

  if (all_mode (self))
    gtk_bitset_difference (range, self->marked);
  else
    gtk_bitset_intersect (range, self->marked);
  return range;
}

static gboolean
select_item (GtkSelectionModel *model,
             guint              position,
             gboolean           unselect_rest)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);

  if (self->directory == NULL || position >= n_items (self))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self->users));
  if (unselect_rest)
    {
      gtk_bitset_remove_all (self->marked);
      steward_user_selection_clear (self->users);
    }
  set_row (self, position, TRUE);
  g_object_thaw_notify (G_OBJECT (self->users));

  if (unselect_rest)
    announce_all (self);
  else
    gtk_selection_model_selection_changed (model, position, 1);
  return TRUE;
}

static gboolean
unselect_item (GtkSelectionModel *model,
               guint              position)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);

  if (self->directory == NULL || position >= n_items (self))
    return FALSE;
  set_row (self, position, FALSE);
  gtk_selection_model_selection_changed (model, position, 1);
  return TRUE;
}

static gboolean
select_range (GtkSelectionModel *model,
              guint              position,
              guint              n,
              gboolean           unselect_rest)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);
  guint                      total = n_items (self);

  if (self->directory == NULL || position >= total)
    return FALSE;
  if (position == 0 && n >= total)
    {
      select_everything (self);
      return TRUE;
    }

  /* A Shift-click: the rows between, as many as the person spanned. */
  n = MIN (n, total - position);
  g_object_freeze_notify (G_OBJECT (self->users));
  if (unselect_rest)
    {
      gtk_bitset_remove_all (self->marked);
      steward_user_selection_clear (self->users);
    }
  for (guint i = position; i < position + n; i++)
    set_row (self, i, TRUE);
  g_object_thaw_notify (G_OBJECT (self->users));

  if (unselect_rest)
    announce_all (self);
  else
    gtk_selection_model_selection_changed (model, position, n);
  return TRUE;
}

static gboolean
unselect_range (GtkSelectionModel *model,
                guint              position,
                guint              n)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (model);
  guint                      total = n_items (self);

  if (self->directory == NULL || position >= total)
    return FALSE;
  if (position == 0 && n >= total)
    {
      unselect_everything (self);
      return TRUE;
    }
  n = MIN (n, total - position);
  g_object_freeze_notify (G_OBJECT (self->users));
  for (guint i = position; i < position + n; i++)
    set_row (self, i, FALSE);
  g_object_thaw_notify (G_OBJECT (self->users));
  gtk_selection_model_selection_changed (model, position, n);
  return TRUE;
}

static gboolean
select_all (GtkSelectionModel *model)
{
  select_everything (STEWARD_DIRECTORY_SELECTION (model));
  return TRUE;
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  unselect_everything (STEWARD_DIRECTORY_SELECTION (model));
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->select_range = select_range;
  iface->unselect_range = unselect_range;
  iface->select_all = select_all;
  iface->unselect_all = unselect_all;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
directory_items_changed_cb (StewardDirectorySelection *self,
                            guint                      position,
                            guint                      removed,
                            guint                      added)
{
  gboolean in_place = removed == added && added <= steward_user_directory_get_page_size (self->directory);

  /* A page arriving keeps every position; anything else starts over. */
  if (!in_place && steward_user_selection_get_n_selected (self->users) > 0)
    {
      gtk_bitset_remove_all (self->marked);
      if (all_mode (self))
        {
          g_autoptr (StewardUserQuery) query = steward_user_directory_dup_query (self->directory);
          guint n = n_items (self);

          /* A refresh, or "disabled only" (no property to watch). */
          if (n > 0)
            steward_user_selection_select_query (self->users, query, n);
          else
            steward_user_selection_clear (self->users);
        }
      else
        steward_user_selection_clear (self->users);
    }
  else if (!in_place)
    gtk_bitset_splice (self->marked, position, removed, added);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* ------------------------------------------------------------------ */
/* GObject and API                                                     */
/* ------------------------------------------------------------------ */

static void
steward_directory_selection_dispose (GObject *object)
{
  StewardDirectorySelection *self = STEWARD_DIRECTORY_SELECTION (object);

  if (self->directory != NULL)
    g_signal_handlers_disconnect_by_data (self->directory, self);
  g_clear_object (&self->directory);
  g_clear_object (&self->users);
  g_clear_pointer (&self->marked, gtk_bitset_unref);

  G_OBJECT_CLASS (steward_directory_selection_parent_class)->dispose (object);
}

static void
steward_directory_selection_class_init (StewardDirectorySelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = steward_directory_selection_dispose;
}

static void
steward_directory_selection_init (StewardDirectorySelection *self)
{
  self->users = steward_user_selection_new ();
  self->marked = gtk_bitset_new_empty ();
}

StewardDirectorySelection *
steward_directory_selection_new (void)
{
  return g_object_new (STEWARD_TYPE_DIRECTORY_SELECTION, NULL);
}

void
steward_directory_selection_set_directory (StewardDirectorySelection *self,
                                           StewardUserDirectory      *directory)
{
  guint old_n;

  g_return_if_fail (STEWARD_IS_DIRECTORY_SELECTION (self));
  g_return_if_fail (directory == NULL || STEWARD_IS_USER_DIRECTORY (directory));

  if (self->directory == directory)
    return;

  old_n = n_items (self);
  if (self->directory != NULL)
    g_signal_handlers_disconnect_by_data (self->directory, self);
  gtk_bitset_remove_all (self->marked);
  steward_user_selection_clear (self->users);
  g_set_object (&self->directory, directory);
  if (directory != NULL)
    g_signal_connect_object (directory, "items-changed", G_CALLBACK (directory_items_changed_cb), self, G_CONNECT_SWAPPED);
  if (old_n > 0 || n_items (self) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n_items (self));
}

StewardUserSelection *
steward_directory_selection_get_users (StewardDirectorySelection *self)
{
  g_return_val_if_fail (STEWARD_IS_DIRECTORY_SELECTION (self), NULL);

  return self->users;
}

void
steward_directory_selection_clear (StewardDirectorySelection *self)
{
  g_return_if_fail (STEWARD_IS_DIRECTORY_SELECTION (self));

  unselect_everything (self);
}

guint
steward_directory_selection_get_single_position (StewardDirectorySelection *self)
{
  g_return_val_if_fail (STEWARD_IS_DIRECTORY_SELECTION (self), GTK_INVALID_LIST_POSITION);

  if (self->directory == NULL || all_mode (self) || gtk_bitset_get_size (self->marked) != 1)
    return GTK_INVALID_LIST_POSITION;
  return gtk_bitset_get_minimum (self->marked);
}

StewardUser *
steward_directory_selection_dup_single_row (StewardDirectorySelection *self)
{
  guint position;

  g_return_val_if_fail (STEWARD_IS_DIRECTORY_SELECTION (self), NULL);

  position = steward_directory_selection_get_single_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->directory), position);
}
