/* crm-list-filter-private.h — the filtered list query the stores share
 *
 * Only files in src/store/ include this.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database-private.h"
#include "crm-list-filter.h"

G_BEGIN_DECLS

typedef gpointer (*CrmListRowReader) (sqlite3_stmt *stmt);

/* Runs "@select_from WHERE … ORDER BY @day_column DESC, p.id DESC": the
 * table is aliased p and has manager_id and client_id. */
GPtrArray *crm_list_filter_run (CrmDatabase         *db,
                                const char          *select_from,
                                const char          *day_column,
                                const CrmListFilter *filter,
                                CrmListRowReader     read_row,
                                GError             **error);

G_END_DECLS
