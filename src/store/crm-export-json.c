/* crm-export-json.c — every table of the database as one JSON file
 *
 * A copy of the database that imports back into an empty one without
 * loss: every column of every table (crm_json_tables), ids and timestamps
 * included, and the AUTOINCREMENT counters, so that ids deleted before the
 * export are not given out again after the import.
 *
 *   {
 *     "format": "salescrm-database", "format_version": 1,
 *     "schema_version": 1,
 *     "application": "SalesCRM 0.1.0",
 *     "exported_at": "2026-11-27T10:15:00+03:00",
 *     "sequences": {"client": 1204, …},
 *     "tables": {
 *       "manager": [
 *         {"id": 1, "name": "Анна Петрова", …},
 *         …
 *       ],
 *       …
 *     }
 *   }
 *
 * One row per line, columns in the table's order, values as SQLite holds
 * them (integers, text, null). The rows are streamed: memory does not grow
 * with the database.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-export-store.h"
#include "crm-transfer-private.h"

#define FLUSH_SIZE (64 * 1024)

const char * const crm_json_tables[CRM_JSON_N_TABLES + 1] = {
  "manager", "client", "tag", "client_tag", "deal", "deal_stage_change", "activity", "payment",
  "complaint", "kpi_target", "setting", NULL
};

typedef struct {
  CrmDatabase       *db;
  GOutputStream     *out;
  GString           *buffer;
  CrmExportProgress  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint64            total;
  guint64            done;
} Export;

static gboolean
flush (Export *e, gboolean always, GError **error)
{
  if (!always && e->buffer->len < FLUSH_SIZE)
    return TRUE;
  if (!g_output_stream_write_all (e->out, e->buffer->str, e->buffer->len, NULL, e->cancellable, error))
    return FALSE;
  g_string_truncate (e->buffer, 0);
  return TRUE;
}

static void
append_string (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_value (GString *out, sqlite3_stmt *stmt, int column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append (out, g_ascii_dtostr (number, sizeof number, sqlite3_column_double (stmt, column)));
      }
      break;
    case SQLITE_NULL:
      g_string_append (out, "null");
      break;
    default:
      append_string (out, crm_column_text (stmt, column));
      break;
    }
}

static gboolean
count_all (Export *e, GError **error)
{
  for (gsize t = 0; crm_json_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", crm_json_tables[t]);
      sqlite3_stmt *stmt = crm_database_prepare (e->db, sql, error);

      if (stmt == NULL || crm_database_step_row (e->db, stmt, error) != SQLITE_ROW)
        return FALSE;
      e->total += (guint64) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
write_header (Export *e, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int rc;

  g_string_append (e->buffer, CRM_JSON_FIRST_LINE "\n" CRM_JSON_SECOND_LINE "\n");
  g_string_append_printf (e->buffer, "  \"schema_version\": %d,\n", crm_database_get_schema_version (e->db));
  g_string_append (e->buffer, "  \"application\": \"SalesCRM " PACKAGE_VERSION "\",\n");
  g_string_append (e->buffer, "  \"exported_at\": ");
  append_string (e->buffer, when);
  g_string_append (e->buffer, ",\n  \"sequences\": {");
  stmt = crm_database_prepare (e->db, "SELECT name, seq FROM sqlite_sequence ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_database_step_row (e->db, stmt, error)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append (e->buffer, ", ");
      first = FALSE;
      append_string (e->buffer, crm_column_text (stmt, 0));
      g_string_append_printf (e->buffer, ": %" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  g_string_append (e->buffer, "},\n  \"tables\": {\n");
  return TRUE;
}

/* The stored columns of @table, in order: not the generated ones, nor the
 * totals the triggers keep from other tables (a client's revenue and last
 * contact), which the import's triggers make again. An export is the same
 * for data formats 3 and 4. */
GPtrArray *
crm_json_table_columns (CrmDatabase *db, const char *table, GError **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      const char *name = crm_column_text (stmt, 1);
      if (g_str_equal (table, "client") &&
          (g_str_equal (name, "revenue_minor") || g_str_equal (name, "last_contact_at")))
        continue;
      g_ptr_array_add (columns, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&columns);
}

static gboolean
write_table (Export *e, const char *table, gboolean last, GError **error)
{
  g_autoptr(GPtrArray) columns = crm_json_table_columns (e->db, table, error);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int rc;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (const char *) columns->pdata[i]);
  g_string_append_printf (sql, " FROM %s ORDER BY rowid", table);
  stmt = crm_database_prepare (e->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append_printf (e->buffer, "    \"%s\": [\n", table);
  while ((rc = crm_database_step_row (e->db, stmt, error)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append (e->buffer, ",\n");
      first = FALSE;
      g_string_append (e->buffer, "      {");
      for (guint i = 0; i < columns->len; i++)
        {
          if (i > 0)
            g_string_append (e->buffer, ", ");
          append_string (e->buffer, columns->pdata[i]);
          g_string_append (e->buffer, ": ");
          append_value (e->buffer, stmt, (int) i);
        }
      g_string_append_c (e->buffer, '}');
      e->done++;
      if (!flush (e, FALSE, error) ||
          (e->done % 1024 == 0 && g_cancellable_set_error_if_cancelled (e->cancellable, error)))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (e->done % 1024 == 0 && e->progress != NULL && e->total > 0)
        e->progress (MIN (1.0, (double) e->done / (double) e->total), e->user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  g_string_append_printf (e->buffer, "%s    ]%s\n", first ? "" : "\n", last ? "" : ",");
  return TRUE;
}

/* Writes every table to @out, read in one transaction so that the copy is
 * consistent even while the app writes. */
gboolean
crm_export_store_json (CrmDatabase *db, GOutputStream *out, CrmExportProgress progress,
                       gpointer user_data, GCancellable *cancellable, guint64 *n_rows, GError **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  Export e = { db, out, buffer, progress, user_data, cancellable, 0, 0 };
  gboolean own = sqlite3_get_autocommit (crm_database_get_handle (db)) != 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (own && !crm_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = count_all (&e, error) && write_header (&e, error);
  for (gsize t = 0; ok && crm_json_tables[t] != NULL; t++)
    ok = write_table (&e, crm_json_tables[t], crm_json_tables[t + 1] == NULL, error);
  if (own)
    crm_database_exec (db, "COMMIT", NULL);
  if (!ok)
    return FALSE;
  g_string_append (e.buffer, "  }\n}\n");
  if (!flush (&e, TRUE, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  if (n_rows != NULL)
    *n_rows = e.done;
  return TRUE;
}
