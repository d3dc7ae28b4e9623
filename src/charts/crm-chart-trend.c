/* crm-chart-trend.c — revenue by month, against the previous year
 *
 * This year as a solid line with a dot per month, the previous year as a
 * dashed neutral line under it. A month without a figure (one still to
 * come) breaks the line instead of dropping it to zero. Values may be
 * negative (profit); the axis then goes below zero.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-trend.h"

#define LINE_INK 0

CrmChartTrendData *
crm_chart_trend_data_new (const char *title, CrmChartUnit unit, const char *currency,
                          const char *series_label, const char *previous_label)
{
  CrmChartTrendData *data = g_new0 (CrmChartTrendData, 1);

  data->title = g_strdup (title);
  data->unit = unit;
  data->currency = g_strdup (currency);
  data->series_label = g_strdup (series_label);
  data->previous_label = g_strdup (previous_label);
  data->points = crm_chart_items_new (sizeof (CrmChartTrendPoint));
  return data;
}

/* Adds a month; @value or @previous is NULL when that year has no figure. */
void
crm_chart_trend_data_add (CrmChartTrendData *data, const char *label,
                          const gint64 *value, const gint64 *previous)
{
  CrmChartTrendPoint point = {
    .label = g_strdup (label != NULL ? label : ""),
    .value = value != NULL ? *value : 0,
    .previous = previous != NULL ? *previous : 0,
    .has_value = value != NULL,
    .has_previous = previous != NULL,
  };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->points, point);
}

void
crm_chart_trend_data_free (CrmChartTrendData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->currency);
  g_free (data->series_label);
  g_free (data->previous_label);
  g_array_unref (data->points);
  g_free (data);
}

static const CrmChartTrendPoint *
point_at (const CrmChartTrendData *data, guint i)
{
  return &g_array_index (data->points, CrmChartTrendPoint, i);
}

static const char *
series_label (const CrmChartTrendData *data)
{
  return data->series_label != NULL ? data->series_label : _("This year");
}

static const char *
previous_label (const CrmChartTrendData *data)
{
  return data->previous_label != NULL ? data->previous_label : _("Last year");
}

static gboolean
has_any (const CrmChartTrendData *data, gboolean previous)
{
  for (guint i = 0; i < data->points->len; i++)
    if (previous ? point_at (data, i)->has_previous : point_at (data, i)->has_value)
      return TRUE;
  return FALSE;
}

CrmChartTrendLayout *
crm_chart_trend_layout_new (const CrmChartTrendData *data, cairo_t *cr, double width, double height)
{
  CrmChartTrendLayout *layout;
  double lo = 0, hi = 0, slot, label_w = 0;
  const CrmChartRect *area;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartTrendLayout, 1);
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->n = data->points->len;
  layout->frame.no_data = !has_any (data, FALSE) && !has_any (data, TRUE);
  if (!layout->frame.no_data)
    {
      if (has_any (data, FALSE))
        crm_chart_frame_add_legend (&layout->frame, series_label (data), NULL, LINE_INK, CRM_CHART_SWATCH_LINE);
      if (has_any (data, TRUE))
        crm_chart_frame_add_legend (&layout->frame, previous_label (data), NULL, CRM_CHART_INK_NEUTRAL,
                                    CRM_CHART_SWATCH_DASH);
    }
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_TOP, 120, 70);
  if (layout->frame.no_data)
    return layout;

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartTrendPoint *p = point_at (data, i);

      if (p->has_value)
        {
          lo = MIN (lo, (double) p->value);
          hi = MAX (hi, (double) p->value);
        }
      if (p->has_previous)
        {
          lo = MIN (lo, (double) p->previous);
          hi = MAX (hi, (double) p->previous);
        }
      label_w = MAX (label_w, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, p->label));
    }
  crm_chart_grid_layout (&layout->grid, cr, &layout->frame.plot, CRM_CHART_GRID_CATEGORIES,
                         data->unit, data->currency, lo, hi, 0);
  area = &layout->grid.area;
  slot = area->width / layout->n;
  /* Every month named when the names fit, else every second, third … */
  layout->label_every = (guint) CLAMP (ceil ((label_w + 8) / slot), 1, layout->n);
  layout->elements = g_new0 (CrmChartTrendElement, layout->n);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartTrendPoint *p = point_at (data, i);
      CrmChartTrendElement *e = &layout->elements[i];

      e->x = area->x + slot * (i + 0.5);
      e->y = crm_chart_grid_y (&layout->grid, (double) p->value);
      e->previous_y = crm_chart_grid_y (&layout->grid, (double) p->previous);
      e->column = (CrmChartRect) { area->x + slot * i, area->y, slot, area->height + layout->grid.label_height + 6 };
    }
  return layout;
}

void
crm_chart_trend_layout_free (CrmChartTrendLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  g_free (layout->elements);
  g_free (layout);
}

int
crm_chart_trend_hit_test (const CrmChartTrendLayout *layout, double x, double y)
{
  g_return_val_if_fail (layout != NULL, -1);

  if (layout->elements == NULL)
    return -1;
  return crm_chart_rects_hit (&layout->elements[0].column, layout->n, sizeof *layout->elements, x, y);
}

/* One line through the months that have a figure, broken at the others. */
static void
stroke_series (cairo_t *cr, const CrmChartTrendData *data, const CrmChartTrendLayout *layout, gboolean previous)
{
  gboolean drawing = FALSE;

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartTrendPoint *p = point_at (data, i);
      const CrmChartTrendElement *e = &layout->elements[i];
      gboolean has = previous ? p->has_previous : p->has_value;
      double y = previous ? e->previous_y : e->y;

      if (!has)
        drawing = FALSE;
      else if (drawing)
        cairo_line_to (cr, e->x, y);
      else
        {
          /* A month alone between gaps still shows, as a short tick. */
          cairo_move_to (cr, e->x, y);
          cairo_rel_line_to (cr, 0, 0);
          drawing = TRUE;
        }
    }
  cairo_stroke (cr);
}

void
crm_chart_trend_draw (cairo_t *cr, const CrmChartTrendData *data, const CrmChartTrendLayout *layout,
                      const CrmChartPalette *palette, int highlight)
{
  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, -1) || layout->elements == NULL)
    return;
  cairo_save (cr);
  crm_chart_grid_draw (cr, &layout->grid, palette);
  if (highlight >= 0 && (guint) highlight < layout->n)
    crm_chart_draw_highlight (cr, &layout->elements[highlight].column, palette);
  crm_chart_grid_draw_zero (cr, &layout->grid, palette);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_save (cr);
  crm_chart_set_color (cr, &palette->neutral, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  stroke_series (cr, data, layout, TRUE);
  cairo_restore (cr);

  crm_chart_set_color (cr, crm_chart_palette_ink (palette, LINE_INK), 1.0);
  cairo_set_line_width (cr, 2.5);
  stroke_series (cr, data, layout, FALSE);
  for (guint i = 0; i < layout->n; i++)
    if (point_at (data, i)->has_value)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, layout->elements[i].x, layout->elements[i].y, (int) i == highlight ? 5 : 3.5, 0, 2 * G_PI);
      }
  cairo_fill (cr);

  for (guint i = 0; i < layout->n; i += layout->label_every)
    crm_chart_grid_draw_category (cr, &layout->grid, point_at (data, i)->label, layout->elements[i].x,
                                  layout->elements[i].column.width * layout->label_every - 4, palette);
  cairo_restore (cr);
}

char *
crm_chart_trend_tooltip (const CrmChartTrendData *data, int index)
{
  const CrmChartTrendPoint *p;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->points->len)
    return NULL;

  p = point_at (data, index);
  text = g_string_new (p->label);
  if (p->has_value)
    {
      g_autofree char *value = crm_chart_format_value (data->unit, data->currency, p->value, CRM_CHART_FORMAT_WHOLE);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%1$s: %2$s"), series_label (data), value);
    }
  if (p->has_previous)
    {
      g_autofree char *value = crm_chart_format_value (data->unit, data->currency, p->previous, CRM_CHART_FORMAT_WHOLE);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%1$s: %2$s"), previous_label (data), value);
    }
  if (p->has_value && p->has_previous && p->previous != 0)
    {
      double change = ((double) p->value - (double) p->previous) / fabs ((double) p->previous);
      g_autofree char *share = crm_chart_format_share (fabs (change));

      g_string_append_c (text, '\n');
      /* Translators: the change from the previous year: "Change: +12%" or "Change: −5%" */
      g_string_append_printf (text, _("Change: %s%s"), change < 0 ? "\u2212" : "+", share);
    }
  return g_string_free (text, FALSE);
}

char *
crm_chart_trend_describe (const CrmChartTrendData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->points->len; i++)
    {
      const CrmChartTrendPoint *p = point_at (data, i);
      g_autofree char *value = crm_chart_format_value (data->unit, data->currency, p->value, CRM_CHART_FORMAT_WHOLE);
      g_autofree char *previous = crm_chart_format_value (data->unit, data->currency, p->previous, CRM_CHART_FORMAT_WHOLE);

      if (p->has_value && p->has_previous)
        /* Translators: a month of the trend chart: "Jan: 1 200 ₽ (2025: 1 100 ₽)" */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s (%3$s: %4$s)"), p->label, value,
                                                 previous_label (data), previous));
      else if (p->has_value)
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s"), p->label, value));
      else if (p->has_previous)
        /* Translators: a month with a figure only in the previous year: "Dec (2025): 1 100 ₽" */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s (%2$s): %3$s"), p->label, previous_label (data), previous));
    }
  return crm_chart_describe_join (data->title != NULL ? data->title : _("Revenue by Month"), parts);
}
