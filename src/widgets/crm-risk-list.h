/* crm-risk-list.h — the early warning: managers at risk and why
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-kpi-report.h"

G_BEGIN_DECLS

#define CRM_TYPE_RISK_LIST (crm_risk_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmRiskList, crm_risk_list, CRM, RISK_LIST, AdwBin)

GtkWidget  *crm_risk_list_new         (void);
void        crm_risk_list_set_report  (CrmRiskList        *self,
                                       const CrmKpiReport *report,
                                       gint64              manager_id);
GtkListBox *crm_risk_list_get_list    (CrmRiskList        *self);
const char *crm_risk_list_get_summary (CrmRiskList        *self);

G_END_DECLS
