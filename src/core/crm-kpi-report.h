/* crm-kpi-report.h — every KPI of a period: the team, each manager, Pareto
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-kpi.h"
#include "crm-period.h"

G_BEGIN_DECLS

typedef struct {
  gint64        manager_id;     /* 0 for the team */
  char         *name;
  gboolean      active;
  CrmKpiFigures figures;
  CrmKpiDerived derived;
} CrmKpiRow;

/* A client that cost money: loss-making, or with complaints. */
typedef struct {
  gint64 client_id;
  char  *name;
  gint64 manager_id;            /* the owner, who brought the client; 0 if none */
  char  *manager_name;
  gint64 revenue;               /* payments in the period */
  gint64 cost;                  /* complaint costs in the period */
  guint  complaints;
} CrmKpiClientLine;

typedef struct {
  CrmPeriod  *period;
  char       *currency;
  gint64      today;            /* the "now" of the pipeline and the risk */
  gboolean    has_team;         /* FALSE when computed for one manager */
  CrmKpiRow   team;
  GPtrArray  *managers;         /* CrmKpiRow *, by name */
  GArray     *client_revenue;   /* gint64, descending: the Pareto curve of clients */
  CrmPareto   pareto_clients;
  CrmPareto   pareto_managers;
  CrmPareto   pareto_sources;
  GPtrArray  *problem_clients;  /* CrmKpiClientLine *, the worst result first */
  guint       n_loss_making;    /* all of them, also beyond those listed */
} CrmKpiReport;

CrmKpiReport *crm_kpi_report_new        (CrmPeriod *period, const char *currency, gint64 today);
void          crm_kpi_report_free       (CrmKpiReport *report);
CrmKpiRow    *crm_kpi_report_add_row    (CrmKpiReport *report, gint64 manager_id, const char *name, gboolean active);
CrmKpiRow    *crm_kpi_report_find_row   (CrmKpiReport *report, gint64 manager_id);
void          crm_kpi_client_line_free  (CrmKpiClientLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmKpiReport, crm_kpi_report_free)

G_END_DECLS
