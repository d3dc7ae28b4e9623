/* crm-export-store.c — the database written out as CSV, vCard 4.0 or JSON
 *
 * Rows are read and written one at a time (the writers buffer), so an
 * export of a million activities needs no more memory than one of ten.
 *
 * CSV: UTF-8, with a byte-order mark and ";" for Excel when asked; the
 * column names are codes (as is SalesCRM's client export, which imports
 * back with the "salescrm" preset), values are the database codes
 * ("call", "won"), money a plain decimal number in the currency of the
 * settings, instants local "YYYY-MM-DD HH:MM", days ISO dates. Text cells
 * that a spreadsheet would run as a formula are neutralised by the CSV
 * writer.
 *
 * vCard: every client, or the ones asked for, as vCard 4.0.
 *
 * crm_export_store_to_file() writes through a temporary file that replaces
 * the target only when complete: a failed or cancelled export leaves
 * nothing behind.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-atomic-file.h"
#include "crm-contact.h"
#include "crm-csv.h"
#include "crm-database-private.h"
#include "crm-export-store.h"
#include "crm-import-map.h"
#include "crm-money.h"
#include "crm-setting-store.h"
#include "crm-vcard.h"

#define PROGRESS_EVERY 1024

static const char * const format_names[] = { "csv", "vcf", "json" };
static const char * const what_names[] = { "clients", "activities", "deals", "payments" };

const char *
crm_export_format_to_string (CrmExportFormat format)
{
  g_return_val_if_fail (format <= CRM_EXPORT_FORMAT_JSON, NULL);
  return format_names[format];
}

gboolean
crm_export_format_from_string (const char *text, CrmExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      return *format = (CrmExportFormat) i, TRUE;
  if (g_strcmp0 (text, "vcard") == 0)
    return *format = CRM_EXPORT_FORMAT_VCARD, TRUE;
  return FALSE;
}

const char *
crm_export_what_to_string (CrmExportWhat what)
{
  g_return_val_if_fail (what <= CRM_EXPORT_PAYMENTS, NULL);
  return what_names[what];
}

gboolean
crm_export_what_from_string (const char *text, CrmExportWhat *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (what_names); i++)
    if (g_strcmp0 (text, what_names[i]) == 0)
      return *what = (CrmExportWhat) i, TRUE;
  return FALSE;
}

/* ---- shared ------------------------------------------------------------- */

typedef struct {
  CrmDatabase       *db;
  CrmExportProgress  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint64            total;
  guint64            done;
} Run;

static gboolean
count_rows (Run *run, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (run->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (crm_database_step_row (run->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  run->total = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* After each row: the progress now and then, and whether to stop. */
static gboolean
row_done (Run *run, GError **error)
{
  run->done++;
  if (run->done % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  if (run->progress != NULL && run->total > 0)
    run->progress (MIN (1.0, (double) run->done / (double) run->total), run->user_data);
  return TRUE;
}

static char *
local_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/* ---- clients ------------------------------------------------------------ */

#define CLIENT_SELECT \
  "SELECT c.id, c.kind, c.name, c.company, c.phones, c.emails, c.address, c.city, c.source," \
  " c.status, m.name, (SELECT group_concat(name, char(10)) FROM (SELECT t.name FROM client_tag ct" \
  "   JOIN tag t ON t.id = ct.tag_id WHERE ct.client_id = c.id ORDER BY t.name))," \
  " c.notes, c.created_at FROM client c LEFT JOIN manager m ON m.id = c.owner_id"

static char *
nonempty (sqlite3_stmt *stmt, int column)
{
  const char *text = crm_column_text (stmt, column);
  return *text != '\0' ? g_strdup (text) : NULL;
}

static void
add_lines (CrmContact *contact, const char *lines, int what)
{
  g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);

  for (gsize i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (what == 0)
        crm_contact_add_phone (contact, parts[i], NULL);
      else if (what == 1)
        crm_contact_add_email (contact, parts[i], NULL);
      else
        crm_contact_add_tag (contact, parts[i]);
    }
}

/* The client in the current row of CLIENT_SELECT. */
static CrmContact *
read_contact (sqlite3_stmt *stmt)
{
  CrmContact *c = crm_contact_new ();

  c->kind = g_str_equal (crm_column_text (stmt, 1), "company") ? CRM_CONTACT_COMPANY : CRM_CONTACT_PERSON;
  c->name = crm_column_dup_text (stmt, 2);
  c->company = nonempty (stmt, 3);
  add_lines (c, crm_column_text (stmt, 4), 0);
  add_lines (c, crm_column_text (stmt, 5), 1);
  c->address = nonempty (stmt, 6);
  c->city = nonempty (stmt, 7);
  c->source = nonempty (stmt, 8);
  c->status = nonempty (stmt, 9);
  c->owner = nonempty (stmt, 10);
  add_lines (c, crm_column_text (stmt, 11), 2);
  c->notes = nonempty (stmt, 12);
  return c;
}

static gboolean
clients_csv (Run *run, CrmCsvWriter *writer, GError **error)
{
  sqlite3_stmt *stmt;
  guint n_kinds;
  const CrmCsvCellKind *kinds = crm_contact_csv_kinds (&n_kinds);
  int rc;

  crm_csv_writer_set_column_kinds (writer, kinds, n_kinds);
  if (!crm_csv_writer_write_row (writer, crm_contact_csv_header (), -1, run->cancellable, error) ||
      !count_rows (run, "SELECT count(*) FROM client", error))
    return FALSE;
  stmt = crm_database_prepare (run->db, CLIENT_SELECT " ORDER BY c.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_database_step_row (run->db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(CrmContact) contact = read_contact (stmt);
      g_autofree char *created = local_date (sqlite3_column_int64 (stmt, 13));
      g_auto(GStrv) row = crm_contact_to_csv_row (contact, sqlite3_column_int64 (stmt, 0), created);

      if (!crm_csv_writer_write_row (writer, (const char * const *) row, -1, run->cancellable, error) ||
          !row_done (run, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* ---- activities, deals, payments ---------------------------------------- */

typedef enum { TEXT, NUMBER, MONEY } Kind;

typedef struct {
  const char *name;
  Kind        kind;
} Column;

typedef struct {
  const Column *columns;
  guint         n_columns;
  const char   *count_sql;
  const char   *sql;
} Table;

#define LOCAL_TIME(x) "strftime('%Y-%m-%d %H:%M', " x ", 'unixepoch', 'localtime')"
#define LOCAL_DAY(x) "date(" x ", 'unixepoch', 'localtime')"

static const Column activity_columns[] = {
  { "id", NUMBER }, { "type", TEXT }, { "state", TEXT }, { "start", TEXT },
  { "duration_min", NUMBER }, { "all_day", NUMBER }, { "direction", TEXT },
  { "client_id", NUMBER }, { "client", TEXT }, { "manager", TEXT }, { "deal_id", NUMBER },
  { "deal", TEXT }, { "title", TEXT }, { "outcome", TEXT }, { "location", TEXT },
  { "repeats", TEXT }, { "created", TEXT },
};

static const Column deal_columns[] = {
  { "id", NUMBER }, { "title", TEXT }, { "client_id", NUMBER }, { "client", TEXT },
  { "manager", TEXT }, { "stage", TEXT }, { "amount", MONEY }, { "currency", TEXT },
  { "probability", NUMBER }, { "expected_close", TEXT }, { "closed_on", TEXT },
  { "lost_reason", TEXT }, { "created", TEXT },
};

static const Column payment_columns[] = {
  { "id", NUMBER }, { "paid_on", TEXT }, { "amount", MONEY }, { "currency", TEXT },
  { "client_id", NUMBER }, { "client", TEXT }, { "manager", TEXT }, { "deal_id", NUMBER },
  { "deal", TEXT }, { "note", TEXT }, { "created", TEXT },
};

/* A "currency" column is filled from the settings; the query gives NULL. */
static const Table tables[] = {
  [CRM_EXPORT_ACTIVITIES] = {
    activity_columns, G_N_ELEMENTS (activity_columns), "SELECT count(*) FROM activity",
    "SELECT a.id, a.type, a.state, CASE WHEN a.all_day THEN " LOCAL_DAY ("a.starts_at")
    " ELSE " LOCAL_TIME ("a.starts_at") " END, a.duration_min, a.all_day, a.direction, a.client_id,"
    " c.name, m.name, a.deal_id, d.title, a.title, a.outcome, a.location, a.rrule,"
    " " LOCAL_TIME ("a.created_at")
    " FROM activity a LEFT JOIN client c ON c.id = a.client_id JOIN manager m ON m.id = a.manager_id"
    " LEFT JOIN deal d ON d.id = a.deal_id ORDER BY a.id" },
  [CRM_EXPORT_DEALS] = {
    deal_columns, G_N_ELEMENTS (deal_columns), "SELECT count(*) FROM deal",
    "SELECT d.id, d.title, d.client_id, c.name, m.name, d.stage, d.amount, NULL, d.probability,"
    " d.expected_close, d.closed_on, d.lost_reason, " LOCAL_DAY ("d.created_at")
    " FROM deal d JOIN client c ON c.id = d.client_id JOIN manager m ON m.id = d.manager_id"
    " ORDER BY d.id" },
  [CRM_EXPORT_PAYMENTS] = {
    payment_columns, G_N_ELEMENTS (payment_columns), "SELECT count(*) FROM payment",
    "SELECT p.id, p.paid_on, p.amount, NULL, p.client_id, c.name, m.name, p.deal_id, d.title,"
    " p.note, " LOCAL_DAY ("p.created_at")
    " FROM payment p JOIN client c ON c.id = p.client_id JOIN manager m ON m.id = p.manager_id"
    " LEFT JOIN deal d ON d.id = p.deal_id ORDER BY p.id" },
};

static gboolean
table_csv (Run *run, const Table *table, CrmCsvWriter *writer, GError **error)
{
  g_autoptr(CrmSettings) settings = crm_setting_store_load (run->db, error);
  g_autofree CrmCsvCellKind *kinds = g_new0 (CrmCsvCellKind, table->n_columns);
  g_autofree const char **cells = g_new0 (const char *, table->n_columns + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (settings == NULL)
    return FALSE;
  for (guint i = 0; i < table->n_columns; i++)
    {
      kinds[i] = table->columns[i].kind == TEXT ? CRM_CSV_CELL_TEXT : CRM_CSV_CELL_NUMBER;
      cells[i] = table->columns[i].name;
    }
  crm_csv_writer_set_column_kinds (writer, kinds, table->n_columns);
  if (!crm_csv_writer_write_row (writer, cells, (int) table->n_columns, run->cancellable, error) ||
      !count_rows (run, table->count_sql, error))
    return FALSE;
  stmt = crm_database_prepare (run->db, table->sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_database_step_row (run->db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_set_size (owned, 0);
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (table->columns[i].kind == MONEY)
            {
              char *money = crm_money_to_plain (sqlite3_column_int64 (stmt, (int) i), settings->currency);
              g_ptr_array_add (owned, money);
              cells[i] = money;
            }
          else if (g_str_equal (table->columns[i].name, "currency"))
            cells[i] = settings->currency;
          else
            cells[i] = crm_column_text (stmt, (int) i);
        }
      if (!crm_csv_writer_write_row (writer, cells, (int) table->n_columns, run->cancellable, error) ||
          !row_done (run, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
write_csv (Run *run, GOutputStream *out, const CrmExportOptions *options, GError **error)
{
  g_autoptr(CrmCsvWriter) writer = NULL;
  CrmCsvWriteFlags flags = options->bom ? CRM_CSV_WRITE_BOM : CRM_CSV_WRITE_DEFAULT;
  gboolean ok;

  writer = crm_csv_writer_new (out, options->delimiter != '\0' ? options->delimiter : ',', flags);
  if (options->what == CRM_EXPORT_CLIENTS)
    ok = clients_csv (run, writer, error);
  else
    ok = table_csv (run, &tables[options->what], writer, error);
  return ok && crm_csv_writer_close (writer, run->cancellable, error);
}

/* ---- vCard -------------------------------------------------------------- */

static gboolean
write_card (Run *run, GOutputStream *out, GString *buffer, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(CrmContact) contact = read_contact (stmt);

  crm_vcard_append (buffer, contact);
  if (buffer->len >= 64 * 1024)
    {
      if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, run->cancellable, error))
        return FALSE;
      g_string_truncate (buffer, 0);
    }
  return row_done (run, error);
}

static gboolean
write_vcard (Run *run, GOutputStream *out, const CrmExportOptions *options, GError **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (options->ids == NULL)
    {
      if (!count_rows (run, "SELECT count(*) FROM client", error))
        return FALSE;
      stmt = crm_database_prepare (run->db, CLIENT_SELECT " ORDER BY c.id", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = crm_database_step_row (run->db, stmt, error)) == SQLITE_ROW)
        if (!write_card (run, out, buffer, stmt, error))
          {
            sqlite3_reset (stmt);
            return FALSE;
          }
      sqlite3_reset (stmt);
    }
  else
    {
      run->total = options->n_ids;
      for (gsize i = 0; i < options->n_ids && rc == SQLITE_DONE; i++)
        {
          stmt = crm_database_prepare (run->db, CLIENT_SELECT " WHERE c.id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, options->ids[i]);
          rc = crm_database_step_row (run->db, stmt, error);
          if (rc == SQLITE_ROW)
            {
              gboolean ok = write_card (run, out, buffer, stmt, error);

              rc = ok ? SQLITE_DONE : -1;
            }
          else if (rc == SQLITE_DONE)
            g_debug ("Client %" G_GINT64_FORMAT " is gone: not exported", options->ids[i]);
          sqlite3_reset (stmt);
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  return g_output_stream_write_all (out, buffer->str, buffer->len, NULL, run->cancellable, error);
}

/* ---- entry points ------------------------------------------------------- */

/* Writes the export to @out (which stays open); *@n_rows gets the number
 * of records written (clients, activities, …; every row for JSON). The
 * export reads in one transaction, so it is consistent even while another
 * connection writes. */
gboolean
crm_export_store_write (CrmDatabase *db, GOutputStream *out, const CrmExportOptions *options,
                        CrmExportProgress progress, gpointer user_data, GCancellable *cancellable,
                        guint64 *n_rows, GError **error)
{
  Run run = { db, progress, user_data, cancellable, 0, 0 };
  gboolean own, ok;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->format == CRM_EXPORT_FORMAT_JSON)
    return crm_export_store_json (db, out, progress, user_data, cancellable, n_rows, error);

  own = sqlite3_get_autocommit (crm_database_get_handle (db)) != 0;
  if (own && !crm_database_exec (db, "BEGIN", error))
    return FALSE;
  if (options->format == CRM_EXPORT_FORMAT_VCARD)
    ok = write_vcard (&run, out, options, error);
  else
    ok = write_csv (&run, out, options, error);
  if (own)
    crm_database_exec (db, "COMMIT", NULL);
  if (ok && progress != NULL)
    progress (1.0, user_data);
  if (n_rows != NULL)
    *n_rows = run.done;
  return ok;
}

/* The same into the file @path, which appears only once it is complete. */
gboolean
crm_export_store_to_file (CrmDatabase *db, const char *path, const CrmExportOptions *options,
                          CrmExportProgress progress, gpointer user_data, GCancellable *cancellable,
                          guint64 *n_rows, GError **error)
{
  g_autoptr(CrmAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = crm_atomic_file_new (path, cancellable, error);
  if (file == NULL)
    return FALSE;
  if (!crm_export_store_write (db, crm_atomic_file_get_stream (file), options, progress, user_data,
                               cancellable, n_rows, error))
    return FALSE;
  return crm_atomic_file_commit (file, cancellable, error);
}
