/* crm-chart-palette.h — the colours of the charts, light and dark
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue;   /* 0…1, sRGB */
} CrmChartColor;

#define CRM_CHART_N_SERIES 6

/* What an element is painted with: a series colour (0 … CRM_CHART_N_SERIES-1,
 * larger values wrap around) or one of the roles below. */
typedef enum {
  CRM_CHART_INK_NEUTRAL = 100,  /* plan bars, the previous year */
  CRM_CHART_INK_TARGET,         /* the 100% and 80% markers */
} CrmChartInk;

typedef struct {
  gboolean      dark;
  CrmChartColor background;
  CrmChartColor text;
  CrmChartColor text_dim;     /* axis labels, secondary text */
  CrmChartColor grid;         /* decorative grid lines */
  CrmChartColor axis;         /* the zero line and axis baselines */
  CrmChartColor neutral;
  CrmChartColor target;
  CrmChartColor on_series;    /* text drawn on a filled series colour */
  CrmChartColor series[CRM_CHART_N_SERIES];
} CrmChartPalette;

const CrmChartPalette *crm_chart_palette_light (void);
const CrmChartPalette *crm_chart_palette_dark  (void);
const CrmChartPalette *crm_chart_palette_get   (gboolean dark);

const CrmChartColor   *crm_chart_palette_ink   (const CrmChartPalette *palette,
                                                guint                  ink);

double crm_chart_color_luminance (const CrmChartColor *color);
double crm_chart_color_contrast  (const CrmChartColor *a,
                                  const CrmChartColor *b);

void   crm_chart_set_color       (cairo_t             *cr,
                                  const CrmChartColor *color,
                                  double               alpha);

G_END_DECLS
