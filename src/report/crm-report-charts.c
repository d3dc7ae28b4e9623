/* crm-report-charts.c — the charts of the reports, from the KPI figures
 *
 * The charts themselves are src/charts/'s; this file only fills their data
 * from a CrmReportData and puts them in report blocks.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-report-build.h"
#include "crm-short-name.h"

/* The charts are drawn without their titles: the report sets them in its
 * own type, like its headings. */
static CrmReportBlock *
block (CrmChart *chart, const char *title, double height)
{
  CrmReportBlock *result = crm_report_chart_new (chart, title, height);

  crm_chart_unref (chart);
  return result;
}

/* Revenue plan and actual of the managers @first … @first + @n - 1 of
 * those who count (the active ones, and those who left but brought money). */
CrmReportBlock *
report_chart_plan_actual (const CrmReportData *data, guint first, guint n, const char *title, double height)
{
  const CrmKpiReport *kpi = data->kpi;
  CrmChartBarsData *bars = crm_chart_bars_data_new (NULL, CRM_CHART_UNIT_MONEY, kpi->currency);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < kpi->managers->len; i++)
    {
      const CrmKpiRow *row = kpi->managers->pdata[i];

      if (!report_chart_counts_manager (row))
        continue;
      g_ptr_array_add (rows, (gpointer) row);
      g_ptr_array_add (names, row->name);
    }
  /* Surnames, told apart among all the charted managers, not only this
   * part of them. */
  labels = crm_short_names ((const char * const *) names->pdata, names->len);
  for (guint i = first; i < rows->len && i < first + n; i++)
    {
      const CrmKpiRow *row = rows->pdata[i];
      const CrmKpiFigures *f = &row->figures;

      if (f->targets[CRM_KPI_REVENUE] != CRM_NO_TARGET)
        crm_chart_bars_data_add (bars, labels[i], f->targets[CRM_KPI_REVENUE], f->revenue);
      else
        crm_chart_bars_data_add_unplanned (bars, labels[i], f->revenue);
    }
  return block (crm_chart_new_bars (bars), title, height);
}

/* Those who left and brought nothing would only be empty columns. */
gboolean
report_chart_counts_manager (const CrmKpiRow *row)
{
  return row->active || row->figures.revenue != 0;
}

CrmReportBlock *
report_chart_funnel (const CrmKpiRow *row, double height)
{
  CrmChartFunnelData *funnel = crm_chart_funnel_data_new (NULL);

  for (int k = 0; k < CRM_FUNNEL_STEPS; k++)
    crm_chart_funnel_data_add (funnel, crm_deal_stage_to_label (k), row->figures.funnel_reached[k]);
  return block (crm_chart_new_funnel (funnel), _("Sales Funnel"), height);
}

CrmReportBlock *
report_chart_channels (const CrmReportData *data, const CrmKpiRow *row, double height)
{
  CrmChartDonutData *donut = crm_chart_donut_data_new (NULL, NULL, data->kpi->currency);

  for (int s = 0; s < CRM_N_SOURCES; s++)
    crm_chart_donut_data_add (donut, crm_client_source_to_label (s), row->figures.revenue_by_source[s]);
  return block (crm_chart_new_donut (donut), _("Revenue by Channel"), height);
}

CrmReportBlock *
report_chart_new_repeat (const CrmReportData *data, const CrmKpiRow *row, double height)
{
  CrmChartDonutData *donut = crm_chart_donut_data_new (NULL, NULL, data->kpi->currency);

  crm_chart_donut_data_add (donut, C_("clients", "New"), row->figures.new_client_revenue);
  crm_chart_donut_data_add (donut, C_("clients", "Repeat"), row->figures.repeat_revenue);
  return block (crm_chart_new_donut (donut), _("Revenue from New and Repeat Clients"), height);
}

CrmReportBlock *
report_chart_pareto_clients (const CrmReportData *data, double height)
{
  CrmChartParetoData *pareto = crm_chart_pareto_data_new (NULL,
                                                          CRM_CHART_PARETO_CLIENTS, data->kpi->currency);

  for (guint i = 0; i < data->clients->len; i++)
    {
      const CrmKpiClientLine *line = data->clients->pdata[i];
      if (line->revenue > 0)
        crm_chart_pareto_data_add (pareto, line->name, line->revenue);
    }
  return block (crm_chart_new_pareto (pareto), _("Revenue by Client, Largest First"), height);
}

CrmReportBlock *
report_chart_pareto_managers (const CrmReportData *data, double height)
{
  const CrmKpiReport *kpi = data->kpi;
  CrmChartParetoData *pareto = crm_chart_pareto_data_new (NULL,
                                                          CRM_CHART_PARETO_MANAGERS, kpi->currency);

  for (guint i = 0; i < kpi->managers->len; i++)
    {
      const CrmKpiRow *row = kpi->managers->pdata[i];
      if (row->figures.revenue > 0)
        crm_chart_pareto_data_add (pareto, row->name, row->figures.revenue);
    }
  return block (crm_chart_new_pareto (pareto), _("Revenue by Manager, Largest First"), height);
}

CrmReportBlock *
report_chart_pareto_channels (const CrmReportData *data, double height)
{
  const CrmKpiRow *row = report_subject_row (data->kpi);
  CrmChartParetoData *pareto = crm_chart_pareto_data_new (NULL,
                                                          CRM_CHART_PARETO_CHANNELS, data->kpi->currency);

  for (int s = 0; s < CRM_N_SOURCES; s++)
    if (row->figures.revenue_by_source[s] > 0)
      crm_chart_pareto_data_add (pareto, crm_client_source_to_label (s), row->figures.revenue_by_source[s]);
  return block (crm_chart_new_pareto (pareto), _("Revenue by Channel, Largest First"), height);
}
