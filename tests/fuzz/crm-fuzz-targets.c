/* crm-fuzz-targets.c — what each fuzzer feeds its input to
 *
 * The same functions run under libFuzzer (tests/fuzz/fuzz-*.c, built with
 * clang by tests/fuzz/run) and over the saved inputs of tests/fuzz/corpus/
 * in the ordinary test suite (test-fuzz-regressions), so every finding stays
 * a regression test.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "crm-cli.h"
#include "crm-contact.h"
#include "crm-csv.h"
#include "crm-activity-exchange.h"
#include "crm-ical.h"
#include "crm-import-map.h"
#include "crm-manager-store.h"
#include "crm-recurrence.h"
#include "crm-money.h"
#include "crm-period.h"
#include "crm-vcard.h"
#include "crm-fuzz-targets.h"

/* A CSV file: read every row, map it with the detected preset. Small limits
 * so the fuzzer reaches them. */
int
crm_fuzz_csv (const guint8 *data, gsize size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_contact_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_import_problem_free);
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preset = NULL;

  reader = crm_csv_reader_new_for_bytes (bytes, "fuzz.csv", &error);
  if (reader == NULL)
    return 0;
  crm_import_csv (reader, NULL, contacts, problems, &preset, &error);

  /* What was read writes back as CSV and vCard without trouble. */
  for (guint i = 0; i < contacts->len && i < 20; i++)
    {
      g_autofree char *card = crm_vcard_write (contacts->pdata[i]);
      g_assert_nonnull (card);
    }
  return 0;
}

int
crm_fuzz_vcard (const guint8 *data, gsize size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_import_problem_free);
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  CrmContact *contact;

  reader = crm_vcard_reader_new_for_bytes (bytes, "fuzz.vcf", &error);
  if (reader == NULL)
    return 0;
  while ((contact = crm_vcard_reader_next (reader, problems)) != NULL)
    {
      /* A card read is a card that writes and reads back. */
      g_autofree char *card = crm_vcard_write (contact);
      g_autoptr(GBytes) again = g_bytes_new (card, strlen (card));
      g_autoptr(CrmVcardReader) back = crm_vcard_reader_new_for_bytes (again, "again.vcf", NULL);
      if (back != NULL)
        {
          CrmContact *c = crm_vcard_reader_next (back, problems);
          if (c != NULL)
            crm_contact_free (c);
        }
      crm_contact_free (contact);
    }
  return 0;
}

/* The command line's own parsing: a period, an amount, a --map spec, and the
 * global options, from NUL-separated parts of the input. */
/* GOption prints the help and exits for --help, --help-all, --help-GROUP,
 * -h and -? (also among grouped short options, as in -vh). */
static gboolean
asks_for_help (const char *arg)
{
  if (g_str_has_prefix (arg, "--"))
    return g_str_has_prefix (arg, "--help");
  return arg[0] == '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL);
}

/* A file, made once: a database "inside" it can never be created. */
static char *args_blocker_path;

static void
remove_args_blocker (void)
{
  if (args_blocker_path != NULL)
    g_unlink (args_blocker_path);
  g_clear_pointer (&args_blocker_path, g_free);
}

static const char *
args_blocker (void)
{
  if (args_blocker_path == NULL)
    {
      args_blocker_path = g_strdup_printf ("%s/salescrm-fuzz-args-%d", g_get_tmp_dir (), (int) getpid ());
      g_assert_true (g_file_set_contents (args_blocker_path, "", 0, NULL));
      atexit (remove_args_blocker);
    }
  return args_blocker_path;
}

int
crm_fuzz_args (const guint8 *data, gsize size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *p = (const char *) data;
  const char *end = p + size;

  while (p < end)
    {
      gsize len = strnlen (p, end - p);
      g_ptr_array_add (parts, g_strndup (p, len));
      p += len + 1;
    }
  g_ptr_array_set_free_func (parts, g_free);

  {
    g_autoptr(CrmPeriod) period = crm_period_parse (text, NULL);
    if (period != NULL)
      {
        /* What parses prints back to what parses to the same period. */
        g_autofree char *again = crm_period_to_string (period);
        g_autoptr(CrmPeriod) period2 = crm_period_parse (again, NULL);
        g_assert_nonnull (period2);
        g_assert_true (crm_period_equal (period, period2));
      }
  }
  {
    gint64 minor;
    crm_money_parse (text, "RUB", &minor, NULL);
    crm_money_parse (text, "JPY", &minor, NULL);
  }
  {
    const char *header[] = { "Name", "E-mail", "Phone", "Company", NULL };
    CrmImportMap *map = crm_import_map_new_auto (header, 4);
    crm_import_map_apply_spec (map, text, NULL);
    crm_import_map_free (map);
  }
  if (parts->len > 0 && parts->len < 16)
    {
      /* argv[0] is the program; only options that print or fail are
       * parsed here, no command is run. */
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      CrmCliContext ctx = { 0 };
      int index = 0, status = 0;

      g_ptr_array_add (argv, (gpointer) "salescrm");
      for (guint i = 0; i < parts->len; i++)
        if (!asks_for_help (parts->pdata[i]))
          g_ptr_array_add (argv, parts->pdata[i]);
      g_ptr_array_add (argv, NULL);
      if (crm_cli_parse_global ((int) argv->len - 1, (char **) argv->pdata, &ctx, &index, &status) && index > 0)
        {
          /* The command's own options and their checks, then the
           * database, which cannot be made: its folder is a file. So
           * every command stops there, having written nothing. */
          g_free (ctx.database_path);
          ctx.database_path = g_build_filename (args_blocker (), "salescrm.db", NULL);
          crm_cli_run_command (&ctx, (int) argv->len - 1 - index, (char **) argv->pdata + index);
        }
      crm_cli_context_clear (&ctx);
    }
  return 0;
}

/* The database the iCalendar target writes into, inside a transaction that
 * is rolled back after each input: one file per process. */
static CrmDatabase *ical_db;
static char *ical_db_path;

static void
remove_ical_db (void)
{
  g_clear_object (&ical_db);
  if (ical_db_path != NULL)
    {
      g_autofree char *wal = g_strconcat (ical_db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (ical_db_path, "-shm", NULL);

      g_unlink (ical_db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_clear_pointer (&ical_db_path, g_free);
    }
}

static CrmDatabase *
get_ical_db (void)
{
  if (ical_db == NULL)
    {
      g_autoptr(CrmManager) manager = crm_manager_new ();

      ical_db_path = g_strdup_printf ("%s/salescrm-fuzz-ical-%d.db", g_get_tmp_dir (), (int) getpid ());
      ical_db = crm_database_new (ical_db_path, 0, NULL, NULL);
      g_assert_nonnull (ical_db);
      manager->name = g_strdup ("Fuzz Manager");
      g_assert_true (crm_manager_store_create (ical_db, manager, NULL));
      atexit (remove_ical_db);
    }
  return ical_db;
}

static void
ignore_problem (guint line, gboolean skipped, const char *message, gpointer user_data)
{
  g_assert_nonnull (message);
}

/* An iCalendar file: parse it, expand every series over a year from its
 * start, and import it (then roll the import back). */
int
crm_fuzz_ical (const guint8 *data, gsize size)
{
  g_autoptr(CrmIcalReport) report = crm_ical_report_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  CrmDatabase *db;
  guint created = 0, updated = 0;

  items = crm_ical_parse ((const char *) data, size, "fuzz.ics", report, &error);
  if (items == NULL)
    return 0;
  for (guint i = 0; i < items->len; i++)
    {
      CrmActivityImportItem *item = items->pdata[i];
      CrmActivity *activity = item->activity;

      if (activity->rrule != NULL)
        {
          g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

          crm_recurrence_expand_activity (activity, activity->starts_at,
                                          activity->starts_at + 366 * 86400, found, NULL);
        }
    }
  {
    g_autofree char *text = crm_ical_report_format (report);
    g_assert_nonnull (text);
  }

  db = get_ical_db ();
  g_assert_true (crm_database_begin (db, NULL));
  crm_activity_store_import (db, items, 0, &created, &updated, ignore_problem, NULL, NULL);
  crm_database_rollback (db);
  return 0;
}
