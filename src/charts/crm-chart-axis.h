/* crm-chart-axis.h — "nice" axis ranges for charts
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double min;      /* first tick */
  double max;      /* last tick */
  double step;     /* 1, 2 or 5 × 10ⁿ */
  int    n_ticks;  /* ticks including both ends */
} CrmChartAxis;

double crm_chart_nice_step (double span, int max_ticks);
void   crm_chart_axis_compute (double data_min, double data_max, int max_ticks, CrmChartAxis *axis);

G_END_DECLS
