/* crm-dashboard-data.c — every figure and chart of the dashboard for a period
 *
 * Runs in the dashboard's worker thread, on the worker's own connection:
 * the team's KPI report (every manager's row, for the plan-and-actual bars
 * and the effort chart), the chosen manager's own report when one is chosen
 * (the Pareto figures and the problem clients are that manager's), the
 * revenue by client and by month, and the seven charts built from them.
 * The cancellable is checked between the steps: a computation the dashboard
 * no longer wants stops early.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-dashboard-data.h"
#include "crm-kpi-store.h"
#include "crm-locale.h"
#include "crm-setting-store.h"
#include "crm-short-name.h"
#include "crm-trend-store.h"

#define MAX_TREND_YEARS 3

void
crm_dashboard_data_free (CrmDashboardData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->period, crm_period_unref);
  g_free (data->currency);
  g_clear_pointer (&data->team, crm_kpi_report_free);
  g_clear_pointer (&data->own, crm_kpi_report_free);
  g_clear_pointer (&data->clients, g_ptr_array_unref);
  g_clear_pointer (&data->chart_managers, g_array_unref);
  for (int i = 0; i < CRM_DASHBOARD_N_CHARTS; i++)
    g_clear_pointer (&data->charts[i], crm_chart_unref);
  g_free (data);
}

/* The figures of the tiles: the team's, or the chosen manager's. */
const CrmKpiRow *
crm_dashboard_data_get_row (const CrmDashboardData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  if (data->own != NULL && data->own->managers->len > 0)
    return data->own->managers->pdata[0];
  return &data->team->team;
}

/* The report of the problem clients and the Pareto figures. */
const CrmKpiReport *
crm_dashboard_data_get_report (const CrmDashboardData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->own != NULL ? data->own : data->team;
}

/* The manager behind a bar of the plan chart or a dot of the effort chart. */
gint64
crm_dashboard_data_chart_manager (const CrmDashboardData *data, int index)
{
  g_return_val_if_fail (data != NULL, 0);
  if (index < 0 || (guint) index >= data->chart_managers->len)
    return 0;
  return g_array_index (data->chart_managers, gint64, index);
}

/* The client behind a bar of the Pareto chart. */
gboolean
crm_dashboard_data_client_at (const CrmDashboardData *data, int index, gint64 *client_id, gint64 *owner_id)
{
  const CrmClientRevenue *line;

  g_return_val_if_fail (data != NULL, FALSE);
  if (index < 0 || (guint) index >= data->clients->len)
    return FALSE;
  line = data->clients->pdata[index];
  if (client_id != NULL)
    *client_id = line->client_id;
  if (owner_id != NULL)
    *owner_id = line->owner_id;
  return TRUE;
}

/* The month behind a point of the trend chart. */
CrmPeriod *
crm_dashboard_data_month_at (const CrmDashboardData *data, int index)
{
  const CrmChart *chart;
  int months;

  g_return_val_if_fail (data != NULL, NULL);
  chart = data->charts[CRM_DASHBOARD_CHART_TREND];
  if (index < 0 || chart == NULL || (guint) index >= crm_chart_get_n_elements (chart))
    return NULL;
  months = data->trend_year * 12 + data->trend_month - 1 + index;
  return crm_period_new_month (months / 12, months % 12 + 1);
}

/* ---- the charts --------------------------------------------------------- */

/* A manager who left and did nothing in the period is left off the charts. */
static gboolean
row_is_charted (const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;

  return row->active || f->revenue != 0 || f->talk_minutes != 0 || f->calls != 0 || f->meetings_held != 0;
}

/* The worst achievement of the revenue plan first; no plan at the end. */
static int
compare_achievement (gconstpointer a, gconstpointer b)
{
  const CrmKpiRow *x = *(const CrmKpiRow * const *) a;
  const CrmKpiRow *y = *(const CrmKpiRow * const *) b;
  double ax = x->derived.achievement[CRM_KPI_REVENUE];
  double ay = y->derived.achievement[CRM_KPI_REVENUE];

  if (isnan (ax) != isnan (ay))
    return isnan (ax) ? 1 : -1;
  if (!isnan (ax) && ax != ay)
    return ax < ay ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* The plan bars (worst first, surnames, an initial where two share one)
 * and the effort dots (full names) of every manager, in the same order. */
static void
build_manager_charts (CrmDashboardData *data)
{
  g_autoptr(CrmChartBarsData) bars = crm_chart_bars_data_new (_("Revenue: Plan and Actual by Manager"),
                                                              CRM_CHART_UNIT_MONEY, data->currency);
  g_autoptr(CrmChartScatterData) dots = crm_chart_scatter_data_new (_("Effort and Result"),
                                                                    data->currency);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < data->team->managers->len; i++)
    if (row_is_charted (data->team->managers->pdata[i]))
      g_ptr_array_add (rows, data->team->managers->pdata[i]);
  g_ptr_array_sort (rows, compare_achievement);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (names, ((const CrmKpiRow *) rows->pdata[i])->name);
  labels = crm_short_names ((const char * const *) names->pdata, names->len);

  for (guint i = 0; i < rows->len; i++)
    {
      const CrmKpiRow *row = rows->pdata[i];
      const CrmKpiFigures *f = &row->figures;

      if (f->targets[CRM_KPI_REVENUE] != CRM_NO_TARGET)
        crm_chart_bars_data_add (bars, labels[i], f->targets[CRM_KPI_REVENUE], f->revenue);
      else
        crm_chart_bars_data_add_unplanned (bars, labels[i], f->revenue);
      crm_chart_bars_data_set_full_label (bars, row->name);
      crm_chart_scatter_data_add (dots, row->name, f->talk_minutes, f->revenue);
      g_array_append_val (data->chart_managers, row->manager_id);
    }
  data->charts[CRM_DASHBOARD_CHART_PLAN] = crm_chart_new_bars (g_steal_pointer (&bars));
  data->charts[CRM_DASHBOARD_CHART_EFFORT] = crm_chart_new_scatter (g_steal_pointer (&dots));
}

static void
build_money_charts (CrmDashboardData *data)
{
  const CrmKpiFigures *f = &crm_dashboard_data_get_row (data)->figures;
  g_autoptr(CrmChartDonutData) channels = crm_chart_donut_data_new (_("Revenue by Channel"), NULL, data->currency);
  g_autoptr(CrmChartDonutData) clients = crm_chart_donut_data_new (_("Revenue from New and Repeat Clients"),
                                                                   NULL, data->currency);
  g_autoptr(CrmChartParetoData) pareto = crm_chart_pareto_data_new (_("Revenue by Client: The 80/20 Rule"),
                                                                    CRM_CHART_PARETO_CLIENTS, data->currency);
  g_autoptr(CrmChartFunnelData) funnel = crm_chart_funnel_data_new (_("Sales Funnel: Deals Opened in the Period"));

  for (int s = 0; s < CRM_N_SOURCES; s++)
    crm_chart_donut_data_add (channels, crm_client_source_to_label (s), f->revenue_by_source[s]);
  crm_chart_donut_data_add (clients, _("New clients"), f->new_client_revenue);
  crm_chart_donut_data_add (clients, _("Repeat clients"), f->repeat_revenue);
  for (guint i = 0; i < data->clients->len; i++)
    {
      const CrmClientRevenue *line = data->clients->pdata[i];
      crm_chart_pareto_data_add (pareto, line->name, line->revenue);
    }
  for (int k = 0; k < CRM_FUNNEL_STEPS; k++)
    crm_chart_funnel_data_add (funnel, crm_deal_stage_to_label (k < CRM_N_OPEN_STAGES ? (CrmDealStage) k : CRM_STAGE_WON),
                               f->funnel_reached[k]);

  data->charts[CRM_DASHBOARD_CHART_CHANNELS] = crm_chart_new_donut (g_steal_pointer (&channels));
  data->charts[CRM_DASHBOARD_CHART_NEW_REPEAT] = crm_chart_new_donut (g_steal_pointer (&clients));
  data->charts[CRM_DASHBOARD_CHART_PARETO] = crm_chart_new_pareto (g_steal_pointer (&pareto));
  data->charts[CRM_DASHBOARD_CHART_FUNNEL] = crm_chart_new_funnel (g_steal_pointer (&funnel));
}

/* The whole years the period touches (the last three at most), month by
 * month, against the year before; months after today have no value yet. */
static gboolean
build_trend_chart (CrmDashboardData *data, CrmDatabase *db, gint64 now, GError **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(CrmChartTrendData) trend = NULL;
  g_autoptr(GArray) revenue = NULL;
  g_autofree char *this_year = NULL;
  g_autofree char *last_year = NULL;
  GDate from, last;
  int first_year, last_year_number, n_months, today_month;

  crm_period_get_from (data->period, &from);
  crm_period_get_to (data->period, &last);
  g_date_subtract_days (&last, 1);
  first_year = g_date_get_year (&from);
  last_year_number = MAX (g_date_get_year (&last), first_year);
  first_year = MAX (first_year, last_year_number - MAX_TREND_YEARS + 1);
  n_months = (last_year_number - first_year + 1) * 12;
  today_month = g_date_time_get_year (today) * 12 + g_date_time_get_month (today) - 1;

  /* The year before the first, then the years shown: one query. */
  revenue = crm_trend_store_revenue_by_month (db, first_year - 1, 1, n_months + 12, data->manager_id, error);
  if (revenue == NULL)
    return FALSE;

  if (n_months == 12)
    {
      this_year = g_strdup_printf ("%d", first_year);
      last_year = g_strdup_printf ("%d", first_year - 1);
    }
  trend = crm_chart_trend_data_new (_("Revenue by Month"), CRM_CHART_UNIT_MONEY, data->currency,
                                    this_year, last_year);
  for (int i = 0; i < n_months; i++)
    {
      int month = first_year * 12 + i;
      gint64 value = g_array_index (revenue, gint64, i + 12);
      gint64 previous = g_array_index (revenue, gint64, i);
      g_autofree char *label = n_months > 12 && i % 12 == 0
                               ? g_strdup_printf ("%d", month / 12)
                               : g_strdup (crm_locale_month_abbrev_standalone (month % 12 + 1));

      crm_chart_trend_data_add (trend, label, month <= today_month ? &value : NULL,
                                month - 12 <= today_month ? &previous : NULL);
    }
  data->trend_year = first_year;
  data->trend_month = 1;
  data->charts[CRM_DASHBOARD_CHART_TREND] = crm_chart_new_trend (g_steal_pointer (&trend));
  return TRUE;
}

/* ---- loading ------------------------------------------------------------ */

/* Every figure of the dashboard for @period and @manager_id (0: the team),
 * as of @now (Unix seconds; 0: the real now). */
CrmDashboardData *
crm_dashboard_data_load (CrmDatabase *db, CrmPeriod *period, gint64 manager_id, gint64 now,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr(CrmDashboardData) data = g_new0 (CrmDashboardData, 1);
  g_autoptr(CrmSettings) settings = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  data->period = crm_period_ref (period);
  {
    /* How much of the period has passed: a period not over yet is judged
     * against the share of its plan that is due by today. */
    gint64 start = crm_period_get_start_unix (period, NULL);
    gint64 end = crm_period_get_end_unix (period, NULL);

    data->days_total = crm_period_get_n_days (period);
    if (now >= end)
      data->days_passed = data->days_total;
    else if (now < start)
      data->days_passed = 0;
    else
      data->days_passed = MIN (data->days_total, (int) ((now - start) / 86400) + 1);
  }
  data->manager_id = manager_id;
  data->chart_managers = g_array_new (FALSE, FALSE, sizeof (gint64));

  settings = crm_setting_store_load (db, error);
  if (settings == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  data->currency = g_strdup (settings->currency);

  data->team = crm_kpi_store_compute (db, period, 0, settings, now, error);
  if (data->team == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (manager_id != 0)
    {
      data->own = crm_kpi_store_compute (db, period, manager_id, settings, now, error);
      if (data->own == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  data->clients = crm_trend_store_client_revenue (db, period, manager_id, error);
  if (data->clients == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!build_trend_chart (data, db, now, error))
    return NULL;
  build_manager_charts (data);
  build_money_charts (data);
  return g_steal_pointer (&data);
}
