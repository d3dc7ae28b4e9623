/* crm-report-manager.c — the one-page KPI card of one manager
 *
 *   Key figures: revenue against plan, the score, the pipeline, the risk.
 *   Every indicator: plan, actual, achievement, weight, share of the score.
 *   Early warning with its reasons.
 *   The funnel and the channels; effort against result; the clients.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-report-build.h"

static void
add_figures (CrmReportDoc *doc, const CrmReportData *data, const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;
  CrmReportBlock *figures = crm_report_figures_new (4);
  g_autofree char *pipeline = report_money (data, f->weighted_pipeline);
  g_autofree char *f30 = report_money (data, f->forecast_30);
  g_autofree char *f60 = report_money (data, f->forecast_60);
  g_autofree char *forecast = g_strdup_printf (_("Expected within 30 days: %1$s; within 60 days: %2$s"), f30, f60);
  const char *risk_detail;

  switch (row->derived.risk.level)
    {
    case CRM_RISK_HIGH:
      risk_detail = _("Revenue is likely to fall: act now");
      break;
    case CRM_RISK_MEDIUM:
      risk_detail = _("Watch the pipeline and the meetings");
      break;
    case CRM_RISK_LOW:
      risk_detail = _("Pipeline and meetings are on track");
      break;
    case CRM_RISK_UNKNOWN:
    default:
      risk_detail = _("Not enough plan or history to judge");
      break;
    }

  report_figure_indicator (figures, data, row, CRM_KPI_REVENUE);
  report_figure_score (figures, row);
  crm_report_figures_add (figures, _("Weighted pipeline"), pipeline, forecast, NAN, CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Early-warning risk"), crm_risk_level_to_label (row->derived.risk.level),
                          risk_detail, NAN, report_risk_tone (row->derived.risk.level));
  crm_report_doc_add (doc, figures);
}

static void
add_plan_table (CrmReportDoc *doc, const CrmReportData *data, const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;
  CrmReportBlock *table = crm_report_table_new ();
  guint r;

  crm_report_doc_add (doc, crm_report_heading_new (_("Plan and Actual")));
  crm_report_table_add_column (table, _("Indicator"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Plan"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Actual"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Achieved"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Weight"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Share of the score"), CRM_REPORT_ALIGN_END, FALSE);
  for (int k = 0; k < CRM_N_KPI; k++)
    {
      r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);
      crm_report_table_set (table, r, 0, report_indicator_label (k), CRM_REPORT_TONE_NORMAL);
      report_cell (table, r, 1, report_indicator_plan (data, f, k));
      report_cell (table, r, 2, report_indicator_value (data, k, crm_kpi_actual (f, k)));
      report_cell_percent (table, r, 3, row->derived.achievement[k], TRUE);
      report_cell (table, r, 4, report_count (data->settings->weights[k]));
      report_cell_percent (table, r, 5, row->derived.score_parts[k], FALSE);
    }
  r = crm_report_table_add_row (table, CRM_REPORT_ROW_TOTAL);
  crm_report_table_set (table, r, 0, _("KPI score"), CRM_REPORT_TONE_NORMAL);
  report_cell_percent (table, r, 5, row->derived.score, TRUE);
  crm_report_doc_add (doc, table);
  crm_report_doc_add (doc, crm_report_note_new (_("The score is the weighted mean of the achievements, each counted "
                                                  "up to 150%; an indicator without a plan (—) is left out.")));
}

static void
add_risk (CrmReportDoc *doc, const CrmReportData *data, const CrmKpiRow *row)
{
  g_autofree char *reasons = report_risk_reasons (data, row, FALSE);
  g_auto(GStrv) lines = g_strsplit (reasons, "\n", -1);

  crm_report_doc_add (doc, crm_report_heading_new (_("Early Warning")));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("• ", lines[i], NULL);
      crm_report_doc_add (doc, crm_report_text_new (item));
    }
}

static CrmReportBlock *
pairs_table (const char *title)
{
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_table_add_column (table, title, CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, "", CRM_REPORT_ALIGN_END, FALSE);
  return table;
}

static void
pair (CrmReportBlock *table, const char *label, char *value)
{
  guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);

  crm_report_table_set (table, r, 0, label, CRM_REPORT_TONE_NORMAL);
  report_cell (table, r, 1, value);
}

static void
add_details (CrmReportDoc *doc, const CrmReportData *data, const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;
  const CrmKpiDerived *d = &row->derived;
  CrmReportBlock *effort = pairs_table (_("Effort and Result"));
  CrmReportBlock *clients = pairs_table (_("Clients and Money"));

  pair (effort, _("Revenue per talk hour"), report_money_or_dash (data, d->revenue_per_talk_hour));
  pair (effort, _("Revenue per meeting held"), report_money_or_dash (data, d->revenue_per_meeting));
  pair (effort, _("Calls per deal won"), report_decimal_or_dash (d->calls_per_won_deal, 1));
  pair (effort, _("Deals created"), report_count (f->funnel_created));
  pair (effort, _("Of them won / lost"),
        g_strdup_printf ("%lld / %lld", (long long) f->funnel_reached[CRM_FUNNEL_STEPS - 1], (long long) f->funnel_lost));
  pair (effort, _("Win rate"), report_percent (d->win_rate));

  pair (clients, _("Revenue from new clients"), report_money (data, f->new_client_revenue));
  pair (clients, _("Revenue from repeat clients"), report_money (data, f->repeat_revenue));
  pair (clients, _("Clients who paid or complained"), report_count (f->clients_active));
  pair (clients, _("Loss-making clients"), report_count (f->clients_loss_making));
  pair (clients, _("Clients with complaints"), report_count (f->clients_with_complaints));
  pair (clients, _("Complaint costs"), report_money (data, f->complaint_cost));

  crm_report_doc_add (doc, crm_report_columns_new (effort, clients, NULL));
}

CrmReportDoc *
report_build_manager (const CrmReportData *data)
{
  CrmReportDoc *doc = report_doc_new (data, CRM_REPORT_MANAGER);
  const CrmKpiRow *row = report_subject_row (data->kpi);

  add_figures (doc, data, row);
  add_plan_table (doc, data, row);
  add_risk (doc, data, row);
  crm_report_doc_add (doc, crm_report_columns_new (report_chart_funnel (row, 160),
                                                   report_chart_channels (data, row, 160), NULL));
  add_details (doc, data, row);
  return doc;
}
