/* steward-window-private.h
 *
 * StewardWindow's state, shared by the files it is split into:
 * steward-window.c (template, actions, filters, layout) and
 * steward-window-session.c (opening sessions: keyring, local server,
 * connect). The ui tests include it to reach the widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-window.h"

#include "steward-directory-view.h"
#include "steward-bulk-item.h"
#include "steward-user-directory.h"
#include "steward-user-export.h"
#include "steward-user-page.h"

G_BEGIN_DECLS

struct _StewardWindow
{
  AdwApplicationWindow parent_instance;

  GSettings       *settings;
  StewardProfiles *profiles;

  /* Sessions this window opened, by profile id: switching back to a
   * server is instant and keeps its token. */
  GHashTable           *sessions;
  StewardSession       *session;
  StewardUserDirectory *directory;
  /* The profile being connected and its cancellable. */
  StewardProfile *connecting_profile;
  GCancellable   *connect_cancellable;
  guint           apply_fold_id; /* idle: folds the header and list */
  /* Where Export… or Export Access Review is asking to save. */
  GtkFileChooserNative *export_chooser;
  /* Reading the selected users into a bulk plan. */
  GCancellable *bulk_cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkButton            *back_button;
  GtkWidget            *new_user_button;
  GtkMenuButton        *server_button;
  GtkLabel             *server_label;
  GtkLabel             *tag_label;
  GMenu                *server_section;
  GtkStack             *main_stack;
  AdwStatusPage        *connecting_page;
  AdwStatusPage        *failed_page;
  AdwLeaflet           *leaflet;
  GtkBox               *filter_bar;
  GtkBox               *server_title_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *permission_dropdown;
  StewardDirectoryView *directory_view;
  StewardUserPage      *user_page;
};

/* steward-window.c */
void steward_window_show_session (StewardWindow  *self,
                                  StewardSession *session);
void steward_window_show_connecting (StewardWindow *self,
                                     const char    *title);
void steward_window_show_failure (StewardWindow *self,
                                  const char    *title,
                                  const char    *message);
void steward_window_show_no_server (StewardWindow *self);
void steward_window_add_toast (StewardWindow *self,
                               const char    *message);
/* Puts @user on the user page (and shows the page when folded). */
void steward_window_put_on_page (StewardWindow *self,
                                 StewardUser   *user);
/* Puts @user on the user page and reloads the directory, after a change
 * that added the user or moved it in the list. */
void steward_window_show_user (StewardWindow *self,
                               StewardUser   *user);

/* steward-window-actions.c */
void steward_window_add_user_actions (StewardWindow *self);
/* Enables what the session, the caller and the user on the page allow. */
void steward_window_update_actions (StewardWindow *self);
/* Shows @updated, the server's reply to a change, on the page (when it
 * is the user there) and in the directory, which reloads when
 * @listing_changed (who it lists may differ: disable, enable, migrate). */
void steward_window_apply_reply (StewardWindow *self,
                                 StewardUser   *updated,
                                 gboolean       listing_changed);

/* steward-window-changes.c */
void steward_window_remove_permission (StewardWindow *self,
                                       const char    *permission);
/* Disabling asks first unless @ask is FALSE (the person already chose it,
 * e.g. Disable Instead). */
void steward_window_set_user_disabled (StewardWindow *self,
                                       gboolean       disabled,
                                       gboolean       ask);

/* steward-window-export.c: win.export-users and win.export-access-review */
void steward_window_add_export_actions (StewardWindow *self);
/* Writes what the directory shows to @file (JSON when its name ends in
 * ".json", CSV otherwise) and says how many users in a toast. */
void steward_window_export_to_file (StewardWindow         *self,
                                    StewardUserExportShape shape,
                                    GFile                 *file);

/* steward-window-palette.c: win.command-palette and win.switch-server */
void steward_window_add_palette_actions (StewardWindow *self);
/* steward-window-bulk.c: win.bulk-* on the selection, win.import-users */
void steward_window_add_bulk_actions (StewardWindow *self);
/* Plans @kind (with @permissions to add or remove) for the directory's
 * selection and opens the Pending Changes review. */
void steward_window_review_bulk_change (StewardWindow     *self,
                                        StewardBulkKind    kind,
                                        const char *const *permissions);

/* steward-window-session.c */
void steward_window_start_local_server (StewardWindow *self);
void steward_window_cancel_connect (StewardWindow *self);
void steward_window_forget_session (StewardWindow  *self,
                                    StewardProfile *profile);

G_END_DECLS
