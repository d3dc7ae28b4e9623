/* crm-report-team.c — the monthly team KPI report
 *
 *   Summary: the key figures of the team against its plan, in a few words.
 *   Revenue and score per manager; activity (calls, talk time, meetings,
 *   new prospects) plan against actual; how each score is made up.
 *   Early warning: the managers at risk and why.
 *   Charts: plan against actual, the channels, new and repeat clients, the
 *   funnel, the 80/20 curve.
 *   The loss-making clients, with the manager who brought them.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-report-build.h"

#define MAX_LOSS_CLIENTS 100

static guint
count_at_risk (const CrmKpiReport *kpi, CrmRiskLevel level)
{
  guint n = 0;

  for (guint i = 0; i < kpi->managers->len; i++)
    if (((CrmKpiRow *) kpi->managers->pdata[i])->derived.risk.level == level)
      n++;
  return n;
}

static void
add_summary (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  const CrmKpiRow *team = &kpi->team;
  const CrmKpiFigures *f = &team->figures;
  CrmReportBlock *figures = crm_report_figures_new (4);
  guint high = count_at_risk (kpi, CRM_RISK_HIGH), medium = count_at_risk (kpi, CRM_RISK_MEDIUM);
  g_autofree char *pipeline = report_money (data, f->weighted_pipeline);
  g_autofree char *f30 = report_money (data, f->forecast_30);
  g_autofree char *f60 = report_money (data, f->forecast_60);
  g_autofree char *forecast = NULL;
  g_autofree char *risk_value = NULL;
  g_autofree char *risk_detail = NULL;

  crm_report_doc_add (doc, crm_report_heading_new (_("Summary")));

  report_figure_indicator (figures, data, team, CRM_KPI_REVENUE);
  report_figure_score (figures, team);
  /* Translators: under the weighted pipeline: the forecasts for 30 and 60 days */
  forecast = g_strdup_printf (_("Expected within 30 days: %1$s; within 60 days: %2$s"), f30, f60);
  crm_report_figures_add (figures, _("Weighted pipeline"), pipeline, forecast, NAN, CRM_REPORT_TONE_NORMAL);
  /* Translators: a key figure: managers at high risk, "2 of 20" */
  risk_value = g_strdup_printf (_("%1$u of %2$u"), high, kpi->managers->len);
  risk_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at high risk; %u more at medium risk",
                                              "at high risk; %u more at medium risk", medium), medium);
  crm_report_figures_add (figures, _("Managers at high risk"), risk_value, risk_detail, NAN,
                          high > 0 ? CRM_REPORT_TONE_BAD : medium > 0 ? CRM_REPORT_TONE_WARNING : CRM_REPORT_TONE_GOOD);
  report_figure_indicator (figures, data, team, CRM_KPI_CALLS);
  report_figure_indicator (figures, data, team, CRM_KPI_TALK_MINUTES);
  report_figure_indicator (figures, data, team, CRM_KPI_MEETINGS);
  report_figure_indicator (figures, data, team, CRM_KPI_NEW_PROSPECTS);
  crm_report_doc_add (doc, figures);

  {
    g_autofree char *fresh = report_money (data, f->new_client_revenue);
    g_autofree char *repeat = report_money (data, f->repeat_revenue);
    g_autofree char *fresh_share = report_percent (crm_kpi_ratio (f->new_client_revenue, f->revenue));
    g_autofree char *pareto_share = report_percent (kpi->pareto_clients.share_of_items);
    g_autofree char *win = report_percent (team->derived.win_rate);
    g_autofree char *cost = report_money (data, f->complaint_cost);
    g_autofree char *money = NULL, *pareto = NULL, *deals = NULL, *clients = NULL, *text = NULL;

    /* Translators: the summary of the team report */
    money = g_strdup_printf (_("New clients brought %1$s (%2$s of the revenue), repeat clients %3$s."),
                             fresh, fresh_share, repeat);
    if (kpi->pareto_clients.n_items > 0)
      pareto = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$u of %2$u client (%3$s) brought 80%% of the revenue.",
                                             "%1$u of %2$u clients (%3$s) brought 80%% of the revenue.",
                                             kpi->pareto_clients.n_items),
                                kpi->pareto_clients.items_for_80, kpi->pareto_clients.n_items, pareto_share);
    else
      pareto = g_strdup (_("No client paid in the period."));
    deals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%1$lld deal was created; %2$lld of them won and %3$lld lost so far (win rate %4$s).",
                                          "%1$lld deals were created; %2$lld of them won and %3$lld lost so far (win rate %4$s).",
                                          f->funnel_created),
                             (long long) f->funnel_created, (long long) f->funnel_reached[CRM_FUNNEL_STEPS - 1],
                             (long long) f->funnel_lost, win);
    clients = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%1$lld client paid or complained; %2$lld of them made a loss, %3$lld complained (complaints cost %4$s).",
                                            "%1$lld clients paid or complained; %2$lld of them made a loss, %3$lld complained (complaints cost %4$s).",
                                            f->clients_active),
                               (long long) f->clients_active, (long long) f->clients_loss_making,
                               (long long) f->clients_with_complaints, cost);
    text = g_strjoin (" ", money, pareto, deals, clients, NULL);
    crm_report_doc_add (doc, crm_report_text_new (text));
  }
}

static void
add_revenue_table (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_doc_add (doc, crm_report_heading_new (_("Revenue and Score by Manager")));
  crm_report_table_add_column (table, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Plan"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Actual"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Achieved"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Weighted pipeline"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("KPI score"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Risk"), CRM_REPORT_ALIGN_START, FALSE);
  crm_report_table_add_group (table, _("Revenue"), 1, 3);

  for (guint i = 0; i <= kpi->managers->len; i++)
    {
      gboolean total = i == kpi->managers->len;
      const CrmKpiRow *row = total ? &kpi->team : kpi->managers->pdata[i];
      const CrmKpiFigures *f = &row->figures;
      guint r = crm_report_table_add_row (table, total ? CRM_REPORT_ROW_TOTAL : CRM_REPORT_ROW_NORMAL);

      report_cell (table, r, 0, report_row_name (row));
      report_cell (table, r, 1, report_indicator_plan (data, f, CRM_KPI_REVENUE));
      report_cell (table, r, 2, report_money (data, f->revenue));
      report_cell_percent (table, r, 3, row->derived.achievement[CRM_KPI_REVENUE], TRUE);
      report_cell (table, r, 4, report_money (data, f->weighted_pipeline));
      report_cell_percent (table, r, 5, row->derived.score, TRUE);
      crm_report_table_set (table, r, 6, crm_risk_level_to_label (row->derived.risk.level),
                            report_risk_tone (row->derived.risk.level));
    }
  crm_report_doc_add (doc, table);
}

static void
add_activity_table (CrmReportDoc *doc, const CrmReportData *data)
{
  static const CrmKpiIndicator indicators[] = {
    CRM_KPI_CALLS, CRM_KPI_TALK_MINUTES, CRM_KPI_MEETINGS, CRM_KPI_NEW_PROSPECTS,
  };
  const CrmKpiReport *kpi = data->kpi;
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_doc_add (doc, crm_report_heading_new (_("Activity Against Plan")));
  crm_report_table_add_column (table, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (indicators); k++)
    {
      crm_report_table_add_column (table, _("Plan"), CRM_REPORT_ALIGN_END, FALSE);
      crm_report_table_add_column (table, _("Actual"), CRM_REPORT_ALIGN_END, FALSE);
      crm_report_table_add_column (table, "%", CRM_REPORT_ALIGN_END, FALSE);
      crm_report_table_add_group (table, report_indicator_label (indicators[k]), 1 + 3 * k, 3);
    }

  for (guint i = 0; i <= kpi->managers->len; i++)
    {
      gboolean total = i == kpi->managers->len;
      const CrmKpiRow *row = total ? &kpi->team : kpi->managers->pdata[i];
      guint r = crm_report_table_add_row (table, total ? CRM_REPORT_ROW_TOTAL : CRM_REPORT_ROW_NORMAL);

      report_cell (table, r, 0, report_row_name (row));
      for (guint k = 0; k < G_N_ELEMENTS (indicators); k++)
        {
          CrmKpiIndicator ind = indicators[k];

          report_cell (table, r, 1 + 3 * k, report_indicator_plan (data, &row->figures, ind));
          report_cell (table, r, 2 + 3 * k, report_indicator_value (data, ind, crm_kpi_actual (&row->figures, ind)));
          report_cell_percent (table, r, 3 + 3 * k, row->derived.achievement[ind], TRUE);
        }
    }
  crm_report_doc_add (doc, table);
  crm_report_doc_add (doc, crm_report_note_new (_("“%” is the share of the plan achieved; — means no plan was set, "
                                                  "which is not the same as 0%.")));
}

static void
add_score_table (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  const int *weights = data->settings->weights;
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_doc_add (doc, crm_report_heading_new (_("How the KPI Score Is Made Up")));
  crm_report_table_add_column (table, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  for (int k = 0; k < CRM_N_KPI; k++)
    {
      /* Translators: a column of the score table: the indicator and its weight, "Revenue (50)" */
      g_autofree char *title = g_strdup_printf (_("%1$s (%2$d)"), crm_kpi_indicator_to_label (k), weights[k]);
      crm_report_table_add_column (table, title, CRM_REPORT_ALIGN_END, FALSE);
    }
  crm_report_table_add_column (table, _("KPI score"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_group (table, _("Share of the score (weight)"), 1, CRM_N_KPI);

  for (guint i = 0; i <= kpi->managers->len; i++)
    {
      gboolean total = i == kpi->managers->len;
      const CrmKpiRow *row = total ? &kpi->team : kpi->managers->pdata[i];
      guint r = crm_report_table_add_row (table, total ? CRM_REPORT_ROW_TOTAL : CRM_REPORT_ROW_NORMAL);

      report_cell (table, r, 0, report_row_name (row));
      for (int k = 0; k < CRM_N_KPI; k++)
        report_cell_percent (table, r, 1 + k, row->derived.score_parts[k], FALSE);
      report_cell_percent (table, r, 1 + CRM_N_KPI, row->derived.score, TRUE);
    }
  crm_report_doc_add (doc, table);
  crm_report_doc_add (doc, crm_report_note_new (_("Each share is the indicator’s weight times its plan achievement "
                                                  "(counted up to 150%), divided by the total weight of the indicators "
                                                  "with a plan; the shares add up to the score. An indicator without "
                                                  "a plan is left out (—).")));
}

static int
compare_risk (gconstpointer a, gconstpointer b)
{
  const CrmKpiRow *x = *(CrmKpiRow * const *) a;
  const CrmKpiRow *y = *(CrmKpiRow * const *) b;

  if (x->derived.risk.level != y->derived.risk.level)
    return x->derived.risk.level > y->derived.risk.level ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
add_early_warning (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) unknown = g_string_new (NULL);
  CrmReportBlock *table;

  crm_report_doc_add (doc, crm_report_heading_new (_("Early Warning")));
  for (guint i = 0; i < kpi->managers->len; i++)
    {
      CrmKpiRow *row = kpi->managers->pdata[i];

      if (row->derived.risk.level >= CRM_RISK_MEDIUM)
        g_ptr_array_add (rows, row);
      else if (row->derived.risk.level == CRM_RISK_UNKNOWN && row->active)
        g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", row->name);
    }
  g_ptr_array_sort (rows, compare_risk);

  if (rows->len == 0)
    crm_report_doc_add (doc, crm_report_text_new (_("No manager is at medium or high risk.")));
  else
    {
      table = crm_report_table_new ();
      crm_report_table_add_column (table, _("Manager"), CRM_REPORT_ALIGN_START, FALSE);
      crm_report_table_add_column (table, _("Risk"), CRM_REPORT_ALIGN_START, FALSE);
      crm_report_table_add_column (table, _("Why"), CRM_REPORT_ALIGN_START, TRUE);
      for (guint i = 0; i < rows->len; i++)
        {
          const CrmKpiRow *row = rows->pdata[i];
          guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);

          report_cell (table, r, 0, report_row_name (row));
          crm_report_table_set (table, r, 1, crm_risk_level_to_label (row->derived.risk.level),
                                report_risk_tone (row->derived.risk.level));
          report_cell (table, r, 2, report_risk_reasons (data, row, TRUE));
        }
      crm_report_doc_add (doc, table);
    }
  if (unknown->len > 0)
    {
      /* Translators: %s is a list of names */
      g_autofree char *text = g_strdup_printf (_("Not judged yet, for want of a plan or of six months of history: %s."),
                                               unknown->str);
      crm_report_doc_add (doc, crm_report_text_new (text));
    }
  crm_report_doc_add (doc, report_risk_note (data));
}

#define BARS_PER_CHART 10

static void
add_charts (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  const CrmKpiRow *team = &kpi->team;
  guint n = 0, n_charts;

  for (guint i = 0; i < kpi->managers->len; i++)
    if (report_chart_counts_manager (kpi->managers->pdata[i]))
      n++;
  /* Ten managers to a chart keep their names readable under the bars. */
  n_charts = MAX (1, (n + BARS_PER_CHART - 1) / BARS_PER_CHART);

  crm_report_doc_add (doc, crm_report_heading_new (_("Charts")));
  for (guint c = 0; c < n_charts; c++)
    {
      guint first = c * n / n_charts, last = (c + 1) * n / n_charts;
      g_autofree char *title = n_charts == 1
        ? g_strdup (_("Revenue: Plan and Actual by Manager"))
        /* Translators: the title of one of several charts, "Revenue: Plan and Actual by Manager (1 of 2)" */
        : g_strdup_printf (_("Revenue: Plan and Actual by Manager (%1$u of %2$u)"), c + 1, n_charts);
      crm_report_doc_add (doc, report_chart_plan_actual (data, first, last - first, title, 190));
    }
  crm_report_doc_add (doc, crm_report_columns_new (report_chart_channels (data, team, 150),
                                                   report_chart_new_repeat (data, team, 150), NULL));
  crm_report_doc_add (doc, report_chart_funnel (team, 190));
  crm_report_doc_add (doc, report_chart_pareto_clients (data, 190));
}

static void
add_loss_making (CrmReportDoc *doc, const CrmReportData *data)
{
  g_autoptr(GPtrArray) losses = g_ptr_array_new ();
  guint complained = 0;

  crm_report_doc_add (doc, crm_report_heading_new (_("Loss-Making Clients")));
  /* The clients come best first: from the end, the worst first. */
  for (guint i = data->clients->len; i-- > 0;)
    {
      CrmKpiClientLine *line = data->clients->pdata[i];
      if (line->revenue - line->cost < 0)
        g_ptr_array_add (losses, line);
      else if (line->complaints > 0)
        complained++;
    }
  if (losses->len == 0)
    crm_report_doc_add (doc, crm_report_text_new (_("No client made a loss in this period.")));
  else
    crm_report_doc_add (doc, report_client_table (data, losses, MAX_LOSS_CLIENTS, FALSE));

  if (losses->len > 0)
    {
      g_autofree char *text = NULL;

      if (losses->len > MAX_LOSS_CLIENTS)
        text = g_strdup_printf (_("The %1$u worst of %2$u loss-making clients are listed; the client profitability report lists them all."),
                                MAX_LOSS_CLIENTS, losses->len);
      else
        text = g_strdup (_("Result: payments less complaint costs in the period, by client."));
      crm_report_doc_add (doc, crm_report_note_new (text));
    }
  if (complained > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u other client complained but paid more than the complaints cost.",
                                                            "%u other clients complained but paid more than the complaints cost.",
                                                            complained), complained);
      crm_report_doc_add (doc, crm_report_note_new (text));
    }
}

CrmReportDoc *
report_build_team (const CrmReportData *data)
{
  CrmReportDoc *doc = report_doc_new (data, CRM_REPORT_TEAM);

  add_summary (doc, data);
  add_revenue_table (doc, data);
  add_activity_table (doc, data);
  add_score_table (doc, data);
  add_early_warning (doc, data);
  add_charts (doc, data);
  add_loss_making (doc, data);
  return doc;
}
