/* crm-locale.h — number, money and date conventions of the user's language
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *language;     /* "ru", "en", … */
  const char *decimal;      /* decimal mark */
  const char *group;        /* thousands separator (UTF-8; a no-break space for ru) */
  gboolean    symbol_first; /* "$1" rather than "1 ₽" */
  const char *date_format;  /* strftime-style, for g_date_time_format() */
  GDateWeekday first_weekday;
} CrmLocaleConventions;

const CrmLocaleConventions *crm_locale_get_conventions (void);
const char                 *crm_locale_get_language    (void);
GDateWeekday                crm_locale_get_first_weekday (void);
char                       *crm_locale_format_date     (const GDate *date);
char                       *crm_locale_format_iso_date (const char *iso_date);
char                       *crm_locale_format_integer  (gint64 value);
char                       *crm_locale_format_decimal  (double value, int decimals);
char                       *crm_locale_format_percent  (double ratio);
const char                 *crm_locale_month_name      (int month);
const char                 *crm_locale_month_name_genitive (int month);
const char                 *crm_locale_month_abbrev    (int month);
const char                 *crm_locale_month_abbrev_standalone (int month);
const char                 *crm_locale_weekday_abbrev  (GDateWeekday weekday);

G_END_DECLS
