/* crm-money.c — money in integer minor units, formatted for the user
 *
 * Money never becomes a float: amounts are gint64 minor units (kopecks, cents)
 * and formatting splits them with integer arithmetic.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <locale.h>

#include "crm-error.h"
#include "crm-locale.h"
#include "crm-money.h"

typedef struct {
  const char *code;
  const char *symbol;
  int         minor_digits;
} Currency;

static const Currency currencies[] = {
  { "RUB", "₽", 2 },
  { "USD", "$", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "KZT", "₸", 2 },
  { "UAH", "₴", 2 },
  { "BYN", "Br", 2 },
  { "CNY", "¥", 2 },
  { "JPY", "¥", 0 },
  { "CHF", "CHF", 2 },
  { "PLN", "zł", 2 },
  { "TRY", "₺", 2 },
};

/* The currency a new database starts with, when LC_MONETARY names no real
 * locale: by the interface language. */
static const struct {
  const char *language;
  const char *currency;
} language_currencies[] = {
  { "ru", "RUB" }, { "uk", "UAH" }, { "be", "BYN" }, { "kk", "KZT" }, { "de", "EUR" },
  { "fr", "EUR" }, { "es", "EUR" }, { "it", "EUR" }, { "pl", "PLN" }, { "tr", "TRY" },
  { "zh", "CNY" }, { "ja", "JPY" },
};

static const Currency *find_currency (const char *code);

/* The currency of the user's locale (LC_MONETARY when it names a real
 * locale, else the interface language; US dollars when neither says). */
const char *
crm_money_default_currency (void)
{
  const char *monetary = setlocale (LC_MONETARY, NULL);
  const char *language;

  if (monetary != NULL && !g_str_equal (monetary, "C") && !g_str_equal (monetary, "POSIX") &&
      !g_str_has_prefix (monetary, "C."))
    {
      char code[4] = { 0 };
      const Currency *found;

      g_strlcpy (code, localeconv ()->int_curr_symbol, sizeof code);
      found = find_currency (code);
      if (found != NULL)
        return found->code;
    }
  language = crm_locale_get_language ();
  for (gsize i = 0; i < G_N_ELEMENTS (language_currencies); i++)
    if (g_str_equal (language, language_currencies[i].language))
      return language_currencies[i].currency;
  return "USD";
}

static const Currency *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currencies[i].code, code) == 0)
      return &currencies[i];
  return NULL;
}

gboolean
crm_currency_is_known (const char *currency)
{
  return find_currency (currency) != NULL;
}

const char * const *
crm_currency_list (void)
{
  static const char *codes[G_N_ELEMENTS (currencies) + 1];

  if (codes[0] == NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
      codes[i] = currencies[i].code;
  return codes;
}

int
crm_currency_minor_digits (const char *currency)
{
  const Currency *c = find_currency (currency);
  return c != NULL ? c->minor_digits : 2;
}

const char *
crm_currency_symbol (const char *currency)
{
  const Currency *c = find_currency (currency);
  if (c != NULL)
    return c->symbol;
  return currency != NULL ? currency : "";
}

static gint64
pow10i (int n)
{
  gint64 r = 1;
  while (n-- > 0)
    r *= 10;
  return r;
}

static char *
attach_symbol (char *number, const char *currency, CrmMoneyFlags flags)
{
  const CrmLocaleConventions *conv = crm_locale_get_conventions ();
  const char *symbol = crm_currency_symbol (currency);
  char *result;

  if ((flags & CRM_MONEY_NO_SYMBOL) || *symbol == '\0')
    return number;
  if (conv->symbol_first)
    {
      /* "−$1,234" rather than "$−1,234" */
      if (g_str_has_prefix (number, "\u2212"))
        result = g_strconcat ("\u2212", symbol, number + strlen ("\u2212"), NULL);
      else
        result = g_strconcat (symbol, number, NULL);
    }
  else
    result = g_strconcat (number, "\u00a0", symbol, NULL);
  g_free (number);
  return result;
}

static char *
format_compact (gint64 whole)
{
  gint64 magnitude = whole < 0 ? -whole : whole;
  double value;
  const char *suffix;

  if (magnitude >= G_GINT64_CONSTANT (1000000000))
    {
      value = whole / 1e9;
      /* Translators: abbreviation of "billion" on chart axes: "1.2bn" */
      suffix = C_("compact number", "bn");
    }
  else if (magnitude >= 1000000)
    {
      value = whole / 1e6;
      /* Translators: abbreviation of "million" on chart axes: "1.2M" */
      suffix = C_("compact number", "M");
    }
  else if (magnitude >= 1000)
    {
      value = whole / 1e3;
      /* Translators: abbreviation of "thousand" on chart axes: "15k" */
      suffix = C_("compact number", "k");
    }
  else
    return crm_locale_format_integer (whole);

  {
    double rounded1 = value * 10.0;
    gint64 tenths = (gint64) (rounded1 < 0 ? rounded1 - 0.5 : rounded1 + 0.5);
    g_autofree char *number = (tenths % 10 == 0 || ABS (tenths) >= 1000)
                              ? crm_locale_format_integer ((tenths + (tenths < 0 ? -5 : 5)) / 10)
                              : crm_locale_format_decimal (tenths / 10.0, 1);
    /* A space before a word-like suffix (ru: "1,2 млн"), none before a letter (en: "1.2M"). */
    if (g_utf8_strlen (suffix, -1) > 2)
      return g_strconcat (number, "\u00a0", suffix, NULL);
    return g_strconcat (number, suffix, NULL);
  }
}

char *
crm_money_format (gint64 minor, const char *currency, CrmMoneyFlags flags)
{
  const CrmLocaleConventions *conv = crm_locale_get_conventions ();
  int digits = crm_currency_minor_digits (currency);
  gint64 scale = pow10i (digits);
  gboolean negative = minor < 0;
  guint64 magnitude = negative ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;
  guint64 whole = magnitude / (guint64) scale;
  guint64 fraction = magnitude % (guint64) scale;
  char *number;

  if (flags & (CRM_MONEY_WHOLE | CRM_MONEY_COMPACT))
    {
      if (digits > 0 && fraction * 2 >= (guint64) scale)
        whole += 1;
      if (flags & CRM_MONEY_COMPACT)
        number = format_compact (negative ? -(gint64) whole : (gint64) whole);
      else
        number = crm_locale_format_integer (negative ? -(gint64) whole : (gint64) whole);
      if (whole == 0 && g_str_has_prefix (number, "\u2212"))
        {
          g_free (number);
          number = g_strdup ("0");
        }
    }
  else
    {
      g_autofree char *whole_text = crm_locale_format_integer ((gint64) whole);
      if (digits > 0)
        number = g_strdup_printf ("%s%s%s%0*" G_GUINT64_FORMAT,
                                  negative ? "\u2212" : "", whole_text,
                                  conv->decimal, digits, fraction);
      else
        number = g_strconcat (negative ? "\u2212" : "", whole_text, NULL);
    }
  return attach_symbol (number, currency, flags);
}

/* Plain machine form for CSV and JSON: "-1234.50". */
char *
crm_money_to_plain (gint64 minor, const char *currency)
{
  int digits = crm_currency_minor_digits (currency);
  gint64 scale = pow10i (digits);
  gboolean negative = minor < 0;
  guint64 magnitude = negative ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;

  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, negative ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          negative ? "-" : "", magnitude / (guint64) scale,
                          digits, magnitude % (guint64) scale);
}

/* Accepts what people type and what spreadsheets write: "1 234,56",
 * "1,234.56", "1234.5", "−12", "1 234 ₽", "$1,234". The last '.' or ',' followed
 * by one to the currency's minor digits is the decimal mark; other separators
 * are grouping. */
gboolean
crm_money_parse (const char *text, const char *currency, gint64 *out_minor, GError **error)
{
  int digits = crm_currency_minor_digits (currency);
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE;
  const char *p;
  const char *decimal_at = NULL;
  guint64 whole = 0;
  guint64 fraction = 0;
  int fraction_digits = 0;

  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (text == NULL)
    text = "";

  /* Keep digits and separators; note the sign; drop spaces and symbols. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (clean, (char) c);
          seen_digit = TRUE;
        }
      else if (c == '.' || c == ',')
        g_string_append_c (clean, (char) c);
      else if ((c == '-' || c == 0x2212) && !seen_digit)
        negative = TRUE;
      else if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f || c == '\'' ||
               g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        continue;
      else if (g_unichar_isalpha (c) && !seen_digit)
        continue;            /* "RUB 1 200", "руб." before the number */
      else if (g_unichar_isalpha (c) || c == '.')
        continue;            /* "1 200 руб." */
      else
        {
          g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                       _("“%s” is not an amount of money: unexpected character “%.*s”"),
                       text, (int) (g_utf8_next_char (p) - p), p);
          return FALSE;
        }
    }

  if (!seen_digit)
    {
      g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                   _("“%s” is not an amount of money: it has no digits"), text);
      return FALSE;
    }

  /* The decimal mark. With both '.' and ',' present, the last one is it
   * ("1,234.56", "1.234,56"). With one kind used once, it is the decimal
   * mark unless exactly three digits follow ("1,234" is a thousand and
   * thirty-four). Used several times, it only groups ("1 234 567"). */
  {
    const char *last = NULL;
    int n_separators = 0;
    gboolean mixed = strchr (clean->str, '.') != NULL && strchr (clean->str, ',') != NULL;

    for (p = clean->str; *p; p++)
      if (*p == '.' || *p == ',')
        {
          last = p;
          n_separators++;
        }
    if (last != NULL)
      {
        gsize after = strlen (last + 1);
        if (mixed || (n_separators == 1 && after != 3) || (n_separators == 1 && digits >= 3))
          decimal_at = last;
      }
  }

  for (p = clean->str; *p; p++)
    {
      if (p == decimal_at)
        continue;
      if (*p == '.' || *p == ',')
        {
          if (decimal_at != NULL && p > decimal_at)
            break;
          continue;
        }
      if (decimal_at != NULL && p > decimal_at)
        {
          if (fraction_digits < digits)
            {
              fraction = fraction * 10 + (guint64) (*p - '0');
              fraction_digits++;
            }
          else if (*p != '0')
            {
              g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                           _("“%s” has more decimal places than the currency allows (%d)"),
                           text, digits);
              return FALSE;
            }
        }
      else
        {
          if (whole > (G_MAXINT64 / 10 - 9) / (guint64) pow10i (digits))
            {
              g_set_error (error, CRM_CORE_ERROR, CRM_CORE_ERROR_INVALID,
                           _("“%s” is too large an amount"), text);
              return FALSE;
            }
          whole = whole * 10 + (guint64) (*p - '0');
        }
    }
  while (fraction_digits < digits)
    {
      fraction *= 10;
      fraction_digits++;
    }

  *out_minor = (gint64) (whole * (guint64) pow10i (digits) + fraction);
  if (negative)
    *out_minor = -*out_minor;
  return TRUE;
}
