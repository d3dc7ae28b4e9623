/* crm-dashboard.h — the owner's screen: KPIs, charts, early warning
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-dashboard-data.h"
#include "crm-database.h"
#include "crm-period.h"

G_BEGIN_DECLS

#define CRM_TYPE_DASHBOARD (crm_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (CrmDashboard, crm_dashboard, CRM, DASHBOARD, AdwBin)

GtkWidget              *crm_dashboard_new            (void);
void                    crm_dashboard_set_database   (CrmDashboard *self,
                                                      CrmDatabase  *database);
CrmPeriod              *crm_dashboard_get_period     (CrmDashboard *self);
void                    crm_dashboard_set_period     (CrmDashboard *self,
                                                      CrmPeriod    *period);
gint64                  crm_dashboard_get_manager_id (CrmDashboard *self);
void                    crm_dashboard_set_manager_id (CrmDashboard *self,
                                                      gint64        manager_id);
void                    crm_dashboard_set_now        (CrmDashboard *self,
                                                      gint64        now);
gboolean                crm_dashboard_get_loading    (CrmDashboard *self);
void                    crm_dashboard_refresh        (CrmDashboard *self);
const CrmDashboardData *crm_dashboard_get_data       (CrmDashboard *self);

G_END_DECLS
