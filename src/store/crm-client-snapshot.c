/* crm-client-snapshot.c — deleting a client with undo
 *
 * Before a client is deleted, every row that goes with it is copied into
 * memory, column by column, as SQLite values; the delete and the copy happen
 * in one transaction. Undo inserts the same rows with the same ids (never
 * reused: those tables use AUTOINCREMENT) in one transaction. If the app
 * closes while undo is offered, the deletion simply stands: nothing is
 * half-deleted.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-client-store.h"
#include "crm-database-private.h"

typedef struct {
  const char *table;
  const char *where;     /* with ?1 the client id: constant SQL */
  const char *conflict;  /* what to do when the row still exists */
} Part;

/* In the order of restoring: parents first. */
static const Part parts[] = {
  { "client", "id = ?1", "" },
  { "client_tag", "client_id = ?1", "" },
  { "deal", "client_id = ?1", "" },
  { "deal_stage_change", "deal_id IN (SELECT id FROM deal WHERE client_id = ?1)", "" },
  /* Another client's activity or payment may refer to one of these deals:
   * it stays (with deal_id set to NULL) and gets its deal back on undo. */
  { "activity", "client_id = ?1 OR deal_id IN (SELECT id FROM deal WHERE client_id = ?1)"
                " ORDER BY series_id IS NOT NULL, id",
    " ON CONFLICT (id) DO UPDATE SET deal_id = excluded.deal_id" },
  { "payment", "client_id = ?1 OR deal_id IN (SELECT id FROM deal WHERE client_id = ?1)",
    " ON CONFLICT (id) DO UPDATE SET deal_id = excluded.deal_id" },
  { "complaint", "client_id = ?1 OR deal_id IN (SELECT id FROM deal WHERE client_id = ?1)",
    " ON CONFLICT (id) DO UPDATE SET deal_id = excluded.deal_id" },
};

typedef struct {
  const Part *part;
  GPtrArray  *columns;   /* char * */
  GPtrArray  *rows;      /* GPtrArray of sqlite3_value * per row */
} TableRows;

struct _CrmClientSnapshot {
  gint64     client_id;
  TableRows  tables[G_N_ELEMENTS (parts)];
  guint      n_rows;
};

static void
free_value (gpointer value)
{
  sqlite3_value_free (value);
}

static void
free_row (gpointer row)
{
  g_ptr_array_unref (row);
}

void
crm_client_snapshot_free (CrmClientSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_clear_pointer (&snapshot->tables[i].columns, g_ptr_array_unref);
      g_clear_pointer (&snapshot->tables[i].rows, g_ptr_array_unref);
    }
  g_free (snapshot);
}

gint64
crm_client_snapshot_get_client_id (CrmClientSnapshot *snapshot)
{
  return snapshot->client_id;
}

guint
crm_client_snapshot_get_n_rows (CrmClientSnapshot *snapshot)
{
  return snapshot->n_rows;
}

/* The stored columns of @table (generated columns are left out: they cannot
 * be inserted). */
static GPtrArray *
table_columns (CrmDatabase *db, const char *table, GError **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT name FROM pragma_table_info (?)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, table);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (columns, crm_column_dup_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&columns);
}

static char *
join_columns (GPtrArray *columns)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "\"%s\"", (const char *) columns->pdata[i]);
    }
  return g_string_free (s, FALSE);
}

static gboolean
capture (CrmDatabase *db, TableRows *t, gint64 client_id, guint *n_rows, GError **error)
{
  g_autofree char *cols = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  t->columns = table_columns (db, t->part->table, error);
  if (t->columns == NULL)
    return FALSE;
  t->rows = g_ptr_array_new_with_free_func (free_row);
  cols = join_columns (t->columns);
  /* Table names, column names and the WHERE text are the store's own
   * constants and the schema's names: no user text. */
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", cols, t->part->table, t->part->where);
  stmt = crm_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (t->columns->len, free_value);
      for (guint c = 0; c < t->columns->len; c++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, (int) c)));
      g_ptr_array_add (t->rows, row);
      (*n_rows)++;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

CrmClientSnapshot *
crm_client_store_delete_with_snapshot (CrmDatabase *db, gint64 id, GError **error)
{
  g_autoptr(CrmClientSnapshot) snapshot = g_new0 (CrmClientSnapshot, 1);

  snapshot->client_id = id;
  if (!crm_database_begin (db, error))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      snapshot->tables[i].part = &parts[i];
      if (!capture (db, &snapshot->tables[i], id, &snapshot->n_rows, error))
        goto fail;
    }
  if (snapshot->tables[0].rows->len == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The client no. %lld does not exist (any more): it may have been deleted in another window."),
                   (long long) id);
      goto fail;
    }
  if (!crm_client_store_delete (db, id, error) || !crm_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&snapshot);

fail:
  if (crm_database_in_transaction (db))
    crm_database_rollback (db);
  return NULL;
}

static gboolean
restore_table (CrmDatabase *db, TableRows *t, GError **error)
{
  g_autofree char *cols = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GString) marks = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (t->rows->len == 0)
    return TRUE;
  for (guint c = 0; c < t->columns->len; c++)
    g_string_append (marks, c == 0 ? "?" : ", ?");
  cols = join_columns (t->columns);
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)%s", t->part->table, cols, marks->str,
                         t->part->conflict);
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = t->rows->pdata[r];

      stmt = crm_database_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint c = 0; c < row->len; c++)
        sqlite3_bind_value (stmt, (int) c + 1, row->pdata[c]);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Puts back everything the snapshot holds, in one transaction. */
gboolean
crm_client_store_restore (CrmDatabase *db, CrmClientSnapshot *snapshot, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!crm_database_begin (db, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!restore_table (db, &snapshot->tables[i], error))
        goto fail;
      if (g_str_equal (parts[i].table, "deal"))
        {
          /* Inserting a deal records its creation in the stage history by
           * trigger; the history comes back from the snapshot instead. */
          stmt = crm_database_prepare (db,
                                       "DELETE FROM deal_stage_change WHERE deal_id IN"
                                       " (SELECT id FROM deal WHERE client_id = ?)", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, snapshot->client_id);
          if (!crm_database_step_done (db, stmt, error))
            goto fail;
        }
    }
  /* The client row came back with its revenue and last contact, and the
   * triggers counted its payments and activities again on top: count them
   * once. */
  stmt = crm_database_prepare (db,
    "UPDATE client SET revenue_minor = coalesce ((SELECT sum (amount) FROM payment WHERE client_id = ?1), 0),"
    " last_contact_at = coalesce ((SELECT max (starts_at) FROM activity WHERE client_id = ?1 AND state = 'done'), 0)"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, snapshot->client_id);
  if (!crm_database_step_done (db, stmt, error) || !crm_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  if (crm_database_in_transaction (db))
    crm_database_rollback (db);
  g_prefix_error (error, _("The client could not be restored: "));
  return FALSE;
}
