/* crm-page-format.c — paper sizes and margins for printed reports
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-report"

#include "config.h"

#include "crm-page-format.h"

static const CrmPageFormat formats[] = {
  { "a4", 595.2756, 841.8898, 42.52 },   /* 210 × 297 mm, 15 mm margins */
  { "letter", 612.0, 792.0, 43.2 },      /* 8.5 × 11 in, 0.6 in margins */
  { "a5", 419.5276, 595.2756, 34.0 },
  { "legal", 612.0, 1008.0, 43.2 },
};

const CrmPageFormat *
crm_page_format_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

const CrmPageFormat *
crm_page_format_default (void)
{
  return &formats[0];
}
