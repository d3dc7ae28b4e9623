/* crm-chart-trend.h — revenue by month, against the previous year
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

typedef struct {
  char     *label;         /* "Jan" */
  gint64    value;
  gint64    previous;      /* the same month of the previous year */
  gboolean  has_value;     /* FALSE for a month still to come: the line breaks */
  gboolean  has_previous;
} CrmChartTrendPoint;

typedef struct {
  char         *title;
  char         *series_label;    /* "2026"; NULL: "This year" */
  char         *previous_label;  /* "2025"; NULL: "Last year" */
  CrmChartUnit  unit;
  char         *currency;
  GArray       *points;          /* CrmChartTrendPoint, in time order */
} CrmChartTrendData;

typedef struct {
  CrmChartRect column;   /* the hit area: the month's full column */
  double       x;
  double       y;        /* meaningful when the point has a value */
  double       previous_y;
} CrmChartTrendElement;

typedef struct {
  CrmChartFrame         frame;
  CrmChartGrid          grid;
  guint                 n;
  CrmChartTrendElement *elements;
  guint                 label_every;  /* 1: every month named; 2: every other … */
} CrmChartTrendLayout;

CrmChartTrendData   *crm_chart_trend_data_new    (const char                *title,
                                                  CrmChartUnit               unit,
                                                  const char                *currency,
                                                  const char                *series_label,
                                                  const char                *previous_label);
void                 crm_chart_trend_data_add    (CrmChartTrendData         *data,
                                                  const char                *label,
                                                  const gint64              *value,
                                                  const gint64              *previous);
void                 crm_chart_trend_data_free   (CrmChartTrendData         *data);

CrmChartTrendLayout *crm_chart_trend_layout_new  (const CrmChartTrendData   *data,
                                                  cairo_t                   *cr,
                                                  double                     width,
                                                  double                     height);
void                 crm_chart_trend_layout_free (CrmChartTrendLayout       *layout);
void                 crm_chart_trend_draw        (cairo_t                   *cr,
                                                  const CrmChartTrendData   *data,
                                                  const CrmChartTrendLayout *layout,
                                                  const CrmChartPalette     *palette,
                                                  int                        highlight);
int                  crm_chart_trend_hit_test    (const CrmChartTrendLayout *layout,
                                                  double                     x,
                                                  double                     y);
char                *crm_chart_trend_tooltip     (const CrmChartTrendData   *data,
                                                  int                        index);
char                *crm_chart_trend_describe    (const CrmChartTrendData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartTrendData, crm_chart_trend_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartTrendLayout, crm_chart_trend_layout_free)

G_END_DECLS
