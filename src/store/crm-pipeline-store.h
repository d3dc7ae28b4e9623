/* crm-pipeline-store.h — the figures of the pipeline board
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-deal.h"

G_BEGIN_DECLS

/* A connection of its own for a worker that reads the board (see the .c). */
CrmDatabase *crm_pipeline_store_open      (const char     *path,
                                           GCancellable   *cancellable,
                                           GError        **error);

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

/* What the board shows: every open deal, and the won and lost ones closed
 * on or after a day. Each column lists its deals in the board's order: the
 * open ones by the time they entered the stage, the closed ones by closing
 * day, the latest first.
 *
 * The orders the deals list offers. Every one is served by an index, a page
 * at a time, by keyset after the last deal of the previous page: never
 * OFFSET, never the whole table. Ties are broken by the deal's number. */
typedef enum {
  CRM_DEAL_ORDER_BOARD,          /* stage by stage, each in its column's order */
  CRM_DEAL_ORDER_TITLE,          /* case and ё folded */
  CRM_DEAL_ORDER_CLIENT,         /* the client's name, folded */
  CRM_DEAL_ORDER_AMOUNT,
  CRM_DEAL_ORDER_PROBABILITY,
  CRM_DEAL_ORDER_CLOSE,          /* expected close (open), closing day (closed); none first */
  CRM_DEAL_ORDER_MANAGER,        /* the manager's name, then as the board */
} CrmDealOrder;

typedef struct {
  gint64        manager_id;      /* 0: the whole team */
  const char   *closed_since;    /* ISO date: closed deals shown from this day */
  CrmDealOrder  order;
  gboolean      descending;
} CrmDealQuery;

/* Up to @limit deals of the column of @stage that come after @after (NULL:
 * from the top) in the board's order. */
GPtrArray *crm_pipeline_store_column_page (CrmDatabase        *db,
                                           gint64              manager_id,
                                           CrmDealStage        stage,
                                           const char         *closed_since,
                                           CrmDeal            *after,
                                           guint               limit,
                                           GError            **error);

/* Up to @limit of the deals the board shows, in the query's order, after
 * @after (NULL: from the first). */
GPtrArray *crm_pipeline_store_list_page   (CrmDatabase        *db,
                                           const CrmDealQuery *query,
                                           CrmDeal            *after,
                                           guint               limit,
                                           GError            **error);

G_END_DECLS
