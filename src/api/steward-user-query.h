/* steward-user-query.h
 *
 * The parameters of route 4 (GET /bim/user): which page, which users, in
 * which order. Searching and sorting happen on the server, so a directory of
 * 100,000 users costs one page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_USER_SORT_DEFAULT, /* whatever the server does without sortField */
  STEWARD_USER_SORT_NAME,
  STEWARD_USER_SORT_EMAIL,
  STEWARD_USER_SORT_IAMID,
  STEWARD_USER_SORT_CREATED_AT,
  STEWARD_USER_SORT_LAST_LOGIN,
  STEWARD_USER_SORT_USERNAME,
} StewardUserSortField;

typedef enum
{
  STEWARD_SORT_ASCENDING,
  STEWARD_SORT_DESCENDING,
} StewardSortOrder;

/* Every string is owned by the query (g_free'd by steward_user_query_free);
 * NULL leaves that filter out. */
typedef struct
{
  guint    offset;
  guint    size; /* 0 leaves it to the server (25) */
  char    *search_text;
  char    *name;
  char    *email;
  char    *userid;
  GStrv    iamids;
  char    *permission;
  gboolean include_disabled;
  /* Extension: disabled users only (sends includeDisabled and disabled).
   * Servers without it ignore it: see steward_user_query_check_page(). */
  gboolean             disabled_only;
  StewardUserSortField sort_field;
  StewardSortOrder     sort_order;
} StewardUserQuery;

#define STEWARD_TYPE_USER_QUERY (steward_user_query_get_type ())

GType             steward_user_query_get_type (void) G_GNUC_CONST;
StewardUserQuery *steward_user_query_new (void);
StewardUserQuery *steward_user_query_copy (const StewardUserQuery *query);
void              steward_user_query_free (StewardUserQuery *query);

/* "size=25&offset=0&…", escaped, without the leading '?'. */
char *steward_user_query_to_string (const StewardUserQuery *query);

/* FALSE, with STEWARD_API_ERROR_UNSUPPORTED, when @page cannot be the
 * answer to @query: a server that ignored disabled_only sent active users. */
gboolean steward_user_query_check_page (const StewardUserQuery *query,
                                        GListModel             *users,
                                        GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardUserQuery, steward_user_query_free)

G_END_DECLS
