/* crm-deals-list.h — the deals of the board as a sortable table
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal.h"
#include "crm-pipeline-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEALS_LIST (crm_deals_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealsList, crm_deals_list, CRM, DEALS_LIST, AdwBin)

GListStore *crm_deals_list_get_store       (CrmDealsList *self);
void        crm_deals_list_set_total       (CrmDealsList *self,
                                            gint64        total);
void        crm_deals_list_set_reading_more (CrmDealsList *self,
                                            gboolean      reading);
void        crm_deals_list_get_order       (CrmDealsList *self,
                                            CrmDealOrder *order,
                                            gboolean     *descending);
void        crm_deals_list_set_currency    (CrmDealsList *self,
                                            const char   *currency);
CrmDeal    *crm_deals_list_get_selected    (CrmDealsList *self);
gboolean    crm_deals_list_select_deal     (CrmDealsList *self,
                                            gint64        deal_id);
void        crm_deals_list_scroll_to       (CrmDealsList *self,
                                            guint         position);
GtkWidget  *crm_deals_list_get_view        (CrmDealsList *self);

G_END_DECLS
