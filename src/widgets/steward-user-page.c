/* steward-user-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-user-page.h"

#include "steward-audit-row.h"
#include "steward-format.h"
#include "steward-impersonation-sql.h"
#include "steward-permissions.h"

#include <glib/gi18n-lib.h>

#define RECENT_ACTIVITY_SIZE 10

struct _StewardUserPage
{
  AdwBin parent_instance;

  StewardUser    *user;
  StewardSession *session;
  /* The audit request for the current user, cancelled when it changes. */
  GCancellable *activity_cancellable;

  /* Template widgets */
  GtkStack            *stack;
  GtkMenuButton       *actions_button;
  GtkButton           *add_permissions_button;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *email_label;
  AdwActionRow        *iam_row;
  AdwActionRow        *userid_row;
  AdwActionRow        *id_row;
  AdwActionRow        *created_row;
  AdwActionRow        *last_login_row;
  AdwActionRow        *status_row;
  AdwActionRow        *sql_user_row;
  AdwActionRow        *impersonation_row;
  GtkListBox          *permissions_list;
  AdwPreferencesGroup *activity_group;
  GtkListBox          *activity_list;
};

G_DEFINE_FINAL_TYPE (StewardUserPage, steward_user_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_USER,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && value[0] != '\0' ? value : "—");
}

/* A date row reads "3 days ago" or "Nov 9, 2026"; its tooltip has the
 * exact moment and zone. */
static void
set_date_row_value (AdwActionRow *row,
                    StewardUser  *user,
                    GDateTime    *date_time)
{
  g_autofree char *value = NULL;
  g_autofree char *full = NULL;

  if (user != NULL)
    {
      value = steward_format_date_time (date_time);
      full = steward_format_date_time_full (date_time);
    }
  set_row_value (row, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), date_time != NULL ? full : NULL);
}

/* The server's catalogue first, so custom permissions have a meaning too. */
static char *
describe_permission (StewardUserPage *self,
                     const char      *name)
{
  const char *builtin;

  if (self->session != NULL)
    {
      GListModel *catalogue = steward_session_get_permissions (self->session);
      guint       n = catalogue != NULL ? g_list_model_get_n_items (catalogue) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (StewardPermissionInfo) info = g_list_model_get_item (catalogue, i);

          if (g_strcmp0 (steward_permission_info_get_name (info), name) == 0)
            return g_strdup (steward_permission_info_get_description (info));
        }
    }

  builtin = steward_builtin_permission_description (name);
  return g_strdup (builtin != NULL ? _ (builtin) : "");
}

static gboolean
can_manage (StewardUserPage *self)
{
  return self->session != NULL && steward_session_get_can_manage_users (self->session);
}

/* Says why a management control is insensitive, when it is for lack of
 * USER_ADMIN; the window's actions decide the sensitivity itself. */
static void
explain_management (StewardUserPage *self,
                    GtkWidget       *control,
                    const char      *tooltip)
{
  gtk_widget_set_tooltip_text (control, can_manage (self) ? tooltip : _ ("Managing users needs the USER_ADMIN permission"));
}

static GtkWidget *
create_remove_button (StewardUserPage *self,
                      const char      *permission)
{
  GtkWidget       *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *label = g_strdup_printf (_ ("Remove %s"), permission);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.remove-permission");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", permission);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  explain_management (self, button, label);
  return button;
}

static void
update_management (StewardUserPage *self)
{
  explain_management (self, GTK_WIDGET (self->actions_button), _ ("Disable, migrate or delete this user"));
  explain_management (self, GTK_WIDGET (self->add_permissions_button), _ ("Grant this user more permissions"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->actions_button), can_manage (self));
}

static void
update_permissions (StewardUserPage *self)
{
  const char *const *permissions = self->user != NULL ? steward_user_get_permissions (self->user) : NULL;

  clear_list (self->permissions_list);

  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    {
      g_autofree char *description = describe_permission (self, permissions[i]);
      GtkWidget       *row = adw_action_row_new ();

      /* Meanings come from the server: text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), permissions[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_remove_button (self, permissions[i]));
      gtk_list_box_append (self->permissions_list, row);
    }

  if (permissions == NULL || permissions[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No permissions"));
      gtk_list_box_append (self->permissions_list, row);
    }
}

static void
update_details (StewardUserPage *self)
{
  StewardUser     *user = self->user;
  g_autofree char *id = NULL;

  if (user != NULL && steward_user_get_id (user) != 0)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_user_get_id (user));

  gtk_stack_set_visible_child_name (self->stack, user != NULL ? "user" : "empty");
  adw_avatar_set_text (self->avatar, user != NULL ? steward_user_get_display_name (user) : NULL);
  gtk_label_set_label (self->name_label, user != NULL && steward_user_get_display_name (user) != NULL ? steward_user_get_display_name (user) : "");
  gtk_label_set_label (self->email_label, user != NULL && steward_user_get_email (user) != NULL ? steward_user_get_email (user) : "");
  set_row_value (self->iam_row, user != NULL ? steward_user_get_iamid (user) : NULL);
  set_row_value (self->userid_row, user != NULL ? steward_user_get_userid (user) : NULL);
  set_row_value (self->id_row, id);
  set_date_row_value (self->created_row, user, user != NULL ? steward_user_get_created_at (user) : NULL);
  set_date_row_value (self->last_login_row, user, user != NULL ? steward_user_get_last_login (user) : NULL);
  set_row_value (self->status_row, user == NULL ? NULL : steward_user_get_disabled (user) ? _ ("Disabled")
                                                                                          : _ ("Active"));
  set_row_value (self->sql_user_row, user != NULL ? steward_user_get_sql_user (user) : NULL);
  if (user != NULL)
    adw_action_row_set_subtitle (self->impersonation_row,
                                 steward_impersonation_describe_readiness (steward_impersonation_get_readiness (user)));

  update_permissions (self);
}

static void
activity_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StewardUserPage) self = user_data;
  g_autoptr (StewardPageResult) page = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *records;

  page = steward_client_list_audit_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_list (self->activity_list);
  if (error != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Could not load recent activity"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->activity_list, row);
      return;
    }

  records = steward_page_result_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (StewardAuditRecord) record = g_list_model_get_item (records, i);

      gtk_list_box_append (self->activity_list, steward_audit_row_new (record, FALSE));
    }
}

static void
reload_activity (StewardUserPage *self)
{
  g_autoptr (StewardAuditQuery) query = NULL;
  gboolean allowed;

  g_cancellable_cancel (self->activity_cancellable);
  g_clear_object (&self->activity_cancellable);
  clear_list (self->activity_list);

  allowed = self->session != NULL && steward_session_get_can_read_audit (self->session) && self->user != NULL && steward_user_get_userid (self->user) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->activity_group), allowed);
  if (!allowed)
    return;

  query = steward_audit_query_new ();
  query->size = RECENT_ACTIVITY_SIZE;
  query->userid = g_strdup (steward_user_get_userid (self->user));
  self->activity_cancellable = g_cancellable_new ();
  steward_client_list_audit_async (steward_session_get_client (self->session), query,
                                   self->activity_cancellable, activity_listed_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
user_notify_cb (StewardUserPage *self,
                GParamSpec      *pspec)
{
  update_details (self);
  /* A placeholder that just filled in now has a userid to ask about. */
  if (g_strcmp0 (pspec->name, "userid") == 0)
    reload_activity (self);
}

static void
session_notify_cb (StewardUserPage *self)
{
  update_management (self);
  update_permissions (self);
  reload_activity (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
steward_user_page_dispose (GObject *object)
{
  StewardUserPage *self = STEWARD_USER_PAGE (object);

  g_cancellable_cancel (self->activity_cancellable);
  g_clear_object (&self->activity_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_USER_PAGE);

  g_clear_object (&self->user);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_user_page_parent_class)->dispose (object);
}

static void
steward_user_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardUserPage *self = STEWARD_USER_PAGE (object);

  switch (prop_id)
    {
      case PROP_USER:
        g_value_set_object (value, self->user);
        break;

      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardUserPage *self = STEWARD_USER_PAGE (object);

  switch (prop_id)
    {
      case PROP_USER:
        steward_user_page_set_user (self, g_value_get_object (value));
        break;

      case PROP_SESSION:
        steward_user_page_set_session (self, g_value_get_object (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_page_class_init (StewardUserPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_user_page_dispose;
  object_class->get_property = steward_user_page_get_property;
  object_class->set_property = steward_user_page_set_property;

  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, STEWARD_TYPE_USER,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, STEWARD_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/widgets/steward-user-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, add_permissions_button);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, email_label);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, iam_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, userid_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, last_login_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, sql_user_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, impersonation_row);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, permissions_list);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, activity_group);
  gtk_widget_class_bind_template_child (widget_class, StewardUserPage, activity_list);
}

static void
steward_user_page_init (StewardUserPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_management (self);
  update_details (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
steward_user_page_new (void)
{
  return g_object_new (STEWARD_TYPE_USER_PAGE, NULL);
}

StewardUser *
steward_user_page_get_user (StewardUserPage *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_PAGE (self), NULL);

  return self->user;
}

void
steward_user_page_set_user (StewardUserPage *self,
                            StewardUser     *user)
{
  g_return_if_fail (STEWARD_IS_USER_PAGE (self));
  g_return_if_fail (user == NULL || STEWARD_IS_USER (user));

  if (self->user == user)
    return;

  if (self->user != NULL)
    g_signal_handlers_disconnect_by_data (self->user, self);
  g_set_object (&self->user, user);
  if (user != NULL)
    g_signal_connect_object (user, "notify", G_CALLBACK (user_notify_cb), self, G_CONNECT_SWAPPED);

  update_details (self);
  reload_activity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

StewardSession *
steward_user_page_get_session (StewardUserPage *self)
{
  g_return_val_if_fail (STEWARD_IS_USER_PAGE (self), NULL);

  return self->session;
}

void
steward_user_page_set_session (StewardUserPage *self,
                               StewardSession  *session)
{
  g_return_if_fail (STEWARD_IS_USER_PAGE (self));
  g_return_if_fail (session == NULL || STEWARD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::permissions", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::can-read-audit", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::can-manage-users", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
    }

  session_notify_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
