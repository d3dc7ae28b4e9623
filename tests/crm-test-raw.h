/* crm-test-raw.h — a database file read and written with SQLite alone
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-database.h"

G_BEGIN_DECLS

/* Runs @sql (the store's SQL functions registered); fails the test on error. */
void    crm_test_raw_exec         (const char *path, const char *sql);
int     crm_test_raw_user_version (const char *path);
gint64  crm_test_raw_count        (const char *path, const char *sql);
/* The first column of the first row of @sql, through the store's connection. */
gint64  crm_test_query_int64      (CrmDatabase *db, const char *sql);

G_END_DECLS
