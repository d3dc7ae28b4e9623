/* crm-chart-text.c — text and figures on the charts
 *
 * Text is laid out with Pango at absolute pixel sizes in user space, so a
 * chart drawn at device scale 2 or on a printed page keeps its proportions.
 * A label that does not fit its room is ellipsized rather than cut.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-text.h"
#include "crm-locale.h"
#include "crm-money.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

static PangoFontDescription *
font_description (CrmChartFont font)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
  double size = 12;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;

  switch (font)
    {
    case CRM_CHART_FONT_LABEL:
      break;
    case CRM_CHART_FONT_VALUE:
      weight = PANGO_WEIGHT_BOLD;
      break;
    case CRM_CHART_FONT_NOTE:
      size = 13;
      break;
    case CRM_CHART_FONT_TITLE:
      size = 15;
      weight = PANGO_WEIGHT_BOLD;
      break;
    case CRM_CHART_FONT_TOTAL:
      size = 19;
      weight = PANGO_WEIGHT_BOLD;
      break;
    default:
      g_assert_not_reached ();
    }
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  return desc;
}

/* A one-line layout of @text; when @max_width > 0 it is ellipsized at the
 * end to fit. */
PangoLayout *
crm_chart_text_new (cairo_t *cr, CrmChartFont font, const char *text, double max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = font_description (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures: the digits of stacked numbers line up. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) MIN (max_width * PANGO_SCALE, G_MAXINT / 2));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
crm_chart_text_get_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
crm_chart_text_width (cairo_t *cr, CrmChartFont font, const char *text)
{
  g_autoptr(PangoLayout) layout = crm_chart_text_new (cr, font, text, -1);
  double width;

  crm_chart_text_get_size (layout, &width, NULL);
  return width;
}

double
crm_chart_font_height (cairo_t *cr, CrmChartFont font)
{
  /* Digits and a descender: the height of any one-line label. */
  g_autoptr(PangoLayout) layout = crm_chart_text_new (cr, font, "0gЙ", -1);
  double height;

  crm_chart_text_get_size (layout, NULL, &height);
  return height;
}

/* Draws @layout so that the point (@x, @y) is at (@xalign, @yalign) of its
 * box: 0, 0 is the top left corner, 0.5, 0.5 the centre. */
void
crm_chart_text_draw (cairo_t *cr, PangoLayout *layout, double x, double y,
                     double xalign, double yalign, const CrmChartColor *color)
{
  PangoRectangle logical;
  double width, height;

  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  cairo_save (cr);
  crm_chart_set_color (cr, color, 1.0);
  cairo_move_to (cr, round (x - xalign * width - (double) logical.x / PANGO_SCALE),
                 round (y - yalign * height));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Lays out and draws a label in one go. Returns FALSE, drawing nothing,
 * when the room is too narrow for even an ellipsis and a letter. */
gboolean
crm_chart_text_show (cairo_t *cr, CrmChartFont font, const char *text, double max_width,
                     double x, double y, double xalign, double yalign,
                     const CrmChartColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (max_width > 0 && max_width < 14)
    return FALSE;
  layout = crm_chart_text_new (cr, font, text, max_width);
  crm_chart_text_draw (cr, layout, x, y, xalign, yalign, color);
  return TRUE;
}

/* A figure of the chart, as the user reads it. */
char *
crm_chart_format_value (CrmChartUnit unit, const char *currency, gint64 value, CrmChartFormat format)
{
  if (unit == CRM_CHART_UNIT_MONEY)
    {
      return crm_money_format (value, currency,
                               format == CRM_CHART_FORMAT_AXIS ? CRM_MONEY_COMPACT : CRM_MONEY_WHOLE);
    }
  return crm_locale_format_integer (value);
}

/* 0.873 → "87%"; a share that is not zero never shows as "0%". */
char *
crm_chart_format_share (double ratio)
{
  if (!isfinite (ratio))
    ratio = 0;
  if (ratio > 0 && ratio < 0.005)
    {
      g_autofree char *one = crm_locale_format_percent (0.01);
      return g_strconcat ("<", one, NULL);
    }
  return crm_locale_format_percent (ratio);
}

/* A double from chart arithmetic back to an integer figure, without
 * undefined behaviour for values out of range or NaN. */
gint64
crm_chart_to_int64 (double value)
{
  if (!isfinite (value))
    return value > 0 ? G_MAXINT64 : (value < 0 ? G_MININT64 : 0);
  if (value >= 9.2e18)
    return G_MAXINT64;
  if (value <= -9.2e18)
    return G_MININT64;
  return (gint64) llround (value);
}

/* a + b, saturated at the ends of gint64 instead of overflowing. */
gint64
crm_chart_add_int64 (gint64 a, gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/* The text alternative of a chart: "Title: part; part; part." or, without
 * parts, "Title: no data." */
char *
crm_chart_describe_join (const char *title, GPtrArray *parts)
{
  g_autofree char *joined = NULL;

  if (parts == NULL || parts->len == 0)
    /* Translators: what a screen reader says of an empty chart: "Sales funnel: no data." */
    return g_strdup_printf (_("%s: no data."), title);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("; ", (char **) parts->pdata);
  g_ptr_array_remove_index (parts, parts->len - 1);
  /* Translators: the text alternative of a chart: "Sales funnel: New: 120; Won: 12." */
  return g_strdup_printf (_("%s: %s."), title, joined);
}

static void
item_label_clear (gpointer item)
{
  g_free (*(char **) item);
}

/* An array for the items of a chart's data: structs whose first member is
 * their label (a string the array owns). */
GArray *
crm_chart_items_new (guint element_size)
{
  GArray *items;

  g_return_val_if_fail (element_size >= sizeof (char *), NULL);
  items = g_array_new (FALSE, TRUE, element_size);
  g_array_set_clear_func (items, item_label_clear);
  return items;
}
