/* test-dashboard.c — the dashboard under Xvfb, on the KPI tests' data set
 *
 * The data set of tests/crm-test-kpi-data.c (its figures are worked out in
 * tests/test-kpi.c), shown for March 2026 as of 2026-03-20 12:00 in Berlin:
 * the tiles must show exactly those figures, the early warning must name
 * Clara with both reasons, the problem clients Loss Client with Boris, and
 * the charts must have been given the right data. The figures are computed
 * in a thread: the tests wait for it, and check that a change during a
 * load keeps the old figures on screen and ends with the newest request.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-chart-view.h"
#include "crm-dashboard-clients.h"
#include "crm-dashboard.h"
#include "crm-kpi-tile.h"
#include "crm-locale.h"
#include "crm-money.h"
#include "crm-payment-store.h"
#include "crm-risk-list.h"
#include "crm-test-gui.h"
#include "crm-test-kpi-data.h"
#include "crm-test-util.h"
#include "crm-trend-store.h"

static CrmTestKpiData *kpi;

typedef struct {
  GtkWidget    *window;
  CrmDashboard *dashboard;
  CrmDatabase  *db;
} Fixture;

static gboolean
loaded (gpointer user_data)
{
  CrmDashboard *dashboard = user_data;
  return !crm_dashboard_get_loading (dashboard) && crm_dashboard_get_data (dashboard) != NULL;
}

static void
wait_loaded (Fixture *f)
{
  g_assert_true (crm_test_wait_for (loaded, f->dashboard, 20));
}

static void
set_period (Fixture *f, const char *text)
{
  g_autoptr(CrmPeriod) period = crm_period_parse (text, NULL);

  g_assert_nonnull (period);
  crm_dashboard_set_period (f->dashboard, period);
}

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  f->db = crm_database_new (kpi->db_path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_watch_changes (f->db);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->dashboard = CRM_DASHBOARD (crm_dashboard_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->dashboard));
  crm_dashboard_set_now (f->dashboard, kpi->today);
  set_period (f, "2026-03");
  g_object_set (f->dashboard, "database", f->db, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_loaded (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  crm_test_iterate ();
  g_clear_object (&f->db);
}

static CrmKpiTile *
tile (Fixture *f, const char *id)
{
  GtkWidget *widget = crm_test_find_by_name (GTK_WIDGET (f->dashboard), id);

  g_assert_true (CRM_IS_KPI_TILE (widget));
  return CRM_KPI_TILE (widget);
}

static CrmChart *
chart (Fixture *f, const char *id)
{
  GtkWidget *widget = crm_test_find_by_name (GTK_WIDGET (f->dashboard), id);
  CrmChart *c;

  g_assert_true (CRM_IS_CHART_VIEW (widget));
  c = crm_chart_view_get_chart (CRM_CHART_VIEW (widget));
  g_assert_nonnull (c);
  return c;
}

static char *
money (gint64 units)
{
  return crm_money_format (CRM_TEST_UNITS (units), "RUB", CRM_MONEY_WHOLE);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack ? haystack : "(null)", needle);
}

static void
assert_tile (Fixture *f, const char *id, const char *value, const char *plan, const char *achievement)
{
  CrmKpiTile *t = tile (f, id);

  g_assert_cmpstr (crm_kpi_tile_get_value (t), ==, value);
  g_assert_cmpstr (crm_kpi_tile_get_plan (t), ==, plan);
  g_assert_cmpstr (crm_kpi_tile_get_achievement (t), ==, achievement);
}

/* The rows of a list, as AdwActionRows. */
static GPtrArray *
rows_of (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* ---- the figures of the team ------------------------------------------- */

static void
test_team_tiles (Fixture *f, gconstpointer user_data)
{
  g_autofree char *revenue = money (3800);
  g_autofree char *revenue_plan = money (255000);
  g_autofree char *plan_text = g_strdup_printf ("plan %s", revenue_plan);
  g_autofree char *pipeline = money (26400);
  const char *note;

  /* Revenue 3800 of 255000 planned (Anna's 5000 + Clara's 250000): 1%. */
  g_assert_cmpstr (revenue, ==, "₽3,800");
  assert_tile (f, "revenue_tile", revenue, plan_text, "1%");
  /* Calls 5 of Anna's 4, talk 80 of 30 minutes, meetings 3 of 12, new 3 of 2. */
  assert_tile (f, "calls_tile", "5", "plan 4", "125%");
  assert_tile (f, "talk_tile", "1.3 h", "plan 0.5 h", "267%");
  assert_tile (f, "meetings_tile", "3", "plan 12", "25%");
  assert_tile (f, "prospects_tile", "3", "plan 2", "150%");

  /* The pipeline has no plan: its forecast instead. */
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "pipeline_tile")), ==, pipeline);
  g_assert_null (crm_kpi_tile_get_plan (tile (f, "pipeline_tile")));
  note = crm_kpi_tile_get_note (tile (f, "pipeline_tile"));
  g_assert_cmpstr (note, ==, "expected within 30 days: ₽20.4k, 60 days: ₽26.4k");

  /* (50 × 3800/255000 + 10 × 1.25 + 10 × 1.5 + 20 × 0.25 + 10 × 1.5) / 100 = 48%,
   * with its parts beside it. */
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "score_tile")), ==, "48%");
  note = crm_kpi_tile_get_note (tile (f, "score_tile"));
  /* The parts are points of the score, not achievements of their own. */
  assert_contains (note, "points from revenue 1, ");
  assert_contains (note, "meetings 5,");
  assert_contains (note, "talk time 15,");

  /* March is not over on the 20th: 20 of its 31 days have passed, the
   * colours compare with 65% of each plan, and the screen says so. */
  {
    GtkWidget *pace = crm_test_find_by_name (GTK_WIDGET (f->dashboard), "pace_label");
    GtkWidget *achievement = crm_test_find_by_name (GTK_WIDGET (tile (f, "meetings_tile")), "achievement_label");

    g_assert_true (gtk_widget_get_visible (pace));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pace)), ==,
                     "March 2026 so far: 20 days of 31. The colours compare each achievement with the 65% of its plan due by today.");
    assert_contains (gtk_widget_get_tooltip_text (achievement), "65% of the plan is due by today");
  }
  /* 60% of a plan when half of it is due is ahead (success); when all of
   * it is due, behind (warning). */
  {
    CrmKpiTile *t = CRM_KPI_TILE (g_object_ref_sink (crm_kpi_tile_new ()));
    GtkWidget *achievement = crm_test_find_by_name (GTK_WIDGET (t), "achievement_label");

    crm_kpi_tile_set_due (t, 0.5, "half");
    crm_kpi_tile_set_plan (t, "10", 0.6);
    g_assert_true (gtk_widget_has_css_class (achievement, "success"));
    crm_kpi_tile_set_due (t, 1.0, NULL);
    crm_kpi_tile_set_plan (t, "10", 0.6);
    g_assert_true (gtk_widget_has_css_class (achievement, "warning"));
    g_assert_null (gtk_widget_get_tooltip_text (achievement));
    g_object_unref (t);
  }

  /* The achievement colours: 1% is an error, 125% a success. */
  g_assert_true (gtk_widget_has_css_class (crm_test_find_by_name (GTK_WIDGET (tile (f, "revenue_tile")), "achievement_label"), "error"));
  g_assert_true (gtk_widget_has_css_class (crm_test_find_by_name (GTK_WIDGET (tile (f, "calls_tile")), "achievement_label"), "success"));
  g_assert_cmpstr (crm_kpi_achievement_style_class (0.7), ==, "warning");
  g_assert_null (crm_kpi_achievement_style_class (0.8));
  g_assert_null (crm_kpi_achievement_style_class (NAN));
}

static void
test_risk_and_problem_clients (Fixture *f, gconstpointer user_data)
{
  CrmRiskList *risk = CRM_RISK_LIST (crm_test_find_widget (GTK_WIDGET (f->dashboard), CRM_TYPE_RISK_LIST));
  CrmDashboardClients *problems = CRM_DASHBOARD_CLIENTS (crm_test_find_widget (GTK_WIDGET (f->dashboard),
                                                                               CRM_TYPE_DASHBOARD_CLIENTS));
  g_autoptr(GPtrArray) risk_rows = rows_of (crm_risk_list_get_list (risk));
  g_autoptr(GPtrArray) client_rows = rows_of (crm_dashboard_clients_get_list (problems));
  g_auto(GStrv) reasons = NULL;

  /* Anna and Boris are at low risk: only Clara is listed, for both checks. */
  g_assert_cmpuint (risk_rows->len, ==, 1);
  g_assert_cmpstr (row_title (risk_rows->pdata[0]), ==, "Clara");
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (risk_rows->pdata[0], "risk-level")), ==, CRM_RISK_HIGH);
  reasons = g_strsplit (row_subtitle (risk_rows->pdata[0]), "\n", -1);
  g_assert_cmpuint (g_strv_length (reasons), ==, 2);
  assert_contains (reasons[0], "Deals expected to close in the next 60 days");
  assert_contains (reasons[0], "4%");
  assert_contains (reasons[1], "1 meeting held in the last 30 days: 10% of the plan");
  g_assert_cmpstr (crm_risk_list_get_summary (risk), ==, "1 manager at high risk");

  /* Loss Client: 300 paid, 800 in complaints, brought by Boris. */
  g_assert_cmpuint (client_rows->len, ==, 1);
  g_assert_cmpstr (row_title (client_rows->pdata[0]), ==, "Loss Client");
  assert_contains (row_subtitle (client_rows->pdata[0]), "Brought by Boris");
  assert_contains (row_subtitle (client_rows->pdata[0]), "paid ₽300");
  assert_contains (row_subtitle (client_rows->pdata[0]), "complaints ₽800");
  g_assert_cmpstr (crm_dashboard_clients_get_summary (problems), ==, "Loss-making clients: 1 of 3; with complaints: 1");
}

static void
test_charts (Fixture *f, gconstpointer user_data)
{
  g_autofree char *tip = NULL;
  g_autofree char *amount = NULL;

  /* Plan and actual: one bar pair per manager, the furthest behind first:
   * Clara at 0% of 250000, Anna at 70% of 5000, Boris without a plan. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "plan_chart")), ==, 3);
  tip = crm_chart_get_tooltip (chart (f, "plan_chart"), 0);
  assert_contains (tip, "Clara");
  assert_contains (tip, "0%");
  g_clear_pointer (&tip, g_free);
  tip = crm_chart_get_tooltip (chart (f, "plan_chart"), 1);
  assert_contains (tip, "Anna");
  assert_contains (tip, "70%");
  g_clear_pointer (&tip, g_free);
  tip = crm_chart_get_tooltip (chart (f, "plan_chart"), 2);
  assert_contains (tip, "Boris");
  assert_contains (tip, "No plan");
  g_clear_pointer (&tip, g_free);
  g_assert_cmpint (crm_dashboard_data_chart_manager (crm_dashboard_get_data (f->dashboard), 0), ==, kpi->clara);

  /* The channels: website 2500 of 3800. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "channels_chart")), ==, 5);
  tip = crm_chart_get_tooltip (chart (f, "channels_chart"), 3);
  assert_contains (tip, "Website");
  assert_contains (tip, "2,500");
  g_clear_pointer (&tip, g_free);

  /* New clients 2800 (c2 and c3), repeat 1000 (c1). */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "new_repeat_chart")), ==, 2);
  tip = crm_chart_get_tooltip (chart (f, "new_repeat_chart"), 0);
  assert_contains (tip, "2,800");
  g_clear_pointer (&tip, g_free);

  /* Pareto: New Client 2500, Old Client 1000, Loss Client 300, by name. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "pareto_chart")), ==, 3);
  tip = crm_chart_get_tooltip (chart (f, "pareto_chart"), 0);
  assert_contains (tip, "New Client");
  g_clear_pointer (&tip, g_free);
  {
    gint64 client_id = 0, owner_id = 0;
    g_assert_true (crm_dashboard_data_client_at (crm_dashboard_get_data (f->dashboard), 2, &client_id, &owner_id));
    g_assert_cmpint (client_id, ==, kpi->loss_client);
    g_assert_cmpint (owner_id, ==, kpi->boris);
  }

  /* The months of 2026 against 2025; no value after March. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "trend_chart")), ==, 12);
  {
    const CrmChartTrendData *trend = crm_chart_get_data (chart (f, "trend_chart"));
    const CrmChartTrendPoint *jan = &g_array_index (trend->points, CrmChartTrendPoint, 0);
    const CrmChartTrendPoint *mar = &g_array_index (trend->points, CrmChartTrendPoint, 2);
    const CrmChartTrendPoint *apr = &g_array_index (trend->points, CrmChartTrendPoint, 3);
    const CrmChartTrendPoint *dec = &g_array_index (trend->points, CrmChartTrendPoint, 11);

    g_assert_cmpint (jan->value, ==, CRM_TEST_UNITS (100));
    g_assert_cmpint (mar->value, ==, CRM_TEST_UNITS (3800));
    g_assert_true (mar->has_value);
    g_assert_false (apr->has_value);
    g_assert_true (dec->has_previous);
    g_assert_cmpint (dec->previous, ==, CRM_TEST_UNITS (600));
    g_assert_cmpstr (trend->series_label, ==, "2026");
  }
  amount = money (3800);
  tip = crm_chart_get_tooltip (chart (f, "trend_chart"), 2);
  assert_contains (tip, amount);
  g_clear_pointer (&tip, g_free);

  /* The funnel of the deals created in March: 2 new, 1 won. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "funnel_chart")), ==, 6);
  {
    const CrmChartFunnelData *funnel = crm_chart_get_data (chart (f, "funnel_chart"));
    g_assert_cmpint (g_array_index (funnel->stages, CrmChartFunnelStage, 0).count, ==, 2);
    g_assert_cmpint (g_array_index (funnel->stages, CrmChartFunnelStage, 5).count, ==, 1);
  }

  /* Effort: Anna 50 talk minutes for 3500, Boris 30 for 300; the dots
   * in the order of the bars. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "effort_chart")), ==, 3);
  {
    const CrmChartScatterData *dots = crm_chart_get_data (chart (f, "effort_chart"));
    const CrmChartScatterPoint *anna = &g_array_index (dots->points, CrmChartScatterPoint, 1);
    g_assert_cmpstr (anna->label, ==, "Anna");
    g_assert_cmpint (anna->talk_minutes, ==, 50);
    g_assert_cmpint (anna->revenue, ==, CRM_TEST_UNITS (3500));
  }
}

/* ---- opening what was clicked -------------------------------------------- */

static void
test_open_manager (Fixture *f, gconstpointer user_data)
{
  GtkWidget *plan = crm_test_find_by_name (GTK_WIDGET (f->dashboard), "plan_chart");
  CrmRiskList *risk = CRM_RISK_LIST (crm_test_find_widget (GTK_WIDGET (f->dashboard), CRM_TYPE_RISK_LIST));

  /* Anna's bar: her own figures, with her score and its parts. */
  g_signal_emit_by_name (plan, "element-activated", 1);
  g_assert_cmpint (crm_dashboard_get_manager_id (f->dashboard), ==, kpi->anna);
  wait_loaded (f);
  {
    g_autofree char *revenue = money (3500);
    g_autofree char *plan_revenue = money (5000);
    g_autofree char *plan_text = g_strdup_printf ("plan %s", plan_revenue);

    assert_tile (f, "revenue_tile", revenue, plan_text, "70%");
    /* 70% of the month's plan by the 20th (65% due): ahead. */
    g_assert_true (gtk_widget_has_css_class (crm_test_find_by_name (GTK_WIDGET (tile (f, "revenue_tile")), "achievement_label"), "success"));
    g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "score_tile")), ==, "85%");
    assert_contains (crm_kpi_tile_get_note (tile (f, "score_tile")), "revenue 35,");
    assert_contains (crm_kpi_tile_get_note (tile (f, "score_tile")), "talk time 15");
  }
  /* The bars still compare the whole team; the risk list is Anna's. */
  g_assert_cmpuint (crm_chart_get_n_elements (chart (f, "plan_chart")), ==, 3);
  {
    g_autoptr(GPtrArray) rows = rows_of (crm_risk_list_get_list (risk));
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Anna is not at risk");
  }

  /* Boris has no plan: "no plan", never 0%; no score. */
  crm_dashboard_set_manager_id (f->dashboard, kpi->boris);
  wait_loaded (f);
  assert_tile (f, "calls_tile", "1", "no plan", NULL);
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "score_tile")), ==, "—");
  g_assert_cmpstr (crm_kpi_tile_get_plan (tile (f, "score_tile")), ==, "no plan");

  /* A row of the early warning shows that manager. */
  crm_dashboard_set_manager_id (f->dashboard, 0);
  wait_loaded (f);
  {
    g_autoptr(GPtrArray) rows = rows_of (crm_risk_list_get_list (risk));
    g_signal_emit_by_name (rows->pdata[0], "activated");
  }
  g_assert_cmpint (crm_dashboard_get_manager_id (f->dashboard), ==, kpi->clara);
  wait_loaded (f);
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "score_tile")), ==, "3%");   /* (20 × 0.1) / 70 */

  /* A month of the trend shows that month. */
  g_signal_emit_by_name (crm_test_find_by_name (GTK_WIDGET (f->dashboard), "trend_chart"), "element-activated", 0);
  {
    g_autofree char *text = crm_period_to_string (crm_dashboard_get_period (f->dashboard));
    g_assert_cmpstr (text, ==, "2026-01");
  }
  wait_loaded (f);
}

static void
show_client_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  *(gint64 *) user_data = g_variant_get_int64 (parameter);
}

static void
test_open_client (Fixture *f, gconstpointer user_data)
{
  CrmDashboardClients *problems = CRM_DASHBOARD_CLIENTS (crm_test_find_widget (GTK_WIDGET (f->dashboard),
                                                                               CRM_TYPE_DASHBOARD_CLIENTS));
  g_autoptr(GPtrArray) rows = rows_of (crm_dashboard_clients_get_list (problems));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-client", G_VARIANT_TYPE_INT64);
  gint64 shown = 0;

  /* Without a client screen: the manager who brought the client. */
  g_signal_emit_by_name (rows->pdata[0], "activated");
  g_assert_cmpint (crm_dashboard_get_manager_id (f->dashboard), ==, kpi->boris);
  wait_loaded (f);

  /* With one (the window's "win.show-client"): the client. */
  g_signal_connect (action, "activate", G_CALLBACK (show_client_activated_cb), &shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  crm_dashboard_set_manager_id (f->dashboard, 0);
  wait_loaded (f);
  g_ptr_array_unref (rows);
  rows = rows_of (crm_dashboard_clients_get_list (problems));
  g_signal_emit_by_name (rows->pdata[0], "activated");
  g_assert_cmpint (shown, ==, kpi->loss_client);
  g_assert_cmpint (crm_dashboard_get_manager_id (f->dashboard), ==, 0);

  /* A bar of the Pareto chart too: Old Client is the second largest. */
  g_signal_emit_by_name (crm_test_find_by_name (GTK_WIDGET (f->dashboard), "pareto_chart"), "element-activated", 1);
  g_assert_cmpint (shown, !=, kpi->loss_client);
  gtk_widget_insert_action_group (f->window, "win", NULL);
}

/* ---- loading -------------------------------------------------------------- */

static void
revenue_shown_cb (GtkLabel *label, GParamSpec *pspec, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (gtk_label_get_label (label)));
}

static void
test_change_while_loading (Fixture *f, gconstpointer user_data)
{
  CrmKpiTile *revenue = tile (f, "revenue_tile");
  GtkWidget *value = crm_test_find_by_name (GTK_WIDGET (revenue), "value_label");
  GtkWidget *spinner = crm_test_find_by_name (GTK_WIDGET (f->dashboard), "spinner");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *march = money (3800);
  g_autofree char *year_2025 = money (700);
  g_autofree char *quarter = money (3900);

  g_signal_connect (value, "notify::label", G_CALLBACK (revenue_shown_cb), seen);

  /* A new period: the old figures stay, with a spinner. */
  set_period (f, "2025");
  g_assert_true (crm_dashboard_get_loading (f->dashboard));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpstr (crm_kpi_tile_get_value (revenue), ==, march);

  /* Another one before it came: still the old figures, then the last. */
  set_period (f, "2026-Q1");
  g_assert_true (crm_dashboard_get_loading (f->dashboard));
  g_assert_cmpstr (crm_kpi_tile_get_value (revenue), ==, march);
  wait_loaded (f);
  g_assert_cmpstr (crm_kpi_tile_get_value (revenue), ==, quarter);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (crm_period_equal (crm_dashboard_get_data (f->dashboard)->period,
                                   crm_dashboard_get_period (f->dashboard)));
  /* The year asked in between was never shown. */
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (seen->pdata[i], !=, year_2025);
  g_signal_handlers_disconnect_by_data (value, seen);

  /* Ctrl+Page Up / Down step the period. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dashboard), "dashboard.next-period", NULL));
  {
    g_autofree char *text = crm_period_to_string (crm_dashboard_get_period (f->dashboard));
    g_assert_cmpstr (text, ==, "2026-Q2");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dashboard), "dashboard.previous-period", NULL));
  wait_loaded (f);
  g_assert_cmpstr (crm_kpi_tile_get_value (revenue), ==, quarter);
}

static void
test_russian (Fixture *f, gconstpointer user_data)
{
  crm_test_use_language ("ru");
  crm_dashboard_refresh (f->dashboard);
  wait_loaded (f);
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "revenue_tile")), ==, "3\u00a0800\u00a0₽");
  g_assert_cmpstr (crm_kpi_tile_get_plan (tile (f, "revenue_tile")), ==, "план 255\u00a0000\u00a0₽");
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "talk_tile")), ==, "1,3 ч");
  crm_test_use_language (NULL);
}

/* Last: it changes the data set. A payment written elsewhere is shown
 * without asking. */
static void
test_follows_the_database (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CrmPayment) p = crm_payment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *more = money (4000);

  p->client_id = kpi->loss_client;
  p->manager_id = kpi->boris;
  p->paid_on = g_strdup ("2026-03-21");
  p->amount = CRM_TEST_UNITS (200);
  g_assert_true (crm_payment_store_create (f->db, p, &error));
  g_assert_no_error (error);
  crm_test_iterate ();
  wait_loaded (f);
  g_assert_cmpstr (crm_kpi_tile_get_value (tile (f, "revenue_tile")), ==, more);
}

/* ---- the queries and the names behind the charts ------------------------ */

static void
test_trend_and_client_revenue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (kpi->db_path, CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  g_autoptr(GArray) team = NULL;
  g_autoptr(GArray) boris = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(CrmPeriod) q1 = crm_period_parse ("2026-Q1", NULL);

  g_assert_no_error (error);
  /* November 2025 to March 2026: 100, 600, 100, 0, 3800. */
  team = crm_trend_store_revenue_by_month (db, 2025, 11, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->len, ==, 5);
  g_assert_cmpint (g_array_index (team, gint64, 0), ==, CRM_TEST_UNITS (100));
  g_assert_cmpint (g_array_index (team, gint64, 1), ==, CRM_TEST_UNITS (600));
  g_assert_cmpint (g_array_index (team, gint64, 2), ==, CRM_TEST_UNITS (100));
  g_assert_cmpint (g_array_index (team, gint64, 3), ==, 0);
  g_assert_cmpint (g_array_index (team, gint64, 4), ==, CRM_TEST_UNITS (3800));
  /* Boris's: December 600, March 300. */
  boris = crm_trend_store_revenue_by_month (db, 2025, 11, 5, kpi->boris, &error);
  g_assert_cmpint (g_array_index (boris, gint64, 0), ==, 0);
  g_assert_cmpint (g_array_index (boris, gint64, 1), ==, CRM_TEST_UNITS (600));
  g_assert_cmpint (g_array_index (boris, gint64, 4), ==, CRM_TEST_UNITS (300));

  /* The first quarter, Anna's: New Client 2500, Old Client 100 + 1000. */
  clients = crm_trend_store_client_revenue (db, q1, kpi->anna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 2);
  g_assert_cmpstr (((CrmClientRevenue *) clients->pdata[0])->name, ==, "New Client");
  g_assert_cmpint (((CrmClientRevenue *) clients->pdata[0])->revenue, ==, CRM_TEST_UNITS (2500));
  g_assert_cmpstr (((CrmClientRevenue *) clients->pdata[1])->name, ==, "Old Client");
  g_assert_cmpint (((CrmClientRevenue *) clients->pdata[1])->revenue, ==, CRM_TEST_UNITS (1100));
  g_assert_cmpint (((CrmClientRevenue *) clients->pdata[1])->owner_id, ==, kpi->anna);
}

int
main (int argc, char *argv[])
{
  int status;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  crm_test_gui_init (&argc, &argv);
  adw_init ();
  kpi = crm_test_kpi_data_build ();

  g_test_add_func ("/dashboard/trend-and-client-revenue", test_trend_and_client_revenue);
  g_test_add ("/dashboard/team-tiles", Fixture, NULL, fixture_set_up, test_team_tiles, fixture_tear_down);
  g_test_add ("/dashboard/risk-and-problem-clients", Fixture, NULL, fixture_set_up, test_risk_and_problem_clients, fixture_tear_down);
  g_test_add ("/dashboard/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  g_test_add ("/dashboard/open-manager", Fixture, NULL, fixture_set_up, test_open_manager, fixture_tear_down);
  g_test_add ("/dashboard/open-client", Fixture, NULL, fixture_set_up, test_open_client, fixture_tear_down);
  g_test_add ("/dashboard/change-while-loading", Fixture, NULL, fixture_set_up, test_change_while_loading, fixture_tear_down);
  g_test_add ("/dashboard/russian", Fixture, NULL, fixture_set_up, test_russian, fixture_tear_down);
  g_test_add ("/dashboard/follows-the-database", Fixture, NULL, fixture_set_up, test_follows_the_database, fixture_tear_down);

  status = g_test_run ();
  crm_test_kpi_data_free (kpi);
  return status;
}
