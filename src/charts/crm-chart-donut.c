/* crm-chart-donut.c — shares of a sum of money, as a donut with its total
 *
 * Revenue by new and repeat clients, by channel: slices clockwise from
 * 12 o'clock in the order given, the total in the centre, and a legend at
 * the right with each slice's share. Slices are parted by thin gaps of the
 * background colour, so neighbours stay apart whatever their colours.
 * Hit-testing goes by distance and angle from the centre (HomeBank's
 * donut hover), and by the legend rows.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-donut.h"

#define HOVER_GROW 5.0

CrmChartDonutData *
crm_chart_donut_data_new (const char *title, const char *total_label, const char *currency)
{
  CrmChartDonutData *data = g_new0 (CrmChartDonutData, 1);

  data->title = g_strdup (title);
  data->total_label = g_strdup (total_label);
  data->currency = g_strdup (currency);
  data->slices = crm_chart_items_new (sizeof (CrmChartDonutSlice));
  return data;
}

void
crm_chart_donut_data_add (CrmChartDonutData *data, const char *label, gint64 amount)
{
  CrmChartDonutSlice slice = { g_strdup (label != NULL ? label : ""), amount };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->slices, slice);
}

void
crm_chart_donut_data_free (CrmChartDonutData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->total_label);
  g_free (data->currency);
  g_array_unref (data->slices);
  g_free (data);
}

static const CrmChartDonutSlice *
slice_at (const CrmChartDonutData *data, guint i)
{
  return &g_array_index (data->slices, CrmChartDonutSlice, i);
}

static gint64
amount_at (const CrmChartDonutData *data, guint i)
{
  return MAX (slice_at (data, i)->amount, 0);
}

/* The sum of the slices (saturated, never overflowing). */
gint64
crm_chart_donut_total (const CrmChartDonutData *data)
{
  gint64 total = 0;

  g_return_val_if_fail (data != NULL, 0);
  for (guint i = 0; i < data->slices->len; i++)
    total = crm_chart_add_int64 (total, amount_at (data, i));
  return total;
}

static double
share_of (const CrmChartDonutData *data, guint i, gint64 total)
{
  return total > 0 ? (double) amount_at (data, i) / (double) total : 0;
}

static const char *
total_label (const CrmChartDonutData *data)
{
  return data->total_label != NULL ? data->total_label : _("Total");
}

CrmChartDonutLayout *
crm_chart_donut_layout_new (const CrmChartDonutData *data, cairo_t *cr, double width, double height)
{
  CrmChartDonutLayout *layout;
  const CrmChartRect *plot;
  double angle = -G_PI / 2;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartDonutLayout, 1);
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->n = data->slices->len;
  layout->total = crm_chart_donut_total (data);
  layout->frame.no_data = layout->total <= 0;
  for (guint i = 0; i < layout->n && !layout->frame.no_data; i++)
    {
      g_autofree char *share = crm_chart_format_share (share_of (data, i, layout->total));
      crm_chart_frame_add_legend (&layout->frame, slice_at (data, i)->label, share, i, CRM_CHART_SWATCH_BOX);
    }
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_RIGHT, 110, 80);
  if (layout->frame.no_data)
    return layout;

  plot = &layout->frame.plot;
  layout->cx = plot->x + plot->width / 2;
  layout->cy = plot->y + plot->height / 2;
  layout->outer_radius = MAX (MIN (plot->width, plot->height) / 2 - HOVER_GROW, 0);
  layout->inner_radius = layout->outer_radius * 0.62;
  layout->arcs = g_new0 (CrmChartDonutArc, layout->n);
  for (guint i = 0; i < layout->n; i++)
    {
      layout->arcs[i].start = angle;
      angle += 2 * G_PI * share_of (data, i, layout->total);
      layout->arcs[i].end = (i + 1 == layout->n) ? 3 * G_PI / 2 : MIN (angle, 3 * G_PI / 2);
    }
  return layout;
}

void
crm_chart_donut_layout_free (CrmChartDonutLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  g_free (layout->arcs);
  g_free (layout);
}

int
crm_chart_donut_hit_test (const CrmChartDonutLayout *layout, double x, double y)
{
  double dx, dy, r, angle;

  g_return_val_if_fail (layout != NULL, -1);
  if (layout->arcs == NULL)
    return -1;

  dx = x - layout->cx;
  dy = y - layout->cy;
  r = sqrt (dx * dx + dy * dy);
  if (r >= layout->inner_radius && r <= layout->outer_radius + HOVER_GROW && r > 0)
    {
      angle = atan2 (dy, dx);
      if (angle < -G_PI / 2)
        angle += 2 * G_PI;
      for (guint i = 0; i < layout->n; i++)
        if (angle >= layout->arcs[i].start && angle < layout->arcs[i].end)
          return (int) i;
    }
  return crm_chart_frame_legend_hit (&layout->frame, x, y);
}

static void
slice_path (cairo_t *cr, const CrmChartDonutLayout *layout, guint i, double outer)
{
  const CrmChartDonutArc *arc = &layout->arcs[i];

  cairo_new_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, outer, arc->start, arc->end);
  cairo_arc_negative (cr, layout->cx, layout->cy, layout->inner_radius, arc->end, arc->start);
  cairo_close_path (cr);
}

static void
draw_total (cairo_t *cr, const CrmChartDonutData *data, const CrmChartDonutLayout *layout,
            const CrmChartPalette *palette)
{
  double room = layout->inner_radius * 2 * 0.86;
  g_autofree char *amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, layout->total,
                                                    CRM_CHART_FORMAT_WHOLE);
  double label_h = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
  double total_h = crm_chart_font_height (cr, CRM_CHART_FONT_TOTAL);

  if (crm_chart_text_width (cr, CRM_CHART_FONT_TOTAL, amount) > room)
    {
      g_free (amount);
      amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, layout->total, CRM_CHART_FORMAT_AXIS);
    }
  if (crm_chart_text_width (cr, CRM_CHART_FONT_TOTAL, amount) > room || label_h + total_h > room)
    return;
  crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, total_label (data), room, layout->cx,
                       layout->cy - (label_h + total_h) / 2, 0.5, 0, &palette->text_dim);
  crm_chart_text_show (cr, CRM_CHART_FONT_TOTAL, amount, -1, layout->cx,
                       layout->cy - (label_h + total_h) / 2 + label_h, 0.5, 0, &palette->text);
}

void
crm_chart_donut_draw (cairo_t *cr, const CrmChartDonutData *data, const CrmChartDonutLayout *layout,
                      const CrmChartPalette *palette, int highlight)
{
  guint n_visible = 0;

  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, highlight) || layout->arcs == NULL)
    return;
  cairo_save (cr);

  for (guint i = 0; i < layout->n; i++)
    {
      if (layout->arcs[i].end <= layout->arcs[i].start)
        continue;
      n_visible++;
      crm_chart_set_color (cr, crm_chart_palette_ink (palette, i), 1.0);
      slice_path (cr, layout, i, layout->outer_radius + ((int) i == highlight ? HOVER_GROW : 0));
      cairo_fill (cr);
    }

  /* Gaps between neighbouring slices. */
  if (n_visible > 1)
    {
      crm_chart_set_color (cr, &palette->background, 1.0);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < layout->n; i++)
        {
          double a = layout->arcs[i].start;

          if (layout->arcs[i].end <= layout->arcs[i].start)
            continue;
          cairo_move_to (cr, layout->cx + cos (a) * (layout->inner_radius - 1),
                         layout->cy + sin (a) * (layout->inner_radius - 1));
          cairo_line_to (cr, layout->cx + cos (a) * (layout->outer_radius + HOVER_GROW + 1),
                         layout->cy + sin (a) * (layout->outer_radius + HOVER_GROW + 1));
          cairo_stroke (cr);
        }
    }
  draw_total (cr, data, layout, palette);
  cairo_restore (cr);
}

char *
crm_chart_donut_tooltip (const CrmChartDonutData *data, int index)
{
  gint64 total;
  g_autofree char *amount = NULL;
  g_autofree char *share = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->slices->len)
    return NULL;

  total = crm_chart_donut_total (data);
  amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, slice_at (data, index)->amount,
                                   CRM_CHART_FORMAT_WHOLE);
  share = crm_chart_format_share (share_of (data, index, total));
  /* Translators: the share of a slice in a donut chart: "45% of the total" */
  line = g_strdup_printf (_("%s of the total"), share);
  return g_strjoin ("\n", slice_at (data, index)->label, amount, line, NULL);
}

char *
crm_chart_donut_describe (const CrmChartDonutData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 total;

  g_return_val_if_fail (data != NULL, NULL);

  total = crm_chart_donut_total (data);
  for (guint i = 0; i < data->slices->len && total > 0; i++)
    {
      g_autofree char *amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency,
                                                        slice_at (data, i)->amount, CRM_CHART_FORMAT_WHOLE);
      g_autofree char *share = crm_chart_format_share (share_of (data, i, total));

      /* Translators: a slice in the text alternative of a donut: "Inbound calls: 1 200 ₽ (45%)" */
      g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s (%3$s)"), slice_at (data, i)->label, amount, share));
    }
  if (total > 0)
    {
      g_autofree char *amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, total,
                                                        CRM_CHART_FORMAT_WHOLE);
      /* Translators: "Total: 2 400 ₽" in the text alternative of a donut */
      g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s"), total_label (data), amount));
    }
  return crm_chart_describe_join (data->title != NULL ? data->title : _("Revenue Shares"), parts);
}
