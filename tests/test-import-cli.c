/* test-import-cli.c — "salescrm import" and "salescrm export", run as a
 * person or a script would: exit statuses, --map, --dry-run, the problem
 * lines, and a database copied through JSON
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-manager-store.h"
#include "crm-test-db.h"
#include "crm-test-util.h"

static const char *no_display[] = { "DISPLAY=", "WAYLAND_DISPLAY=", NULL };

static char *
write_file (const char *name, const char *text)
{
  char *path = crm_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static CrmTestRun *
run (const char *db, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) crm_test_binary ());
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, db);
  for (arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return crm_test_runv (no_display, (const char * const *) argv->pdata);
}

/* Every row in: exit 0, the summary on stdout, nothing on stderr. */
static void
test_import_ok (void)
{
  g_autofree char *db = crm_test_tmp_path ("ok.db");
  g_autofree char *csv = write_file ("ok.csv", "Name,Phone,Email\nИван,+7 900 1,ivan@example.com\nМария,,maria@example.com\n");
  g_autoptr(CrmTestRun) r = run (db, "import", csv, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "ok.csv: 2 clients created.\n");
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM client"), ==, 2);

  /* Again: both are there, skipped as duplicates, still success. */
  {
    g_autoptr(CrmTestRun) again = run (db, "import", csv, NULL);

    g_assert_cmpint (again->status, ==, 0);
    g_assert_cmpstr (again->out, ==, "ok.csv: 0 clients created, 2 skipped as duplicates.\n");
    g_assert_nonnull (strstr (again->err, "ok.csv:2: duplicate: skipped: a client with “ivan@example.com”"));
  }
  {
    g_autoptr(CrmTestRun) update = run (db, "import", "--duplicates", "update", csv, NULL);

    g_assert_cmpint (update->status, ==, 0);
    g_assert_cmpstr (update->out, ==, "ok.csv: 0 clients created, 2 updated.\n");
  }
}

/* Rejected rows: exit 1, one line each with file, line and column. */
static void
test_import_problems (void)
{
  g_autofree char *db = crm_test_tmp_path ("bad.db");
  g_autofree char *csv = write_file ("bad.csv",
    "Name,Email,Status\nИван,ivan@example.com,клиент\n,,\n,,lead\nОлег,oleg-at-example.com,страшный\n");
  g_autoptr(CrmTestRun) r = run (db, "import", csv, NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "bad.csv: 2 clients created, 1 record rejected, 2 warnings.\n");
  g_assert_nonnull (strstr (r->err, "bad.csv:4: error: no name, company, phone or e-mail: the row was skipped.\n"));
  g_assert_nonnull (strstr (r->err, "bad.csv:5:2: warning: “oleg-at-example.com” is not an e-mail address"));
  g_assert_nonnull (strstr (r->err, "bad.csv:5:3: warning: unknown status “страшный”"));
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM client WHERE status = 'customer'"), ==, 1);
}

/* --map: columns by header or by number; its mistakes are usage errors. */
static void
test_map (void)
{
  g_autofree char *db = crm_test_tmp_path ("map.db");
  g_autofree char *csv = write_file ("map.csv", "Кто,Куда звонить,Прочее\nПётр,+7 901 000-00-00,заметка\n");
  g_autoptr(CrmTestRun) r = run (db, "import", "--map", "Кто=name,2=phone:mobile,Прочее=notes", csv, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM client WHERE name = 'Пётр'"
                                          " AND phones = '+7 901 000-00-00' AND notes = 'заметка'"), ==, 1);
  {
    g_autoptr(CrmTestRun) bad = run (db, "import", "--map", "Кто=nickname", csv, NULL);
    g_assert_cmpint (bad->status, ==, 2);
    g_assert_nonnull (strstr (bad->err, "unknown field “nickname”"));
  }
  {
    g_autoptr(CrmTestRun) bad = run (db, "import", "--map", "Кто", csv, NULL);
    g_assert_cmpint (bad->status, ==, 2);
    g_assert_nonnull (strstr (bad->err, "is not COLUMN=FIELD"));
  }
  {
    /* A column the file does not have: the file's columns are listed. */
    g_autoptr(CrmTestRun) bad = run (db, "import", "--map", "Телефон=phone", csv, NULL);
    g_assert_cmpint (bad->status, ==, 1);
    g_assert_nonnull (strstr (bad->err, "“Кто”, “Куда звонить”, “Прочее”"));
    g_assert_nonnull (strstr (bad->err, "Nothing was imported"));
  }
}

/* Wrong command lines: exit 2, and the database is not even created. */
static void
test_usage_errors (void)
{
  g_autofree char *db = crm_test_tmp_path ("usage.db");
  g_autofree char *csv = write_file ("u.csv", "name\nA\n");
  g_autofree char *ics = write_file ("u.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  const char *cases[][4] = {
    { "import", NULL },
    { "import", csv, csv, NULL },
    { "import", "--duplicates", "merge", csv },
    { "import", "--preset", "excel", csv },
    { "import", "--map", "a=name", ics },
    { "export", "--output", "x.csv", NULL },
    { "export", "--format", "csv", NULL },
    { "export", "--format", "xls", "--output=x" },
    { "export", "--format", "json", "--bom" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(CrmTestRun) r = NULL;

      g_ptr_array_add (argv, (gpointer) crm_test_binary ());
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, db);
      for (gsize a = 0; a < 4 && cases[i][a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) cases[i][a]);
      if (i == G_N_ELEMENTS (cases) - 1)
        g_ptr_array_add (argv, (gpointer) "--output=x.json");
      g_ptr_array_add (argv, NULL);
      r = crm_test_runv (no_display, (const char * const *) argv->pdata);
      g_test_message ("case %zu: %s", i, r->err);
      g_assert_cmpint (r->status, ==, 2);
      g_assert_cmpstr (r->out, ==, "");
      g_assert_nonnull (strstr (r->err, "--help"));
    }
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  {
    g_autofree char *missing = crm_test_tmp_path ("missing.csv");
    g_autoptr(CrmTestRun) r = run (db, "import", missing, NULL);
    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "there is no file"));
  }
}

/* --dry-run tells what would happen and writes nothing; a file that
 * cannot be read imports nothing. */
static void
test_dry_run_and_refused (void)
{
  g_autofree char *db = crm_test_tmp_path ("dry.db");
  g_autofree char *csv = write_file ("dry.csv", "name,email\nA,a@example.com\nB,b@example.com\n");
  g_autofree char *junk = crm_test_tmp_path ("junk.csv");
  g_autoptr(CrmTestRun) r = run (db, "import", "--dry-run", csv, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "dry.csv (dry run, nothing was written): 2 clients created.\n");
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM client"), ==, 0);

  g_assert_true (g_file_set_contents (junk, "a,b\n1,2\n3\0,4\n", 13, NULL));
  {
    g_autoptr(CrmTestRun) bad = run (db, "import", junk, NULL);

    g_assert_cmpint (bad->status, ==, 1);
    g_assert_cmpstr (bad->out, ==, "");
    g_assert_nonnull (strstr (bad->err, "junk.csv, line 3, column 2:"));
    g_assert_nonnull (strstr (bad->err, "Nothing was imported: the database is as it was."));
  }
}

static char *
without_date (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GRegex) date = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_regex_replace_literal (date, text, -1, 0, "", 0, NULL);
}

/* The whole database through JSON, and the other formats, by command. */
static void
test_export_commands (void)
{
  g_autofree char *db = crm_test_tmp_path ("source.db");
  g_autofree char *copy = crm_test_tmp_path ("copy.db");
  g_autofree char *json = crm_test_tmp_path ("all.json");
  g_autofree char *json2 = crm_test_tmp_path ("again.json");
  g_autofree char *csv = crm_test_tmp_path ("deals.csv");
  g_autofree char *vcf = crm_test_tmp_path ("some.vcf");
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  {
    g_autoptr(CrmTestRun) r = run (db, "demo", "--clients", "30", "--activities", "100", NULL);
    g_assert_cmpint (r->status, ==, 0);
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "json", "--output", json, NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_str_has_prefix (r->out, "Wrote the whole database ("));
  }
  {
    g_autoptr(CrmTestRun) r = run (copy, "import", json, NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_str_has_prefix (r->out, "all.json: restored "));
    g_assert_nonnull (strstr (r->out, " managers, 30 clients, "));
  }
  {
    g_autoptr(CrmTestRun) r = run (copy, "export", "--format", "json", "--output", json2, NULL);
    g_assert_cmpint (r->status, ==, 0);
  }
  a = without_date (json);
  b = without_date (json2);
  g_assert_cmpstr (a, ==, b);
  {
    /* Not into a database with data. */
    g_autoptr(CrmTestRun) r = run (copy, "import", json, NULL);
    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "is not empty"));
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "csv", "--what", "deals", "--bom", "--semicolon",
                                   "--output", csv, NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_str_has_prefix (r->out, "Wrote "));
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfid;title;client_id;"));
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "vcf", "--ids", "1,2,3", "--output", vcf, NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_str_has_prefix (r->out, "Wrote 3 clients to "));
  }
}

/* A file that cannot be written: exit 1 and nothing left behind. */
static void
test_export_unwritable (void)
{
  g_autofree char *db = crm_test_tmp_path ("w.db");
  g_autofree char *out = crm_test_tmp_path ("nowhere/x.csv");
  g_autoptr(CrmTestRun) made = run (db, "demo", "--clients", "10", "--activities", "10", NULL);
  g_autoptr(CrmTestRun) r = run (db, "export", "--format", "csv", "--output", out, NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "salescrm export: Cannot write “"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A calendar: events become activities, one imported again is updated,
 * an event without a start is reported with its line; the export writes
 * what the import reads. */
static void
test_calendar (void)
{
  g_autofree char *db = crm_test_tmp_path ("calendar.db");
  g_autofree char *ics = write_file ("team.ics",
                                     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                     "BEGIN:VEVENT\r\nUID:kickoff@example.com\r\n"
                                     "DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
                                     "SUMMARY:Kick-off\r\nEND:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\nUID:broken@example.com\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
                                     "END:VCALENDAR\r\n");
  g_autofree char *out = crm_test_tmp_path ("december.ics");
  g_autofree char *text = NULL;

  {
    g_autoptr(CrmTestRun) r = run (db, "import", "--dry-run", ics, NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_cmpstr (r->out, ==, "team.ics (dry run, nothing was written): 1 new activity, 0 updated, 1 left out.\n");
    g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM activity"), ==, 0);
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "import", ics, NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_cmpstr (r->out, ==, "team.ics: 1 new activity, 0 updated, 1 left out.\n");
    g_assert_nonnull (strstr (r->err, "team.ics:9: error: "));
    g_assert_nonnull (strstr (r->err, "DTSTART"));
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "import", ics, NULL);

    g_assert_cmpstr (r->out, ==, "team.ics: 0 new activities, 1 updated, 1 left out.\n");
  }
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM activity WHERE title = 'Kick-off'"), ==, 1);
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "ics", "--period", "2026-12", "--output", out, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "Exported 1 activity to"));
  }
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "SUMMARY:Kick-off"));
  g_assert_nonnull (strstr (text, "UID:kickoff@example.com"));
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "ics", "--period", "2027-01", "--output", out, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "Exported 0 activities to"));
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "csv", "--period", "2026-12", "--output", out, NULL);

    g_assert_cmpint (r->status, ==, 2);
    g_assert_nonnull (strstr (r->err, "--manager and --period apply to --format ics only"));
  }
  {
    g_autoptr(CrmTestRun) r = run (db, "export", "--format", "ics", "--manager", "Nobody At All", "--output", out, NULL);

    g_assert_cmpint (r->status, ==, 1);
  }
}

/* A client whose owner is no manager, or more than one: the warning says
 * whose clients they are («клиенты … за менеджером «…»»), once per name. */
static void
test_owner_warning (void)
{
  const char *ru[] = { "DISPLAY=", "WAYLAND_DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
  g_autofree char *db = crm_test_tmp_path ("owners.db");
  g_autofree char *csv = write_file ("owners.csv", "name,owner\nИван,Валентина Зайцева\nПётр,Валентина Зайцева\n");
  g_autofree char *ambiguous = write_file ("ambiguous.csv", "name,owner\nОлег,Никитин\n");

  {
    g_autoptr(CrmTestRun) r = run (db, "import", "--dry-run", csv, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_cmpstr (r->err, ==, "owners.csv:2: warning: there is no manager called “Валентина Зайцева”. The clients "
                                 "that this file assigns to the manager “Валентина Зайцева” were imported without a "
                                 "responsible manager: add that manager on the Team screen, then choose the manager "
                                 "in those clients’ cards.\n");
  }
  {
    g_autoptr(CrmTestRun) r = crm_test_run (ru, "--database", db, "import", csv, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_cmpstr (r->err, ==, "owners.csv:2: предупреждение: менеджера «Валентина Зайцева» нет. Клиенты, которые в "
                                 "этом файле закреплены за менеджером «Валентина Зайцева», импортированы без "
                                 "ответственного менеджера: добавьте этого менеджера на экране «Отдел», затем "
                                 "выберите его в карточках этих клиентов.\n");
  }
  g_assert_cmpint (crm_test_db_count (db, "SELECT count(*) FROM client WHERE owner_id IS NULL"), ==, 2);

  /* Two managers share the name: both are named, and the advice differs. */
  {
    g_autoptr(CrmDatabase) handle = crm_database_new (db, 0, NULL, NULL);
    const char *names[] = { "Андрей Никитин", "Олег Никитин" };

    g_assert_nonnull (handle);
    for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(CrmManager) m = crm_manager_new ();
        m->name = g_strdup (names[i]);
        g_assert_true (crm_manager_store_create (handle, m, NULL));
      }
  }
  {
    g_autoptr(CrmTestRun) r = crm_test_run (ru, "--database", db, "import", ambiguous, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->err, "«Никитин» соответствуют 2 менеджера: Андрей Никитин, Олег Никитин. Клиенты, "
                                      "которые в этом файле закреплены за менеджером «Никитин», импортированы без "
                                      "ответственного менеджера: выберите менеджера в карточках этих клиентов"));
  }
}

/* Counts in the summary are grouped: "1,200 clients created", «создано
 * 1 200 клиентов». */
static void
test_counts_grouped (void)
{
  const char *ru[] = { "DISPLAY=", "WAYLAND_DISPLAY=", "LANGUAGE=ru", "LANG=C.UTF-8", NULL };
  g_autofree char *db = crm_test_tmp_path ("many.db");
  g_autoptr(GString) text = g_string_new ("name,email\n");
  g_autofree char *csv = NULL;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (text, "Клиент %u,c%u@example.com\n", i, i);
  csv = write_file ("many.csv", text->str);
  {
    g_autoptr(CrmTestRun) r = run (db, "import", "--dry-run", csv, NULL);
    g_assert_cmpstr (r->out, ==, "many.csv (dry run, nothing was written): 1,200 clients created.\n");
  }
  {
    g_autoptr(CrmTestRun) r = crm_test_run (ru, "--database", db, "import", csv, NULL);
    g_assert_cmpstr (r->out, ==, "many.csv: создано 1\u00a0200 клиентов.\n");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-cli/ok", test_import_ok);
  g_test_add_func ("/import-cli/problems", test_import_problems);
  g_test_add_func ("/import-cli/map", test_map);
  g_test_add_func ("/import-cli/usage-errors", test_usage_errors);
  g_test_add_func ("/import-cli/dry-run-and-refused", test_dry_run_and_refused);
  g_test_add_func ("/import-cli/export", test_export_commands);
  g_test_add_func ("/import-cli/export-unwritable", test_export_unwritable);
  g_test_add_func ("/import-cli/calendar", test_calendar);
  g_test_add_func ("/import-cli/owner-warning", test_owner_warning);
  g_test_add_func ("/import-cli/counts-grouped", test_counts_grouped);
  return g_test_run ();
}
