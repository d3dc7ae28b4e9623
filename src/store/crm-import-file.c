/* crm-import-file.c — a CSV, vCard or JSON file imported into the database
 *
 * The records are read, mapped and written one at a time, in the one
 * transaction of a CrmImportStore: nothing is kept in memory but the
 * record at hand, the duplicate index and the list of problems. A record a
 * reader cannot use (no name, no phone, …) is skipped and reported with its
 * line and column; the rest go in. A file that cannot be read on — not
 * text, a line beyond the limits, a quote that never closes, an error of
 * the database — ends the import and leaves the database as it was, as
 * does a cancellation.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-csv.h"
#include "crm-import-file.h"
#include "crm-text.h"
#include "crm-vcard.h"

#define CHECK_EVERY 512

/* By the file name's extension. */
CrmImportFormat
crm_import_format_for_path (const char *path)
{
  static const struct { const char *suffix; CrmImportFormat format; } suffixes[] = {
    { ".csv", CRM_IMPORT_FORMAT_CSV }, { ".txt", CRM_IMPORT_FORMAT_CSV },
    { ".tsv", CRM_IMPORT_FORMAT_CSV }, { ".vcf", CRM_IMPORT_FORMAT_VCARD },
    { ".vcard", CRM_IMPORT_FORMAT_VCARD }, { ".json", CRM_IMPORT_FORMAT_JSON },
    { ".ics", CRM_IMPORT_FORMAT_ICALENDAR }, { ".ical", CRM_IMPORT_FORMAT_ICALENDAR },
    { ".ifb", CRM_IMPORT_FORMAT_ICALENDAR },
  };
  g_autofree char *lower = NULL;

  if (path == NULL)
    return CRM_IMPORT_FORMAT_UNKNOWN;
  lower = g_ascii_strdown (path, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return suffixes[i].format;
  return CRM_IMPORT_FORMAT_UNKNOWN;
}

void
crm_import_options_init (CrmImportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->duplicates = CRM_DUPLICATES_SKIP;
}

void
crm_import_result_free (CrmImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result->preset_name);
  g_free (result->encoding);
  g_free (result);
}

typedef struct {
  CrmImportResult   *result;
  CrmImportStore    *store;
  CrmImportProgress  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint              records;
  guint              reader_rejected;
  guint              reader_warnings;
} Run;

/* The problems a reader added since @before: counted as skipped records
 * (errors) or values left out (warnings). */
static void
count_reader_problems (Run *run, guint before)
{
  GPtrArray *problems = run->result->problems;

  for (guint i = before; i < problems->len; i++)
    {
      const CrmImportProblem *p = problems->pdata[i];

      if (p->severity == CRM_IMPORT_PROBLEM_ERROR)
        run->reader_rejected++;
      else if (p->severity == CRM_IMPORT_PROBLEM_WARNING)
        run->reader_warnings++;
    }
}

/* One record read (taken): written, and now and then the progress and a check
 * for cancellation. */
static gboolean
take (Run *run, CrmContact *contact, double progress, GError **error)
{
  if (contact != NULL &&
      !crm_import_store_add (run->store, contact, run->result->file, run->result->problems, error))
    return FALSE;
  if (++run->records % CHECK_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (run->progress != NULL)
        run->progress (progress, run->user_data);
    }
  return TRUE;
}

static CrmImportMap *
make_map (const CrmCsvRow *header, const CrmImportOptions *options, const char *file, GError **error)
{
  g_autoptr(CrmImportMap) map = NULL;

  if (options->columns != NULL)
    {
      if (crm_import_map_get_n_columns (options->columns) != header->n_fields)
        {
          g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                       _("%s: the file has changed since its columns were chosen (it has %u "
                         "columns now, not %u). Open it again."),
                       file, header->n_fields, crm_import_map_get_n_columns (options->columns));
          return NULL;
        }
      map = crm_import_map_copy (options->columns);
    }
  else
    map = crm_import_map_new_for_preset (header->fields, header->n_fields, options->preset, error);
  if (map == NULL)
    return NULL;
  crm_import_map_set_file (map, file);
  if (options->map != NULL && !crm_import_map_apply_spec (map, options->map, error))
    return NULL;
  if (!crm_import_map_check (map, error))
    return NULL;
  return g_steal_pointer (&map);
}

static gboolean
import_csv (Run *run, const char *path, const CrmImportOptions *options, GError **error)
{
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, error);
  g_autoptr(CrmImportMap) map = NULL;
  const CrmCsvRow *row = NULL;
  guint rows = 0;

  if (reader == NULL)
    return FALSE;
  run->result->encoding = g_strdup (crm_csv_reader_get_encoding (reader));
  run->result->delimiter = crm_csv_reader_get_delimiter (reader);
  if (!crm_csv_reader_next (reader, &row, error))
    return FALSE;
  if (row == NULL)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY,
                   _("%s: the file is empty: there is nothing to import."), run->result->file);
      return FALSE;
    }
  map = make_map (row, options, run->result->file, error);
  if (map == NULL)
    return FALSE;
  run->result->preset_name = g_strdup (crm_import_map_get_preset_name (map));

  for (;;)
    {
      g_autoptr(CrmContact) contact = NULL;
      guint before = run->result->problems->len;

      if (!crm_csv_reader_next (reader, &row, error))
        return FALSE;
      if (row == NULL)
        break;
      rows++;
      contact = crm_import_map_row (map, row, run->result->problems);
      count_reader_problems (run, before);
      if (!take (run, g_steal_pointer (&contact), crm_csv_reader_get_progress (reader), error))
        return FALSE;
    }
  if (rows == 0)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY,
                   _("%s: the file has a header row but no clients under it."), run->result->file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_vcard (Run *run, const char *path, GError **error)
{
  g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new_for_path (path, error);

  if (reader == NULL)
    return FALSE;
  for (;;)
    {
      g_autoptr(CrmContact) contact = NULL;
      guint before = run->result->problems->len;

      contact = crm_vcard_reader_next (reader, run->result->problems);
      count_reader_problems (run, before);
      if (contact == NULL)
        break;
      if (!take (run, g_steal_pointer (&contact), crm_vcard_reader_get_progress (reader), error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_problem_lines (gconstpointer a, gconstpointer b)
{
  const CrmImportProblem *x = *(CrmImportProblem * const *) a;
  const CrmImportProblem *y = *(CrmImportProblem * const *) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/* Imports the file at @path (@format CRM_IMPORT_FORMAT_UNKNOWN: by its
 * extension). Returns what was done — counts and problems — or NULL when
 * nothing could be imported (@error says why; the database is unchanged). */
CrmImportResult *
crm_import_file (CrmDatabase *db, const char *path, CrmImportFormat format,
                 const CrmImportOptions *options, CrmImportProgress progress, gpointer user_data,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr(CrmImportResult) result = NULL;
  g_autoptr(CrmImportStore) store = NULL;
  g_autofree char *base = NULL;
  CrmImportOptions defaults;
  Run run = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    {
      crm_import_options_init (&defaults);
      options = &defaults;
    }
  if (format == CRM_IMPORT_FORMAT_UNKNOWN)
    format = crm_import_format_for_path (path);

  base = g_path_get_basename (path);
  result = g_new0 (CrmImportResult, 1);
  result->format = format;
  result->file = g_filename_display_name (base);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_import_problem_free);
  result->dry_run = options->dry_run;

  if (format == CRM_IMPORT_FORMAT_JSON)
    {
      if (!crm_import_store_restore_json (db, path, options->dry_run, progress, user_data, cancellable,
                                          &result->restored, error))
        return NULL;
      return g_steal_pointer (&result);
    }
  if (format != CRM_IMPORT_FORMAT_CSV && format != CRM_IMPORT_FORMAT_VCARD)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT,
                   _("%s: clients are imported from CSV files (.csv, .txt), vCard files (.vcf) and "
                     "SalesCRM database exports (.json)."), result->file);
      return NULL;
    }

  store = crm_import_store_begin (db, options->duplicates, error);
  if (store == NULL)
    return NULL;
  run.result = result;
  run.store = store;
  run.progress = progress;
  run.user_data = user_data;
  run.cancellable = cancellable;
  if (format == CRM_IMPORT_FORMAT_CSV)
    ok = import_csv (&run, path, options, error);
  else
    ok = import_vcard (&run, path, error);
  if (!ok)
    return NULL;   /* the store rolls back as it goes */

  if (!crm_import_store_flush (store, error))
    return NULL;
  /* A record refused in a batch is reported when its batch is written. */
  g_ptr_array_sort (result->problems, compare_problem_lines);
  result->counts = *crm_import_store_get_counts (store);
  result->counts.rejected += run.reader_rejected;
  result->counts.warnings += run.reader_warnings;
  if (options->dry_run)
    crm_import_store_rollback (store);
  else if (!crm_import_store_commit (store, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&result);
}
