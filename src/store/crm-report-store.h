/* crm-report-store.h — what the printed reports need beyond the KPIs
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-period.h"
#include "crm-report-data.h"

G_BEGIN_DECLS

/* Every client with a payment or a complaint in @period (credited to
 * @manager_id, or to anybody when 0): CrmKpiClientLine * with the name and
 * the owner, the best result (payments − complaint costs) first. */
GPtrArray     *crm_report_store_client_money (CrmDatabase  *db,
                                              CrmPeriod    *period,
                                              gint64        manager_id,
                                              GError      **error);

/* The KPIs (for the team and each manager, or for @manager_id alone), the
 * clients with money and the settings: a report's data, as of @now (Unix
 * seconds; 0: now). */
CrmReportData *crm_report_store_load         (CrmDatabase  *db,
                                              CrmPeriod    *period,
                                              gint64        manager_id,
                                              gint64        now,
                                              GError      **error);

G_END_DECLS
