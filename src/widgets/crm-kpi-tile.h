/* crm-kpi-tile.h — one KPI on the dashboard: actual, plan and achievement
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_KPI_TILE (crm_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (CrmKpiTile, crm_kpi_tile, CRM, KPI_TILE, AdwBin)

GtkWidget  *crm_kpi_tile_new                  (void);
void        crm_kpi_tile_set_title            (CrmKpiTile *self,
                                               const char *title);
const char *crm_kpi_tile_get_title            (CrmKpiTile *self);
void        crm_kpi_tile_set_value            (CrmKpiTile *self,
                                               const char *value,
                                               double      tone);
void        crm_kpi_tile_set_plan             (CrmKpiTile *self,
                                               const char *plan,
                                               double      achievement);
void        crm_kpi_tile_set_note             (CrmKpiTile *self,
                                               const char *note);
void        crm_kpi_tile_set_due              (CrmKpiTile *self,
                                               double      due,
                                               const char *explanation);
const char *crm_kpi_tile_get_value            (CrmKpiTile *self);
const char *crm_kpi_tile_get_plan             (CrmKpiTile *self);
const char *crm_kpi_tile_get_achievement      (CrmKpiTile *self);
const char *crm_kpi_tile_get_note             (CrmKpiTile *self);

const char *crm_kpi_achievement_style_class   (double      achievement);

G_END_DECLS
