/* test-import-rules.c — duplicates, the one transaction (cancel, a full
 * disk), a dry run, managers by name, and the real-world files
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-client-store.h"
#include "crm-demo.h"
#include "crm-test-db.h"
#include "crm-test-util.h"
#include "test-import.h"

void test_import_add_duplicate_tests (void);

static const char duplicates_file[] =
  "name,email,phone,notes,tags\n"
  "Иван П.,ivan@EXAMPLE.com,,новая заметка,новый\n"   /* X by e-mail, other case */
  "Анна,,+7 (495) 111-22-33,,\n"                      /* Y by the last ten digits */
  "Новый,new@example.com,,,\n"
  "Новый 2,NEW@example.com,,,\n"                      /* the row above */
  "Короткий,,12-34,,\n"                               /* too short to compare */
  "Без имени,,8 912 345 67 89,,\n";                   /* X by phone, 8 for +7 */

static void
setup_duplicates (Db *db)
{
  g_autoptr(CrmClient) x = crm_client_new ();
  g_autoptr(CrmClient) y = NULL;
  g_autoptr(GError) error = NULL;

  x->name = g_strdup ("Иван Петров");
  x->emails = g_strdup ("Ivan@Example.com");
  x->phones = g_strdup ("+7 912 345-67-89");
  x->notes = g_strdup ("старая заметка");
  g_strfreev (x->tags);
  x->tags = g_strdupv ((char *[]) { "старый", NULL });
  g_assert_true (crm_client_store_create (db->db, x, &error));
  y = add_client (db, "Анна Смирнова", "8 (495) 111-22-33", NULL);
}

static void
test_duplicates_skip (void)
{
  g_autoptr(Db) db = db_new ("dup.db");
  g_autofree char *path = write_file ("dup.csv", duplicates_file, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  setup_duplicates (db);
  before = crm_test_db_query (db->path, "SELECT * FROM client ORDER BY id");
  result = import (db, path, CRM_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.read, ==, 6);
  g_assert_cmpuint (result->counts.created, ==, 2);
  g_assert_cmpuint (result->counts.duplicates, ==, 4);
  g_assert_cmpuint (result->problems->len, ==, 4);
  for (guint i = 0; i < result->problems->len; i++)
    {
      const CrmImportProblem *p = result->problems->pdata[i];
      static const guint lines[] = { 2, 3, 5, 7 };

      g_assert_cmpint (p->severity, ==, CRM_IMPORT_PROBLEM_DUPLICATE);
      g_assert_cmpuint (p->line, ==, lines[i]);
      g_assert_true (g_str_has_prefix (p->message, "Skipped: a client with"));
    }
  after = crm_test_db_query (db->path, "SELECT * FROM client WHERE id <= 2 ORDER BY id");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client"), ==, 4);
}

static void
test_duplicates_update (void)
{
  g_autoptr(Db) db = db_new ("dup.db");
  g_autofree char *path = write_file ("dup.csv", duplicates_file, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *x = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *others = NULL;

  setup_duplicates (db);
  result = import (db, path, CRM_DUPLICATES_UPDATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.created, ==, 2);
  g_assert_cmpuint (result->counts.updated, ==, 4);
  g_assert_cmpuint (result->problems->len, ==, 0);

  /* X: the name the file gives, its e-mail once, its notes below the old,
   * its tag beside the old. */
  x = crm_test_db_query (db->path, "SELECT name, emails, phones, notes FROM client WHERE id = 1");
  g_assert_cmpstr (x, ==, "'Без имени'|'Ivan@Example.com'|'+7 912 345-67-89'|'старая заметка\n\nновая заметка'\n");
  tags = crm_test_db_query (db->path, "SELECT t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"
                                      " WHERE ct.client_id = 1 ORDER BY t.name");
  g_assert_cmpstr (tags, ==, "'новый'\n'старый'\n");
  others = crm_test_db_query (db->path, "SELECT name, emails, phones FROM client WHERE id > 1 ORDER BY id");
  g_assert_cmpstr (others, ==,
                   "'Анна'|''|'8 (495) 111-22-33'\n"
                   "'Новый 2'|'new@example.com'|''\n"
                   "'Короткий'|''|'12-34'\n");
}

static void
test_duplicates_new (void)
{
  g_autoptr(Db) db = db_new ("dup.db");
  g_autofree char *path = write_file ("dup.csv", duplicates_file, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;

  setup_duplicates (db);
  result = import (db, path, CRM_DUPLICATES_NEW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.created, ==, 6);
  g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client"), ==, 8);
  /* Every new client is found by the search index. */
  g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client_fts WHERE client_fts MATCH '\"новый\"*'"), ==, 2);
}

/* A name the file made up from an e-mail does not replace the client's. */
static void
test_update_keeps_name (void)
{
  g_autoptr(Db) db = db_new ("name.db");
  g_autoptr(CrmClient) x = add_client (db, "Ирина Ковалёва", NULL, "irina@example.com");
  g_autofree char *path = write_file ("name.csv", "email,city\nirina@example.com,Тверь\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = import (db, path, CRM_DUPLICATES_UPDATE, &error);
  g_autofree char *row = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.updated, ==, 1);
  row = crm_test_db_query (db->path, "SELECT name, city FROM client");
  g_assert_cmpstr (row, ==, "'Ирина Ковалёва'|'Тверь'\n");
}

/* ---- one transaction ---------------------------------------------------- */

static char *
many_rows (guint n)
{
  GString *out = g_string_new ("name,phone,email,tags\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "Клиент %u,+7 902 %07u,c%u@example.com,тег %u\n", i, i, i, i % 7);
  return g_string_free (out, FALSE);
}

static void
demo (Db *db)
{
  g_autoptr(GError) error = NULL;
  CrmDemoOptions options;

  crm_demo_options_init (&options);
  options.n_clients = 50;
  options.n_activities = 100;
  g_assert_true (crm_demo_generate (db->db, &options, NULL, NULL, NULL, &error));
}

/* Stopped half way: every table as it was, and the connection usable. */
static void
test_cancel (void)
{
  g_autoptr(Db) db = db_new ("cancel.db");
  g_autofree char *text = many_rows (5000);
  g_autofree char *path = write_file ("many.csv", text, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autoptr(CrmClient) after = NULL;
  g_autofree char *sum = NULL;
  CrmImportOptions options;

  demo (db);
  sum = crm_test_db_checksum (db->path);
  crm_import_options_init (&options);
  result = crm_import_file (db->db, path, CRM_IMPORT_FORMAT_CSV, &options, cancel_cb, cancellable,
                            cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  crm_test_db_assert_checksum (db->path, sum);
  g_assert_false (crm_database_in_transaction (db->db));
  after = add_client (db, "После отмены", NULL, NULL);
  g_assert_cmpint (after->id, >, 0);
}

/* The disk fills up half way: an error, and every table as it was. */
static void
test_disk_full (void)
{
  g_autoptr(Db) db = db_new ("full.db");
  g_autofree char *text = many_rows (20000);
  g_autofree char *path = write_file ("many.csv", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *sum = NULL;
  gint64 pages;

  demo (db);
  sum = crm_test_db_checksum (db->path);
  pages = crm_test_db_count (db->path, "PRAGMA page_count");
  g_assert_true (crm_database_set_max_pages (db->db, pages + 50, &error));
  result = import (db, path, CRM_DUPLICATES_SKIP, &error);
  g_assert_null (result);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SPACE);
  crm_test_db_assert_checksum (db->path, sum);
}

/* A dry run reports what it would do and writes nothing. */
static void
test_dry_run (void)
{
  g_autoptr(Db) db = db_new ("dry.db");
  g_autofree char *text = many_rows (700);
  g_autofree char *path = write_file ("many.csv", text, -1);
  g_autofree char *sum = crm_test_db_checksum (db->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  CrmImportOptions options;

  crm_import_options_init (&options);
  options.dry_run = TRUE;
  result = crm_import_file (db->db, path, CRM_IMPORT_FORMAT_UNKNOWN, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->dry_run);
  g_assert_cmpuint (result->counts.created, ==, 700);
  crm_test_db_assert_checksum (db->path, sum);
}

/* Managers by name: each unknown or ambiguous name reported once. */
static void
test_owners (void)
{
  g_autoptr(Db) db = db_new ("owners.db");
  g_autofree char *path = write_file ("owners.csv",
    "name,owner\nА,Анна Петрова\nБ,петрова\nВ,Анна\nГ,Никто\nД,Никто\nЕ,2\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportResult) result = NULL;
  g_autofree char *owners = NULL;

  add_manager (db, "Анна Петрова");
  add_manager (db, "Анна Иванова");
  result = import (db, path, CRM_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.created, ==, 6);
  g_assert_cmpuint (result->counts.warnings, ==, 2);
  g_assert_cmpuint (((CrmImportProblem *) result->problems->pdata[0])->line, ==, 4);
  g_assert_nonnull (strstr (((CrmImportProblem *) result->problems->pdata[0])->message,
                                   "“Анна” matches 2 managers: Анна Иванова, Анна Петрова."));
  g_assert_cmpuint (((CrmImportProblem *) result->problems->pdata[1])->line, ==, 5);
  owners = crm_test_db_query (db->path, "SELECT c.name, m.name FROM client c LEFT JOIN manager m"
                                        " ON m.id = c.owner_id ORDER BY c.id");
  g_assert_cmpstr (owners, ==, "'А'|'Анна Петрова'\n'Б'|'Анна Петрова'\n'В'|NULL\n'Г'|NULL\n'Д'|NULL\n"
                               "'Е'|'Анна Иванова'\n");
}

/* ---- the real-world files ----------------------------------------------- */

static void
collect (const char *dir, GPtrArray *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, files);
      else if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".vcf"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

/* Every file imported, or refused with a message; every record not
 * imported named with its line; nothing half done. */
static void
test_realworld (void)
{
  const char *root = g_getenv ("SALESCRM_TESTDATA");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint imported = 0, refused = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("SALESCRM_TESTDATA is not a folder");
      return;
    }
  collect (root, files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(Db) db = db_new ("real.db");
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmImportResult) result = import (db, files->pdata[i], CRM_DUPLICATES_SKIP, &error);
      g_autofree char *base = g_path_get_basename (files->pdata[i]);

      if (result == NULL)
        {
          g_test_message ("%s: refused: %s", base, error->message);
          g_assert_true (g_str_has_prefix (error->message, base));
          g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client"), ==, 0);
          refused++;
        }
      else
        {
          const CrmImportCounts *c = &result->counts;

          g_test_message ("%s: %u created, %u duplicates, %u rejected, %u warnings", base,
                          c->created, c->duplicates, c->rejected, c->warnings);
          g_assert_cmpint (crm_test_db_count (db->path, "SELECT count(*) FROM client"), ==, c->created);
          for (guint p = 0; p < result->problems->len; p++)
            {
              const CrmImportProblem *problem = result->problems->pdata[p];

              g_assert_cmpstr (problem->file, ==, base);
              g_assert_cmpuint (problem->line, >, 0);
              g_assert_true (problem->message != NULL && *problem->message != '\0');
            }
          imported++;
        }
      g_clear_object (&db->db);
      crm_test_rm_rf (db->path);
    }
  g_test_message ("%u files imported, %u refused", imported, refused);
  g_assert_cmpuint (imported, >, refused);
}

void
test_import_add_duplicate_tests (void)
{
  g_test_add_func ("/import/duplicates-skip", test_duplicates_skip);
  g_test_add_func ("/import/duplicates-update", test_duplicates_update);
  g_test_add_func ("/import/duplicates-new", test_duplicates_new);
  g_test_add_func ("/import/update-keeps-name", test_update_keeps_name);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/disk-full", test_disk_full);
  g_test_add_func ("/import/dry-run", test_dry_run);
  g_test_add_func ("/import/owners", test_owners);
  g_test_add_func ("/import/realworld", test_realworld);
}
