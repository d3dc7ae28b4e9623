/* crm-locale.c — number, money and date conventions of the user's language
 *
 * The numeric conventions follow LC_NUMERIC when it names a real locale
 * (LANG=ru_RU.UTF-8). When it is the C locale — the usual case when the
 * interface language is picked with LANGUAGE=ru under LANG=C.UTF-8 — they follow
 * the interface language instead, so that a Russian window never shows
 * "1,234.50".
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "crm-locale.h"

#define NBSP "\u00a0"

static const CrmLocaleConventions conventions[] = {
  /* language decimal group symbol_first date_format first_weekday */
  { "ru", ",", NBSP, FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "uk", ",", NBSP, FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "be", ",", NBSP, FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "kk", ",", NBSP, FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "de", ",", ".", FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "fr", ",", NBSP, FALSE, "%d/%m/%Y", G_DATE_MONDAY },
  { "es", ",", ".", FALSE, "%d/%m/%Y", G_DATE_MONDAY },
  { "it", ",", ".", FALSE, "%d/%m/%Y", G_DATE_MONDAY },
  { "pl", ",", NBSP, FALSE, "%d.%m.%Y", G_DATE_MONDAY },
  { "en", ".", ",", TRUE, "%b %-d, %Y", G_DATE_SUNDAY },
};

static gboolean
is_c_locale (const char *name)
{
  return name == NULL ||
         g_str_equal (name, "C") ||
         g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

static const char *
language_of_locale_name (const char *name, char *buf, gsize bufsize)
{
  gsize i = 0;

  while (name[i] != '\0' && name[i] != '_' && name[i] != '.' && name[i] != '@' && i + 1 < bufsize)
    {
      buf[i] = name[i];
      i++;
    }
  buf[i] = '\0';
  return buf;
}

static const CrmLocaleConventions *
find_conventions (const char *language)
{
  for (gsize i = 0; i < G_N_ELEMENTS (conventions); i++)
    if (g_str_equal (conventions[i].language, language))
      return &conventions[i];
  return NULL;
}

/* The interface language: the first of LANGUAGE/LC_ALL/LC_MESSAGES/LANG that
 * is not the C locale, or "en". */
const char *
crm_locale_get_language (void)
{
  const char * const *names = g_get_language_names ();
  /* One per thread: the dashboard formats figures in a worker. */
  static _Thread_local char buf[16];

  for (gsize i = 0; names[i] != NULL; i++)
    if (!is_c_locale (names[i]))
      return language_of_locale_name (names[i], buf, sizeof buf);
  return "en";
}

const CrmLocaleConventions *
crm_locale_get_conventions (void)
{
  const char *numeric = setlocale (LC_NUMERIC, NULL);
  const CrmLocaleConventions *found = NULL;
  char buf[16];

  if (!is_c_locale (numeric))
    found = find_conventions (language_of_locale_name (numeric, buf, sizeof buf));
  if (found == NULL)
    found = find_conventions (crm_locale_get_language ());
  if (found == NULL)
    found = find_conventions ("en");
  return found;
}

GDateWeekday
crm_locale_get_first_weekday (void)
{
  const char *time_locale = setlocale (LC_TIME, NULL);

#ifdef __GLIBC__
  if (!is_c_locale (time_locale))
    {
      /* glibc: _NL_TIME_FIRST_WEEKDAY is 1 for Sunday; _NL_TIME_WEEK_1STDAY
       * is the date of a known Sunday (19971130) or Monday (19971201). */
      union { unsigned int word; const char *string; } week_1stday;
      int first_weekday = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
      int week_origin;

      week_1stday.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
      week_origin = week_1stday.word;
      if (week_origin == 19971130)
        first_weekday -= 1;        /* Sunday-based */
      else if (week_origin == 19971201)
        first_weekday -= 2;        /* Monday-based */
      else
        first_weekday = -1;
      if (first_weekday >= 0 && first_weekday <= 6)
        return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday) first_weekday;
    }
#endif
  {
    const CrmLocaleConventions *conv = find_conventions (crm_locale_get_language ());
    return conv != NULL ? conv->first_weekday : G_DATE_MONDAY;
  }
}

/* Inserts the group separator every three digits of a string of digits. */
static void
append_grouped (GString *out, const char *digits, const char *group)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
}

char *
crm_locale_format_integer (gint64 value)
{
  const CrmLocaleConventions *conv = crm_locale_get_conventions ();
  GString *out = g_string_new (NULL);
  char digits[32];
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append (out, "\u2212");
  append_grouped (out, digits, conv->group);
  return g_string_free (out, FALSE);
}

char *
crm_locale_format_decimal (double value, int decimals)
{
  const CrmLocaleConventions *conv = crm_locale_get_conventions ();
  GString *out = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  if (value < 0)
    {
      g_string_append (out, "\u2212");
      value = -value;
    }
  decimals = CLAMP (decimals, 0, 6);
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" :
                   decimals == 1 ? "%.1f" : decimals == 2 ? "%.2f" :
                   decimals == 3 ? "%.3f" : decimals == 4 ? "%.4f" :
                   decimals == 5 ? "%.5f" : "%.6f", value);
  dot = strchr (buf, '.');
  if (dot != NULL)
    *dot = '\0';
  append_grouped (out, buf, conv->group);
  if (dot != NULL)
    {
      g_string_append (out, conv->decimal);
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

/* 0.873 → "87%" (ru: "87 %" is not used in business documents; "87%" is). */
char *
crm_locale_format_percent (double ratio)
{
  g_autofree char *number = crm_locale_format_decimal (ratio * 100.0, 0);
  return g_strconcat (number, "%", NULL);
}

char *
crm_locale_format_date (const GDate *date)
{
  const CrmLocaleConventions *conv = crm_locale_get_conventions ();
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (g_str_equal (conv->language, "en"))
    return g_strdup_printf ("%s %d, %d",
                            crm_locale_month_abbrev (g_date_get_month (date)),
                            g_date_get_day (date), g_date_get_year (date));
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  return g_date_time_format (dt, conv->date_format);
}

char *
crm_locale_format_iso_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  g_date_clear (&date, 1);
  {
    int y, m, d;
    if (sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
      g_date_set_dmy (&date, d, m, y);
  }
  if (!g_date_valid (&date))
    return g_strdup (iso_date);
  return crm_locale_format_date (&date);
}

const char *
crm_locale_month_name (int month)
{
  /* Nominative month names, as used in "November 2026" and
   * "for November 2026". */
  static const char *names[] = {
    NC_("month name, nominative", "January"), NC_("month name, nominative", "February"),
    NC_("month name, nominative", "March"), NC_("month name, nominative", "April"),
    NC_("month name, nominative", "May"), NC_("month name, nominative", "June"),
    NC_("month name, nominative", "July"), NC_("month name, nominative", "August"),
    NC_("month name, nominative", "September"), NC_("month name, nominative", "October"),
    NC_("month name, nominative", "November"), NC_("month name, nominative", "December"),
  };
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month name, nominative", names[month - 1]);
}

const char *
crm_locale_month_name_genitive (int month)
{
  /* Month names as they follow a day number: "27 November" (ru: "27 ноября"). */
  static const char *names[] = {
    NC_("month name, after a day number", "January"), NC_("month name, after a day number", "February"),
    NC_("month name, after a day number", "March"), NC_("month name, after a day number", "April"),
    NC_("month name, after a day number", "May"), NC_("month name, after a day number", "June"),
    NC_("month name, after a day number", "July"), NC_("month name, after a day number", "August"),
    NC_("month name, after a day number", "September"), NC_("month name, after a day number", "October"),
    NC_("month name, after a day number", "November"), NC_("month name, after a day number", "December"),
  };
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month name, after a day number", names[month - 1]);
}

const char *
crm_locale_month_abbrev (int month)
{
  /* Abbreviations as they follow or precede a day number: "Nov 27",
   * "27 ноя", "1 мая" (ru: the genitive). */
  static const char *names[] = {
    NC_("month abbreviation, with a day number", "Jan"), NC_("month abbreviation, with a day number", "Feb"),
    NC_("month abbreviation, with a day number", "Mar"), NC_("month abbreviation, with a day number", "Apr"),
    NC_("month abbreviation, with a day number", "May"), NC_("month abbreviation, with a day number", "Jun"),
    NC_("month abbreviation, with a day number", "Jul"), NC_("month abbreviation, with a day number", "Aug"),
    NC_("month abbreviation, with a day number", "Sep"), NC_("month abbreviation, with a day number", "Oct"),
    NC_("month abbreviation, with a day number", "Nov"), NC_("month abbreviation, with a day number", "Dec"),
  };
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month abbreviation, with a day number", names[month - 1]);
}

const char *
crm_locale_month_abbrev_standalone (int month)
{
  /* Abbreviations that stand alone, as the months under a chart's axis
   * (ru: the nominative, "май", not "мая"). */
  static const char *names[] = {
    NC_("month abbreviation, standalone", "Jan"), NC_("month abbreviation, standalone", "Feb"),
    NC_("month abbreviation, standalone", "Mar"), NC_("month abbreviation, standalone", "Apr"),
    NC_("month abbreviation, standalone", "May"), NC_("month abbreviation, standalone", "Jun"),
    NC_("month abbreviation, standalone", "Jul"), NC_("month abbreviation, standalone", "Aug"),
    NC_("month abbreviation, standalone", "Sep"), NC_("month abbreviation, standalone", "Oct"),
    NC_("month abbreviation, standalone", "Nov"), NC_("month abbreviation, standalone", "Dec"),
  };
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month abbreviation, standalone", names[month - 1]);
}

const char *
crm_locale_weekday_abbrev (GDateWeekday weekday)
{
  static const char *names[] = {
    NC_("weekday abbreviation", "Mon"), NC_("weekday abbreviation", "Tue"),
    NC_("weekday abbreviation", "Wed"), NC_("weekday abbreviation", "Thu"),
    NC_("weekday abbreviation", "Fri"), NC_("weekday abbreviation", "Sat"),
    NC_("weekday abbreviation", "Sun"),
  };
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday abbreviation", names[weekday - 1]);
}
