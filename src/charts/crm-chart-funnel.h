/* crm-chart-funnel.h — the sales funnel: deals per stage and conversion
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
  gint64  count;    /* deals that reached the stage; negative counts as 0 */
} CrmChartFunnelStage;

typedef struct {
  char   *title;
  GArray *stages;   /* CrmChartFunnelStage, first stage first */
} CrmChartFunnelData;

typedef struct {
  CrmChartRect row;  /* the hit area: the whole row */
  CrmChartRect bar;  /* centred, its width proportional to the count */
} CrmChartFunnelElement;

typedef struct {
  CrmChartFrame          frame;
  guint                  n;
  CrmChartFunnelElement *elements;
  CrmChartRect           labels;   /* the column of stage names */
  CrmChartRect           funnel;   /* the column of the bars */
  CrmChartRect           rates;    /* the column of conversions; empty when dropped */
} CrmChartFunnelLayout;

CrmChartFunnelData   *crm_chart_funnel_data_new    (const char                 *title);
void                  crm_chart_funnel_data_add    (CrmChartFunnelData         *data,
                                                    const char                 *label,
                                                    gint64                      count);
void                  crm_chart_funnel_data_free   (CrmChartFunnelData         *data);
double                crm_chart_funnel_conversion  (const CrmChartFunnelData   *data,
                                                    guint                       stage);

CrmChartFunnelLayout *crm_chart_funnel_layout_new  (const CrmChartFunnelData   *data,
                                                    cairo_t                    *cr,
                                                    double                      width,
                                                    double                      height);
void                  crm_chart_funnel_layout_free (CrmChartFunnelLayout       *layout);
void                  crm_chart_funnel_draw        (cairo_t                    *cr,
                                                    const CrmChartFunnelData   *data,
                                                    const CrmChartFunnelLayout *layout,
                                                    const CrmChartPalette      *palette,
                                                    int                         highlight);
int                   crm_chart_funnel_hit_test    (const CrmChartFunnelLayout *layout,
                                                    double                      x,
                                                    double                      y);
char                 *crm_chart_funnel_tooltip     (const CrmChartFunnelData   *data,
                                                    int                         index);
char                 *crm_chart_funnel_describe    (const CrmChartFunnelData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartFunnelData, crm_chart_funnel_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartFunnelLayout, crm_chart_funnel_layout_free)

G_END_DECLS
