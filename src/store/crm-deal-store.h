/* crm-deal-store.h — deals and their stage history
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-deal.h"

G_BEGIN_DECLS

typedef struct {
  int    from_stage;   /* a CrmDealStage, or -1 at creation */
  int    to_stage;
  gint64 changed_at;
} CrmStageChange;

gboolean   crm_deal_store_create      (CrmDatabase *db, CrmDeal *deal, GError **error);
CrmDeal   *crm_deal_store_get         (CrmDatabase *db, gint64 id, GError **error);
gboolean   crm_deal_store_update      (CrmDatabase *db, CrmDeal *deal, GError **error);
gboolean   crm_deal_store_delete      (CrmDatabase *db, gint64 id, GError **error);
/* Moves a deal to @stage at @changed_at (0: now); the stage history row is
 * recorded in the same statement. Won and lost need @closed_on (NULL: today);
 * lost takes a reason. */
gboolean   crm_deal_store_set_stage   (CrmDatabase *db, gint64 id, CrmDealStage stage,
                                       const char *closed_on, const char *lost_reason,
                                       gint64 changed_at, GError **error);
GPtrArray *crm_deal_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error);
GArray    *crm_deal_store_history     (CrmDatabase *db, gint64 deal_id, GError **error);

G_END_DECLS
