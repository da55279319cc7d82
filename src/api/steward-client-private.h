/* steward-client-private.h
 *
 * The request machinery of StewardClient, shared by the route files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-change-recorder.h"
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

  /* Keeps every write (steward-client-journal.c). */
  StewardChangeRecorder *recorder;
  char                  *server_name;
  /* "IAMID:USERID" of the key's owner, learnt before the first write. */
  char *actor;
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

/* Turns a reply into what a finish function returns. */
typedef gpointer (*StewardDecodeFunc) (JsonNode *node,
                                       GError  **error);

/* Finishes the task of an extension route some other way; takes the
 * reference to @task. */
typedef void (*StewardFallbackFunc) (GTask *task);

/* What an operation on one user carries from one call to the next. */
typedef struct
{
  char        *iamid;
  char        *userid;
  char        *permission; /* the one route 13 adds */
  StewardUser *first_read; /* the user before route 13's fallback writes */
} StewardUserOperation;

/* Gives @task, as its task data, the StewardUserOperation of the user
 * @iamid:@userid, and returns it. */
StewardUserOperation *steward_client_set_user_operation (GTask      *task,
                                                         const char *iamid,
                                                         const char *userid);

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

/* Returns from @task what @decode makes of @reply, freed with
 * @free_result, or the error @decode reports. */
void steward_client_return_decoded (GTask            *task,
                                    JsonNode         *reply,
                                    StewardDecodeFunc decode,
                                    GDestroyNotify    free_result);

/* A call whose reply @decode turns into what the finish function returns
 * with steward_client_result_finish(); @free_result frees it. */
void     steward_client_call_for_result (StewardClient      *self,
                                         const char         *method,
                                         const char         *path,
                                         JsonNode           *body,
                                         StewardDecodeFunc   decode,
                                         GDestroyNotify      free_result,
                                         gpointer            source_tag,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gpointer steward_client_result_finish (StewardClient *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);

/* Completes the GTask in @user_data with the object (or error) of the
 * route that just finished: for a route that ends by calling another. */
void steward_client_forward_object_cb (GObject      *source,
                                       GAsyncResult *result,
                                       gpointer      user_data);

/* For a task that returns a boolean and has @source_tag. */
gboolean steward_client_boolean_finish (StewardClient *self,
                                        GAsyncResult  *result,
                                        gpointer       source_tag,
                                        GError       **error);

/* Defines @prefix_finish(), the finish function of a route whose async
 * function @prefix_async() returns a @Type through
 * steward_client_call_for_result() or steward_client_call_extension():
 * every such finish function is the same check of the source tag. */
#define STEWARD_CLIENT_DEFINE_FINISH(Type, prefix)                             \
  Type *prefix##_finish (StewardClient *self,                                  \
                         GAsyncResult  *result,                                \
                         GError       **error)                                 \
  {                                                                            \
    return steward_client_result_finish (self, result, prefix##_async, error); \
  }

/* The whole number @member of @reply, boxed as a guint64 for
 * steward_client_count_finish(). */
gpointer steward_client_decode_boxed_count (JsonNode   *reply,
                                            const char *member,
                                            GError    **error);
gboolean steward_client_count_finish (StewardClient *self,
                                      GAsyncResult  *result,
                                      gpointer       source_tag,
                                      guint64       *count,
                                      GError       **error);

/* Calls the extension route @extension for @task (which has its source tag
 * and task data) unless the server is known to lack it; the reply becomes
 * the task's result as with steward_client_call_for_result(). When the
 * route is missing, @fallback gets @task instead. Takes the reference to
 * @task. */
void steward_client_call_extension (GTask              *task,
                                    StewardExtension    extension,
                                    const char         *method,
                                    const char         *path,
                                    JsonNode           *body,
                                    StewardDecodeFunc   decode,
                                    GDestroyNotify      free_result,
                                    StewardFallbackFunc fallback);

/* "/bim/iam/{iamid}/user/{userid}" followed by the escaped segments given,
 * NULL-terminated. */
char *steward_client_user_path (const char *iamid,
                                const char *userid,
                                ...) G_GNUC_NULL_TERMINATED;

/* Sends the request of one write, unjournaled; the GTask it completes
 * returns a pointer (the StewardUser, or GINT_TO_POINTER (TRUE) after a
 * delete). @data is what steward_client_write() was given. */
typedef void (*StewardWriteSendFunc) (StewardClient      *self,
                                      gpointer            data,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);

/* Makes the write @change (taken) through @send with @data (freed with
 * @data_free): with a recorder, the signed-in person and the user before
 * are read, the change is recorded, then sent, then completed with the
 * answer. The task it completes has @source_tag and returns the
 * StewardUser (a boolean for a delete). */
void steward_client_write (StewardClient       *self,
                           StewardChange       *change,
                           StewardWriteSendFunc send,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);

/* A write that is one call_for_result() request: @body may be NULL. */
void steward_client_write_request (StewardClient      *self,
                                   StewardChange      *change,
                                   const char         *method,
                                   const char         *path,
                                   JsonNode           *body,
                                   StewardDecodeFunc   decode,
                                   gpointer            source_tag,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);

/* Route 8 unjournaled, for route 13's fallback, which is journaled as the
 * grant it is. */
void steward_client_put_permissions_async (StewardClient      *self,
                                           const char         *iamid,
                                           const char         *userid,
                                           const char *const  *permissions,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);

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
