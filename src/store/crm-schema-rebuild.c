/* crm-schema-rebuild.c — a table made again with a new definition
 *
 * SQLite cannot change a column's CHECK. The documented way
 * (https://sqlite.org/lang_altertable.html, "making other kinds of table
 * schema changes") makes the new table beside the old one, copies the rows,
 * drops the old table, gives the new one its name and makes its indexes and
 * triggers again. It runs inside the caller's transaction (the migration's),
 * where foreign keys cannot be switched off: the tables rebuilt this way are
 * referred to by no other table, only by their own rows, so dropping the old
 * one cascades only into itself. A reference of the new table to itself
 * names the new table (a reference to the old name would cascade the old
 * table's deletion into the new rows); the rename turns it into the old name. Triggers of other tables that write into
 * the rebuilt one are dropped first and made again (a rename checks every
 * trigger, and theirs would name a table that is gone). The AUTOINCREMENT
 * counter is kept, so that ids of deleted rows are still never given again.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-database-private.h"

typedef struct {
  char *drop;        /* "DROP TRIGGER …", or NULL for an index (it goes with the table) */
  char *create;      /* the SQL sqlite_schema keeps */
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *o = data;

  g_free (o->drop);
  g_free (o->create);
  g_free (o);
}

/* The indexes and triggers of @table, and the triggers of other tables that
 * name it, indexes first. */
static GPtrArray *
dependent_objects (CrmDatabase *self, const char *table, GError **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (schema_object_free);
  sqlite3_stmt *stmt = crm_database_prepare (self,
    "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND"
    " ((type = 'index' AND tbl_name = ?1) OR"
    "  (type = 'trigger' AND (tbl_name = ?1 OR instr (sql, ?1) > 0)))"
    " ORDER BY type = 'trigger', rowid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, table);
  while ((rc = crm_database_step_row (self, stmt, error)) == SQLITE_ROW)
    {
      SchemaObject *o = g_new0 (SchemaObject, 1);

      if (g_str_equal (crm_column_text (stmt, 0), "trigger"))
        o->drop = g_strdup_printf ("DROP TRIGGER \"%s\"", crm_column_text (stmt, 1));
      o->create = crm_column_dup_text (stmt, 2);
      g_ptr_array_add (objects, o);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&objects);
}

/* The stored columns of @table, quoted and comma-separated. */
static char *
column_list (CrmDatabase *self, const char *table, GError **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  sqlite3_stmt *stmt = crm_database_prepare (self, "SELECT name FROM pragma_table_info (?)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, table);
  while ((rc = crm_database_step_row (self, stmt, error)) == SQLITE_ROW)
    g_string_append_printf (list, "%s\"%s\"", list->len > 0 ? ", " : "", crm_column_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The AUTOINCREMENT counter of @table; FALSE in *@found when it has none. */
static gboolean
read_sequence (CrmDatabase *self, const char *table, gint64 *seq, gboolean *found, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self, "SELECT seq FROM sqlite_sequence WHERE name = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, table);
  rc = crm_database_step_row (self, stmt, error);
  if (rc < 0)
    return FALSE;
  *found = rc == SQLITE_ROW;
  *seq = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_sequence (CrmDatabase *self, const char *table, gint64 seq, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self,
    "UPDATE sqlite_sequence SET seq = ?2 WHERE name = ?1 AND seq < ?2", error);

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, table);
  sqlite3_bind_int64 (stmt, 2, seq);
  if (!crm_database_step_done (self, stmt, error))
    return FALSE;
  stmt = crm_database_prepare (self,
    "INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2"
    " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, table);
  sqlite3_bind_int64 (stmt, 2, seq);
  return crm_database_step_done (self, stmt, error);
}

static gboolean
check_foreign_keys (CrmDatabase *self, const char *table, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (self, "SELECT count (*) FROM pragma_foreign_key_check (?)", error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, table);
  if (crm_database_step_row (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (n > 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CORRUPT,
                   _("Rows of the table “%s” refer to rows that do not exist (%lld of them). Restore the database from a backup copy; “salescrm check” lists them."),
                   table, (long long) n);
      return FALSE;
    }
  return TRUE;
}

/* Makes @table again from @create, which creates the table @table_new with
 * the same columns in the same order. Inside a transaction. @table and
 * @table_new are the store's constants, never user text. */
gboolean
crm_schema_rebuild_table (CrmDatabase *self,
                          const char  *table,
                          const char  *table_new,
                          const char  *create,
                          GError     **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *rename = NULL;
  gboolean has_seq = FALSE;
  gint64 seq = 0;

  g_return_val_if_fail (crm_database_in_transaction (self), FALSE);

  if ((objects = dependent_objects (self, table, error)) == NULL ||
      (columns = column_list (self, table, error)) == NULL ||
      !read_sequence (self, table, &seq, &has_seq, error))
    return FALSE;
  for (guint i = 0; i < objects->len; i++)
    {
      SchemaObject *o = objects->pdata[i];
      if (o->drop != NULL && !crm_database_exec (self, o->drop, error))
        return FALSE;
    }
  copy = g_strdup_printf ("INSERT INTO \"%s\" (%s) SELECT %s FROM \"%s\" ORDER BY rowid",
                          table_new, columns, columns, table);
  drop = g_strdup_printf ("DROP TABLE \"%s\"", table);
  rename = g_strdup_printf ("ALTER TABLE \"%s\" RENAME TO \"%s\"", table_new, table);
  if (!crm_database_exec (self, create, error) ||
      !crm_database_exec (self, copy, error) ||
      !crm_database_exec (self, drop, error) ||
      !crm_database_exec (self, rename, error))
    return FALSE;
  for (guint i = 0; i < objects->len; i++)
    {
      SchemaObject *o = objects->pdata[i];
      if (!crm_database_exec (self, o->create, error))
        return FALSE;
    }
  if (has_seq && !write_sequence (self, table, seq, error))
    return FALSE;
  return check_foreign_keys (self, table, error);
}
