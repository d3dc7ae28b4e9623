/* crm-dashboard-data.h — every figure and chart of the dashboard for a period
 *
 * Loaded in a worker thread (no GTK here): the KPI reports, the revenue by
 * client and by month, and the charts built from them, with what each
 * chart element stands for (a manager, a client, a month).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-chart.h"
#include "crm-database.h"
#include "crm-kpi-report.h"

G_BEGIN_DECLS

typedef enum {
  CRM_DASHBOARD_CHART_PLAN,        /* revenue plan and actual per manager */
  CRM_DASHBOARD_CHART_CHANNELS,    /* revenue by channel */
  CRM_DASHBOARD_CHART_NEW_REPEAT,  /* revenue from new and repeat clients */
  CRM_DASHBOARD_CHART_PARETO,      /* the clients that make 80% of it */
  CRM_DASHBOARD_CHART_TREND,       /* revenue by month against the year before */
  CRM_DASHBOARD_CHART_FUNNEL,
  CRM_DASHBOARD_CHART_EFFORT,      /* talk hours against revenue per manager */
  CRM_DASHBOARD_N_CHARTS
} CrmDashboardChart;

typedef struct {
  CrmPeriod    *period;
  gint64        manager_id;        /* 0: the whole team */
  char         *currency;
  CrmKpiReport *team;              /* the team and every manager */
  CrmKpiReport *own;               /* @manager_id's own report; NULL for the team */
  GPtrArray    *clients;           /* CrmClientRevenue *: the Pareto chart's items */
  GArray       *chart_managers;    /* gint64: the manager of each bar and each dot */
  int           days_passed;       /* days of the period up to today (today included) */
  int           days_total;        /* days in the period */
  int           trend_year;        /* the first month of the trend chart */
  int           trend_month;
  CrmChart     *charts[CRM_DASHBOARD_N_CHARTS];
} CrmDashboardData;

CrmDashboardData   *crm_dashboard_data_load        (CrmDatabase            *db,
                                                    CrmPeriod              *period,
                                                    gint64                  manager_id,
                                                    gint64                  now,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
void                crm_dashboard_data_free        (CrmDashboardData       *data);
const CrmKpiRow    *crm_dashboard_data_get_row     (const CrmDashboardData *data);
const CrmKpiReport *crm_dashboard_data_get_report  (const CrmDashboardData *data);
gint64              crm_dashboard_data_chart_manager (const CrmDashboardData *data,
                                                    int                     index);
gboolean            crm_dashboard_data_client_at   (const CrmDashboardData *data,
                                                    int                     index,
                                                    gint64                 *client_id,
                                                    gint64                 *owner_id);
CrmPeriod          *crm_dashboard_data_month_at    (const CrmDashboardData *data,
                                                    int                     index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDashboardData, crm_dashboard_data_free)

G_END_DECLS
