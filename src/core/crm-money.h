/* crm-money.h — money in integer minor units, formatted for the user
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CRM_MONEY_DEFAULT = 0,        /* 1 234 567,89 ₽ */
  CRM_MONEY_WHOLE   = 1 << 0,   /* 1 234 568 ₽ (rounded to whole units) */
  CRM_MONEY_COMPACT = 1 << 1,   /* 1,2 млн ₽ (for chart axes) */
  CRM_MONEY_NO_SYMBOL = 1 << 2, /* 1 234 567,89 */
} CrmMoneyFlags;

int         crm_currency_minor_digits (const char *currency);
const char *crm_currency_symbol       (const char *currency);
gboolean    crm_currency_is_known     (const char *currency);
const char * const *crm_currency_list (void);

char     *crm_money_format (gint64 minor, const char *currency, CrmMoneyFlags flags);
gboolean  crm_money_parse  (const char *text, const char *currency, gint64 *out_minor, GError **error);
char     *crm_money_to_plain (gint64 minor, const char *currency);
const char *crm_money_default_currency (void);

G_END_DECLS
