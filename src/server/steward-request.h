/* steward-request.h
 *
 * One HTTP request while a route handles it: its decoded path parameters,
 * query and body, the authenticated caller, and the reply being built.
 * Replies are only sent after the request's transaction committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-reader.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_MAX_BODY_BYTES (1024 * 1024)

typedef struct
{
  gint64      token_ttl_seconds;
  const char *query_engine_host;
} StewardServerSettings;

typedef struct
{
  SoupServerMessage           *message;
  StewardStore                *store;
  const StewardServerSettings *settings;
  GPtrArray                   *path_params; /* decoded '*' segments */
  GPtrArray                   *query;       /* decoded key, value, key, value, ... */
  StewardStoreUser            *caller;      /* NULL before authentication */
  StewardReader               *reader;      /* the server's, for route 4 */

  guint     status;
  JsonNode *reply;
  GString  *reply_text; /* JSON already written out, instead of REPLY */
  /* Set when a refusal must still be recorded (a failed sign-in). */
  gboolean commit_on_error;
  /* Set by a handler that replies later, from the main loop: see
   * steward_request_defer(). */
  gboolean      deferred;
  GCancellable *hung_up;       /* deferred only: cancelled when the client goes */
  GSource      *hang_up_watch; /* deferred only: until the socket is first readable */
  gint64        started;       /* monotonic µs */
} StewardRequest;

StewardRequest *steward_request_new (SoupServerMessage           *message,
                                     StewardStore                *store,
                                     const StewardServerSettings *settings);
void            steward_request_free (StewardRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardRequest, steward_request_free)

/* A handler that replies later calls defer(): the server then pauses the
 * message and gives up the request, which steward_request_finish_deferred()
 * sends and frees once the reply is set. Only for replies that read: the
 * request's transaction has ended when the handler returns. */
void steward_request_defer (StewardRequest *request);
void steward_request_finish_deferred (StewardRequest *request);
/* The debug line for a request that was answered: method, path, status and
 * how long it took. */
void steward_request_log (StewardRequest *request);

gboolean    steward_request_parse_query (StewardRequest *request);
const char *steward_request_param (StewardRequest *request,
                                   guint           index);

/* Query parameters. */
const char *steward_request_query (StewardRequest *request,
                                   const char     *key);
GPtrArray  *steward_request_query_all (StewardRequest *request,
                                       const char     *key);
gboolean    steward_request_query_uint (StewardRequest *request,
                                        const char     *key,
                                        guint           default_value,
                                        guint           min,
                                        guint           max,
                                        guint          *out_value);
gboolean    steward_request_query_bool (StewardRequest *request,
                                        const char     *key,
                                        gboolean        default_value,
                                        gboolean       *out_value);

/* The body as a JSON node of the expected type, or NULL after replying 400. */
JsonNode *steward_request_body (StewardRequest *request,
                                JsonNodeType    expected_type);

/* Reads an optional string member ("null" counts as absent); FALSE after
 * replying 400 when the member has another type. FIELD names it in the
 * validation list, e.g. "profile.email". */
gboolean steward_request_member_string (StewardRequest *request,
                                        JsonObject     *object,
                                        const char     *member,
                                        const char     *field,
                                        const char    **out_value);

/* A reply already written as JSON text (steward-json-writer.h); TEXT is
 * consumed and sent without another copy. */
void steward_request_reply_text (StewardRequest *request,
                                 guint           status,
                                 GString        *text);

/* Replies. The fail functions return FALSE so handlers can
 * "return steward_request_fail (...)". */
void     steward_request_reply (StewardRequest *request,
                                guint           status,
                                JsonNode       *body);
gboolean steward_request_fail (StewardRequest *request,
                               guint           status,
                               const char     *format,
                               ...) G_GNUC_PRINTF (3, 4);
gboolean steward_request_fail_field (StewardRequest *request,
                                     const char     *field,
                                     const char     *code,
                                     const char     *format,
                                     ...) G_GNUC_PRINTF (4, 5);
gboolean steward_request_fail_error (StewardRequest *request,
                                     const GError   *error);

/* Writes the reply onto the message. */
void steward_request_send (StewardRequest *request);

/* Records an audit entry for the caller acting on TARGET (may be NULL).
 * DETAILS is consumed. */
gboolean steward_request_audit (StewardRequest         *request,
                                const char             *record_type,
                                const StewardStoreUser *target,
                                gboolean                success,
                                JsonObject             *details);

/* Permission checks: FALSE after replying 403. */
gboolean steward_request_require (StewardRequest *request,
                                  const char     *permission);
gboolean steward_request_caller_has (StewardRequest *request,
                                     const char     *permission);

G_END_DECLS
