/* crm-chart-frame.c — what every chart has around its plot
 *
 * The frame lays out the title, an optional note under it and the legend,
 * and leaves the rest to the chart (HomeBank's chart_layout_area). What does
 * not fit is dropped in that order of importance: the legend first, then the
 * note, then the title; the plot keeps a minimum size.
 *
 * It also holds the pixel-grid helpers: a 1-pixel line drawn on a pixel
 * boundary is smeared over two half-lit pixels, so lines and bar edges are
 * moved to the device grid with cairo_user_to_device(), which keeps them
 * sharp at device scale 1 and 2 alike. (cairo_user_to_device() applies the
 * CTM only; the surface's device scale is applied on top of it here.)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crm-chart-frame.h"
#include "crm-chart-text.h"

#define SWATCH_BOX   10.0
#define SWATCH_LINE  18.0
#define SWATCH_GAP    6.0
#define ITEM_SPACING 18.0

gboolean
crm_chart_rect_contains (const CrmChartRect *rect, double x, double y)
{
  return rect->width > 0 && rect->height > 0 &&
         x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

static void
legend_item_clear (gpointer data)
{
  CrmChartLegendItem *item = data;

  g_free (item->label);
  g_free (item->detail);
}

void
crm_chart_frame_init (CrmChartFrame *frame, double width, double height, const char *title)
{
  memset (frame, 0, sizeof *frame);
  frame->width = isfinite (width) ? MAX (width, 0) : 0;
  frame->height = isfinite (height) ? MAX (height, 0) : 0;
  frame->title = (title != NULL && *title != '\0') ? g_strdup (title) : NULL;
  frame->legend = g_array_new (FALSE, TRUE, sizeof (CrmChartLegendItem));
  g_array_set_clear_func (frame->legend, legend_item_clear);
}

void
crm_chart_frame_set_note (CrmChartFrame *frame, const char *note)
{
  g_free (frame->note);
  frame->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;
}

void
crm_chart_frame_add_legend (CrmChartFrame *frame, const char *label, const char *detail,
                            guint ink, CrmChartSwatch swatch)
{
  CrmChartLegendItem item = {
    .label = g_strdup (label != NULL ? label : ""),
    .detail = g_strdup (detail),
    .ink = ink,
    .swatch = swatch,
  };

  g_array_append_val (frame->legend, item);
}

void
crm_chart_frame_clear (CrmChartFrame *frame)
{
  g_clear_pointer (&frame->title, g_free);
  g_clear_pointer (&frame->note, g_free);
  g_clear_pointer (&frame->legend, g_array_unref);
}

static double
swatch_width (CrmChartSwatch swatch)
{
  return swatch == CRM_CHART_SWATCH_BOX ? SWATCH_BOX : SWATCH_LINE;
}

/* One row of entries; FALSE when it does not fit @width. */
static gboolean
layout_legend_top (CrmChartFrame *frame, cairo_t *cr, double x, double y, double width, double row)
{
  double at = x;

  for (guint i = 0; i < frame->legend->len; i++)
    {
      CrmChartLegendItem *item = &g_array_index (frame->legend, CrmChartLegendItem, i);
      double w = swatch_width (item->swatch) + SWATCH_GAP +
                 crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, item->label);

      if (at + w > x + width)
        return FALSE;
      item->rect = (CrmChartRect) { at, y, w, row };
      at += w + ITEM_SPACING;
    }
  frame->legend_rect = (CrmChartRect) { x, y, at - ITEM_SPACING - x, row };
  return TRUE;
}

/* A column of entries at the right of @area; FALSE when it leaves the plot
 * narrower than @min_plot_width or does not fit the height. */
static gboolean
layout_legend_right (CrmChartFrame *frame, cairo_t *cr, const CrmChartRect *area,
                     double row, double min_plot_width)
{
  double label_w = 0, detail_w = 0, width, height, y;
  guint n = frame->legend->len;

  for (guint i = 0; i < n; i++)
    {
      CrmChartLegendItem *item = &g_array_index (frame->legend, CrmChartLegendItem, i);

      label_w = MAX (label_w, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, item->label));
      if (item->detail != NULL)
        detail_w = MAX (detail_w, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, item->detail));
    }
  /* Long labels are ellipsized rather than let the legend eat the plot. */
  label_w = MIN (label_w, MAX (area->width * 0.45 - SWATCH_BOX - SWATCH_GAP - detail_w - 12, 48));
  width = SWATCH_BOX + SWATCH_GAP + label_w + (detail_w > 0 ? 12 + detail_w : 0);
  height = n * row;
  if (area->width - width - ITEM_SPACING < min_plot_width || height > area->height)
    return FALSE;

  y = area->y + (area->height - height) / 2;
  for (guint i = 0; i < n; i++)
    {
      CrmChartLegendItem *item = &g_array_index (frame->legend, CrmChartLegendItem, i);
      item->rect = (CrmChartRect) { area->x + area->width - width, y + i * row, width, row };
    }
  frame->legend_rect = (CrmChartRect) { area->x + area->width - width, y, width, height };
  return TRUE;
}

/* A row at the top of @inner for *@text, or no text when the plot would be
 * left lower than @min_plot_height. */
static void
take_text_row (cairo_t *cr, char **text, CrmChartFont font, CrmChartRect *row, CrmChartRect *inner,
               double min_plot_height)
{
  double height;

  if (*text == NULL)
    return;
  height = crm_chart_font_height (cr, font);
  if (inner->height - height - 6 < min_plot_height)
    {
      g_clear_pointer (text, g_free);
      return;
    }
  *row = (CrmChartRect) { inner->x, inner->y, inner->width, height };
  inner->y += height + 6;
  inner->height -= height + 6;
}

void
crm_chart_frame_layout (CrmChartFrame *frame, cairo_t *cr, CrmChartLegendPlace place,
                        double min_plot_width, double min_plot_height)
{
  CrmChartRect inner;
  double pad = MIN (frame->width, frame->height) < 240 ? 6 : 12;

  frame->padding = pad;
  inner = (CrmChartRect) { pad, pad, MAX (frame->width - 2 * pad, 0), MAX (frame->height - 2 * pad, 0) };

  take_text_row (cr, &frame->title, CRM_CHART_FONT_TITLE, &frame->title_rect, &inner, min_plot_height);
  take_text_row (cr, &frame->note, CRM_CHART_FONT_NOTE, &frame->note_rect, &inner, min_plot_height);

  if (frame->legend->len > 0)
    {
      double row = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
      gboolean fits;

      if (place == CRM_CHART_LEGEND_TOP)
        {
          fits = inner.height - row - 8 >= min_plot_height &&
                 layout_legend_top (frame, cr, inner.x, inner.y, inner.width, row);
          if (fits)
            {
              inner.y += row + 8;
              inner.height -= row + 8;
            }
        }
      else
        {
          fits = layout_legend_right (frame, cr, &inner, row + 6, min_plot_width);
          if (fits)
            inner.width -= frame->legend_rect.width + ITEM_SPACING;
        }
      if (!fits)
        {
          g_array_set_size (frame->legend, 0);
          frame->legend_rect = (CrmChartRect) { 0, 0, 0, 0 };
          frame->legend_dropped = TRUE;
        }
    }

  frame->plot = inner;
}

/* The index of the first of @n rectangles that contains (@x, @y), or -1.
 * The rectangles are members of an array of structs: @first is the one in
 * the first struct, and each next one is @stride bytes further. */
int
crm_chart_rects_hit (const CrmChartRect *first, guint n, gsize stride, double x, double y)
{
  const guint8 *at = (const guint8 *) first;

  for (guint i = 0; i < n && first != NULL; i++, at += stride)
    if (crm_chart_rect_contains ((const CrmChartRect *) at, x, y))
      return (int) i;
  return -1;
}

int
crm_chart_frame_legend_hit (const CrmChartFrame *frame, double x, double y)
{
  if (frame->legend->len == 0)
    return -1;
  return crm_chart_rects_hit (&g_array_index (frame->legend, CrmChartLegendItem, 0).rect,
                              frame->legend->len, sizeof (CrmChartLegendItem), x, y);
}

static void
draw_swatch (cairo_t *cr, const CrmChartLegendItem *item, const CrmChartPalette *palette)
{
  double cy = item->rect.y + item->rect.height / 2;

  crm_chart_set_color (cr, crm_chart_palette_ink (palette, item->ink), 1.0);
  if (item->swatch == CRM_CHART_SWATCH_BOX)
    {
      CrmChartRect box = { item->rect.x, cy - SWATCH_BOX / 2, SWATCH_BOX, SWATCH_BOX };

      crm_chart_snap_rect (cr, &box);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_fill (cr);
      return;
    }
  cairo_save (cr);
  if (item->swatch == CRM_CHART_SWATCH_DASH)
    cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  crm_chart_hline (cr, item->rect.x, item->rect.x + SWATCH_LINE, cy, 2);
  cairo_restore (cr);
}

/* Draws the background, the title, the note and the legend, and "No data"
 * when there is nothing to show. Returns whether the chart should be drawn
 * on top. */
gboolean
crm_chart_frame_draw (cairo_t *cr, const CrmChartFrame *frame, const CrmChartPalette *palette,
                      int highlight_legend)
{
  cairo_save (cr);
  crm_chart_set_color (cr, &palette->background, 1.0);
  cairo_rectangle (cr, 0, 0, frame->width, frame->height);
  cairo_fill (cr);

  if (frame->title != NULL)
    crm_chart_text_show (cr, CRM_CHART_FONT_TITLE, frame->title, frame->title_rect.width,
                         frame->title_rect.x, frame->title_rect.y, 0, 0, &palette->text);
  if (frame->note != NULL)
    crm_chart_text_show (cr, CRM_CHART_FONT_NOTE, frame->note, frame->note_rect.width,
                         frame->note_rect.x, frame->note_rect.y, 0, 0, &palette->text);

  for (guint i = 0; i < frame->legend->len; i++)
    {
      const CrmChartLegendItem *item = &g_array_index (frame->legend, CrmChartLegendItem, i);
      double sw = swatch_width (item->swatch) + SWATCH_GAP;
      double cy = item->rect.y + item->rect.height / 2;
      double detail_w = 0;

      if ((int) i == highlight_legend)
        crm_chart_draw_highlight (cr, &item->rect, palette);
      draw_swatch (cr, item, palette);
      if (item->detail != NULL)
        {
          g_autoptr(PangoLayout) detail = crm_chart_text_new (cr, CRM_CHART_FONT_LABEL, item->detail, -1);

          crm_chart_text_get_size (detail, &detail_w, NULL);
          crm_chart_text_draw (cr, detail, item->rect.x + item->rect.width, cy, 1, 0.5, &palette->text_dim);
          detail_w += 12;
        }
      crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, item->label, item->rect.width - sw - detail_w,
                           item->rect.x + sw, cy, 0, 0.5, &palette->text);
    }

  if (frame->no_data)
    crm_chart_text_show (cr, CRM_CHART_FONT_NOTE, _("No data"), frame->width - 2 * frame->padding,
                         frame->plot.x + frame->plot.width / 2, frame->plot.y + frame->plot.height / 2,
                         0.5, 0.5, &palette->text_dim);
  cairo_restore (cr);
  return !frame->no_data;
}

/* The band behind the element under the pointer. */
void
crm_chart_draw_highlight (cairo_t *cr, const CrmChartRect *rect, const CrmChartPalette *palette)
{
  CrmChartRect r = *rect;

  crm_chart_snap_rect (cr, &r);
  cairo_save (cr);
  crm_chart_set_color (cr, &palette->text, palette->dark ? 0.12 : 0.07);
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The coordinate nearest @v (device units) at which a line @device_width
 * wide covers whole pixels: a pixel centre for odd widths, an edge for even. */
static double
snap_device (double v, double device_width)
{
  long pixels = lround (fabs (device_width));

  if (pixels % 2 == 1)
    return floor (v) + 0.5;
  return round (v);
}

/* User space to device pixels: the CTM, then the target's device scale and
 * offset (cairo_user_to_device() stops short of those). */
static void
device_transform (cairo_t *cr, double *scale_x, double *scale_y, double *offset_x, double *offset_y)
{
  cairo_surface_t *target = cairo_get_target (cr);

  cairo_surface_get_device_scale (target, scale_x, scale_y);
  cairo_surface_get_device_offset (target, offset_x, offset_y);
}

/* Snaps @v, a coordinate along x (@vertical FALSE) or y, for a line
 * @line_width wide across that axis. */
static double
snap (cairo_t *cr, double v, double line_width, gboolean vertical)
{
  double x = vertical ? 0 : v, y = vertical ? v : 0;
  double w = vertical ? 0 : line_width, h = vertical ? line_width : 0;
  double sx, sy, ox, oy;

  if (!isfinite (v))
    return 0;
  device_transform (cr, &sx, &sy, &ox, &oy);
  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device_distance (cr, &w, &h);
  if (vertical)
    y = (snap_device (y * sy + oy, h * sy) - oy) / sy;
  else
    x = (snap_device (x * sx + ox, w * sx) - ox) / sx;
  cairo_device_to_user (cr, &x, &y);
  return vertical ? y : x;
}

double
crm_chart_snap_x (cairo_t *cr, double x, double line_width)
{
  return snap (cr, x, line_width, FALSE);
}

double
crm_chart_snap_y (cairo_t *cr, double y, double line_width)
{
  return snap (cr, y, line_width, TRUE);
}

/* Moves the edges of @rect to device pixel boundaries. */
void
crm_chart_snap_rect (cairo_t *cr, CrmChartRect *rect)
{
  double x0 = crm_chart_snap_x (cr, rect->x, 0);
  double x1 = crm_chart_snap_x (cr, rect->x + rect->width, 0);
  double y0 = crm_chart_snap_y (cr, rect->y, 0);
  double y1 = crm_chart_snap_y (cr, rect->y + rect->height, 0);

  rect->x = MIN (x0, x1);
  rect->width = fabs (x1 - x0);
  rect->y = MIN (y0, y1);
  rect->height = fabs (y1 - y0);
}

void
crm_chart_hline (cairo_t *cr, double x0, double x1, double y, double line_width)
{
  y = crm_chart_snap_y (cr, y, line_width);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, crm_chart_snap_x (cr, x0, 0), y);
  cairo_line_to (cr, crm_chart_snap_x (cr, x1, 0), y);
  cairo_stroke (cr);
}

void
crm_chart_vline (cairo_t *cr, double x, double y0, double y1, double line_width)
{
  x = crm_chart_snap_x (cr, x, line_width);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, crm_chart_snap_y (cr, y0, 0));
  cairo_line_to (cr, x, crm_chart_snap_y (cr, y1, 0));
  cairo_stroke (cr);
}
