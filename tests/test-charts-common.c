/* test-charts-common.c — what the chart suites share: charts of awkward
 * data, drawn into image surfaces, and the pixels read back
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-charts-common.h"

const char * const chart_test_data_names[N_DATA] = { "normal", "empty", "one", "zeros", "huge", "negative" };

/* ---- data ----------------------------------------------------------------- */

gint64
amount_for (DataSet set, int i, gint64 normal)
{
  switch (set)
    {
    case DATA_ZEROS:    return 0;
    case DATA_HUGE:     return HUGE_AMOUNT - i;
    case DATA_NEGATIVE: return i % 2 ? -normal : normal;
    default:            return normal;
    }
}

int
count_for (DataSet set)
{
  return set == DATA_EMPTY ? 0 : set == DATA_ONE ? 1 : 5;
}

const char * const chart_test_names[CHART_TEST_N_NAMES] = {
  "Anna Petrova", "Boris Ivanov", "Konstantin Konstantinopolsky-Shchedrin", "Dmitry Orlov", "Elena",
};

CrmChart *
make_chart (CrmChartKind kind, DataSet set)
{
  int n = count_for (set);

  switch (kind)
    {
    case CRM_CHART_KIND_BARS:
      {
        CrmChartBarsData *data = crm_chart_bars_data_new ("Revenue: plan and actual", CRM_CHART_UNIT_MONEY, "RUB");
        for (int i = 0; i < n; i++)
          if (i == 3)
            crm_chart_bars_data_add_unplanned (data, chart_test_names[i], amount_for (set, i, 300000));
          else
            crm_chart_bars_data_add (data, chart_test_names[i], amount_for (set, 0, 1000000), amount_for (set, i, 250000 * (i + 1)));
        return crm_chart_new_bars (data);
      }
    case CRM_CHART_KIND_FUNNEL:
      {
        CrmChartFunnelData *data = crm_chart_funnel_data_new ("Sales funnel");
        for (int i = 0; i < n; i++)
          crm_chart_funnel_data_add (data, chart_test_names[i], amount_for (set, i, 200 / (i + 1)));
        return crm_chart_new_funnel (data);
      }
    case CRM_CHART_KIND_DONUT:
      {
        CrmChartDonutData *data = crm_chart_donut_data_new ("Revenue by channel", NULL, "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_donut_data_add (data, chart_test_names[i], amount_for (set, i, 100000 * (i + 1)));
        return crm_chart_new_donut (data);
      }
    case CRM_CHART_KIND_PARETO:
      {
        CrmChartParetoData *data = crm_chart_pareto_data_new ("Revenue by client", CRM_CHART_PARETO_CLIENTS, "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_pareto_data_add (data, chart_test_names[i], amount_for (set, i, 100000 * (i * 7 % 5 + 1)));
        return crm_chart_new_pareto (data);
      }
    case CRM_CHART_KIND_TREND:
      {
        CrmChartTrendData *data = crm_chart_trend_data_new ("Revenue by month", CRM_CHART_UNIT_MONEY, "RUB", "2026", "2025");
        for (int i = 0; i < n; i++)
          {
            gint64 value = amount_for (set, i, 100000 * (i + 2));
            gint64 previous = amount_for (set, i + 1, 90000 * (i + 2));
            crm_chart_trend_data_add (data, chart_test_names[i], i == 2 ? NULL : &value, &previous);
          }
        return crm_chart_new_trend (data);
      }
    case CRM_CHART_KIND_SCATTER:
      {
        CrmChartScatterData *data = crm_chart_scatter_data_new ("Talk time and revenue", "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_scatter_data_add (data, chart_test_names[i], set == DATA_ZEROS ? 0 : set == DATA_HUGE ? G_GINT64_CONSTANT (100000000) * (i + 1) : 300 * (i + 1),
                                      amount_for (set, i, 100000 * (i + 1)));
        return crm_chart_new_scatter (data);
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* ---- surfaces ------------------------------------------------------------- */


void
drawing_free (Drawing *d)
{
  g_clear_pointer (&d->layout, crm_chart_layout_free);
  g_clear_pointer (&d->surface, cairo_surface_destroy);
  g_free (d);
}

Drawing *
draw (CrmChart *chart, int width, int height, int scale, const CrmChartPalette *palette, int highlight)
{
  Drawing *d = g_new0 (Drawing, 1);
  cairo_t *cr;

  d->scale = scale;
  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (d->surface, scale, scale);
  cr = cairo_create (d->surface);
  d->layout = crm_chart_layout_new (chart, cr, width, height);
  crm_chart_draw (cr, d->layout, palette, highlight);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (d->surface);
  g_assert_cmpint (cairo_surface_status (d->surface), ==, CAIRO_STATUS_SUCCESS);
  return d;
}

/* The pixel at device coordinates, as 0xAARRGGBB. */
guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + y * stride + x * 4);
}

guint32
pixel_of (const CrmChartColor *color)
{
  return 0xff000000u |
         (guint32) lround (color->red * 255) << 16 |
         (guint32) lround (color->green * 255) << 8 |
         (guint32) lround (color->blue * 255);
}

/* Pixels in the device-space rectangle that differ from @background,
 * counted up to @limit. */
guint
count_ink (cairo_surface_t *surface, int x0, int y0, int x1, int y1, guint32 background, guint limit)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));
  for (int y = MAX (y0, 0); y < y1 && n < limit; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);
      for (int x = MAX (x0, 0); x < x1 && n < limit; x++)
        if (row[x] != background)
          n++;
    }
  return n;
}

/* The run of @color pixels in column @x (device), from @y down: its length. */
int
run_down (cairo_surface_t *surface, int x, guint32 color)
{
  int height = cairo_image_surface_get_height (surface);
  int best = 0, run = 0;

  for (int y = 0; y < height; y++)
    {
      run = pixel_at (surface, x, y) == color ? run + 1 : 0;
      best = MAX (best, run);
    }
  return best;
}

void
assert_rect_finite (const CrmChartRect *r)
{
  g_assert_true (isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height));
  g_assert_cmpfloat (r->width, >=, 0);
  g_assert_cmpfloat (r->height, >=, 0);
}
