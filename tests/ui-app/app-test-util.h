/* app-test-util.h
 *
 * The application tests' shared steps: one StewardApplication per test
 * program, fresh settings per window, connecting through the real dialog,
 * waiting for the directory, and checking accessible names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-connect-dialog.h"
#include "steward-test-server.h"
#include "steward-window-private.h"

G_BEGIN_DECLS

extern StewardApplication *app_test_application;

/* Display, a fresh XDG_DATA_HOME and a registered application; FALSE
 * (skip) without a display. */
gboolean app_test_init (int    *argc,
                        char ***argv);

/* Runs the tests added, then lets the application go; main()'s last step. */
int app_test_run (void);

/* A new window over settings reset to their defaults (no profiles). */
StewardWindow *app_test_open_window (void);
void           app_test_close_window (StewardWindow *window);

/* Gives @window's widget @width × @height and waits until it has them. */
void app_test_resize_window (GtkWindow *window,
                             int        width,
                             int        height);

/* The newest visible toplevel of @type, e.g. a dialog just opened. */
gpointer app_test_find_toplevel (GType type);

StewardConnectDialog *app_test_open_connect_dialog (StewardWindow *window);
GtkWidget            *app_test_dialog_child (StewardConnectDialog *dialog,
                                             const char           *name);
/* Connects through Connect to a Server… with the administrator's key and
 * an optional tag, and waits for the first page. */
void app_test_connect_through_dialog (StewardWindow     *window,
                                      StewardTestServer *server,
                                      const char        *name,
                                      const char        *tag);

/* The directory's column view, and selecting its row at @position (which
 * shows that user's page). */
GtkColumnView *app_test_directory_column_view (StewardWindow *window);
void           app_test_select_row (StewardWindow *window,
                                    guint          position);

/* A predicate for steward_test_ui_wait_until() over any widget. */
gboolean app_test_widget_mapped (gpointer widget);

/* Predicates for steward_test_ui_wait_until() over a StewardWindow. */
gboolean app_test_window_connected (gpointer window);
gboolean app_test_directory_settled (gpointer window);
gboolean app_test_search_applied (gpointer window);
void     app_test_wait_for_count (StewardWindow *window,
                                  guint          n);

/* The server's count of active ("active") or all ("all") users. */
guint app_test_server_user_count (StewardTestServer *server,
                                  const char        *which);
void  app_test_create_plain_user (StewardTestServer *server,
                                  const char        *email);
/* The userid of a bim user holding @permission who is not the
 * administrator, read through @admin. */
char *app_test_find_holder (StewardSession *admin,
                            const char     *permission);
/* Waits until the server, read through @admin, has @user holding
 * @permission (or, for NULL, disabled) as @expected says. */
void app_test_wait_for_server (StewardSession *admin,
                               StewardUser    *user,
                               const char     *permission,
                               gboolean        expected);
/* The application journal's changes about @userid, newest first. */
GListModel *app_test_journal_changes (const char *userid);
/* Waits until the newest change about @userid is a @kind the server
 * answered. */
void app_test_wait_for_journal (const char       *userid,
                                StewardChangeKind kind);

/* "1,320 users" as the directory writes it. */
char *app_test_total_text (guint n);

G_END_DECLS
