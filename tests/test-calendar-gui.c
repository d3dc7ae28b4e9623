/* test-calendar-gui.c — what the calendar's GUI suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-activity-store.h"
#include "crm-calendar-view.h"
#include "crm-test-gui.h"
#include "crm-week-grid.h"
#include "test-calendar-util.h"

gpointer
crm_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

gpointer
crm_test_find_controller (gpointer widget, GType type)
{
  g_autoptr(GListModel) list = gtk_widget_observe_controllers (GTK_WIDGET (widget));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return item;
    }
  return NULL;
}

static gboolean
grid_allocated (gpointer data)
{
  GtkWidget *grid = data;
  return gtk_widget_get_width (grid) > 200 && gtk_widget_get_mapped (grid);
}

gpointer
crm_test_show_calendar (gpointer db, gint64 manager, gpointer *out_window)
{
  CrmCalendarView *view = CRM_CALENDAR_VIEW (crm_calendar_view_new ());
  GtkWidget *grid = crm_test_find_widget (GTK_WIDGET (view), CRM_TYPE_WEEK_GRID);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GDate monday;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, overlay);
  crm_calendar_view_set_now (view, crm_test_time (NULL, 2026, 11, 1, 8, 0));
  crm_calendar_view_set_database (view, db);
  crm_calendar_view_set_manager (view, manager);
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 2, 11, 2026);
  crm_calendar_view_show (view, "week", &monday);
  gtk_window_present (window);
  g_assert_true (crm_test_wait_for (grid_allocated, grid, 10));
  crm_test_iterate ();
  *out_window = window;
  return view;
}

gpointer
crm_test_reread_activity (gpointer db, gint64 id)
{
  g_autoptr(GError) error = NULL;
  CrmActivity *a = crm_activity_store_get (db, id, &error);

  g_assert_no_error (error);
  return a;
}
