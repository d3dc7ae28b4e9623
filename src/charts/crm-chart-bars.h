/* crm-chart-bars.h — plan and actual per manager, as grouped bars
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-chart-categories.h"
#include "crm-chart-frame.h"
#include "crm-chart-grid.h"
#include "crm-chart-palette.h"
#include "crm-chart-text.h"

G_BEGIN_DECLS

typedef struct {
  char     *label;      /* under the bars: short, "Petrova" */
  char     *full_label; /* in the tooltip and the words, or NULL: the label */
  gint64    plan;       /* meaningful when has_plan */
  gint64    actual;
  gboolean  has_plan;   /* no target: no plan bar and no achievement, not 0% */
} CrmChartBarsItem;

typedef struct {
  char         *title;
  CrmChartUnit  unit;
  char         *currency;
  GArray       *items;  /* CrmChartBarsItem */
} CrmChartBarsData;

typedef struct {
  CrmChartRect column;  /* the hit area: both bars and the label, full height */
  CrmChartRect plan;    /* empty without a plan */
  CrmChartRect actual;
  double       target_y;
} CrmChartBarsElement;

typedef struct {
  CrmChartFrame        frame;
  CrmChartGrid         grid;
  guint                n;
  CrmChartBarsElement *elements;
  double               slot;     /* the width given to each manager */
  CrmChartCategories   names;    /* the labels under the bars */
} CrmChartBarsLayout;

CrmChartBarsData   *crm_chart_bars_data_new           (const char               *title,
                                                       CrmChartUnit              unit,
                                                       const char               *currency);
void                crm_chart_bars_data_add           (CrmChartBarsData         *data,
                                                       const char               *label,
                                                       gint64                    plan,
                                                       gint64                    actual);
void                crm_chart_bars_data_add_unplanned (CrmChartBarsData         *data,
                                                       const char               *label,
                                                       gint64                    actual);
void                crm_chart_bars_data_set_full_label (CrmChartBarsData     *data,
                                                       const char               *full_label);
void                crm_chart_bars_data_free          (CrmChartBarsData         *data);

CrmChartBarsLayout *crm_chart_bars_layout_new         (const CrmChartBarsData   *data,
                                                       cairo_t                  *cr,
                                                       double                    width,
                                                       double                    height);
void                crm_chart_bars_layout_free        (CrmChartBarsLayout       *layout);
void                crm_chart_bars_draw               (cairo_t                  *cr,
                                                       const CrmChartBarsData   *data,
                                                       const CrmChartBarsLayout *layout,
                                                       const CrmChartPalette    *palette,
                                                       int                       highlight);
int                 crm_chart_bars_hit_test           (const CrmChartBarsLayout *layout,
                                                       double                    x,
                                                       double                    y);
char               *crm_chart_bars_tooltip            (const CrmChartBarsData   *data,
                                                       int                       index);
char               *crm_chart_bars_describe           (const CrmChartBarsData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartBarsData, crm_chart_bars_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartBarsLayout, crm_chart_bars_layout_free)

G_END_DECLS
