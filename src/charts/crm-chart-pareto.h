/* crm-chart-pareto.h — the 80/20 chart: who makes the revenue
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-chart-frame.h"
#include "crm-chart-grid.h"
#include "crm-chart-palette.h"
#include "crm-chart-text.h"

G_BEGIN_DECLS

/* What the items are: it chooses the words of "12 of 150 clients". */
typedef enum {
  CRM_CHART_PARETO_CLIENTS,
  CRM_CHART_PARETO_MANAGERS,
  CRM_CHART_PARETO_CHANNELS,
} CrmChartParetoItems;

typedef struct {
  char   *label;
  gint64  amount;        /* minor units; zero and negative amounts make no share */
} CrmChartParetoItem;

typedef struct {
  char               *title;
  CrmChartParetoItems what;
  char               *currency;
  GArray             *items;   /* CrmChartParetoItem, in any order */
} CrmChartParetoData;

typedef struct {
  guint  n;
  guint *order;          /* item indices, largest amount first */
  double *cumulative;    /* the cumulative share after each rank, 0…1 */
  guint  n_80;           /* how many items make 80% of the total */
  gint64 total;          /* of the positive amounts */
} CrmChartParetoRanking;

typedef struct {
  CrmChartFrame         frame;
  CrmChartGrid          grid;
  CrmChartParetoRanking ranking;
  CrmChartRect         *bars;      /* by rank */
  double                slot;      /* the width given to each rank */
  double                bar_width;
  double                marker_x;  /* the right edge of the items that make 80% */
} CrmChartParetoLayout;

CrmChartParetoData   *crm_chart_pareto_data_new      (const char                 *title,
                                                      CrmChartParetoItems         what,
                                                      const char                 *currency);
void                  crm_chart_pareto_data_add      (CrmChartParetoData         *data,
                                                      const char                 *label,
                                                      gint64                      amount);
void                  crm_chart_pareto_data_free     (CrmChartParetoData         *data);
void                  crm_chart_pareto_rank          (const CrmChartParetoData   *data,
                                                      CrmChartParetoRanking      *ranking);
void                  crm_chart_pareto_ranking_clear (CrmChartParetoRanking      *ranking);
char                 *crm_chart_pareto_headline      (const CrmChartParetoData   *data,
                                                      const CrmChartParetoRanking *ranking);

CrmChartParetoLayout *crm_chart_pareto_layout_new    (const CrmChartParetoData   *data,
                                                      cairo_t                    *cr,
                                                      double                      width,
                                                      double                      height);
void                  crm_chart_pareto_layout_free   (CrmChartParetoLayout       *layout);
void                  crm_chart_pareto_draw          (cairo_t                    *cr,
                                                      const CrmChartParetoData   *data,
                                                      const CrmChartParetoLayout *layout,
                                                      const CrmChartPalette      *palette,
                                                      int                         highlight);
int                   crm_chart_pareto_hit_test      (const CrmChartParetoLayout *layout,
                                                      double                      x,
                                                      double                      y);
char                 *crm_chart_pareto_tooltip       (const CrmChartParetoData   *data,
                                                      int                         index);
char                 *crm_chart_pareto_describe      (const CrmChartParetoData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartParetoData, crm_chart_pareto_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartParetoLayout, crm_chart_pareto_layout_free)

G_END_DECLS
