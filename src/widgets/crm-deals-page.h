/* crm-deals-page.h — the Deals screen: the pipeline board and list
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-deal.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEALS_PAGE (crm_deals_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealsPage, crm_deals_page, CRM, DEALS_PAGE, GtkBox)

GtkWidget   *crm_deals_page_new            (void);
void         crm_deals_page_set_database   (CrmDealsPage *self, CrmDatabase *database);
gboolean     crm_deals_page_is_loading     (CrmDealsPage *self);
GtkWidget   *crm_deals_page_get_column     (CrmDealsPage *self, CrmDealStage stage);
CrmDeal     *crm_deals_page_get_current    (CrmDealsPage *self);

G_END_DECLS
