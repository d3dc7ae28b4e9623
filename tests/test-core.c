/* test-core.c — periods, money and the conventions of the user's language
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "crm-error.h"
#include "crm-locale.h"
#include "crm-money.h"
#include "crm-period.h"
#include "crm-short-name.h"
#include "crm-test-util.h"

static void
assert_period (const char *text, const char *from, const char *to, CrmPeriodKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPeriod) p = crm_period_parse (text, &error);
  g_autofree char *f = NULL;
  g_autofree char *t = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (p);
  f = crm_period_get_from_iso (p);
  t = crm_period_get_to_iso (p);
  g_assert_cmpstr (f, ==, from);
  g_assert_cmpstr (t, ==, to);
  g_assert_cmpint (crm_period_get_kind (p), ==, kind);
}

static void
test_period_parse (void)
{
  assert_period ("2026-11", "2026-11-01", "2026-12-01", CRM_PERIOD_MONTH);
  assert_period ("2026-12", "2026-12-01", "2027-01-01", CRM_PERIOD_MONTH);
  assert_period ("2026-02", "2026-02-01", "2026-03-01", CRM_PERIOD_MONTH);
  assert_period ("2026-Q4", "2026-10-01", "2027-01-01", CRM_PERIOD_QUARTER);
  assert_period ("2026-q1", "2026-01-01", "2026-04-01", CRM_PERIOD_QUARTER);
  assert_period ("2026", "2026-01-01", "2027-01-01", CRM_PERIOD_YEAR);
  /* A range includes both named days. */
  assert_period ("2026-11-01..2026-11-15", "2026-11-01", "2026-11-16", CRM_PERIOD_RANGE);
  assert_period ("2024-02-28..2024-03-01", "2024-02-28", "2024-03-02", CRM_PERIOD_RANGE);
  assert_period (" 2026-11 ", "2026-11-01", "2026-12-01", CRM_PERIOD_MONTH);
}

static void
test_period_parse_errors (void)
{
  const char *bad[] = {
    "", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26", "20266", "2026-1",
    "2026-11-31", "2026-11-15..2026-11-01", "2026-11-01..", "..2026-11-01",
    "2026/11", "november", "2026-11-01..2026-02-30", "9999", "1800",
    "2026-11-01...2026-11-02", "２０２６", "2026-11x", "2026-Q4x",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmPeriod) p = crm_period_parse (bad[i], &error);

      g_test_message ("period “%s”", bad[i]);
      g_assert_null (p);
      g_assert_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026"));  /* the message shows an example */
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (crm_period_parse (NULL, &error));
    g_assert_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID);
  }
}

static void
test_period_round_trip_and_shift (void)
{
  const char *texts[] = { "2026-11", "2026-Q4", "2026", "2026-11-01..2026-11-15", "2026-11-05..2026-11-05" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CrmPeriod) p = crm_period_parse (texts[i], NULL);
      g_autofree char *s = crm_period_to_string (p);
      g_assert_cmpstr (s, ==, texts[i]);
    }
  {
    g_autoptr(CrmPeriod) nov = crm_period_parse ("2026-11", NULL);
    g_autoptr(CrmPeriod) dec = crm_period_next (nov);
    g_autoptr(CrmPeriod) jan = crm_period_next (dec);
    g_autoptr(CrmPeriod) oct = crm_period_previous (nov);
    g_autoptr(CrmPeriod) last_year = crm_period_year_before (nov);
    g_autofree char *a = crm_period_to_string (jan);
    g_autofree char *b = crm_period_to_string (oct);
    g_autofree char *c = crm_period_to_string (last_year);
    g_assert_cmpstr (a, ==, "2027-01");
    g_assert_cmpstr (b, ==, "2026-10");
    g_assert_cmpstr (c, ==, "2025-11");
    g_assert_cmpint (crm_period_get_n_days (nov), ==, 30);
    g_assert_cmpint (crm_period_get_n_months (nov), ==, 1);
  }
  {
    g_autoptr(CrmPeriod) q = crm_period_parse ("2026-Q4", NULL);
    g_autoptr(CrmPeriod) prev = crm_period_previous (q);
    g_autofree char *s = crm_period_to_string (prev);
    g_assert_cmpstr (s, ==, "2026-Q3");
    g_assert_cmpint (crm_period_get_n_months (q), ==, 3);
  }
  {
    g_autoptr(CrmPeriod) r = crm_period_parse ("2026-11-01..2026-11-15", NULL);
    g_autoptr(CrmPeriod) next = crm_period_next (r);
    g_autofree char *s = crm_period_to_string (next);
    g_assert_cmpstr (s, ==, "2026-11-16..2026-11-30");
  }
}

/* A month with a DST change has one hour more or less: the period's instants
 * come from local midnights, not from 24 h × days. */
static void
test_period_dst (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) moscow = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(CrmPeriod) march = crm_period_parse ("2026-03", NULL);
  g_autoptr(CrmPeriod) october = crm_period_parse ("2026-10", NULL);
  gint64 s, e;

  g_assert_nonnull (berlin);
  s = crm_period_get_start_unix (march, berlin);
  e = crm_period_get_end_unix (march, berlin);
  g_assert_cmpint (s, ==, 1772319600);           /* 2026-03-01 00:00 +01:00 */
  g_assert_cmpint (e - s, ==, 31 * 86400 - 3600); /* spring forward on 29 March */
  s = crm_period_get_start_unix (october, berlin);
  e = crm_period_get_end_unix (october, berlin);
  g_assert_cmpint (e - s, ==, 31 * 86400 + 3600); /* fall back on 25 October */
  /* Moscow has no DST. */
  g_assert_cmpint (crm_period_get_end_unix (march, moscow) - crm_period_get_start_unix (march, moscow),
                   ==, 31 * 86400);
}

static void
test_period_format (void)
{
  g_autoptr(CrmPeriod) nov = crm_period_parse ("2026-11", NULL);
  g_autoptr(CrmPeriod) q4 = crm_period_parse ("2026-Q4", NULL);
  g_autoptr(CrmPeriod) y = crm_period_parse ("2026", NULL);
  g_autoptr(CrmPeriod) r = crm_period_parse ("2026-11-01..2026-11-15", NULL);
  char *s;

  crm_test_use_language (NULL);
  s = crm_period_format (nov); g_assert_cmpstr (s, ==, "November 2026"); g_free (s);
  s = crm_period_format_for (nov); g_assert_cmpstr (s, ==, "for November 2026"); g_free (s);
  s = crm_period_format (q4); g_assert_cmpstr (s, ==, "Q4 2026"); g_free (s);
  s = crm_period_format (r); g_assert_cmpstr (s, ==, "Nov 1, 2026 – Nov 15, 2026"); g_free (s);

  crm_test_use_language ("ru");
  s = crm_period_format (nov); g_assert_cmpstr (s, ==, "Ноябрь 2026"); g_free (s);
  s = crm_period_format_for (nov); g_assert_cmpstr (s, ==, "за ноябрь 2026 г."); g_free (s);
  s = crm_period_format_for (y); g_assert_cmpstr (s, ==, "за 2026 год"); g_free (s);
  s = crm_period_format (r); g_assert_cmpstr (s, ==, "01.11.2026 – 15.11.2026"); g_free (s);
  g_assert_cmpstr (crm_locale_month_name_genitive (11), ==, "ноября");
  /* With a day number, "1 мая"; alone, under a chart's axis, "май". */
  g_assert_cmpstr (crm_locale_month_abbrev (5), ==, "мая");
  g_assert_cmpstr (crm_locale_month_abbrev_standalone (5), ==, "май");
  {
    static const char *standalone[] = { "янв", "фев", "мар", "апр", "май", "июн",
                                        "июл", "авг", "сен", "окт", "ноя", "дек" };
    for (int m = 1; m <= 12; m++)
      g_assert_cmpstr (crm_locale_month_abbrev_standalone (m), ==, standalone[m - 1]);
  }
  crm_test_use_language (NULL);
  g_assert_cmpstr (crm_locale_month_abbrev_standalone (5), ==, "May");
}

static void
test_money_format (void)
{
  char *s;

  crm_test_use_language (NULL);
  s = crm_money_format (123456789, "USD", 0); g_assert_cmpstr (s, ==, "$1,234,567.89"); g_free (s);
  s = crm_money_format (-5, "USD", 0); g_assert_cmpstr (s, ==, "\u2212$0.05"); g_free (s);
  s = crm_money_format (0, "USD", 0); g_assert_cmpstr (s, ==, "$0.00"); g_free (s);
  s = crm_money_format (123456789, "RUB", CRM_MONEY_WHOLE); g_assert_cmpstr (s, ==, "₽1,234,568"); g_free (s);
  s = crm_money_format (1500, "JPY", 0); g_assert_cmpstr (s, ==, "¥1,500"); g_free (s);
  s = crm_money_format (G_MININT64, "USD", 0); g_assert_nonnull (s); g_free (s);
  s = crm_money_format (G_MAXINT64, "RUB", 0); g_assert_cmpstr (s, ==, "₽92,233,720,368,547,758.07"); g_free (s);
  s = crm_money_format (123456789, "USD", CRM_MONEY_COMPACT); g_assert_cmpstr (s, ==, "$1.2M"); g_free (s);
  s = crm_money_format (1500000, "USD", CRM_MONEY_COMPACT); g_assert_cmpstr (s, ==, "$15k"); g_free (s);
  s = crm_money_format (99900, "USD", CRM_MONEY_COMPACT); g_assert_cmpstr (s, ==, "$999"); g_free (s);

  crm_test_use_language ("ru");
  /* Russian business style: no-break spaces between groups, a decimal comma. */
  s = crm_money_format (123456789, "RUB", 0); g_assert_cmpstr (s, ==, "1\u00a0234\u00a0567,89\u00a0₽"); g_free (s);
  s = crm_money_format (123456789, "RUB", CRM_MONEY_WHOLE); g_assert_cmpstr (s, ==, "1\u00a0234\u00a0568\u00a0₽"); g_free (s);
  s = crm_money_format (123456789, "RUB", CRM_MONEY_COMPACT); g_assert_cmpstr (s, ==, "1,2\u00a0млн\u00a0₽"); g_free (s);
  s = crm_money_format (-100, "RUB", CRM_MONEY_NO_SYMBOL); g_assert_cmpstr (s, ==, "\u22121,00"); g_free (s);
  crm_test_use_language (NULL);
}

static void
assert_parse (const char *text, const char *currency, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_test_message ("amount “%s”", text);
  g_assert_true (crm_money_parse (text, currency, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

/* A new database's currency: from the locale's LC_MONETARY, else from the
 * interface language. */
static void
test_money_default_currency (void)
{
  crm_test_use_language (NULL);
  g_assert_cmpstr (crm_money_default_currency (), ==, "USD");
  crm_test_use_language ("ru");
  g_assert_cmpstr (crm_money_default_currency (), ==, "RUB");
  crm_test_use_language ("de");
  g_assert_cmpstr (crm_money_default_currency (), ==, "EUR");
  crm_test_use_language ("uk");
  g_assert_cmpstr (crm_money_default_currency (), ==, "UAH");
  crm_test_use_language (NULL);
}

static void
test_money_parse (void)
{
  assert_parse ("1234", "RUB", 123400);
  assert_parse ("1 234,56", "RUB", 123456);
  assert_parse ("1\u00a0234,5", "RUB", 123450);
  assert_parse ("1,234.56", "USD", 123456);
  assert_parse ("1.234,56", "EUR", 123456);
  assert_parse ("1,234", "USD", 123400);       /* a group of three, not cents */
  assert_parse ("12,5", "RUB", 1250);
  assert_parse ("$1,234", "USD", 123400);
  assert_parse ("1 200 руб.", "RUB", 120000);
  assert_parse ("-12", "RUB", -1200);
  assert_parse ("\u221212,30", "RUB", -1230);
  assert_parse ("1500", "JPY", 1500);
  assert_parse ("0.10", "USD", 10);
  assert_parse ("1 234 567,89 ₽", "RUB", 123456789);

  {
    const char *bad[] = { "", "abc", "12#5", "1,234.567", "99999999999999999999" };
    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 v;
        g_test_message ("bad amount “%s”", bad[i]);
        g_assert_false (crm_money_parse (bad[i], "USD", &v, &error));
        g_assert_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID);
      }
  }
}

static void
test_money_plain (void)
{
  char *s;
  s = crm_money_to_plain (-123450, "RUB"); g_assert_cmpstr (s, ==, "-1234.50"); g_free (s);
  s = crm_money_to_plain (7, "USD"); g_assert_cmpstr (s, ==, "0.07"); g_free (s);
  s = crm_money_to_plain (1500, "JPY"); g_assert_cmpstr (s, ==, "1500"); g_free (s);
}

static void
test_locale_week_start (void)
{
  crm_test_use_language (NULL);
  g_assert_cmpint (crm_locale_get_first_weekday (), ==, G_DATE_SUNDAY);
  crm_test_use_language ("ru");
  g_assert_cmpint (crm_locale_get_first_weekday (), ==, G_DATE_MONDAY);
  g_assert_cmpstr (crm_locale_weekday_abbrev (G_DATE_MONDAY), ==, "Пн");
  crm_test_use_language (NULL);
}

static void
test_locale_numbers (void)
{
  char *s;

  crm_test_use_language (NULL);
  s = crm_locale_format_integer (-1234567); g_assert_cmpstr (s, ==, "\u22121,234,567"); g_free (s);
  s = crm_locale_format_decimal (1234.5, 1); g_assert_cmpstr (s, ==, "1,234.5"); g_free (s);
  s = crm_locale_format_percent (0.873); g_assert_cmpstr (s, ==, "87%"); g_free (s);
  crm_test_use_language ("ru");
  s = crm_locale_format_decimal (1234.5, 2); g_assert_cmpstr (s, ==, "1\u00a0234,50"); g_free (s);
  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 5, 3, 2026);
    s = crm_locale_format_date (&d); g_assert_cmpstr (s, ==, "05.03.2026"); g_free (s);
  }
  crm_test_use_language (NULL);
}

/* Surnames, an initial where two share one, the whole name where even
 * that is shared, a number where the names are the same: never two alike. */
static void
test_short_names (void)
{
  const char *names[] = {
    "Anna Petrova", "  Alla   Petrova ", "Boris Ivanov", "Clara", "Maria Clark", "Mark Clark",
    "Oleg Sidorov", "Oleg Sidorov", "Анна Сергеевна Смирнова", "Élodie Martin", "", "Clara",
    "Dmitry Orlov", "Olga Orlov",
  };
  const char *expected[] = {
    "Anna Petrova", "Alla Petrova", "Ivanov", "Clara", "Maria Clark", "Mark Clark",
    "Oleg Sidorov", "Oleg Sidorov (2)", "Смирнова", "Martin", "", "Clara (2)",
    "Orlov D.", "Orlov O.",
  };
  g_auto(GStrv) labels = NULL;
  g_autofree char *surname = crm_name_surname (" Анна  Петрова ");

  g_assert_cmpstr (surname, ==, "Петрова");
  labels = crm_short_names (names, G_N_ELEMENTS (names));
  g_assert_cmpuint (g_strv_length (labels), ==, G_N_ELEMENTS (names));
  /* Anna and Alla Petrova: the initials are the same too. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (labels[i], ==, expected[i]);
  for (guint i = 0; labels[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      g_assert_cmpstr (labels[i], !=, labels[j]);
  g_clear_pointer (&labels, g_strfreev);

  /* Twenty managers, surnames and initials shared in pairs. */
  {
    const char *first[] = { "Anna", "Alla", "Boris", "Bogdan" };
    const char *last[] = { "Petrova", "Ivanova", "Orlova", "Kuznetsova", "Smirnova" };
    g_autoptr(GPtrArray) team = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < 20; i++)
      g_ptr_array_add (team, g_strdup_printf ("%s %s", first[i % 4], last[i / 4]));
    labels = crm_short_names ((const char * const *) team->pdata, team->len);
    for (guint i = 0; i < 20; i++)
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (labels[i], !=, labels[j]);
  }
  {
    g_auto(GStrv) none = crm_short_names (NULL, 0);
    g_assert_null (none[0]);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/period/parse", test_period_parse);
  g_test_add_func ("/core/period/parse-errors", test_period_parse_errors);
  g_test_add_func ("/core/period/round-trip-and-shift", test_period_round_trip_and_shift);
  g_test_add_func ("/core/period/dst", test_period_dst);
  g_test_add_func ("/core/period/format", test_period_format);
  g_test_add_func ("/core/money/format", test_money_format);
  g_test_add_func ("/core/money/parse", test_money_parse);
  g_test_add_func ("/core/money/default-currency", test_money_default_currency);
  g_test_add_func ("/core/money/plain", test_money_plain);
  g_test_add_func ("/core/locale/week-start", test_locale_week_start);
  g_test_add_func ("/core/locale/numbers", test_locale_numbers);
  g_test_add_func ("/core/names/short", test_short_names);

  return g_test_run ();
}
