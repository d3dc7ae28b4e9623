/* bench-dashboard.c — what the dashboard's worker does, and drawing its charts
 *
 *   bench-dashboard DATABASE PERIOD [RUNS]
 *
 * Prints the median wall time in milliseconds of crm_dashboard_data_load
 * (the team's KPIs, the revenue by client and by month, the seven charts'
 * data) on a warm connection, and of laying out and drawing the seven
 * charts at 520 × 320 on an image surface, as "load_median_ms=…
 * draw_median_ms=…".
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crm-dashboard-data.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
draw_charts (CrmDashboardData *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 520, 320);
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < CRM_DASHBOARD_N_CHARTS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      crm_chart_render (data->charts[i], cr, 520, 320, crm_chart_palette_light ());
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 7;
  double *load, *draw;

  if (argc < 3 || runs < 1)
    {
      fprintf (stderr, "usage: bench-dashboard DATABASE PERIOD [RUNS]\n");
      return 2;
    }
  db = crm_database_new (argv[1], CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  period = db != NULL ? crm_period_parse (argv[2], &error) : NULL;
  if (db == NULL || period == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  load = g_new (double, runs);
  draw = g_new (double, runs);
  /* One warm-up run: the page cache, the prepared statements. */
  crm_dashboard_data_free (crm_dashboard_data_load (db, period, 0, 0, NULL, NULL));
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      CrmDashboardData *data = crm_dashboard_data_load (db, period, 0, 0, NULL, &error);

      load[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (data == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      draw[i] = draw_charts (data);
      crm_dashboard_data_free (data);
    }
  qsort (load, runs, sizeof (double), compare_double);
  qsort (draw, runs, sizeof (double), compare_double);
  printf ("load_median_ms=%.2f draw_median_ms=%.2f\n", load[runs / 2], draw[runs / 2]);
  g_free (load);
  g_free (draw);
  return 0;
}
