/* crm-deal-close-dialog.h — ask when a deal was won or lost, and why lost
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_CLOSE_DIALOG (crm_deal_close_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealCloseDialog, crm_deal_close_dialog, CRM, DEAL_CLOSE_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "close". */
CrmDealCloseDialog *crm_deal_close_dialog_new           (GtkWindow          *parent,
                                                         CrmDeal            *deal,
                                                         CrmDealStage        stage);
CrmDeal            *crm_deal_close_dialog_get_deal      (CrmDealCloseDialog *self);
CrmDealStage        crm_deal_close_dialog_get_stage     (CrmDealCloseDialog *self);
char               *crm_deal_close_dialog_get_closed_on (CrmDealCloseDialog *self);
const char         *crm_deal_close_dialog_get_reason    (CrmDealCloseDialog *self);
void                crm_deal_close_dialog_set_closed_on (CrmDealCloseDialog *self,
                                                         const char         *iso_date);

G_END_DECLS
