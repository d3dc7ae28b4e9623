/* crm-team-plan.h — the monthly plan of the team, as an editable table
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-period.h"
#include "crm-settings.h"

G_BEGIN_DECLS

#define CRM_TYPE_TEAM_PLAN (crm_team_plan_get_type ())

G_DECLARE_FINAL_TYPE (CrmTeamPlan, crm_team_plan, CRM, TEAM_PLAN, GtkBox)

GtkWidget *crm_team_plan_new             (void);
void       crm_team_plan_set_database    (CrmTeamPlan     *self,
                                          CrmDatabase     *database);
void       crm_team_plan_set_month       (CrmTeamPlan     *self,
                                          CrmPeriod       *month);
char      *crm_team_plan_get_month       (CrmTeamPlan     *self);
gboolean   crm_team_plan_is_loading      (CrmTeamPlan     *self);
GtkEntry  *crm_team_plan_get_entry       (CrmTeamPlan     *self,
                                          gint64           manager_id,
                                          CrmKpiIndicator  kpi);
GtkLabel  *crm_team_plan_get_achievement (CrmTeamPlan     *self,
                                          gint64           manager_id,
                                          CrmKpiIndicator  kpi);

G_END_DECLS
