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
#include "crm-client-card.h"
#include "crm-client-date-button.h"
#include "crm-client-form.h"
#include "crm-clients-page.h"
#include "crm-dashboard-clients.h"
#include "crm-dashboard.h"
#include "crm-deal-card.h"
#include "crm-deal-close-dialog.h"
#include "crm-deal-column.h"
#include "crm-deals-list.h"
#include "crm-deals-page.h"
#include "crm-export-dialog.h"
#include "crm-import-dialog.h"
#include "crm-kpi-tile.h"
#include "crm-manager-picker.h"
#include "crm-month-grid.h"
#include "crm-my-day.h"
#include "crm-period-picker.h"
#include "crm-preferences-window.h"
#include "crm-reports-screen.h"
#include "crm-risk-list.h"
#include "crm-team-manager-dialog.h"
#include "crm-team-page.h"
#include "crm-team-plan.h"
#include "crm-test-gui.h"
#include "crm-test-util.h"
#include "crm-week-grid.h"
#include "crm-upgrade-page.h"
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
test_upgrade_page (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  CrmApplication *app = crm_application_new (path);
  GtkWidget *page = g_object_ref_sink (crm_upgrade_page_new (app));

  g_assert_true (ADW_IS_BIN (page));
  g_assert_cmpfloat (crm_upgrade_page_get_fraction (CRM_UPGRADE_PAGE (page)), ==, 0);
  /* The copy's fraction shows; the tables' step has no length and pulses. */
  g_signal_emit_by_name (app, "upgrade-progress", (guint) CRM_DATABASE_UPGRADE_BACKUP, 0.5);
  g_assert_cmpfloat (crm_upgrade_page_get_fraction (CRM_UPGRADE_PAGE (page)), ==, 0.5);
  g_assert_cmpstr (crm_upgrade_page_get_step_text (CRM_UPGRADE_PAGE (page)), ==, "Copying the old file…");
  g_signal_emit_by_name (app, "upgrade-progress", (guint) CRM_DATABASE_UPGRADE_MIGRATE, -1.0);
  g_assert_cmpstr (crm_upgrade_page_get_step_text (CRM_UPGRADE_PAGE (page)), ==, "Upgrading the tables…");
  g_object_unref (page);
  g_object_unref (app);
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
test_dashboard (void)
{
  GtkWidget *widgets[] = {
    g_object_ref_sink (crm_dashboard_new ()),
    g_object_ref_sink (crm_kpi_tile_new ()),
    g_object_ref_sink (crm_risk_list_new ()),
    g_object_ref_sink (crm_dashboard_clients_new ()),
  };

  /* Without a database the dashboard computes nothing. */
  g_assert_false (crm_dashboard_get_loading (CRM_DASHBOARD (widgets[0])));
  g_assert_null (crm_dashboard_get_data (CRM_DASHBOARD (widgets[0])));
  for (gsize i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_assert_true (ADW_IS_BIN (widgets[i]));
      g_object_unref (widgets[i]);
    }
}

static void
test_deals (void)
{
  GtkWidget *page = g_object_ref_sink (crm_deals_page_new ());
  GtkWidget *card = g_object_ref_sink (crm_deal_card_new ());
  GtkWidget *column = g_object_ref_sink (crm_deal_column_new (CRM_STAGE_WON));
  GtkWidget *list = g_object_ref_sink (g_object_new (CRM_TYPE_DEALS_LIST, NULL));
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  CrmDealCloseDialog *dialog;

  deal->title = g_strdup ("Deal");
  deal->client_name = g_strdup ("Client");
  deal->manager_name = g_strdup ("Manager");
  crm_deal_card_set (CRM_DEAL_CARD (card), deal, "RUB");
  dialog = crm_deal_close_dialog_new (NULL, deal, CRM_STAGE_LOST);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (crm_deals_page_get_column (CRM_DEALS_PAGE (page), CRM_STAGE_LOST));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (list);
  g_object_unref (column);
  g_object_unref (card);
  g_object_unref (page);
}

static void
test_team_and_preferences (void)
{
  g_autofree char *path = crm_test_tmp_path ("widgets.db");
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, NULL);
  GtkWidget *page = g_object_ref_sink (crm_team_page_new ());
  GtkWidget *plan = g_object_ref_sink (crm_team_plan_new ());
  CrmTeamManagerDialog *dialog = crm_team_manager_dialog_new (NULL, db, NULL);
  CrmPreferencesWindow *prefs = crm_preferences_window_new (NULL, db);

  g_assert_nonnull (crm_team_page_get_plan (CRM_TEAM_PAGE (page)));
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (plan);
  g_object_unref (page);
}

static void
test_clients (void)
{
  GtkWidget *page = g_object_ref_sink (crm_clients_page_new ());
  GtkWidget *card = g_object_ref_sink (crm_client_card_new ());
  GtkWidget *date = g_object_ref_sink (crm_client_date_button_new ());
  CrmClientForm *form = crm_client_form_new (NULL, "Form", "Save");

  g_assert_true (ADW_IS_BIN (page));
  g_assert_nonnull (crm_clients_page_get_card (CRM_CLIENTS_PAGE (page)));
  g_assert_null (crm_client_card_get_client (CRM_CLIENT_CARD (card)));
  g_assert_nonnull (crm_client_date_button_get_date (CRM_CLIENT_DATE_BUTTON (date)));   /* today */
  g_assert_true (ADW_IS_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (form));
  g_object_unref (date);
  g_object_unref (card);
  g_object_unref (page);
}

static void
test_reports_screen (void)
{
  GtkWidget *screen = g_object_ref_sink (crm_reports_screen_new ());

  g_assert_true (ADW_IS_BIN (screen));
  g_assert_cmpint (crm_reports_screen_get_kind (CRM_REPORTS_SCREEN (screen)), ==, CRM_REPORT_TEAM);
  g_assert_cmpuint (crm_reports_screen_get_n_pages (CRM_REPORTS_SCREEN (screen)), ==, 0);
  g_object_unref (screen);
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
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every section of the shortcuts window fits an 800×600 screen, in
 * English and in Russian: nothing cut, the close button on screen. */
static void
check_help_overlay_fits (const char *language)
{
  static const char * const sections[] = { "general", "today", "clients", "deals", "team", "dashboard" };
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  crm_test_use_language (language);
  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      int min_width, width, min_height, height;

      g_object_set (overlay, "section-name", sections[i], NULL);
      iterate ();
      gtk_widget_measure (GTK_WIDGET (overlay), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &width, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (overlay), GTK_ORIENTATION_VERTICAL, width, &min_height, &height, NULL, NULL);
      if (g_test_verbose ())
        g_test_message ("%s, %s: %d×%d", language != NULL ? language : "en", sections[i], width, height);
      g_assert_cmpint (width, <=, 800);
      g_assert_cmpint (height, <=, 600);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  iterate ();
  crm_test_use_language (NULL);
}

static void
test_help_overlay (void)
{
  check_help_overlay_fits (NULL);
  check_help_overlay_fits ("ru");
}

/* Every key the screens bind is in the shortcuts window (the clients'
 * are checked in test-clients.c). */
static void
test_shortcuts_listed (void)
{
  struct { GType (*type) (void); const char *prefix; guint at_least; } screens[] = {
    { crm_my_day_get_type, "today.", 1 },         /* Ctrl+N */
    { crm_calendar_view_get_type, "calendar.", 7 },
    { crm_deals_page_get_type, "deals.", 5 },
    { crm_team_page_get_type, "team.", 3 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      GtkWidget *screen = g_object_ref_sink (g_object_new (screens[i].type (), NULL));
      guint n = crm_test_check_shortcuts_listed (screen, screens[i].prefix);

      g_test_message ("%s: %u keys listed", screens[i].prefix, n);
      g_assert_cmpuint (n, >=, screens[i].at_least);
      g_object_unref (screen);
    }
}

int
main (int argc, char *argv[])
{
  crm_test_gui_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/widgets/welcome-page", test_welcome_page);
  g_test_add_func ("/widgets/upgrade-page", test_upgrade_page);
  g_test_add_func ("/widgets/chart-view", test_chart_view);
  g_test_add_func ("/widgets/pickers", test_pickers);
  g_test_add_func ("/widgets/dashboard", test_dashboard);
  g_test_add_func ("/widgets/deals", test_deals);
  g_test_add_func ("/widgets/team-and-preferences", test_team_and_preferences);
  g_test_add_func ("/widgets/clients", test_clients);
  g_test_add_func ("/widgets/reports-screen", test_reports_screen);
  g_test_add_func ("/widgets/calendar", test_calendar_widgets);
  g_test_add_func ("/widgets/activity-dialog", test_activity_dialog);
  g_test_add_func ("/widgets/import-export", test_import_export);
  g_test_add_func ("/widgets/help-overlay", test_help_overlay);
  g_test_add_func ("/widgets/shortcuts-listed", test_shortcuts_listed);

  return g_test_run ();
}
