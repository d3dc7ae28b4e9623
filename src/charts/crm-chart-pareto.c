/* crm-chart-pareto.c — the 80/20 chart: who makes the revenue
 *
 * Bars of the items sorted by amount, largest first; the cumulative share as
 * a line on a right axis from 0 to 100%; a dashed marker at 80% and at the
 * last item needed to reach it. The items that make 80% are coloured, the
 * rest are neutral, and the sentence under the title says how many they are
 * ("80% of the revenue comes from 12 of 150 clients (8%)").
 *
 * Element indices are the indices of the items as given, not their ranks, so
 * that a click opens the right client whatever the order of the bars.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crm-chart-pareto.h"
#include "crm-locale.h"

#define TOP_INK   0
#define LINE_INK  1
#define DESCRIBED 10   /* items named in the text alternative */

CrmChartParetoData *
crm_chart_pareto_data_new (const char *title, CrmChartParetoItems what, const char *currency)
{
  CrmChartParetoData *data = g_new0 (CrmChartParetoData, 1);

  data->title = g_strdup (title);
  data->what = what;
  data->currency = g_strdup (currency);
  data->items = crm_chart_items_new (sizeof (CrmChartParetoItem));
  return data;
}

void
crm_chart_pareto_data_add (CrmChartParetoData *data, const char *label, gint64 amount)
{
  CrmChartParetoItem item = { g_strdup (label != NULL ? label : ""), amount };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->items, item);
}

void
crm_chart_pareto_data_free (CrmChartParetoData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->currency);
  g_array_unref (data->items);
  g_free (data);
}

static const CrmChartParetoItem *
item_at (const CrmChartParetoData *data, guint i)
{
  return &g_array_index (data->items, CrmChartParetoItem, i);
}

static gint64
positive_at (const CrmChartParetoData *data, guint i)
{
  return MAX (item_at (data, i)->amount, 0);
}

static int
compare_amounts (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const CrmChartParetoData *data = user_data;
  gint64 x = item_at (data, *(const guint *) a)->amount;
  gint64 y = item_at (data, *(const guint *) b)->amount;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Sorts the items (a stable sort: equal amounts keep their order) and
 * counts how many make 80% of the total. */
void
crm_chart_pareto_rank (const CrmChartParetoData *data, CrmChartParetoRanking *ranking)
{
  double total = 0, running = 0;

  g_return_if_fail (data != NULL && ranking != NULL);

  ranking->n = data->items->len;
  ranking->order = g_new (guint, MAX (ranking->n, 1));
  ranking->cumulative = g_new0 (double, MAX (ranking->n, 1));
  ranking->n_80 = 0;
  ranking->total = 0;
  for (guint i = 0; i < ranking->n; i++)
    {
      ranking->order[i] = i;
      ranking->total = crm_chart_add_int64 (ranking->total, positive_at (data, i));
      total += (double) positive_at (data, i);
    }
  g_qsort_with_data (ranking->order, (gint) ranking->n, sizeof (guint), compare_amounts, (gpointer) data);
  if (!(total > 0))
    return;
  for (guint r = 0; r < ranking->n; r++)
    {
      running += (double) positive_at (data, ranking->order[r]);
      ranking->cumulative[r] = MIN (running / total, 1.0);
      if (ranking->n_80 == 0 && ranking->cumulative[r] >= 0.8 - 1e-12)
        ranking->n_80 = r + 1;
    }
}

void
crm_chart_pareto_ranking_clear (CrmChartParetoRanking *ranking)
{
  g_clear_pointer (&ranking->order, g_free);
  g_clear_pointer (&ranking->cumulative, g_free);
}

/* "80% of the revenue comes from 12 of 150 clients (8%)", or NULL when
 * there is no revenue. */
char *
crm_chart_pareto_headline (const CrmChartParetoData *data, const CrmChartParetoRanking *ranking)
{
  g_autofree char *few = NULL;
  g_autofree char *all = NULL;
  g_autofree char *share = NULL;

  g_return_val_if_fail (data != NULL && ranking != NULL, NULL);
  if (ranking->total <= 0 || ranking->n == 0)
    return NULL;

  few = crm_locale_format_integer (ranking->n_80);
  all = crm_locale_format_integer (ranking->n);
  share = crm_chart_format_share ((double) ranking->n_80 / (double) ranking->n);
  switch (data->what)
    {
    case CRM_CHART_PARETO_MANAGERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "80%% of the revenue comes from %1$s of %2$s manager (%3$s)",
                                           "80%% of the revenue comes from %1$s of %2$s managers (%3$s)",
                                           ranking->n),
                              few, all, share);
    case CRM_CHART_PARETO_CHANNELS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "80%% of the revenue comes from %1$s of %2$s channel (%3$s)",
                                           "80%% of the revenue comes from %1$s of %2$s channels (%3$s)",
                                           ranking->n),
                              few, all, share);
    case CRM_CHART_PARETO_CLIENTS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "80%% of the revenue comes from %1$s of %2$s client (%3$s)",
                                           "80%% of the revenue comes from %1$s of %2$s clients (%3$s)",
                                           ranking->n),
                              few, all, share);
    }
}

CrmChartParetoLayout *
crm_chart_pareto_layout_new (const CrmChartParetoData *data, cairo_t *cr, double width, double height)
{
  CrmChartParetoLayout *layout;
  CrmChartParetoRanking *ranking;
  g_autofree char *headline = NULL;
  CrmChartGridFlags flags = CRM_CHART_GRID_PERCENT;
  const CrmChartRect *area;

  g_return_val_if_fail (data != NULL && cr != NULL, NULL);

  layout = g_new0 (CrmChartParetoLayout, 1);
  ranking = &layout->ranking;
  crm_chart_pareto_rank (data, ranking);
  crm_chart_frame_init (&layout->frame, width, height, data->title);
  layout->frame.no_data = ranking->total <= 0;
  headline = crm_chart_pareto_headline (data, ranking);
  crm_chart_frame_set_note (&layout->frame, headline);
  if (!layout->frame.no_data)
    {
      /* xgettext:no-c-format */
      crm_chart_frame_add_legend (&layout->frame, _("Make 80% of revenue"), NULL, TOP_INK, CRM_CHART_SWATCH_BOX);
      if (ranking->n_80 < ranking->n)
        crm_chart_frame_add_legend (&layout->frame, _("The rest"), NULL, CRM_CHART_INK_NEUTRAL, CRM_CHART_SWATCH_BOX);
      crm_chart_frame_add_legend (&layout->frame, _("Cumulative share"), NULL, LINE_INK, CRM_CHART_SWATCH_LINE);
    }
  crm_chart_frame_layout (&layout->frame, cr, CRM_CHART_LEGEND_TOP, 120, 70);
  if (layout->frame.no_data)
    return layout;

  /* Names under the bars only when each bar has room for a few letters. */
  if (layout->frame.plot.width / ranking->n >= 48)
    flags |= CRM_CHART_GRID_CATEGORIES;
  crm_chart_grid_layout (&layout->grid, cr, &layout->frame.plot, flags, CRM_CHART_UNIT_MONEY, data->currency,
                         0, (double) positive_at (data, ranking->order[0]), 0);
  area = &layout->grid.area;
  layout->slot = area->width / ranking->n;
  /* Thin bars touch; wider ones keep a gap. */
  layout->bar_width = layout->slot >= 4 ? MIN (layout->slot * 0.75, 64) : layout->slot;
  layout->marker_x = area->x + layout->slot * ranking->n_80;
  layout->bars = g_new0 (CrmChartRect, ranking->n);
  for (guint r = 0; r < ranking->n; r++)
    {
      double top = crm_chart_grid_y (&layout->grid, (double) positive_at (data, ranking->order[r]));
      double bottom = crm_chart_grid_y (&layout->grid, 0);
      CrmChartRect *bar = &layout->bars[r];

      *bar = (CrmChartRect) { area->x + layout->slot * (r + 0.5) - layout->bar_width / 2, top,
                              layout->bar_width, bottom - top };
      if (layout->slot >= 4)
        crm_chart_snap_rect (cr, bar);
    }
  return layout;
}

void
crm_chart_pareto_layout_free (CrmChartParetoLayout *layout)
{
  if (layout == NULL)
    return;
  crm_chart_frame_clear (&layout->frame);
  crm_chart_pareto_ranking_clear (&layout->ranking);
  g_free (layout->bars);
  g_free (layout);
}

/* The hit area of a rank: its bar's width, the full height of the plot and
 * the row of names. */
static CrmChartRect
rank_column (const CrmChartParetoLayout *layout, guint rank)
{
  const CrmChartRect *area = &layout->grid.area;
  double x = area->x + layout->slot * (rank + 0.5) - layout->bar_width / 2;

  return (CrmChartRect) { x, area->y, layout->bar_width, area->height + layout->grid.label_height + 6 };
}

int
crm_chart_pareto_hit_test (const CrmChartParetoLayout *layout, double x, double y)
{
  double position;
  guint rank;
  CrmChartRect column;

  g_return_val_if_fail (layout != NULL, -1);
  if (layout->bars == NULL || !(layout->slot > 0) || x < layout->grid.area.x)
    return -1;

  position = (x - layout->grid.area.x) / layout->slot;
  if (!(position < layout->ranking.n))
    return -1;
  rank = (guint) position;
  column = rank_column (layout, rank);
  if (!crm_chart_rect_contains (&column, x, y))
    return -1;
  return (int) layout->ranking.order[rank];
}

static void
dashed_line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
  if (y0 == y1)
    crm_chart_hline (cr, x0, x1, y0, 1);
  else
    crm_chart_vline (cr, x0, y0, y1, 1);
  cairo_restore (cr);
}

void
crm_chart_pareto_draw (cairo_t *cr, const CrmChartParetoData *data, const CrmChartParetoLayout *layout,
                       const CrmChartPalette *palette, int highlight)
{
  const CrmChartParetoRanking *ranking = &layout->ranking;
  const CrmChartRect *area = &layout->grid.area;

  g_return_if_fail (cr != NULL && data != NULL && layout != NULL && palette != NULL);

  if (!crm_chart_frame_draw (cr, &layout->frame, palette, -1) || layout->bars == NULL)
    return;
  cairo_save (cr);
  crm_chart_grid_draw (cr, &layout->grid, palette);

  for (guint r = 0; r < ranking->n; r++)
    if ((int) ranking->order[r] == highlight)
      {
        CrmChartRect column = rank_column (layout, r);
        crm_chart_draw_highlight (cr, &column, palette);
      }

  /* Two fills, however many bars: the top items, then the rest. */
  for (int part = 0; part < 2; part++)
    {
      guint from = part == 0 ? 0 : ranking->n_80;
      guint to = part == 0 ? ranking->n_80 : ranking->n;

      for (guint r = from; r < to; r++)
        if (layout->bars[r].height > 0)
          cairo_rectangle (cr, layout->bars[r].x, layout->bars[r].y, layout->bars[r].width, layout->bars[r].height);
      crm_chart_set_color (cr, part == 0 ? crm_chart_palette_ink (palette, TOP_INK) : &palette->neutral, 1.0);
      cairo_fill (cr);
    }
  crm_chart_grid_draw_zero (cr, &layout->grid, palette);

  /* The 80% markers. */
  crm_chart_set_color (cr, &palette->target, 1.0);
  dashed_line (cr, area->x, crm_chart_grid_percent_y (&layout->grid, 0.8),
               area->x + area->width, crm_chart_grid_percent_y (&layout->grid, 0.8));
  if (ranking->n_80 < ranking->n)
    dashed_line (cr, layout->marker_x, area->y, layout->marker_x, area->y + area->height);

  /* The cumulative line, with dots where there is room for them. */
  crm_chart_set_color (cr, crm_chart_palette_ink (palette, LINE_INK), 1.0);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint r = 0; r < ranking->n; r++)
    cairo_line_to (cr, area->x + layout->slot * (r + 0.5), crm_chart_grid_percent_y (&layout->grid, ranking->cumulative[r]));
  cairo_stroke (cr);
  if (layout->slot >= 10)
    for (guint r = 0; r < ranking->n; r++)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, area->x + layout->slot * (r + 0.5), crm_chart_grid_percent_y (&layout->grid, ranking->cumulative[r]),
                   (int) ranking->order[r] == highlight ? 4.5 : 3, 0, 2 * G_PI);
      }
  cairo_fill (cr);

  if (layout->grid.flags & CRM_CHART_GRID_CATEGORIES)
    for (guint r = 0; r < ranking->n; r++)
      crm_chart_grid_draw_category (cr, &layout->grid, item_at (data, ranking->order[r])->label,
                                    area->x + layout->slot * (r + 0.5), layout->slot - 6, palette);
  cairo_restore (cr);
}

char *
crm_chart_pareto_tooltip (const CrmChartParetoData *data, int index)
{
  CrmChartParetoRanking ranking;
  g_autofree char *amount = NULL;
  g_autofree char *share = NULL;
  g_autofree char *cumulative = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *all = NULL;
  GString *text;
  guint r = 0;

  g_return_val_if_fail (data != NULL, NULL);
  if (index < 0 || (guint) index >= data->items->len)
    return NULL;

  crm_chart_pareto_rank (data, &ranking);
  while (ranking.order[r] != (guint) index)
    r++;
  amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, item_at (data, index)->amount,
                                   CRM_CHART_FORMAT_WHOLE);
  share = crm_chart_format_share (ranking.total > 0 ? (double) positive_at (data, index) / (double) ranking.total : 0);
  cumulative = crm_chart_format_share (ranking.cumulative[r]);
  rank = crm_locale_format_integer (r + 1);
  all = crm_locale_format_integer (ranking.n);

  text = g_string_new (item_at (data, index)->label);
  g_string_append_c (text, '\n');
  /* Translators: "Revenue: 1 200 ₽ (12%)" — an item's revenue and its share of the total */
  g_string_append_printf (text, _("Revenue: %1$s (%2$s)"), amount, share);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Cumulative share: %s"), cumulative);
  g_string_append_c (text, '\n');
  /* Translators: "Place 3 of 150" — the rank of an item by revenue */
  g_string_append_printf (text, _("Place %1$s of %2$s"), rank, all);
  crm_chart_pareto_ranking_clear (&ranking);
  return g_string_free (text, FALSE);
}

char *
crm_chart_pareto_describe (const CrmChartParetoData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  CrmChartParetoRanking ranking;
  char *headline;
  char *result;

  g_return_val_if_fail (data != NULL, NULL);

  crm_chart_pareto_rank (data, &ranking);
  headline = crm_chart_pareto_headline (data, &ranking);
  if (headline != NULL)
    {
      g_ptr_array_add (parts, headline);
      for (guint r = 0; r < ranking.n && r < DESCRIBED; r++)
        {
          const CrmChartParetoItem *item = item_at (data, ranking.order[r]);
          g_autofree char *amount = crm_chart_format_value (CRM_CHART_UNIT_MONEY, data->currency, item->amount,
                                                            CRM_CHART_FORMAT_WHOLE);
          g_autofree char *cumulative = crm_chart_format_share (ranking.cumulative[r]);

          /* Translators: an item of the Pareto chart: "Client A: 1 200 ₽, 45% cumulative" */
          g_ptr_array_add (parts, g_strdup_printf (_("%1$s: %2$s, %3$s cumulative"), item->label, amount, cumulative));
        }
      if (ranking.n > DESCRIBED)
        {
          g_autofree char *more = crm_locale_format_integer (ranking.n - DESCRIBED);
          /* Translators: after the first ten items of the Pareto chart: "and 140 more" */
          g_ptr_array_add (parts, g_strdup_printf (_("and %s more"), more));
        }
    }
  result = crm_chart_describe_join (data->title != NULL ? data->title : _("Revenue, 80/20"), parts);
  crm_chart_pareto_ranking_clear (&ranking);
  return result;
}
