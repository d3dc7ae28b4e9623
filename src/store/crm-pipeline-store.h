/* crm-pipeline-store.h — the figures of the pipeline board
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-deal.h"

G_BEGIN_DECLS

typedef struct {
  gint64 count;
  gint64 amount;                /* minor units */
} CrmStageTotal;

/* How many deals each stage holds and what they are worth, for one manager
 * (0: the whole team). Open stages count every deal; won and lost count the
 * deals closed on or after @closed_since (ISO date; NULL: ever). */
gboolean   crm_pipeline_store_totals      (CrmDatabase   *db,
                                           gint64         manager_id,
                                           const char    *closed_since,
                                           CrmStageTotal  totals[CRM_N_STAGES],
                                           GError       **error);

/* The last @limit deals closed in @stage (won or lost) on or after
 * @closed_since, the most recently closed first. */
GPtrArray *crm_pipeline_store_list_closed (CrmDatabase   *db,
                                           gint64         manager_id,
                                           CrmDealStage   stage,
                                           const char    *closed_since,
                                           guint          limit,
                                           GError       **error);

G_END_DECLS
