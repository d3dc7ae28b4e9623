/* crm-chart-grid.c — value axes and grid lines of the bar and line charts
 *
 * The value axis uses the "nice" steps of crm_chart_axis_compute(), as many
 * as the height allows, and never a step finer than one whole unit (no
 * "0,2 ₽" or "0.5 calls" ticks). Money on the axis is compact ("1,2 млн ₽"),
 * formatted for the locale by crm_money_format().
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-chart-grid.h"
#include "crm-locale.h"
#include "crm-money.h"

#define LABEL_GAP CRM_CHART_GRID_LABEL_GAP

/* Whole units: ticks are multiples of one major unit (a rouble, a call). */
static void
keep_whole_units (CrmChartAxis *axis, double unit)
{
  if (axis->step >= unit)
    return;
  axis->step = unit;
  axis->min = floor (axis->min / unit) * unit;
  axis->max = ceil (axis->max / unit) * unit;
  if (axis->max <= axis->min)
    axis->max = axis->min + unit;
  axis->n_ticks = (int) llround ((axis->max - axis->min) / unit) + 1;
}

static char *
format_y (const CrmChartGrid *grid, double value)
{
  return crm_chart_format_value (grid->unit, grid->currency, crm_chart_to_int64 (value),
                                 CRM_CHART_FORMAT_AXIS);
}

char *
crm_chart_grid_format_x (const CrmChartGrid *grid, double value)
{
  return crm_locale_format_decimal (value, grid->x_decimals);
}

void
crm_chart_grid_layout (CrmChartGrid *grid, cairo_t *cr, const CrmChartRect *plot,
                       CrmChartGridFlags flags, CrmChartUnit unit, const char *currency,
                       double y_min, double y_max, double x_max)
{
  double lh = crm_chart_font_height (cr, CRM_CHART_FONT_LABEL);
  double top = lh / 2;
  double bottom = (flags & (CRM_CHART_GRID_CATEGORIES | CRM_CHART_GRID_X_VALUES)) ? lh + LABEL_GAP : lh / 2;
  double left = 0, right = 4;
  double whole = unit == CRM_CHART_UNIT_MONEY ? pow (10, crm_currency_minor_digits (currency)) : 1;
  int max_ticks;

  memset (grid, 0, sizeof *grid);
  grid->flags = flags;
  grid->unit = unit;
  g_strlcpy (grid->currency, currency != NULL ? currency : "", sizeof grid->currency);
  grid->label_height = lh;

  grid->area = *plot;
  grid->area.y += top;
  grid->area.height = MAX (plot->height - top - bottom, 1);

  max_ticks = CLAMP ((int) (grid->area.height / 34), 2, 8);
  crm_chart_axis_compute (y_min, y_max, max_ticks, &grid->y);
  keep_whole_units (&grid->y, whole);

  for (int i = 0; i < grid->y.n_ticks; i++)
    {
      g_autofree char *text = format_y (grid, grid->y.min + i * grid->y.step);
      left = MAX (left, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, text));
    }
  left += LABEL_GAP + 2;

  if (flags & CRM_CHART_GRID_PERCENT)
    {
      g_autofree char *hundred = crm_locale_format_percent (1.0);
      right = crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, hundred) + LABEL_GAP + 2;
      grid->percent_step = grid->area.height >= 120 ? 0.2 : grid->area.height >= 50 ? 0.5 : 1.0;
    }

  grid->area.x = plot->x + left;
  grid->area.width = MAX (plot->width - left - right, 1);

  if (flags & CRM_CHART_GRID_X_VALUES)
    {
      g_autofree char *last = NULL;

      crm_chart_axis_compute (0, x_max, CLAMP ((int) (grid->area.width / 70), 2, 10), &grid->x);
      grid->x_decimals = grid->x.step >= 1 ? 0 : CLAMP ((int) ceil (-log10 (grid->x.step) - 1e-9), 1, 3);
      /* The last x label is centred on the right edge: keep room for its half. */
      last = crm_chart_grid_format_x (grid, grid->x.max);
      right = MAX (right, crm_chart_text_width (cr, CRM_CHART_FONT_LABEL, last) / 2 + 2);
      grid->area.width = MAX (plot->width - left - right, 1);
    }
}

double
crm_chart_grid_y (const CrmChartGrid *grid, double value)
{
  double span = grid->y.max - grid->y.min;

  if (!(span > 0) || !isfinite (value))
    return grid->area.y + grid->area.height;
  value = CLAMP (value, grid->y.min, grid->y.max);
  return grid->area.y + grid->area.height * (grid->y.max - value) / span;
}

double
crm_chart_grid_x (const CrmChartGrid *grid, double value)
{
  double span = grid->x.max - grid->x.min;

  if (!(span > 0) || !isfinite (value))
    return grid->area.x;
  value = CLAMP (value, grid->x.min, grid->x.max);
  return grid->area.x + grid->area.width * (value - grid->x.min) / span;
}

double
crm_chart_grid_percent_y (const CrmChartGrid *grid, double ratio)
{
  if (!isfinite (ratio))
    ratio = 0;
  ratio = CLAMP (ratio, 0.0, 1.0);
  return grid->area.y + grid->area.height * (1.0 - ratio);
}

void
crm_chart_grid_draw (cairo_t *cr, const CrmChartGrid *grid, const CrmChartPalette *palette)
{
  const CrmChartRect *a = &grid->area;

  cairo_save (cr);
  for (int i = 0; i < grid->y.n_ticks; i++)
    {
      double value = grid->y.min + i * grid->y.step;
      double y = crm_chart_grid_y (grid, value);
      g_autofree char *text = format_y (grid, value);

      crm_chart_set_color (cr, &palette->grid, 1.0);
      crm_chart_hline (cr, a->x, a->x + a->width, y, 1);
      crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, text, -1, a->x - LABEL_GAP, y, 1, 0.5,
                           &palette->text_dim);
    }

  if (grid->flags & CRM_CHART_GRID_PERCENT)
    for (double r = 0; r <= 1.0 + 1e-9; r += grid->percent_step)
      {
        g_autofree char *text = crm_locale_format_percent (r);
        crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, text, -1, a->x + a->width + LABEL_GAP,
                             crm_chart_grid_percent_y (grid, r), 0, 0.5, &palette->text_dim);
      }

  if (grid->flags & CRM_CHART_GRID_X_VALUES)
    {
      for (int i = 0; i < grid->x.n_ticks; i++)
        {
          double value = grid->x.min + i * grid->x.step;
          double x = crm_chart_grid_x (grid, value);
          g_autofree char *text = crm_chart_grid_format_x (grid, value);

          crm_chart_set_color (cr, i == 0 ? &palette->axis : &palette->grid, 1.0);
          crm_chart_vline (cr, x, a->y, a->y + a->height, 1);
          crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, text, -1, x, a->y + a->height + LABEL_GAP,
                               0.5, 0, &palette->text_dim);
        }
    }
  cairo_restore (cr);
}

/* The zero line, drawn over the bars so that negative ones read as such. */
void
crm_chart_grid_draw_zero (cairo_t *cr, const CrmChartGrid *grid, const CrmChartPalette *palette)
{
  cairo_save (cr);
  crm_chart_set_color (cr, &palette->axis, 1.0);
  crm_chart_hline (cr, grid->area.x, grid->area.x + grid->area.width, crm_chart_grid_y (grid, 0), 1);
  cairo_restore (cr);
}

void
crm_chart_grid_draw_category (cairo_t *cr, const CrmChartGrid *grid, const char *label,
                              double center_x, double max_width, const CrmChartPalette *palette)
{
  crm_chart_text_show (cr, CRM_CHART_FONT_LABEL, label, max_width, center_x,
                       grid->area.y + grid->area.height + LABEL_GAP, 0.5, 0, &palette->text);
}
