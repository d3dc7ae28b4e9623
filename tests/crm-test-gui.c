/* crm-test-gui.c — helpers for the suites that drive real widgets
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-database-writer.h"
#include "crm-test-gui.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* GTK, and the pointer parked in the screen's bottom right corner, off the
 * windows the suites open at the top left. Xvfb starts it in the middle of
 * the screen, over whatever a window shows there: a widget with a tooltip
 * under it starts GTK's hover timer, and should the window go before the
 * timer falls due (a slow run, as under valgrind), GTK 4.8 asks the
 * destroyed surface where the pointer is — a critical warning, fatal in the
 * tests. */
void
crm_test_gui_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
#ifdef GDK_WINDOWING_X11
  {
    GdkDisplay *display = gdk_display_get_default ();

    if (GDK_IS_X11_DISPLAY (display))
      {
        Display *xdisplay = gdk_x11_display_get_xdisplay (display);
        Screen *screen = DefaultScreenOfDisplay (xdisplay);

        XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                      WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
        XSync (xdisplay, False);
      }
  }
#endif
}

void
crm_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @condition holds or @seconds pass. */
gboolean
crm_test_wait_for (gboolean (*condition) (gpointer data), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
writes_done (gpointer data)
{
  return crm_database_get_n_pending_writes (data) == 0;
}

void
crm_test_wait_for_writes (CrmDatabase *db)
{
  g_assert_true (crm_test_wait_for (writes_done, db, 30));
  crm_test_iterate ();
}

/* The first descendant of @root (depth first) of @type. */
GtkWidget *
crm_test_find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crm_test_find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The descendant whose GtkBuildable id (the id= of its .ui file) is @id. */
GtkWidget *
crm_test_find_by_name (GtkWidget *root, const char *buildable_id)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (id, buildable_id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crm_test_find_by_name (child, buildable_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GPtrArray *
listed_accelerators (GtkBuilder *builder)
{
  GPtrArray *listed = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        if (accel != NULL)
          {
            g_auto(GStrv) parts = g_strsplit (accel, " ", -1);

            for (gsize i = 0; parts[i] != NULL; i++)
              {
                /* "<Alt>1...3" shows a range: <Alt>1, <Alt>2, <Alt>3. */
                const char *dots = strstr (parts[i], "...");
                char first = dots != NULL && dots > parts[i] ? dots[-1] : 0;
                char last = dots != NULL ? dots[3] : 0;

                for (char c = first; ; c++)
                  {
                    g_autofree char *one = dots == NULL ? g_strdup (parts[i])
                                                        : g_strdup_printf ("%.*s%c", (int) (dots - parts[i] - 1), parts[i], c);
                    guint key = 0;
                    GdkModifierType mods = 0;

                    gtk_accelerator_parse (one, &key, &mods);
                    if (key != 0)
                      g_ptr_array_add (listed, gtk_accelerator_name (gdk_keyval_to_lower (key), mods));
                    if (dots == NULL || c >= last)
                      break;
                  }
              }
          }
      }
  g_slist_free (objects);
  return listed;
}

guint
crm_test_check_shortcuts_listed (GtkWidget *screen, const char *prefix)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");
  g_autoptr(GPtrArray) listed = listed_accelerators (builder);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (screen);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = NULL;
          gboolean found = FALSE;

          /* The screen's named actions, and the keys it handles itself. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              !(GTK_IS_CALLBACK_ACTION (action) ||
                (GTK_IS_NAMED_ACTION (action) &&
                 g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), prefix))))
            continue;
          name = gtk_accelerator_name (gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          for (guint k = 0; k < listed->len; k++)
            found |= g_str_equal (listed->pdata[k], name);
          if (!found)
            g_error ("%s (%s) is not in the shortcuts window", name,
                     GTK_IS_NAMED_ACTION (action) ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))
                                                  : "a key the screen handles");
          n_checked++;
        }
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  return n_checked;
}
