/* crm-chart-scatter.h — effort against result: talk hours and revenue
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
  char   *label;          /* the manager */
  gint64  talk_minutes;   /* x, shown in hours; negative counts as 0 */
  gint64  revenue;        /* y, minor units; may be negative */
} CrmChartScatterPoint;

typedef struct {
  char   *title;
  char   *currency;
  GArray *points;         /* CrmChartScatterPoint */
} CrmChartScatterData;

typedef struct {
  double       x, y;      /* the dot (moved a few pixels off another at the same place) */
  CrmChartRect label;     /* where the name is written, inside the axes; empty when it found no room */
  const char  *text;      /* the name written there: the whole one, or the surname; NULL with no room */
} CrmChartScatterElement;

typedef struct {
  CrmChartFrame           frame;
  CrmChartGrid            grid;
  guint                   n;
  CrmChartScatterElement *elements;
  double                  radius;
  char                  **short_labels;     /* the surnames (crm_short_names), for the text */
  gboolean                has_average;      /* the team's revenue per talk hour, as a line */
  double                  average_x0, average_y0, average_x1, average_y1;
} CrmChartScatterLayout;

CrmChartScatterData   *crm_chart_scatter_data_new    (const char                  *title,
                                                      const char                  *currency);
void                   crm_chart_scatter_data_add    (CrmChartScatterData         *data,
                                                      const char                  *label,
                                                      gint64                       talk_minutes,
                                                      gint64                       revenue);
void                   crm_chart_scatter_data_free   (CrmChartScatterData         *data);

CrmChartScatterLayout *crm_chart_scatter_layout_new  (const CrmChartScatterData   *data,
                                                      cairo_t                     *cr,
                                                      double                       width,
                                                      double                       height);
void                   crm_chart_scatter_layout_free (CrmChartScatterLayout       *layout);
void                   crm_chart_scatter_draw        (cairo_t                     *cr,
                                                      const CrmChartScatterData   *data,
                                                      const CrmChartScatterLayout *layout,
                                                      const CrmChartPalette       *palette,
                                                      int                          highlight);
int                    crm_chart_scatter_hit_test    (const CrmChartScatterLayout *layout,
                                                      double                       x,
                                                      double                       y);
char                  *crm_chart_scatter_tooltip     (const CrmChartScatterData   *data,
                                                      int                          index);
char                  *crm_chart_scatter_describe    (const CrmChartScatterData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartScatterData, crm_chart_scatter_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartScatterLayout, crm_chart_scatter_layout_free)

G_END_DECLS
