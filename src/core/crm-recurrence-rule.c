/* crm-recurrence-rule.c — the repeat choices of the dialog as RRULE text
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-locale.h"
#include "crm-recurrence-private.h"

static const char *day_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

void
crm_repeat_init (CrmRepeat *repeat)
{
  repeat->frequency = CRM_REPEAT_NONE;
  repeat->interval = 1;
  repeat->weekdays = 0;
  g_date_clear (&repeat->until, 1);
  repeat->count = 0;
}

static GDateWeekday
weekday_of (gint64 t, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return (GDateWeekday) g_date_time_get_day_of_week (local);
}

char *
crm_repeat_to_rrule (const CrmRepeat *repeat, gint64 dtstart, GTimeZone *tz)
{
  GString *s;
  guint weekdays = repeat->weekdays;

  switch (repeat->frequency)
    {
    case CRM_REPEAT_DAILY:
      s = g_string_new ("FREQ=DAILY");
      break;
    case CRM_REPEAT_WEEKLY:
      s = g_string_new ("FREQ=WEEKLY");
      break;
    case CRM_REPEAT_MONTHLY:
      s = g_string_new ("FREQ=MONTHLY");
      break;
    case CRM_REPEAT_NONE:
    case CRM_REPEAT_OTHER:
    default:
      return NULL;
    }
  if (repeat->interval > 1)
    g_string_append_printf (s, ";INTERVAL=%d", repeat->interval);
  if (repeat->frequency == CRM_REPEAT_WEEKLY)
    {
      gboolean first = TRUE;

      if (weekdays == 0)
        weekdays = 1u << weekday_of (dtstart, tz);
      g_string_append (s, ";BYDAY=");
      for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
        if (weekdays & (1u << d))
          {
            g_string_append_printf (s, "%s%s", first ? "" : ",", day_codes[d]);
            first = FALSE;
          }
    }
  if (repeat->count > 0)
    g_string_append_printf (s, ";COUNT=%d", repeat->count);
  else if (g_date_valid (&repeat->until))
    {
      /* The end of the last day in the series' zone, in UTC as RFC 5545
       * wants with a zoned start. */
      g_autoptr(GDateTime) end = g_date_time_new (tz, g_date_get_year (&repeat->until),
                                                  g_date_get_month (&repeat->until),
                                                  g_date_get_day (&repeat->until), 23, 59, 59);
      g_autoptr(GDateTime) utc = end != NULL ? g_date_time_to_utc (end) : NULL;
      if (utc != NULL)
        {
          g_autofree char *stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
          g_string_append_printf (s, ";UNTIL=%s", stamp);
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
only_terminated (const short *list)
{
  return list[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

gboolean
crm_repeat_from_rrule (const char *rrule, gint64 dtstart, GTimeZone *tz, CrmRepeat *repeat)
{
  struct icalrecurrencetype r;
  gboolean simple = TRUE;

  crm_repeat_init (repeat);
  if (rrule == NULL || *rrule == '\0')
    return TRUE;
  if (!crm_recurrence_parse (rrule, tz, FALSE, &r, NULL))
    {
      repeat->frequency = CRM_REPEAT_OTHER;
      return FALSE;
    }
  repeat->interval = r.interval;
  repeat->count = r.count;
  if (!icaltime_is_null_time (r.until))
    g_date_set_dmy (&repeat->until, r.until.day, r.until.month, r.until.year);

  switch (r.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      repeat->frequency = CRM_REPEAT_DAILY;
      simple = only_terminated (r.by_day);
      break;
    case ICAL_WEEKLY_RECURRENCE:
      repeat->frequency = CRM_REPEAT_WEEKLY;
      for (int i = 0; i < ICAL_BY_DAY_SIZE && r.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        {
          int dow = icalrecurrencetype_day_day_of_week (r.by_day[i]);   /* 1 = Sunday */
          if (icalrecurrencetype_day_position (r.by_day[i]) != 0 || dow < 1 || dow > 7)
            simple = FALSE;
          else
            repeat->weekdays |= 1u << (dow == 1 ? G_DATE_SUNDAY : dow - 1);
        }
      break;
    case ICAL_MONTHLY_RECURRENCE:
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (dtstart);
        g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

        repeat->frequency = CRM_REPEAT_MONTHLY;
        simple = only_terminated (r.by_day) &&
                 (only_terminated (r.by_month_day) ||
                  (r.by_month_day[0] == g_date_time_get_day_of_month (local) &&
                   r.by_month_day[1] == ICAL_RECURRENCE_ARRAY_MAX));
      }
      break;
    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      simple = FALSE;
      break;
    }
  simple = simple && only_terminated (r.by_second) && only_terminated (r.by_minute) &&
           only_terminated (r.by_hour) && only_terminated (r.by_year_day) &&
           only_terminated (r.by_week_no) && only_terminated (r.by_month) &&
           only_terminated (r.by_set_pos);
  if (!simple)
    repeat->frequency = CRM_REPEAT_OTHER;
  return simple;
}

char *
crm_recurrence_describe (const char *rrule, gint64 dtstart, GTimeZone *tz)
{
  CrmRepeat repeat;
  g_autofree char *what = NULL;
  g_autofree char *end = NULL;

  if (rrule == NULL || *rrule == '\0')
    return g_strdup (_("Does not repeat"));
  if (!crm_repeat_from_rrule (rrule, dtstart, tz, &repeat))
    return g_strdup_printf (_("Repeats by the rule %s"), rrule);

  switch (repeat.frequency)
    {
    case CRM_REPEAT_DAILY:
      what = repeat.interval == 1 ? g_strdup (_("Every day"))
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days", repeat.interval),
                                repeat.interval);
      break;
    case CRM_REPEAT_WEEKLY:
      {
        GString *days = g_string_new (NULL);
        GDateWeekday first = crm_locale_get_first_weekday ();

        for (int k = 0; k < 7; k++)
          {
            GDateWeekday d = (GDateWeekday) ((first - 1 + k) % 7 + 1);
            if (repeat.weekdays & (1u << d))
              g_string_append_printf (days, "%s%s", days->len > 0 ? ", " : "", crm_locale_weekday_abbrev (d));
          }
        if (repeat.interval == 1)
          /* Translators: %s is a list of weekdays, "Mon, Wed" */
          what = g_strdup_printf (_("Every week on %s"), days->str);
        else
          /* Translators: "Every 2 weeks on Mon, Wed" */
          what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d week on %s", "Every %d weeks on %s",
                                               repeat.interval),
                                  repeat.interval, days->str);
        g_string_free (days, TRUE);
      }
      break;
    case CRM_REPEAT_MONTHLY:
      what = repeat.interval == 1 ? g_strdup (_("Every month"))
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d month", "Every %d months", repeat.interval),
                                repeat.interval);
      break;
    case CRM_REPEAT_NONE:
    case CRM_REPEAT_OTHER:
    default:
      return g_strdup_printf (_("Repeats by the rule %s"), rrule);
    }

  if (repeat.count > 0)
    end = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d time", "%d times", repeat.count), repeat.count);
  else if (g_date_valid (&repeat.until))
    {
      g_autofree char *date = crm_locale_format_date (&repeat.until);
      /* Translators: the end of a series, "until 31.12.2026" */
      end = g_strdup_printf (_("until %s"), date);
    }
  if (end == NULL)
    return g_steal_pointer (&what);
  /* Translators: "Every day, 10 times" or "Every week on Mon, until 31.12.2026" */
  return g_strdup_printf (_("%s, %s"), what, end);
}
