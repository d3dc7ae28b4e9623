/* crm-report-profit.c — client profitability
 *
 *   Payments against complaint costs in the period: the totals, each
 *   manager's clients (who sells "at any price"), every loss-making client,
 *   the clients who complained but stayed profitable, and the most
 *   profitable clients.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-report-build.h"

#define MAX_LISTED   500    /* loss-making clients, clients with complaints */
#define MAX_BEST     20

typedef struct {
  GPtrArray *losses;        /* result < 0, worst first */
  GPtrArray *complained;    /* complaints but result ≥ 0 */
  GPtrArray *best;          /* result > 0, best first */
  gint64     revenue, cost, loss;
} Split;

static void
split_clients (const CrmReportData *data, Split *s)
{
  s->losses = g_ptr_array_new ();
  s->complained = g_ptr_array_new ();
  s->best = g_ptr_array_new ();
  /* data->clients is sorted best first: walk it backwards for the worst. */
  for (guint i = data->clients->len; i-- > 0;)
    {
      CrmKpiClientLine *line = data->clients->pdata[i];
      gint64 result = line->revenue - line->cost;

      s->revenue += line->revenue;
      s->cost += line->cost;
      if (result < 0)
        {
          g_ptr_array_add (s->losses, line);
          s->loss += result;
        }
      else if (line->complaints > 0)
        g_ptr_array_add (s->complained, line);
    }
  for (guint i = 0; i < data->clients->len && s->best->len < MAX_BEST; i++)
    {
      CrmKpiClientLine *line = data->clients->pdata[i];
      if (line->revenue - line->cost > 0)
        g_ptr_array_add (s->best, line);
    }
}

static void
split_clear (Split *s)
{
  g_ptr_array_unref (s->losses);
  g_ptr_array_unref (s->complained);
  g_ptr_array_unref (s->best);
}

static void
add_figures (CrmReportDoc *doc, const CrmReportData *data, const Split *s)
{
  CrmReportBlock *figures = crm_report_figures_new (4);
  guint n = data->clients->len;
  g_autofree char *clients = report_count (n);
  g_autofree char *revenue = report_money (data, s->revenue);
  g_autofree char *cost = report_money (data, s->cost);
  g_autofree char *cost_share = report_percent (crm_kpi_ratio (s->cost, s->revenue));
  g_autofree char *cost_detail = g_strdup_printf (_("%s of the payments"), cost_share);
  g_autofree char *net = report_money (data, s->revenue - s->cost);
  g_autofree char *losses = report_count (s->losses->len);
  g_autofree char *loss = report_money (data, -s->loss);
  g_autofree char *loss_share = report_percent (crm_kpi_ratio (s->losses->len, n));
  /* Translators: under the number of loss-making clients: "5% of the clients; together they lost 1 234,00 ₽" */
  g_autofree char *loss_detail = g_strdup_printf (_("%1$s of the clients; together they lost %2$s"), loss_share, loss);
  g_autofree char *net_detail = g_strdup_printf (_("Payments %s less complaint costs"), revenue);

  crm_report_figures_add (figures, _("Clients who paid or complained"), clients, NULL, NAN, CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Result"), net, net_detail, NAN,
                          s->revenue - s->cost < 0 ? CRM_REPORT_TONE_BAD : CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Complaint costs"), cost, cost_detail, NAN,
                          s->cost > 0 ? CRM_REPORT_TONE_WARNING : CRM_REPORT_TONE_NORMAL);
  crm_report_figures_add (figures, _("Loss-making clients"), losses, loss_detail, NAN,
                          s->losses->len > 0 ? CRM_REPORT_TONE_BAD : CRM_REPORT_TONE_GOOD);
  crm_report_doc_add (doc, figures);
}

static void
add_manager_table (CrmReportDoc *doc, const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  CrmReportBlock *table = crm_report_table_new ();

  crm_report_doc_add (doc, crm_report_heading_new (_("Per Manager")));
  crm_report_table_add_column (table, _("Manager"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Payments"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Complaint costs"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Clients"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Loss-making"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("With complaints"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Problem share"), CRM_REPORT_ALIGN_END, FALSE);

  for (guint i = 0; i <= kpi->managers->len; i++)
    {
      gboolean total = i == kpi->managers->len;
      const CrmKpiRow *row = total ? &kpi->team : kpi->managers->pdata[i];
      const CrmKpiFigures *f = &row->figures;
      double share = row->derived.problem_client_share;
      guint r;

      if (!total && !row->active && f->clients_active == 0)
        continue;
      r = crm_report_table_add_row (table, total ? CRM_REPORT_ROW_TOTAL : CRM_REPORT_ROW_NORMAL);
      report_cell (table, r, 0, report_row_name (row));
      report_cell (table, r, 1, report_money (data, f->revenue));
      report_cell (table, r, 2, report_money (data, f->complaint_cost));
      report_cell (table, r, 3, report_count (f->clients_active));
      crm_report_table_take (table, r, 4, report_count (f->clients_loss_making),
                             f->clients_loss_making > 0 ? CRM_REPORT_TONE_BAD : CRM_REPORT_TONE_NORMAL);
      report_cell (table, r, 5, report_count (f->clients_with_complaints));
      crm_report_table_take (table, r, 6, report_percent (share),
                             !isfinite (share) ? CRM_REPORT_TONE_MUTED
                             : share >= 0.2 ? CRM_REPORT_TONE_BAD
                             : share >= 0.1 ? CRM_REPORT_TONE_WARNING : CRM_REPORT_TONE_NORMAL);
    }
  crm_report_doc_add (doc, table);
  crm_report_doc_add (doc, crm_report_note_new (_("A manager’s clients are those whose payments or complaints of the "
                                                  "period are credited to the manager. Problem share: the part of "
                                                  "them that made a loss or complained — high for a manager who "
                                                  "sells at any price.")));
}

static void
add_list (CrmReportDoc *doc, const CrmReportData *data, const char *heading, GPtrArray *lines,
          guint max, const char *empty)
{
  crm_report_doc_add (doc, crm_report_heading_new (heading));
  if (lines->len == 0)
    {
      crm_report_doc_add (doc, crm_report_text_new (empty));
      return;
    }
  crm_report_doc_add (doc, report_client_table (data, lines, max, TRUE));
  if (lines->len > max)
    {
      g_autofree char *text = g_strdup_printf (_("The first %1$u of %2$u are listed."), max, lines->len);
      crm_report_doc_add (doc, crm_report_note_new (text));
    }
}

CrmReportDoc *
report_build_profitability (const CrmReportData *data)
{
  CrmReportDoc *doc = report_doc_new (data, CRM_REPORT_PROFITABILITY);
  Split s = { 0 };

  split_clients (data, &s);
  crm_report_doc_add (doc, crm_report_heading_new (_("Summary")));
  add_figures (doc, data, &s);
  crm_report_doc_add (doc, crm_report_text_new (_("A client’s result is what the client paid in the period less "
                                                  "what the client’s complaints and returns cost in it; below zero "
                                                  "the client is loss-making. The clients are listed with the "
                                                  "manager who brought them.")));
  if (data->kpi->has_team)
    add_manager_table (doc, data);
  add_list (doc, data, _("Loss-Making Clients"), s.losses, MAX_LISTED,
            _("No client made a loss in this period."));
  add_list (doc, data, _("Clients with Complaints Who Stayed Profitable"), s.complained, MAX_LISTED,
            _("No other client complained in this period."));
  add_list (doc, data, _("The Most Profitable Clients"), s.best, MAX_BEST,
            _("No client paid in this period."));
  split_clear (&s);
  return doc;
}
