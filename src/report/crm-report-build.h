/* crm-report-build.h — what the report builders share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-chart.h"
#include "crm-kpi-report.h"
#include "crm-report.h"

G_BEGIN_DECLS

#define REPORT_DASH "—"   /* a figure that does not apply: no plan, nothing to divide by */

/* The builders, one per file. */
CrmReportDoc   *report_build_team          (const CrmReportData *data);
CrmReportDoc   *report_build_manager       (const CrmReportData *data);
CrmReportDoc   *report_build_funnel        (const CrmReportData *data);
CrmReportDoc   *report_build_profitability (const CrmReportData *data);
CrmReportDoc   *report_build_pareto        (const CrmReportData *data);

CrmReportDoc   *report_doc_new             (const CrmReportData *data,
                                            CrmReportKind        kind);
const CrmKpiRow *report_subject_row        (const CrmKpiReport  *kpi);
char           *report_row_name            (const CrmKpiRow     *row);

char           *report_money               (const CrmReportData *data,
                                            gint64               minor);
char           *report_money_or_dash       (const CrmReportData *data,
                                            double               minor);
char           *report_percent             (double               ratio);
char           *report_share               (double               ratio);
char           *report_count               (gint64               value);
char           *report_decimal_or_dash     (double               value,
                                            int                  decimals);
const char     *report_indicator_label     (CrmKpiIndicator      indicator);
char           *report_indicator_value     (const CrmReportData *data,
                                            CrmKpiIndicator      indicator,
                                            gint64               value);
char           *report_indicator_plan      (const CrmReportData *data,
                                            const CrmKpiFigures *figures,
                                            CrmKpiIndicator      indicator);
CrmReportTone   report_achievement_tone    (double               ratio);
CrmReportTone   report_risk_tone           (CrmRiskLevel         level);

/* Table cells. */
void            report_cell                (CrmReportBlock      *table,
                                            guint                row,
                                            guint                column,
                                            char                *text);
void            report_cell_percent        (CrmReportBlock      *table,
                                            guint                row,
                                            guint                column,
                                            double               ratio,
                                            gboolean             achievement);

/* Key figures. */
void            report_figure_indicator    (CrmReportBlock      *figures,
                                            const CrmReportData *data,
                                            const CrmKpiRow     *row,
                                            CrmKpiIndicator      indicator);
void            report_figure_score        (CrmReportBlock      *figures,
                                            const CrmKpiRow     *row);

/* Sections more than one report has (crm-report-sections.c). */
char           *report_risk_reasons        (const CrmReportData *data,
                                            const CrmKpiRow     *row,
                                            gboolean             warnings_only);
CrmReportBlock *report_client_table        (const CrmReportData *data,
                                            GPtrArray           *lines,
                                            guint                max,
                                            gboolean             numbered);
CrmReportBlock *report_risk_note           (const CrmReportData *data);

/* Charts (crm-report-charts.c), as blocks of @height points. */
CrmReportBlock *report_chart_plan_actual   (const CrmReportData *data,
                                            guint                first,
                                            guint                n,
                                            const char          *title,
                                            double               height);
gboolean        report_chart_counts_manager (const CrmKpiRow    *row);
CrmReportBlock *report_chart_funnel        (const CrmKpiRow     *row,
                                            double               height);
CrmReportBlock *report_chart_channels      (const CrmReportData *data,
                                            const CrmKpiRow     *row,
                                            double               height);
CrmReportBlock *report_chart_new_repeat    (const CrmReportData *data,
                                            const CrmKpiRow     *row,
                                            double               height);
CrmReportBlock *report_chart_pareto_clients  (const CrmReportData *data,
                                              double               height);
CrmReportBlock *report_chart_pareto_managers (const CrmReportData *data,
                                              double               height);
CrmReportBlock *report_chart_pareto_channels (const CrmReportData *data,
                                              double               height);

G_END_DECLS
