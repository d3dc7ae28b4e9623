/* crm-calendar-layout.c — overlapping activities side by side
 *
 * A sweep over the items by start time: a group ends where no earlier item
 * reaches; inside a group each item takes the first sub-column free at its
 * start. Then each item stretches to the right over the sub-columns where
 * nothing of its group overlaps it, so that a lone long meeting beside two
 * short calls is not left at a third of the width.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <stdlib.h>

#include "crm-calendar-layout.h"

static int
compare_items (const void *pa, const void *pb)
{
  const CrmLayoutItem *a = pa, *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return 0;
}

static gboolean
overlap (const CrmLayoutItem *a, const CrmLayoutItem *b)
{
  return a->start < b->end && b->start < a->end;
}

/* Items [first, last) are one group. */
static void
finish_group (CrmLayoutItem *items, guint first, guint last, guint n_columns)
{
  for (guint i = first; i < last; i++)
    {
      CrmLayoutItem *item = &items[i];
      guint reach = n_columns;

      item->n_columns = n_columns;
      /* The nearest sub-column to the right holding an overlapping item
       * bounds the stretch. */
      for (guint j = first; j < last; j++)
        if (items[j].column > item->column && items[j].column < reach && overlap (item, &items[j]))
          reach = items[j].column;
      item->span = reach - item->column;
    }
}

void
crm_calendar_layout (CrmLayoutItem *items, guint n_items)
{
  g_autoptr(GArray) column_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint group_first = 0;
  guint group = 0;
  gint64 group_end = G_MININT64;

  if (n_items == 0)
    return;
  qsort (items, n_items, sizeof *items, compare_items);

  for (guint i = 0; i < n_items; i++)
    {
      CrmLayoutItem *item = &items[i];
      guint c;

      if (item->end <= item->start)
        item->end = item->start + 1;
      if (i > 0 && item->start >= group_end)
        {
          finish_group (items, group_first, i, column_ends->len);
          g_array_set_size (column_ends, 0);
          group_first = i;
          group++;
        }
      for (c = 0; c < column_ends->len; c++)
        if (g_array_index (column_ends, gint64, c) <= item->start)
          break;
      if (c == column_ends->len)
        g_array_append_val (column_ends, item->end);
      else
        g_array_index (column_ends, gint64, c) = item->end;
      item->column = c;
      item->group = group;
      group_end = i == group_first ? item->end : MAX (group_end, item->end);
    }
  finish_group (items, group_first, n_items, column_ends->len);
}

/* ---- local time --------------------------------------------------------- */

GTimeZone *
crm_calendar_local_zone (void)
{
  static GTimeZone *zone;
  static gint64 read_at;
  static GMutex lock;
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || now - read_at > 60 * G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      read_at = now;
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);
  return result;
}

gint64
crm_calendar_local_time (const GDate *day, int minute)
{
  g_autoptr(GTimeZone) local = crm_calendar_local_zone ();
  g_autoptr(GDateTime) dt = NULL;
  GDate d = *day;

  /* Minute 1440 is the midnight that starts the next day. */
  while (minute >= 24 * 60)
    {
      g_date_add_days (&d, 1);
      minute -= 24 * 60;
    }
  dt = g_date_time_new (local, g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                        minute / 60, minute % 60, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

void
crm_calendar_date_of (gint64 t, GDate *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GTimeZone) zone = crm_calendar_local_zone ();
  g_autoptr(GDateTime) dt = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;

  g_date_clear (out, 1);
  if (dt != NULL)
    g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                    g_date_time_get_year (dt));
}

int
crm_calendar_minute_of (gint64 t, const GDate *day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GTimeZone) zone = crm_calendar_local_zone ();
  g_autoptr(GDateTime) dt = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
  GDate d;
  int cmp;

  if (dt == NULL)
    return 0;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
  cmp = g_date_compare (&d, day);
  if (cmp < 0)
    return 0;
  if (cmp > 0)
    return 24 * 60;
  return g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
}
