/* crm-transfer-private.h — what the JSON export and its import share
 *
 * Private to src/store/.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_JSON_FORMAT         "salescrm-database"
#define CRM_JSON_FORMAT_VERSION 1

/* The first two lines of a JSON export as crm_export_store_json() writes
 * it, one row per line: no pretty-printer writes two members on one line,
 * so a file that starts so was not reformatted and is read line by line. */
#define CRM_JSON_FIRST_LINE  "{"
#define CRM_JSON_SECOND_LINE "  \"format\": \"" CRM_JSON_FORMAT "\", \"format_version\": 1,"

/* The tables of a JSON export, parents before children: the order in which
 * they are written and must be read back. The KPI rollups and the search
 * index are not exported; the triggers rebuild them as the rows go in. */
extern const char * const crm_json_tables[];
#define CRM_JSON_N_TABLES 11

GPtrArray *crm_json_table_columns (CrmDatabase *db,
                                   const char  *table,
                                   GError     **error);

G_END_DECLS
