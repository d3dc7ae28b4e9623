/* crm-dashboard-clients.h — the loss-making and complaint clients of a period
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-kpi-report.h"

G_BEGIN_DECLS

#define CRM_TYPE_DASHBOARD_CLIENTS (crm_dashboard_clients_get_type ())

G_DECLARE_FINAL_TYPE (CrmDashboardClients, crm_dashboard_clients, CRM, DASHBOARD_CLIENTS, AdwBin)

#define CRM_DASHBOARD_CLIENTS_SHOWN 10

GtkWidget  *crm_dashboard_clients_new         (void);
void        crm_dashboard_clients_set_report  (CrmDashboardClients *self,
                                               const CrmKpiReport  *report);
GtkListBox *crm_dashboard_clients_get_list    (CrmDashboardClients *self);
const char *crm_dashboard_clients_get_summary (CrmDashboardClients *self);

G_END_DECLS
