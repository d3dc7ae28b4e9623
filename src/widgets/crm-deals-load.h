/* crm-deals-load.h — read the pipeline board in a worker thread
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-deal.h"
#include "crm-pipeline-store.h"

G_BEGIN_DECLS

/* The won and lost columns show the deals closed in the last
 * CRM_DEALS_CLOSED_DAYS days, at most CRM_DEALS_CLOSED_LIMIT of each. */
#define CRM_DEALS_CLOSED_DAYS  90
#define CRM_DEALS_CLOSED_LIMIT 50

typedef struct {
  gint64         manager_id;
  char          *closed_since;                 /* ISO date */
  char          *currency;
  GPtrArray     *deals[CRM_N_STAGES];          /* CrmDeal *, in the board's order */
  CrmStageTotal  totals[CRM_N_STAGES];
} CrmDealsSnapshot;

void              crm_deals_snapshot_free (CrmDealsSnapshot *snapshot);
char             *crm_deals_closed_since  (void);
int               crm_deals_compare_closed (CrmDeal *a, CrmDeal *b);

void              crm_deals_load_async    (const char          *database_path,
                                           gint64               manager_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CrmDealsSnapshot *crm_deals_load_finish   (GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDealsSnapshot, crm_deals_snapshot_free)

G_END_DECLS
