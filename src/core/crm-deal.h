/* crm-deal.h — a deal in the pipeline
 *
 * Plain data: the store fills the fields, the widgets read them. The fields
 * are public; the properties exist for bindings and list factories.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL (crm_deal_get_type ())

G_DECLARE_FINAL_TYPE (CrmDeal, crm_deal, CRM, DEAL, GObject)

struct _CrmDeal {
  GObject parent_instance;

  gint64       id;
  gint64       client_id;
  char         *client_name;
  gint64       manager_id;
  char         *manager_name;
  char         *title;
  gint64       amount;                   /* minor units */
  CrmDealStage stage;
  int          probability;              /* percent */
  char         *expected_close;          /* ISO date or NULL */
  gint64       stage_changed_at;
  char         *closed_on;               /* ISO date or NULL */
  char         *lost_reason;
  gint64       created_at;
  gint64       updated_at;
};

CrmDeal *crm_deal_new  (void);
CrmDeal *crm_deal_copy (CrmDeal *self);

G_END_DECLS
