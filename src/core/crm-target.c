/* crm-target.c — a manager's monthly plan
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include "crm-target.h"

void
crm_target_init (CrmTarget *target, gint64 manager_id, const char *month)
{
  target->manager_id = manager_id;
  g_strlcpy (target->month, month != NULL ? month : "", sizeof target->month);
  for (int i = 0; i < CRM_N_KPI; i++)
    target->values[i] = CRM_NO_TARGET;
}

gboolean
crm_target_is_empty (const CrmTarget *target)
{
  for (int i = 0; i < CRM_N_KPI; i++)
    if (target->values[i] != CRM_NO_TARGET)
      return FALSE;
  return TRUE;
}
