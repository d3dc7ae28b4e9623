/* test-chart-words.c — what the charts say, without GTK: "no data", the
 * legend and long names cut to fit, huge figures, the words that describe a
 * chart in English and Russian, the export to PNG and SVG, the boxed type
 * (the drawings themselves: test-charts.c)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-test-util.h"
#include "test-charts-common.h"

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
        g_test_message ("kind %d, %s: %s", kind, chart_test_data_names[set], words);
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
  g_autoptr(PangoLayout) layout = crm_chart_text_new (cr, CRM_CHART_FONT_LABEL, chart_test_names[2], 80);
  double width;

  crm_chart_text_get_size (layout, &width, NULL);
  g_assert_cmpfloat (width, <=, 80);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpfloat (crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, chart_test_names[2]), >, 80);
  /* Too narrow for anything: nothing is drawn. */
  g_assert_false (crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, chart_test_names[2], 8, 0, 0, 0, 0,
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
