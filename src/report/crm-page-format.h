/* crm-page-format.h — paper sizes and margins for printed reports
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;    /* "a4", "letter" */
  double width;        /* points (1/72 inch) */
  double height;
  double margin;       /* all four sides */
} CrmPageFormat;

const CrmPageFormat *crm_page_format_lookup  (const char *name);
const CrmPageFormat *crm_page_format_default (void);

G_END_DECLS
