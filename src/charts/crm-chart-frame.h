/* crm-chart-frame.h — what every chart has around its plot
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crm-chart-palette.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} CrmChartRect;

typedef enum {
  CRM_CHART_SWATCH_BOX,      /* a filled square: bars, slices */
  CRM_CHART_SWATCH_LINE,     /* a solid line */
  CRM_CHART_SWATCH_DASH,     /* a dashed line */
} CrmChartSwatch;

typedef enum {
  CRM_CHART_LEGEND_TOP,      /* one row under the title */
  CRM_CHART_LEGEND_RIGHT,    /* a column beside the plot, with a figure per entry */
} CrmChartLegendPlace;

typedef struct {
  char          *label;
  char          *detail;     /* right-aligned figure (right legends), or NULL */
  guint          ink;        /* a series index or a CrmChartInk */
  CrmChartSwatch swatch;
  CrmChartRect   rect;       /* where it is drawn, once laid out */
} CrmChartLegendItem;

typedef struct {
  double        width, height;
  double        padding;
  char         *title;       /* NULL when there is none, or no room for it */
  CrmChartRect  title_rect;
  char         *note;        /* a sentence under the title, or NULL */
  CrmChartRect  note_rect;
  GArray       *legend;      /* CrmChartLegendItem; emptied when there is no room */
  CrmChartRect  legend_rect;
  gboolean      legend_dropped;
  CrmChartRect  plot;        /* what is left for the chart itself */
  gboolean      no_data;
} CrmChartFrame;

gboolean crm_chart_rect_contains    (const CrmChartRect  *rect,
                                     double               x,
                                     double               y);
int      crm_chart_rects_hit        (const CrmChartRect  *first,
                                     guint                n,
                                     gsize                stride,
                                     double               x,
                                     double               y);

void     crm_chart_frame_init       (CrmChartFrame       *frame,
                                     double               width,
                                     double               height,
                                     const char          *title);
void     crm_chart_frame_set_note   (CrmChartFrame       *frame,
                                     const char          *note);
void     crm_chart_frame_add_legend (CrmChartFrame       *frame,
                                     const char          *label,
                                     const char          *detail,
                                     guint                ink,
                                     CrmChartSwatch       swatch);
void     crm_chart_frame_layout     (CrmChartFrame       *frame,
                                     cairo_t             *cr,
                                     CrmChartLegendPlace  place,
                                     double               min_plot_width,
                                     double               min_plot_height);
void     crm_chart_frame_clear      (CrmChartFrame       *frame);
int      crm_chart_frame_legend_hit (const CrmChartFrame *frame,
                                     double               x,
                                     double               y);
gboolean crm_chart_frame_draw       (cairo_t             *cr,
                                     const CrmChartFrame *frame,
                                     const CrmChartPalette *palette,
                                     int                  highlight_legend);
void     crm_chart_draw_highlight   (cairo_t             *cr,
                                     const CrmChartRect  *rect,
                                     const CrmChartPalette *palette);

double   crm_chart_snap_x           (cairo_t             *cr,
                                     double               x,
                                     double               line_width);
double   crm_chart_snap_y           (cairo_t             *cr,
                                     double               y,
                                     double               line_width);
void     crm_chart_snap_rect        (cairo_t             *cr,
                                     CrmChartRect        *rect);
void     crm_chart_hline            (cairo_t             *cr,
                                     double               x0,
                                     double               x1,
                                     double               y,
                                     double               line_width);
void     crm_chart_vline            (cairo_t             *cr,
                                     double               x,
                                     double               y0,
                                     double               y1,
                                     double               line_width);

G_END_DECLS
