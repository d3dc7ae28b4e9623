/* crm-dashboard-tiles.h — the figures of the dashboard's KPI tiles
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-dashboard-data.h"
#include "crm-kpi-tile.h"

G_BEGIN_DECLS

typedef enum {
  CRM_DASHBOARD_TILE_REVENUE,
  CRM_DASHBOARD_TILE_CALLS,
  CRM_DASHBOARD_TILE_TALK,
  CRM_DASHBOARD_TILE_MEETINGS,
  CRM_DASHBOARD_TILE_PROSPECTS,
  CRM_DASHBOARD_TILE_PIPELINE,
  CRM_DASHBOARD_TILE_SCORE,
  CRM_DASHBOARD_N_TILES
} CrmDashboardTile;

void crm_dashboard_tiles_show (CrmKpiTile * const      tiles[CRM_DASHBOARD_N_TILES],
                               const CrmDashboardData *data);

char *crm_dashboard_tiles_describe_pace (const CrmDashboardData *data);

G_END_DECLS
