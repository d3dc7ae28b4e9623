/* test-charts-common.h — what the chart suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-chart.h"

#define HUGE_AMOUNT G_GINT64_CONSTANT (1000000000000000)   /* 1e15 minor units */

typedef enum {
  DATA_NORMAL,
  DATA_EMPTY,
  DATA_ONE,
  DATA_ZEROS,
  DATA_HUGE,
  DATA_NEGATIVE,
  N_DATA,
} DataSet;

extern const char * const chart_test_data_names[N_DATA];
#define CHART_TEST_N_NAMES 5
extern const char * const chart_test_names[CHART_TEST_N_NAMES];

typedef struct {
  cairo_surface_t *surface;
  CrmChartLayout  *layout;
  int              scale;
} Drawing;

gint64    amount_for         (DataSet set, int i, gint64 normal);
int       count_for          (DataSet set);
CrmChart *make_chart         (CrmChartKind kind, DataSet set);
void      drawing_free       (Drawing *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drawing, drawing_free)
Drawing  *draw               (CrmChart *chart, int width, int height, int scale,
                              const CrmChartPalette *palette, int highlight);
/* The pixel at device coordinates, as 0xAARRGGBB. */
guint32   pixel_at           (cairo_surface_t *surface, int x, int y);
guint32   pixel_of           (const CrmChartColor *color);
/* Pixels in the device-space rectangle that differ from @background,
 * counted up to @limit. */
guint     count_ink          (cairo_surface_t *surface, int x0, int y0, int x1, int y1,
                              guint32 background, guint limit);
/* The run of @color pixels in column @x (device), from @y down: its length. */
int       run_down           (cairo_surface_t *surface, int x, guint32 color);
void      assert_rect_finite (const CrmChartRect *r);
