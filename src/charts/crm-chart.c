/* crm-chart.c — any chart: its kind and its data, drawn, hit-tested, described
 *
 * A CrmChart owns the data of one chart of any kind, so that a widget, a
 * printed report or an export holds one reference and calls one set of
 * functions. A CrmChartLayout is the geometry computed for one size on one
 * cairo_t: the same layout is drawn and hit-tested, so that what the
 * pointer finds is what was drawn under it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crm-chart.h"

struct _CrmChart {
  gatomicrefcount ref_count;
  CrmChartKind    kind;
  gpointer        data;
};

struct _CrmChartLayout {
  CrmChart *chart;
  gpointer  layout;   /* the layout of the chart's kind */
};

G_DEFINE_BOXED_TYPE (CrmChart, crm_chart, crm_chart_ref, crm_chart_unref)

static CrmChart *
chart_new (CrmChartKind kind, gpointer data)
{
  CrmChart *chart = g_new0 (CrmChart, 1);

  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->data = data;
  return chart;
}

CrmChart *
crm_chart_new_bars (CrmChartBarsData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_BARS, data);
}

CrmChart *
crm_chart_new_funnel (CrmChartFunnelData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_FUNNEL, data);
}

CrmChart *
crm_chart_new_donut (CrmChartDonutData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_DONUT, data);
}

CrmChart *
crm_chart_new_pareto (CrmChartParetoData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_PARETO, data);
}

CrmChart *
crm_chart_new_trend (CrmChartTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_TREND, data);
}

CrmChart *
crm_chart_new_scatter (CrmChartScatterData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CRM_CHART_KIND_SCATTER, data);
}

CrmChart *
crm_chart_ref (CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
crm_chart_unref (CrmChart *chart)
{
  g_return_if_fail (chart != NULL);
  if (!g_atomic_ref_count_dec (&chart->ref_count))
    return;
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    crm_chart_bars_data_free (chart->data); break;
    case CRM_CHART_KIND_FUNNEL:  crm_chart_funnel_data_free (chart->data); break;
    case CRM_CHART_KIND_DONUT:   crm_chart_donut_data_free (chart->data); break;
    case CRM_CHART_KIND_PARETO:  crm_chart_pareto_data_free (chart->data); break;
    case CRM_CHART_KIND_TREND:   crm_chart_trend_data_free (chart->data); break;
    case CRM_CHART_KIND_SCATTER: crm_chart_scatter_data_free (chart->data); break;
    default: g_assert_not_reached ();
    }
  g_free (chart);
}

CrmChartKind
crm_chart_get_kind (const CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, CRM_CHART_KIND_BARS);
  return chart->kind;
}

gconstpointer
crm_chart_get_data (const CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->data;
}

const char *
crm_chart_get_title (const CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    return ((const CrmChartBarsData *) chart->data)->title;
    case CRM_CHART_KIND_FUNNEL:  return ((const CrmChartFunnelData *) chart->data)->title;
    case CRM_CHART_KIND_DONUT:   return ((const CrmChartDonutData *) chart->data)->title;
    case CRM_CHART_KIND_PARETO:  return ((const CrmChartParetoData *) chart->data)->title;
    case CRM_CHART_KIND_TREND:   return ((const CrmChartTrendData *) chart->data)->title;
    case CRM_CHART_KIND_SCATTER: return ((const CrmChartScatterData *) chart->data)->title;
    default: g_assert_not_reached ();
    }
  return NULL;
}

/* How many elements the hit-test can return: indices are 0 … n − 1. */
guint
crm_chart_get_n_elements (const CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    return ((const CrmChartBarsData *) chart->data)->items->len;
    case CRM_CHART_KIND_FUNNEL:  return ((const CrmChartFunnelData *) chart->data)->stages->len;
    case CRM_CHART_KIND_DONUT:   return ((const CrmChartDonutData *) chart->data)->slices->len;
    case CRM_CHART_KIND_PARETO:  return ((const CrmChartParetoData *) chart->data)->items->len;
    case CRM_CHART_KIND_TREND:   return ((const CrmChartTrendData *) chart->data)->points->len;
    case CRM_CHART_KIND_SCATTER: return ((const CrmChartScatterData *) chart->data)->points->len;
    default: g_assert_not_reached ();
    }
  return 0;
}

/* The elements in the order they are shown, left to right or top to bottom:
 * the order of the data, except for the Pareto chart, sorted by amount.
 * For keyboard navigation. Free with g_free(); NULL without elements. */
guint *
crm_chart_get_display_order (const CrmChart *chart)
{
  guint n;
  guint *order;

  g_return_val_if_fail (chart != NULL, NULL);

  n = crm_chart_get_n_elements (chart);
  if (n == 0)
    return NULL;
  if (chart->kind == CRM_CHART_KIND_PARETO)
    {
      CrmChartParetoRanking ranking;

      crm_chart_pareto_rank (chart->data, &ranking);
      order = g_steal_pointer (&ranking.order);
      crm_chart_pareto_ranking_clear (&ranking);
      return order;
    }
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  return order;
}

/* The exact figures of one element, or NULL for an index out of range. */
char *
crm_chart_get_tooltip (const CrmChart *chart, int index)
{
  g_return_val_if_fail (chart != NULL, NULL);
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    return crm_chart_bars_tooltip (chart->data, index);
    case CRM_CHART_KIND_FUNNEL:  return crm_chart_funnel_tooltip (chart->data, index);
    case CRM_CHART_KIND_DONUT:   return crm_chart_donut_tooltip (chart->data, index);
    case CRM_CHART_KIND_PARETO:  return crm_chart_pareto_tooltip (chart->data, index);
    case CRM_CHART_KIND_TREND:   return crm_chart_trend_tooltip (chart->data, index);
    case CRM_CHART_KIND_SCATTER: return crm_chart_scatter_tooltip (chart->data, index);
    default: g_assert_not_reached ();
    }
  return NULL;
}

/* All the figures of the chart in words, for screen readers. */
char *
crm_chart_describe (const CrmChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    return crm_chart_bars_describe (chart->data);
    case CRM_CHART_KIND_FUNNEL:  return crm_chart_funnel_describe (chart->data);
    case CRM_CHART_KIND_DONUT:   return crm_chart_donut_describe (chart->data);
    case CRM_CHART_KIND_PARETO:  return crm_chart_pareto_describe (chart->data);
    case CRM_CHART_KIND_TREND:   return crm_chart_trend_describe (chart->data);
    case CRM_CHART_KIND_SCATTER: return crm_chart_scatter_describe (chart->data);
    default: g_assert_not_reached ();
    }
  return NULL;
}

CrmChartLayout *
crm_chart_layout_new (CrmChart *chart, cairo_t *cr, double width, double height)
{
  CrmChartLayout *layout;

  g_return_val_if_fail (chart != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartLayout, 1);
  layout->chart = crm_chart_ref (chart);
  switch (chart->kind)
    {
    case CRM_CHART_KIND_BARS:    layout->layout = crm_chart_bars_layout_new (chart->data, cr, width, height); break;
    case CRM_CHART_KIND_FUNNEL:  layout->layout = crm_chart_funnel_layout_new (chart->data, cr, width, height); break;
    case CRM_CHART_KIND_DONUT:   layout->layout = crm_chart_donut_layout_new (chart->data, cr, width, height); break;
    case CRM_CHART_KIND_PARETO:  layout->layout = crm_chart_pareto_layout_new (chart->data, cr, width, height); break;
    case CRM_CHART_KIND_TREND:   layout->layout = crm_chart_trend_layout_new (chart->data, cr, width, height); break;
    case CRM_CHART_KIND_SCATTER: layout->layout = crm_chart_scatter_layout_new (chart->data, cr, width, height); break;
    default: g_assert_not_reached ();
    }
  return layout;
}

void
crm_chart_layout_free (CrmChartLayout *layout)
{
  if (layout == NULL)
    return;
  switch (layout->chart->kind)
    {
    case CRM_CHART_KIND_BARS:    crm_chart_bars_layout_free (layout->layout); break;
    case CRM_CHART_KIND_FUNNEL:  crm_chart_funnel_layout_free (layout->layout); break;
    case CRM_CHART_KIND_DONUT:   crm_chart_donut_layout_free (layout->layout); break;
    case CRM_CHART_KIND_PARETO:  crm_chart_pareto_layout_free (layout->layout); break;
    case CRM_CHART_KIND_TREND:   crm_chart_trend_layout_free (layout->layout); break;
    case CRM_CHART_KIND_SCATTER: crm_chart_scatter_layout_free (layout->layout); break;
    default: g_assert_not_reached ();
    }
  crm_chart_unref (layout->chart);
  g_free (layout);
}

CrmChart *
crm_chart_layout_get_chart (const CrmChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->chart;
}

/* Every kind's layout starts with its frame. */
const CrmChartFrame *
crm_chart_layout_get_frame (const CrmChartLayout *layout)
{
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartBarsLayout, frame) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartFunnelLayout, frame) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartDonutLayout, frame) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartParetoLayout, frame) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartTrendLayout, frame) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (CrmChartScatterLayout, frame) == 0);

  g_return_val_if_fail (layout != NULL, NULL);
  return layout->layout;
}

/* The layout of the chart's kind: a CrmChartBarsLayout for a bar chart … */
gconstpointer
crm_chart_layout_get_kind_layout (const CrmChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->layout;
}

/* The index of the element at (@x, @y), or -1. */
int
crm_chart_layout_hit_test (const CrmChartLayout *layout, double x, double y)
{
  g_return_val_if_fail (layout != NULL, -1);
  switch (layout->chart->kind)
    {
    case CRM_CHART_KIND_BARS:    return crm_chart_bars_hit_test (layout->layout, x, y);
    case CRM_CHART_KIND_FUNNEL:  return crm_chart_funnel_hit_test (layout->layout, x, y);
    case CRM_CHART_KIND_DONUT:   return crm_chart_donut_hit_test (layout->layout, x, y);
    case CRM_CHART_KIND_PARETO:  return crm_chart_pareto_hit_test (layout->layout, x, y);
    case CRM_CHART_KIND_TREND:   return crm_chart_trend_hit_test (layout->layout, x, y);
    case CRM_CHART_KIND_SCATTER: return crm_chart_scatter_hit_test (layout->layout, x, y);
    default: g_assert_not_reached ();
    }
  return -1;
}

/* Draws the chart as laid out; @highlight is the element under the
 * pointer, or -1. */
void
crm_chart_draw (cairo_t *cr, const CrmChartLayout *layout, const CrmChartPalette *palette, int highlight)
{
  gconstpointer data;

  g_return_if_fail (cr != NULL && layout != NULL && palette != NULL);

  data = layout->chart->data;
  switch (layout->chart->kind)
    {
    case CRM_CHART_KIND_BARS:    crm_chart_bars_draw (cr, data, layout->layout, palette, highlight); break;
    case CRM_CHART_KIND_FUNNEL:  crm_chart_funnel_draw (cr, data, layout->layout, palette, highlight); break;
    case CRM_CHART_KIND_DONUT:   crm_chart_donut_draw (cr, data, layout->layout, palette, highlight); break;
    case CRM_CHART_KIND_PARETO:  crm_chart_pareto_draw (cr, data, layout->layout, palette, highlight); break;
    case CRM_CHART_KIND_TREND:   crm_chart_trend_draw (cr, data, layout->layout, palette, highlight); break;
    case CRM_CHART_KIND_SCATTER: crm_chart_scatter_draw (cr, data, layout->layout, palette, highlight); break;
    default: g_assert_not_reached ();
    }
}

/* Lays out and draws in one go: for a printed page or an export. */
void
crm_chart_render (CrmChart *chart, cairo_t *cr, double width, double height, const CrmChartPalette *palette)
{
  g_autoptr(CrmChartLayout) layout = NULL;

  g_return_if_fail (chart != NULL && cr != NULL && palette != NULL);

  layout = crm_chart_layout_new (chart, cr, width, height);
  crm_chart_draw (cr, layout, palette, -1);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The chart could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* A PNG of @width × @height logical pixels at device scale @scale. */
GBytes *
crm_chart_render_png (CrmChart *chart, int width, int height, int scale,
                      const CrmChartPalette *palette, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (chart != NULL && palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale >= 1, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  crm_chart_render (chart, cr, width, height, palette);
  ok = check_status (cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  ok = ok && check_status (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), error);
  cairo_surface_destroy (surface);
  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&bytes)) : NULL;
}

/* An SVG document of @width × @height pixels, with the text as outlines. */
GBytes *
crm_chart_render_svg (CrmChart *chart, int width, int height, const CrmChartPalette *palette, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (chart != NULL && palette != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  crm_chart_render (chart, cr, width, height, palette);
  ok = check_status (cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_status (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&bytes)) : NULL;
}
