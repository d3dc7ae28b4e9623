/* crm-report-style.c — the typography and the inks of the printed reports
 *
 * One sans family (DejaVu Sans, always installed with the app) in a few
 * sizes, dark text on white, one accent blue, and the GNOME palette's red,
 * orange and green for what needs attention. Text is laid out with hinting
 * off and at 72 dpi, so one unit is one point and a page measured on one
 * surface (an image) draws the same on another (a PDF, a printer).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include <math.h>

#include "crm-chart-palette.h"
#include "crm-report-private.h"

#define FONT_FAMILY "DejaVu Sans, Sans"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const CrmChartColor inks[] = {
  [INK_TEXT]        = RGB (0x1f1d24),
  [INK_MUTED]       = RGB (0x5e5c64),   /* dark_2 */
  [INK_ACCENT]      = RGB (0x1a5fb4),   /* blue_5 */
  [INK_RULE]        = RGB (0xc0bfbc),   /* light_4 */
  [INK_RULE_STRONG] = RGB (0x5e5c64),
  [INK_HEAD_FILL]   = RGB (0xe8eef7),
  [INK_STRIPE]      = RGB (0xf6f7f9),
  [INK_TOTAL_FILL]  = RGB (0xeeeeec),
  [INK_BOX]         = RGB (0xd0d4da),
  [INK_TRACK]       = RGB (0xe6e6e3),
  [INK_GOOD]        = RGB (0x1d7f4a),   /* a darker green_5, readable as text */
  [INK_WARNING]     = RGB (0xb04a00),   /* orange_5, darker */
  [INK_BAD]         = RGB (0xc01c28),   /* red_4 */
};

typedef struct {
  double      size;
  PangoWeight weight;
  PangoStyle  style;
} FontSpec;

static const FontSpec fonts[] = {
  [FONT_COMPANY]       = { 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_TITLE]         = { 14.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_PERIOD]        = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_META]          = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_FOOTER]        = { 7.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_H1]            = { 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_H2]            = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_BODY]          = { 9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_NOTE]          = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_TABLE]         = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_TABLE_BOLD]    = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_TABLE_HEAD]    = { 7.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_CONTINUED]     = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [FONT_FIGURE_LABEL]  = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [FONT_FIGURE_VALUE]  = { 13.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [FONT_FIGURE_DETAIL] = { 7.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
};

PangoContext *
report_pango_context_new (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();   /* one per thread */
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
report_text_new (PangoContext *context, ReportFont font, const char *text, double width,
                 gboolean wrap, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (fonts[font].size * PANGO_SCALE));
  pango_font_description_set_weight (desc, fonts[font].weight);
  pango_font_description_set_style (desc, fonts[font].style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) MIN (width * PANGO_SCALE, G_MAXINT / 2));
      if (wrap)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (!wrap)
    pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
report_text_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
report_text_width (PangoContext *context, ReportFont font, const char *text)
{
  g_autoptr(PangoLayout) layout = report_text_new (context, font, text, -1, FALSE, PANGO_ALIGN_LEFT);
  double width;

  report_text_size (layout, &width, NULL);
  return width;
}

double
report_text_height (PangoContext *context, ReportFont font)
{
  g_autoptr(PangoLayout) layout = report_text_new (context, font, "0gЙ", -1, FALSE, PANGO_ALIGN_LEFT);
  double height;

  report_text_size (layout, NULL, &height);
  return height;
}

void
report_set_ink (cairo_t *cr, ReportInk ink)
{
  crm_chart_set_color (cr, &inks[ink], 1.0);
}

/* Draws @layout with its top left corner (of the layout box, whatever its
 * alignment inside) at @x, @y. */
void
report_text_show (cairo_t *cr, PangoLayout *layout, double x, double y, ReportInk ink)
{
  cairo_save (cr);
  report_set_ink (cr, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

ReportInk
report_tone_ink (CrmReportTone tone)
{
  switch (tone)
    {
    case CRM_REPORT_TONE_MUTED:
      return INK_MUTED;
    case CRM_REPORT_TONE_GOOD:
      return INK_GOOD;
    case CRM_REPORT_TONE_WARNING:
      return INK_WARNING;
    case CRM_REPORT_TONE_BAD:
      return INK_BAD;
    case CRM_REPORT_TONE_NORMAL:
    case CRM_REPORT_TONE_STRONG:
    default:
      return INK_TEXT;
    }
}

/* Coloured figures are bold too: on a grey printer the colour is lost,
 * the weight is not. */
ReportFont
report_tone_font (CrmReportTone tone, ReportFont regular, ReportFont bold)
{
  switch (tone)
    {
    case CRM_REPORT_TONE_STRONG:
    case CRM_REPORT_TONE_BAD:
    case CRM_REPORT_TONE_WARNING:
      return bold;
    case CRM_REPORT_TONE_NORMAL:
    case CRM_REPORT_TONE_MUTED:
    case CRM_REPORT_TONE_GOOD:
    default:
      return regular;
    }
}

void
report_hline (cairo_t *cr, double x0, double x1, double y, double width, ReportInk ink)
{
  cairo_save (cr);
  report_set_ink (cr, ink);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}
