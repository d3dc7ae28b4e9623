/* crm-list-filter.h — what a list of payments or complaints is narrowed to
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-period.h"

G_BEGIN_DECLS

/* Every filter is optional; the list comes newest first (by day, then by
 * id). */
typedef struct {
  gint64           manager_id;   /* 0 for any manager */
  gint64           client_id;    /* 0 for any client */
  const CrmPeriod *period;       /* NULL for all time; else its days [from, to) */
  guint            limit;        /* 0 for no limit */
} CrmListFilter;

void crm_list_filter_init (CrmListFilter *filter);

G_END_DECLS
