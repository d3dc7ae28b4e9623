/* test-database.c — opening, migrating, refusing and protecting database files
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-setting-store.h"
#include "crm-test-raw.h"
#include "crm-test-util.h"

static CrmDatabase *
open_new (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  CrmDatabase *db = crm_database_new (path, CRM_DATABASE_FLAGS_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

/* This test program, which also plays the other process. */
static const char *self_path;

static void
test_create (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = open_new (&path);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_false (crm_database_is_read_only (db));
  g_assert_true (crm_database_is_empty (db, &error));
  g_assert_no_error (error);
  g_assert_null (crm_database_get_backup_path (db));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Reopening an up-to-date file runs no migration and makes no backup. */
  g_clear_object (&db);
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (crm_database_get_backup_path (db));
}

static void
test_creates_missing_folder (void)
{
  g_autofree char *dir = crm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "crm.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_default_path (void)
{
  g_autofree char *p = NULL;

  g_setenv ("SALESCRM_DATABASE", "/tmp/x/y.db", TRUE);
  p = crm_database_get_default_path ();
  g_assert_cmpstr (p, ==, "/tmp/x/y.db");
  g_free (p);
  g_unsetenv ("SALESCRM_DATABASE");
  p = crm_database_get_default_path ();
  g_assert_true (g_str_has_suffix (p, "/salescrm/salescrm.db"));
}

/* Refused files are left exactly as they were. */
static void
assert_refused_unchanged (const char *path, GQuark domain, int code)
{
  g_autofree char *before = crm_test_file_sha (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  g_autofree char *after = NULL;

  g_assert_null (db);
  g_assert_error (error, domain, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  after = crm_test_file_sha (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_not_a_database (void)
{
  g_autofree char *path = crm_test_tmp_path ("notes.db");
  g_autofree char *big = NULL;

  g_assert_true (g_file_set_contents (path, "Name,Phone\nIvan,123\n", -1, NULL));
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE);

  big = g_strnfill (8192, 'x');
  g_assert_true (g_file_set_contents (path, big, -1, NULL));
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_empty_file (void)
{
  g_autofree char *path = crm_test_tmp_path ("empty.db");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_other_programs_database (void)
{
  g_autofree char *path = crm_test_tmp_path ("firefox.sqlite");

  crm_test_raw_exec (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                  "INSERT INTO moz_places (url) VALUES ('https://example.com');");
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE);
}

static char *
make_filled_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = open_new (&path);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_exec (db,
                                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                                    " INSERT INTO manager (name, email, created_at, updated_at)"
                                    " SELECT 'Manager ' || i, 'm' || i || '@example.com', 0, 0 FROM n;"
                                    "PRAGMA wal_checkpoint(TRUNCATE);",
                                    &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  return g_steal_pointer (&path);
}

static void
test_truncated (void)
{
  g_autofree char *path = make_filled_database ();
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 16384);
  g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_CORRUPT);
}

static void
test_corrupted_check (void)
{
  g_autofree char *path = make_filled_database ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize len;

  /* Scribble over the middle of the file (table and index pages). */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = len / 3; i < len / 3 + 6000 && i < len; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  db = crm_database_new (path, CRM_DATABASE_FLAGS_READ_ONLY, NULL, &error);
  if (db == NULL)
    {
      /* Damage to the schema page is found at once. */
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CORRUPT);
      return;
    }
  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);
  g_clear_object (&db);

  /* salescrm check: exit 1, the problems listed, the file as it was. */
  {
    const char *env[] = { "DISPLAY=", "LANGUAGE=en", NULL };
    g_autofree char *before = crm_test_file_sha (path);
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", path, "check", NULL);
    g_autofree char *after = crm_test_file_sha (path);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "found in"));
    g_assert_cmpstr (before, ==, after);
  }
}

/* A row whose foreign key points nowhere (written by another program with
 * the checks off) is found and named by salescrm check. */
static void
test_check_foreign_key (void)
{
  g_autofree char *path = make_filled_database ();
  const char *env[] = { "DISPLAY=", "LANGUAGE=en", NULL };

  crm_test_raw_exec (path, "PRAGMA foreign_keys = OFF;"
                  "INSERT INTO client_tag (client_id, tag_id, created_at, updated_at) VALUES (99999, 88888, 0, 0);");
  {
    g_autoptr(CrmTestRun) run = crm_test_run (env, "--database", path, "check", NULL);

    g_test_message ("%s", run->err);
    g_assert_cmpint (run->status, ==, 1);
    /* The row points at a missing client and a missing tag. */
    g_assert_nonnull (strstr (run->err, "2 problems found in"));
    g_assert_nonnull (strstr (run->err, "Row 1 of the table “client_tag” refers to a missing row of “client”."));
    g_assert_nonnull (strstr (run->err, "refers to a missing row of “tag”."));
  }
}

static void
test_newer_version (void)
{
  g_autofree char *path = make_filled_database ();

  crm_test_raw_exec (path, "PRAGMA user_version = 99");
  assert_refused_unchanged (path, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW);
}

/* A file of data format 1 (before the deals list's indexes) opens: a copy
 * is kept, the indexes are made over the deals already there, and they
 * answer (the title's needs the crm_fold function of every connection). */
static void
test_upgrade_from_1 (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *indexes = "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                        " ('deal_by_title', 'deal_by_amount', 'deal_by_probability', 'deal_by_close_day')";

  g_assert_true (crm_database_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_raw_user_version (path), ==, 1);
  crm_test_raw_exec (path, "INSERT INTO manager (id, name, created_at, updated_at) VALUES (1, 'Anna', 0, 0);"
                  "INSERT INTO client (id, name, sort_key, created_at, updated_at)"
                  "  VALUES (1, 'Acme', 'acme', 0, 0);"
                  "INSERT INTO deal (client_id, manager_id, title, amount, stage_changed_at,"
                  "  created_at, updated_at) VALUES (1, 1, 'Поставка', 100, 0, 0, 0),"
                  "  (1, 1, 'аренда', 200, 0, 0, 0);");
  g_assert_cmpint (crm_test_raw_count (path, indexes), ==, 0);

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_nonnull (crm_database_get_backup_path (db));
  g_assert_true (g_file_test (crm_database_get_backup_path (db), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (crm_test_query_int64 (db, indexes), ==, 4);
  /* Folded, "аренда" comes before "Поставка", through the index. */
  g_assert_cmpint (crm_test_query_int64 (db, "SELECT amount FROM deal INDEXED BY deal_by_title ORDER BY crm_fold (title)"),
                   ==, 200);
  {
    sqlite3_stmt *stmt = crm_database_prepare (db, "PRAGMA integrity_check", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_reset (stmt);
  }
}

/* A migration that fails half-way leaves the file at the version before
 * it, with nothing of the step done, and says why. */
static void
test_failed_migration (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* A version-1 file in which an object already holds the name of the
   * second index the step makes: its CREATE INDEX fails. */
  g_assert_true (crm_database_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  crm_test_raw_exec (path, "CREATE TABLE deal_by_amount (x);");

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpint (crm_test_raw_user_version (path), ==, 1);
  /* The step's first index, made before the failure, was rolled back. */
  crm_test_raw_exec (path, "CREATE INDEX deal_by_title ON deal (title); DROP INDEX deal_by_title;");
}

/* A file of data format 2 (before the index of the clients' sort keys by
 * id) opens: a copy is kept, the index is made over the clients already
 * there, and a search sorts its matches by name through it. */
static void
test_upgrade_from_2 (void)
{
  g_autofree char *path = crm_test_tmp_path ("crm.db");
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  CrmClientQuery q;
  guint n = 0;

  g_assert_true (crm_database_create_at_version (path, 2, &error));
  g_assert_no_error (error);
  crm_test_raw_exec (path, "INSERT INTO client (id, name, sort_key, created_at, updated_at) VALUES"
                  "  (1, 'Ёлкина Анна', crm_fold ('Ёлкина Анна'), 0, 0),"
                  "  (2, 'Zoe Елкин', crm_fold ('Zoe Елкин'), 0, 0),"
                  "  (3, 'елена', crm_fold ('елена'), 0, 0),"
                  "  (4, 'Acme', crm_fold ('Acme'), 0, 0);");
  g_assert_cmpint (crm_test_raw_count (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'client_sort_key_by_id'"),
                   ==, 0);

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_true (g_file_test (crm_database_get_backup_path (db), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (crm_test_query_int64 (db, "SELECT count(*) FROM client INDEXED BY client_sort_key_by_id WHERE id > 0"),
                   ==, 4);

  crm_client_query_init (&q);
  q.search = "ЁЛК";
  g_assert_true (crm_client_store_count (db, &q, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  page = crm_client_store_page (db, &q, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpint (((CrmClient *) page->pdata[0])->id, ==, 2);      /* "zoe елкин" */
  g_assert_cmpint (((CrmClient *) page->pdata[1])->id, ==, 1);      /* "елкина анна" */
  g_assert_cmpstr (((CrmClient *) page->pdata[1])->name, ==, "Ёлкина Анна");
  {
    sqlite3_stmt *stmt = crm_database_prepare (db, "PRAGMA integrity_check", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_reset (stmt);
  }
}

static void
test_read_only_file (void)
{
  g_autofree char *path = make_filled_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_is_read_only (db));
  g_assert_nonnull (crm_database_get_read_only_reason (db));
  /* Reading works. */
  g_assert_false (crm_database_is_empty (db, &error));
  g_assert_no_error (error);
  /* Writing is refused with a clear error. */
  g_assert_false (crm_database_begin (db, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = make_filled_database ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (shm);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_is_read_only (db));
  g_assert_false (crm_database_is_empty (db, &error));
  g_assert_no_error (error);
  g_assert_false (crm_database_begin (db, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY);
  g_clear_object (&db);
  g_chmod (dir, 0700);
}

/* Another process holds a write transaction: we wait busy_timeout, then
 * report BUSY, and nothing crashes. */
/* Holds the write lock of @path for another process: BEGIN IMMEDIATE and
 * a row, says "locked", then commits when its standard input closes. */
static int
lock_child (const char *path)
{
  sqlite3 *db = NULL;
  char c;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO manager (name, created_at, updated_at) VALUES ('x', 0, 0);",
                    NULL, NULL, NULL) != SQLITE_OK)
    return 1;
  printf ("locked\n");
  fflush (stdout);
  while (read (STDIN_FILENO, &c, 1) > 0)
    ;
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return 0;
}

/* Another program holds the write lock: the app waits busy_timeout, then
 * says the database is busy; once the lock goes, writing works. */
static void
test_busy (void)
{
  g_autofree char *path = make_filled_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                   self_path, "--lock-child", path, NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 start, waited;

  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  crm_database_set_busy_timeout (db, 300);
  start = g_get_monotonic_time ();
  g_assert_false (crm_database_begin (db, &error));
  waited = g_get_monotonic_time () - start;
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_BUSY);
  g_assert_cmpint (waited, >=, 250 * 1000);
  g_clear_error (&error);

  /* Once the other program commits, writing works. */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, &error));
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (crm_database_commit (db, &error));
}

/* The online backup writes a complete, openable copy and leaves no
 * temporary file behind. */
static void
test_backup_copy (void)
{
  g_autofree char *path = make_filled_database ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *part = g_strconcat (copy, ".part", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
  g_autoptr(CrmDatabase) db2 = NULL;
  sqlite3_stmt *stmt;

  sqlite3 *other = NULL;

  g_assert_no_error (error);
  /* Another process in the middle of a write does not stop the copy, and
   * its uncommitted row is not in it. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO manager (name, created_at, updated_at) VALUES ('uncommitted', 0, 0);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (crm_database_backup_to (db, copy, NULL, NULL, &error));
  g_assert_no_error (error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  db2 = crm_database_new (copy, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db2), ==, CRM_DATABASE_SCHEMA_VERSION);
  stmt = crm_database_prepare (db2, "SELECT count(*) FROM manager", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2000);
  sqlite3_reset (stmt);
}

static void
test_backup_unwritable (void)
{
  g_autoptr(CrmDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_database_backup_to (db, "/nonexistent-folder/x.db", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CANT_OPEN);
  g_assert_false (g_file_test ("/nonexistent-folder/x.db.part", G_FILE_TEST_EXISTS));
}

static void
test_transactions_nest (void)
{
  g_autoptr(CrmDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (crm_database_begin (db, &error));
  g_assert_true (crm_database_exec (db, "INSERT INTO manager (name, created_at, updated_at) VALUES ('A', 0, 0)", &error));
  g_assert_true (crm_database_begin (db, &error));
  g_assert_true (crm_database_exec (db, "INSERT INTO manager (name, created_at, updated_at) VALUES ('B', 0, 0)", &error));
  crm_database_rollback (db);          /* only B goes */
  g_assert_true (crm_database_commit (db, &error));
  g_assert_no_error (error);

  stmt = crm_database_prepare (db, "SELECT group_concat(name) FROM manager", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "A");
  sqlite3_reset (stmt);
}

static void
test_constraint_names_field (void)
{
  g_autoptr(CrmDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_database_exec (db, "INSERT INTO manager (name, created_at, updated_at) VALUES ('  ', 0, 0)", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (crm_store_error_get_table (error), ==, "manager");
  g_assert_cmpstr (crm_store_error_get_field (error), ==, "name");
  g_clear_error (&error);

  g_assert_false (crm_database_exec (db, "INSERT INTO manager (name, created_at, updated_at) VALUES (NULL, 0, 0)", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (crm_store_error_get_field (error), ==, "name");
  g_clear_error (&error);

  g_assert_false (crm_database_exec (db, "INSERT INTO kpi_target (manager_id, month, created_at, updated_at) VALUES (1, '2026-13', 0, 0)", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (crm_store_error_get_field (error), ==, "month");
}

/* After a big read the connection gives its page cache back, and reads
 * the same again afterwards. */
static void
test_release_memory (void)
{
  g_autoptr(CrmDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gsize before;

  g_assert_true (crm_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
    " INSERT INTO manager (name, created_at, updated_at) SELECT printf ('Manager %04d %.*c', i, 200, 'x'), 0, 0 FROM n",
    &error));
  g_assert_no_error (error);
  stmt = crm_database_prepare (db, "SELECT count (*), sum (length (name)) FROM manager", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2000);
  sqlite3_reset (stmt);
  before = crm_database_get_cache_used (db);
  g_assert_cmpuint (before, >, 100 * 1024);

  crm_database_release_memory (db);
  g_assert_cmpuint (crm_database_get_cache_used (db), <, before / 4);

  stmt = crm_database_prepare (db, "SELECT count (*), sum (length (name)) FROM manager", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2000);
  sqlite3_reset (stmt);
}

static void
test_fold_and_phone_tokens (void)
{
  char *s;

  s = crm_store_fold ("Пётр ЁЛКИН"); g_assert_cmpstr (s, ==, "петр елкин"); g_free (s);
  s = crm_store_fold ("Straße"); g_assert_cmpstr (s, ==, "strasse"); g_free (s);
  s = crm_store_phone_tokens ("+7 (912) 345-67-89");
  g_assert_nonnull (strstr (s, "79123456789"));
  g_assert_nonnull (strstr (s, " 9123456789 "));
  g_assert_nonnull (strstr (s, " 3456789 "));
  g_free (s);
  s = crm_store_phone_tokens (""); g_assert_cmpstr (s, ==, ""); g_free (s);
}

/* ---- killed in the middle of inserts ------------------------------------ */

static int
insert_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  if (db == NULL)
    return 1;
  for (int batch = 0; batch < 100000; batch++)
    {
      if (!crm_database_begin (db, &error))
        return 1;
      for (int i = 0; i < 100; i++)
        if (!crm_database_exec (db, "INSERT INTO manager (name, created_at, updated_at) VALUES ('row', 0, 0)", &error))
          return 1;
      if (!crm_database_commit (db, &error))
        return 1;
      /* Report what is committed: the parent kills us at some point. */
      printf ("%d\n", (batch + 1) * 100);
      fflush (stdout);
    }
  return 0;
}

/* The currency is fixed when the file is made: a Russian database stays in
 * roubles when somebody opens it in English. */
static void
test_currency_fixed_at_creation (void)
{
  g_autofree char *path = crm_test_tmp_path ("currency.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSettings) settings = NULL;

  crm_test_use_language ("ru");
  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    g_assert_no_error (error);
  }
  crm_test_use_language (NULL);
  {
    g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);
    g_assert_no_error (error);
    settings = crm_setting_store_load (db, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (settings->currency, ==, "RUB");
  }
}


static void
test_sigkill_during_inserts (void)
{
  g_autofree char *path = crm_test_tmp_path ("killed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  const char *argv[] = { self_path, "--insert-child", path, NULL };
  GPid pid;
  int out_fd;
  int committed = 0;
  char buf[64];
  FILE *out;
  int status;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  /* Create the file first so the child only inserts. */
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  out = fdopen (out_fd, "r");
  while (fgets (buf, sizeof buf, out) != NULL)
    {
      committed = atoi (buf);
      if (committed >= 10000)
        break;
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  fclose (out);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (committed, >=, 10000);

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  stmt = crm_database_prepare (db, "SELECT count(*) FROM manager", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* Every reported commit is there; a batch in flight is all or nothing. */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, committed);
  g_assert_cmpint (sqlite3_column_int (stmt, 0) % 100, ==, 0);
  sqlite3_reset (stmt);
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--insert-child"))
    return insert_child (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--lock-child"))
    return lock_child (argv[2]);
  self_path = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/creates-missing-folder", test_creates_missing_folder);
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/refuses/not-a-database", test_not_a_database);
  g_test_add_func ("/database/refuses/empty-file", test_empty_file);
  g_test_add_func ("/database/refuses/other-programs-database", test_other_programs_database);
  g_test_add_func ("/database/refuses/truncated", test_truncated);
  g_test_add_func ("/database/refuses/newer-version", test_newer_version);
  g_test_add_func ("/database/upgrade-from-1", test_upgrade_from_1);
  g_test_add_func ("/database/upgrade-from-2", test_upgrade_from_2);
  g_test_add_func ("/database/corrupted-found-by-check", test_corrupted_check);
  g_test_add_func ("/database/check-finds-foreign-key", test_check_foreign_key);
  g_test_add_func ("/database/failed-migration-rolls-back", test_failed_migration);
  g_test_add_func ("/database/read-only/file", test_read_only_file);
  g_test_add_func ("/database/read-only/folder", test_read_only_folder);
  g_test_add_func ("/database/busy", test_busy);
  g_test_add_func ("/database/backup/consistent-copy", test_backup_copy);
  g_test_add_func ("/database/backup/unwritable", test_backup_unwritable);
  g_test_add_func ("/database/transactions-nest", test_transactions_nest);
  g_test_add_func ("/database/constraint-names-field", test_constraint_names_field);
  g_test_add_func ("/database/fold-and-phone-tokens", test_fold_and_phone_tokens);
  g_test_add_func ("/database/release-memory", test_release_memory);
  g_test_add_func ("/database/sigkill-during-inserts", test_sigkill_during_inserts);
  g_test_add_func ("/database/currency-fixed-at-creation", test_currency_fixed_at_creation);

  return g_test_run ();
}
