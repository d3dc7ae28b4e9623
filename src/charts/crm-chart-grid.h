/* crm-chart-grid.h — value axes and grid lines of the bar and line charts
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-chart-axis.h"
#include "crm-chart-frame.h"
#include "crm-chart-text.h"

G_BEGIN_DECLS

/* Between the axes and their labels. */
#define CRM_CHART_GRID_LABEL_GAP 6.0

typedef enum {
  CRM_CHART_GRID_CATEGORIES = 1 << 0,  /* a row of labels under the area */
  CRM_CHART_GRID_PERCENT    = 1 << 1,  /* a right axis 0–100% */
  CRM_CHART_GRID_X_VALUES   = 1 << 2,  /* a numeric x axis (hours) */
} CrmChartGridFlags;

typedef struct {
  CrmChartGridFlags flags;
  CrmChartRect      area;          /* where the data is drawn, inside the axes */
  CrmChartAxis      y;
  CrmChartAxis      x;             /* with CRM_CHART_GRID_X_VALUES */
  int               x_decimals;
  CrmChartUnit      unit;
  char              currency[8];
  double            label_height;
  double            percent_step;  /* with CRM_CHART_GRID_PERCENT */
} CrmChartGrid;

void   crm_chart_grid_layout        (CrmChartGrid          *grid,
                                     cairo_t               *cr,
                                     const CrmChartRect    *plot,
                                     CrmChartGridFlags      flags,
                                     CrmChartUnit           unit,
                                     const char            *currency,
                                     double                 y_min,
                                     double                 y_max,
                                     double                 x_max);
double crm_chart_grid_y             (const CrmChartGrid    *grid,
                                     double                 value);
double crm_chart_grid_x             (const CrmChartGrid    *grid,
                                     double                 value);
double crm_chart_grid_percent_y     (const CrmChartGrid    *grid,
                                     double                 ratio);
void   crm_chart_grid_draw          (cairo_t               *cr,
                                     const CrmChartGrid    *grid,
                                     const CrmChartPalette *palette);
void   crm_chart_grid_draw_zero     (cairo_t               *cr,
                                     const CrmChartGrid    *grid,
                                     const CrmChartPalette *palette);
void   crm_chart_grid_draw_category (cairo_t               *cr,
                                     const CrmChartGrid    *grid,
                                     const char            *label,
                                     double                 center_x,
                                     double                 max_width,
                                     const CrmChartPalette *palette);
char  *crm_chart_grid_format_x      (const CrmChartGrid    *grid,
                                     double                 value);

G_END_DECLS
