/* crm-chart.h — any chart: its kind and its data, drawn, hit-tested, described
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "crm-chart-bars.h"
#include "crm-chart-donut.h"
#include "crm-chart-frame.h"
#include "crm-chart-funnel.h"
#include "crm-chart-palette.h"
#include "crm-chart-pareto.h"
#include "crm-chart-scatter.h"
#include "crm-chart-trend.h"

G_BEGIN_DECLS

typedef enum {
  CRM_CHART_KIND_BARS,      /* plan and actual per manager */
  CRM_CHART_KIND_FUNNEL,
  CRM_CHART_KIND_DONUT,
  CRM_CHART_KIND_PARETO,
  CRM_CHART_KIND_TREND,
  CRM_CHART_KIND_SCATTER,   /* effort against result */
} CrmChartKind;

typedef struct _CrmChart       CrmChart;
typedef struct _CrmChartLayout CrmChartLayout;

#define CRM_TYPE_CHART (crm_chart_get_type ())

GType                crm_chart_get_type        (void) G_GNUC_CONST;

/* Each constructor takes ownership of @data. */
CrmChart            *crm_chart_new_bars        (CrmChartBarsData      *data);
CrmChart            *crm_chart_new_funnel      (CrmChartFunnelData    *data);
CrmChart            *crm_chart_new_donut       (CrmChartDonutData     *data);
CrmChart            *crm_chart_new_pareto      (CrmChartParetoData    *data);
CrmChart            *crm_chart_new_trend       (CrmChartTrendData     *data);
CrmChart            *crm_chart_new_scatter     (CrmChartScatterData   *data);
CrmChart            *crm_chart_ref             (CrmChart              *chart);
void                 crm_chart_unref           (CrmChart              *chart);

CrmChartKind         crm_chart_get_kind        (const CrmChart        *chart);
gconstpointer        crm_chart_get_data        (const CrmChart        *chart);
const char          *crm_chart_get_title       (const CrmChart        *chart);
guint                crm_chart_get_n_elements  (const CrmChart        *chart);
guint               *crm_chart_get_display_order (const CrmChart      *chart);
char                *crm_chart_get_tooltip     (const CrmChart        *chart,
                                                int                    index);
char                *crm_chart_describe        (const CrmChart        *chart);

CrmChartLayout      *crm_chart_layout_new      (CrmChart              *chart,
                                                cairo_t               *cr,
                                                double                 width,
                                                double                 height);
void                 crm_chart_layout_free     (CrmChartLayout        *layout);
CrmChart            *crm_chart_layout_get_chart (const CrmChartLayout *layout);
const CrmChartFrame *crm_chart_layout_get_frame (const CrmChartLayout *layout);
gconstpointer        crm_chart_layout_get_kind_layout (const CrmChartLayout *layout);
int                  crm_chart_layout_hit_test (const CrmChartLayout  *layout,
                                                double                 x,
                                                double                 y);
void                 crm_chart_draw            (cairo_t               *cr,
                                                const CrmChartLayout  *layout,
                                                const CrmChartPalette *palette,
                                                int                    highlight);

void                 crm_chart_render          (CrmChart              *chart,
                                                cairo_t               *cr,
                                                double                 width,
                                                double                 height,
                                                const CrmChartPalette *palette);
GBytes              *crm_chart_render_png      (CrmChart              *chart,
                                                int                    width,
                                                int                    height,
                                                int                    scale,
                                                const CrmChartPalette *palette,
                                                GError               **error);
GBytes              *crm_chart_render_svg      (CrmChart              *chart,
                                                int                    width,
                                                int                    height,
                                                const CrmChartPalette *palette,
                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChart, crm_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartLayout, crm_chart_layout_free)

G_END_DECLS
