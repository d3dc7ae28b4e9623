/* crm-chart-palette.c — the colours of the charts, light and dark
 *
 * Every colour is taken from the GNOME palette (the one libadwaita's named
 * colours come from). The series colours are the darker shades on the light
 * background and the lighter shades on the dark one, chosen so that each has
 * a contrast of at least 3:1 with the background (WCAG 2.1, 1.4.11 non-text
 * contrast); tests/test-charts.c checks it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <math.h>

#include "crm-chart-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const CrmChartPalette light = {
  .dark       = FALSE,
  .background = RGB (0xffffff),   /* libadwaita view_bg_color */
  .text       = RGB (0x241f31),   /* dark_4 */
  .text_dim   = RGB (0x5e5c64),   /* dark_2 */
  .grid       = RGB (0xdeddda),   /* light_3 */
  .axis       = RGB (0x77767b),   /* dark_1 */
  .neutral    = RGB (0x77767b),   /* dark_1 */
  .target     = RGB (0x241f31),   /* dark_4 */
  .on_series  = RGB (0xffffff),
  .series = {
    RGB (0x1c71d8),               /* blue_4 */
    RGB (0xc64600),               /* orange_5 */
    RGB (0x26a269),               /* green_5 */
    RGB (0x9141ac),               /* purple_3 */
    RGB (0x986a44),               /* brown_3 */
    RGB (0xe01b24),               /* red_3 */
  },
};

static const CrmChartPalette dark = {
  .dark       = TRUE,
  .background = RGB (0x1e1e1e),   /* libadwaita view_bg_color, dark */
  .text       = RGB (0xffffff),   /* light_1 */
  .text_dim   = RGB (0xc0bfbc),   /* light_4 */
  .grid       = RGB (0x3d3846),   /* dark_3 */
  .axis       = RGB (0x9a9996),   /* light_5 */
  .neutral    = RGB (0x9a9996),   /* light_5 */
  .target     = RGB (0xffffff),   /* light_1 */
  .on_series  = RGB (0x1e1e1e),
  .series = {
    RGB (0x62a0ea),               /* blue_2 */
    RGB (0xffa348),               /* orange_2 */
    RGB (0x33d17a),               /* green_3 */
    RGB (0xdc8add),               /* purple_1 */
    RGB (0xcdab8f),               /* brown_1 */
    RGB (0xf66151),               /* red_1 */
  },
};

const CrmChartPalette *
crm_chart_palette_light (void)
{
  return &light;
}

const CrmChartPalette *
crm_chart_palette_dark (void)
{
  return &dark;
}

const CrmChartPalette *
crm_chart_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

const CrmChartColor *
crm_chart_palette_ink (const CrmChartPalette *palette, guint ink)
{
  g_return_val_if_fail (palette != NULL, NULL);

  switch (ink)
    {
    case CRM_CHART_INK_NEUTRAL:
      return &palette->neutral;
    case CRM_CHART_INK_TARGET:
      return &palette->target;
    default:
      return &palette->series[ink % CRM_CHART_N_SERIES];
    }
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance, WCAG 2.1. */
double
crm_chart_color_luminance (const CrmChartColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* Contrast ratio, 1 … 21. */
double
crm_chart_color_contrast (const CrmChartColor *a, const CrmChartColor *b)
{
  double la = crm_chart_color_luminance (a);
  double lb = crm_chart_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
crm_chart_set_color (cairo_t *cr, const CrmChartColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}
