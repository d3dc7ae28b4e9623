/* test-recurrence.c — series expansion with libical, DST, exceptions, splits
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-recurrence.h"
#include "crm-test-util.h"
#include "test-calendar-util.h"

static int
local_hour (const char *tzid, gint64 t)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_get_hour (local);
}

static char *
iso (const char *tzid, gint64 t)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M %a");
}

static void
test_weekly_days (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = NULL;
  gint64 start = crm_test_time ("Europe/Moscow", 2026, 11, 2, 10, 0);        /* a Monday */
  const char *expected[] = {
    "2026-11-02 10:00 Mon", "2026-11-04 10:00 Wed", "2026-11-09 10:00 Mon",
    "2026-11-11 10:00 Wed", "2026-11-16 10:00 Mon",
  };

  g_assert_true (crm_recurrence_expand ("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5", start, FALSE, "Europe/Moscow",
                                        NULL, start - 86400, start + 60 * 86400, &starts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *text = iso ("Europe/Moscow", g_array_index (starts, gint64, i));
      g_assert_cmpstr (text, ==, expected[i]);
    }
}

/* The spring change in Berlin is on 29 March 2026: a weekly meeting at
 * 10:00 is at 09:00 UTC before and 08:00 UTC after, 10:00 local both. */
static void
test_dst_keeps_local_hour (void)
{
  g_autoptr(GArray) starts = NULL;
  gint64 start = crm_test_time ("Europe/Berlin", 2026, 3, 16, 10, 0);
  gint64 spring, autumn;

  g_assert_true (crm_recurrence_expand ("FREQ=WEEKLY", start, FALSE, "Europe/Berlin", NULL,
                                        start, start + 34 * 86400, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 5);
  for (guint i = 0; i < starts->len; i++)
    g_assert_cmpint (local_hour ("Europe/Berlin", g_array_index (starts, gint64, i)), ==, 10);
  g_assert_cmpint (local_hour ("UTC", g_array_index (starts, gint64, 1)), ==, 9);    /* 23 March */
  g_assert_cmpint (local_hour ("UTC", g_array_index (starts, gint64, 2)), ==, 8);    /* 30 March */
  /* A week across the change is an hour short. */
  spring = g_array_index (starts, gint64, 2) - g_array_index (starts, gint64, 1);
  g_assert_cmpint (spring, ==, 7 * 86400 - 3600);
  g_clear_pointer (&starts, g_array_unref);

  /* And back in October (the 25th). */
  start = crm_test_time ("Europe/Berlin", 2026, 10, 19, 10, 0);
  g_assert_true (crm_recurrence_expand ("FREQ=WEEKLY", start, FALSE, "Europe/Berlin", NULL,
                                        start, start + 14 * 86400, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 2);
  autumn = g_array_index (starts, gint64, 1) - g_array_index (starts, gint64, 0);
  g_assert_cmpint (autumn, ==, 7 * 86400 + 3600);
  g_assert_cmpint (local_hour ("Europe/Berlin", g_array_index (starts, gint64, 1)), ==, 10);
}

static void
test_exdates_and_window (void)
{
  g_autoptr(GArray) starts = NULL;
  gint64 start = crm_test_time ("Europe/Moscow", 2026, 1, 5, 9, 30);
  g_autofree char *ex = crm_exdates_add (NULL, start + 86400);
  g_autofree char *ex2 = crm_exdates_add (ex, start + 3 * 86400);

  g_assert_true (crm_exdates_contains (ex2, start + 86400));
  g_assert_false (crm_exdates_contains (ex2, start + 2 * 86400));
  g_assert_true (crm_recurrence_expand ("FREQ=DAILY;COUNT=5", start, FALSE, "Europe/Moscow", ex2,
                                        G_MININT64 / 2, G_MAXINT64 / 2, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 3);
  g_assert_cmpint (g_array_index (starts, gint64, 1), ==, start + 2 * 86400);
  g_clear_pointer (&starts, g_array_unref);

  /* A window far from the start (years later) only has its own. */
  g_assert_true (crm_recurrence_expand ("FREQ=DAILY", start, FALSE, "Europe/Moscow", NULL,
                                        start + 700 * 86400, start + 707 * 86400, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 7);
  g_assert_cmpint (g_array_index (starts, gint64, 0), ==, start + 700 * 86400);
}

static void
test_until_is_inclusive (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Vladivostok");
  g_autoptr(GArray) starts = NULL;
  gint64 start = crm_test_time ("Asia/Vladivostok", 2026, 6, 1, 23, 0);
  CrmRepeat repeat, back;
  g_autofree char *rule = NULL;

  crm_repeat_init (&repeat);
  repeat.frequency = CRM_REPEAT_DAILY;
  g_date_set_dmy (&repeat.until, 4, 6, 2026);
  rule = crm_repeat_to_rrule (&repeat, start, tz);
  /* 4 June 23:59:59 in Vladivostok (UTC+10) is 13:59:59 UTC. */
  g_assert_cmpstr (rule, ==, "FREQ=DAILY;UNTIL=20260604T135959Z");
  g_assert_true (crm_recurrence_expand (rule, start, FALSE, "Asia/Vladivostok", NULL,
                                        start, start + 30 * 86400, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 4);

  g_assert_true (crm_repeat_from_rrule (rule, start, tz, &back));
  g_assert_cmpint (back.frequency, ==, CRM_REPEAT_DAILY);
  g_assert_true (g_date_valid (&back.until));
  g_assert_cmpint (g_date_compare (&back.until, &repeat.until), ==, 0);
}

static void
test_repeat_round_trip (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Moscow");
  gint64 start = crm_test_time ("Europe/Moscow", 2026, 11, 2, 10, 0);
  CrmRepeat repeat, back;
  g_autofree char *weekly = NULL;
  g_autofree char *monthly = NULL;
  g_autofree char *text = NULL;

  crm_repeat_init (&repeat);
  repeat.frequency = CRM_REPEAT_WEEKLY;
  repeat.interval = 2;
  repeat.weekdays = (1u << G_DATE_TUESDAY) | (1u << G_DATE_FRIDAY);
  repeat.count = 6;
  weekly = crm_repeat_to_rrule (&repeat, start, tz);
  g_assert_cmpstr (weekly, ==, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;COUNT=6");
  g_assert_true (crm_repeat_from_rrule (weekly, start, tz, &back));
  g_assert_cmpint (back.frequency, ==, CRM_REPEAT_WEEKLY);
  g_assert_cmpint (back.interval, ==, 2);
  g_assert_cmpuint (back.weekdays, ==, repeat.weekdays);
  g_assert_cmpint (back.count, ==, 6);

  text = crm_recurrence_describe (weekly, start, tz);
  g_assert_cmpstr (text, ==, "Every 2 weeks on Tue, Fri, 6 times");

  /* A weekly rule without days repeats on the start's weekday. */
  repeat.weekdays = 0;
  repeat.interval = 1;
  repeat.count = 0;
  g_clear_pointer (&weekly, g_free);
  weekly = crm_repeat_to_rrule (&repeat, start, tz);
  g_assert_cmpstr (weekly, ==, "FREQ=WEEKLY;BYDAY=MO");

  repeat.frequency = CRM_REPEAT_MONTHLY;
  monthly = crm_repeat_to_rrule (&repeat, start, tz);
  g_assert_cmpstr (monthly, ==, "FREQ=MONTHLY");

  /* What the dialog cannot show is OTHER, kept as it is. */
  g_assert_false (crm_repeat_from_rrule ("FREQ=MONTHLY;BYDAY=-1FR", start, tz, &back));
  g_assert_cmpint (back.frequency, ==, CRM_REPEAT_OTHER);
  g_assert_false (crm_repeat_from_rrule ("FREQ=YEARLY", start, tz, &back));
  repeat.frequency = CRM_REPEAT_NONE;
  g_assert_null (crm_repeat_to_rrule (&repeat, start, tz));
}

static void
test_split (void)
{
  gint64 start = crm_test_time ("Europe/Moscow", 2026, 11, 2, 10, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  gint64 third = start + 2 * 7 * 86400;

  /* COUNT=5 split at the third: 2 before, 3 from it on. */
  g_assert_true (crm_recurrence_split ("FREQ=WEEKLY;COUNT=5", start, FALSE, "Europe/Moscow", third,
                                       &before, &after, NULL));
  g_assert_cmpstr (before, ==, "FREQ=WEEKLY;COUNT=2");
  g_assert_cmpstr (after, ==, "FREQ=WEEKLY;COUNT=3");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* Without an end: the part before ends with the occurrence before. */
  g_assert_true (crm_recurrence_split ("FREQ=WEEKLY", start, FALSE, "Europe/Moscow", third,
                                       &before, &after, NULL));
  g_assert_cmpstr (after, ==, "FREQ=WEEKLY");
  g_assert_true (crm_recurrence_expand (before, start, FALSE, "Europe/Moscow", NULL,
                                        start, start + 365 * 86400, &a, NULL));
  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpint (crm_recurrence_last_start (before, start, FALSE, "Europe/Moscow"), ==, start + 7 * 86400);
  g_assert_cmpint (crm_recurrence_last_start (after, start, FALSE, "Europe/Moscow"), ==, G_MAXINT64);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* At the first occurrence nothing stays before. */
  g_assert_true (crm_recurrence_split ("FREQ=DAILY;COUNT=3", start, FALSE, "Europe/Moscow", start,
                                       &before, &after, NULL));
  g_assert_null (before);
  g_assert_cmpstr (after, ==, "FREQ=DAILY;COUNT=3");
  g_assert_true (crm_recurrence_expand (after, start, FALSE, NULL, NULL, start, start + 9 * 86400, &b, NULL));
  g_assert_cmpuint (b->len, ==, 3);
}

static void
test_bad_and_hostile_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autofree char *fixed = NULL;

  g_assert_null (crm_recurrence_normalize ("FREQ=FOO", &error));
  g_assert_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crm_recurrence_normalize ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", &error));
  g_assert_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_INVALID);
  g_clear_error (&error);

  /* An exporter's escaped semicolon and "RRULE:" prefix are repaired. */
  fixed = crm_recurrence_normalize ("RRULE:freq=daily\\;count=10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixed, ==, "FREQ=DAILY;COUNT=10");
  g_clear_pointer (&fixed, g_free);
  fixed = crm_recurrence_normalize ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;COUNT=6", &error);
  g_assert_cmpstr (fixed, ==, "FREQ=WEEKLY;COUNT=6;INTERVAL=2;BYDAY=TU,FR");

  /* Every second for decades: stops at the limit, with what it found. */
  g_assert_false (crm_recurrence_expand ("FREQ=SECONDLY;INTERVAL=1;COUNT=100000000", 0, FALSE, "UTC", NULL,
                                         G_MAXINT32, G_MAXINT64 / 2, &starts, &error));
  g_assert_error (error, CRM_RECURRENCE_ERROR, CRM_RECURRENCE_ERROR_LIMIT);
}

static void
test_all_day_series (void)
{
  g_autoptr(GArray) starts = NULL;
  gint64 start = crm_test_time ("Europe/Berlin", 2026, 3, 27, 0, 0);

  g_assert_true (crm_recurrence_expand ("FREQ=DAILY;COUNT=4", start, TRUE, "Europe/Berlin", NULL,
                                        start, start + 10 * 86400, &starts, NULL));
  g_assert_cmpuint (starts->len, ==, 4);
  /* Each is a local midnight, the day of the change included. */
  for (guint i = 0; i < starts->len; i++)
    g_assert_cmpint (local_hour ("Europe/Berlin", g_array_index (starts, gint64, i)), ==, 0);
  g_assert_cmpint (g_array_index (starts, gint64, 3) - g_array_index (starts, gint64, 2), ==, 86400 - 3600);
}

static void
test_occurrence_activity (void)
{
  g_autoptr(CrmActivity) master = crm_activity_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrmActivity) third = NULL;
  CrmActivity *o;

  master->id = 42;
  master->starts_at = crm_test_time ("Europe/Moscow", 2026, 11, 2, 10, 0);
  master->duration_min = 60;
  master->rrule = g_strdup ("FREQ=DAILY;COUNT=3");
  master->tzid = g_strdup ("Europe/Moscow");
  /* A window that starts in the middle of the second one still has it. */
  g_assert_true (crm_recurrence_expand_activity (master, master->starts_at + 86400 + 1800,
                                                 master->starts_at + 10 * 86400, list, NULL));
  g_assert_cmpuint (list->len, ==, 2);
  o = list->pdata[0];
  g_assert_true (crm_activity_is_occurrence (o));
  g_assert_true (crm_activity_in_series (o));
  g_assert_cmpint (o->series_id, ==, 42);
  g_assert_cmpint (o->recurrence_at, ==, master->starts_at + 86400);
  g_assert_true (crm_activity_is_overdue (o, o->starts_at + 3600));
  g_assert_false (crm_activity_is_overdue (o, o->starts_at + 3599));

  third = crm_recurrence_occurrence (master, master->starts_at + 2 * 86400);
  g_assert_nonnull (third);
  g_assert_null (crm_recurrence_occurrence (master, master->starts_at + 3 * 86400));
  g_assert_null (crm_recurrence_occurrence (master, master->starts_at + 3600));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/weekly-days", test_weekly_days);
  g_test_add_func ("/recurrence/dst-keeps-local-hour", test_dst_keeps_local_hour);
  g_test_add_func ("/recurrence/exdates-and-window", test_exdates_and_window);
  g_test_add_func ("/recurrence/until-is-inclusive", test_until_is_inclusive);
  g_test_add_func ("/recurrence/repeat-round-trip", test_repeat_round_trip);
  g_test_add_func ("/recurrence/split", test_split);
  g_test_add_func ("/recurrence/bad-and-hostile-rules", test_bad_and_hostile_rules);
  g_test_add_func ("/recurrence/all-day-series", test_all_day_series);
  g_test_add_func ("/recurrence/occurrence-activity", test_occurrence_activity);

  return g_test_run ();
}
