/* crm-test-db.h — a database file read back for comparisons
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *crm_test_db_query      (const char *path,
                                const char *sql);
char   *crm_test_db_dump_table (const char *path,
                                const char *table);
char   *crm_test_db_checksum   (const char *path);
GStrv   crm_test_db_tables     (const char *path);
void    crm_test_db_assert_checksum (const char *path,
                                     const char *expected);
gint64  crm_test_db_count      (const char *path,
                                const char *sql);

G_END_DECLS
