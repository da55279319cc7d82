/* steward-test-ui.h
 *
 * What every in-process ui test needs: spin the main loop until something
 * holds, wait for an async result, find widgets by type, label or
 * accessible name, connect a session to a test server and save a
 * screenshot of a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-session.h"
#include "steward-test-server.h"

G_BEGIN_DECLS

typedef gboolean (*StewardTestPredicate) (gpointer user_data);

/* Returns 77 (skip) from main() when there is no display to open. */
gboolean steward_test_ui_init (int    *argc,
                               char ***argv);

/* Iterates the default main context until @predicate holds; fails the test
 * after 30 s (times STEWARD_TEST_TIMEOUT_SCALE, for valgrind). */
void steward_test_ui_wait_until (StewardTestPredicate predicate,
                                 gpointer             user_data);
/* Iterates until nothing is pending. */
void steward_test_ui_drain (void);

/* A GAsyncReadyCallback that stores a reference to the result in the
 * GAsyncResult ** passed as user data; wait with _wait_for_result(). */
void          steward_test_ui_store_result_cb (GObject      *source,
                                               GAsyncResult *result,
                                               gpointer      user_data);
GAsyncResult *steward_test_ui_wait_for_result (GAsyncResult **slot);

/* Depth-first search below (and including) @root. NULL when absent. */
gpointer steward_test_ui_find_widget (GtkWidget *root,
                                      GType      type);
/* A GtkButton whose label (mnemonic underscores removed) is @label. */
GtkWidget *steward_test_ui_find_button (GtkWidget  *root,
                                        const char *label);
/* A GtkLabel showing exactly @text. */
GtkWidget *steward_test_ui_find_label (GtkWidget  *root,
                                       const char *text);
/* An AdwPreferencesRow (entry rows included) titled exactly @title. */
GtkWidget *steward_test_ui_find_row (GtkWidget  *root,
                                     const char *title);
/* A widget whose accessible label property is @name. */
GtkWidget *steward_test_ui_find_by_accessible_name (GtkWidget  *root,
                                                    const char *name);
/* Clicks @widget as a person would. A button's "activate" only clicks
 * after a visual press of 250 ms; this emits "clicked" at once. */
void steward_test_ui_click (GtkWidget *widget);

/* Calls @func on @root and every descendant. */
void steward_test_ui_foreach_widget (GtkWidget *root,
                                     GFunc      func,
                                     gpointer   user_data);

/* Whether a screen reader has a name for @widget: an accessible label or
 * labelled-by relation, or visible text of its own (a button's label). */
gboolean steward_test_ui_has_accessible_name (GtkWidget *widget);

/* Fails unless every control on screen below @root (buttons, menu
 * buttons, drop-downs, switches, checks, search entries) has an
 * accessible name; returns how many were checked. */
guint steward_test_ui_check_accessible_names (GtkWidget *root);

/* Fails unless Escape in @dialog's search entry (its stop-search) first
 * clears the text, leaving the dialog open, and then closes the dialog.
 * Takes a reference of its own; @dialog must be presented. */
void steward_test_ui_check_escape_in_search (GtkWindow *dialog);

/* Connects a session to @server with its administrator key. */
StewardSession *steward_test_ui_connect (StewardTestServer *server);
StewardSession *steward_test_ui_connect_with_key (StewardTestServer *server,
                                                  const char        *api_key);

/* Creates a bim user through @session's client; NULL @permissions gives
 * the server's defaults. Fails the test on any error. */
StewardUser *steward_test_ui_create_user (StewardSession    *session,
                                          const char        *email,
                                          const char        *name,
                                          const char *const *permissions);
/* The user as the server has it now, or NULL after a 404. */
StewardUser *steward_test_ui_fetch_user (StewardSession *session,
                                         const char     *iamid,
                                         const char     *userid);

/* What a libadwaita or plain window holds under its decoration. */
GtkWidget *steward_test_ui_window_content (GtkWindow *window);

/* Renders @window's content to a PNG at @path (created with parents).
 * Returns FALSE, with a message, when nothing could be rendered. */
gboolean steward_test_ui_save_screenshot (GtkWindow  *window,
                                          const char *path);

G_END_DECLS
