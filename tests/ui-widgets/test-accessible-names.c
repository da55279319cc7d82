/* test-accessible-names.c
 *
 * The process-wide naming fix (steward-accessible-names.h) on the controls
 * GTK 4.8 names twice: once a window shows, a mnemonic button is named by
 * its text as shown, without the duplicate "labelled-by" that made AT-SPI
 * read "_Start Local Server Start Local Server"; a name set beside visible
 * text gives way to the text; icon-only buttons keep their own name;
 * hidden parts of the window are fixed with it, and a later label change
 * is followed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-accessible-names.h"
#include "steward-test-ui.h"

static void
assert_named (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (mismatch != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), mismatch);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("%s “%s” is labelled by another widget as well", G_OBJECT_TYPE_NAME (widget), expected);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_named_as_shown (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *start = gtk_button_new_with_mnemonic ("_Start Local Server");
  GtkWidget *escaped = gtk_button_new_with_mnemonic ("Save __As");
  GtkWidget *clear = gtk_button_new_with_label ("Clear");
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *check = gtk_check_button_new_with_mnemonic ("_Include Disabled");
  GtkWidget *manage = gtk_menu_button_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *hidden = gtk_button_new_with_mnemonic ("_Retry");

  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL, "Clear Selection", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove GOVERNANCE", -1);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (manage), "_Manage");
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (manage), TRUE);
  gtk_revealer_set_child (GTK_REVEALER (revealer), hidden); /* closed: never mapped */
  for (GtkWidget **child = (GtkWidget *[]){ start, escaped, clear, remove, check, manage, revealer, NULL }; *child != NULL; child++)
    gtk_box_append (GTK_BOX (box), *child);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* GTK's own naming, which the fix is for. */
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  gtk_window_present (GTK_WINDOW (window));
  steward_test_ui_wait_until (is_mapped, start);

  assert_named (start, "Start Local Server");
  assert_named (escaped, "Save _As");
  assert_named (clear, "Clear");
  assert_named (check, "Include Disabled");
  assert_named (manage, "Manage");
  assert_named (hidden, "Retry");
  /* Nothing to read on it: the application's name stays. */
  {
    g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove GOVERNANCE");

    g_assert_null (mismatch);
  }

  /* Disable becomes Enable: the name follows. */
  gtk_button_set_label (GTK_BUTTON (start), "_Stop Local Server");
  assert_named (start, "Stop Local Server");

  gtk_window_destroy (GTK_WINDOW (window));
  steward_test_ui_drain ();
}

int
main (int   argc,
      char *argv[])
{
  if (!steward_test_ui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/accessible-names/named-as-shown", test_named_as_shown);

  return g_test_run ();
}
