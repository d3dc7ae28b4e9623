/* bench-report.c — the monthly team KPI report as a PDF, end to end
 *
 *   bench-report DATABASE PERIOD [RUNS]
 *
 * Prints the median wall time in milliseconds of what "salescrm report"
 * does after opening the file — the KPIs, the clients' money, the pages
 * laid out and written as a PDF — over RUNS runs (default 5) on a warm
 * connection, as "median_ms=…", with the pages and the time of each step
 * of the median run.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "crm-report-store.h"
#include "crm-report.h"

typedef struct {
  double total, load, build, layout, pdf;
  guint  pages;
} Run;

static int
compare_runs (const void *a, const void *b)
{
  double x = ((const Run *) a)->total, y = ((const Run *) b)->total;
  return x < y ? -1 : x > y;
}

static double
ms_since (gint64 *mark)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - *mark) / 1000.0;

  *mark = now;
  return ms;
}

static gboolean
run_once (CrmDatabase *db, CrmPeriod *period, const char *path, Run *out, GError **error)
{
  g_autoptr(CrmReportData) data = NULL;
  g_autoptr(CrmReportDoc) doc = NULL;
  g_autoptr(CrmReportLayout) layout = NULL;
  gint64 start = g_get_monotonic_time (), mark = start;

  data = crm_report_store_load (db, period, 0, 0, error);
  if (data == NULL)
    return FALSE;
  out->load = ms_since (&mark);
  doc = crm_report_build (CRM_REPORT_TEAM, data);
  out->build = ms_since (&mark);
  layout = crm_report_layout_new_for_format (doc, crm_page_format_default ());
  out->layout = ms_since (&mark);
  if (!crm_report_write_pdf (layout, doc, path, error))
    return FALSE;
  out->pdf = ms_since (&mark);
  out->pages = crm_report_layout_get_n_pages (layout);
  out->total = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 5;
  Run *times;
  const Run *median;

  if (argc < 3 || runs < 1)
    {
      fprintf (stderr, "usage: bench-report DATABASE PERIOD [RUNS]\n");
      return 2;
    }
  db = crm_database_new (argv[1], CRM_DATABASE_FLAGS_NO_CREATE, NULL, &error);
  period = db != NULL ? crm_period_parse (argv[2], &error) : NULL;
  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  if (db == NULL || period == NULL || dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "team.pdf", NULL);
  times = g_new0 (Run, runs + 1);
  /* One warm-up run: the page cache, the prepared statements, the fonts. */
  if (!run_once (db, period, path, &times[runs], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (int i = 0; i < runs; i++)
    if (!run_once (db, period, path, &times[i], &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
  qsort (times, runs, sizeof (Run), compare_runs);
  median = &times[runs / 2];
  printf ("median_ms=%.1f min_ms=%.1f max_ms=%.1f pages=%u (load %.1f, build %.1f, layout %.1f, pdf %.1f)\n",
          median->total, times[0].total, times[runs - 1].total, median->pages,
          median->load, median->build, median->layout, median->pdf);
  g_unlink (path);
  g_rmdir (dir);
  g_free (times);
  return 0;
}
