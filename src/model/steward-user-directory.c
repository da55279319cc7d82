/* steward-user-directory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-directory.h"

#include "steward-api-enums.h"

/* Route 4 takes at most this many users per request (API.md). */
#define MAX_PAGE_SIZE 1000

/* A window smaller than this would drop the page on screen next to the one
 * just asked for, and the two would evict each other while scrolling. */
#define MIN_WINDOW_PAGES 2

typedef enum
{
  PAGE_UNLOADED,
  PAGE_LOADING,
  PAGE_LOADED,
} PageState;

/* One page of positions. Slots stay NULL until a position is asked for or
 * the page arrives, so touching one row of a large directory allocates one
 * page of pointers, not a user per row. */
typedef struct
{
  PageState state;
  /* Pinned positions on this page: a pinned page is never dropped. */
  guint        n_pins;
  guint        n_slots;
  StewardUser *items[];
} Page;

/* What a reply needs to find its way back. It holds no reference on the
 * directory: dispose cancels @cancellable, and a cancelled reply is dropped
 * before the directory is touched. */
typedef struct
{
  StewardUserDirectory *self;
  GCancellable         *cancellable;
  guint                 page;
  gboolean              first_of_query;
} PageRequest;

struct _StewardUserDirectory
{
  GObject parent_instance;

  StewardClient *client;
  /* Search, filters and order; offset and size are filled per request. */
  StewardUserQuery *query;
  guint             page_size;

  guint      n_items;
  GPtrArray *pages; /* Page *, NULL for a page nobody asked for or dropped */

  /* The bounded window: the indices of the loaded pages, the page of the
   * position asked for last (what is on screen), and how many unpinned
   * pages may stay loaded around it. */
  GArray *loaded; /* guint */
  GArray *pinned; /* guint positions, once per pin */
  guint   anchor_page;
  guint   window_pages;
  guint   pages_dropped;
  /* Users of dropped pages that nobody else held, blanked, to become the
   * next placeholders instead of allocating new ones. */
  GPtrArray   *pool;
  StewardUser *blank;
  guint        notify_signal;

  /* Shared by every request of the current query, so starting over is one
   * g_cancellable_cancel(). */
  GCancellable *cancellable;
  /* The first page of a new query is on its way: the old items still show
   * and no other page is requested until it arrives. */
  gboolean starting_over;
  guint    n_in_flight;
  guint    pages_requested;
  GError  *error;
  gboolean constructed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardUserDirectory, steward_user_directory, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_PAGE_SIZE,
  PROP_SEARCH_TEXT,
  PROP_INCLUDE_DISABLED,
  PROP_PERMISSION,
  PROP_SORT_FIELD,
  PROP_SORT_ORDER,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ERROR,
  PROP_PAGES_REQUESTED,
  PROP_WINDOW_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Gives up the directory's reference on @user. A user nobody else holds
 * or listens to is blanked and kept for a later placeholder; one that a
 * row or the selection still holds keeps its values for them, and one with
 * notify handlers would hear the blanking. */
static void
release_user (StewardUserDirectory *self,
              StewardUser          *user)
{
  if (g_atomic_int_get (&G_OBJECT (user)->ref_count) == 1 && self->pool->len < self->page_size && g_signal_handler_find (user, G_SIGNAL_MATCH_ID, self->notify_signal, 0, NULL, NULL, NULL) == 0)
    {
      steward_user_update_from (user, self->blank);
      g_ptr_array_add (self->pool, user);
      return;
    }

  g_object_unref (user);
}

static StewardUser *
take_placeholder (StewardUserDirectory *self)
{
  if (self->pool->len > 0)
    return g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1);

  return steward_user_new (NULL, NULL);
}

static void
clear_slots (StewardUserDirectory *self,
             Page                 *page,
             guint                 first)
{
  for (guint i = first; i < page->n_slots; i++)
    {
      if (page->items[i] != NULL)
        release_user (self, g_steal_pointer (&page->items[i]));
    }
}

static void
forget_loaded (StewardUserDirectory *self,
               guint                 index)
{
  for (guint i = 0; i < self->loaded->len; i++)
    {
      if (g_array_index (self->loaded, guint, i) == index)
        {
          g_array_remove_index_fast (self->loaded, i);
          return;
        }
    }
}

/* Frees page @index, its pins included. */
static void
discard_page (StewardUserDirectory *self,
              guint                 index)
{
  Page *page = g_ptr_array_index (self->pages, index);

  if (page == NULL)
    return;

  if (page->state == PAGE_LOADED)
    forget_loaded (self, index);
  clear_slots (self, page, 0);
  g_free (page);
  g_ptr_array_index (self->pages, index) = NULL;
}

static void
truncate_pages (StewardUserDirectory *self,
                guint                 n_pages)
{
  for (guint i = n_pages; i < self->pages->len; i++)
    discard_page (self, i);
  g_ptr_array_set_size (self->pages, n_pages);
}

static void
page_request_free (PageRequest *request)
{
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRequest, page_request_free)

static guint
count_pages (StewardUserDirectory *self,
             guint                 n_items)
{
  return n_items / self->page_size + (n_items % self->page_size != 0);
}

static Page *
ensure_page (StewardUserDirectory *self,
             guint                 index)
{
  Page *page = g_ptr_array_index (self->pages, index);

  if (page == NULL)
    {
      page = g_malloc0 (sizeof (Page) + self->page_size * sizeof (StewardUser *));
      page->n_slots = self->page_size;
      g_ptr_array_index (self->pages, index) = page;
    }

  return page;
}

static void
set_error (StewardUserDirectory *self,
           const GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_n_in_flight (StewardUserDirectory *self,
                 guint                 n_in_flight)
{
  gboolean was_loading = self->n_in_flight > 0;

  self->n_in_flight = n_in_flight;
  if (was_loading != (n_in_flight > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Sets the number of items without announcing it; the caller emits
 * "items-changed" once the items are consistent with it. */
static void
resize (StewardUserDirectory *self,
        guint                 n_items)
{
  guint n_pages = count_pages (self, n_items);

  /* Positions past the new end on the page that becomes the last one. */
  if (n_items < self->n_items && n_items % self->page_size != 0)
    {
      Page *last = g_ptr_array_index (self->pages, n_pages - 1);

      if (last != NULL)
        clear_slots (self, last, n_items % self->page_size);
    }

  truncate_pages (self, n_pages);
  self->n_items = n_items;
}

/* Forgets every item, unannounced, before a new query's items arrive. */
static void
forget_items (StewardUserDirectory *self)
{
  truncate_pages (self, 0);
  g_array_set_size (self->pinned, 0);
  self->n_items = 0;
  self->anchor_page = 0;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* Drops loaded pages, farthest from the anchor first, until at most
 * window_pages unpinned ones are left. Silently: the positions stay, and a
 * dropped page is requested again when one of its positions is asked
 * for. Nothing on screen is lost, since what the view shows is around the
 * anchor and the objects it holds stay alive. */
static void
trim_window (StewardUserDirectory *self)
{
  for (;;)
    {
      guint n_unpinned = 0;
      guint farthest = G_MAXUINT;

      for (guint i = 0; i < self->loaded->len; i++)
        {
          guint index = g_array_index (self->loaded, guint, i);
          Page *page = g_ptr_array_index (self->pages, index);

          if (page->n_pins > 0)
            continue;
          n_unpinned++;
          if (index != self->anchor_page && (farthest == G_MAXUINT || distance (index, self->anchor_page) > distance (farthest, self->anchor_page)))
            farthest = index;
        }

      if (n_unpinned <= self->window_pages || farthest == G_MAXUINT)
        return;

      discard_page (self, farthest);
      self->pages_dropped++;
    }
}

static void
announce_resize (StewardUserDirectory *self,
                 guint                 position,
                 guint                 removed,
                 guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The size a reply implies: the server's count, but never less than the
 * positions this very reply fills. */
static guint
count_from_reply (StewardUserDirectory *self,
                  guint                 page,
                  StewardPageResult    *result)
{
  guint64 end = (guint64) page * self->page_size + steward_page_result_get_n_items (result);
  guint64 total = MAX (steward_page_result_get_total (result), end);

  return (guint) MIN (total, G_MAXUINT);
}

/* Fills @index from @result, updating placeholders in place, and returns
 * how many positions it filled. */
static guint
store_page (StewardUserDirectory *self,
            guint                 index,
            StewardPageResult    *result)
{
  GListModel *users = steward_page_result_get_items (result);
  guint       start = index * self->page_size;
  guint       n_stored = MIN (g_list_model_get_n_items (users), self->n_items - start);
  Page       *page = ensure_page (self, index);

  n_stored = MIN (n_stored, self->page_size);
  for (guint i = 0; i < n_stored; i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      if (page->items[i] != NULL)
        steward_user_update_from (page->items[i], user);
      else
        page->items[i] = g_steal_pointer (&user);
    }
  if (page->state != PAGE_LOADED)
    g_array_append_val (self->loaded, index);
  page->state = PAGE_LOADED;

  return n_stored;
}

/* Whether a row (or anyone but the directory) holds a user of @page. */
static gboolean
page_is_shown (Page *page)
{
  for (guint i = 0; i < page->n_slots; i++)
    {
      if (page->items[i] != NULL && g_atomic_int_get (&G_OBJECT (page->items[i])->ref_count) > 1)
        return TRUE;
    }

  return FALSE;
}

/* The new query's items take over the old objects at the positions both
 * have: the first page's are filled with the new users in place, the other
 * pages that rows show become placeholders, requested again as the rows
 * ask for them, and pages nobody shows are dropped. So the rows keep their
 * widgets, where new objects would make the list view tear down and build
 * again every row it keeps (up to 200: most of a search's time to paint).
 * A pinned position (the selection) gets a new object instead, so the
 * selection ends rather than silently turning into another user.
 *
 * Old positions past the new count go as one removal, new ones past the
 * old count come as one addition, never as one replacement: on a
 * replacement GtkSingleSelection and GtkMultiSelection look for their
 * selected items among the added positions, asking for every one of them,
 * and so for every page. */
static void
first_page_arrived (StewardUserDirectory *self,
                    StewardPageResult    *result)
{
  guint old_n_items = self->n_items;
  guint new_n_items = count_from_reply (self, 0, result);
  guint n_kept = MIN (old_n_items, new_n_items);
  g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));

  self->starting_over = FALSE;
  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < self->pinned->len; i++)
    {
      guint position = g_array_index (self->pinned, guint, i);
      Page *page;

      /* A pin past a count that shrank went with its page. */
      if (position >= old_n_items)
        continue;
      page = g_ptr_array_index (self->pages, position / self->page_size);
      if (page != NULL && page->items[position % self->page_size] != NULL)
        release_user (self, g_steal_pointer (&page->items[position % self->page_size]));
    }
  g_array_set_size (self->pinned, 0);
  g_array_set_size (self->loaded, 0);
  resize (self, new_n_items);

  for (guint index = 0; index < self->pages->len; index++)
    {
      Page *page = g_ptr_array_index (self->pages, index);

      if (page == NULL)
        continue;

      page->n_pins = 0;
      page->state = PAGE_UNLOADED;
      if (index > 0 && !page_is_shown (page))
        {
          discard_page (self, index);
          continue;
        }

      if (index > 0)
        {
          for (guint i = 0; i < page->n_slots; i++)
            {
              if (page->items[i] != NULL)
                steward_user_update_from (page->items[i], self->blank);
            }
          g_array_append_val (shown, index);
        }
    }

  if (new_n_items > 0)
    store_page (self, 0, result);

  /* Each change leaves the count a listener computes equal to
   * get_n_items(): the kept positions alone while the old ones go and the
   * kept ones change, all of them once the new ones come. */
  self->n_items = n_kept;
  if (old_n_items > n_kept)
    announce_resize (self, n_kept, old_n_items - n_kept, 0);
  if (n_kept > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, MIN (n_kept, self->page_size), MIN (n_kept, self->page_size));
  for (guint i = 0; i < shown->len; i++)
    {
      guint start = g_array_index (shown, guint, i) * self->page_size;
      guint n = MIN (self->page_size, n_kept - start);

      /* The rows there ask for their positions again, which requests
       * the page under the new query. */
      g_list_model_items_changed (G_LIST_MODEL (self), start, n, n);
    }
  self->n_items = new_n_items;
  if (new_n_items > n_kept)
    announce_resize (self, n_kept, 0, new_n_items - n_kept);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
later_page_arrived (StewardUserDirectory *self,
                    guint                 index,
                    StewardPageResult    *result)
{
  guint old_n_items = self->n_items;
  guint new_n_items = count_from_reply (self, index, result);
  guint n_stored;

  /* The directory changed on the server since the count was learnt. */
  if (new_n_items != old_n_items)
    {
      resize (self, new_n_items);
      if (new_n_items > old_n_items)
        announce_resize (self, old_n_items, 0, new_n_items - old_n_items);
      else
        announce_resize (self, new_n_items, old_n_items - new_n_items, 0);
    }

  if ((guint64) index * self->page_size >= self->n_items)
    return;

  n_stored = store_page (self, index, result);
  if (n_stored > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), index * self->page_size, n_stored, n_stored);

  /* After the change, so a view that asked again for the page's positions
   * has moved the anchor first. */
  trim_window (self);
}

static void
page_failed (StewardUserDirectory *self,
             PageRequest          *request)
{
  if (request->first_of_query)
    {
      guint old_n_items = self->n_items;

      /* The old items answer another query; showing them under this one
       * would mislead. */
      self->starting_over = FALSE;
      forget_items (self);
      if (old_n_items > 0)
        announce_resize (self, 0, old_n_items, 0);
    }
  else if (request->page < self->pages->len)
    {
      Page *page = g_ptr_array_index (self->pages, request->page);

      /* Asked for again when one of its positions is. */
      if (page != NULL)
        page->state = PAGE_UNLOADED;
    }
}

static void
users_fetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (PageRequest) request = user_data;
  g_autoptr (StewardPageResult) page_result = NULL;
  g_autoptr (GError) error = NULL;
  StewardUserDirectory *self;

  page_result = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);

  /* Superseded by a new query, or the directory is gone. */
  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  /* A server that ignored "disabled only" answered with everyone. */
  if (page_result != NULL && !steward_user_query_check_page (request->self->query, steward_page_result_get_items (page_result), &error))
    g_clear_object (&page_result);

  self = request->self;
  set_n_in_flight (self, self->n_in_flight - 1);

  if (page_result == NULL)
    {
      page_failed (self, request);
      set_error (self, error);
      return;
    }

  set_error (self, NULL);
  if (request->first_of_query)
    first_page_arrived (self, page_result);
  else
    later_page_arrived (self, request->page, page_result);
}

static void
request_page (StewardUserDirectory *self,
              guint                 page,
              gboolean              first_of_query)
{
  g_autoptr (StewardUserQuery) query = steward_user_query_copy (self->query);
  PageRequest *request = g_new0 (PageRequest, 1);

  /* The first page of a new query lands in fresh pages once it arrives;
   * until then the old page 0 keeps its own state. */
  if (!first_of_query)
    ensure_page (self, page)->state = PAGE_LOADING;

  request->self = self;
  request->cancellable = g_object_ref (self->cancellable);
  request->page = page;
  request->first_of_query = first_of_query;

  query->offset = page * self->page_size;
  query->size = self->page_size;

  self->pages_requested++;
  set_n_in_flight (self, self->n_in_flight + 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES_REQUESTED]);

  steward_client_list_users_async (self->client, query, self->cancellable,
                                   users_fetched_cb, request);
}

static void
start_over (StewardUserDirectory *self)
{
  if (!self->constructed)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_n_in_flight (self, 0);

  if (self->client == NULL)
    {
      guint old_n_items = self->n_items;

      self->starting_over = FALSE;
      forget_items (self);
      if (old_n_items > 0)
        announce_resize (self, 0, old_n_items, 0);
      return;
    }

  self->starting_over = TRUE;
  request_page (self, 0, TRUE);
}

static void
set_string_filter (StewardUserDirectory *self,
                   char                **field,
                   const char           *value,
                   guint                 prop_id)
{
  /* An empty filter is no filter. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  start_over (self);
}

static GType
steward_user_directory_get_item_type (GListModel *model)
{
  return STEWARD_TYPE_USER;
}

static guint
steward_user_directory_get_n_items (GListModel *model)
{
  return STEWARD_USER_DIRECTORY (model)->n_items;
}

static gpointer
steward_user_directory_get_item (GListModel *model,
                                 guint       position)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (model);
  guint                 index = position / self->page_size;
  guint                 slot = position % self->page_size;
  Page                 *page;

  if (position >= self->n_items)
    return NULL;

  self->anchor_page = index;
  page = ensure_page (self, index);
  if (page->items[slot] == NULL)
    page->items[slot] = take_placeholder (self);

  if (page->state == PAGE_UNLOADED && !self->starting_over)
    request_page (self, index, FALSE);

  return g_object_ref (page->items[slot]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = steward_user_directory_get_item_type;
  iface->get_n_items = steward_user_directory_get_n_items;
  iface->get_item = steward_user_directory_get_item;
}

static void
steward_user_directory_constructed (GObject *object)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (object);

  G_OBJECT_CLASS (steward_user_directory_parent_class)->constructed (object);

  self->constructed = TRUE;
  start_over (self);
}

static void
steward_user_directory_dispose (GObject *object)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (object);

  g_cancellable_cancel (self->cancellable);
  forget_items (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (steward_user_directory_parent_class)->dispose (object);
}

static void
steward_user_directory_finalize (GObject *object)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->loaded, g_array_unref);
  g_clear_pointer (&self->pinned, g_array_unref);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_object (&self->blank);
  g_clear_pointer (&self->query, steward_user_query_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (steward_user_directory_parent_class)->finalize (object);
}

static void
steward_user_directory_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (object);

  switch (prop_id)
    {
      case PROP_CLIENT:
        g_value_set_object (value, self->client);
        break;
      case PROP_PAGE_SIZE:
        g_value_set_uint (value, self->page_size);
        break;
      case PROP_SEARCH_TEXT:
        g_value_set_string (value, self->query->search_text);
        break;
      case PROP_INCLUDE_DISABLED:
        g_value_set_boolean (value, self->query->include_disabled);
        break;
      case PROP_PERMISSION:
        g_value_set_string (value, self->query->permission);
        break;
      case PROP_SORT_FIELD:
        g_value_set_enum (value, self->query->sort_field);
        break;
      case PROP_SORT_ORDER:
        g_value_set_enum (value, self->query->sort_order);
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, self->n_items);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, self->n_in_flight > 0);
        break;
      case PROP_ERROR:
        g_value_set_boxed (value, self->error);
        break;
      case PROP_PAGES_REQUESTED:
        g_value_set_uint (value, self->pages_requested);
        break;
      case PROP_WINDOW_PAGES:
        g_value_set_uint (value, self->window_pages);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_directory_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardUserDirectory *self = STEWARD_USER_DIRECTORY (object);

  switch (prop_id)
    {
      case PROP_CLIENT:
        steward_user_directory_set_client (self, g_value_get_object (value));
        break;
      case PROP_PAGE_SIZE:
        self->page_size = g_value_get_uint (value);
        break;
      case PROP_SEARCH_TEXT:
        steward_user_directory_set_search_text (self, g_value_get_string (value));
        break;
      case PROP_INCLUDE_DISABLED:
        steward_user_directory_set_include_disabled (self, g_value_get_boolean (value));
        break;
      case PROP_PERMISSION:
        steward_user_directory_set_permission (self, g_value_get_string (value));
        break;
      case PROP_SORT_FIELD:
        steward_user_directory_set_sort_field (self, g_value_get_enum (value));
        break;
      case PROP_SORT_ORDER:
        steward_user_directory_set_sort_order (self, g_value_get_enum (value));
        break;
      case PROP_WINDOW_PAGES:
        steward_user_directory_set_window_pages (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_directory_class_init (StewardUserDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* The query is all construct properties, so g_object_new() with filters
   * set sends one first request, not one per filter. */
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = steward_user_directory_constructed;
  object_class->dispose = steward_user_directory_dispose;
  object_class->finalize = steward_user_directory_finalize;
  object_class->get_property = steward_user_directory_get_property;
  object_class->set_property = steward_user_directory_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT, rw);
  properties[PROP_PAGE_SIZE] = g_param_spec_uint ("page-size", NULL, NULL, 1, MAX_PAGE_SIZE,
                                                  STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_INCLUDE_DISABLED] = g_param_spec_boolean ("include-disabled", NULL, NULL, FALSE, rw);
  properties[PROP_PERMISSION] = g_param_spec_string ("permission", NULL, NULL, NULL, rw);
  properties[PROP_SORT_FIELD] = g_param_spec_enum ("sort-field", NULL, NULL, STEWARD_TYPE_USER_SORT_FIELD,
                                                   STEWARD_USER_SORT_DEFAULT, rw);
  properties[PROP_SORT_ORDER] = g_param_spec_enum ("sort-order", NULL, NULL, STEWARD_TYPE_SORT_ORDER,
                                                   STEWARD_SORT_ASCENDING, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_PAGES_REQUESTED] = g_param_spec_uint ("pages-requested", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_WINDOW_PAGES] = g_param_spec_uint ("window-pages", NULL, NULL, MIN_WINDOW_PAGES, G_MAXUINT,
                                                     STEWARD_USER_DIRECTORY_DEFAULT_WINDOW_PAGES,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_user_directory_init (StewardUserDirectory *self)
{
  self->query = steward_user_query_new ();
  self->page_size = STEWARD_USER_DIRECTORY_DEFAULT_PAGE_SIZE;
  self->window_pages = STEWARD_USER_DIRECTORY_DEFAULT_WINDOW_PAGES;
  self->pages = g_ptr_array_new ();
  self->loaded = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pinned = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pool = g_ptr_array_new_with_free_func (g_object_unref);
  self->blank = steward_user_new (NULL, NULL);
  self->notify_signal = g_signal_lookup ("notify", G_TYPE_OBJECT);
  self->cancellable = g_cancellable_new ();
}

StewardUserDirectory *
steward_user_directory_new (StewardClient *client)
{
  g_return_val_if_fail (client == NULL || STEWARD_IS_CLIENT (client), NULL);

  return g_object_new (STEWARD_TYPE_USER_DIRECTORY, "client", client, NULL);
}

StewardUserDirectory *
steward_user_directory_new_with_page_size (StewardClient *client,
                                           guint          page_size)
{
  g_return_val_if_fail (client == NULL || STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (page_size >= 1 && page_size <= MAX_PAGE_SIZE, NULL);

  return g_object_new (STEWARD_TYPE_USER_DIRECTORY,
                       "client", client,
                       "page-size", page_size,
                       NULL);
}

StewardClient *
steward_user_directory_get_client (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), NULL);

  return self->client;
}

void
steward_user_directory_set_client (StewardUserDirectory *self,
                                   StewardClient        *client)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));
  g_return_if_fail (client == NULL || STEWARD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  start_over (self);
}

guint
steward_user_directory_get_page_size (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), 0);

  return self->page_size;
}

const char *
steward_user_directory_get_search_text (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), NULL);

  return self->query->search_text;
}

/* Substring of the name, e-mail or userid; NULL or "" for everyone. */
void
steward_user_directory_set_search_text (StewardUserDirectory *self,
                                        const char           *search_text)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  set_string_filter (self, &self->query->search_text, search_text, PROP_SEARCH_TEXT);
}

gboolean
steward_user_directory_get_include_disabled (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), FALSE);

  return self->query->include_disabled;
}

void
steward_user_directory_set_include_disabled (StewardUserDirectory *self,
                                             gboolean              include_disabled)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  include_disabled = !!include_disabled;
  if (self->query->include_disabled == include_disabled)
    return;

  self->query->include_disabled = include_disabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_DISABLED]);
  start_over (self);
}

gboolean
steward_user_directory_get_disabled_only (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), FALSE);

  return self->query->disabled_only;
}

void
steward_user_directory_set_disabled_only (StewardUserDirectory *self,
                                          gboolean              disabled_only)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  disabled_only = !!disabled_only;
  if (self->query->disabled_only == disabled_only)
    return;

  self->query->disabled_only = disabled_only;
  start_over (self);
}

const char *
steward_user_directory_get_permission (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), NULL);

  return self->query->permission;
}

/* Only users holding @permission; NULL or "" for everyone. */
void
steward_user_directory_set_permission (StewardUserDirectory *self,
                                       const char           *permission)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  set_string_filter (self, &self->query->permission, permission, PROP_PERMISSION);
}

StewardUserSortField
steward_user_directory_get_sort_field (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), STEWARD_USER_SORT_DEFAULT);

  return self->query->sort_field;
}

void
steward_user_directory_set_sort_field (StewardUserDirectory *self,
                                       StewardUserSortField  sort_field)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));
  g_return_if_fail (sort_field <= STEWARD_USER_SORT_USERNAME);

  if (self->query->sort_field == sort_field)
    return;

  self->query->sort_field = sort_field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
  start_over (self);
}

StewardSortOrder
steward_user_directory_get_sort_order (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), STEWARD_SORT_ASCENDING);

  return self->query->sort_order;
}

void
steward_user_directory_set_sort_order (StewardUserDirectory *self,
                                       StewardSortOrder      sort_order)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));
  g_return_if_fail (sort_order <= STEWARD_SORT_DESCENDING);

  if (self->query->sort_order == sort_order)
    return;

  self->query->sort_order = sort_order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
  start_over (self);
}

gboolean
steward_user_directory_get_loading (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), FALSE);

  return self->n_in_flight > 0;
}

const GError *
steward_user_directory_get_error (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), NULL);

  return self->error;
}

guint
steward_user_directory_get_pages_requested (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), 0);

  return self->pages_requested;
}

void
steward_user_directory_refresh (StewardUserDirectory *self)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  start_over (self);
}

void
steward_user_directory_update_user (StewardUserDirectory *self,
                                    StewardUser          *user)
{
  gint64 id;

  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));
  g_return_if_fail (STEWARD_IS_USER (user));

  /* Placeholders have no id yet and must not match. */
  id = steward_user_get_id (user);
  if (id == 0)
    return;

  /* Only a loaded page has users with ids; pinned ones among them. */
  for (guint i = 0; i < self->loaded->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, g_array_index (self->loaded, guint, i));

      for (guint j = 0; j < self->page_size; j++)
        {
          if (page->items[j] != NULL && steward_user_get_id (page->items[j]) == id)
            {
              steward_user_update_from (page->items[j], user);
              return;
            }
        }
    }
}

StewardUserQuery *
steward_user_directory_dup_query (StewardUserDirectory *self)
{
  StewardUserQuery *query;

  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), NULL);

  query = steward_user_query_new ();
  query->search_text = g_strdup (steward_user_directory_get_search_text (self));
  query->permission = g_strdup (steward_user_directory_get_permission (self));
  query->include_disabled = steward_user_directory_get_include_disabled (self);
  query->disabled_only = steward_user_directory_get_disabled_only (self);
  query->sort_field = steward_user_directory_get_sort_field (self);
  query->sort_order = steward_user_directory_get_sort_order (self);
  return query;
}

guint
steward_user_directory_get_window_pages (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), 0);

  return self->window_pages;
}

void
steward_user_directory_set_window_pages (StewardUserDirectory *self,
                                         guint                 window_pages)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));
  g_return_if_fail (window_pages >= MIN_WINDOW_PAGES);

  if (self->window_pages == window_pages)
    return;

  self->window_pages = window_pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_PAGES]);
  trim_window (self);
}

guint
steward_user_directory_get_n_loaded_pages (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), 0);

  return self->loaded->len;
}

guint
steward_user_directory_get_pages_dropped (StewardUserDirectory *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_DIRECTORY (self), 0);

  return self->pages_dropped;
}

void
steward_user_directory_pin (StewardUserDirectory *self,
                            guint                 position)
{
  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  if (position >= self->n_items)
    return;

  ensure_page (self, position / self->page_size)->n_pins++;
  g_array_append_val (self->pinned, position);
}

void
steward_user_directory_unpin (StewardUserDirectory *self,
                              guint                 position)
{
  Page *page;

  g_return_if_fail (STEWARD_IS_USER_DIRECTORY (self));

  if (position >= self->n_items)
    return;

  /* Pins end with their query; unpinning after that is no error. */
  page = g_ptr_array_index (self->pages, position / self->page_size);
  if (page == NULL || page->n_pins == 0)
    return;

  for (guint i = 0; i < self->pinned->len; i++)
    {
      if (g_array_index (self->pinned, guint, i) == position)
        {
          g_array_remove_index_fast (self->pinned, i);
          page->n_pins--;
          break;
        }
    }
  if (page->n_pins == 0)
    trim_window (self);
}
