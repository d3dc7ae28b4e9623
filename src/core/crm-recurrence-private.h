/* crm-recurrence-private.h — what the two halves of crm-recurrence share,
 * and the iCalendar writer (the wall clock of a series as libical wants it)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical/ical.h>

#include "crm-recurrence.h"

G_BEGIN_DECLS

/* The wall clock of @t in @tz as a floating libical time (a date when
 * @all_day), and back. */
struct icaltimetype crm_recurrence_wall_from_unix (gint64 t, GTimeZone *tz, gboolean all_day);
gint64              crm_recurrence_unix_from_wall (struct icaltimetype wall, GTimeZone *tz);

/* Parses @rrule (already normalised or not) into @out with its UNTIL turned
 * into the floating wall clock of @tz, as the iterator compares it. */
gboolean            crm_recurrence_parse (const char *rrule, GTimeZone *tz, gboolean all_day,
                                          struct icalrecurrencetype *out, GError **error);

G_END_DECLS
