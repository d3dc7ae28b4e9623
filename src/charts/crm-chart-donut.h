/* crm-chart-donut.h — shares of a sum of money, as a donut with its total
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-chart-frame.h"
#include "crm-chart-palette.h"
#include "crm-chart-text.h"

G_BEGIN_DECLS

typedef struct {
  char   *label;
  gint64  amount;        /* minor units; a negative amount counts as 0 */
} CrmChartDonutSlice;

typedef struct {
  char   *title;
  char   *total_label;   /* written over the total in the centre; NULL: "Total" */
  char   *currency;
  GArray *slices;        /* CrmChartDonutSlice, drawn clockwise from 12 o'clock */
} CrmChartDonutData;

typedef struct {
  double start, end;     /* cairo angles in radians; start = -π/2 is 12 o'clock */
} CrmChartDonutArc;

typedef struct {
  CrmChartFrame     frame;
  double            cx, cy;
  double            outer_radius, inner_radius;
  guint             n;
  CrmChartDonutArc *arcs;
  gint64            total;
} CrmChartDonutLayout;

CrmChartDonutData   *crm_chart_donut_data_new    (const char                *title,
                                                  const char                *total_label,
                                                  const char                *currency);
void                 crm_chart_donut_data_add    (CrmChartDonutData         *data,
                                                  const char                *label,
                                                  gint64                     amount);
void                 crm_chart_donut_data_free   (CrmChartDonutData         *data);
gint64               crm_chart_donut_total       (const CrmChartDonutData   *data);

CrmChartDonutLayout *crm_chart_donut_layout_new  (const CrmChartDonutData   *data,
                                                  cairo_t                   *cr,
                                                  double                     width,
                                                  double                     height);
void                 crm_chart_donut_layout_free (CrmChartDonutLayout       *layout);
void                 crm_chart_donut_draw        (cairo_t                   *cr,
                                                  const CrmChartDonutData   *data,
                                                  const CrmChartDonutLayout *layout,
                                                  const CrmChartPalette     *palette,
                                                  int                        highlight);
int                  crm_chart_donut_hit_test    (const CrmChartDonutLayout *layout,
                                                  double                     x,
                                                  double                     y);
char                *crm_chart_donut_tooltip     (const CrmChartDonutData   *data,
                                                  int                        index);
char                *crm_chart_donut_describe    (const CrmChartDonutData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartDonutData, crm_chart_donut_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartDonutLayout, crm_chart_donut_layout_free)

G_END_DECLS
