/* crm-test-db.c — a database file read back for comparisons
 *
 * Straight through SQLite, read-only, so that a test sees what is in the
 * file and not what a repository makes of it.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "crm-test-db.h"

static sqlite3 *
open_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

/* Every table of the file but SQLite's and the search index's shadow
 * tables (whose pages depend on the order of writes, not on the data). */
GStrv
crm_test_db_tables (const char *path)
{
  sqlite3 *db = open_file (path);
  sqlite3_stmt *stmt = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv tables;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_fts%'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  tables = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return tables;
}

/* The rows of @sql, one per line, values by type. */
char *
crm_test_db_query (const char *path, const char *sql)
{
  sqlite3 *db = open_file (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (out, "NULL");
              break;
            case SQLITE_INTEGER:
              g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, i));
              break;
            default:
              g_string_append_printf (out, "'%s'", (const char *) sqlite3_column_text (stmt, i));
              break;
            }
          g_string_append_c (out, i + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Every row of @table, in key order. */
char *
crm_test_db_dump_table (const char *path, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2%s", table,
                                          g_str_equal (table, "sqlite_sequence") ? "" : ", 3");
  return crm_test_db_query (path, sql);
}

/* One checksum of every table, the AUTOINCREMENT counters included. */
char *
crm_test_db_checksum (const char *path)
{
  g_auto(GStrv) tables = crm_test_db_tables (path);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *dump = crm_test_db_dump_table (path, tables[i]);
      g_checksum_update (sum, (const guchar *) tables[i], -1);
      g_checksum_update (sum, (const guchar *) dump, -1);
    }
  {
    g_autofree char *seq = crm_test_db_dump_table (path, "sqlite_sequence");
    g_checksum_update (sum, (const guchar *) seq, -1);
  }
  return g_strdup (g_checksum_get_string (sum));
}

gint64
crm_test_db_count (const char *path, const char *sql)
{
  sqlite3 *db = open_file (path);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The file's tables are as @expected (a crm_test_db_checksum ()). */
void
crm_test_db_assert_checksum (const char *path, const char *expected)
{
  g_autofree char *sum = crm_test_db_checksum (path);
  g_assert_cmpstr (sum, ==, expected);
}
