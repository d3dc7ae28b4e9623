/* test-export.c — CSV and vCard exports: what a spreadsheet sees, Excel's
 * options, the tables of activities, deals and payments, a selection of
 * clients, and never a partial file
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-client-store.h"
#include "crm-csv.h"
#include "crm-demo.h"
#include "crm-export-store.h"
#include "crm-test-db.h"
#include "crm-test-util.h"

static CrmDatabase *
demo_database (char **path)
{
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  CrmDemoOptions options;

  *path = crm_test_tmp_path ("export.db");
  db = crm_database_new (*path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  crm_demo_options_init (&options);
  options.n_clients = 40;
  options.n_activities = 200;
  options.seed = 9;
  g_assert_true (crm_demo_generate (db, &options, NULL, NULL, NULL, &error));
  return db;
}

static GPtrArray *
read_csv (const char *path, char *delimiter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const CrmCsvRow *row;

  g_assert_no_error (error);
  while (crm_csv_reader_next (reader, &row, &error) && row != NULL)
    g_ptr_array_add (rows, g_strdupv ((char **) row->fields));
  g_assert_no_error (error);
  if (delimiter != NULL)
    *delimiter = crm_csv_reader_get_delimiter (reader);
  return rows;
}

static gint64
add (CrmDatabase *db, const char *name, const char *phones, const char *notes)
{
  g_autoptr(CrmClient) c = crm_client_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->phones = g_strdup (phones);
  c->notes = g_strdup (notes);
  g_assert_true (crm_client_store_create (db, c, &error));
  return c->id;
}

/* Cells that begin with = + - @ reach the spreadsheet as text. */
static void
test_formula_cells (void)
{
  g_autofree char *db_path = crm_test_tmp_path ("f.db");
  g_autofree char *path = crm_test_tmp_path ("f.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_new (db_path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
  CrmExportOptions options = { CRM_EXPORT_FORMAT_CSV, CRM_EXPORT_CLIENTS, TRUE, ';', NULL, 0 };
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;

  add (db, "=HYPERLINK(\"http://evil\";\"click\")", "+7 495 000-00-00", "@SUM(1)");
  add (db, "-2+3", NULL, "\t=cmd");
  add (db, "Обычный клиент", NULL, "ничего особенного");
  g_assert_true (crm_export_store_to_file (db, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfid;kind;name;"));
  g_assert_nonnull (strstr (text, ";\"'=HYPERLINK(\"\"http://evil\"\";\"\"click\"\")\";"));
  g_assert_nonnull (strstr (text, ";'+7 495 000-00-00;"));
  g_assert_nonnull (strstr (text, ";'@SUM(1);"));
  g_assert_nonnull (strstr (text, ";'-2+3;"));
  g_assert_nonnull (strstr (text, ";Обычный клиент;"));
  /* No cell of a data row begins with a formula character. */
  rows = read_csv (path, &delimiter);
  g_assert_cmpint (delimiter, ==, ';');
  for (guint r = 1; r < rows->len; r++)
    for (char **cell = rows->pdata[r]; *cell != NULL; cell++)
      g_assert_null (strchr ("=+-@\t", **cell != '\0' ? **cell : 'x'));
}

/* Activities, deals and payments: a header and a row each; money plain. */
static void
test_tables (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = demo_database (&db_path);
  static const struct { CrmExportWhat what; const char *table; const char *first; } cases[] = {
    { CRM_EXPORT_CLIENTS, "client", "id,kind,name,company,phones,emails" },
    { CRM_EXPORT_ACTIVITIES, "activity", "id,type,state,start,duration_min" },
    { CRM_EXPORT_DEALS, "deal", "id,title,client_id,client,manager,stage,amount,currency" },
    { CRM_EXPORT_PAYMENTS, "payment", "id,paid_on,amount,currency,client_id" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = crm_test_tmp_path ("table.csv");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", cases[i].table);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *header = NULL;
      CrmExportOptions options = { CRM_EXPORT_FORMAT_CSV, cases[i].what, FALSE, ',', NULL, 0 };
      guint64 n = 0;

      g_assert_true (crm_export_store_to_file (db, path, &options, NULL, NULL, NULL, &n, &error));
      rows = read_csv (path, NULL);
      header = g_strjoinv (",", rows->pdata[0]);
      g_test_message ("%s", header);
      g_assert_true (g_str_has_prefix (header, cases[i].first));
      g_assert_cmpuint (n, ==, (guint64) crm_test_db_count (db_path, sql));
      g_assert_cmpuint (rows->len, ==, n + 1);
      if (cases[i].what == CRM_EXPORT_PAYMENTS)
        {
          gint64 minor = crm_test_db_count (db_path, "SELECT amount FROM payment ORDER BY id LIMIT 1");
          g_autofree char *plain = g_strdup_printf ("%lld.%02lld", (long long) (minor / 100),
                                                    (long long) (minor % 100));
          char **first = rows->pdata[1];

          /* A number a spreadsheet sums, in the currency of the settings. */
          g_assert_cmpstr (first[2], ==, plain);
          g_assert_true (g_regex_match_simple ("^[A-Z]{3}$", first[3], 0, 0));
        }
    }
}

/* vCard 4.0 of all clients, or of the ones chosen. */
static void
test_vcard_selection (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = demo_database (&db_path);
  g_autofree char *path = crm_test_tmp_path ("some.vcf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 3, 7, 9999 };
  CrmExportOptions options = { CRM_EXPORT_FORMAT_VCARD, CRM_EXPORT_CLIENTS, FALSE, ',', ids, G_N_ELEMENTS (ids) };
  guint64 n = 0;
  guint cards = 0;

  g_assert_true (crm_export_store_to_file (db, path, &options, NULL, NULL, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "BEGIN:VCARD\r\nVERSION:4.0\r\n")) != NULL; p++)
    cards++;
  g_assert_cmpuint (cards, ==, 2);

  options.ids = NULL;
  options.n_ids = 0;
  g_assert_true (crm_export_store_to_file (db, path, &options, NULL, NULL, NULL, &n, &error));
  g_assert_cmpuint (n, ==, (guint64) crm_test_db_count (db_path, "SELECT count(*) FROM client"));
}

static void
cancel_cb (double fraction, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A failed or stopped export leaves the target as it was and no file. */
static void
test_no_partial_file (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CrmDatabase) db = demo_database (&db_path);
  g_autofree char *dir = crm_test_tmp_path ("out");
  g_autofree char *target = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CrmExportOptions options = { CRM_EXPORT_FORMAT_JSON, CRM_EXPORT_CLIENTS, FALSE, ',', NULL, 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  target = g_build_filename (dir, "all.json", NULL);
  g_assert_true (g_file_set_contents (target, "the old file", -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (crm_export_store_to_file (db, target, &options, cancel_cb, cancellable, cancellable,
                                              NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "the old file");
  g_assert_cmpuint (count_files (dir), ==, 1);

  missing = g_build_filename (dir, "no", "such", "folder", "x.csv", NULL);
  {
    g_autoptr(GError) error = NULL;
    options.format = CRM_EXPORT_FORMAT_CSV;
    g_assert_false (crm_export_store_to_file (db, missing, &options, NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (g_str_has_prefix (error->message, "Cannot write “"));
  }
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/formula-cells", test_formula_cells);
  g_test_add_func ("/export/tables", test_tables);
  g_test_add_func ("/export/vcard-selection", test_vcard_selection);
  g_test_add_func ("/export/no-partial-file", test_no_partial_file);
  return g_test_run ();
}
