/* crm-team-manager-dialog.h — add or edit a manager of the team
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-manager.h"

G_BEGIN_DECLS

#define CRM_TYPE_TEAM_MANAGER_DIALOG (crm_team_manager_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmTeamManagerDialog, crm_team_manager_dialog, CRM, TEAM_MANAGER_DIALOG, AdwWindow)

/* @manager NULL: a new one. "saved" (CrmManager *) is emitted once it is
 * stored; the dialog then closes. */
CrmTeamManagerDialog *crm_team_manager_dialog_new  (GtkWindow            *parent,
                                                    CrmDatabase          *database,
                                                    CrmManager           *manager);
gboolean              crm_team_manager_dialog_save (CrmTeamManagerDialog *self);
gboolean              crm_team_manager_dialog_is_saving (CrmTeamManagerDialog *self);
void                  crm_team_manager_dialog_set_hired_on (CrmTeamManagerDialog *self,
                                                            const char           *iso_date);

G_END_DECLS
