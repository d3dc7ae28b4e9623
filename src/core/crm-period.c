/* crm-period.c — an immutable period of calendar days [from, to)
 *
 * A period is a range of local calendar days. Days convert to instants with
 * GDateTime in the given time zone, so a month with a DST change has the
 * right number of seconds.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "crm-error.h"
#include "crm-locale.h"
#include "crm-period.h"

struct _CrmPeriod {
  gatomicrefcount ref_count;
  CrmPeriodKind kind;
  GDate from;
  GDate to;        /* exclusive */
};

G_DEFINE_BOXED_TYPE (CrmPeriod, crm_period, crm_period_ref, crm_period_unref)

CrmPeriod *
crm_period_ref (CrmPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_period_unref (CrmPeriod *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

static CrmPeriod *
period_new (CrmPeriodKind kind, const GDate *from, const GDate *to)
{
  CrmPeriod *self = g_new0 (CrmPeriod, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->from = *from;
  self->to = *to;
  return self;
}

CrmPeriod *
crm_period_new_month (int year, int month)
{
  GDate from, to;

  g_return_val_if_fail (year >= 1 && year <= 9998 && month >= 1 && month <= 12, NULL);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, month, year);
  to = from;
  g_date_add_months (&to, 1);
  return period_new (CRM_PERIOD_MONTH, &from, &to);
}

CrmPeriod *
crm_period_new_quarter (int year, int quarter)
{
  GDate from, to;

  g_return_val_if_fail (year >= 1 && year <= 9998 && quarter >= 1 && quarter <= 4, NULL);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, (quarter - 1) * 3 + 1, year);
  to = from;
  g_date_add_months (&to, 3);
  return period_new (CRM_PERIOD_QUARTER, &from, &to);
}

CrmPeriod *
crm_period_new_year (int year)
{
  GDate from, to;

  g_return_val_if_fail (year >= 1 && year <= 9998, NULL);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, year);
  to = from;
  g_date_add_years (&to, 1);
  return period_new (CRM_PERIOD_YEAR, &from, &to);
}

CrmPeriod *
crm_period_new_range (const GDate *from, const GDate *to_exclusive)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to_exclusive != NULL && g_date_valid (to_exclusive), NULL);
  g_return_val_if_fail (g_date_compare (from, to_exclusive) < 0, NULL);
  return period_new (CRM_PERIOD_RANGE, from, to_exclusive);
}

CrmPeriod *
crm_period_new_containing (CrmPeriodKind kind, const GDate *day)
{
  int year = g_date_get_year (day);
  int month = g_date_get_month (day);

  switch (kind)
    {
    case CRM_PERIOD_MONTH:
      return crm_period_new_month (year, month);
    case CRM_PERIOD_QUARTER:
      return crm_period_new_quarter (year, (month - 1) / 3 + 1);
    case CRM_PERIOD_YEAR:
      return crm_period_new_year (year);
    case CRM_PERIOD_RANGE:
    default:
      {
        GDate next = *day;
        g_date_add_days (&next, 1);
        return crm_period_new_range (day, &next);
      }
    }
}

/* Strict "YYYY-MM-DD"; TRUE and *out set on success. */
gboolean
crm_date_parse_iso (const char *text, GDate *out)
{
  int y, m, d, n = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
crm_date_to_iso (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

void
crm_date_set_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static gboolean
parse_digits (const char *text, gsize len, int *out)
{
  int value = 0;

  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

CrmPeriod *
crm_period_parse (const char *text, GError **error)
{
  g_autofree char *t = NULL;
  const char *dots;
  gsize len;
  int year, month, quarter;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("No period given. Use a month (2026-11), a quarter (2026-Q4), a year (2026) or a range of days (2026-11-01..2026-11-15)."));
      return NULL;
    }

  t = g_strstrip (g_strdup (text));
  len = strlen (t);
  dots = strstr (t, "..");

  if (dots != NULL)
    {
      g_autofree char *a = g_strndup (t, dots - t);
      const char *b = dots + 2;
      GDate from, last, to;

      if (!crm_date_parse_iso (g_strstrip (a), &from) || !crm_date_parse_iso (b, &last))
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("“%s” is not a range of days. Write it as FIRST..LAST with both days as YYYY-MM-DD, for example 2026-11-01..2026-11-15."),
                       text);
          return NULL;
        }
      if (g_date_compare (&from, &last) > 0)
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("The range “%s” ends before it starts. Put the earlier day first."),
                       text);
          return NULL;
        }
      /* FIRST..LAST includes both days: the period is [FIRST, LAST + 1). */
      to = last;
      g_date_add_days (&to, 1);
      return crm_period_new_range (&from, &to);
    }

  if (len == 4 && parse_digits (t, 4, &year) && year >= 1900 && year <= 9998)
    return crm_period_new_year (year);

  if (len == 7 && t[4] == '-' && parse_digits (t, 4, &year) && year >= 1900 && year <= 9998)
    {
      if ((t[5] == 'Q' || t[5] == 'q') && parse_digits (t + 6, 1, &quarter) &&
          quarter >= 1 && quarter <= 4)
        return crm_period_new_quarter (year, quarter);
      if (parse_digits (t + 5, 2, &month) && month >= 1 && month <= 12)
        return crm_period_new_month (year, month);
    }

  if (len == 10)
    {
      GDate day;
      if (crm_date_parse_iso (t, &day))
        return crm_period_new_containing (CRM_PERIOD_RANGE, &day);
    }

  g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
               _("“%s” is not a period. Use a month (2026-11), a quarter (2026-Q4), a year (2026) or a range of days (2026-11-01..2026-11-15)."),
               text);
  return NULL;
}

CrmPeriodKind
crm_period_get_kind (const CrmPeriod *self)
{
  return self->kind;
}

void
crm_period_get_from (const CrmPeriod *self, GDate *out)
{
  *out = self->from;
}

void
crm_period_get_to (const CrmPeriod *self, GDate *out)
{
  *out = self->to;
}

char *
crm_period_get_from_iso (const CrmPeriod *self)
{
  return crm_date_to_iso (&self->from);
}

char *
crm_period_get_to_iso (const CrmPeriod *self)
{
  return crm_date_to_iso (&self->to);
}

/* Local midnight of @day in @tz (NULL: the local zone), as Unix seconds. On
 * the rare zones where midnight does not exist on a DST day, GDateTime picks
 * the first valid instant. */
gint64
crm_date_to_unix_local (const GDate *day, GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = g_date_time_new (local, g_date_get_year (day),
                                             g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

gint64
crm_period_get_start_unix (const CrmPeriod *self, GTimeZone *tz)
{
  return crm_date_to_unix_local (&self->from, tz);
}

gint64
crm_period_get_end_unix (const CrmPeriod *self, GTimeZone *tz)
{
  return crm_date_to_unix_local (&self->to, tz);
}

int
crm_period_get_n_days (const CrmPeriod *self)
{
  return g_date_days_between (&self->from, &self->to);
}

/* Whole or partial calendar months the period touches. */
int
crm_period_get_n_months (const CrmPeriod *self)
{
  GDate last = self->to;

  g_date_subtract_days (&last, 1);
  return (g_date_get_year (&last) - g_date_get_year (&self->from)) * 12 +
         (g_date_get_month (&last) - g_date_get_month (&self->from)) + 1;
}

gboolean
crm_period_contains (const CrmPeriod *self, const GDate *day)
{
  return g_date_compare (&self->from, day) <= 0 && g_date_compare (day, &self->to) < 0;
}

gboolean
crm_period_equal (const CrmPeriod *a, const CrmPeriod *b)
{
  return a->kind == b->kind &&
         g_date_compare (&a->from, &b->from) == 0 &&
         g_date_compare (&a->to, &b->to) == 0;
}

static CrmPeriod *
shift (const CrmPeriod *self, int direction)
{
  GDate from = self->from, to = self->to;

  switch (self->kind)
    {
    case CRM_PERIOD_MONTH:
    case CRM_PERIOD_QUARTER:
    case CRM_PERIOD_YEAR:
      {
        int months = crm_period_get_n_months (self);
        if (direction < 0)
          {
            g_date_subtract_months (&from, months);
            g_date_subtract_months (&to, months);
          }
        else
          {
            g_date_add_months (&from, months);
            g_date_add_months (&to, months);
          }
        break;
      }
    case CRM_PERIOD_RANGE:
    default:
      {
        int days = crm_period_get_n_days (self);
        if (direction < 0)
          {
            g_date_subtract_days (&from, days);
            g_date_subtract_days (&to, days);
          }
        else
          {
            g_date_add_days (&from, days);
            g_date_add_days (&to, days);
          }
        break;
      }
    }
  return period_new (self->kind, &from, &to);
}

CrmPeriod *
crm_period_previous (const CrmPeriod *self)
{
  return shift (self, -1);
}

CrmPeriod *
crm_period_next (const CrmPeriod *self)
{
  return shift (self, +1);
}

CrmPeriod *
crm_period_year_before (const CrmPeriod *self)
{
  GDate from = self->from, to = self->to;

  g_date_subtract_years (&from, 1);
  g_date_subtract_years (&to, 1);
  return period_new (self->kind, &from, &to);
}

/* The canonical form that crm_period_parse() reads back. */
char *
crm_period_to_string (const CrmPeriod *self)
{
  int year = g_date_get_year (&self->from);

  switch (self->kind)
    {
    case CRM_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", year, g_date_get_month (&self->from));
    case CRM_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", year, (g_date_get_month (&self->from) - 1) / 3 + 1);
    case CRM_PERIOD_YEAR:
      return g_strdup_printf ("%04d", year);
    case CRM_PERIOD_RANGE:
    default:
      {
        GDate last = self->to;
        g_autofree char *a = crm_date_to_iso (&self->from);
        g_autofree char *b = NULL;
        g_date_subtract_days (&last, 1);
        b = crm_date_to_iso (&last);
        return g_strdup_printf ("%s..%s", a, b);
      }
    }
}

/* For a heading: "November 2026", "Q4 2026", "2026", "1 Nov – 15 Nov 2026". */
char *
crm_period_format (const CrmPeriod *self)
{
  int year = g_date_get_year (&self->from);

  switch (self->kind)
    {
    case CRM_PERIOD_MONTH:
      /* Translators: a month and its year, "November 2026"; %1$s is the month name (nominative), %2$d the year */
      return g_strdup_printf (C_("period", "%1$s %2$d"),
                              crm_locale_month_name (g_date_get_month (&self->from)), year);
    case CRM_PERIOD_QUARTER:
      /* Translators: a quarter of a year, "Q4 2026" */
      return g_strdup_printf (C_("period", "Q%1$d %2$d"),
                              (g_date_get_month (&self->from) - 1) / 3 + 1, year);
    case CRM_PERIOD_YEAR:
      /* Translators: a whole year, "2026" (ru: "2026 г.") */
      return g_strdup_printf (C_("period", "%d"), year);
    case CRM_PERIOD_RANGE:
    default:
      {
        GDate last = self->to;
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        g_date_subtract_days (&last, 1);
        a = crm_locale_format_date (&self->from);
        if (g_date_compare (&self->from, &last) == 0)
          return g_steal_pointer (&a);
        b = crm_locale_format_date (&last);
        /* Translators: a range of days, "01.11.2026 – 15.11.2026" */
        return g_strdup_printf (C_("period", "%1$s – %2$s"), a, b);
      }
    }
}

/* For a report title: "for November 2026" (ru: "за ноябрь 2026 г."). */
char *
crm_period_format_for (const CrmPeriod *self)
{
  int year = g_date_get_year (&self->from);

  switch (self->kind)
    {
    case CRM_PERIOD_MONTH:
      {
        const char *name = crm_locale_month_name (g_date_get_month (&self->from));
        /* English capitalises month names; most other languages do not in
         * the middle of a sentence. */
        g_autofree char *month = g_str_equal (crm_locale_get_language (), "en")
                                 ? g_strdup (name) : g_utf8_strdown (name, -1);
        /* Translators: "for November 2026" in a report title (ru: "за %1$s %2$d г." → "за ноябрь 2026 г.");
         * %1$s is the month name from the "month name, nominative" context, in lower case */
        return g_strdup_printf (C_("report period", "for %1$s %2$d"), month, year);
      }
    case CRM_PERIOD_QUARTER:
      /* Translators: "for Q4 2026" (ru: "за IV квартал 2026 г." is also fine: "за 4-й квартал 2026 г.") */
      return g_strdup_printf (C_("report period", "for Q%1$d %2$d"),
                              (g_date_get_month (&self->from) - 1) / 3 + 1, year);
    case CRM_PERIOD_YEAR:
      /* Translators: "for 2026" (ru: "за 2026 год") */
      return g_strdup_printf (C_("report period", "for %d"), year);
    case CRM_PERIOD_RANGE:
    default:
      {
        g_autofree char *range = crm_period_format (self);
        /* Translators: "for 01.11.2026 – 15.11.2026" (ru: "за период 01.11.2026 – 15.11.2026") */
        return g_strdup_printf (C_("report period", "for %s"), range);
      }
    }
}
