/* bench-kpi.c — the dashboard KPIs of the team, for a month and a year
 *
 *   bench-kpi DATABASE PERIOD [RUNS]
 *
 * Prints the median wall time in milliseconds of crm_kpi_store_compute over
 * RUNS runs (default 7) on a warm connection, as "median_ms=…".
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crm-kpi-store.h"
#include "crm-setting-store.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 7;
  double *times;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-kpi DATABASE PERIOD [RUNS]\n");
      return 2;
    }
  db = crm_database_new (argv[1], CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  period = crm_period_parse (argv[2], &error);
  if (db == NULL || period == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  settings = crm_setting_store_load (db, &error);
  times = g_new (double, runs);
  /* One warm-up run: the page cache, the prepared statements. */
  crm_kpi_report_free (crm_kpi_store_compute (db, period, 0, settings, 0, &error));
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      CrmKpiReport *report = crm_kpi_store_compute (db, period, 0, settings, 0, &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (report == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      crm_kpi_report_free (report);
    }
  qsort (times, runs, sizeof (double), compare_double);
  printf ("median_ms=%.2f min_ms=%.2f max_ms=%.2f\n", times[runs / 2], times[0], times[runs - 1]);
  g_free (times);
  return 0;
}
