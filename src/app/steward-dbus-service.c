/* steward-dbus-service.c
 *
 * Each call finds its session first (the main window focused last),
 * then, for a write, the user it names (steward-user-lookup.h), and then
 * either answers from what it read (a dry run, or nothing to change) or
 * sends the change as the window's buttons do. Errors go back as named
 * D-Bus errors carrying the sentence a person would see in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dbus-service.h"

#include "steward-permissions.h"
#include "steward-user-lookup.h"
#include "steward-window-private.h"

#include <glib/gi18n.h>

#define INTROSPECTION_RESOURCE "/io/github/stewardapp/Steward/dbus/io.github.stewardapp.Steward1.xml"
#define MAX_LIMIT 1000

struct _StewardDbusService
{
  GObject parent_instance;

  StewardApplication *application;
  GDBusConnection    *connection;
  guint               registration_id;
};

G_DEFINE_FINAL_TYPE (StewardDbusService, steward_dbus_service, G_TYPE_OBJECT)

typedef enum
{
  WRITE_GRANT,
  WRITE_REMOVE,
  WRITE_DISABLE,
  WRITE_ENABLE,
} WriteKind;

/* One write in flight: what was asked, of whom, by which window. */
typedef struct
{
  GDBusMethodInvocation *invocation;
  StewardWindow         *window;
  StewardSession        *session;
  WriteKind              kind;
  char                  *permission;
  gboolean               dry_run;
  StewardUser           *before;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->invocation);
  g_clear_object (&write->window);
  g_clear_object (&write->session);
  g_clear_object (&write->before);
  g_free (write->permission);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Write, write_free)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* The names of the StewardApiError codes, in their order. */
static const char *const api_error_names[] = {
  "Network",
  "Timeout",
  "Tls",
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Conflict",
  "Invalid",
  "Server",
  "MalformedReply",
  "Unsupported",
};

G_STATIC_ASSERT (G_N_ELEMENTS (api_error_names) == STEWARD_API_ERROR_UNSUPPORTED + 1);

static void
return_named_error (GDBusMethodInvocation *invocation,
                    const char            *name,
                    const char            *message)
{
  g_autofree char *full_name = g_strconcat (STEWARD_DBUS_ERROR_PREFIX, name, NULL);

  g_dbus_method_invocation_return_dbus_error (invocation, full_name, message);
}

static void
return_error (GDBusMethodInvocation *invocation,
              const GError          *error)
{
  const char *name = "Failed";

  if (error->domain == STEWARD_API_ERROR && error->code >= 0 && (guint) error->code < G_N_ELEMENTS (api_error_names))
    name = api_error_names[error->code];
  else if (g_error_matches (error, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_UNKNOWN))
    name = "UnknownUser";
  else if (g_error_matches (error, STEWARD_USER_LOOKUP_ERROR, STEWARD_USER_LOOKUP_ERROR_AMBIGUOUS))
    name = "AmbiguousUser";
  return_named_error (invocation, name, error->message);
}

/* Its session, or NULL after answering NoSession. */
static StewardSession *
session_or_return (StewardDbusService    *self,
                   GDBusMethodInvocation *invocation,
                   StewardWindow        **window)
{
  GtkWindow      *main_window = steward_application_get_main_window (self->application);
  StewardWindow  *found = main_window != NULL ? STEWARD_WINDOW (main_window) : NULL;
  StewardSession *session = found != NULL ? steward_window_get_session (found) : NULL;

  if (session == NULL)
    {
      return_named_error (invocation, "NoSession", _ ("Steward is not connected to a server. Connect a window to one first."));
      return NULL;
    }
  if (window != NULL)
    *window = found;
  return session;
}

/* (userid, name, email, status, permissions) */
static GVariant *
user_row (StewardUser       *user,
          gboolean           disabled,
          const char *const *permissions)
{
  const char *empty[] = { NULL };

  return g_variant_new ("(sss&s^as)",
                        steward_user_get_userid (user),
                        steward_user_get_name (user) != NULL ? steward_user_get_name (user) : "",
                        steward_user_get_email (user) != NULL ? steward_user_get_email (user) : "",
                        disabled ? "disabled" : "active",
                        permissions != NULL ? permissions : empty);
}

static GVariant *
user_row_now (StewardUser *user)
{
  return user_row (user, steward_user_get_disabled (user), steward_user_get_permissions (user));
}

/* @permissions with @permission added (@add) or taken out. */
static GStrv
change_permissions (const char *const *permissions,
                    const char        *permission,
                    gboolean           add)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    if (g_strcmp0 (permissions[i], permission) != 0)
      g_strv_builder_add (builder, permissions[i]);
  if (add)
    g_strv_builder_add (builder, permission);
  return g_strv_builder_end (builder);
}

static gboolean
holds_directly (StewardUser *user,
                const char  *permission)
{
  const char *const *permissions = steward_user_get_permissions (user);

  return permissions != NULL && g_strv_contains (permissions, permission);
}

/* What the user's row would be after @write, and whether that differs. */
static GVariant *
predict (Write    *write,
         gboolean *changed)
{
  StewardUser       *user = write->before;
  gboolean           disabled = steward_user_get_disabled (user);
  const char *const *permissions = steward_user_get_permissions (user);
  g_auto (GStrv) after = NULL;

  switch (write->kind)
    {
      case WRITE_GRANT:
      case WRITE_REMOVE:
        *changed = holds_directly (user, write->permission) != (write->kind == WRITE_GRANT);
        after = change_permissions (permissions, write->permission, write->kind == WRITE_GRANT);
        return user_row (user, disabled, (const char *const *) after);
      case WRITE_DISABLE:
      case WRITE_ENABLE:
      default:
        *changed = disabled != (write->kind == WRITE_DISABLE);
        return user_row (user, write->kind == WRITE_DISABLE, permissions);
    }
}

/* ------------------------------------------------------------------ */
/* Writes                                                              */
/* ------------------------------------------------------------------ */

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (Write) write = user_data;
  StewardClient *client = STEWARD_CLIENT (source);
  g_autoptr (StewardUser) updated = NULL;
  g_autoptr (GError) error = NULL;

  if (write->kind == WRITE_GRANT)
    updated = steward_client_add_permission_finish (client, result, &error);
  else if (write->kind == WRITE_REMOVE)
    updated = steward_client_remove_permission_finish (client, result, &error);
  else
    updated = steward_client_set_disabled_finish (client, result, &error);

  if (updated == NULL)
    {
      return_error (write->invocation, error);
      return;
    }

  /* The window shows what a script changed as if it had done it, unless
   * it closed or went to another server meanwhile. */
  if (steward_window_get_session (write->window) == write->session)
    steward_window_apply_reply (write->window, updated, write->kind == WRITE_DISABLE || write->kind == WRITE_ENABLE);
  g_dbus_method_invocation_return_value (write->invocation,
                                         g_variant_new ("(b@(ssssas)@(ssssas))", TRUE,
                                                        user_row_now (write->before), user_row_now (updated)));
}

/* Sends @write (taken) as the window's buttons would. */
static void
send_write (StewardClient *client,
            Write         *write)
{
  const char *iamid = steward_user_get_iamid (write->before);
  const char *userid = steward_user_get_userid (write->before);

  switch (write->kind)
    {
      case WRITE_GRANT:
        steward_client_add_permission_async (client, iamid, userid, write->permission, NULL, write_done_cb, write);
        break;
      case WRITE_REMOVE:
        steward_client_remove_permission_async (client, iamid, userid, write->permission, NULL, write_done_cb, write);
        break;
      case WRITE_DISABLE:
      case WRITE_ENABLE:
      default:
        steward_client_set_disabled_async (client, iamid, userid, write->kind == WRITE_DISABLE, NULL, write_done_cb, write);
        break;
    }
}

/* A dry run, or nothing to change: answered from what was read. Else
 * sent. Takes @write. */
static void
answer_or_send (StewardClient *client,
                Write         *write)
{
  gboolean  changed = FALSE;
  GVariant *after = predict (write, &changed);

  if (write->dry_run || !changed)
    {
      g_dbus_method_invocation_return_value (write->invocation,
                                             g_variant_new ("(b@(ssssas)@(ssssas))", changed, user_row_now (write->before), after));
      write_free (write);
      return;
    }
  g_variant_unref (g_variant_ref_sink (after));
  send_write (client, write);
}

static void
refuse (Write      *write,
        const char *message)
{
  return_named_error (write->invocation, "Refused", message);
  write_free (write);
}

static void
admins_counted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      return_error (write->invocation, error);
      write_free (write);
      return;
    }
  if (steward_page_result_get_total (page) <= 1)
    refuse (write, _ ("This is the last active user with USER_ADMIN: without it nobody could manage users on this server. Steward does not remove it over D-Bus."));
  else
    answer_or_send (STEWARD_CLIENT (source), write);
}

/* The window asks before USER_ADMIN goes from its own account or from
 * the last one holding it; a script cannot be asked, so that is refused.
 * Takes @write. */
static void
guard_then_answer (StewardClient *client,
                   Write         *write)
{
  StewardUser *current = steward_session_get_current_user (write->session);
  g_autoptr (StewardUserQuery) query = NULL;

  if (write->kind != WRITE_REMOVE || g_strcmp0 (write->permission, "USER_ADMIN") != 0 || !holds_directly (write->before, "USER_ADMIN"))
    {
      answer_or_send (client, write);
      return;
    }

  if (current != NULL && steward_user_get_id (current) == steward_user_get_id (write->before))
    {
      refuse (write, _ ("Steward does not remove your own USER_ADMIN over D-Bus: you could no longer manage users. Remove it in the window, which asks first."));
      return;
    }

  query = steward_user_query_new ();
  query->size = 1;
  query->permission = g_strdup ("USER_ADMIN");
  steward_client_list_users_async (client, query, NULL, admins_counted_cb, write);
}

static void
user_found_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (Write) write = user_data;
  g_autoptr (GError) error = NULL;
  StewardClient *client = STEWARD_CLIENT (source);

  write->before = steward_user_lookup_finish (result, &error);
  if (write->before == NULL)
    {
      return_error (write->invocation, error);
      return;
    }

  guard_then_answer (client, g_steal_pointer (&write));
}

static void
start_write (StewardDbusService    *self,
             GDBusMethodInvocation *invocation,
             WriteKind              kind,
             const char            *name,
             const char            *permission,
             gboolean               dry_run)
{
  StewardWindow  *window = NULL;
  StewardSession *session;
  Write          *write;

  if (permission != NULL && !steward_permission_name_is_valid (permission))
    {
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not a permission name: use capital letters, digits and underscores, such as GOVERNANCE"), permission);

      return_named_error (invocation, api_error_names[STEWARD_API_ERROR_INVALID], message);
      return;
    }

  session = session_or_return (self, invocation, &window);
  if (session == NULL)
    return;

  write = g_new0 (Write, 1);
  write->invocation = g_object_ref (invocation);
  write->window = g_object_ref (window);
  write->session = g_object_ref (session);
  write->kind = kind;
  write->permission = g_strdup (permission);
  write->dry_run = dry_run;
  steward_user_lookup_async (steward_session_get_client (session), name, NULL, user_found_cb, write);
}

/* ------------------------------------------------------------------ */
/* ListUsers                                                           */
/* ------------------------------------------------------------------ */

static void
users_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GDBusMethodInvocation) invocation = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GVariantBuilder rows;
  GListModel     *users;

  page = steward_client_list_users_finish (STEWARD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      return_error (invocation, error);
      return;
    }

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("a(ssssas)"));
  users = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr (StewardUser) user = g_list_model_get_item (users, i);

      g_variant_builder_add_value (&rows, user_row_now (user));
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a(ssssas))", &rows));
}

static void
list_users (StewardDbusService    *self,
            GDBusMethodInvocation *invocation,
            GVariant              *parameters)
{
  const char     *search = NULL;
  guint32         offset = 0;
  guint32         limit = 0;
  StewardSession *session;
  g_autoptr (StewardUserQuery) query = steward_user_query_new ();

  g_variant_get (parameters, "(&suu)", &search, &offset, &limit);
  if (limit < 1 || limit > MAX_LIMIT)
    {
      g_autofree char *message = g_strdup_printf (_ ("The limit must be 1 to %u users, not %u"), MAX_LIMIT, limit);

      return_named_error (invocation, api_error_names[STEWARD_API_ERROR_INVALID], message);
      return;
    }

  session = session_or_return (self, invocation, NULL);
  if (session == NULL)
    return;

  query->offset = offset;
  query->size = limit;
  query->include_disabled = TRUE;
  query->sort_field = STEWARD_USER_SORT_NAME;
  if (search[0] != '\0')
    query->search_text = g_strdup (search);
  steward_client_list_users_async (steward_session_get_client (session), query, NULL, users_listed_cb, g_object_ref (invocation));
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */
/* ------------------------------------------------------------------ */

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  StewardDbusService *self = user_data;
  const char         *name = NULL;
  const char         *permission = NULL;
  gboolean            dry_run = FALSE;

  if (g_str_equal (method_name, "ListUsers"))
    list_users (self, invocation, parameters);
  else if (g_str_equal (method_name, "Grant") || g_str_equal (method_name, "Remove"))
    {
      g_variant_get (parameters, "(&s&sb)", &name, &permission, &dry_run);
      start_write (self, invocation, g_str_equal (method_name, "Grant") ? WRITE_GRANT : WRITE_REMOVE, name, permission, dry_run);
    }
  else if (g_str_equal (method_name, "Disable") || g_str_equal (method_name, "Enable"))
    {
      g_variant_get (parameters, "(&sb)", &name, &dry_run);
      start_write (self, invocation, g_str_equal (method_name, "Disable") ? WRITE_DISABLE : WRITE_ENABLE, name, NULL, dry_run);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD, "No method %s", method_name);
}

static const GDBusInterfaceVTable interface_vtable = {
  .method_call = method_call_cb,
};

/* ------------------------------------------------------------------ */
/* Overrides                                                           */
/* ------------------------------------------------------------------ */

static void
steward_dbus_service_dispose (GObject *object)
{
  StewardDbusService *self = STEWARD_DBUS_SERVICE (object);

  steward_dbus_service_unexport (self);

  G_OBJECT_CLASS (steward_dbus_service_parent_class)->dispose (object);
}

static void
steward_dbus_service_class_init (StewardDbusServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_dbus_service_dispose;
}

static void
steward_dbus_service_init (StewardDbusService *self)
{
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

StewardDbusService *
steward_dbus_service_new (StewardApplication *application)
{
  StewardDbusService *self;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  self = g_object_new (STEWARD_TYPE_DBUS_SERVICE, NULL);
  self->application = application;
  return self;
}

gboolean
steward_dbus_service_export (StewardDbusService *self,
                             GDBusConnection    *connection,
                             const char         *object_path,
                             GError            **error)
{
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GDBusNodeInfo) node = NULL;
  GDBusInterfaceInfo *interface;

  g_return_val_if_fail (STEWARD_IS_DBUS_SERVICE (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  xml = g_resources_lookup_data (INTROSPECTION_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (xml == NULL)
    return FALSE;
  node = g_dbus_node_info_new_for_xml (g_bytes_get_data (xml, NULL), error);
  if (node == NULL)
    return FALSE;
  interface = g_dbus_node_info_lookup_interface (node, STEWARD_DBUS_INTERFACE);
  g_assert (interface != NULL);

  self->registration_id = g_dbus_connection_register_object (connection, object_path, interface, &interface_vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
steward_dbus_service_unexport (StewardDbusService *self)
{
  g_return_if_fail (STEWARD_IS_DBUS_SERVICE (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
