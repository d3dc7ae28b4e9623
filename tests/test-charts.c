/* test-charts.c — the charts drawn with Cairo, without GTK
 *
 * Every chart is drawn into image surfaces of several sizes and scales with
 * awkward data; the geometry is checked by reading the pixels back, the
 * hit-tests against the same layouts, and the words against the figures.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-chart.h"
#include "crm-test-util.h"

#define HUGE_AMOUNT G_GINT64_CONSTANT (1000000000000000)   /* 1e15 minor units */

typedef enum {
  DATA_NORMAL,
  DATA_EMPTY,
  DATA_ONE,
  DATA_ZEROS,
  DATA_HUGE,
  DATA_NEGATIVE,
  N_DATA,
} DataSet;

static const char *data_names[] = { "normal", "empty", "one", "zeros", "huge", "negative" };

/* ---- data ----------------------------------------------------------------- */

static gint64
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

static int
count_for (DataSet set)
{
  return set == DATA_EMPTY ? 0 : set == DATA_ONE ? 1 : 5;
}

static const char *names[] = {
  "Anna Petrova", "Boris Ivanov", "Konstantin Konstantinopolsky-Shchedrin", "Dmitry Orlov", "Elena",
};

static CrmChart *
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
            crm_chart_bars_data_add_unplanned (data, names[i], amount_for (set, i, 300000));
          else
            crm_chart_bars_data_add (data, names[i], amount_for (set, 0, 1000000), amount_for (set, i, 250000 * (i + 1)));
        return crm_chart_new_bars (data);
      }
    case CRM_CHART_KIND_FUNNEL:
      {
        CrmChartFunnelData *data = crm_chart_funnel_data_new ("Sales funnel");
        for (int i = 0; i < n; i++)
          crm_chart_funnel_data_add (data, names[i], amount_for (set, i, 200 / (i + 1)));
        return crm_chart_new_funnel (data);
      }
    case CRM_CHART_KIND_DONUT:
      {
        CrmChartDonutData *data = crm_chart_donut_data_new ("Revenue by channel", NULL, "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_donut_data_add (data, names[i], amount_for (set, i, 100000 * (i + 1)));
        return crm_chart_new_donut (data);
      }
    case CRM_CHART_KIND_PARETO:
      {
        CrmChartParetoData *data = crm_chart_pareto_data_new ("Revenue by client", CRM_CHART_PARETO_CLIENTS, "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_pareto_data_add (data, names[i], amount_for (set, i, 100000 * (i * 7 % 5 + 1)));
        return crm_chart_new_pareto (data);
      }
    case CRM_CHART_KIND_TREND:
      {
        CrmChartTrendData *data = crm_chart_trend_data_new ("Revenue by month", CRM_CHART_UNIT_MONEY, "RUB", "2026", "2025");
        for (int i = 0; i < n; i++)
          {
            gint64 value = amount_for (set, i, 100000 * (i + 2));
            gint64 previous = amount_for (set, i + 1, 90000 * (i + 2));
            crm_chart_trend_data_add (data, names[i], i == 2 ? NULL : &value, &previous);
          }
        return crm_chart_new_trend (data);
      }
    case CRM_CHART_KIND_SCATTER:
      {
        CrmChartScatterData *data = crm_chart_scatter_data_new ("Talk time and revenue", "RUB");
        for (int i = 0; i < n; i++)
          crm_chart_scatter_data_add (data, names[i], set == DATA_ZEROS ? 0 : set == DATA_HUGE ? G_GINT64_CONSTANT (100000000) * (i + 1) : 300 * (i + 1),
                                      amount_for (set, i, 100000 * (i + 1)));
        return crm_chart_new_scatter (data);
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* ---- surfaces ------------------------------------------------------------- */

typedef struct {
  cairo_surface_t *surface;
  CrmChartLayout  *layout;
  int              scale;
} Drawing;

static void
drawing_free (Drawing *d)
{
  g_clear_pointer (&d->layout, crm_chart_layout_free);
  g_clear_pointer (&d->surface, cairo_surface_destroy);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drawing, drawing_free)

static Drawing *
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
static guint32
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

static guint32
pixel_of (const CrmChartColor *color)
{
  return 0xff000000u |
         (guint32) lround (color->red * 255) << 16 |
         (guint32) lround (color->green * 255) << 8 |
         (guint32) lround (color->blue * 255);
}

/* Pixels in the device-space rectangle that differ from @background,
 * counted up to @limit. */
static guint
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
static int
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

static void
assert_rect_finite (const CrmChartRect *r)
{
  g_assert_true (isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height));
  g_assert_cmpfloat (r->width, >=, 0);
  g_assert_cmpfloat (r->height, >=, 0);
}

/* ---- tests ---------------------------------------------------------------- */

/* WCAG 2.1 1.4.11: graphical elements at least 3:1 against the background;
 * text at least 4.5:1. */
static void
test_palette_contrast (void)
{
  const CrmChartPalette *palettes[] = { crm_chart_palette_light (), crm_chart_palette_dark () };

  g_assert_true (crm_chart_palette_get (FALSE) == palettes[0]);
  g_assert_true (crm_chart_palette_get (TRUE) == palettes[1]);
  g_assert_false (palettes[0]->dark);
  g_assert_true (palettes[1]->dark);
  for (gsize p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      const CrmChartPalette *pal = palettes[p];
      const CrmChartColor *bg = &pal->background;

      for (int i = 0; i < CRM_CHART_N_SERIES; i++)
        {
          double c = crm_chart_color_contrast (&pal->series[i], bg);
          g_test_message ("%s series %d: %.2f:1", pal->dark ? "dark" : "light", i, c);
          g_assert_cmpfloat (c, >=, 3.0);
        }
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->neutral, bg), >=, 3.0);
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->target, bg), >=, 3.0);
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->axis, bg), >=, 3.0);
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->text, bg), >=, 7.0);
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->text_dim, bg), >=, 4.5);
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->on_series, &pal->series[0]), >=, 4.5);
      /* The plan bars stand apart from the actual bars beside them. */
      g_assert_cmpfloat (crm_chart_color_contrast (&pal->neutral, &pal->series[0]), >, 1.0);
      g_assert_true (crm_chart_palette_ink (pal, CRM_CHART_INK_NEUTRAL) == &pal->neutral);
      g_assert_true (crm_chart_palette_ink (pal, CRM_CHART_INK_TARGET) == &pal->target);
      g_assert_true (crm_chart_palette_ink (pal, CRM_CHART_N_SERIES + 1) == &pal->series[1]);
    }
  /* The formula itself: black on white is 21:1. */
  {
    CrmChartColor black = { 0, 0, 0 }, white = { 1, 1, 1 };
    g_assert_cmpfloat_with_epsilon (crm_chart_color_contrast (&black, &white), 21.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (crm_chart_color_contrast (&white, &black), 21.0, 1e-9);
  }
}

static void
test_axis_steps (void)
{
  CrmChartAxis axis;

  g_assert_cmpfloat (crm_chart_nice_step (10, 5), ==, 2);
  g_assert_cmpfloat (crm_chart_nice_step (9.3, 4), ==, 5);
  g_assert_cmpfloat (crm_chart_nice_step (0.07, 7), ==, 0.01);
  g_assert_cmpfloat (crm_chart_nice_step (0, 5), ==, 1);
  g_assert_cmpfloat (crm_chart_nice_step (NAN, 5), ==, 1);

  crm_chart_axis_compute (-130, 870, 5, &axis);
  g_assert_cmpfloat (axis.step, ==, 200);
  g_assert_cmpfloat (axis.min, ==, -200);
  g_assert_cmpfloat (axis.max, ==, 1000);
  g_assert_cmpint (axis.n_ticks, ==, 7);

  crm_chart_axis_compute (0, 1e15, 8, &axis);
  g_assert_cmpfloat (axis.max, >=, 1e15);
  g_assert_true (isfinite (axis.step));
}

/* Every chart, every awkward data set, three sizes, two scales, both
 * palettes: no crash, no cairo error, finite geometry, and something drawn. */
static void
test_render_all (void)
{
  const int sizes[][2] = { { 600, 400 }, { 200, 150 }, { 2000, 1200 } };

  for (CrmChartKind kind = CRM_CHART_KIND_BARS; kind <= CRM_CHART_KIND_SCATTER; kind++)
    for (DataSet set = 0; set < N_DATA; set++)
      for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int scale = 1; scale <= 2; scale++)
          {
            g_autoptr(CrmChart) chart = make_chart (kind, set);
            const CrmChartPalette *palette = crm_chart_palette_get (scale == 2);
            g_autoptr(Drawing) d = draw (chart, sizes[s][0], sizes[s][1], scale, palette, 0);
            const CrmChartFrame *frame = crm_chart_layout_get_frame (d->layout);
            g_autofree char *words = crm_chart_describe (chart);
            guint32 bg = pixel_of (&palette->background);
            int w = sizes[s][0] * scale, h = sizes[s][1] * scale;

            g_test_message ("kind %d, %s, %d×%d @%d", kind, data_names[set], sizes[s][0], sizes[s][1], scale);
            assert_rect_finite (&frame->plot);
            g_assert_cmphex (pixel_at (d->surface, 0, 0), ==, bg);
            g_assert_cmpuint (count_ink (d->surface, 0, 0, w, h, bg, 1), ==, 1);
            g_assert_nonnull (words);
            g_assert_true (g_utf8_validate (words, -1, NULL));
            for (guint i = 0; i < crm_chart_get_n_elements (chart); i++)
              {
                g_autofree char *tip = crm_chart_get_tooltip (chart, (int) i);
                g_assert_nonnull (tip);
              }
            g_assert_null (crm_chart_get_tooltip (chart, -1));
            g_assert_null (crm_chart_get_tooltip (chart, (int) crm_chart_get_n_elements (chart)));
            /* Hit-testing anywhere returns an element or -1, never garbage. */
            for (int y = 0; y < sizes[s][1]; y += 37)
              for (int x = 0; x < sizes[s][0]; x += 41)
                {
                  int hit = crm_chart_layout_hit_test (d->layout, x, y);
                  g_assert_cmpint (hit, >=, -1);
                  g_assert_cmpint (hit, <, (int) crm_chart_get_n_elements (chart));
                }
          }
}

/* Bar heights are proportional to the data: measured on the pixels. */
static void
test_bars_proportional (void)
{
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(CrmChartBarsData) data = crm_chart_bars_data_new (NULL, CRM_CHART_UNIT_COUNT, NULL);
      g_autoptr(CrmChart) chart = NULL;
      g_autoptr(Drawing) d = NULL;
      const CrmChartPalette *palette = crm_chart_palette_light ();
      const CrmChartBarsLayout *layout;
      guint32 blue = pixel_of (&palette->series[0]);
      const gint64 values[] = { 100, 200, 400, 50 };
      int heights[G_N_ELEMENTS (values)];

      for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
        crm_chart_bars_data_add_unplanned (data, names[i], values[i]);
      chart = crm_chart_new_bars (g_steal_pointer (&data));
      d = draw (chart, 600, 400, scale, palette, -1);
      layout = crm_chart_layout_get_kind_layout (d->layout);
      g_assert_cmpuint (layout->n, ==, G_N_ELEMENTS (values));

      for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
        {
          const CrmChartRect *bar = &layout->elements[i].actual;
          int x = (int) ((bar->x + bar->width / 2) * scale);

          heights[i] = run_down (d->surface, x, blue);
          g_test_message ("scale %d: bar %zu is %d px for %" G_GINT64_FORMAT, scale, i, heights[i], values[i]);
          /* The layout says the same as the pixels. */
          g_assert_cmpfloat (fabs (bar->height * scale - heights[i]), <=, 1.0);
        }
      /* Pixels per unit from the tallest bar (the least rounding error);
       * every bar within a pixel and a half of value × that. */
      g_assert_cmpint (heights[2], >, 200 * scale);
      for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
        {
          double expected = heights[2] * (double) values[i] / (double) values[2];
          g_assert_cmpfloat (fabs (heights[i] - expected), <=, 1.5);
        }
    }
}

/* Bar edges lie on the device pixel grid: at scale 1 and 2 a row across a
 * bar holds only the bar's colour and the background, no blended pixels. */
static void
test_bars_sharp (void)
{
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_BARS, DATA_NORMAL);
      const CrmChartPalette *palette = crm_chart_palette_light ();
      g_autoptr(Drawing) d = draw (chart, 600, 400, scale, palette, -1);
      const CrmChartBarsLayout *layout = crm_chart_layout_get_kind_layout (d->layout);
      const CrmChartRect *bar = &layout->elements[1].actual;
      const CrmChartRect *plan = &layout->elements[1].plan;
      int y = (int) ((bar->y + bar->height - 3) * scale);
      guint32 blue = pixel_of (&palette->series[0]);
      guint32 grey = pixel_of (&palette->neutral);
      guint32 bg = pixel_of (&palette->background);

      for (int x = (int) ((plan->x - 6) * scale); x < (int) ((bar->x + bar->width + 6) * scale); x++)
        {
          guint32 p = pixel_at (d->surface, x, y);
          g_assert_true (p == blue || p == grey || p == bg);
        }
      /* Snapped edges are whole device pixels. */
      g_assert_cmpfloat (fmod (bar->x * scale, 1.0), ==, 0.0);
      g_assert_cmpfloat (fmod (bar->width * scale, 1.0), ==, 0.0);
      g_assert_cmpfloat (fmod (bar->y * scale, 1.0), ==, 0.0);
    }
}

static void
test_snap (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr;

  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_set_device_scale (surface, scale, scale);
      cr = cairo_create (surface);
      /* A 1-unit line covers one pixel at scale 1 (centre on .5) and two at
       * scale 2 (centre on a pixel edge). */
      g_assert_cmpfloat (crm_chart_snap_x (cr, 10.2, 1) * scale, ==, scale == 1 ? 10.5 : 20.0);
      g_assert_cmpfloat (crm_chart_snap_y (cr, 7.9, 2) * scale, ==, scale == 1 ? 8.0 : 16.0);
      {
        CrmChartRect r = { 1.3, 2.6, 10.1, 3.3 };
        crm_chart_snap_rect (cr, &r);
        g_assert_cmpfloat (fmod (r.x * scale, 1.0), ==, 0);
        g_assert_cmpfloat (fmod (r.y * scale, 1.0), ==, 0);
        g_assert_cmpfloat (fmod (r.width * scale, 1.0), ==, 0);
        g_assert_cmpfloat (fmod (r.height * scale, 1.0), ==, 0);
      }
      cairo_translate (cr, 0.25, 0);
      /* Translated by a quarter pixel, the line still lands on the grid. */
      g_assert_cmpfloat ((crm_chart_snap_x (cr, 10.2, 1) + 0.25) * scale, ==, scale == 1 ? 10.5 : 21.0);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
}

static void
test_bars_hit_test (void)
{
  g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_BARS, DATA_NORMAL);
  g_autoptr(Drawing) d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
  const CrmChartBarsLayout *layout = crm_chart_layout_get_kind_layout (d->layout);

  g_assert_cmpuint (layout->n, ==, 5);
  for (guint k = 0; k < layout->n; k++)
    {
      const CrmChartBarsElement *e = &layout->elements[k];

      g_assert_cmpint (crm_chart_bars_hit_test (layout, e->actual.x + e->actual.width / 2,
                                                e->actual.y + e->actual.height / 2), ==, (int) k);
      if (e->plan.height > 0)
        g_assert_cmpint (crm_chart_bars_hit_test (layout, e->plan.x + 1, e->plan.y + e->plan.height - 1), ==, (int) k);
      else
        g_assert_cmpint (k, ==, 3);   /* the manager without a plan */
      /* Between this manager's bars and the next one's: nothing. */
      if (k + 1 < layout->n)
        {
          double gap = (e->column.x + e->column.width + layout->elements[k + 1].column.x) / 2;
          g_assert_cmpfloat (e->column.x + e->column.width, <, layout->elements[k + 1].column.x);
          g_assert_cmpint (crm_chart_bars_hit_test (layout, gap, e->actual.y + e->actual.height - 1), ==, -1);
        }
    }
  /* The title, the far left: nothing. */
  g_assert_cmpint (crm_chart_layout_hit_test (d->layout, 5, 5), ==, -1);
  g_assert_cmpint (crm_chart_layout_hit_test (d->layout, -10, 200), ==, -1);
  g_assert_cmpint (crm_chart_layout_hit_test (d->layout, 599, 399), ==, -1);
  /* The plan marker sits at the plan value: 100% of 1 000 000. */
  {
    const CrmChartBarsElement *e = &layout->elements[0];
    g_assert_cmpfloat (fabs (e->target_y - crm_chart_grid_y (&layout->grid, 1000000)), <, 1e-9);
    g_assert_cmpfloat (fabs (e->plan.y - e->target_y), <=, 1.0);
  }
}

static void
test_donut_hit_test (void)
{
  g_autoptr(CrmChartDonutData) data = crm_chart_donut_data_new ("Revenue", NULL, "RUB");
  g_autoptr(CrmChart) chart = NULL;
  g_autoptr(Drawing) d = NULL;
  const CrmChartDonutLayout *layout;
  double mid;
  struct { double angle; int slice; } probes[] = {
    { -G_PI / 2 + 0.01, 0 }, { -G_PI / 4, 0 }, { G_PI / 4, 1 }, { G_PI / 2 - 0.01, 1 },
    { G_PI / 2 + 0.01, 2 }, { G_PI, 2 }, { -G_PI * 0.75, 2 }, { -G_PI / 2 - 0.01, 2 },
  };

  crm_chart_donut_data_add (data, "New clients", 100000);
  crm_chart_donut_data_add (data, "Repeat clients", 100000);
  crm_chart_donut_data_add (data, "Referrals", 200000);
  crm_chart_donut_data_add (data, "Nothing", 0);
  chart = crm_chart_new_donut (g_steal_pointer (&data));
  d = draw (chart, 600, 400, 1, crm_chart_palette_light (), 2);
  layout = crm_chart_layout_get_kind_layout (d->layout);

  g_assert_cmpint (layout->total, ==, 400000);
  g_assert_cmpfloat (fabs (layout->arcs[0].start + G_PI / 2), <, 1e-9);
  g_assert_cmpfloat (fabs (layout->arcs[0].end - 0), <, 1e-9);
  g_assert_cmpfloat (fabs (layout->arcs[1].end - G_PI / 2), <, 1e-9);
  g_assert_cmpfloat (fabs (layout->arcs[2].end - 3 * G_PI / 2), <, 1e-9);
  g_assert_cmpfloat (layout->arcs[3].end - layout->arcs[3].start, ==, 0);

  mid = (layout->inner_radius + layout->outer_radius) / 2;
  for (gsize i = 0; i < G_N_ELEMENTS (probes); i++)
    g_assert_cmpint (crm_chart_donut_hit_test (layout, layout->cx + cos (probes[i].angle) * mid,
                                               layout->cy + sin (probes[i].angle) * mid),
                     ==, probes[i].slice);
  /* The hole and the outside are nobody's. */
  g_assert_cmpint (crm_chart_donut_hit_test (layout, layout->cx, layout->cy), ==, -1);
  g_assert_cmpint (crm_chart_donut_hit_test (layout, layout->cx + layout->inner_radius * 0.9, layout->cy), ==, -1);
  g_assert_cmpint (crm_chart_donut_hit_test (layout, layout->cx + layout->outer_radius + 12, layout->cy), ==, -1);
  /* A legend row hits its slice. */
  g_assert_cmpuint (layout->frame.legend->len, ==, 4);
  for (guint i = 0; i < layout->frame.legend->len; i++)
    {
      const CrmChartRect *row = &g_array_index (layout->frame.legend, CrmChartLegendItem, i).rect;
      g_assert_cmpint (crm_chart_donut_hit_test (layout, row->x + row->width / 2, row->y + row->height / 2), ==, (int) i);
    }
  /* The slices are drawn where the layout says, in their colours. */
  {
    const CrmChartPalette *palette = crm_chart_palette_light ();
    g_assert_cmphex (pixel_at (d->surface, (int) (layout->cx + cos (G_PI) * mid), (int) layout->cy),
                     ==, pixel_of (&palette->series[2]));
    g_assert_cmphex (pixel_at (d->surface, (int) (layout->cx + cos (-G_PI / 4) * mid), (int) (layout->cy + sin (-G_PI / 4) * mid)),
                     ==, pixel_of (&palette->series[0]));
  }
}

static void
test_pareto (void)
{
  g_autoptr(CrmChartParetoData) data = crm_chart_pareto_data_new (NULL, CRM_CHART_PARETO_CLIENTS, "RUB");
  g_autoptr(CrmChart) chart = NULL;
  g_autoptr(Drawing) d = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *words = NULL;
  const CrmChartParetoLayout *layout;
  const gint64 amounts[] = { 500, 3000, 5000, 1000, 500, 0, -200 };
  const guint expected_order[] = { 2, 1, 3, 0, 4, 5, 6 };

  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    crm_chart_pareto_data_add (data, names[i % G_N_ELEMENTS (names)], amounts[i] * 100);
  chart = crm_chart_new_pareto (g_steal_pointer (&data));
  d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
  layout = crm_chart_layout_get_kind_layout (d->layout);

  /* Sorted largest first; 5000 + 3000 = 80% of 10 000: two items. */
  for (gsize r = 0; r < G_N_ELEMENTS (expected_order); r++)
    g_assert_cmpuint (layout->ranking.order[r], ==, expected_order[r]);
  g_assert_cmpuint (layout->ranking.n_80, ==, 2);
  g_assert_cmpint (layout->ranking.total, ==, 1000000);
  g_assert_cmpfloat_with_epsilon (layout->ranking.cumulative[0], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (layout->ranking.cumulative[1], 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (layout->ranking.cumulative[6], 1.0, 1e-12);
  for (gsize r = 1; r < G_N_ELEMENTS (amounts); r++)
    g_assert_cmpfloat (layout->bars[r].height, <=, layout->bars[r - 1].height);

  headline = crm_chart_pareto_headline (crm_chart_get_data (chart), &layout->ranking);
  g_assert_cmpstr (headline, ==, "80% of the revenue comes from 2 of 7 clients (29%)");
  g_assert_cmpstr (layout->frame.note, ==, headline);
  words = crm_chart_describe (chart);
  g_assert_nonnull (strstr (words, headline));

  /* A bar hits the item it shows, by its index as given, not its rank. */
  for (guint r = 0; r < 5; r++)
    {
      const CrmChartRect *bar = &layout->bars[r];
      g_assert_cmpint (crm_chart_pareto_hit_test (layout, bar->x + bar->width / 2, bar->y + bar->height - 1),
                       ==, (int) expected_order[r]);
    }
  /* Between two bars: nothing. */
  g_assert_cmpint (crm_chart_pareto_hit_test (layout, (layout->bars[0].x + layout->bars[0].width + layout->bars[1].x) / 2,
                                              layout->bars[1].y + layout->bars[1].height - 1), ==, -1);
  /* The 80% marker stands after the second bar. */
  g_assert_cmpfloat (layout->marker_x, >, layout->bars[1].x + layout->bars[1].width);
  g_assert_cmpfloat (layout->marker_x, <, layout->bars[2].x);

  /* Keyboard order follows the bars, largest first. */
  {
    g_autofree guint *order = crm_chart_get_display_order (chart);
    for (gsize r = 0; r < G_N_ELEMENTS (expected_order); r++)
      g_assert_cmpuint (order[r], ==, expected_order[r]);
  }

  /* A thousand clients: the chart still draws and hits. */
  {
    g_autoptr(CrmChartParetoData) many = crm_chart_pareto_data_new (NULL, CRM_CHART_PARETO_CLIENTS, "RUB");
    g_autoptr(CrmChart) many_chart = NULL;
    g_autoptr(Drawing) many_d = NULL;
    const CrmChartParetoLayout *ml;

    for (int i = 0; i < 1000; i++)
      crm_chart_pareto_data_add (many, "client", (gint64) (100000.0 / (i + 1)));
    many_chart = crm_chart_new_pareto (g_steal_pointer (&many));
    many_d = draw (many_chart, 600, 400, 1, crm_chart_palette_dark (), 10);
    ml = crm_chart_layout_get_kind_layout (many_d->layout);
    g_assert_cmpuint (ml->ranking.n_80, >, 1);
    g_assert_cmpuint (ml->ranking.n_80, <, 1000);
    g_assert_cmpint (crm_chart_pareto_hit_test (ml, ml->bars[0].x + ml->bars[0].width / 2, ml->bars[0].y + 1), ==, 0);
  }
}

static void
test_funnel (void)
{
  g_autoptr(CrmChartFunnelData) data = crm_chart_funnel_data_new ("Funnel");
  g_autoptr(CrmChart) chart = NULL;
  g_autoptr(Drawing) d = NULL;
  g_autofree char *tip = NULL;
  const CrmChartFunnelLayout *layout;
  const CrmChartFunnelData *fd;

  crm_chart_funnel_data_add (data, "New", 200);
  crm_chart_funnel_data_add (data, "Meeting", 100);
  crm_chart_funnel_data_add (data, "Proposal", 0);
  crm_chart_funnel_data_add (data, "Won", -5);
  chart = crm_chart_new_funnel (g_steal_pointer (&data));
  fd = crm_chart_get_data (chart);
  d = draw (chart, 600, 400, 1, crm_chart_palette_light (), 1);
  layout = crm_chart_layout_get_kind_layout (d->layout);

  g_assert_cmpfloat (crm_chart_funnel_conversion (fd, 0), ==, -1);
  g_assert_cmpfloat (crm_chart_funnel_conversion (fd, 1), ==, 0.5);
  g_assert_cmpfloat (crm_chart_funnel_conversion (fd, 2), ==, 0);
  g_assert_cmpfloat (crm_chart_funnel_conversion (fd, 3), ==, -1);   /* nobody in the stage above */
  /* Widths follow the counts; the funnel is centred. */
  g_assert_cmpfloat (fabs (layout->elements[1].bar.width * 2 - layout->elements[0].bar.width), <=, 2);
  g_assert_cmpfloat (layout->elements[2].bar.width, ==, 0);
  g_assert_cmpfloat (fabs ((layout->elements[0].bar.x + layout->elements[0].bar.width / 2) -
                           (layout->elements[1].bar.x + layout->elements[1].bar.width / 2)), <=, 1);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartRect *row = &layout->elements[i].row;
      g_assert_cmpint (crm_chart_funnel_hit_test (layout, row->x + 3, row->y + row->height / 2), ==, (int) i);
      if (i + 1 < layout->n)
        g_assert_cmpint (crm_chart_funnel_hit_test (layout, row->x + 3, (row->y + row->height + layout->elements[i + 1].row.y) / 2), ==, -1);
    }
  tip = crm_chart_get_tooltip (chart, 1);
  g_assert_cmpstr (tip, ==, "Meeting\nDeals: 100\nConversion from “New”: 50%");
}

static void
test_trend (void)
{
  g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_TREND, DATA_NEGATIVE);
  g_autoptr(Drawing) d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
  const CrmChartTrendLayout *layout = crm_chart_layout_get_kind_layout (d->layout);
  g_autofree char *tip = NULL;

  /* Negative months take the axis below zero. */
  g_assert_cmpfloat (layout->grid.y.min, <, 0);
  g_assert_cmpfloat (crm_chart_grid_y (&layout->grid, 0), <, layout->grid.area.y + layout->grid.area.height);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartTrendElement *e = &layout->elements[i];
      g_assert_cmpint (crm_chart_trend_hit_test (layout, e->x, layout->grid.area.y + 2), ==, (int) i);
      if (i > 0)
        g_assert_cmpfloat (e->x, >, layout->elements[i - 1].x);
    }
  g_assert_cmpint (crm_chart_trend_hit_test (layout, layout->grid.area.x - 5, layout->grid.area.y + 2), ==, -1);
  /* Month 2 has no figure this year: only last year's. */
  tip = crm_chart_get_tooltip (chart, 2);
  g_assert_null (strstr (tip, "2026"));
  g_assert_nonnull (strstr (tip, "2025"));
}

static void
test_scatter (void)
{
  g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_SCATTER, DATA_NORMAL);
  g_autoptr(Drawing) d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
  const CrmChartScatterLayout *layout = crm_chart_layout_get_kind_layout (d->layout);
  g_autofree char *tip = crm_chart_get_tooltip (chart, 1);

  g_assert_true (layout->has_average);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartScatterElement *e = &layout->elements[i];
      g_assert_cmpint (crm_chart_scatter_hit_test (layout, e->x + 2, e->y - 2), ==, (int) i);
      /* Names never cover each other. */
      for (guint j = 0; j < i; j++)
        {
          const CrmChartRect *a = &e->label, *b = &layout->elements[j].label;
          g_assert_false (a->width > 0 && b->width > 0 &&
                          a->x < b->x + b->width && b->x < a->x + a->width &&
                          a->y < b->y + b->height && b->y < a->y + a->height);
        }
      if (i > 0)
        g_assert_cmpfloat (e->x, >, layout->elements[i - 1].x);   /* more talk: further right */
    }
  g_assert_cmpint (crm_chart_scatter_hit_test (layout, layout->grid.area.x + 1, layout->grid.area.y + 1), ==, -1);
  /* 600 minutes and 2 000 ₽: 10 hours, 200 ₽ an hour. */
  g_assert_cmpstr (tip, ==, "Boris Ivanov\nTalk time: 10.0 h\nRevenue: ₽2,000\nPer talk hour: ₽200");
}

/* "No data" instead of a meaningless chart, in words and on the pixels. */
static void
test_no_data (void)
{
  for (CrmChartKind kind = CRM_CHART_KIND_BARS; kind <= CRM_CHART_KIND_SCATTER; kind++)
    for (DataSet set = DATA_EMPTY; set <= DATA_ZEROS; set++)
      {
        g_autoptr(CrmChart) chart = NULL;
        g_autoptr(Drawing) d = NULL;
        g_autofree char *words = NULL;
        const CrmChartFrame *frame;
        const CrmChartPalette *palette = crm_chart_palette_light ();
        guint32 bg = pixel_of (&palette->background);

        if (set == DATA_ONE)
          continue;
        /* Zeros are a real trend (nothing sold this year), not a lack of data. */
        if (kind == CRM_CHART_KIND_TREND && set == DATA_ZEROS)
          continue;
        chart = make_chart (kind, set);
        d = draw (chart, 600, 400, 1, palette, -1);
        frame = crm_chart_layout_get_frame (d->layout);
        words = crm_chart_describe (chart);
        g_test_message ("kind %d, %s: %s", kind, data_names[set], words);
        g_assert_true (frame->no_data);
        g_assert_true (g_str_has_suffix (words, ": no data."));
        g_assert_cmpint (crm_chart_layout_hit_test (d->layout, 300, 200), ==, -1);
        /* The words "No data" are in the middle of the plot, and nothing
         * else is drawn below the title. */
        {
          int cy = (int) (frame->plot.y + frame->plot.height / 2);
          g_assert_cmpuint (count_ink (d->surface, 250, cy - 12, 350, cy + 12, bg, 41), >, 40);
          g_assert_cmpuint (count_ink (d->surface, 0, (int) frame->plot.y, 600, cy - 14, bg, 1), ==, 0);
          g_assert_cmpuint (count_ink (d->surface, 0, cy + 14, 600, 400, bg, 1), ==, 0);
        }
      }
  /* A trend of zeros is drawn: a flat line on the zero axis. */
  {
    g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_TREND, DATA_ZEROS);
    g_autoptr(Drawing) d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
    g_assert_false (crm_chart_layout_get_frame (d->layout)->no_data);
  }
}

static void
test_legend_dropped (void)
{
  for (CrmChartKind kind = CRM_CHART_KIND_BARS; kind <= CRM_CHART_KIND_SCATTER; kind++)
    {
      g_autoptr(CrmChart) chart = make_chart (kind, DATA_NORMAL);
      g_autoptr(Drawing) big = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
      g_autoptr(Drawing) tiny = draw (chart, 200, 150, 1, crm_chart_palette_light (), -1);
      const CrmChartFrame *big_frame = crm_chart_layout_get_frame (big->layout);
      const CrmChartFrame *tiny_frame = crm_chart_layout_get_frame (tiny->layout);

      if (kind == CRM_CHART_KIND_FUNNEL)
        {
          g_assert_cmpuint (big_frame->legend->len, ==, 0);   /* a funnel has none */
          continue;
        }
      g_test_message ("kind %d: legend of %u at 600×400, %u at 200×150", kind,
                      big_frame->legend->len, tiny_frame->legend->len);
      g_assert_cmpuint (big_frame->legend->len, >, 0);
      g_assert_false (big_frame->legend_dropped);
      /* The legend never overlaps the plot. */
      g_assert_true (big_frame->legend_rect.y + big_frame->legend_rect.height <= big_frame->plot.y ||
                     big_frame->legend_rect.x >= big_frame->plot.x + big_frame->plot.width);
      if (kind == CRM_CHART_KIND_BARS || kind == CRM_CHART_KIND_DONUT || kind == CRM_CHART_KIND_PARETO)
        {
          g_assert_cmpuint (tiny_frame->legend->len, ==, 0);
          g_assert_true (tiny_frame->legend_dropped);
          g_assert_cmpfloat (tiny_frame->plot.width * tiny_frame->plot.height, >, 0);
        }
    }
  /* Very small: the title goes too, the plot keeps its room. */
  {
    g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_BARS, DATA_NORMAL);
    g_autoptr(Drawing) d = draw (chart, 160, 90, 1, crm_chart_palette_light (), -1);
    const CrmChartFrame *frame = crm_chart_layout_get_frame (d->layout);
    g_assert_null (frame->title);
    g_assert_cmpfloat (frame->plot.height, >=, 70);
  }
}

/* A label too long for its room is ellipsized, not cut or overflowing. */
static void
test_ellipsis (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = crm_chart_text_new (cr, CRM_CHART_FONT_LABEL, names[2], 80);
  double width;

  crm_chart_text_get_size (layout, &width, NULL);
  g_assert_cmpfloat (width, <=, 80);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpfloat (crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, names[2]), >, 80);
  /* Too narrow for anything: nothing is drawn. */
  g_assert_false (crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, names[2], 8, 0, 0, 0, 0,
                                       &crm_chart_palette_light ()->text));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Huge amounts stay exact in words and saturate instead of overflowing. */
static void
test_huge_values (void)
{
  g_autoptr(CrmChartDonutData) data = crm_chart_donut_data_new (NULL, NULL, "RUB");
  g_autoptr(CrmChart) bars = make_chart (CRM_CHART_KIND_BARS, DATA_HUGE);
  g_autofree char *tip = crm_chart_get_tooltip (bars, 0);

  g_assert_cmpstr (tip, ==, "Anna Petrova\nActual: ₽10,000,000,000,000\nPlan: ₽10,000,000,000,000\nAchievement: 100%");
  crm_chart_donut_data_add (data, "a", G_MAXINT64 / 2 + 10);
  crm_chart_donut_data_add (data, "b", G_MAXINT64 / 2 + 10);
  crm_chart_donut_data_add (data, "c", G_MAXINT64);
  g_assert_cmpint (crm_chart_donut_total (data), ==, G_MAXINT64);
  g_assert_cmpint (crm_chart_add_int64 (G_MININT64, -1), ==, G_MININT64);
  g_assert_cmpint (crm_chart_to_int64 (NAN), ==, 0);
  g_assert_cmpint (crm_chart_to_int64 (INFINITY), ==, G_MAXINT64);
  g_assert_cmpint (crm_chart_to_int64 (-1e300), ==, G_MININT64);
  {
    g_autoptr(CrmChart) chart = crm_chart_new_donut (g_steal_pointer (&data));
    g_autoptr(Drawing) d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
    const CrmChartDonutLayout *layout = crm_chart_layout_get_kind_layout (d->layout);
    g_assert_false (layout->frame.no_data);
    g_assert_cmpfloat (fabs (layout->arcs[2].end - 3 * G_PI / 2), <, 1e-9);
  }
}

static void
test_words (void)
{
  g_autoptr(CrmChart) bars = make_chart (CRM_CHART_KIND_BARS, DATA_NORMAL);
  g_autoptr(CrmChart) donut = make_chart (CRM_CHART_KIND_DONUT, DATA_ONE);
  g_autofree char *bars_words = crm_chart_describe (bars);
  g_autofree char *donut_words = crm_chart_describe (donut);
  g_autofree char *tip = crm_chart_get_tooltip (bars, 3);

  g_assert_true (g_str_has_prefix (bars_words, "Revenue: plan and actual: Anna Petrova: actual ₽2,500, "
                                               "plan ₽10,000, 25% of plan; "));
  g_assert_nonnull (strstr (bars_words, "; Dmitry Orlov: actual ₽3,000, no plan; "));
  g_assert_cmpstr (tip, ==, "Dmitry Orlov\nActual: ₽3,000\nNo plan");
  g_assert_cmpstr (donut_words, ==, "Revenue by channel: Anna Petrova: ₽1,000 (100%); Total: ₽1,000.");
}

/* In Russian: translated words, money with no-break spaces, compact axes. */
static void
test_russian (void)
{
  g_autoptr(CrmChart) bars = NULL;
  g_autoptr(CrmChart) empty = NULL;
  g_autoptr(CrmChart) pareto = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *pareto_words = NULL;
  g_autofree char *axis = NULL;

  crm_test_use_language ("ru");
  bars = make_chart (CRM_CHART_KIND_BARS, DATA_NORMAL);
  empty = make_chart (CRM_CHART_KIND_FUNNEL, DATA_EMPTY);
  pareto = make_chart (CRM_CHART_KIND_PARETO, DATA_NORMAL);
  tip = crm_chart_get_tooltip (bars, 0);
  nothing = crm_chart_describe (empty);
  pareto_words = crm_chart_describe (pareto);
  axis = crm_chart_format_value (CRM_CHART_UNIT_MONEY, "RUB", 120000000, CRM_CHART_FORMAT_AXIS);
  crm_test_use_language (NULL);

  g_assert_cmpstr (tip, ==, "Anna Petrova\nФакт: 2\u00a0500\u00a0₽\nПлан: 10\u00a0000\u00a0₽\nВыполнение: 25%");
  g_assert_cmpstr (nothing, ==, "Sales funnel: нет данных.");
  g_assert_nonnull (strstr (pareto_words, "80% выручки приходится на 3 из 5 клиентов (60%)"));
  g_assert_cmpstr (axis, ==, "1,2\u00a0млн\u00a0₽");
  {
    g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_DONUT, DATA_NORMAL);
    g_autoptr(Drawing) d = NULL;

    crm_test_use_language ("ru");
    d = draw (chart, 600, 400, 1, crm_chart_palette_light (), -1);
    g_assert_cmpstr (g_array_index (crm_chart_layout_get_frame (d->layout)->legend, CrmChartLegendItem, 0).detail, ==, "7%");
    crm_test_use_language (NULL);
  }
}

/* The same drawing, exported: a PNG at twice the size, an SVG document. */
static void
test_export (void)
{
  g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_PARETO, DATA_NORMAL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = crm_chart_render_png (chart, 300, 200, 2, crm_chart_palette_dark (), &error);
  g_autoptr(GBytes) svg = NULL;
  const char *text;
  gsize size;

  g_assert_no_error (error);
  g_assert_nonnull (png);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  {
    g_autofree char *path = crm_test_tmp_path ("chart.png");
    cairo_surface_t *surface;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), NULL));
    surface = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 600);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
    g_assert_cmphex (pixel_at (surface, 1, 1), ==, pixel_of (&crm_chart_palette_dark ()->background));
    cairo_surface_destroy (surface);
  }

  svg = crm_chart_render_svg (chart, 300, 200, crm_chart_palette_light (), &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (g_strstr_len (text, (gssize) size, "<svg"));
  g_assert_nonnull (g_strstr_len (text, (gssize) size, "width=\"300px\""));
}

static void
test_boxed (void)
{
  g_autoptr(CrmChart) chart = make_chart (CRM_CHART_KIND_FUNNEL, DATA_NORMAL);
  CrmChart *copy = g_boxed_copy (CRM_TYPE_CHART, chart);

  g_assert_true (copy == chart);
  g_assert_cmpint (crm_chart_get_kind (copy), ==, CRM_CHART_KIND_FUNNEL);
  g_assert_cmpstr (crm_chart_get_title (copy), ==, "Sales funnel");
  g_assert_cmpuint (crm_chart_get_n_elements (copy), ==, 5);
  {
    g_autofree guint *order = crm_chart_get_display_order (copy);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpuint (order[i], ==, i);
  }
  g_boxed_free (CRM_TYPE_CHART, copy);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/palette/contrast", test_palette_contrast);
  g_test_add_func ("/charts/axis/steps", test_axis_steps);
  g_test_add_func ("/charts/render/all-kinds-sizes-data", test_render_all);
  g_test_add_func ("/charts/bars/proportional", test_bars_proportional);
  g_test_add_func ("/charts/bars/sharp", test_bars_sharp);
  g_test_add_func ("/charts/bars/hit-test", test_bars_hit_test);
  g_test_add_func ("/charts/snap", test_snap);
  g_test_add_func ("/charts/donut/hit-test", test_donut_hit_test);
  g_test_add_func ("/charts/pareto", test_pareto);
  g_test_add_func ("/charts/funnel", test_funnel);
  g_test_add_func ("/charts/trend", test_trend);
  g_test_add_func ("/charts/scatter", test_scatter);
  g_test_add_func ("/charts/no-data", test_no_data);
  g_test_add_func ("/charts/legend-dropped", test_legend_dropped);
  g_test_add_func ("/charts/ellipsis", test_ellipsis);
  g_test_add_func ("/charts/huge-values", test_huge_values);
  g_test_add_func ("/charts/words", test_words);
  g_test_add_func ("/charts/russian", test_russian);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/boxed", test_boxed);

  status = g_test_run ();
  /* Pango keeps the thread's font map (and fontconfig's patterns in its
   * caches) in thread-specific data, which LeakSanitizer does not scan:
   * drop it so that a real leak is not lost among those. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
