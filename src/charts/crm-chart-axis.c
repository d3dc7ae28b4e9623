/* crm-chart-axis.c — "nice" axis ranges for charts
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-charts"

#include "config.h"

#include <math.h>

#include "crm-chart-axis.h"

/* The smallest step of the form 1, 2 or 5 × 10ⁿ that covers @span in at most
 * @max_ticks intervals. */
double
crm_chart_nice_step (double span, int max_ticks)
{
  double raw, magnitude, residual;

  if (!(span > 0) || !isfinite (span))
    return 1.0;
  if (max_ticks < 1)
    max_ticks = 1;
  raw = span / max_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1.0 + 1e-9)
    return magnitude;
  if (residual <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (residual <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

void
crm_chart_axis_compute (double data_min, double data_max, int max_ticks, CrmChartAxis *axis)
{
  double step;

  if (!isfinite (data_min))
    data_min = 0;
  if (!isfinite (data_max))
    data_max = 0;
  /* Bars grow from zero: the axis always includes it. */
  data_min = MIN (data_min, 0.0);
  data_max = MAX (data_max, 0.0);
  if (data_max - data_min < 1e-12)
    data_max = data_min + 1.0;

  step = crm_chart_nice_step (data_max - data_min, max_ticks);
  axis->step = step;
  axis->min = floor (data_min / step + 1e-9) * step;
  axis->max = ceil (data_max / step - 1e-9) * step;
  axis->n_ticks = (int) llround ((axis->max - axis->min) / step) + 1;
}
