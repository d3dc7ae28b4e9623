/* crm-test-gui.c — helpers for the suites that drive real widgets
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-test-gui.h"

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
