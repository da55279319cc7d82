/* steward-window-palette.c
 *
 * win.command-palette (Ctrl+K) opens the command palette over the
 * window: users it finds go on the user page, and the actions it runs
 * are the window's own, so they are enabled, guarded and journaled
 * exactly as the buttons are. win.switch-server opens the server
 * switcher in the header bar, which the palette offers by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-window-private.h"

#include "steward-command-palette.h"

static void
palette_user_chosen_cb (StewardWindow *self,
                        StewardUser   *user)
{
  steward_window_put_on_page (self, user);
}

static void
command_palette_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  StewardWindow *self = user_data;
  GtkWidget     *palette;

  palette = steward_command_palette_new (self->session, GTK_WIDGET (self), steward_user_page_get_user (self->user_page));
  g_signal_connect_object (palette, "user-chosen", G_CALLBACK (palette_user_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (palette), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (palette));
}

static void
switch_server_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  StewardWindow *self = user_data;

  gtk_menu_button_popup (self->server_button);
}

static const GActionEntry palette_actions[] = {
  { .name = "command-palette", .activate = command_palette_activated_cb },
  { .name = "switch-server", .activate = switch_server_activated_cb },
};

void
steward_window_add_palette_actions (StewardWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), palette_actions, G_N_ELEMENTS (palette_actions), self);
}
