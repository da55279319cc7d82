/* steward-client-private.h
 *
 * The request machinery of StewardClient, shared by the route files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-client.h"

G_BEGIN_DECLS

struct _StewardClient
{
  GObject parent_instance;

  char            *base_url; /* without a trailing slash */
  char            *host;     /* for messages */
  char            *api_key;
  SoupSession     *session;
  guint            connect_timeout;
  guint            request_timeout;
  GTlsCertificate *pinned_certificate;

  /* Only in memory, never logged. */
  char *token;
  /* Calls waiting for the one exchange under way. */
  GPtrArray *token_waiters;
  gboolean   authenticating;

  StewardExtensionSupport extensions[STEWARD_N_EXTENSIONS];

  /* Cancelled on dispose, for the exchange no single caller owns. */
  GCancellable *cancellable;
};

/* A session with the client's defaults; one per pinned certificate. */
SoupSession *steward_client_create_session (void);

/* The preconditions every public call of the client checks. */
#define CHECK_CALL(self, cancellable)                                         \
  G_STMT_START                                                                \
  {                                                                           \
    g_return_if_fail (STEWARD_IS_CLIENT (self));                              \
    g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable)); \
  }                                                                           \
  G_STMT_END

/* Neither part of a user's address may be empty. */
#define CHECK_USER(iamid, userid)                         \
  G_STMT_START                                            \
  {                                                       \
    g_return_if_fail (iamid != NULL && *iamid != '\0');   \
    g_return_if_fail (userid != NULL && *userid != '\0'); \
  }                                                       \
  G_STMT_END

typedef enum
{
  STEWARD_CALL_DEFAULT = 0,
  STEWARD_CALL_NO_AUTH = 1 << 0, /* route 1 itself: no token, no retry */
} StewardCallFlags;

/* Turns a reply into the object a finish function returns. */
typedef gpointer (*StewardDecodeFunc) (JsonNode *node,
                                       GError  **error);

/* Sends one request and reads its reply. @path is already escaped and may
 * carry a query; @body may be NULL. Handles authentication, the one retry
 * after a 401, timeouts, cancellation and the mapping of failures to
 * STEWARD_API_ERROR. */
void steward_client_call_async (StewardClient      *self,
                                const char         *method,
                                const char         *path,
                                JsonNode           *body,
                                StewardCallFlags    flags,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
/* The parsed reply in @reply (NULL for an empty body). */
gboolean steward_client_call_finish (StewardClient *self,
                                     GAsyncResult  *result,
                                     JsonNode     **reply,
                                     GError       **error);

/* A call whose reply @decode turns into the GObject the finish function
 * returns with steward_client_object_finish(). */
void     steward_client_call_for_object (StewardClient      *self,
                                         const char         *method,
                                         const char         *path,
                                         JsonNode           *body,
                                         StewardDecodeFunc   decode,
                                         gpointer            source_tag,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gpointer steward_client_object_finish (StewardClient *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);

/* A call whose reply is an object with the whole number @member (a static
 * string), returned by steward_client_count_finish(). */
void     steward_client_call_for_count (StewardClient      *self,
                                        const char         *method,
                                        const char         *path,
                                        JsonNode           *body,
                                        const char         *member,
                                        gpointer            source_tag,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean steward_client_count_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      gpointer       source_tag,
                                      guint64       *count,
                                      GError       **error);

/* "/bim/iam/{iamid}/user/{userid}" followed by the escaped segments given,
 * NULL-terminated. */
char *steward_client_user_path (const char *iamid,
                                const char *userid,
                                ...) G_GNUC_NULL_TERMINATED;

/* "host:port" for messages. */
const char *steward_client_get_host (StewardClient *self);

void steward_client_set_extension_support (StewardClient          *self,
                                           StewardExtension        extension,
                                           StewardExtensionSupport support);

/* Whether @error says the route itself is missing; records the answer for
 * @extension either way (a reply that is not "route missing" proves the
 * route exists). */
gboolean steward_client_learn_extension (StewardClient   *self,
                                         StewardExtension extension,
                                         const GError    *error);

G_END_DECLS
