/* test-import-search.c — imported clients in the search index
 *
 * An import fills the search index in bulk, not through the trigger that
 * indexes a client created one at a time (crm-import-stage.c). These tests
 * check that every imported client is found as any other — by a word of
 * its name or company (ё as е), its e-mail, the digits of its phone — that
 * the index holds exactly what the trigger would have put in it, also
 * after records of the same file updated clients written before them, and
 * that the trigger is in place after an import, a dry run and a cancel.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-test-db.h"
#include "crm-test-util.h"
#include "test-import.h"

void test_import_add_search_tests (void);

#define TRIGGER_SQL "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'client_fts_insert'"

static CrmImportResult *
import_ok (Db *d, const char *path, CrmDuplicatePolicy policy)
{
  g_autoptr(GError) error = NULL;
  CrmImportResult *result = import (d, path, policy, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* How many clients the client list finds for what a person typed. */
static guint
found (Db *d, const char *search)
{
  g_autoptr(GError) error = NULL;
  CrmClientQuery query;
  guint n = 0;

  crm_client_query_init (&query);
  query.search = search;
  g_assert_true (crm_client_store_count (d->db, &query, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Every entry of the search index — term, client, column, position — one
 * per line: what the index holds, whatever the segments it is kept in. */
static char *
index_entries (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.entries USING fts5vocab (main, client_fts, instance)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, doc, col, offset FROM temp.entries"
                                       " ORDER BY term, doc, col, offset", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %lld %s %d\n", (const char *) sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* The clients of @from created one at a time in @to, which indexes them
 * with its trigger; @to must be empty, so that the ids are the same. */
static void
copy_clients (const char *from, Db *to)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (from, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, name, company, phones, emails FROM client ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CrmClient) client = crm_client_new ();
      g_autoptr(GError) error = NULL;

      client->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      client->company = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      client->phones = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      client->emails = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_assert_true (crm_client_store_create (to->db, client, &error));
      g_assert_no_error (error);
      g_assert_cmpint (client->id, ==, sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The trigger as a database made new has it: in place and working. */
static void
assert_trigger_in_place (Db *d)
{
  g_autoptr(Db) fresh = db_new ("fresh.db");
  g_autofree char *expected = crm_test_db_query (fresh->path, TRIGGER_SQL);
  g_autofree char *trigger = crm_test_db_query (d->path, TRIGGER_SQL);
  g_autoptr(CrmClient) client = crm_client_new ();
  g_autoptr(GError) error = NULL;
  guint before = found (d, "Триггерова");

  g_assert_cmpstr (expected, !=, "");
  g_assert_cmpstr (trigger, ==, expected);
  client->name = g_strdup ("Анна Триггерова");
  g_assert_true (crm_client_store_create (d->db, client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found (d, "Триггерова"), ==, before + 1);
}

/* More rows than one move of the import takes (20,000), so that the
 * clients are indexed in two parts. */
#define N_FILLER 20500

static char *
big_file (void)
{
  GString *out = g_string_new ("Name,Company,Phone,E-mail,City\n");

  g_string_append (out, "Ольга Ёлкина,Ёлки-палки,+7 (912) 345-67-89,olga@example.com,Москва\n");
  g_string_append (out, "John Smith,Acme Corp.,8 800 555 35 35,JOHN@Example.COM,Boston\n");
  for (guint i = 0; i < N_FILLER; i++)
    g_string_append_printf (out, "Клиент %u,,+7 901 %07u,c%u@example.com,\n", i, i, i);
  g_string_append (out, "Пётр Последний,ООО «Финиш»,+7 999 000-11-22,last@example.com,\n");
  return g_string_free (out, FALSE);
}

/* Found by a word of the name or company, ё or е, any case, the e-mail,
 * the phone's digits or their end, wherever the row is in the file. */
static void
test_found (void)
{
  g_autoptr(Db) d = db_new ("found.db");
  g_autofree char *text = big_file ();
  g_autofree char *path = write_file ("found.csv", text, -1);
  g_autoptr(CrmImportResult) result = import_ok (d, path, CRM_DUPLICATES_SKIP);

  g_assert_cmpuint (result->counts.created, ==, N_FILLER + 3);
  g_assert_cmpuint (found (d, "Ёлкина"), ==, 1);
  g_assert_cmpuint (found (d, "елкина"), ==, 1);
  g_assert_cmpuint (found (d, "ЁЛКИНА ольга"), ==, 1);
  g_assert_cmpuint (found (d, "елки-палки"), ==, 1);
  g_assert_cmpuint (found (d, "olga@example.com"), ==, 1);
  g_assert_cmpuint (found (d, "345-67-89"), ==, 1);
  g_assert_cmpuint (found (d, "8 912 345 67 89"), ==, 1);
  g_assert_cmpuint (found (d, "john@example.com"), ==, 1);
  g_assert_cmpuint (found (d, "acme"), ==, 1);
  g_assert_cmpuint (found (d, "555-35-35"), ==, 1);
  g_assert_cmpuint (found (d, "Петр последний"), ==, 1);
  g_assert_cmpuint (found (d, "финиш"), ==, 1);
  g_assert_cmpuint (found (d, "+7 999 000-11-22"), ==, 1);
  g_assert_cmpuint (found (d, "клиент"), ==, N_FILLER);
  g_assert_cmpuint (found (d, "c0@example.com"), ==, 1);
  g_assert_cmpuint (found (d, "c20499@example.com"), ==, 1);
  g_assert_cmpuint (found (d, "+7 901 002-04-99"), ==, 1);
  assert_trigger_in_place (d);
  /* Thousands of clients in: the planner's statistics were gathered. */
  {
    g_autoptr(GError) error = NULL;
    sqlite3_stmt *stmt = crm_database_prepare (d->db, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'client'", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
    sqlite3_reset (stmt);
  }
}

/* The index after an import, with records updating clients written
 * before them in the same file, holds what the trigger puts in it for the
 * same clients created one at a time: no more, no less. */
static void
test_same_as_trigger (void)
{
  g_autoptr(Db) imported = db_new ("imported.db");
  g_autoptr(Db) created = db_new ("created.db");
  GString *text = g_string_new ("Name,Company,Phone,E-mail\n");
  g_autofree char *path = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *expected = NULL;

  g_string_append (text, "Анна Старая,,,anna@example.com\n");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Клиент %u,Фирма %u,+7 902 %07u,c%u@example.com\n", i, i % 7, i, i);
  /* Anna again, still waiting to be written; then by her new phone, once
   * she is written and indexed; then client 5, written too. */
  g_string_append (text, "Анна Новая,ООО «Новое»,+7 903 111-22-33,anna@example.com\n");
  for (guint i = 300; i < 400; i++)
    g_string_append_printf (text, "Клиент %u,,+7 902 %07u,c%u@example.com\n", i, i, i);
  g_string_append (text, "Пётр Ёжиков,,8 (903) 111-22-33,\n");
  g_string_append (text, "Клиент пятый,Другая фирма,,c5@example.com\n");
  path = write_file ("same.csv", text->str, -1);
  g_string_free (text, TRUE);

  result = import_ok (imported, path, CRM_DUPLICATES_UPDATE);
  g_assert_cmpuint (result->counts.created, ==, 401);
  g_assert_cmpuint (result->counts.updated, ==, 3);
  g_assert_cmpuint (found (imported, "анна"), ==, 0);
  g_assert_cmpuint (found (imported, "ежиков"), ==, 1);
  g_assert_cmpuint (found (imported, "новое"), ==, 1);
  g_assert_cmpuint (found (imported, "anna@example.com"), ==, 1);
  g_assert_cmpuint (found (imported, "пятый"), ==, 1);

  copy_clients (imported->path, created);
  entries = index_entries (imported->path);
  expected = index_entries (created->path);
  g_assert_cmpuint (strlen (expected), >, 0);
  g_assert_cmpstr (entries, ==, expected);
  assert_trigger_in_place (imported);
}

/* A dry run and a cancelled import leave the index and its trigger as
 * they were. */
static void
test_nothing_kept (void)
{
  g_autoptr(Db) d = db_new ("kept.db");
  g_autofree char *text = big_file ();
  g_autofree char *path = write_file ("kept.csv", text, -1);
  g_autoptr(CrmImportResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CrmImportOptions options;

  crm_import_options_init (&options);
  options.dry_run = TRUE;
  result = crm_import_file (d->db, path, CRM_IMPORT_FORMAT_CSV, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.created, ==, N_FILLER + 3);
  g_assert_cmpint (crm_test_db_count (d->path, "SELECT count(*) FROM client"), ==, 0);
  g_assert_cmpuint (found (d, "клиент"), ==, 0);
  assert_trigger_in_place (d);

  crm_import_options_init (&options);
  g_clear_pointer (&result, crm_import_result_free);
  result = crm_import_file (d->db, path, CRM_IMPORT_FORMAT_CSV, &options, cancel_cb, cancellable,
                            cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (found (d, "клиент"), ==, 0);
  assert_trigger_in_place (d);
}

void
test_import_add_search_tests (void)
{
  g_test_add_func ("/import/search-found", test_found);
  g_test_add_func ("/import/search-same-as-trigger", test_same_as_trigger);
  g_test_add_func ("/import/search-nothing-kept", test_nothing_kept);
}
