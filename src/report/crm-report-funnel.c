/* crm-report-funnel.c — the sales funnel report
 *
 *   The deals created in the period: how many reached each stage, the
 *   conversion from stage to stage, the win rate and the days spent in each
 *   stage — for the team (or one manager) and per manager — and effort
 *   against result.
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
  gint64 won = f->funnel_reached[CRM_FUNNEL_STEPS - 1];
  gint64 open = f->funnel_created - won - f->funnel_lost;
  g_autofree char *created = report_count (f->funnel_created);
  g_autofree char *won_text = report_count (won);
  g_autofree char *lost = report_count (f->funnel_lost);
  g_autofree char *rate = report_percent (row->derived.win_rate);
  g_autofree char *open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld is still open",
                                                             "%lld are still open", open), (long long) open);
  g_autofree char *closed_won = report_count (f->won_deals);
  g_autofree char *closed_text = g_strdup_printf (_("Deals closed as won in the period, whenever created: %s"),
                                                  closed_won);

  crm_report_figures_add (figures, _("Deals created"), created, open_text, NAN, CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Won so far"), won_text, closed_text, NAN, CRM_REPORT_TONE_GOOD);
  crm_report_figures_add (figures, _("Lost so far"), lost, NULL, NAN,
                          f->funnel_lost > won ? CRM_REPORT_TONE_BAD : CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Win rate"), rate, _("Won of the deals closed, won or lost"),
                          NAN, CRM_REPORT_TONE_NORMAL);
  crm_report_doc_add (doc, figures);
}

static void
add_stage_table (CrmReportDoc *doc, const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;
  const CrmKpiDerived *d = &row->derived;
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_doc_add (doc, crm_report_heading_new (_("Stage by Stage")));
  crm_report_table_add_column (table, _("Stage"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Deals that reached it"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("From the stage before"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Of the deals created"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Average days in the stage"), CRM_REPORT_ALIGN_END, FALSE);
  for (int k = 0; k < CRM_FUNNEL_STEPS; k++)
    {
      guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);

      crm_report_table_set (table, r, 0, crm_deal_stage_to_label (k), CRM_REPORT_TONE_NORMAL);
      report_cell (table, r, 1, report_count (f->funnel_reached[k]));
      report_cell_percent (table, r, 2, d->conversion[k], FALSE);
      report_cell_percent (table, r, 3, crm_kpi_ratio (f->funnel_reached[k], f->funnel_created), FALSE);
      report_cell (table, r, 4, k < CRM_N_OPEN_STAGES ? report_decimal_or_dash (d->avg_days_in_stage[k], 1)
                                                      : g_strdup (""));
    }
  crm_report_doc_add (doc, table);
  crm_report_doc_add (doc, crm_report_note_new (_("A deal counts as having reached every stage up to the furthest it "
                                                  "got, also the stages it skipped. The days in a stage are averaged "
                                                  "over the deals that have left it.")));
}

static void
add_manager_tables (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  CrmReportBlock *reached = crm_report_table_new ();
  CrmReportBlock *days = crm_report_table_new ();
  CrmReportBlock *effort = crm_report_table_new ();

  crm_report_table_add_column (reached, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (reached, _("Created"), CRM_REPORT_ALIGN_END, FALSE);
  for (int k = 1; k < CRM_FUNNEL_STEPS; k++)
    crm_report_table_add_column (reached, crm_deal_stage_to_label (k), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (reached, crm_deal_stage_to_label (CRM_STAGE_LOST), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (reached, _("Win rate"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_group (reached, _("Deals that reached the stage"), 2, CRM_FUNNEL_STEPS - 1);

  crm_report_table_add_column (days, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
    crm_report_table_add_column (days, crm_deal_stage_to_label (k), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_group (days, _("Average days in the stage"), 1, CRM_N_OPEN_STAGES);

  crm_report_table_add_column (effort, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (effort, _("Calls"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (effort, _("Meetings held"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (effort, _("Deals won"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (effort, _("Calls per deal won"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (effort, _("Revenue per talk hour"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (effort, _("Revenue per meeting held"), CRM_REPORT_ALIGN_END, FALSE);

  for (guint i = 0; i <= kpi->managers->len; i++)
    {
      gboolean total = i == kpi->managers->len;
      const CrmKpiRow *row = total ? &kpi->team : kpi->managers->pdata[i];
      const CrmKpiFigures *f = &row->figures;
      CrmReportRowKind kind = total ? CRM_REPORT_ROW_TOTAL : CRM_REPORT_ROW_NORMAL;
      guint a = crm_report_table_add_row (reached, kind);
      guint b = crm_report_table_add_row (days, kind);
      guint c = crm_report_table_add_row (effort, kind);

      report_cell (reached, a, 0, report_row_name (row));
      report_cell (reached, a, 1, report_count (f->funnel_created));
      for (int k = 1; k < CRM_FUNNEL_STEPS; k++)
        report_cell (reached, a, 1 + k, report_count (f->funnel_reached[k]));
      report_cell (reached, a, 1 + CRM_FUNNEL_STEPS, report_count (f->funnel_lost));
      report_cell_percent (reached, a, 2 + CRM_FUNNEL_STEPS, row->derived.win_rate, FALSE);

      report_cell (days, b, 0, report_row_name (row));
      for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
        report_cell (days, b, 1 + k, report_decimal_or_dash (row->derived.avg_days_in_stage[k], 1));

      report_cell (effort, c, 0, report_row_name (row));
      report_cell (effort, c, 1, report_count (f->calls));
      report_cell (effort, c, 2, report_count (f->meetings_held));
      report_cell (effort, c, 3, report_count (f->won_deals));
      report_cell (effort, c, 4, report_decimal_or_dash (row->derived.calls_per_won_deal, 1));
      report_cell (effort, c, 5, report_money_or_dash (data, row->derived.revenue_per_talk_hour));
      report_cell (effort, c, 6, report_money_or_dash (data, row->derived.revenue_per_meeting));
    }

  crm_report_doc_add (doc, crm_report_heading_new (_("Per Manager")));
  crm_report_doc_add (doc, reached);
  crm_report_doc_add (doc, crm_report_heading_new (_("Days per Stage")));
  crm_report_doc_add (doc, days);
  crm_report_doc_add (doc, crm_report_heading_new (_("Effort and Result")));
  crm_report_doc_add (doc, effort);
  crm_report_doc_add (doc, crm_report_note_new (_("Deals won here are those closed as won in the period, whenever "
                                                  "they were created. — : nothing to divide by.")));
}

CrmReportDoc *
report_build_funnel (const CrmReportData *data)
{
  CrmReportDoc *doc = report_doc_new (data, CRM_REPORT_FUNNEL);
  const CrmKpiRow *row = report_subject_row (data->kpi);

  crm_report_doc_add (doc, crm_report_heading_new (_("Summary")));
  add_figures (doc, data, row);
  crm_report_doc_add (doc, report_chart_funnel (row, 220));
  add_stage_table (doc, row);
  if (data->kpi->has_team)
    add_manager_tables (doc, data);
  return doc;
}
