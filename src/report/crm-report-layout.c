/* crm-report-layout.c — a report cut into pages, drawn on any cairo_t
 *
 * One pass places the blocks top to bottom: a block that does not fit what
 * is left of the page goes to the next one, a heading goes with the start of
 * what follows it, a table breaks between rows — never leaving fewer than
 * three of them at the foot of a page — and repeats its header. The number
 * of pages is known after the pass, so every footer can say "Page N of M".
 * Drawing a page needs nothing but a cairo_t: the PDF of the command line,
 * the preview images and the printer's pages are the same drawing.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-report-layout.h"
#include "crm-report-private.h"

#define HEADER_GAP       14.0   /* from the header's rule to the first block */
#define FOOTER_GAP       12.0
#define ORPHAN_ROWS      3      /* the fewest rows of a table left at the foot of a page */
#define WIDOW_ROWS       3      /* the fewest carried over to the next one */
#define KEEP_WHOLE       0.6    /* a table up to this share of a page is not broken */

typedef struct {
  const CrmReportBlock *block;
  double                y;
  double                height;
  guint                 first_row;   /* a table's rows, a paragraph's lines */
  guint                 n_rows;      /* 0 for a paragraph: all of it */
  gboolean              continued;
} Placement;

struct _CrmReportLayout {
  const CrmReportDoc *doc;
  double              width, height, margin;
  double              top, bottom;            /* the room for the blocks */
  GPtrArray          *pages;                  /* GArray of Placement */
  GHashTable         *tables;                 /* block → TableMetrics */
};

typedef struct {
  CrmReportLayout *layout;
  PangoContext    *context;
  GArray          *page;
  double           y;
} Flow;

/* ---- header and footer -------------------------------------------------- */

static char *
printed_text (const CrmReportDoc *doc)
{
  if (doc->printed_on[0] == '\0')
    return g_strdup ("");
  /* Translators: in the header of a printed report; %s is a date, 27.11.2026 */
  return g_strdup_printf (_("Printed %s"), doc->printed_on);
}

static double
header_height (PangoContext *context)
{
  return report_text_height (context, FONT_COMPANY) + 2 + report_text_height (context, FONT_TITLE) + 4;
}

static double
footer_height (PangoContext *context)
{
  return report_text_height (context, FONT_FOOTER) + 4;
}

static void
draw_header (const CrmReportLayout *self, cairo_t *cr, PangoContext *context)
{
  const CrmReportDoc *doc = self->doc;
  double left = self->margin, right = self->width - self->margin, room = right - left;
  double y = self->margin;
  g_autofree char *printed = printed_text (doc);
  g_autoptr(PangoLayout) meta = report_text_new (context, FONT_META, printed, -1, FALSE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) period = report_text_new (context, FONT_PERIOD, doc->period, room / 2, FALSE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) company = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double meta_w, meta_h, period_w, period_h, company_h, title_h;

  report_text_size (meta, &meta_w, &meta_h);
  report_text_size (period, &period_w, &period_h);
  company = report_text_new (context, FONT_COMPANY, doc->company, room - meta_w - 12, FALSE, PANGO_ALIGN_LEFT);
  title = report_text_new (context, FONT_TITLE, doc->title, room - period_w - 12, FALSE, PANGO_ALIGN_LEFT);
  company_h = report_text_height (context, FONT_COMPANY);
  report_text_size (title, NULL, &title_h);

  report_text_show (cr, company, left, y, INK_TEXT);
  report_text_show (cr, meta, right - meta_w, y + company_h - meta_h, INK_MUTED);
  y += company_h + 2;
  report_text_show (cr, title, left, y, INK_TEXT);
  /* The period sits on the title's baseline. */
  report_text_show (cr, period, right - period_w,
                    y + (double) pango_layout_get_baseline (title) / PANGO_SCALE
                      - (double) pango_layout_get_baseline (period) / PANGO_SCALE,
                    INK_TEXT);
  y += title_h + 4;
  report_hline (cr, left, right, y, 1.2, INK_ACCENT);
}

static void
draw_footer (const CrmReportLayout *self, cairo_t *cr, PangoContext *context, guint page)
{
  const CrmReportDoc *doc = self->doc;
  double left = self->margin, right = self->width - self->margin;
  double y = self->height - self->margin - footer_height (context);
  /* Translators: the footer of every printed page */
  g_autofree char *number = g_strdup_printf (_("Page %1$u of %2$u"), page + 1, self->pages->len);
  g_autofree char *what = crm_report_doc_dup_full_title (doc);
  g_autoptr(PangoLayout) right_text = report_text_new (context, FONT_FOOTER, number, -1, FALSE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) left_text = NULL;
  double number_w;

  report_text_size (right_text, &number_w, NULL);
  left_text = report_text_new (context, FONT_FOOTER, what, right - left - number_w - 12, FALSE, PANGO_ALIGN_LEFT);
  report_hline (cr, left, right, y, 0.5, INK_RULE);
  report_text_show (cr, left_text, left, y + 4, INK_MUTED);
  report_text_show (cr, right_text, right - number_w, y + 4, INK_MUTED);
}

/* ---- the flow ----------------------------------------------------------- */

static void
new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (flow->layout->pages, flow->page);
  flow->y = flow->layout->top;
}

static gboolean
page_is_empty (const Flow *flow)
{
  return flow->page->len == 0;
}

static double
content_width (const CrmReportLayout *self)
{
  return self->width - 2 * self->margin;
}

static const TableMetrics *
table_metrics (Flow *flow, const CrmReportBlock *block)
{
  TableMetrics *m = g_hash_table_lookup (flow->layout->tables, block);

  if (m == NULL)
    {
      m = report_table_measure (block, flow->context, content_width (flow->layout));
      g_hash_table_insert (flow->layout->tables, (gpointer) block, m);
    }
  return m;
}

static const CrmReportBlock *
block_at (const CrmReportDoc *doc, guint i)
{
  return i < doc->blocks->len ? doc->blocks->pdata[i] : NULL;
}

/* How much of block @i must be on the page it starts: all of it, or for a
 * table its header and first rows; a heading brings what follows. */
static double
first_chunk (Flow *flow, guint i)
{
  const CrmReportBlock *block = block_at (flow->layout->doc, i);
  const CrmReportBlock *next = block_at (flow->layout->doc, i + 1);

  if (block == NULL || block->kind == BLOCK_PAGE_BREAK)
    return 0;
  if (block->kind == BLOCK_TABLE)
    {
      const TableMetrics *m = table_metrics (flow, block);
      double height = m->group_height + m->head_height;

      for (guint r = 0; r < MIN (ORPHAN_ROWS, block->rows->len); r++)
        height += m->row_height[r];
      return height;
    }
  if ((block->kind == BLOCK_HEADING || block->kind == BLOCK_SUBHEADING) && next != NULL &&
      next->kind != BLOCK_PAGE_BREAK)
    return report_block_measure (block, flow->context, content_width (flow->layout))
           + report_block_space_after (block) + report_block_space_before (next) + first_chunk (flow, i + 1);
  return report_block_measure (block, flow->context, content_width (flow->layout));
}

static void
place (Flow *flow, const CrmReportBlock *block, double height, guint first_row, guint n_rows, gboolean continued)
{
  Placement p = { block, flow->y, height, first_row, n_rows, continued };

  g_array_append_val (flow->page, p);
  flow->y += height;
}

/* Starts a new page, taking along the headings placed just before. */
static void
move_to_new_page (Flow *flow)
{
  GArray *old = flow->page;
  guint keep = old->len;
  double shift;

  while (keep > 0)
    {
      BlockKind kind = g_array_index (old, Placement, keep - 1).block->kind;
      if (kind != BLOCK_HEADING && kind != BLOCK_SUBHEADING)
        break;
      keep--;
    }
  if (keep == 0)
    return;       /* only headings on this page: nothing to gain */
  new_page (flow);
  shift = keep < old->len ? g_array_index (old, Placement, keep).y - flow->y : 0;
  for (guint i = keep; i < old->len; i++)
    {
      Placement p = g_array_index (old, Placement, i);

      p.y -= shift;
      g_array_append_val (flow->page, p);
      flow->y = p.y + p.height + report_block_space_after (p.block);
    }
  g_array_set_size (old, keep);
}

static void
flow_table (Flow *flow, const CrmReportBlock *block)
{
  const TableMetrics *m = table_metrics (flow, block);
  double head = m->group_height + m->head_height;
  guint n = block->rows->len;
  guint r = 0;

  if (!page_is_empty (flow))
    {
      double room = flow->layout->bottom - flow->layout->top;
      double whole = head;

      for (guint i = 0; i < n; i++)
        whole += m->row_height[i];
      flow->y += report_block_space_before (block);
      /* A short table that would break, with less than half a page left,
       * starts on the next page instead (its heading goes with it). */
      if (flow->y + whole > flow->layout->bottom && whole <= room * KEEP_WHOLE &&
          flow->layout->bottom - flow->y < room / 2)
        move_to_new_page (flow);
    }
  for (;;)
    {
      gboolean continued = r > 0;
      double extra = continued ? m->continued_height : 0;
      double room = flow->layout->bottom - flow->y - head - extra;
      double height = 0;
      guint k = 0;

      while (r + k < n && height + m->row_height[r + k] <= room)
        height += m->row_height[r + k++];
      if (k < MIN (ORPHAN_ROWS, n - r) && !page_is_empty (flow))
        {
          new_page (flow);
          continue;
        }
      if (k == 0 && r < n)
        height = m->row_height[r], k = 1;        /* taller than a page: it is cut */
      /* Carry more than a lonely row or two over to the next page. */
      while (r + k < n && n - (r + k) < WIDOW_ROWS && k > ORPHAN_ROWS)
        height -= m->row_height[r + --k];
      place (flow, block, extra + head + height, r, k, continued);
      r += k;
      if (r >= n)
        break;
      new_page (flow);
    }
  flow->y += report_block_space_after (block);
}

/* A paragraph taller than what is left of the page breaks between lines,
 * leaving no fewer than two of them on either side. */
static gboolean
flow_paragraph (Flow *flow, const CrmReportBlock *block, double before)
{
  g_autoptr(GArray) edges = report_paragraph_line_edges (block, flow->context, content_width (flow->layout));
  guint n = edges->len - 1, first = 0;
  double room = flow->layout->bottom - flow->y - before;
  guint k = 0;

  while (k < n && g_array_index (edges, double, k + 1) <= room)
    k++;
  if (k < MIN (2, n))
    return FALSE;
  if (n - k < 2)
    {
      if (!page_is_empty (flow) || k <= 2)
        return FALSE;
      k--;
    }
  flow->y += before;
  while (first < n)
    {
      double top = g_array_index (edges, double, first);

      if (first > 0)
        {
          new_page (flow);
          room = flow->layout->bottom - flow->y;
          k = 0;
          while (first + k < n && g_array_index (edges, double, first + k + 1) - top <= room)
            k++;
          k = MAX (k, 1);
        }
      place (flow, block, g_array_index (edges, double, first + k) - top, first, k, first > 0);
      first += k;
    }
  flow->y += report_block_space_after (block);
  return TRUE;
}

static void
flow_block (Flow *flow, guint i)
{
  const CrmReportBlock *block = block_at (flow->layout->doc, i);
  double width = content_width (flow->layout);
  double height, before, need;

  if (block->kind == BLOCK_PAGE_BREAK)
    {
      if (!page_is_empty (flow))
        new_page (flow);
      return;
    }
  if (block->kind == BLOCK_TABLE)
    {
      flow_table (flow, block);
      return;
    }

  height = report_block_measure (block, flow->context, width);
  need = first_chunk (flow, i);
  before = page_is_empty (flow) ? 0 : report_block_space_before (block);
  if (flow->y + before + need > flow->layout->bottom &&
      (block->kind == BLOCK_TEXT || block->kind == BLOCK_NOTE) && flow_paragraph (flow, block, before))
    return;
  if (!page_is_empty (flow) && flow->y + before + need > flow->layout->bottom)
    {
      new_page (flow);
      before = 0;
    }
  flow->y += before;
  place (flow, block, height, 0, 0, FALSE);
  flow->y += report_block_space_after (block);
}

static void
page_free (gpointer data)
{
  g_array_unref (data);
}

CrmReportLayout *
crm_report_layout_new (const CrmReportDoc *doc, double width, double height, double margin)
{
  CrmReportLayout *self;
  Flow flow = { 0 };

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (width > 2 * margin && height > 2 * margin && margin >= 0, NULL);

  self = g_new0 (CrmReportLayout, 1);
  self->doc = doc;
  self->width = width;
  self->height = height;
  self->margin = margin;
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) report_table_metrics_free);

  flow.layout = self;
  flow.context = report_pango_context_new ();
  self->top = margin + header_height (flow.context) + HEADER_GAP;
  self->bottom = height - margin - footer_height (flow.context) - FOOTER_GAP;
  new_page (&flow);
  for (guint i = 0; i < doc->blocks->len; i++)
    flow_block (&flow, i);
  g_object_unref (flow.context);
  return self;
}

CrmReportLayout *
crm_report_layout_new_for_format (const CrmReportDoc *doc, const CrmPageFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return crm_report_layout_new (doc, format->width, format->height, format->margin);
}

void
crm_report_layout_free (CrmReportLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->pages);
  g_hash_table_unref (layout->tables);
  g_free (layout);
}

guint
crm_report_layout_get_n_pages (const CrmReportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

double
crm_report_layout_get_width (const CrmReportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->width;
}

double
crm_report_layout_get_height (const CrmReportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->height;
}

void
crm_report_layout_draw_page (const CrmReportLayout *layout, cairo_t *cr, guint page)
{
  PangoContext *context;
  GArray *placements;

  g_return_if_fail (layout != NULL && cr != NULL);
  g_return_if_fail (page < layout->pages->len);

  context = report_pango_context_new ();
  pango_cairo_update_context (cr, context);
  placements = layout->pages->pdata[page];

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);
  draw_header (layout, cr, context);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);

      if ((p->block->kind == BLOCK_TEXT || p->block->kind == BLOCK_NOTE) && p->n_rows > 0)
        report_paragraph_draw_lines (p->block, cr, context, layout->margin, p->y,
                                     layout->width - 2 * layout->margin, p->first_row, p->n_rows);
      else if (p->block->kind == BLOCK_TABLE)
        report_table_draw (p->block, g_hash_table_lookup (layout->tables, p->block), cr, context,
                           layout->margin, p->y, p->first_row, p->n_rows, p->continued);
      else
        report_block_draw (p->block, cr, context, layout->margin, p->y,
                           layout->width - 2 * layout->margin, p->height);
    }
  draw_footer (layout, cr, context, page);
  cairo_restore (cr);
  g_object_unref (context);
}

cairo_surface_t *
crm_report_layout_render_page (const CrmReportLayout *layout, guint page, double scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (page < layout->pages->len && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (layout->width * scale),
                                        (int) ceil (layout->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  crm_report_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
