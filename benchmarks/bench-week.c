/* bench-week.c — the week calendar of one manager: query and layout
 *
 *   bench-week DATABASE [MANAGER_ID] [RUNS]
 *
 * Prints the median wall time in milliseconds of what the week view does
 * when it is shown, over RUNS runs (default 15) on a warm connection:
 * crm_activity_store_list_occurrences for the manager's current week
 * (series expanded), then each day's activities placed by the wall clock
 * and laid out side by side (crm_calendar_layout), with the same helpers
 * as the week grid, as "median_ms=…".
 * Without MANAGER_ID, the first active manager.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crm-activity-store.h"
#include "crm-calendar-layout.h"
#include "crm-locale.h"
#include "crm-manager-store.h"
#include "crm-period.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* What the week view does with the rows: per day, the wall-clock minutes
 * of each activity, then the overlap layout. Returns the items laid out. */
static guint
lay_out_week (GPtrArray *activities, const GDate *first)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (CrmLayoutItem));
  guint total = 0;

  for (int d = 0; d < 7; d++)
    {
      GDate day = *first;
      gint64 start, end;

      g_date_add_days (&day, d);
      start = crm_calendar_local_time (&day, 0);
      end = crm_calendar_local_time (&day, 24 * 60);
      g_array_set_size (items, 0);
      for (guint i = 0; i < activities->len; i++)
        {
          CrmActivity *a = activities->pdata[i];
          gint64 a_end = a->starts_at + (gint64) a->duration_min * 60;
          CrmLayoutItem item = { 0 };
          int minute;

          if (a->all_day || a->starts_at >= end || (a->starts_at < start && a_end <= start))
            continue;
          minute = crm_calendar_minute_of (a->starts_at, &day);
          item.start = minute;
          item.end = MIN (24 * 60, MAX (minute + 20, minute + a->duration_min));
          item.data = a;
          g_array_append_val (items, item);
        }
      crm_calendar_layout ((CrmLayoutItem *) (gpointer) items->data, items->len);
      total += items->len;
    }
  return total;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  gint64 manager_id = argc > 2 ? g_ascii_strtoll (argv[2], NULL, 10) : 0;
  int runs = argc > 3 ? atoi (argv[3]) : 15;
  double *times;
  GDate first, after;
  gint64 from, to;
  guint n_activities = 0, n_laid_out = 0;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-week DATABASE [MANAGER_ID] [RUNS]\n");
      return 2;
    }
  db = crm_database_new (argv[1], CRM_DATABASE_FLAGS_NO_CREATE | CRM_DATABASE_FLAGS_READ_ONLY, NULL, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (manager_id <= 0)
    {
      g_autoptr(GPtrArray) managers = crm_manager_store_list (db, FALSE, &error);
      if (managers == NULL || managers->len == 0)
        {
          fprintf (stderr, "no active manager\n");
          return 1;
        }
      manager_id = ((CrmManager *) managers->pdata[0])->id;
    }

  /* This week, as the view would show it. */
  crm_date_set_today (&first);
  while (g_date_get_weekday (&first) != crm_locale_get_first_weekday ())
    g_date_subtract_days (&first, 1);
  after = first;
  g_date_add_days (&after, 7);
  from = crm_calendar_local_time (&first, 0);
  to = crm_calendar_local_time (&after, 0);

  times = g_new (double, runs);
  /* One warm-up run: the page cache, the prepared statements. */
  g_ptr_array_unref (crm_activity_store_list_occurrences (db, manager_id, from, to, &error));
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) week = crm_activity_store_list_occurrences (db, manager_id, from, to, &error);

      if (week == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      n_laid_out = lay_out_week (week, &first);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_activities = week->len;
    }
  qsort (times, runs, sizeof (double), compare_double);
  printf ("median_ms=%.2f min_ms=%.2f max_ms=%.2f activities=%u laid_out=%u manager=%" G_GINT64_FORMAT "\n",
          times[runs / 2], times[0], times[runs - 1], n_activities, n_laid_out, manager_id);
  g_free (times);
  return 0;
}
