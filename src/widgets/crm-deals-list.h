/* crm-deals-list.h — the deals of the board as a sortable table
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEALS_LIST (crm_deals_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealsList, crm_deals_list, CRM, DEALS_LIST, AdwBin)

void      crm_deals_list_set_model    (CrmDealsList *self, GListModel *deals);
void      crm_deals_list_set_currency (CrmDealsList *self, const char *currency);
CrmDeal  *crm_deals_list_get_selected (CrmDealsList *self);
gboolean  crm_deals_list_select_deal  (CrmDealsList *self, gint64 deal_id);
GtkWidget *crm_deals_list_get_view    (CrmDealsList *self);

G_END_DECLS
