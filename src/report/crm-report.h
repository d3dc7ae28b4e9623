/* crm-report.h — the printed reports: team KPIs, the manager card, the
 * funnel, client profitability and 80/20
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-page-format.h"
#include "crm-report-data.h"
#include "crm-report-doc.h"
#include "crm-report-layout.h"
#include "crm-report-pdf.h"

G_BEGIN_DECLS

typedef enum {
  CRM_REPORT_TEAM,            /* the monthly team KPI report */
  CRM_REPORT_MANAGER,         /* a one-page KPI card of one manager */
  CRM_REPORT_FUNNEL,
  CRM_REPORT_PROFITABILITY,
  CRM_REPORT_PARETO,
} CrmReportKind;
#define CRM_N_REPORT_KINDS 5

const char   *crm_report_kind_to_string     (CrmReportKind kind);
gboolean      crm_report_kind_from_string   (const char *text, CrmReportKind *out);
const char   *crm_report_kind_to_label      (CrmReportKind kind);
const char   *crm_report_kind_describe      (CrmReportKind kind);
/* The manager card is about one manager; the funnel and profitability
 * reports may be; the team and 80/20 reports are about the whole team. */
gboolean      crm_report_kind_needs_manager (CrmReportKind kind);
gboolean      crm_report_kind_takes_manager (CrmReportKind kind);

/* The report of @kind over @data (computed for the team, or for the one
 * manager of a manager card). The language is the current one. */
CrmReportDoc *crm_report_build              (CrmReportKind        kind,
                                             const CrmReportData *data);

/* "team-kpi-2026-11.pdf" */
char         *crm_report_suggest_file_name  (CrmReportKind        kind,
                                             const CrmReportData *data);

G_END_DECLS
