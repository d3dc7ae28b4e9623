/* crm-team-page.h — the Team screen: the managers and their monthly plan
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-team-plan.h"

G_BEGIN_DECLS

#define CRM_TYPE_TEAM_PAGE (crm_team_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmTeamPage, crm_team_page, CRM, TEAM_PAGE, GtkBox)

GtkWidget     *crm_team_page_new          (void);
void           crm_team_page_set_database (CrmTeamPage *self, CrmDatabase *database);
CrmTeamPlan   *crm_team_page_get_plan     (CrmTeamPage *self);
GtkListBoxRow *crm_team_page_get_row      (CrmTeamPage *self, gint64 manager_id);

G_END_DECLS
