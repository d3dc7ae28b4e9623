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

#include "crm-chart-view.h"
#include "crm-export-dialog.h"
#include "crm-import-dialog.h"
#include "crm-manager-picker.h"
#include "crm-period-picker.h"
#include "crm-test-util.h"
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
test_import_export (void)
{
  g_autofree char *path = crm_test_tmp_path ("widgets.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/clients.ics");
  GtkWidget *columns = g_object_ref_sink (crm_import_columns_new ());
  GtkWidget *report = g_object_ref_sink (crm_import_report_new ());
  CrmImportDialog *import = crm_import_dialog_new (db, file);
  CrmExportDialog *export = crm_export_dialog_new (db);

  g_assert_no_error (error);
  g_assert_true (ADW_IS_BIN (columns));
  g_assert_true (ADW_IS_BIN (report));
  g_assert_cmpstr (crm_import_dialog_get_page (import), ==, "error");
  gtk_window_destroy (GTK_WINDOW (import));
  gtk_window_destroy (GTK_WINDOW (export));
  g_object_unref (columns);
  g_object_unref (report);
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
  g_test_add_func ("/widgets/import-export", test_import_export);
  g_test_add_func ("/widgets/help-overlay", test_help_overlay);

  return g_test_run ();
}
