/* crm-chart-bars.c — plan and actual per manager, as grouped bars
 *
 * Each manager has a neutral plan bar and a coloured actual bar; a dark
 * marker across the actual bar shows where 100% of the plan is, and the
 * achievement is written above the pair. A manager without a target has no
 * plan bar and no percentage (not 0%).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-bars.h"

#define ACTUAL_INK 0

static void
item_clear (gpointer data)
{
  CrmChartBarsItem *item = data;

  g_free (item->label);
  g_free (item->full_label);
}

CrmChartBarsData *
crm_chart_bars_data_new (const char *title, CrmChartUnit unit, const char *currency)
{
  CrmChartBarsData *data = g_new0 (CrmChartBarsData, 1);

  data->title = g_strdup (title);
  data->unit = unit;
  data->currency = g_strdup (currency);
  data->items = crm_chart_items_new (sizeof (CrmChartBarsItem));
  g_array_set_clear_func (data->items, item_clear);
  return data;
}

static void
add_item (CrmChartBarsData *data, const char *label, gint64 plan, gboolean has_plan, gint64 actual)
{
  CrmChartBarsItem item = {
    .label = g_strdup (label != NULL ? label : ""),
    .plan = plan,
    .actual = actual,
    .has_plan = has_plan,
  };

  g_array_append_val (data->items, item);
}

void
crm_chart_bars_data_add (CrmChartBarsData *data, const char *label, gint64 plan, gint64 actual)
{
  g_return_if_fail (data != NULL);
  add_item (data, label, plan, TRUE, actual);
}

void
crm_chart_bars_data_add_unplanned (CrmChartBarsData *data, const char *label, gint64 actual)
{
  g_return_if_fail (data != NULL);
  add_item (data, label, 0, FALSE, actual);
}

/* The whole name behind the short label of the item added last. */
void
crm_chart_bars_data_set_full_label (CrmChartBarsData *data, const char *full_label)
{
  CrmChartBarsItem *item;

  g_return_if_fail (data != NULL && data->items->len > 0);
  item = &g_array_index (data->items, CrmChartBarsItem, data->items->len - 1);
  g_free (item->full_label);
  item->full_label = g_strdup (full_label);
}

void
crm_chart_bars_data_free (CrmChartBarsData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->currency);
  g_array_unref (data->items);
  g_free (data);
}

static const CrmChartBarsItem *
item_at (const CrmChartBarsData *data, guint i)
{
  return &g_array_index (data->items, CrmChartBarsItem, i);
}

static const char *
full_label_of (const CrmChartBarsItem *item)
{
  return item->full_label != NULL ? item->full_label : item->label;
}

/* Nothing to compare: no managers, or every figure is zero. */
static gboolean
is_empty (const CrmChartBarsData *data)
{
  for (guint i = 0; i < data->items->len; i++)
    if (item_at (data, i)->actual != 0 || (item_at (data, i)->has_plan && item_at (data, i)->plan != 0))
      return FALSE;
  return TRUE;
}

static gboolean
any_plan (const CrmChartBarsData *data)
{
  for (guint i = 0; i < data->items->len; i++)
    if (item_at (data, i)->has_plan)
      return TRUE;
  return FALSE;
}

/* The bar between zero and @value, snapped to the pixel grid. */
static CrmChartRect
bar_rect (cairo_t *cr, const CrmChartGrid *grid, double x, double width, gint64 value)
{
  double y0 = crm_chart_grid_y (grid, 0);
  double y1 = crm_chart_grid_y (grid, (double) value);
  CrmChartRect r = { x, MIN (y0, y1), width, fabs (y1 - y0) };

  crm_chart_snap_rect (cr, &r);
  return r;
}

CrmChartBarsLayout *
crm_chart_bars_layout_new (const CrmChartBarsData *data, cairo_t *cr, double width, double height)
{
  CrmChartBarsLayout *layout;
  gboolean planned;
  double lo = 0, hi = 0, group, bar, gap;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartBarsLayout, 1);
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->n = data->items->len;
  layout->frame.no_data = is_empty (data);
  planned = any_plan (data);
  if (!layout->frame.no_data && planned)
    {
      crm_chart_frame_add_legend (&layout->frame, _("Plan"), NULL, CRM_CHART_INK_NEUTRAL, CRM_CHART_SWATCH_BOX);
      crm_chart_frame_add_legend (&layout->frame, _("Actual"), NULL, ACTUAL_INK, CRM_CHART_SWATCH_BOX);
      /* xgettext:no-c-format */
      crm_chart_frame_add_legend (&layout->frame, _("100% of plan"), NULL, CRM_CHART_INK_TARGET, CRM_CHART_SWATCH_LINE);
    }
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_TOP, 120, 70);
  if (layout->frame.no_data)
    return layout;

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartBarsItem *item = item_at (data, i);

      lo = MIN (lo, (double) item->actual);
      hi = MAX (hi, (double) item->actual);
      if (item->has_plan)
        {
          lo = MIN (lo, (double) item->plan);
          hi = MAX (hi, (double) item->plan);
        }
    }
  /* The names under the bars may need more than a line (turned): the
   * plot gives them the room, then the columns are as wide as before or
   * a little wider (the value axis may need fewer ticks). */
  {
    g_autofree const char **labels = g_new0 (const char *, layout->n + 1);
    double line = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
    double max_extent = MAX (layout->frame.plot.height * 0.35, 2 * line);
    double reserved = 0;

    for (guint i = 0; i < layout->n; i++)
      labels[i] = item_at (data, i)->label;
    for (int pass = 0; pass < 3; pass++)
      {
        CrmChartRect plot = layout->frame.plot;
        double need;

        plot.height = MAX (plot.height - reserved, 1);
        /* Headroom for the percentages written above the bars. */
        crm_chart_grid_layout (&layout->grid, cr, &plot, CRM_CHART_GRID_CATEGORIES,
                               data->unit, data->currency, lo * 1.05, hi * 1.1, 0);
        layout->slot = layout->grid.area.width / layout->n;
        crm_chart_categories_layout (&layout->names, cr, labels, layout->n, layout->slot,
                                     layout->grid.area.x, max_extent);
        need = MAX (layout->names.extent - layout->grid.label_height, 0);
        if (need <= reserved + 0.5)
          break;
        reserved = need;
      }
  }

  group = MIN (layout->slot * 0.72, planned ? 96 : 56);
  gap = planned && group >= 12 ? 2 : 0;
  bar = planned ? (group - gap) / 2 : group;
  layout->elements = g_new0 (CrmChartBarsElement, layout->n);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartBarsItem *item = item_at (data, i);
      CrmChartBarsElement *e = &layout->elements[i];
      double x = layout->grid.area.x + layout->slot * i + (layout->slot - group) / 2;

      e->column = (CrmChartRect) { x - 2, layout->grid.area.y, group + 4,
                                   layout->grid.area.height + CRM_CHART_GRID_LABEL_GAP +
                                   MAX (layout->names.extent, layout->grid.label_height) };
      if (planned)
        {
          if (item->has_plan)
            {
              e->plan = bar_rect (cr, &layout->grid, x, bar, item->plan);
              e->target_y = crm_chart_grid_y (&layout->grid, (double) item->plan);
            }
          e->actual = bar_rect (cr, &layout->grid, x + bar + gap, bar, item->actual);
        }
      else
        e->actual = bar_rect (cr, &layout->grid, x, bar, item->actual);
    }
  return layout;
}

void
crm_chart_bars_layout_free (CrmChartBarsLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  crm_chart_categories_clear (&layout->names);
  g_free (layout->elements);
  g_free (layout);
}

int
crm_chart_bars_hit_test (const CrmChartBarsLayout *layout, double x, double y)
{
  g_return_val_if_fail (layout != NULL, -1);

  if (layout->elements == NULL)
    return -1;
  return crm_chart_rects_hit (&layout->elements[0].column, layout->n, sizeof *layout->elements, x, y);
}

static void
fill_rect (cairo_t *cr, const CrmChartRect *r, const CrmChartColor *color)
{
  if (r->width <= 0 || r->height <= 0)
    return;
  crm_chart_set_color (cr, color, 1.0);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill (cr);
}

void
crm_chart_bars_draw (cairo_t *cr, const CrmChartBarsData *data, const CrmChartBarsLayout *layout,
                     const CrmChartPalette *palette, int highlight)
{
  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, -1) || layout->elements == NULL)
    return;
  cairo_save (cr);

  crm_chart_grid_draw (cr, &layout->grid, palette);
  if (highlight >= 0 && (guint) highlight < layout->n)
    crm_chart_draw_highlight (cr, &layout->elements[highlight].column, palette);

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartBarsElement *e = &layout->elements[i];

      fill_rect (cr, &e->plan, &palette->neutral);
      fill_rect (cr, &e->actual, crm_chart_palette_ink (palette, ACTUAL_INK));
    }
  crm_chart_grid_draw_zero (cr, &layout->grid, palette);

  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartBarsItem *item = item_at (data, i);
      const CrmChartBarsElement *e = &layout->elements[i];
      double top = MIN (crm_chart_grid_y (&layout->grid, 0), e->actual.y);

      if (item->has_plan)
        {
          /* The 100% marker overhangs the actual bar on both sides. */
          crm_chart_set_color (cr, &palette->target, 1.0);
          crm_chart_hline (cr, e->actual.x - 3, e->actual.x + e->actual.width + 3, e->target_y, 2);
          top = MIN (top, MIN (e->plan.y, e->target_y - 1));
        }
      if (item->has_plan && item->plan > 0)
        {
          g_autofree char *share = crm_chart_format_share ((double) item->actual / (double) item->plan);
          double w = crm_chart_text_width (cr, CRM_CHART_FONT_VALUE, share);

          if (w <= layout->slot - 4)
            crm_chart_text_show (cr, CRM_CHART_FONT_VALUE, share, -1, e->column.x + e->column.width / 2,
                                 top - 3, 0.5, 1, &palette->text);
        }
      crm_chart_categories_draw (cr, &layout->names, i, e->column.x + e->column.width / 2,
                                 layout->grid.area.y + layout->grid.area.height + CRM_CHART_GRID_LABEL_GAP,
                                 &palette->text);
    }
  cairo_restore (cr);
}

char *
crm_chart_bars_tooltip (const CrmChartBarsData *data, int index)
{
  const CrmChartBarsItem *item;
  g_autofree char *actual = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->items->len)
    return NULL;

  item = item_at (data, index);
  actual = crm_chart_format_value (data->unit, data->currency, item->actual, CRM_CHART_FORMAT_WHOLE);
  text = g_string_new (full_label_of (item));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Actual: %s"), actual);
  g_string_append_c (text, '\n');
  if (item->has_plan)
    {
      g_autofree char *plan = crm_chart_format_value (data->unit, data->currency, item->plan, CRM_CHART_FORMAT_WHOLE);

      g_string_append_printf (text, _("Plan: %s"), plan);
      if (item->plan > 0)
        {
          g_autofree char *share = crm_chart_format_share ((double) item->actual / (double) item->plan);

          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Achievement: %s"), share);
        }
    }
  else
    g_string_append (text, _("No plan"));
  return g_string_free (text, FALSE);
}

char *
crm_chart_bars_describe (const CrmChartBarsData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->items->len && !is_empty (data); i++)
    {
      const CrmChartBarsItem *item = item_at (data, i);
      g_autofree char *actual = crm_chart_format_value (data->unit, data->currency, item->actual,
                                                        CRM_CHART_FORMAT_WHOLE);
      g_autofree char *plan = item->has_plan
                              ? crm_chart_format_value (data->unit, data->currency, item->plan, CRM_CHART_FORMAT_WHOLE)
                              : NULL;

      if (!item->has_plan)
        /* Translators: one manager in the text alternative of the plan chart */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s: actual %2$s, no plan"), full_label_of (item), actual));
      else if (item->plan <= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s: actual %2$s, plan %3$s"), full_label_of (item), actual, plan));
      else
        {
          g_autofree char *share = crm_chart_format_share ((double) item->actual / (double) item->plan);
          /* Translators: "Anna: actual 870 ₽, plan 1 000 ₽, 87% of plan" */
          g_ptr_array_add (parts, g_strdup_printf (_("%1$s: actual %2$s, plan %3$s, %4$s of plan"),
                                                   full_label_of (item), actual, plan, share));
        }
    }
  return crm_chart_describe_join (data->title != NULL ? data->title : _("Plan and Actual"), parts);
}
