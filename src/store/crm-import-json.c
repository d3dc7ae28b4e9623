/* crm-import-json.c — a JSON export put back into an empty database
 *
 * The rows go in with their ids and every column, parents before children,
 * in one transaction with the foreign keys checked at the end; the
 * triggers rebuild the KPI rollups and the search index as they go. The
 * stage history a deal's insertion records by itself is replaced by the
 * one in the file, and the settings of the empty database by the file's.
 *
 * A file as crm_export_store_json() writes it is read one line at a time
 * from a mapped file, so memory does not grow with the export. A file that
 * something reformatted (pretty-printed, keys sorted) is still valid JSON
 * and is read whole, when it is not too large for that.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-import-store.h"
#include "crm-rollup.h"
#include "crm-text.h"
#include "crm-transfer-private.h"

#define MAX_WHOLE_FILE (256 * 1024 * 1024)
#define CHECK_EVERY 1024

typedef struct {
  CrmDatabase       *db;
  char              *file;          /* display name */
  JsonParser        *parser;
  int                table;         /* index in crm_json_tables, -1 before the first */
  guint64            table_row;     /* rows of the current table so far */
  GPtrArray         *columns;
  gboolean          *seen;          /* per column, for the current row */
  sqlite3_stmt      *insert;
  JsonObject        *sequences;
  gboolean           have_format;
  CrmRestoreCounts  *counts;
  CrmImportProgress  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
} Restore;

/* "file, line 12" or "file, table “client”, row 3" */
static char *
position (Restore *r, guint line)
{
  if (line > 0)
    return g_strdup_printf (_("%s, line %u"), r->file, line);
  if (r->table >= 0)
    return g_strdup_printf (_("%s, table “%s”, row %llu"), r->file,
                            crm_json_tables[r->table], (unsigned long long) r->table_row);
  return g_strdup (r->file);
}

static void
format_error (Restore *r, guint line, GError **error, const char *message)
{
  g_autofree char *where = position (r, line);
  g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT, "%s: %s", where, message);
}

/* ---- the parts of the file ---------------------------------------------- */

static gboolean
header_member (Restore *r, const char *name, JsonNode *node, guint line, GError **error)
{
  if (g_str_equal (name, "format"))
    {
      if (g_strcmp0 (json_node_get_string (node), CRM_JSON_FORMAT) != 0)
        {
          format_error (r, line, error, _("this is not a SalesCRM database export (its “format” "
                                          "is not “salescrm-database”)."));
          return FALSE;
        }
      r->have_format = TRUE;
    }
  else if (g_str_equal (name, "format_version") &&
           (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_int (node) > CRM_JSON_FORMAT_VERSION))
    {
      format_error (r, line, error, _("the export was written by a newer version of SalesCRM. "
                                      "Update SalesCRM to import it."));
      return FALSE;
    }
  else if (g_str_equal (name, "schema_version") &&
           (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_int (node) > CRM_DATABASE_SCHEMA_VERSION))
    {
      g_autofree char *message =
        g_strdup_printf (_("the export was written by a newer version of SalesCRM (data format "
                           "%d; this version reads up to %d). Update SalesCRM to import it."),
                         JSON_NODE_HOLDS_VALUE (node) ? (int) json_node_get_int (node) : 0,
                         CRM_DATABASE_SCHEMA_VERSION);
      format_error (r, line, error, message);
      return FALSE;
    }
  else if (g_str_equal (name, "sequences") && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&r->sequences, json_object_unref);
      r->sequences = json_object_ref (json_node_get_object (node));
    }
  return TRUE;
}

static gboolean
begin_table (Restore *r, const char *name, guint line, GError **error)
{
  g_autoptr(GString) sql = NULL;
  int index = -1;

  if (!r->have_format)
    {
      format_error (r, line, error, _("this is not a SalesCRM database export: its tables come "
                                      "before “format”."));
      return FALSE;
    }
  for (int t = 0; crm_json_tables[t] != NULL; t++)
    if (g_str_equal (crm_json_tables[t], name))
      index = t;
  if (index < 0 || index <= r->table)
    {
      g_autofree char *message =
        index < 0 ? g_strdup_printf (_("unknown table “%s”: was the export written by a newer "
                                       "version of SalesCRM?"), name)
                  : g_strdup_printf (_("the table “%s” comes after the tables that refer to it, "
                                       "or twice. Export the database again."), name);
      format_error (r, line, error, message);
      return FALSE;
    }
  r->table = index;
  r->table_row = 0;
  g_clear_pointer (&r->columns, g_ptr_array_unref);
  g_clear_pointer (&r->seen, g_free);
  r->columns = crm_json_table_columns (r->db, name, error);
  if (r->columns == NULL)
    return FALSE;
  r->seen = g_new0 (gboolean, r->columns->len);

  /* The database is empty but for what it makes by itself. */
  if (g_str_equal (name, "deal_stage_change") && !crm_database_exec (r->db, "DELETE FROM deal_stage_change", error))
    return FALSE;
  if (g_str_equal (name, "setting") && !crm_database_exec (r->db, "DELETE FROM setting", error))
    return FALSE;

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (", name);
  for (guint i = 0; i < r->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (const char *) r->columns->pdata[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < r->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');
  r->insert = crm_database_prepare (r->db, sql->str, error);
  return r->insert != NULL;
}

static void
count_row (Restore *r)
{
  const char *table = crm_json_tables[r->table];
  CrmRestoreCounts *c = r->counts;

  c->rows++;
  if (g_str_equal (table, "manager"))
    c->managers++;
  else if (g_str_equal (table, "client"))
    c->clients++;
  else if (g_str_equal (table, "activity"))
    c->activities++;
  else if (g_str_equal (table, "deal"))
    c->deals++;
  else if (g_str_equal (table, "payment"))
    c->payments++;
  else if (g_str_equal (table, "complaint"))
    c->complaints++;
  else if (g_str_equal (table, "kpi_target"))
    c->targets++;
}

static gboolean
bind_member (Restore *r, guint column, JsonNode *node)
{
  int index = (int) column + 1;

  if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (r->insert, index);
  else if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  else
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_INT64:
        sqlite3_bind_int64 (r->insert, index, json_node_get_int (node));
        break;
      case G_TYPE_DOUBLE:
        sqlite3_bind_double (r->insert, index, json_node_get_double (node));
        break;
      case G_TYPE_BOOLEAN:
        sqlite3_bind_int (r->insert, index, json_node_get_boolean (node));
        break;
      case G_TYPE_STRING:
        crm_bind_text (r->insert, index, json_node_get_string (node));
        break;
      default:
        return FALSE;
      }
  return TRUE;
}

static gboolean
insert_row (Restore *r, JsonNode *row, guint line, GError **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  GError *local_error = NULL;

  r->table_row++;
  if (r->table < 0 || !JSON_NODE_HOLDS_OBJECT (row))
    {
      format_error (r, line, error, _("a row must be an object inside a table."));
      return FALSE;
    }
  sqlite3_reset (r->insert);
  sqlite3_clear_bindings (r->insert);
  memset (r->seen, 0, sizeof (gboolean) * r->columns->len);
  json_object_iter_init (&iter, json_node_get_object (row));
  while (json_object_iter_next (&iter, &name, &node))
    {
      guint column;

      if (!g_ptr_array_find_with_equal_func (r->columns, name, g_str_equal, &column))
        {
          g_autofree char *message = g_strdup_printf (_("the table “%s” has no column “%s”: was the "
                                                        "export written by a newer version of "
                                                        "SalesCRM?"),
                                                      crm_json_tables[r->table], name);
          format_error (r, line, error, message);
          return FALSE;
        }
      if (!bind_member (r, column, node))
        {
          g_autofree char *message = g_strdup_printf (_("the value of “%s” is neither a number, a "
                                                        "text nor null."), name);
          format_error (r, line, error, message);
          return FALSE;
        }
      r->seen[column] = TRUE;
    }
  for (guint i = 0; i < r->columns->len; i++)
    if (!r->seen[i])
      {
        g_autofree char *message = g_strdup_printf (_("the row has no “%s”. Export the database "
                                                      "again."), (const char *) r->columns->pdata[i]);
        format_error (r, line, error, message);
        return FALSE;
      }
  if (!crm_database_step_done (r->db, r->insert, &local_error))
    {
      g_autofree char *where = position (r, line);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", where, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  count_row (r);
  if (r->counts->rows % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  return TRUE;
}

static gboolean
restore_sequences (Restore *r, GError **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (r->sequences == NULL)
    return TRUE;
  json_object_iter_init (&iter, r->sequences);
  while (json_object_iter_next (&iter, &name, &node))
    {
      sqlite3_stmt *stmt;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          !g_strv_contains (crm_json_tables, name))
        continue;
      stmt = crm_database_prepare (r->db,
        "INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2"
        " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)", error);
      if (stmt == NULL)
        return FALSE;
      crm_bind_text (stmt, 1, name);
      sqlite3_bind_int64 (stmt, 2, json_node_get_int (node));
      if (!crm_database_step_done (r->db, stmt, error))
        return FALSE;
      stmt = crm_database_prepare (r->db, "UPDATE sqlite_sequence SET seq = max (seq, ?2) WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      crm_bind_text (stmt, 1, name);
      sqlite3_bind_int64 (stmt, 2, json_node_get_int (node));
      if (!crm_database_step_done (r->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The first row whose parent is missing, named, rather than SQLite's
 * "FOREIGN KEY constraint failed" at the commit. */
static gboolean
check_references (Restore *r, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (r->db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = crm_database_step_row (r->db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *message =
        g_strdup_printf (_("the row no. %lld of the table “%s” refers to a row of “%s” that is not "
                           "in the export. The file is incomplete: export the database again."),
                         (long long) sqlite3_column_int64 (stmt, 1), crm_column_text (stmt, 0),
                         crm_column_text (stmt, 2));
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FORMAT, "%s: %s", r->file, message);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* ---- reading ------------------------------------------------------------ */

static JsonNode *
parse (Restore *r, const char *text, gsize len, guint line, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (r->parser, text, (gssize) len, &local_error))
    {
      format_error (r, line, error, local_error->message);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (r->parser));
}

static gboolean
header_line (Restore *r, const char *text, gsize len, guint line, GError **error)
{
  g_autofree char *object = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  while (len > 0 && (text[len - 1] == ',' || text[len - 1] == ' '))
    len--;
  object = g_strdup_printf ("{%.*s}", (int) len, text);
  node = parse (r, object, strlen (object), line, error);
  if (node == NULL)
    return FALSE;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    if (!header_member (r, name, value, line, error))
      return FALSE;
  return TRUE;
}

static void
report_progress (Restore *r, double fraction)
{
  if (r->progress != NULL && r->counts->rows % CHECK_EVERY == 0)
    r->progress (fraction, r->user_data);
}

/* The file as crm_export_store_json() writes it: one row per line. */
static gboolean
read_lines (Restore *r, const char *data, gsize size, GError **error)
{
  enum { HEAD, TABLES, TABLE, END, DONE } state = HEAD;
  const char *p = data, *end = data + size;
  guint line = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol != NULL ? eol + 1 : end;
      const char *s = p;
      gsize len;

      if (eol == NULL)
        eol = end;
      line++;
      while (s < eol && (*s == ' ' || *s == '\t'))
        s++;
      len = (gsize) (eol - s);
      while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' '))
        len--;
      p = next;
      if (len == 0 || line <= 1)
        continue;

      if (state == HEAD && len == strlen ("\"tables\": {") && strncmp (s, "\"tables\": {", len) == 0)
        state = TABLES;
      else if (state == HEAD)
        {
          if (!header_line (r, s, len, line, error))
            return FALSE;
        }
      else if (state == TABLES && s[0] == '"' && len > 4 && strncmp (s + len - 3, ": [", 3) == 0)
        {
          g_autofree char *name = g_strndup (s + 1, len - 5);

          if (!begin_table (r, name, line, error))
            return FALSE;
          state = TABLE;
        }
      else if (state == TABLES && len == 1 && s[0] == '}')
        state = END;
      else if (state == TABLE && s[0] == ']' && (len == 1 || (len == 2 && s[1] == ',')))
        state = TABLES;
      else if (state == TABLE && s[0] == '{')
        {
          g_autoptr(JsonNode) row = parse (r, s, s[len - 1] == ',' ? len - 1 : len, line, error);

          if (row == NULL || !insert_row (r, row, line, error))
            return FALSE;
          report_progress (r, (double) (p - data) / (double) size);
        }
      else if (state == END && len == 1 && s[0] == '}')
        state = DONE;
      else
        {
          format_error (r, line, error, _("the file was changed after SalesCRM wrote it and cannot "
                                          "be read. Export the database again."));
          return FALSE;
        }
    }
  if (state != DONE)
    {
      format_error (r, line, error, _("the file ends too early: it is incomplete. Export the "
                                      "database again."));
      return FALSE;
    }
  return TRUE;
}

/* Any other valid JSON of the same content: read whole. */
static gboolean
read_whole (Restore *r, const char *data, gsize size, GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *tables;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n_known = 0;

  if (size > MAX_WHOLE_FILE)
    {
      format_error (r, 0, error, _("the file is too large to be read unless it is exactly as "
                                   "SalesCRM wrote it (one row per line). Export the database "
                                   "again."));
      return FALSE;
    }
  root = parse (r, data, size, 0, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "tables") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "tables")))
    {
      format_error (r, 0, error, _("this is not a SalesCRM database export: it has no “tables”."));
      return FALSE;
    }
  object = json_node_get_object (root);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (!g_str_equal (name, "tables") && !header_member (r, name, node, 0, error))
      return FALSE;
  tables = json_object_get_object_member (object, "tables");
  for (gsize t = 0; crm_json_tables[t] != NULL; t++)
    {
      JsonNode *rows = json_object_get_member (tables, crm_json_tables[t]);
      JsonArray *array;

      if (rows == NULL)
        continue;
      n_known++;
      if (!begin_table (r, crm_json_tables[t], 0, error))
        return FALSE;
      if (!JSON_NODE_HOLDS_ARRAY (rows))
        {
          format_error (r, 0, error, _("a table must be a list of rows."));
          return FALSE;
        }
      array = json_node_get_array (rows);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!insert_row (r, json_array_get_element (array, i), 0, error))
            return FALSE;
          report_progress (r, 0.5);
        }
    }
  if (n_known < json_object_get_size (tables))
    {
      json_object_iter_init (&iter, tables);
      while (json_object_iter_next (&iter, &name, &node))
        if (!g_strv_contains (crm_json_tables, name))
          return begin_table (r, name, 0, error);
    }
  return TRUE;
}

static gboolean
database_is_blank (CrmDatabase *db, GError **error)
{
  for (gsize t = 0; crm_json_tables[t] != NULL; t++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (g_str_equal (crm_json_tables[t], "setting"))
        continue;
      sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", crm_json_tables[t]);
      stmt = crm_database_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      rc = crm_database_step_row (db, stmt, error);
      sqlite3_reset (stmt);
      if (rc < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        {
          g_autofree char *name = g_filename_display_name (crm_database_get_path (db));
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID,
                       _("The database “%s” is not empty. A full export is put back only into an "
                         "empty database, so that nothing in it is mixed up or overwritten: "
                         "choose a new database file and import the export there."), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Puts the JSON export at @path into @db, which must be empty (a new
 * file): every row with its id, in one transaction. On any error the
 * database is left as it was; with @dry_run it is left so in any case. */
gboolean
crm_import_store_restore_json (CrmDatabase *db, const char *path, gboolean dry_run,
                               CrmImportProgress progress, gpointer user_data,
                               GCancellable *cancellable, CrmRestoreCounts *counts, GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  CrmRestoreCounts ignored;
  Restore r = { 0 };
  const char *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_FAILED, _("Cannot read the file: %s"),
                   local_error->message);
      return FALSE;
    }
  data = g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  if (size == 0 || data == NULL)
    {
      g_autofree char *name = g_filename_display_name (base);
      g_set_error (error, CRM_IO_ERROR, CRM_IO_ERROR_EMPTY,
                   _("%s: the file is empty: there is nothing to import."), name);
      return FALSE;
    }

  r.db = db;
  r.file = g_filename_display_name (base);
  r.parser = json_parser_new_immutable ();
  r.table = -1;
  r.counts = counts != NULL ? counts : &ignored;
  r.progress = progress;
  r.user_data = user_data;
  r.cancellable = cancellable;
  memset (r.counts, 0, sizeof *r.counts);

  ok = crm_database_begin (db, error);
  if (ok)
    {
      ok = database_is_blank (db, error) &&
           crm_database_exec (db, "PRAGMA defer_foreign_keys = ON", error);
      if (ok)
        {
          gsize first = strlen (CRM_JSON_FIRST_LINE "\n" CRM_JSON_SECOND_LINE);

          if (size > first && strncmp (data, CRM_JSON_FIRST_LINE "\n" CRM_JSON_SECOND_LINE, first) == 0 &&
              (data[first] == '\n' || data[first] == '\r'))
            ok = read_lines (&r, data, size, error);
          else
            ok = read_whole (&r, data, size, error);
        }
      ok = ok && restore_sequences (&r, error) && check_references (&r, error);
      if (ok)
        {
          gboolean current;
          ok = crm_rollup_check_zone (db, &current, error);
        }
      if (ok && !dry_run)
        ok = crm_database_commit (db, error);
      else
        crm_database_rollback (db);
    }
  if (ok && progress != NULL)
    progress (1.0, user_data);

  g_clear_pointer (&r.columns, g_ptr_array_unref);
  g_clear_pointer (&r.seen, g_free);
  g_clear_pointer (&r.sequences, json_object_unref);
  g_clear_object (&r.parser);
  g_free (r.file);
  return ok;
}
