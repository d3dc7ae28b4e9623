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
 * CRM_DEALS_CLOSED_DAYS days. Every column, and the list, shows
 * CRM_DEALS_PAGE_SIZE deals at first, and as many more at each "Show More". */
#define CRM_DEALS_CLOSED_DAYS 90
#define CRM_DEALS_PAGE_SIZE   100

/* What to read: how many deals of each column and of the list (at least a
 * page: after "Show More", as many as are shown, so that a reload leaves
 * them), and the list's order. */
typedef struct {
  gint64        manager_id;
  guint         column_limits[CRM_N_STAGES];
  CrmDealOrder  list_order;
  gboolean      list_descending;
  guint         list_limit;
} CrmDealsRequest;

typedef struct {
  gint64         manager_id;
  char          *closed_since;                 /* ISO date */
  char          *currency;
  GPtrArray     *deals[CRM_N_STAGES];          /* CrmDeal *, the first of each column */
  CrmStageTotal  totals[CRM_N_STAGES];
  CrmDealOrder   list_order;
  gboolean       list_descending;
  GPtrArray     *list;                         /* CrmDeal *, the first of the list */
} CrmDealsSnapshot;

void              crm_deals_snapshot_free  (CrmDealsSnapshot       *snapshot);
char             *crm_deals_closed_since   (void);
int               crm_deals_compare_closed (CrmDeal                *a,
                                            CrmDeal                *b);
gint64            crm_deals_count_shown    (const CrmStageTotal     totals[CRM_N_STAGES]);
char             *crm_deals_format_shown   (guint                   shown,
                                            gint64                  total);
void              crm_deals_store_update   (GListStore             *store,
                                            GPtrArray              *deals);
guint             crm_deals_store_append   (GListStore             *store,
                                            GPtrArray              *deals);

void              crm_deals_load_async     (const char             *database_path,
                                            const CrmDealsRequest  *request,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
CrmDealsSnapshot *crm_deals_load_finish    (GAsyncResult           *result,
                                            GError                **error);

/* The page after @after (NULL: the first) of the column of @stage, or with
 * @stage -1 of the list in the query's order. */
void              crm_deals_load_page_async  (const char           *database_path,
                                              const CrmDealQuery   *query,
                                              int                   stage,
                                              CrmDeal              *after,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray        *crm_deals_load_page_finish (GAsyncResult         *result,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDealsSnapshot, crm_deals_snapshot_free)

G_END_DECLS
