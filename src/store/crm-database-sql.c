/* crm-database-sql.c — running SQL on the connection: statements prepared
 * once and kept, steps whose errors become CrmStoreError, text bound and
 * read, and nested transactions (savepoints) after which the tables
 * written are announced
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-database-object.h"
#include "crm-database-private.h"

/* ---- statements --------------------------------------------------------- */

void
crm_database_set_error (CrmDatabase *self, GError **error, int rc)
{
  crm_store_set_sqlite_error (error, self->db, rc, self->path);
}

sqlite3 *
crm_database_get_handle (CrmDatabase *self)
{
  return self->db;
}

sqlite3_stmt *
crm_database_prepare (CrmDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      g_prefix_error (error, "%s ", sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
crm_database_exec (CrmDatabase *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      crm_database_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_database_step_done (CrmDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      crm_database_set_error (self, error, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (self->transaction_depth == 0)
    crm_database_schedule_notification (self);
  return TRUE;
}

/* SQLITE_ROW, SQLITE_DONE, or -1 with @error set. */
int
crm_database_step_row (CrmDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  crm_database_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return -1;
}

void
crm_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
crm_bind_text_or_empty (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
crm_bind_int64_or_null (sqlite3_stmt *stmt, int index, gint64 value, gboolean is_null)
{
  if (is_null)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

char *
crm_column_dup_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

const char *
crm_column_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? (const char *) text : "";
}

gint64
crm_database_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
crm_database_check_writable (CrmDatabase *self, GError **error)
{
  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only (%s): changes cannot be saved."),
                   name, self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

/* ---- transactions ------------------------------------------------------- */

gboolean
crm_database_begin (CrmDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);

  if (!crm_database_check_writable (self, error))
    return FALSE;
  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT crm_sp%d", self->transaction_depth);
  if (!crm_database_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
crm_database_commit (CrmDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE crm_sp%d", self->transaction_depth - 1);
  if (!crm_database_exec (self, sql, error))
    {
      crm_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  if (self->transaction_depth == 0)
    crm_database_schedule_notification (self);
  return TRUE;
}

void
crm_database_rollback (CrmDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CRM_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO crm_sp%1$d; RELEASE crm_sp%1$d",
                           self->transaction_depth - 1);
  /* A failed COMMIT may already have ended the transaction. */
  if (sqlite3_get_autocommit (self->db) == 0 || self->transaction_depth > 1)
    sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->transaction_depth--;
  /* What was rolled back did not change (a savepoint's outer transaction
   * may still commit other rows: they are noted again when written). */
  if (self->transaction_depth == 0)
    g_hash_table_remove_all (self->changed_tables);
}

gboolean
crm_database_in_transaction (CrmDatabase *self)
{
  return self->transaction_depth > 0;
}
