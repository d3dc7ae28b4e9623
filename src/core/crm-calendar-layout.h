/* crm-calendar-layout.h — overlapping activities side by side
 *
 * The pure part of the day and week grids: given the time extents of the
 * activities of one column (one day, or one manager on a day), which
 * sub-column each takes and how many there are, as gnome-calendar packs
 * its week grid. Times are any consistent unit (the grids use minutes of
 * the local day).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64   start;       /* in: first instant */
  gint64   end;         /* in: end (exclusive), > start */
  gpointer data;        /* in: the caller's, untouched */
  guint    column;      /* out: 0-based sub-column */
  guint    n_columns;   /* out: sub-columns of its group of overlapping items */
  guint    span;        /* out: ≥ 1; how many sub-columns it may cover to the right */
  guint    group;       /* out: the index of its group (items that overlap, transitively) */
} CrmLayoutItem;

/* Sorts @items by start (longer first at equal starts) and lays them out.
 * Two items overlap when one starts before the other ends; items that only
 * touch (one ends when the other starts) share a sub-column. */
void   crm_calendar_layout     (CrmLayoutItem *items, guint n_items);

/* The local zone (a new reference), read once a minute rather than for
 * every activity: GLib re-reads /etc/localtime each time it is asked. */
GTimeZone *crm_calendar_local_zone (void);
/* Unix seconds of @minute minutes after the local midnight of @day, on the
 * wall clock (DST-safe: 10:00 is 10:00 on the day of a change). */
gint64 crm_calendar_local_time (const GDate *day, int minute);
/* The wall-clock minute of @t on @day: 0 before it, 1440 after it. */
int    crm_calendar_minute_of  (gint64 t, const GDate *day);
void   crm_calendar_date_of    (gint64 t, GDate *out);

G_END_DECLS
