/* crm-deal-card.h — one deal on the pipeline board
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_CARD (crm_deal_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealCard, crm_deal_card, CRM, DEAL_CARD, GtkBox)

GtkWidget *crm_deal_card_new  (void);
void       crm_deal_card_set  (CrmDealCard *self, CrmDeal *deal, const char *currency);
CrmDeal   *crm_deal_card_get_deal (CrmDealCard *self);

G_END_DECLS
