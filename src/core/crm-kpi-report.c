/* crm-kpi-report.c — every KPI of a period: the team, each manager, Pareto
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-kpi-report.h"

static void
row_free (gpointer data)
{
  CrmKpiRow *row = data;
  g_free (row->name);
  g_free (row);
}

void
crm_kpi_client_line_free (CrmKpiClientLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->manager_name);
  g_free (line);
}

CrmKpiReport *
crm_kpi_report_new (CrmPeriod *period, const char *currency, gint64 today)
{
  CrmKpiReport *report = g_new0 (CrmKpiReport, 1);

  report->period = crm_period_ref (period);
  report->currency = g_strdup (currency);
  report->today = today;
  report->has_team = TRUE;
  crm_kpi_figures_init (&report->team.figures);
  report->managers = g_ptr_array_new_with_free_func (row_free);
  report->client_revenue = g_array_new (FALSE, FALSE, sizeof (gint64));
  report->problem_clients = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_client_line_free);
  return report;
}

void
crm_kpi_report_free (CrmKpiReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->period, crm_period_unref);
  g_free (report->currency);
  g_free (report->team.name);
  g_clear_pointer (&report->managers, g_ptr_array_unref);
  g_clear_pointer (&report->client_revenue, g_array_unref);
  g_clear_pointer (&report->problem_clients, g_ptr_array_unref);
  g_free (report);
}

CrmKpiRow *
crm_kpi_report_add_row (CrmKpiReport *report, gint64 manager_id, const char *name, gboolean active)
{
  CrmKpiRow *row = g_new0 (CrmKpiRow, 1);

  row->manager_id = manager_id;
  row->name = g_strdup (name);
  row->active = active;
  crm_kpi_figures_init (&row->figures);
  g_ptr_array_add (report->managers, row);
  return row;
}

CrmKpiRow *
crm_kpi_report_find_row (CrmKpiReport *report, gint64 manager_id)
{
  for (guint i = 0; i < report->managers->len; i++)
    {
      CrmKpiRow *row = report->managers->pdata[i];
      if (row->manager_id == manager_id)
        return row;
    }
  return NULL;
}
