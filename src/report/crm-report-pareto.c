/* crm-report-pareto.c — the 80/20 report
 *
 *   How few clients, managers and channels bring 80% of the revenue: the
 *   three curves, the clients that make the 80% by name, every manager and
 *   every channel with their share and the cumulative share.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-report-build.h"

#define MAX_CLIENTS 100

typedef struct {
  const char *name;
  const char *owner;        /* clients only; NULL: nobody */
  gint64      revenue;
} Item;

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->revenue != y->revenue)
    return x->revenue > y->revenue ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
add_figure (CrmReportBlock *figures, const char *label, const CrmPareto *p, const char *detail_none)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  if (p->n_items == 0)
    {
      crm_report_figures_add (figures, label, REPORT_DASH, detail_none, NAN, CRM_REPORT_TONE_MUTED);
      return;
    }
  value = g_strdup_printf (_("%1$u of %2$u"), p->items_for_80, p->n_items);
  {
    g_autofree char *share = report_percent (p->share_of_items);
    /* Translators: under "64 of 313": the share of them that bring 80% of the revenue */
    detail = g_strdup_printf (_("%s of them bring 80%% of the revenue"), share);
  }
  crm_report_figures_add (figures, label, value, detail, NAN, CRM_REPORT_TONE_NORMAL);
}

/* A ranked table of @items (sorted), marking those within the first 80%. */
static CrmReportBlock *
ranked_table (const CrmReportData *data, GArray *items, const char *what, gboolean with_owner, guint max,
              gint64 total, guint n_80)
{
  CrmReportBlock *table = crm_report_table_new ();
  guint first_money = with_owner ? 3 : 2;
  gint64 cumulative = 0;

  crm_report_table_add_column (table, _("No."), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, what, CRM_REPORT_ALIGN_START, TRUE);
  if (with_owner)
    crm_report_table_add_column (table, _("Brought by"), CRM_REPORT_ALIGN_START, TRUE);
  crm_report_table_add_column (table, _("Revenue"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Share"), CRM_REPORT_ALIGN_END, FALSE);
  crm_report_table_add_column (table, _("Cumulative share"), CRM_REPORT_ALIGN_END, FALSE);

  for (guint i = 0; i < MIN (items->len, max); i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      guint r = crm_report_table_add_row (table, CRM_REPORT_ROW_NORMAL);
      CrmReportTone tone = i < n_80 ? CRM_REPORT_TONE_STRONG : CRM_REPORT_TONE_NORMAL;

      cumulative += item->revenue;
      report_cell (table, r, 0, report_count (i + 1));
      crm_report_table_set (table, r, 1, item->name, tone);
      if (with_owner)
        {
          if (item->owner != NULL)
            crm_report_table_set (table, r, 2, item->owner, CRM_REPORT_TONE_NORMAL);
          else
            crm_report_table_set (table, r, 2, _("nobody"), CRM_REPORT_TONE_MUTED);
        }
      report_cell (table, r, first_money, report_money (data, item->revenue));
      report_cell (table, r, first_money + 1, report_share (crm_kpi_ratio (item->revenue, total)));
      report_cell_percent (table, r, first_money + 2, crm_kpi_ratio (cumulative, total), FALSE);
    }
  return table;
}

static void
add_section (CrmReportDoc *doc, const CrmReportData *data, const char *heading, CrmReportBlock *chart, GArray *items,
             const char *what, gboolean with_owner, const CrmPareto *p)
{
  guint max = with_owner ? MIN (MAX_CLIENTS, MAX (p->items_for_80, 10)) : items->len;

  g_array_sort (items, compare_items);
  crm_report_doc_add (doc, crm_report_heading_new (heading));
  crm_report_doc_add (doc, chart);
  if (items->len == 0)
    return;
  crm_report_doc_add (doc, ranked_table (data, items, what, with_owner, max, p->total, p->items_for_80));
  if (with_owner && items->len > max)
    {
      g_autofree char *text = NULL;

      if (p->items_for_80 > max)
        text = g_strdup_printf (_("The %1$u clients with the most revenue are listed; %2$u clients make 80%% of it."),
                                max, p->items_for_80);
      else
        text = g_strdup_printf (_("The clients in bold make 80%% of the revenue; the next ones are listed up to %u."),
                                max);
      crm_report_doc_add (doc, crm_report_note_new (text));
    }
}

CrmReportDoc *
report_build_pareto (const CrmReportData *data)
{
  const CrmKpiReport *kpi = data->kpi;
  const CrmKpiRow *team = report_subject_row (kpi);
  CrmReportDoc *doc = report_doc_new (data, CRM_REPORT_PARETO);
  CrmReportBlock *figures = crm_report_figures_new (3);
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint i = 0; i < data->clients->len; i++)
    {
      const CrmKpiClientLine *line = data->clients->pdata[i];
      if (line->revenue > 0)
        g_array_append_val (clients, ((Item) { line->name, line->manager_name, line->revenue }));
    }
  for (guint i = 0; i < kpi->managers->len; i++)
    {
      const CrmKpiRow *row = kpi->managers->pdata[i];
      if (row->figures.revenue > 0)
        g_array_append_val (managers, ((Item) { row->name, NULL, row->figures.revenue }));
    }
  for (int s = 0; s < CRM_N_SOURCES; s++)
    if (team->figures.revenue_by_source[s] > 0)
      g_array_append_val (channels, ((Item) { crm_client_source_to_label (s), NULL, team->figures.revenue_by_source[s] }));

  crm_report_doc_add (doc, crm_report_heading_new (_("Summary")));
  add_figure (figures, _("Clients"), &kpi->pareto_clients, _("No client paid in the period"));
  add_figure (figures, _("Managers"), &kpi->pareto_managers, _("No manager brought revenue"));
  add_figure (figures, _("Channels"), &kpi->pareto_sources, _("No revenue in the period"));
  crm_report_doc_add (doc, figures);
  /* xgettext:no-c-format */
  crm_report_doc_add (doc, crm_report_text_new (_("The 80/20 rule says that a few clients bring most of the money. "
                                                  "Here the clients, managers and channels are sorted by their "
                                                  "revenue in the period, largest first, and counted until they "
                                                  "make 80% of it: the fewer they are, the more the business "
                                                  "depends on them.")));

  add_section (doc, data, _("Clients"), report_chart_pareto_clients (data, 200), clients, _("Client"), TRUE, &kpi->pareto_clients);
  add_section (doc, data, _("Managers"), report_chart_pareto_managers (data, 190), managers, _("Manager"), FALSE, &kpi->pareto_managers);
  add_section (doc, data, _("Channels"), report_chart_pareto_channels (data, 180), channels, _("Channel"), FALSE, &kpi->pareto_sources);
  return doc;
}
