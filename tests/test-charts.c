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

#include "crm-test-util.h"
#include "test-charts-common.h"

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

            g_test_message ("kind %d, %s, %d×%d @%d", kind, chart_test_data_names[set], sizes[s][0], sizes[s][1], scale);
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
        crm_chart_bars_data_add_unplanned (data, chart_test_names[i], values[i]);
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
    crm_chart_pareto_data_add (data, chart_test_names[i % CHART_TEST_N_NAMES], amounts[i] * 100);
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

  status = g_test_run ();
  /* Pango keeps the thread's font map (and fontconfig's patterns in its
   * caches) in thread-specific data, which LeakSanitizer does not scan:
   * drop it so that a real leak is not lost among those. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
