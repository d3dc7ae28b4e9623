/* crm-chart-text.h — text and figures on the charts
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "crm-chart-palette.h"

G_BEGIN_DECLS

typedef enum {
  CRM_CHART_FONT_LABEL,   /* axis ticks, legend, element labels */
  CRM_CHART_FONT_VALUE,   /* a figure written on the chart */
  CRM_CHART_FONT_NOTE,    /* a sentence under the title */
  CRM_CHART_FONT_TITLE,
  CRM_CHART_FONT_TOTAL,   /* the figure in the centre of a donut */
} CrmChartFont;

/* What the figures of a chart count. */
typedef enum {
  CRM_CHART_UNIT_COUNT,   /* calls, meetings, deals, minutes: integers */
  CRM_CHART_UNIT_MONEY,   /* integer minor units of a currency */
} CrmChartUnit;

/* A chart's money is always a total: in whole units, like every total
 * (README, "Conventions"). */
typedef enum {
  CRM_CHART_FORMAT_WHOLE, /* labels, tooltips and descriptions: 1 234 568 ₽ */
  CRM_CHART_FORMAT_AXIS,  /* axis ticks: 1,2 млн ₽ */
} CrmChartFormat;

PangoLayout *crm_chart_text_new      (cairo_t             *cr,
                                      CrmChartFont         font,
                                      const char          *text,
                                      double               max_width);
void         crm_chart_text_get_size (PangoLayout         *layout,
                                      double              *width,
                                      double              *height);
double       crm_chart_text_width    (cairo_t             *cr,
                                      CrmChartFont         font,
                                      const char          *text);
double       crm_chart_font_height   (cairo_t             *cr,
                                      CrmChartFont         font);
void         crm_chart_text_draw     (cairo_t             *cr,
                                      PangoLayout         *layout,
                                      double               x,
                                      double               y,
                                      double               xalign,
                                      double               yalign,
                                      const CrmChartColor *color);
gboolean     crm_chart_text_show     (cairo_t             *cr,
                                      CrmChartFont         font,
                                      const char          *text,
                                      double               max_width,
                                      double               x,
                                      double               y,
                                      double               xalign,
                                      double               yalign,
                                      const CrmChartColor *color);

char        *crm_chart_format_value  (CrmChartUnit         unit,
                                      const char          *currency,
                                      gint64               value,
                                      CrmChartFormat       format);
char        *crm_chart_format_share  (double               ratio);
gint64       crm_chart_to_int64      (double               value);
gint64       crm_chart_add_int64     (gint64               a,
                                      gint64               b);
GArray      *crm_chart_items_new     (guint                element_size);
char        *crm_chart_describe_join (const char          *title,
                                      GPtrArray           *parts);

G_END_DECLS
