/* crm-trend-store.h — revenue by month and by client, for the dashboard charts
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-period.h"

G_BEGIN_DECLS

/* One client's revenue in a period. */
typedef struct {
  gint64  client_id;
  char   *name;
  gint64  owner_id;      /* the manager who brought the client; 0 if none */
  gint64  revenue;       /* payments in the period, minor units, > 0 */
} CrmClientRevenue;

void       crm_client_revenue_free              (CrmClientRevenue *line);

GArray    *crm_trend_store_revenue_by_month     (CrmDatabase  *db,
                                                 int           year,
                                                 int           month,
                                                 guint         n_months,
                                                 gint64        manager_id,
                                                 GError      **error);
GPtrArray *crm_trend_store_client_revenue       (CrmDatabase  *db,
                                                 CrmPeriod    *period,
                                                 gint64        manager_id,
                                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmClientRevenue, crm_client_revenue_free)

G_END_DECLS
