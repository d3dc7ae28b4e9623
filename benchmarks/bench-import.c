/* bench-import.c — 100,000 clients imported from a CSV file
 *
 *   bench-import [ROWS] [RUNS]
 *
 * Writes a CSV file of ROWS clients (default 100000) as a contact export
 * has them — first and last name, company, phone, e-mail, city, a tag on a
 * third of the rows, a note on a fifth, Russian and English names — then
 * imports it RUNS times (default 3), each time into a fresh database, end
 * to end as "salescrm import" does (reading, mapping, duplicate checks,
 * one transaction, commit). Prints the median wall time in milliseconds as
 * "median_ms=…" (the target is 3000 ms for 100,000 rows), and the median
 * processor time as "cpu_ms=…", which other work on the machine disturbs
 * less. With BENCH_IMPORT_KEEP=PATH in the environment, the CSV file is
 * kept at PATH (benchmarks/measure.py imports it with the sqlite3 shell for
 * the floor).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "crm-import-file.h"

static const char * const first_names[] = {
  "Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Елена", "Сергей", "Анна",
  "John", "Mary", "James", "Linda", "Robert", "Susan", "David", "Karen",
};
static const char * const last_names[] = {
  "Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Новиков", "Морозова",
  "Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark",
};
static const char * const companies[] = {
  "ООО «Ромашка»", "АО «Вектор»", "ИП Сидоров", "Северный ветер", "Acme Corp.", "Globex",
  "Initech", "Umbrella Ltd", "",
};
static const char * const cities[] = { "Москва", "Казань", "Новосибирск", "Boston", "Austin", "" };
static const char * const tags[] = { "VIP", "опт", "partner", "розница" };

static char *
write_file (const char *dir, guint rows)
{
  g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);
  GString *out = g_string_new ("First Name,Last Name,Company,Phone,E-mail,City,Tags,Notes\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows; i++)
    {
      g_string_append_printf (out, "%s,%s,\"%s\",+7 9%02u %03u-%02u-%02u,client%u@example.com,%s,%s,%s\n",
                              first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                              last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
                              companies[g_rand_int_range (rand, 0, G_N_ELEMENTS (companies))],
                              (i / 10000000) % 100, (i / 10000) % 1000, (i / 100) % 100, i % 100, i,
                              cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))],
                              i % 3 == 0 ? tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))] : "",
                              i % 5 == 0 ? "Просил перезвонить после 15:00" : "");
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  int runs = argc > 2 ? atoi (argv[2]) : 3;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *db_path = NULL;
  double *times, *cpu;

  if (dir == NULL || rows == 0 || runs < 1)
    {
      fprintf (stderr, "usage: bench-import [ROWS] [RUNS]\n");
      return 2;
    }
  csv = write_file (dir, rows);
  db_path = g_build_filename (dir, "bench.db", NULL);
  times = g_new (double, runs);
  cpu = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmDatabase) db = NULL;
      g_autoptr(CrmImportResult) result = NULL;
      gint64 start;
      double cpu_start;

      remove_database (db_path);
      db = crm_database_new (db_path, CRM_DATABASE_FLAGS_NONE, NULL, &error);
      if (db == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      result = crm_import_file (db, csv, CRM_IMPORT_FORMAT_UNKNOWN, NULL, NULL, NULL, NULL, &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = cpu_ms () - cpu_start;
      if (result == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      if (result->counts.created != rows)
        {
          fprintf (stderr, "%u clients created of %u rows\n", result->counts.created, rows);
          return 1;
        }
    }
  remove_database (db_path);
  if (g_getenv ("BENCH_IMPORT_KEEP") == NULL || g_rename (csv, g_getenv ("BENCH_IMPORT_KEEP")) != 0)
    g_unlink (csv);
  g_rmdir (dir);
  qsort (times, runs, sizeof (double), compare_double);
  qsort (cpu, runs, sizeof (double), compare_double);
  printf ("rows=%u median_ms=%.0f min_ms=%.0f max_ms=%.0f cpu_ms=%.0f\n", rows, times[runs / 2], times[0],
          times[runs - 1], cpu[runs / 2]);
  g_free (times);
  g_free (cpu);
  return 0;
}
