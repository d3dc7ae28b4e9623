/* crm-target-store.h — monthly KPI targets (the plan)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-target.h"

G_BEGIN_DECLS

/* Inserts or replaces the target of (manager, month). */
gboolean crm_target_store_set    (CrmDatabase *db, const CrmTarget *target, GError **error);
/* TRUE and @out filled when a target exists; FALSE without @error when not. */
gboolean crm_target_store_get    (CrmDatabase *db, gint64 manager_id, const char *month,
                                  CrmTarget *out, GError **error);
gboolean crm_target_store_delete (CrmDatabase *db, gint64 manager_id, const char *month, GError **error);
/* The targets of every manager for the months in [from_month, to_month]. */
GArray  *crm_target_store_list   (CrmDatabase *db, const char *from_month, const char *to_month,
                                  GError **error);

G_END_DECLS
