/* crm-target.h — a manager's monthly plan (kpi_target)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-settings.h"

G_BEGIN_DECLS

/* -1 means "no target for this indicator" (not 0: a target of 0 exists). */
#define CRM_NO_TARGET ((gint64) -1)

typedef struct {
  gint64 manager_id;
  char   month[8];                  /* "YYYY-MM" */
  gint64 values[CRM_N_KPI];         /* indexed by CrmKpiIndicator; revenue in minor units */
} CrmTarget;

void     crm_target_init      (CrmTarget *target, gint64 manager_id, const char *month);
gboolean crm_target_is_empty  (const CrmTarget *target);

G_END_DECLS
