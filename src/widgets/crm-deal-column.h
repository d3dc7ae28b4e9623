/* crm-deal-column.h — one stage of the pipeline board
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-deal.h"
#include "crm-pipeline-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_COLUMN (crm_deal_column_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealColumn, crm_deal_column, CRM, DEAL_COLUMN, GtkBox)

GtkWidget    *crm_deal_column_new          (CrmDealStage         stage);
CrmDealStage  crm_deal_column_get_stage    (CrmDealColumn       *self);
GListStore   *crm_deal_column_get_store    (CrmDealColumn       *self);
void          crm_deal_column_set_currency (CrmDealColumn       *self,
                                            const char          *currency);
void          crm_deal_column_set_total    (CrmDealColumn       *self,
                                            const CrmStageTotal *total);
CrmDeal      *crm_deal_column_get_selected (CrmDealColumn       *self);
void          crm_deal_column_unselect     (CrmDealColumn       *self);
gboolean      crm_deal_column_select_deal  (CrmDealColumn       *self,
                                            gint64               deal_id,
                                            gboolean             grab_focus);
gboolean      crm_deal_column_focus_deal   (CrmDealColumn       *self,
                                            gint64               deal_id);
GtkWidget    *crm_deal_column_get_card     (CrmDealColumn       *self,
                                            gint64               deal_id);
void          crm_deal_column_set_reading_more (CrmDealColumn   *self,
                                            gboolean             reading);

G_END_DECLS
