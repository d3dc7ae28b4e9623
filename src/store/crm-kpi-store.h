/* crm-kpi-store.h — the aggregate queries behind every KPI
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-kpi-report.h"
#include "crm-settings.h"

G_BEGIN_DECLS

/* Every KPI of @period for the team and each manager (@manager_id 0), or
 * for one manager. @now (Unix seconds; 0: the real now) is the "today" of
 * the pipeline, the forecast and the risk. */
CrmKpiReport *crm_kpi_store_compute (CrmDatabase       *db,
                                     CrmPeriod         *period,
                                     gint64             manager_id,
                                     const CrmSettings *settings,
                                     gint64             now,
                                     GError           **error);

G_END_DECLS
