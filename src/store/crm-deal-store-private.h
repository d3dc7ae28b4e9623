/* crm-deal-store-private.h — reading deal rows, shared by the deal stores
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database-private.h"
#include "crm-deal.h"

G_BEGIN_DECLS

/* The columns crm_deal_store_read_row() expects, in order, and the joins
 * they come from (d: deal, c: client, m: manager). */
#define CRM_DEAL_COLUMNS \
  "d.id, d.client_id, c.name, d.manager_id, m.name, d.title, d.amount, d.stage, d.probability," \
  " d.expected_close, d.stage_changed_at, d.closed_on, d.lost_reason, d.created_at, d.updated_at"
#define CRM_DEAL_FROM " FROM deal d JOIN client c ON c.id = d.client_id JOIN manager m ON m.id = d.manager_id"

CrmDeal *crm_deal_store_read_row (sqlite3_stmt *stmt);

G_END_DECLS
