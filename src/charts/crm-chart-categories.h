/* crm-chart-categories.h — the names under the columns of a bar chart
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
  guint    n;
  char   **texts;     /* what is written under each category; no two the same */
  double  *widths;    /* their widths, level */
  double   angle;     /* 0 (level), G_PI / 4 or G_PI / 2 (upright, read upwards) */
  guint    every;     /* 1: every category named; 2: every other … */
  double   extent;    /* the height they take under their top */
  double   line;      /* the height of a line of them */
} CrmChartCategories;

void     crm_chart_categories_layout (CrmChartCategories       *cats,
                                      cairo_t                  *cr,
                                      const char * const       *labels,
                                      guint                     n,
                                      double                    slot,
                                      double                    room_left,
                                      double                    max_extent);
void     crm_chart_categories_clear  (CrmChartCategories       *cats);
gboolean crm_chart_categories_shown  (const CrmChartCategories *cats,
                                      guint                     i);
void     crm_chart_categories_draw   (cairo_t                  *cr,
                                      const CrmChartCategories *cats,
                                      guint                     i,
                                      double                    x,
                                      double                    top,
                                      const CrmChartColor      *color);
char    *crm_chart_text_shorten      (cairo_t                  *cr,
                                      const char               *text,
                                      double                    max_width);

G_END_DECLS
