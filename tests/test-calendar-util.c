/* test-calendar-util.c — what the calendar suites share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "test-calendar-util.h"

gint64
crm_test_time (const char *tzid, int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = tzid != NULL ? g_time_zone_new_identifier (tzid) : g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (tz);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}
