/* crm-chart-view.h — a chart on screen, with hover, tooltips and export
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-chart.h"

G_BEGIN_DECLS

typedef enum {
  CRM_CHART_VIEW_PNG,
  CRM_CHART_VIEW_SVG,
} CrmChartViewFormat;

#define CRM_TYPE_CHART_VIEW (crm_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmChartView, crm_chart_view, CRM, CHART_VIEW, GtkDrawingArea)

GtkWidget  *crm_chart_view_new             (void);
void        crm_chart_view_set_chart       (CrmChartView       *self,
                                            CrmChart           *chart);
CrmChart   *crm_chart_view_get_chart       (CrmChartView       *self);
int         crm_chart_view_get_highlighted (CrmChartView       *self);
int         crm_chart_view_hit_test        (CrmChartView       *self,
                                            double              x,
                                            double              y);
char       *crm_chart_view_get_tooltip_at  (CrmChartView       *self,
                                            double              x,
                                            double              y);
const char *crm_chart_view_get_description (CrmChartView       *self);
const CrmChartPalette *crm_chart_view_get_palette (CrmChartView *self);
GBytes     *crm_chart_view_render          (CrmChartView       *self,
                                            CrmChartViewFormat  format,
                                            GError            **error);
GdkTexture *crm_chart_view_render_texture  (CrmChartView       *self);
void        crm_chart_view_copy_image      (CrmChartView       *self);
void        crm_chart_view_save_to         (CrmChartView       *self,
                                            CrmChartViewFormat  format,
                                            GFile              *file);

G_END_DECLS
