/* test-crash-safety.c — killed in the middle of work, or out of disk: nothing saved is lost
 *
 * The child processes are this same program started with a hidden first
 * argument; each reports on stdout what it has committed, and the parent
 * kills it with SIGKILL at a point it does not choose.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "crm-client-store.h"
#include "crm-database-private.h"
#include "crm-store-error.h"
#include "crm-test-util.h"

#define N_CLIENTS 40

static const char *self_path;

static CrmDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  CrmDatabase *db = crm_database_new (path, 0, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
count_rows (CrmDatabase *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_intact (CrmDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (crm_database_check (db, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static guint
search_count (CrmDatabase *db, const char *text)
{
  g_autoptr(GError) error = NULL;
  CrmClientQuery query;
  guint n = 0;

  crm_client_query_init (&query);
  query.search = text;
  g_assert_true (crm_client_store_count (db, &query, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* ---- killed while editing ---------------------------------------------- */

/* Edits the clients one after another, as the client card does, and
 * prints "ID EDIT" after each save. */
static int
edit_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  if (db == NULL)
    return 1;
  for (int edit = 1; edit < 1000000; edit++)
    {
      gint64 id = 1 + edit % N_CLIENTS;
      g_autoptr(CrmClient) client = crm_client_store_get (db, id, &error);

      if (client == NULL)
        return 2;
      g_free (client->name);
      client->name = g_strdup_printf ("Client %" G_GINT64_FORMAT " edit%d", id, edit);
      g_free (client->notes);
      client->notes = g_strdup_printf ("%d", edit);
      if (!crm_client_store_update (db, client, &error))
        return 3;
      printf ("%" G_GINT64_FORMAT " %d\n", id, edit);
      fflush (stdout);
    }
  return 0;
}

/* Starts CHILD_ARG on PATH and kills it once it has reported MIN_LINES
 * lines; returns the lines it reported. */
static GPtrArray *
run_and_kill (const char *child_arg, const char *path, guint min_lines)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, child_arg, path, NULL };
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GPid pid;
  int out_fd, status;
  char buf[128];
  FILE *out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  while (lines->len < min_lines && fgets (buf, sizeof buf, out) != NULL)
    g_ptr_array_add (lines, g_strchomp (g_strdup (buf)));
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  fclose (out);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpuint (lines->len, >=, min_lines);
  return lines;
}

static void
test_sigkill_during_edit (void)
{
  g_autofree char *path = crm_test_tmp_path ("edit-killed.db");
  g_autoptr(CrmDatabase) db = open_db (path);
  g_autoptr(GPtrArray) lines = NULL;
  int last_edit[N_CLIENTS + 1] = { 0 };

  for (int i = 1; i <= N_CLIENTS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmClient) client = crm_client_new ();

      client->name = g_strdup_printf ("Client %d", i);
      g_assert_true (crm_client_store_create (db, client, &error));
      g_assert_no_error (error);
      g_assert_cmpint (client->id, ==, i);
    }
  g_clear_object (&db);

  lines = run_and_kill ("--edit-child", path, 2000);
  for (guint i = 0; i < lines->len; i++)
    {
      int id, edit;

      g_assert_cmpint (sscanf (g_ptr_array_index (lines, i), "%d %d", &id, &edit), ==, 2);
      last_edit[id] = edit;
    }

  db = open_db (path);
  assert_intact (db);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client"), ==, N_CLIENTS);
  for (int id = 1; id <= N_CLIENTS; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmClient) client = crm_client_store_get (db, id, &error);
      g_autofree char *word = NULL;
      int saved;

      g_assert_no_error (error);
      saved = atoi (client->notes);
      /* The last reported save is there, or one later that was not yet reported. */
      g_assert_cmpint (saved, >=, last_edit[id]);
      g_assert_cmpint (saved, <, last_edit[id] + 2 * N_CLIENTS);
      /* The search index followed the same transaction. */
      word = g_strdup_printf ("edit%d", saved);
      g_assert_cmpuint (search_count (db, word), ==, 1);
    }
}

/* ---- killed in the middle of a bulk write -------------------------------- */

/* Writes batches of 500 clients, each batch in one transaction as an import
 * does, and prints the number committed after each. */
static int
bulk_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (path, 0, NULL, &error);

  if (db == NULL)
    return 1;
  for (int batch = 0; batch < 100000; batch++)
    {
      if (!crm_database_begin (db, &error))
        return 2;
      for (int i = 0; i < 500; i++)
        {
          g_autoptr(CrmClient) client = crm_client_new ();

          client->name = g_strdup_printf ("Bulk %d-%d", batch, i);
          client->phones = g_strdup_printf ("+7 912 %03d-%02d-%02d", batch % 1000, i / 100, i % 100);
          if (!crm_client_store_create (db, client, &error))
            return 3;
        }
      if (!crm_database_commit (db, &error))
        return 4;
      printf ("%d\n", (batch + 1) * 500);
      fflush (stdout);
    }
  return 0;
}

static void
test_sigkill_during_bulk_write (void)
{
  g_autofree char *path = crm_test_tmp_path ("bulk-killed.db");
  g_autoptr(CrmDatabase) db = open_db (path);
  g_autoptr(GPtrArray) lines = NULL;
  gint64 committed, rows;

  g_clear_object (&db);
  lines = run_and_kill ("--bulk-child", path, 6);
  committed = g_ascii_strtoll (g_ptr_array_index (lines, lines->len - 1), NULL, 10);

  db = open_db (path);
  assert_intact (db);
  rows = count_rows (db, "SELECT count(*) FROM client");
  /* Every reported batch is there; the batch in flight is all or nothing. */
  g_assert_cmpint (rows, >=, committed);
  g_assert_cmpint (rows % 500, ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_fts"), ==, rows);
  g_assert_cmpuint (search_count (db, "Bulk"), ==, rows);
}

/* ---- killed in the middle of "salescrm import" ---------------------------- */

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* The real command, killed once its transaction has written a few
 * megabytes to the log: the database is as before the import, whole, and
 * the same import then runs to its end. */
static void
test_sigkill_during_import (void)
{
  g_autofree char *path = crm_test_tmp_path ("import-killed.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *small = crm_test_tmp_path ("first.csv");
  g_autofree char *big = crm_test_tmp_path ("big.csv");
  g_autoptr(GString) text = g_string_new ("Name,Company,Phone,E-mail,City\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  const guint rows = 60000;
  const char *argv[] = { crm_test_binary (), "--database", path, "import", big, NULL };
  GPid pid;
  int status;
  gboolean killed = FALSE;

  /* What was saved before: a first import, committed. */
  g_assert_true (g_file_set_contents (small, "Name,E-mail\nFirst One,one@example.com\nFirst Two,two@example.com\n",
                                      -1, NULL));
  {
    g_autoptr(CrmTestRun) r = crm_test_run (NULL, "--database", path, "import", small, NULL);
    g_assert_cmpint (r->status, ==, 0);
  }
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "Client %u,Company %u,+7 912 %03u-%02u-%02u,client%u@example.com,City %u\n",
                            i, i % 977, i / 10000, (i / 100) % 100, i % 100, i, i % 50);
  g_assert_true (g_file_set_contents (big, text->str, text->len, NULL));

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* Wait until the import's transaction is spilling into the log, then kill. */
  for (int i = 0; i < 60000 && !killed; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        break;
      if (file_size (wal) > 2 * 1024 * 1024)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          killed = TRUE;
        }
      else
        g_usleep (2000);
    }
  g_spawn_close_pid (pid);
  if (!killed)
    {
      g_test_skip ("the import ended before its log grew: nothing to kill");
      return;
    }
  g_assert_true (WIFSIGNALED (status));

  db = open_db (path);
  assert_intact (db);
  /* All or nothing: the two saved clients, none of the file's. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client"), ==, 2);
  g_assert_cmpuint (search_count (db, "First"), ==, 2);
  g_assert_cmpuint (search_count (db, "Client"), ==, 0);
  g_clear_object (&db);

  {
    g_autoptr(CrmTestRun) r = crm_test_run (NULL, "--database", path, "import", big, NULL);
    g_assert_cmpint (r->status, ==, 0);
  }
  db = open_db (path);
  assert_intact (db);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client"), ==, 2 + rows);
}

/* ---- a full disk ------------------------------------------------------- */

static void
test_full_disk (void)
{
  g_autofree char *path = crm_test_tmp_path ("full.db");
  g_autoptr(CrmDatabase) db = open_db (path);
  g_autoptr(GError) error = NULL;
  gint64 pages = count_rows (db, "PRAGMA page_count");
  gint64 saved = 0;
  gboolean in_batch_failed = FALSE;

  /* Room for a few dozen more pages only. */
  g_assert_true (crm_database_set_max_pages (db, pages + 24, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 100000; i++)
    {
      g_autoptr(CrmClient) client = crm_client_new ();

      client->name = g_strdup_printf ("Saved client %d", i);
      client->notes = g_strnfill (600, 'n');
      if (!crm_client_store_create (db, client, &error))
        break;
      saved++;
    }
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "Free some space"));
  g_assert_cmpint (saved, >, 10);
  g_clear_error (&error);

  /* A bulk write that runs out of room leaves nothing half done. */
  g_assert_true (crm_database_set_max_pages (db, count_rows (db, "PRAGMA page_count") + 4, &error));
  g_assert_true (crm_database_begin (db, &error));
  for (int i = 0; i < 1000 && !in_batch_failed; i++)
    {
      g_autoptr(CrmClient) client = crm_client_new ();

      client->name = g_strdup_printf ("Batch client %d", i);
      client->notes = g_strnfill (600, 'b');
      in_batch_failed = !crm_client_store_create (db, client, &error);
    }
  g_assert_true (in_batch_failed);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SPACE);
  crm_database_rollback (db);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client WHERE name LIKE 'Batch%'"), ==, 0);
  g_clear_object (&db);

  /* Reopened (space freed): every saved client is there, and it writes again. */
  db = open_db (path);
  assert_intact (db);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client"), ==, saved);
  g_assert_cmpuint (search_count (db, "Saved"), ==, saved);
  {
    g_autoptr(CrmClient) client = crm_client_new ();

    client->name = g_strdup ("After the disk was freed");
    g_assert_true (crm_client_store_create (db, client, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--edit-child"))
    return edit_child (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--bulk-child"))
    return bulk_child (argv[2]);
  self_path = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill-during-edit", test_sigkill_during_edit);
  g_test_add_func ("/crash/sigkill-during-bulk-write", test_sigkill_during_bulk_write);
  g_test_add_func ("/crash/sigkill-during-import", test_sigkill_during_import);
  g_test_add_func ("/crash/full-disk", test_full_disk);

  return g_test_run ();
}
