/* crm-rollup.h — the KPI rollups, rebuilt from the raw rows when needed
 *
 * Private to src/store/.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

gboolean crm_rollup_rebuild     (CrmDatabase *db, GError **error);
gboolean crm_rollup_check_zone  (CrmDatabase *db, gboolean *current, GError **error);
gboolean crm_rollup_rebuild_client_totals (CrmDatabase *db, GError **error);

G_END_DECLS
