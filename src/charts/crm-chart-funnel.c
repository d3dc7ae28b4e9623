/* crm-chart-funnel.c — the sales funnel: deals per stage and conversion
 *
 * One row per stage, top to bottom: the stage name, a centred bar whose
 * width is the number of deals that reached the stage (relative to the
 * widest stage), and between two rows the conversion from the stage above.
 * Faint bands join the bars so that the whole reads as a funnel.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-funnel.h"
#include "crm-locale.h"

#define BAR_INK 0

CrmChartFunnelData *
crm_chart_funnel_data_new (const char *title)
{
  CrmChartFunnelData *data = g_new0 (CrmChartFunnelData, 1);

  data->title = g_strdup (title);
  data->stages = crm_chart_items_new (sizeof (CrmChartFunnelStage));
  return data;
}

void
crm_chart_funnel_data_add (CrmChartFunnelData *data, const char *label, gint64 count)
{
  CrmChartFunnelStage stage = { g_strdup (label != NULL ? label : ""), MAX (count, 0) };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->stages, stage);
}

void
crm_chart_funnel_data_free (CrmChartFunnelData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_array_unref (data->stages);
  g_free (data);
}

static gint64
count_at (const CrmChartFunnelData *data, guint i)
{
  return g_array_index (data->stages, CrmChartFunnelStage, i).count;
}

static const char *
label_at (const CrmChartFunnelData *data, guint i)
{
  return g_array_index (data->stages, CrmChartFunnelStage, i).label;
}

static gint64
max_count (const CrmChartFunnelData *data)
{
  gint64 max = 0;

  for (guint i = 0; i < data->stages->len; i++)
    max = MAX (max, count_at (data, i));
  return max;
}

/* The share of the deals of stage @stage - 1 that reached @stage; -1 when
 * it is not defined (the first stage, or nobody in the stage above). */
double
crm_chart_funnel_conversion (const CrmChartFunnelData *data, guint stage)
{
  g_return_val_if_fail (data != NULL, -1);

  if (stage == 0 || stage >= data->stages->len || count_at (data, stage - 1) <= 0)
    return -1;
  return (double) count_at (data, stage) / (double) count_at (data, stage - 1);
}

CrmChartFunnelLayout *
crm_chart_funnel_layout_new (const CrmChartFunnelData *data, cairo_t *cr, double width, double height)
{
  CrmChartFunnelLayout *layout;
  const CrmChartRect *plot;
  double label_w = 0, rate_w, row_h, gap, max;
  guint n;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartFunnelLayout, 1);
  n = layout->n = data->stages->len;
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->frame.no_data = max_count (data) == 0;
  if (!layout->frame.no_data && n >= 2 && count_at (data, 0) > 0)
    {
      g_autofree char *share = crm_chart_format_share ((double) count_at (data, n - 1) / (double) count_at (data, 0));
      g_autofree char *note = g_strdup_printf (_("From the first stage to the last: %s"), share);

      crm_chart_frame_set_note (&layout->frame, note);
    }
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_TOP, 120, 60);
  if (layout->frame.no_data)
    return layout;

  plot = &layout->frame.plot;
  for (guint i = 0; i < n; i++)
    label_w = MAX (label_w, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, label_at (data, i)));
  label_w = MIN (label_w + 10, plot->width * 0.3);
  {
    g_autofree char *hundred = crm_locale_format_percent (1.0);
    g_autofree char *widest = g_strconcat ("\u2193 ", hundred, NULL);
    rate_w = crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, widest) + 10;
  }
  if (plot->width - label_w - rate_w < 100)
    rate_w = 0;
  layout->labels = (CrmChartRect) { plot->x, plot->y, label_w, plot->height };
  layout->funnel = (CrmChartRect) { plot->x + label_w, plot->y, MAX (plot->width - label_w - rate_w, 0), plot->height };
  layout->rates = (CrmChartRect) { plot->x + plot->width - rate_w, plot->y, rate_w, rate_w > 0 ? plot->height : 0 };

  /* Rows of at most 40 px, a gap of 0.4 row between them, from the top. */
  row_h = MIN (plot->height / (n + 0.4 * (n - 1)), 40);
  gap = n > 1 ? MIN ((plot->height - n * row_h) / (n - 1), row_h * 0.6) : 0;
  max = (double) max_count (data);
  layout->elements = g_new0 (CrmChartFunnelElement, n);
  for (guint i = 0; i < n; i++)
    {
      CrmChartFunnelElement *e = &layout->elements[i];
      double y = plot->y + i * (row_h + gap);
      double w = layout->funnel.width * (double) count_at (data, i) / max;

      if (count_at (data, i) > 0)
        w = MAX (w, 2);
      e->row = (CrmChartRect) { plot->x, y, plot->width, row_h };
      e->bar = (CrmChartRect) { layout->funnel.x + (layout->funnel.width - w) / 2, y, w, row_h };
      crm_chart_snap_rect (cr, &e->bar);
    }
  return layout;
}

void
crm_chart_funnel_layout_free (CrmChartFunnelLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  g_free (layout->elements);
  g_free (layout);
}

int
crm_chart_funnel_hit_test (const CrmChartFunnelLayout *layout, double x, double y)
{
  g_return_val_if_fail (layout != NULL, -1);

  if (layout->elements == NULL)
    return -1;
  return crm_chart_rects_hit (&layout->elements[0].row, layout->n, sizeof *layout->elements, x, y);
}

void
crm_chart_funnel_draw (cairo_t *cr, const CrmChartFunnelData *data, const CrmChartFunnelLayout *layout,
                       const CrmChartPalette *palette, int highlight)
{
  const CrmChartColor *ink;

  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, -1) || layout->elements == NULL)
    return;
  cairo_save (cr);
  if (highlight >= 0 && (guint) highlight < layout->n)
    crm_chart_draw_highlight (cr, &layout->elements[highlight].row, palette);

  ink = crm_chart_palette_ink (palette, BAR_INK);
  for (guint i = 0; i < layout->n; i++)
    {
      const CrmChartFunnelElement *e = &layout->elements[i];
      g_autofree char *count = crm_chart_format_value (CRM_CHART_UNIT_COUNT, NULL, count_at (data, i),
                                                       CRM_CHART_FORMAT_WHOLE);
      double cy = e->bar.y + e->bar.height / 2;
      double count_w = crm_chart_text_width (cr, CRM_CHART_FONT_VALUE, count);

      if (i + 1 < layout->n)
        {
          /* The band down to the next stage. */
          const CrmChartRect *next = &layout->elements[i + 1].bar;

          crm_chart_set_color (cr, ink, 0.22);
          cairo_move_to (cr, e->bar.x, e->bar.y + e->bar.height);
          cairo_line_to (cr, e->bar.x + e->bar.width, e->bar.y + e->bar.height);
          cairo_line_to (cr, next->x + next->width, next->y);
          cairo_line_to (cr, next->x, next->y);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      if (e->bar.width > 0 && e->bar.height > 0)
        {
          crm_chart_set_color (cr, ink, 1.0);
          cairo_rectangle (cr, e->bar.x, e->bar.y, e->bar.width, e->bar.height);
          cairo_fill (cr);
        }

      crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, label_at (data, i), layout->labels.width - 10,
                           layout->labels.x + layout->labels.width - 10, cy, 1, 0.5, &palette->text);
      if (count_w + 12 <= e->bar.width)
        crm_chart_text_show (cr, CRM_CHART_FONT_VALUE, count, -1, e->bar.x + e->bar.width / 2, cy, 0.5, 0.5,
                             &palette->on_series);
      else if (e->bar.x + e->bar.width + 6 + count_w <= layout->funnel.x + layout->funnel.width)
        crm_chart_text_show (cr, CRM_CHART_FONT_VALUE, count, -1, e->bar.x + e->bar.width + 6, cy, 0, 0.5,
                             &palette->text);

      if (i > 0 && layout->rates.width > 0 && crm_chart_funnel_conversion (data, i) >= 0)
        {
          g_autofree char *share = crm_chart_format_share (crm_chart_funnel_conversion (data, i));
          g_autofree char *text = g_strconcat ("\u2193 ", share, NULL);
          double prev_bottom = layout->elements[i - 1].bar.y + layout->elements[i - 1].bar.height;

          crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, text, -1, layout->rates.x + 10,
                               (prev_bottom + e->bar.y) / 2, 0, 0.5, &palette->text_dim);
        }
    }
  cairo_restore (cr);
}

char *
crm_chart_funnel_tooltip (const CrmChartFunnelData *data, int index)
{
  g_autofree char *count = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->stages->len)
    return NULL;

  count = crm_chart_format_value (CRM_CHART_UNIT_COUNT, NULL, count_at (data, index), CRM_CHART_FORMAT_WHOLE);
  text = g_string_new (label_at (data, index));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Deals: %s"), count);
  if (crm_chart_funnel_conversion (data, index) >= 0)
    {
      g_autofree char *share = crm_chart_format_share (crm_chart_funnel_conversion (data, index));

      g_string_append_c (text, '\n');
      /* Translators: the share of the deals of the stage above that reached this one */
      g_string_append_printf (text, _("Conversion from “%s”: %s"), label_at (data, index - 1), share);
    }
  if (index > 1 && count_at (data, 0) > 0)
    {
      g_autofree char *share = crm_chart_format_share ((double) count_at (data, index) / (double) count_at (data, 0));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Conversion from “%s”: %s"), label_at (data, 0), share);
    }
  return g_string_free (text, FALSE);
}

char *
crm_chart_funnel_describe (const CrmChartFunnelData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->stages->len && max_count (data) > 0; i++)
    {
      g_autofree char *count = crm_chart_format_value (CRM_CHART_UNIT_COUNT, NULL, count_at (data, i),
                                                       CRM_CHART_FORMAT_WHOLE);
      double conversion = crm_chart_funnel_conversion (data, i);

      if (conversion < 0)
        /* Translators: a stage in the text alternative of the funnel: "New: 120 deals" */
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s: %2$s deal", "%1$s: %2$s deals",
                                                              (gulong) count_at (data, i)),
                                                 label_at (data, i), count));
      else
        {
          g_autofree char *share = crm_chart_format_share (conversion);
          g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%1$s: %2$s deal, %3$s of the previous stage",
                                                                "%1$s: %2$s deals, %3$s of the previous stage",
                                                                (gulong) count_at (data, i)),
                                                   label_at (data, i), count, share));
        }
    }
  return crm_chart_describe_join (data->title != NULL ? data->title : _("Sales Funnel"), parts);
}
