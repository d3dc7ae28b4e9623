/* crm-team-plan-private.h — what the files of CrmTeamPlan share
 *
 * crm-team-plan.c: the table, its cells and figures;
 * crm-team-plan-save.c: saving a cell;
 * crm-team-plan-copy.c: copying last month's plan.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-target.h"
#include "crm-team-actuals.h"
#include "crm-team-plan.h"

G_BEGIN_DECLS

typedef struct {
  gint64     manager_id;
  char      *name;
  CrmTarget  target;
  GtkEntry  *entries[CRM_N_KPI];
  GtkLabel  *labels[CRM_N_KPI];
} PlanRow;

struct _CrmTeamPlan {
  GtkBox          parent_instance;

  GtkLabel       *month_label;
  GtkGrid        *grid;
  GtkSpinner     *spinner;
  GtkButton      *copy_button;
  GtkWidget      *empty_label;

  CrmDatabase    *database;
  CrmPeriod      *month;
  char           *currency;
  GPtrArray      *rows;           /* PlanRow *, the active managers by name */
  GtkLabel       *team_labels[CRM_N_KPI];
  CrmTeamActuals *actuals;
  GCancellable   *cancellable;
  gboolean        dirty;
  guint           n_saving;       /* cells being written */
};

void crm_team_plan_toast                    (CrmTeamPlan *self,
                                             const char  *text);
void crm_team_plan_refresh_targets          (CrmTeamPlan *self);
void crm_team_plan_update_achievements      (CrmTeamPlan *self);
char *crm_team_plan_format_value          (CrmTeamPlan *self,
                                             CrmKpiIndicator kpi,
                                             gint64       value,
                                             gboolean     symbol);
gboolean crm_team_plan_parse_value          (CrmTeamPlan *self,
                                             CrmKpiIndicator kpi,
                                             const char  *text,
                                             gint64      *out,
                                             GError     **error);
void crm_team_plan_show_cell                (CrmTeamPlan *self,
                                             PlanRow     *row,
                                             CrmKpiIndicator kpi);
gboolean crm_team_plan_commit_cell          (CrmTeamPlan *self,
                                             GtkEntry    *entry);
gboolean crm_team_plan_cell_is_saving       (GtkEntry    *entry);
void crm_team_plan_update_spinner           (CrmTeamPlan *self);
void crm_team_plan_copy_previous_activated  (GtkWidget   *widget,
                                             const char  *action_name,
                                             GVariant    *parameter);

G_END_DECLS
