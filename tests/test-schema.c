/* test-schema.c — data format 4: every CHECK names its field, and a file
 * upgraded from format 3 is the file a new one is
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
#include <sys/wait.h>
#include <unistd.h>

#include "crm-database-private.h"
#include "crm-test-db.h"
#include "crm-test-raw.h"
#include "crm-test-util.h"

static const char *self_path;   /* the test program, run again as a child */

static void
exec_ok (CrmDatabase *db, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The whole schema as text, in name order, without SQLite's own tables. */
static char *
schema_text (const char *path)
{
  return crm_test_db_query (path, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                  " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name");
}

/* One row in every table of the schema, for the checks to break. */
static const char base_rows[] =
  "INSERT INTO manager (id, name, created_at, updated_at) VALUES (1, 'Anna', 0, 0);"
  "INSERT INTO client (id, name, sort_key, company, owner_id, created_at, updated_at)"
  "  VALUES (1, 'Acme', 'acme', 'Acme Ltd', 1, 1700000000, 0), (2, 'Борис', 'борис', '', 1, 1700000100, 0),"
  "  (3, 'Zed', 'zed', '', NULL, 1700000200, 0);"
  "INSERT INTO tag (id, name, created_at, updated_at) VALUES (1, 'vip', 0, 0);"
  "INSERT INTO deal (id, client_id, manager_id, title, amount, stage, stage_changed_at, created_at, updated_at)"
  "  VALUES (1, 1, 1, 'Supply', 100, 'new', 1700000000, 1700000000, 1700000000);"
  "UPDATE deal SET stage = 'qualified', stage_changed_at = 1700003600 WHERE id = 1;"
  "INSERT INTO activity (id, uid, type, client_id, manager_id, starts_at, duration_min, state, created_at,"
  "  updated_at) VALUES"
  "  (1, 'a1', 'call', 1, 1, 1700001000, 5, 'done', 0, 0),"
  "  (2, 'a2', 'meeting', 1, 1, 1700090000, 60, 'done', 0, 0),"
  "  (3, 'a3', 'call', 1, 1, 1700190000, 5, 'planned', 0, 0),"
  "  (4, 'a4', 'call', 2, 1, 1700002000, 7, 'done', 0, 0),"
  "  (9, 'a9', 'task', 2, 1, 1700003000, 0, 'done', 0, 0);"
  "INSERT INTO activity (id, uid, type, client_id, manager_id, starts_at, state, rrule, created_at, updated_at)"
  "  VALUES (5, 'a5', 'meeting', 2, 1, 1700000000, 'planned', 'FREQ=WEEKLY', 0, 0);"
  "INSERT INTO activity (id, uid, type, client_id, manager_id, starts_at, state, series_id, recurrence_at,"
  "  created_at, updated_at) VALUES (6, 'a6', 'meeting', 2, 1, 1700604800, 'done', 5, 1700604800, 0, 0);"
  "DELETE FROM activity WHERE id = 9;"       /* its id is never given again */
  "INSERT INTO payment (id, client_id, manager_id, deal_id, paid_on, amount, created_at, updated_at) VALUES"
  "  (1, 1, 1, 1, '2023-11-20', 1500, 0, 0), (2, 1, 1, NULL, '2023-12-01', 250, 0, 0),"
  "  (3, 2, 1, NULL, '2023-11-21', 40, 0, 0);"
  "INSERT INTO complaint (id, client_id, manager_id, opened_on, cost, created_at, updated_at)"
  "  VALUES (1, 1, 1, '2023-11-22', 10, 0, 0);"
  "INSERT INTO kpi_target (id, manager_id, month, revenue, created_at, updated_at)"
  "  VALUES (1, 1, '2023-11', 1000, 0, 0);"
  "INSERT INTO setting (key, value, created_at, updated_at) VALUES ('company', 'Acme', 0, 0);";

/* A file of data format 3, with rows in every table, upgraded: the two
 * tables rebuilt keep their rows, ids and counters; the clients' totals
 * are filled in; the schema is exactly a new file's. */
static void
test_upgrade_from_3 (void)
{
  g_autofree char *path = crm_test_tmp_path ("v3.db");
  g_autofree char *fresh_path = crm_test_tmp_path ("v4.db");
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmDatabase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upgraded_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *rollup_before = NULL;
  g_autofree char *rollup_after = NULL;

  g_assert_true (crm_database_create_at_version (path, 3, &error));
  g_assert_no_error (error);
  {
    sqlite3 *raw = NULL;
    char *msg = NULL;

    g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
    crm_store_register_functions (raw);
    if (sqlite3_exec (raw, "PRAGMA foreign_keys = ON;", NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec (raw, base_rows, NULL, NULL, &msg) != SQLITE_OK)
      g_error ("%s", msg);
    /* Format 3 had no name on these checks. */
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE activity SET all_day = 2 WHERE id = 1", NULL, NULL, NULL), ==,
                     SQLITE_CONSTRAINT);
    g_assert_null (strstr (sqlite3_errmsg (raw), "activity.all_day"));
    sqlite3_close (raw);
  }
  rollup_before = crm_test_db_query (path, "SELECT group_concat (day || manager_id || calls || talk_min"
                                          " || meetings_held, ',') FROM kpi_activity_day");

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, 4);
  g_assert_true (g_file_test (crm_database_get_backup_path (db), G_FILE_TEST_IS_REGULAR));

  /* The rows, their ids, the counters. */
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM activity"), ==, 6);
  g_assert_cmpint (crm_test_db_count (path, "SELECT sum (id) FROM activity"), ==, 21);
  g_assert_cmpint (crm_test_db_count (path, "SELECT series_id FROM activity WHERE id = 6"), ==, 5);
  g_assert_cmpint (crm_test_db_count (path, "SELECT seq FROM sqlite_sequence WHERE name = 'activity'"), ==, 9);
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM deal_stage_change WHERE deal_id = 1"), ==, 2);
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM sqlite_sequence WHERE name LIKE '%_v4'"), ==, 0);
  rollup_after = crm_test_db_query (path, "SELECT group_concat (day || manager_id || calls || talk_min"
                                         " || meetings_held, ',') FROM kpi_activity_day");
  g_assert_cmpstr (rollup_after, ==, rollup_before);

  /* The totals. */
  g_assert_cmpint (crm_test_db_count (path, "SELECT revenue_minor FROM client WHERE id = 1"), ==, 1750);
  g_assert_cmpint (crm_test_db_count (path, "SELECT revenue_minor FROM client WHERE id = 2"), ==, 40);
  g_assert_cmpint (crm_test_db_count (path, "SELECT revenue_minor FROM client WHERE id = 3"), ==, 0);
  g_assert_cmpint (crm_test_db_count (path, "SELECT last_contact_at FROM client WHERE id = 1"), ==, 1700090000);
  g_assert_cmpint (crm_test_db_count (path, "SELECT last_contact_at FROM client WHERE id = 2"), ==, 1700604800);
  g_assert_cmpint (crm_test_db_count (path, "SELECT last_contact_at FROM client WHERE id = 3"), ==, 0);

  /* The triggers of both tables, and the deal's that write the history,
   * are back. */
  exec_ok (db, "UPDATE deal SET stage = 'won', stage_changed_at = 1700100000 WHERE id = 1");
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM deal_stage_change WHERE deal_id = 1"), ==, 3);
  exec_ok (db, "INSERT INTO activity (uid, type, client_id, manager_id, starts_at, duration_min, state,"
               " created_at, updated_at) VALUES ('a10', 'call', 3, 1, 1700200000, 3, 'done', 0, 0)");
  g_assert_cmpint (crm_test_db_count (path, "SELECT max (id) FROM activity"), ==, 10);
  g_assert_cmpint (crm_test_db_count (path, "SELECT last_contact_at FROM client WHERE id = 3"), ==, 1700200000);
  g_assert_cmpint (crm_test_db_count (path, "SELECT sum (calls) FROM kpi_activity_day"), ==, 3);
  /* A series still takes its exceptions with it. */
  exec_ok (db, "DELETE FROM activity WHERE id = 5");
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM activity WHERE id = 6"), ==, 0);
  g_assert_cmpint (crm_test_db_count (path, "SELECT last_contact_at FROM client WHERE id = 2"), ==, 1700002000);

  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_assert_true (crm_database_check (db, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* Exactly the schema of a new file. */
  fresh = crm_database_new (fresh_path, 0, NULL, &error);
  g_assert_no_error (error);
  upgraded_schema = schema_text (path);
  fresh_schema = schema_text (fresh_path);
  g_assert_cmpstr (upgraded_schema, ==, fresh_schema);
  g_assert_null (strstr (fresh_schema, "_v4"));
  g_assert_nonnull (strstr (fresh_schema, "CONSTRAINT \"activity.all_day\""));
}

/* Every CHECK of the schema, broken one at a time: the error is a
 * constraint error that names the table and the field, with a message of
 * its own. The cases are checked against the schema, so that a CHECK
 * added later without a case (or without a name) fails here. */
typedef struct {
  const char *table;
  const char *field;
  const char *constraint;     /* the CHECK's name in the schema */
  const char *sql;
} CheckCase;

static const CheckCase check_cases[] = {
  { "manager", "name", "manager.name", "UPDATE manager SET name = '  ' WHERE id = 1" },
  { "manager", "active", "manager.active", "UPDATE manager SET active = 2 WHERE id = 1" },
  { "manager", "hired_on", "manager.hired_on", "UPDATE manager SET hired_on = '2026-13-01' WHERE id = 1" },
  { "client", "kind", "client.kind", "UPDATE client SET kind = 'robot' WHERE id = 1" },
  { "client", "name", "client.name", "UPDATE client SET name = ' ' WHERE id = 1" },
  { "client", "source", "client.source", "UPDATE client SET source = 'tv' WHERE id = 1" },
  { "client", "status", "client.status", "UPDATE client SET status = 'vip' WHERE id = 1" },
  { "tag", "name", "tag.name", "UPDATE tag SET name = '' WHERE id = 1" },
  { "deal", "title", "deal.title", "UPDATE deal SET title = ' ' WHERE id = 1" },
  { "deal", "amount", "deal.amount", "UPDATE deal SET amount = -1 WHERE id = 1" },
  { "deal", "stage", "deal.stage", "UPDATE deal SET stage = 'dreaming' WHERE id = 1" },
  { "deal", "probability", "deal.probability", "UPDATE deal SET probability = 101 WHERE id = 1" },
  { "deal", "expected_close", "deal.expected_close", "UPDATE deal SET expected_close = 'soon' WHERE id = 1" },
  { "deal", "closed_on", "deal.closed_on", "UPDATE deal SET closed_on = '2023-12-01' WHERE id = 1" },
  { "deal", "closed_on", "deal.closed_on:after_created",
    "UPDATE deal SET stage = 'won', closed_on = '1990-01-01' WHERE id = 1" },
  { "deal_stage_change", "from_stage", "deal_stage_change.from_stage",
    "UPDATE deal_stage_change SET from_stage = 'limbo' WHERE deal_id = 1" },
  { "deal_stage_change", "to_stage", "deal_stage_change.to_stage",
    "UPDATE deal_stage_change SET to_stage = 'limbo' WHERE deal_id = 1" },
  { "activity", "type", "activity.type", "UPDATE activity SET type = 'party' WHERE id = 1" },
  { "activity", "duration_min", "activity.duration_min", "UPDATE activity SET duration_min = -5 WHERE id = 1" },
  { "activity", "all_day", "activity.all_day", "UPDATE activity SET all_day = 2 WHERE id = 1" },
  { "activity", "direction", "activity.direction", "UPDATE activity SET direction = 'sideways' WHERE id = 1" },
  { "activity", "state", "activity.state", "UPDATE activity SET state = 'maybe' WHERE id = 1" },
  { "activity", "reminder_min", "activity.reminder_min", "UPDATE activity SET reminder_min = -1 WHERE id = 1" },
  { "activity", "recurrence_at", "activity.recurrence_at", "UPDATE activity SET recurrence_at = 5 WHERE id = 1" },
  { "payment", "paid_on", "payment.paid_on", "UPDATE payment SET paid_on = '20.11.2023' WHERE id = 1" },
  { "payment", "amount", "payment.amount", "UPDATE payment SET amount = -10 WHERE id = 1" },
  { "complaint", "opened_on", "complaint.opened_on", "UPDATE complaint SET opened_on = 'yesterday' WHERE id = 1" },
  { "complaint", "cost", "complaint.cost", "UPDATE complaint SET cost = -1 WHERE id = 1" },
  { "complaint", "status", "complaint.status", "UPDATE complaint SET status = 'ignored' WHERE id = 1" },
  { "kpi_target", "month", "kpi_target.month", "UPDATE kpi_target SET month = '2023-13' WHERE id = 1" },
  { "kpi_target", "revenue", "kpi_target.revenue", "UPDATE kpi_target SET revenue = -1 WHERE id = 1" },
  { "kpi_target", "calls", "kpi_target.calls", "UPDATE kpi_target SET calls = -1 WHERE id = 1" },
  { "kpi_target", "talk_min", "kpi_target.talk_min", "UPDATE kpi_target SET talk_min = -1 WHERE id = 1" },
  { "kpi_target", "meetings", "kpi_target.meetings", "UPDATE kpi_target SET meetings = -1 WHERE id = 1" },
  { "kpi_target", "new_clients", "kpi_target.new_clients", "UPDATE kpi_target SET new_clients = -1 WHERE id = 1" },
  { "setting", "key", "setting.key", "UPDATE setting SET key = '' WHERE key = 'company'" },
};

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_every_check_names_its_field (void)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autofree char *path = crm_test_tmp_path ("checks.db");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n_checks = 0;

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  exec_ok (db, base_rows);

  /* Every CHECK in the schema is named and has its case. */
  stmt = crm_database_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL",
                               &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      guint checks = count_occurrences (sql, "CHECK (");
      guint named = count_occurrences (sql, "CONSTRAINT \"");
      guint cases = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (check_cases); i++)
        if (g_str_equal (check_cases[i].table, table))
          {
            g_autofree char *name = g_strdup_printf ("CONSTRAINT \"%s\"", check_cases[i].constraint);
            g_assert_nonnull (strstr (sql, name));
            cases++;
          }
      g_test_message ("%s: %u checks, %u named, %u cases", table, checks, named, cases);
      g_assert_cmpuint (named, ==, checks);
      g_assert_cmpuint (cases, ==, checks);
      n_checks += checks;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n_checks, ==, G_N_ELEMENTS (check_cases));

  for (gsize i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      const CheckCase *c = &check_cases[i];
      g_autoptr(GError) local_error = NULL;

      g_test_message ("%s", c->sql);
      g_assert_false (crm_database_exec (db, c->sql, &local_error));
      g_assert_error (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT);
      g_assert_cmpstr (crm_store_error_get_table (local_error), ==, c->table);
      g_assert_cmpstr (crm_store_error_get_field (local_error), ==, c->field);
      /* A message of its own, not SQLite's words. */
      g_assert_null (strstr (local_error->message, "CHECK constraint"));
    }
  /* Nothing was changed by the refused statements. */
  g_assert_cmpint (crm_test_db_count (path, "SELECT count (*) FROM deal_stage_change"), ==, 2);
  g_assert_cmpint (crm_test_db_count (path, "SELECT revenue_minor FROM client WHERE id = 1"), ==, 1750);
}

/* ---- upgrading ------------------------------------------------------------ */

/* A file of data format 3 whose migration runs long enough to be caught
 * inside its transaction (more SQLite instructions than the store checks
 * its progress at). */
static void
make_v3_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_database_create_at_version (path, 3, &error));
  g_assert_no_error (error);
  crm_test_raw_exec (path, "BEGIN;"
                  "INSERT INTO manager (id, name, created_at, updated_at) VALUES (1, 'Anna', 0, 0);"
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                  " INSERT INTO client (name, sort_key, owner_id, created_at, updated_at)"
                  " SELECT 'Client ' || i, 'client ' || i, 1, i, i FROM n;"
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                  " INSERT INTO activity (uid, type, client_id, manager_id, starts_at, duration_min, state,"
                  " created_at, updated_at)"
                  " SELECT 'a' || i, 'call', 1 + i % 500, 1, 1700000000 + i * 60, 5, 'done', 0, 0 FROM n;"
                  "COMMIT;");
}

/* The data format is read without opening (or changing) the file. */
static void
test_peek_version (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  g_autofree char *text = crm_test_tmp_path ("text.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  int version = -1;

  g_assert_true (crm_database_peek_version (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (crm_database_create_at_version (path, 3, &error));
  g_assert_true (crm_database_peek_version (path, &version, &error));
  g_assert_cmpint (version, ==, 3);
  g_assert_cmpint (crm_test_raw_user_version (path), ==, 3);

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_database_peek_version (path, &version, &error));
  g_assert_cmpint (version, ==, CRM_DATABASE_SCHEMA_VERSION);

  g_assert_true (g_file_set_contents (text, "plain text, long enough to be taken for a header by nobody", -1, NULL));
  g_assert_false (crm_database_peek_version (text, &version, &error));
  g_assert_nonnull (error);
}

typedef struct {
  GCancellable *cancel_at_migration;   /* cancelled when the tables' step begins */
  GPtrArray    *steps;                 /* "backup 0.00", "migrate -1", … */
  char         *backup_path;
} Progress;

static void
progress_cb (const CrmDatabaseUpgrade *upgrade, gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpint (upgrade->from_version, ==, 3);
  g_assert_cmpint (upgrade->to_version, ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_nonnull (upgrade->backup_path);
  if (p->backup_path == NULL)
    p->backup_path = g_strdup (upgrade->backup_path);
  g_assert_cmpstr (p->backup_path, ==, upgrade->backup_path);
  g_ptr_array_add (p->steps, g_strdup_printf ("%s %s", upgrade->step == CRM_DATABASE_UPGRADE_BACKUP ? "backup" : "migrate",
                                               upgrade->fraction < 0 ? "?" : upgrade->fraction == 1 ? "1" :
                                               upgrade->fraction == 0 ? "0" : "part"));
  if (upgrade->step == CRM_DATABASE_UPGRADE_MIGRATE && p->cancel_at_migration != NULL)
    g_cancellable_cancel (p->cancel_at_migration);
}

/* The one who opens an older file hears of the copy (with its path, from
 * 0 to 1) and then of the migration, which has no known length; the copy
 * is where it was said. */
static void
test_upgrade_progress (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  Progress p = { NULL, steps, NULL };

  make_v3_file (path);
  db = crm_database_new_upgrading (path, CRM_DATABASE_FLAGS_NONE, progress_cb, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (steps->len, >=, 4);
  g_assert_cmpstr (steps->pdata[0], ==, "backup 0");
  g_assert_cmpstr (steps->pdata[steps->len - 2], ==, "migrate ?");
  g_assert_cmpstr (steps->pdata[steps->len - 1], ==, "migrate 1");
  g_assert_true (g_ptr_array_find_with_equal_func (steps, "backup 1", g_str_equal, NULL));
  g_assert_cmpstr (crm_database_get_backup_path (db), ==, p.backup_path);
  g_assert_true (g_file_test (p.backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (crm_test_raw_user_version (p.backup_path), ==, 3);
  g_free (p.backup_path);

  /* A file at the current format, or a new one, is not upgraded: nothing is said. */
  g_clear_object (&db);
  g_ptr_array_set_size (steps, 0);
  db = crm_database_new_upgrading (path, CRM_DATABASE_FLAGS_NONE, progress_cb, &p, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_free (path);
  path = crm_test_tmp_path ("new.db");
  db = crm_database_new_upgrading (path, CRM_DATABASE_FLAGS_NONE, progress_cb, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 0);
}

/* Stopped once the copy is made: the migration rolls back, the file stays
 * at format 3 and whole, and upgrades later as any. */
static void
test_upgrade_stopped (void)
{
  g_autofree char *path = crm_test_tmp_path ("old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  Progress p = { cancellable, steps, NULL };

  make_v3_file (path);
  db = crm_database_new_upgrading (path, CRM_DATABASE_FLAGS_NONE, progress_cb, &p, cancellable, &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_raw_user_version (path), ==, 3);
  g_assert_true (g_file_test (p.backup_path, G_FILE_TEST_IS_REGULAR));
  g_free (p.backup_path);

  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (crm_test_query_int64 (db, "SELECT count (*) FROM activity"), ==, 5000);
}

/* The child below stops in the middle of the migration's transaction. */
static void
stall_in_migration_cb (const CrmDatabaseUpgrade *upgrade, gpointer user_data)
{
  gboolean *in_transaction = user_data;

  if (upgrade->step != CRM_DATABASE_UPGRADE_MIGRATE || upgrade->fraction >= 0)
    return;
  if (!*in_transaction)
    {
      /* The report before the transaction: the next comes from inside it,
       * once the store's report interval has passed. */
      *in_transaction = TRUE;
      g_usleep (G_USEC_PER_SEC / 5);
      return;
    }
  printf ("migrating\n");
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

static int
upgrade_child (const char *path)
{
  gboolean in_transaction = FALSE;
  g_autoptr(CrmDatabase) db = crm_database_new_upgrading (path, CRM_DATABASE_FLAGS_NONE, stall_in_migration_cb,
                                                          &in_transaction, NULL, NULL);
  return db != NULL ? 0 : 1;
}

/* Killed in the middle of the upgrade (the power goes, the person kills
 * the app): the migration is one transaction, so the file is still the
 * old one, whole, and upgrades on the next start. */
static void
test_sigkill_during_upgrade (void)
{
  g_autofree char *path = crm_test_tmp_path ("killed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *argv[] = { self_path, "--upgrade-child", path, NULL };
  GPid pid;
  int out_fd;
  int status;
  char buf[64] = "";
  FILE *out;

  make_v3_file (path);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  out = fdopen (out_fd, "r");
  g_assert_nonnull (fgets (buf, sizeof buf, out));
  g_assert_cmpstr (buf, ==, "migrating\n");
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  fclose (out);
  g_assert_true (WIFSIGNALED (status));

  g_assert_cmpint (crm_test_raw_user_version (path), ==, 3);
  db = crm_database_new (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_database_get_schema_version (db), ==, CRM_DATABASE_SCHEMA_VERSION);
  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (crm_test_query_int64 (db, "SELECT count (*) FROM activity"), ==, 5000);
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--upgrade-child"))
    return upgrade_child (argv[2]);
  self_path = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/upgrade-from-3", test_upgrade_from_3);
  g_test_add_func ("/database/every-check-names-its-field", test_every_check_names_its_field);
  g_test_add_func ("/database/peek-version", test_peek_version);
  g_test_add_func ("/database/upgrade-progress", test_upgrade_progress);
  g_test_add_func ("/database/upgrade-stopped", test_upgrade_stopped);
  g_test_add_func ("/database/sigkill-during-upgrade", test_sigkill_during_upgrade);

  return g_test_run ();
}
