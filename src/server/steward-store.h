/* steward-store.h
 *
 * StewardStore keeps everything steward-server knows in one SQLite database:
 * identity managers, users, permissions, groups, subscriptions, API keys,
 * tokens, the audit log and the opt-in interaction counts.
 *
 * Every statement is prepared and cached; callers wrap each request in one
 * transaction (steward_store_begin / _commit / _rollback).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_STORE_ERROR (steward_store_error_quark ())

typedef enum
{
  STEWARD_STORE_ERROR_FAILED,    /* SQLite refused: disk full, I/O error, ... */
  STEWARD_STORE_ERROR_CONFLICT,  /* a uniqueness rule would be broken */
  STEWARD_STORE_ERROR_NOT_FOUND, /* the row to change does not exist */
  STEWARD_STORE_ERROR_CORRUPT,   /* the database is not one we can use */
} StewardStoreError;

GQuark steward_store_error_quark (void);

typedef struct
{
  char    *id;
  char    *display_name;
  char    *type;
  gboolean oauth;
} StewardStoreIam;

typedef struct
{
  gint64     id;
  char      *iamid;
  char      *userid;
  char      *name;
  char      *email;
  char      *sql_user;
  char      *phone;
  char      *position;
  char      *organization;
  GPtrArray *permissions;       /* sorted names */
  GPtrArray *group_permissions; /* sorted names, from group memberships */
  gboolean   disabled;
  gboolean   system_generated;
  gint64     last_login; /* ms since the epoch, 0 when never */
  gint64     created_at;
  gint64     updated_at;
  gint64     profile_updated_at;
} StewardStoreUser;

/* What a new user is made of; NULL strings mean "not given". */
typedef struct
{
  const char        *iamid;
  const char        *userid;
  const char        *name;
  const char        *email;
  const char        *sql_user;
  const char        *password;
  const char *const *permissions;
  gboolean           disabled;
  gboolean           system_generated;
  gint64             created_at; /* 0: now */
  gint64             last_login; /* 0: never */
} StewardStoreNewUser;

/* Profile fields a PUT may change; a NULL member leaves the field alone, an
 * empty string clears it (name and email cannot be cleared). */
typedef struct
{
  const char *name;
  const char *email;
  const char *sql_user;
  const char *phone;
  const char *position;
  const char *organization;
} StewardStoreProfileChange;

typedef enum
{
  STEWARD_SORT_NAME,
  STEWARD_SORT_EMAIL,
  STEWARD_SORT_IAMID,
  STEWARD_SORT_CREATED_AT,
  STEWARD_SORT_LAST_LOGIN,
  STEWARD_SORT_USERNAME,
} StewardSortField;

typedef struct
{
  const char *name; /* substring filters, case-insensitive */
  const char *email;
  const char *userid;
  const char *search_text; /* substring of name, e-mail or userid */
  GPtrArray  *iamids;      /* any of; NULL or empty: all */
  const char *permission;  /* holds it */
  gboolean    include_disabled;
  /* Extension (query "disabled"): TRUE lists disabled users only. */
  gboolean         disabled_only;
  StewardSortField sort_field;
  gboolean         descending;
  guint            offset;
  guint            size;
} StewardUserFilter;

typedef struct
{
  gint64   id;
  gint64   date_time; /* ms */
  char    *record_type;
  char    *actor_iamid;
  char    *actor_userid;
  char    *target_iamid;
  char    *target_userid;
  gboolean success;
  char    *details; /* JSON object text */
} StewardStoreAuditRecord;

typedef struct
{
  const char *userid; /* actor's or target's userid */
  const char *record_type;
  gint64      min_date; /* ms, 0: unbounded */
  gint64      max_date; /* ms, 0: unbounded */
  guint       offset;
  guint       size;
} StewardAuditFilter;

/* The daily workflow counters of the metrics document, in document order. */
typedef enum
{
  STEWARD_WORKFLOW_USER_CREATED,
  STEWARD_WORKFLOW_USER_DISABLED,
  STEWARD_WORKFLOW_USER_ENABLED,
  STEWARD_WORKFLOW_USER_DELETED,
  STEWARD_WORKFLOW_USER_MIGRATED,
  STEWARD_WORKFLOW_PERMISSION_GRANTED,
  STEWARD_WORKFLOW_PERMISSION_REMOVED,
  STEWARD_WORKFLOW_API_KEY_AUTHENTICATED,
  STEWARD_N_WORKFLOWS
} StewardWorkflow;

const char *steward_workflow_name (StewardWorkflow workflow);

typedef struct
{
  char   day[11]; /* YYYY-MM-DD */
  gint64 counts[STEWARD_N_WORKFLOWS];
} StewardWorkflowDay;

typedef struct
{
  char  *day;
  char  *control;
  gint64 count;
} StewardInteractionCount;

void              steward_store_iam_free (StewardStoreIam *iam);
StewardStoreUser *steward_store_user_copy (const StewardStoreUser *user);
void              steward_store_user_free (StewardStoreUser *user);
void              steward_store_audit_record_free (StewardStoreAuditRecord *record);
void              steward_store_interaction_count_free (StewardInteractionCount *count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardStoreIam, steward_store_iam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardStoreUser, steward_store_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardStoreAuditRecord, steward_store_audit_record_free)

#define STEWARD_TYPE_STORE (steward_store_get_type ())
G_DECLARE_FINAL_TYPE (StewardStore, steward_store, STEWARD, STORE, GObject)

/* Lifecycle and transactions (steward-store.c) */
StewardStore *steward_store_open (const char *path,
                                  GError    **error);
/* A database that does not exist yet, built in one go and then closed and
 * renamed into place by the caller: no journal, no syncing, an exclusive
 * lock. A crash or a failure leaves a file nothing may open; delete it. */
StewardStore *steward_store_open_new (const char *path,
                                      GError    **error);
/* A second connection to SELF's database, for another thread: it sees
 * every commit of SELF from its next transaction on, and drops what it
 * remembered when there was one. */
StewardStore *steward_store_open_sibling (StewardStore *self,
                                          GError      **error);
gboolean      steward_store_begin (StewardStore *self,
                                   gboolean      for_writing,
                                   GError      **error);
gboolean      steward_store_commit (StewardStore *self,
                                    GError      **error);
void          steward_store_rollback (StewardStore *self);
/* The open write transaction only records sign-ins (tokens, last logins,
 * audit entries): its commit keeps the listings that do not order by last
 * login, here and on every other connection. */
void steward_store_note_only_sign_ins (StewardStore *self);
/* A write transaction for loading many rows at once (the demo data): the
 * secondary indexes and the search index are dropped and built once at
 * commit. Roll back with steward_store_rollback(). */
gboolean steward_store_begin_bulk_load (StewardStore *self,
                                        GError      **error);
gboolean steward_store_commit_bulk_load (StewardStore *self,
                                         GError      **error);
void     steward_store_close (StewardStore *self);

/* Identity managers (steward-store-users.c) */
gboolean   steward_store_ensure_iam (StewardStore *self,
                                     const char   *id,
                                     const char   *display_name,
                                     const char   *type,
                                     GError      **error);
GPtrArray *steward_store_list_iams (StewardStore *self,
                                    GError      **error);
gboolean   steward_store_has_iam (StewardStore *self,
                                  const char   *id,
                                  GError      **error);

/* Users (steward-store-users.c) */
gint64            steward_store_insert_user (StewardStore              *self,
                                             const StewardStoreNewUser *user,
                                             GError                   **error);
StewardStoreUser *steward_store_get_user (StewardStore *self,
                                          gint64        id,
                                          GError      **error);
StewardStoreUser *steward_store_find_user (StewardStore *self,
                                           const char   *iamid,
                                           const char   *userid_or_id,
                                           GError      **error);
gboolean          steward_store_update_profile (StewardStore                    *self,
                                                gint64                           id,
                                                const StewardStoreProfileChange *change,
                                                GError                         **error);
gboolean          steward_store_set_permissions (StewardStore      *self,
                                                 gint64             id,
                                                 const char *const *permissions,
                                                 GError           **error);
gboolean          steward_store_set_disabled (StewardStore *self,
                                              gint64        id,
                                              gboolean      disabled,
                                              GError      **error);
gboolean          steward_store_delete_user (StewardStore *self,
                                             gint64        id,
                                             GError      **error);
gboolean          steward_store_migrate_user (StewardStore *self,
                                              gint64        id,
                                              const char   *iamid,
                                              const char   *userid,
                                              GError      **error);
gboolean          steward_store_set_last_login (StewardStore *self,
                                                gint64        id,
                                                gint64        when,
                                                GError      **error);
gboolean          steward_store_list_users (StewardStore            *self,
                                            const StewardUserFilter *filter,
                                            GPtrArray              **out_users,
                                            gint64                  *out_count,
                                            GError                 **error);
gboolean          steward_store_count_users (StewardStore *self,
                                             gint64       *out_total,
                                             gint64       *out_disabled,
                                             GError      **error);
GPtrArray        *steward_store_custom_permissions (StewardStore *self,
                                                    GError      **error);
gboolean          steward_store_add_group_member (StewardStore      *self,
                                                  const char        *group_name,
                                                  const char *const *group_permissions,
                                                  gint64             user_id,
                                                  GError           **error);
gboolean          steward_store_add_subscription (StewardStore *self,
                                                  gint64        user_id,
                                                  const char   *data_source,
                                                  GError      **error);

/* Credentials (steward-store-auth.c) */
char *steward_store_create_api_key (StewardStore *self,
                                    gint64        user_id,
                                    const char   *name,
                                    gint64       *out_key_id,
                                    GError      **error);
char *steward_store_exchange_api_key (StewardStore *self,
                                      const char   *api_key,
                                      gint64        ttl_seconds,
                                      gint64       *out_user_id,
                                      GError      **error);
/* The caller behind a token (unexpired) or a raw API key whose owner is
 * enabled, as a copy the caller frees; NULL without an error when there is
 * none. Answers from memory until the next write commits, so the caller's
 * account and permissions are read once, not on every request. */
StewardStoreUser *steward_store_find_caller (StewardStore *self,
                                             const char   *credential,
                                             GError      **error);
gint64            steward_store_get_api_key_owner (StewardStore *self,
                                                   gint64        key_id,
                                                   GError      **error);
gint64            steward_store_revoke_api_key (StewardStore *self,
                                                gint64        key_id,
                                                GError      **error);

/* Audit, metrics and interactions (steward-store-audit.c) */
gboolean   steward_store_add_audit (StewardStore                  *self,
                                    const StewardStoreAuditRecord *record,
                                    GError                       **error);
gboolean   steward_store_list_audit (StewardStore             *self,
                                     const StewardAuditFilter *filter,
                                     GPtrArray               **out_records,
                                     gint64                   *out_count,
                                     GError                  **error);
GArray    *steward_store_workflow_days (StewardStore *self,
                                        GDate        *from,
                                        GDate        *to,
                                        GError      **error);
gboolean   steward_store_add_interactions (StewardStore *self,
                                           const char   *day,
                                           const char   *control,
                                           gint64        count,
                                           GError      **error);
GPtrArray *steward_store_list_interactions (StewardStore *self,
                                            const char   *from_day,
                                            const char   *to_day,
                                            GError      **error);

G_END_DECLS
