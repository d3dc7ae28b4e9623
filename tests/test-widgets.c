/* test-widgets.c — every widget template instantiates
 *
 * gtk4-builder-tool cannot resolve our template classes, so each widget is
 * created here: a template with a wrong property, a missing callback or a
 * bad child fails (G_DEBUG=fatal-warnings).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "crm-activity-client-picker.h"
#include "crm-activity-dialog.h"
#include "crm-calendar-view.h"
#include "crm-chart-view.h"
#include "crm-manager-picker.h"
#include "crm-month-grid.h"
#include "crm-my-day.h"
#include "crm-period-picker.h"
#include "crm-test-util.h"
#include "crm-week-grid.h"
#include "crm-week-header.h"
#include "crm-welcome-page.h"
#include "crm-window.h"

static void
test_welcome_page (void)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (CRM_TYPE_WELCOME_PAGE, NULL));

  g_assert_true (ADW_IS_BIN (page));
  g_object_unref (page);
}

static void
test_chart_view (void)
{
  GtkWidget *view = g_object_ref_sink (crm_chart_view_new ());

  g_assert_true (GTK_IS_DRAWING_AREA (view));
  g_object_unref (view);
}

static void
test_pickers (void)
{
  GtkWidget *a = g_object_ref_sink (crm_manager_picker_new ());
  GtkWidget *b = g_object_ref_sink (crm_period_picker_new ());

  g_assert_true (ADW_IS_BIN (a));
  g_assert_nonnull (crm_period_picker_get_period (CRM_PERIOD_PICKER (b)));
  g_object_unref (a);
  g_object_unref (b);
}

static void
test_calendar_widgets (void)
{
  GtkWidget *widgets[] = {
    crm_calendar_view_new (), crm_my_day_new (), crm_week_grid_new (), crm_week_header_new (),
    crm_month_grid_new (), crm_activity_client_picker_new (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      g_assert_true (GTK_IS_WIDGET (widgets[i]));
      g_object_unref (widgets[i]);
    }
}

static void
test_activity_dialog (void)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dialog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  g_autoptr(CrmActivity) a = crm_activity_new ();
  CrmActivityDialog *dialog;

  g_assert_no_error (error);
  a->starts_at = 1800000000;
  a->duration_min = 30;
  dialog = crm_activity_dialog_new (NULL, db, a);
  g_assert_true (ADW_IS_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/widgets/welcome-page", test_welcome_page);
  g_test_add_func ("/widgets/chart-view", test_chart_view);
  g_test_add_func ("/widgets/pickers", test_pickers);
  g_test_add_func ("/widgets/help-overlay", test_help_overlay);
  g_test_add_func ("/widgets/calendar", test_calendar_widgets);
  g_test_add_func ("/widgets/activity-dialog", test_activity_dialog);

  return g_test_run ();
}
