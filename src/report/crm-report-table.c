/* crm-report-table.c — tables: column widths, row heights, drawing a run of rows
 *
 * Columns get the width of their widest cell; when the table is too wide
 * for the page the headers wrap first, then the "expand" (text) columns
 * wrap, and only then is everything narrowed. Left-over width goes to the
 * expand columns, or to every column when there is none. The layout engine
 * (crm-report-layout.c) decides which rows go on which page; this file
 * draws any run of them under the repeated header.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crm-report-private.h"

#define PAD_X        4.0
#define PAD_Y        2.6
#define HEAD_PAD_Y   3.2
#define MIN_EXPAND   56.0    /* an expand column is never narrower than this */
#define CONTINUED_GAP 3.0

static const Column *
column_at (const CrmReportBlock *table, guint i)
{
  return &g_array_index (table->columns, Column, i);
}

static const Row *
row_at (const CrmReportBlock *table, guint i)
{
  return table->rows->pdata[i];
}

static ReportFont
cell_font (const Row *row, guint column)
{
  if (row->kind == CRM_REPORT_ROW_TOTAL)
    return FONT_TABLE_BOLD;
  return report_tone_font (row->tones[column], FONT_TABLE, FONT_TABLE_BOLD);
}

static PangoAlignment
pango_align (CrmReportAlign align)
{
  switch (align)
    {
    case CRM_REPORT_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case CRM_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case CRM_REPORT_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* The widest word of @text: how narrow a wrapped header can get. */
static double
longest_word (PangoContext *context, ReportFont font, const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, report_text_width (context, font, words[i]));
  return widest;
}

static double
sum (const double *values, guint n)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  return total;
}

static void
choose_widths (const CrmReportBlock *table, PangoContext *context, double width, double *out)
{
  guint n = table->columns->len;
  g_autofree double *cells = g_new0 (double, n);
  g_autofree double *head = g_new0 (double, n);
  g_autofree double *head_min = g_new0 (double, n);
  guint n_expand = 0;
  double total;

  for (guint c = 0; c < n; c++)
    {
      const Column *column = column_at (table, c);

      head[c] = report_text_width (context, FONT_TABLE_HEAD, column->title);
      head_min[c] = longest_word (context, FONT_TABLE_HEAD, column->title);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const Row *row = row_at (table, r);
          if (row->cells[c] != NULL && row->cells[c][0] != '\0')
            cells[c] = MAX (cells[c], report_text_width (context, cell_font (row, c), row->cells[c]));
        }
      if (column->expand)
        n_expand++;
    }

  /* One-line headers if they fit, else wrapped ones. */
  for (guint c = 0; c < n; c++)
    out[c] = MAX (cells[c], head[c]) + 2 * PAD_X;
  if (sum (out, n) > width)
    for (guint c = 0; c < n; c++)
      out[c] = MAX (cells[c], head_min[c]) + 2 * PAD_X;

  total = sum (out, n);
  if (total > width && n_expand > 0)
    {
      /* The text columns wrap: they share what the others leave. */
      double fixed = 0, wanted = 0;

      for (guint c = 0; c < n; c++)
        if (column_at (table, c)->expand)
          wanted += out[c];
        else
          fixed += out[c];
      for (guint c = 0; c < n; c++)
        if (column_at (table, c)->expand)
          out[c] = MAX (MIN_EXPAND, MAX (head_min[c] + 2 * PAD_X, (width - fixed) * out[c] / wanted));
      total = sum (out, n);
    }
  if (total > width)
    {
      for (guint c = 0; c < n; c++)
        out[c] *= width / total;
    }
  else if (total < width)
    {
      double extra = width - total;

      /* The text columns first, up to a third of the table each (or all of
       * it in a table of text), then every column alike: the figures do not
       * drift far from their names. */
      for (guint c = 0; c < n && n_expand > 0; c++)
        if (column_at (table, c)->expand)
          {
            double cap = n_expand == n ? width : MAX (out[c], width / 3);
            double more = MIN (extra / n_expand, cap - out[c]);

            out[c] += more;
          }
      extra = width - sum (out, n);
      for (guint c = 0; c < n; c++)
        out[c] += extra / n;
    }
}

static double
wrapped_height (PangoContext *context, ReportFont font, const char *text, double width)
{
  g_autoptr(PangoLayout) layout = report_text_new (context, font, text, MAX (width, 1), TRUE, PANGO_ALIGN_LEFT);
  double height;

  report_text_size (layout, NULL, &height);
  return height;
}

TableMetrics *
report_table_measure (const CrmReportBlock *table, PangoContext *context, double width)
{
  TableMetrics *m = g_new0 (TableMetrics, 1);
  guint n = table->columns->len;
  double line = report_text_height (context, FONT_TABLE);

  m->width = width;
  m->column_width = g_new0 (double, n);
  m->row_height = g_new0 (double, MAX (table->rows->len, 1));
  choose_widths (table, context, width, m->column_width);

  for (guint c = 0; c < n; c++)
    m->head_height = MAX (m->head_height,
                          wrapped_height (context, FONT_TABLE_HEAD, column_at (table, c)->title,
                                          m->column_width[c] - 2 * PAD_X));
  m->head_height += 2 * HEAD_PAD_Y;

  for (guint g = 0; g < table->groups->len; g++)
    {
      const Group *group = &g_array_index (table->groups, Group, g);
      double span = 0;

      for (guint c = group->first; c < group->first + group->n; c++)
        span += m->column_width[c];
      m->group_height = MAX (m->group_height,
                             wrapped_height (context, FONT_TABLE_HEAD, group->title, span - 2 * PAD_X) + 2 * HEAD_PAD_Y);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = row_at (table, r);
      double height = line;

      for (guint c = 0; c < n; c++)
        if (column_at (table, c)->expand && row->cells[c] != NULL)
          height = MAX (height, wrapped_height (context, cell_font (row, c), row->cells[c],
                                                m->column_width[c] - 2 * PAD_X));
      m->row_height[r] = height + 2 * PAD_Y;
    }

  if (table->text != NULL)
    m->continued_height = report_text_height (context, FONT_CONTINUED) + CONTINUED_GAP;
  return m;
}

void
report_table_metrics_free (TableMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_free (metrics->column_width);
  g_free (metrics->row_height);
  g_free (metrics);
}

static void
fill_rect (cairo_t *cr, double x, double y, double width, double height, ReportInk ink)
{
  cairo_save (cr);
  report_set_ink (cr, ink);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_head (const CrmReportBlock *table, const TableMetrics *m, cairo_t *cr, PangoContext *context,
           double x, double y)
{
  double cx = x;

  fill_rect (cr, x, y, m->width, m->head_height, INK_HEAD_FILL);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = column_at (table, c);
      g_autoptr(PangoLayout) layout = report_text_new (context, FONT_TABLE_HEAD, column->title,
                                                       m->column_width[c] - 2 * PAD_X, TRUE,
                                                       pango_align (column->align));
      double height;

      /* Headers sit on the rule under them, whatever their number of lines. */
      report_text_size (layout, NULL, &height);
      report_text_show (cr, layout, cx + PAD_X, y + m->head_height - HEAD_PAD_Y - height, INK_TEXT);
      cx += m->column_width[c];
    }
  report_hline (cr, x, x + m->width, y + m->head_height, 0.8, INK_RULE_STRONG);
}

static void
draw_groups (const CrmReportBlock *table, const TableMetrics *m, cairo_t *cr, PangoContext *context,
             double x, double y)
{
  for (guint g = 0; g < table->groups->len; g++)
    {
      const Group *group = &g_array_index (table->groups, Group, g);
      double left = x, span = 0;
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      for (guint c = 0; c < group->first; c++)
        left += m->column_width[c];
      for (guint c = group->first; c < group->first + group->n; c++)
        span += m->column_width[c];
      layout = report_text_new (context, FONT_TABLE_HEAD, group->title, span - 2 * PAD_X, TRUE, PANGO_ALIGN_CENTER);
      report_text_size (layout, NULL, &height);
      report_text_show (cr, layout, left + PAD_X, y + m->group_height - HEAD_PAD_Y - height, INK_TEXT);
      report_hline (cr, left + PAD_X, left + span - PAD_X, y + m->group_height - 0.5, 0.6, INK_RULE);
    }
}

void
report_table_draw (const CrmReportBlock *table, const TableMetrics *m, cairo_t *cr, PangoContext *context,
                   double x, double y, guint first_row, guint n_rows, gboolean continued)
{
  double line = report_text_height (context, FONT_TABLE);

  if (continued && table->text != NULL)
    {
      /* Translators: over the part of a table continued on the next page: "Loss-Making Clients (continued)" */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), table->text);
      g_autoptr(PangoLayout) layout = report_text_new (context, FONT_CONTINUED, text, m->width, FALSE, PANGO_ALIGN_LEFT);

      report_text_show (cr, layout, x, y, INK_MUTED);
      y += m->continued_height;
    }
  if (m->group_height > 0)
    {
      draw_groups (table, m, cr, context, x, y);
      y += m->group_height;
    }
  draw_head (table, m, cr, context, x, y);
  y += m->head_height;

  for (guint r = first_row; r < first_row + n_rows && r < table->rows->len; r++)
    {
      const Row *row = row_at (table, r);
      double height = m->row_height[r];
      double cx = x;

      if (row->kind == CRM_REPORT_ROW_TOTAL)
        fill_rect (cr, x, y, m->width, height, INK_TOTAL_FILL);
      else if (r % 2 == 1)
        fill_rect (cr, x, y, m->width, height, INK_STRIPE);
      if (row->kind == CRM_REPORT_ROW_TOTAL && r > first_row)
        report_hline (cr, x, x + m->width, y, 0.6, INK_RULE_STRONG);

      for (guint c = 0; c < table->columns->len; c++)
        {
          const Column *column = column_at (table, c);
          const char *text = row->cells[c];
          g_autoptr(PangoLayout) layout = NULL;
          double text_height;

          if (text == NULL || *text == '\0')
            {
              cx += m->column_width[c];
              continue;
            }
          layout = report_text_new (context, cell_font (row, c), text, m->column_width[c] - 2 * PAD_X,
                                    column->expand, pango_align (column->align));
          report_text_size (layout, NULL, &text_height);
          /* One-line cells centre on the first line of a taller row. */
          report_text_show (cr, layout, cx + PAD_X,
                            y + PAD_Y + (column->expand ? 0 : MAX (0, line - text_height) / 2),
                            report_tone_ink (row->tones[c]));
          cx += m->column_width[c];
        }
      y += height;
    }
  report_hline (cr, x, x + m->width, y, 0.6, INK_RULE_STRONG);
}
