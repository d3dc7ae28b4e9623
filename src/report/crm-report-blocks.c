/* crm-report-blocks.c — measuring and drawing the blocks that never break
 *
 * Headings, paragraphs, key figures, charts and rows of blocks side by side
 * are measured for a width and drawn whole; only tables break across pages
 * (crm-report-table.c, crm-report-layout.c).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <math.h>

#include "crm-report-private.h"

#define COLUMN_GAP    16.0
#define FIGURE_GAP    8.0
#define FIGURE_PAD    7.0
#define FIGURE_STRIP  2.5
#define BAR_HEIGHT    3.5
#define BAR_FULL_AT   0.8     /* 100% sits at this share of the bar: room to show more */
#define HEADING_RULE_GAP 3.0
#define CHART_SCALE   0.62    /* the charts' 12 px labels become 7.4 pt, like the tables */
#define CHART_TITLE_GAP 2.0
#define BODY_LINE_SPACING 1.25

static PangoLayout *
paragraph_new (PangoContext *context, const CrmReportBlock *block, double width)
{
  PangoLayout *layout = report_text_new (context, block->kind == BLOCK_NOTE ? FONT_NOTE : FONT_BODY,
                                         block->text, width, TRUE, PANGO_ALIGN_LEFT);

  pango_layout_set_line_spacing (layout, BODY_LINE_SPACING);
  return layout;
}

/* Where each line of a paragraph starts, and where the last one ends:
 * n_lines + 1 offsets from its top. */
GArray *
report_paragraph_line_edges (const CrmReportBlock *block, PangoContext *context, double width)
{
  g_autoptr(PangoLayout) layout = paragraph_new (context, block, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));
  double height;

  do
    {
      int top;
      double edge;

      pango_layout_iter_get_line_yrange (iter, &top, NULL);
      edge = (double) top / PANGO_SCALE;
      g_array_append_val (edges, edge);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  report_text_size (layout, NULL, &height);
  g_array_append_val (edges, height);
  return edges;
}

/* Lines @first … @first + @n - 1 of a paragraph, the first at @y; only
 * those are drawn (a clip would leave the others in the PDF's text). */
void
report_paragraph_draw_lines (const CrmReportBlock *block, cairo_t *cr, PangoContext *context,
                             double x, double y, double width, guint first, guint n)
{
  g_autoptr(PangoLayout) layout = paragraph_new (context, block, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = -1;
  guint line = 0;

  cairo_save (cr);
  report_set_ink (cr, block->kind == BLOCK_NOTE ? INK_MUTED : INK_TEXT);
  do
    {
      PangoRectangle logical;
      int y0;

      if (line >= first + n)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (line >= first)
        {
          if (top < 0)
            top = (double) y0 / PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y - top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (cr);
}

static PangoLayout *
heading_new (PangoContext *context, const CrmReportBlock *block, double width)
{
  return report_text_new (context, block->kind == BLOCK_HEADING ? FONT_H1 : FONT_H2,
                          block->text, width, TRUE, PANGO_ALIGN_LEFT);
}

/* ---- key figures -------------------------------------------------------- */

/* The value in the largest size that fits, down to 70%. */
static PangoLayout *
value_new (PangoContext *context, const char *text, double width)
{
  PangoLayout *layout = report_text_new (context, FONT_FIGURE_VALUE, text, -1, FALSE, PANGO_ALIGN_LEFT);
  double natural;

  report_text_size (layout, &natural, NULL);
  if (natural > width)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (MAX (0.7, width / natural)));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

typedef struct {
  double label, value, bar, detail;
} FigureParts;

static double
figure_width (const CrmReportBlock *block, double width)
{
  return (width - FIGURE_GAP * (block->per_row - 1)) / block->per_row;
}

static double
measure_figure (const Figure *f, PangoContext *context, double inner, FigureParts *parts)
{
  g_autoptr(PangoLayout) label = report_text_new (context, FONT_FIGURE_LABEL, f->label, inner, TRUE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) value = value_new (context, f->value, inner);

  report_text_size (label, NULL, &parts->label);
  report_text_size (value, NULL, &parts->value);
  parts->bar = isfinite (f->ratio) ? BAR_HEIGHT + 4 : 0;
  parts->detail = 0;
  if (f->detail != NULL && *f->detail != '\0')
    {
      g_autoptr(PangoLayout) detail = report_text_new (context, FONT_FIGURE_DETAIL, f->detail, inner, TRUE, PANGO_ALIGN_LEFT);
      report_text_size (detail, NULL, &parts->detail);
      parts->detail += 2;
    }
  return 2 * FIGURE_PAD + parts->label + 1 + parts->value + parts->bar + parts->detail;
}

/* The height of each row of figures, in @heights (may be NULL). */
static double
measure_figures (const CrmReportBlock *block, PangoContext *context, double width, double *heights)
{
  double inner = figure_width (block, width) - 2 * FIGURE_PAD - FIGURE_STRIP;
  double total = 0;
  guint n = block->figures->len;

  for (guint start = 0; start < n; start += block->per_row)
    {
      double row = 0;

      for (guint i = start; i < MIN (n, start + block->per_row); i++)
        {
          FigureParts parts;
          row = MAX (row, measure_figure (&g_array_index (block->figures, Figure, i), context, inner, &parts));
        }
      if (heights != NULL)
        heights[start / block->per_row] = row;
      total += row + (start > 0 ? FIGURE_GAP : 0);
    }
  return total;
}

static ReportInk
figure_ink (CrmReportTone tone)
{
  return tone == CRM_REPORT_TONE_NORMAL || tone == CRM_REPORT_TONE_STRONG || tone == CRM_REPORT_TONE_MUTED
         ? INK_ACCENT : report_tone_ink (tone);
}

static void
draw_bar (cairo_t *cr, double x, double y, double width, double ratio, ReportInk ink)
{
  double full = width * BAR_FULL_AT;
  double fill = MIN (width, MAX (0, ratio) * full);

  cairo_save (cr);
  report_set_ink (cr, INK_TRACK);
  cairo_rectangle (cr, x, y, width, BAR_HEIGHT);
  cairo_fill (cr);
  report_set_ink (cr, ink);
  cairo_rectangle (cr, x, y, fill, BAR_HEIGHT);
  cairo_fill (cr);
  /* The 100% mark. */
  report_set_ink (cr, INK_TEXT);
  cairo_rectangle (cr, x + full - 0.5, y - 1.5, 1.0, BAR_HEIGHT + 3);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_figure (const Figure *f, cairo_t *cr, PangoContext *context, double x, double y, double width, double height)
{
  double inner = width - 2 * FIGURE_PAD - FIGURE_STRIP;
  double tx = x + FIGURE_STRIP + FIGURE_PAD;
  g_autoptr(PangoLayout) label = report_text_new (context, FONT_FIGURE_LABEL, f->label, inner, TRUE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) value = value_new (context, f->value, inner);
  FigureParts parts;
  double ty;

  measure_figure (f, context, inner, &parts);

  cairo_save (cr);
  report_set_ink (cr, INK_BOX);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x + 0.3, y + 0.3, width - 0.6, height - 0.6);
  cairo_stroke (cr);
  report_set_ink (cr, figure_ink (f->tone));
  cairo_rectangle (cr, x, y, FIGURE_STRIP, height);
  cairo_fill (cr);
  cairo_restore (cr);

  ty = y + FIGURE_PAD;
  report_text_show (cr, label, tx, ty, INK_MUTED);
  ty += parts.label + 1;
  report_text_show (cr, value, tx, ty, f->tone == CRM_REPORT_TONE_MUTED ? INK_MUTED : report_tone_ink (f->tone));
  ty += parts.value;
  if (isfinite (f->ratio))
    {
      draw_bar (cr, tx, ty + 3, inner, f->ratio, figure_ink (f->tone));
      ty += parts.bar;
    }
  if (parts.detail > 0)
    {
      g_autoptr(PangoLayout) detail = report_text_new (context, FONT_FIGURE_DETAIL, f->detail, inner, TRUE, PANGO_ALIGN_LEFT);
      report_text_show (cr, detail, tx, ty + 2, INK_MUTED);
    }
}

static void
draw_figures (const CrmReportBlock *block, cairo_t *cr, PangoContext *context, double x, double y, double width)
{
  guint n = block->figures->len;
  guint n_rows = (n + block->per_row - 1) / block->per_row;
  g_autofree double *heights = g_new0 (double, MAX (n_rows, 1));
  double w = figure_width (block, width);

  measure_figures (block, context, width, heights);
  for (guint i = 0; i < n; i++)
    {
      guint row = i / block->per_row, col = i % block->per_row;
      double top = y;

      for (guint r = 0; r < row; r++)
        top += heights[r] + FIGURE_GAP;
      draw_figure (&g_array_index (block->figures, Figure, i), cr, context,
                   x + col * (w + FIGURE_GAP), top, w, heights[row]);
    }
}

/* ---- charts ------------------------------------------------------------- */

static void
draw_chart (const CrmReportBlock *block, cairo_t *cr, PangoContext *context,
            double x, double y, double width, double height)
{
  if (block->text != NULL && *block->text != '\0')
    {
      g_autoptr(PangoLayout) title = report_text_new (context, FONT_H2, block->text, width, FALSE, PANGO_ALIGN_LEFT);
      double title_height;

      report_text_size (title, NULL, &title_height);
      report_text_show (cr, title, x, y, INK_TEXT);
      y += title_height + CHART_TITLE_GAP;
      height -= title_height + CHART_TITLE_GAP;
    }
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, CHART_SCALE, CHART_SCALE);
  crm_chart_render (block->chart, cr, width / CHART_SCALE, height / CHART_SCALE, crm_chart_palette_light ());
  cairo_restore (cr);
}

/* ---- any block ---------------------------------------------------------- */

static double
column_width (const CrmReportBlock *block, double width)
{
  guint n = MAX (block->children->len, 1);
  return (width - COLUMN_GAP * (n - 1)) / n;
}

double
report_block_measure (const CrmReportBlock *block, PangoContext *context, double width)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
      {
        g_autoptr(PangoLayout) layout = heading_new (context, block, width);
        double height;

        report_text_size (layout, NULL, &height);
        return block->kind == BLOCK_HEADING ? height + HEADING_RULE_GAP + 0.6 : height;
      }
    case BLOCK_TEXT:
    case BLOCK_NOTE:
      {
        g_autoptr(PangoLayout) layout = paragraph_new (context, block, width);
        double height;

        report_text_size (layout, NULL, &height);
        return height;
      }
    case BLOCK_FIGURES:
      return measure_figures (block, context, width, NULL);
    case BLOCK_CHART:
      return block->height;
    case BLOCK_COLUMNS:
      {
        double height = 0;

        for (guint i = 0; i < block->children->len; i++)
          height = MAX (height, report_block_measure (block->children->pdata[i], context,
                                                      column_width (block, width)));
        return height;
      }
    case BLOCK_TABLE:
      {
        TableMetrics *m = report_table_measure (block, context, width);
        double height = m->group_height + m->head_height;

        for (guint r = 0; r < block->rows->len; r++)
          height += m->row_height[r];
        report_table_metrics_free (m);
        return height;
      }
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

double
report_block_space_before (const CrmReportBlock *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return 16;
    case BLOCK_SUBHEADING:
      return 8;
    case BLOCK_CHART:
    case BLOCK_COLUMNS:
      return 6;
    case BLOCK_TABLE:
      return 2;
    case BLOCK_TEXT:
    case BLOCK_NOTE:
    case BLOCK_FIGURES:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

double
report_block_space_after (const CrmReportBlock *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return 7;
    case BLOCK_SUBHEADING:
      return 4;
    case BLOCK_TEXT:
      return 6;
    case BLOCK_NOTE:
      return 6;
    case BLOCK_FIGURES:
    case BLOCK_CHART:
    case BLOCK_COLUMNS:
    case BLOCK_TABLE:
      return 10;
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

void
report_block_draw (const CrmReportBlock *block, cairo_t *cr, PangoContext *context,
                   double x, double y, double width, double height)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
      {
        g_autoptr(PangoLayout) layout = heading_new (context, block, width);
        double text_height;

        report_text_size (layout, NULL, &text_height);
        report_text_show (cr, layout, x, y, block->kind == BLOCK_HEADING ? INK_ACCENT : INK_TEXT);
        if (block->kind == BLOCK_HEADING)
          report_hline (cr, x, x + width, y + text_height + HEADING_RULE_GAP, 0.6, INK_RULE);
        break;
      }
    case BLOCK_TEXT:
    case BLOCK_NOTE:
      {
        g_autoptr(PangoLayout) layout = paragraph_new (context, block, width);
        report_text_show (cr, layout, x, y, block->kind == BLOCK_NOTE ? INK_MUTED : INK_TEXT);
        break;
      }
    case BLOCK_FIGURES:
      draw_figures (block, cr, context, x, y, width);
      break;
    case BLOCK_CHART:
      draw_chart (block, cr, context, x, y, width, height);
      break;
    case BLOCK_COLUMNS:
      {
        double w = column_width (block, width);

        for (guint i = 0; i < block->children->len; i++)
          {
            const CrmReportBlock *child = block->children->pdata[i];
            double child_height = report_block_measure (child, context, w);
            report_block_draw (child, cr, context, x + i * (w + COLUMN_GAP), y, w, child_height);
          }
        break;
      }
    case BLOCK_TABLE:
      {
        TableMetrics *m = report_table_measure (block, context, width);
        report_table_draw (block, m, cr, context, x, y, 0, block->rows->len, FALSE);
        report_table_metrics_free (m);
        break;
      }
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}
