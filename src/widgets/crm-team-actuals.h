/* crm-team-actuals.h — what each manager did in a month, read in a worker
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-settings.h"

G_BEGIN_DECLS

typedef struct {
  char       *month;             /* "YYYY-MM" */
  GHashTable *managers;          /* manager id (gint64 *) → gint64[CRM_N_KPI] */
  gint64      team[CRM_N_KPI];   /* the whole team, also what nobody owns */
} CrmTeamActuals;

void            crm_team_actuals_free        (CrmTeamActuals *actuals);
const gint64   *crm_team_actuals_get         (CrmTeamActuals *actuals, gint64 manager_id);
void            crm_team_actuals_load_async  (const char          *database_path,
                                              const char          *month,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CrmTeamActuals *crm_team_actuals_load_finish (GAsyncResult        *result,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTeamActuals, crm_team_actuals_free)

G_END_DECLS
