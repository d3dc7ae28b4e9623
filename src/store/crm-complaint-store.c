/* crm-complaint-store.c — claims and returns: what clients cost
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-database-private.h"
#include "crm-list-filter-private.h"
#include "crm-complaint-store.h"

#define COMPLAINT_COLUMNS \
  "p.id, p.client_id, c.name, p.manager_id, m.name, p.deal_id, p.opened_on, p.cost, p.status," \
  " p.description, p.created_at, p.updated_at"
#define COMPLAINT_FROM " FROM complaint p JOIN client c ON c.id = p.client_id JOIN manager m ON m.id = p.manager_id"

/* A CrmList row reader: returns the new object. */
static gpointer
read_complaint (sqlite3_stmt *stmt)
{
  CrmComplaint *p = crm_complaint_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->client_id = sqlite3_column_int64 (stmt, 1);
  p->client_name = crm_column_dup_text (stmt, 2);
  p->manager_id = sqlite3_column_int64 (stmt, 3);
  p->manager_name = crm_column_dup_text (stmt, 4);
  p->deal_id = sqlite3_column_int64 (stmt, 5);
  p->opened_on = crm_column_dup_text (stmt, 6);
  p->cost = sqlite3_column_int64 (stmt, 7);
  crm_complaint_status_from_string (crm_column_text (stmt, 8), &p->status);
  p->description = crm_column_dup_text (stmt, 9);
  p->created_at = sqlite3_column_int64 (stmt, 10);
  p->updated_at = sqlite3_column_int64 (stmt, 11);
  return p;
}

static gboolean
write_complaint (CrmDatabase *db, CrmComplaint *p, gboolean insert, GError **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, insert
    ? "INSERT INTO complaint (client_id, manager_id, deal_id, opened_on, cost, description, created_at,"
      " updated_at, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)"
    : "UPDATE complaint SET client_id = ?1, manager_id = ?2, deal_id = ?3, opened_on = ?4, cost = ?5,"
      " description = ?6, created_at = ?7, updated_at = ?8, status = ?10 WHERE id = ?9",
    error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_int64_or_null (stmt, 1, p->client_id, p->client_id <= 0);
  crm_bind_int64_or_null (stmt, 2, p->manager_id, p->manager_id <= 0);
  crm_bind_int64_or_null (stmt, 3, p->deal_id, p->deal_id <= 0);
  crm_bind_text (stmt, 4, p->opened_on);
  sqlite3_bind_int64 (stmt, 5, p->cost);
  crm_bind_text_or_empty (stmt, 6, p->description);
  crm_bind_text (stmt, 10, crm_complaint_status_to_string (p->status));
  sqlite3_bind_int64 (stmt, 7, p->created_at > 0 ? p->created_at : now);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 9, p->id);
  if (!crm_database_step_done (db, stmt, &local_error))
    {
      if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) &&
          crm_store_error_get_field (local_error) == NULL)
        {
          const CrmForeignRef refs[] = {
            { "client_id", "client", p->client_id },
            { "manager_id", "manager", p->manager_id },
            { "deal_id", "deal", p->deal_id },
          };
          g_clear_error (&local_error);
          crm_database_explain_foreign_key (db, &local_error, "complaint", refs, G_N_ELEMENTS (refs));
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (insert)
    p->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
  else if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The complaint no. %lld does not exist (any more)."), (long long) p->id);
      return FALSE;
    }
  if (p->created_at <= 0)
    p->created_at = now;
  p->updated_at = now;
  return TRUE;
}

gboolean
crm_complaint_store_create (CrmDatabase *db, CrmComplaint *complaint, GError **error)
{
  return write_complaint (db, complaint, TRUE, error);
}

gboolean
crm_complaint_store_update (CrmDatabase *db, CrmComplaint *complaint, GError **error)
{
  return write_complaint (db, complaint, FALSE, error);
}

CrmComplaint *
crm_complaint_store_get (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " COMPLAINT_COLUMNS COMPLAINT_FROM " WHERE p.id = ?", error);
  CrmComplaint *p = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    p = read_complaint (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("The complaint no. %lld does not exist (any more)."), (long long) id);
  sqlite3_reset (stmt);
  return p;
}

gboolean
crm_complaint_store_delete (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, "DELETE FROM complaint WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return crm_database_step_done (db, stmt, error);
}

GPtrArray *
crm_complaint_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error)
{
  CrmListFilter filter;

  crm_list_filter_init (&filter);
  filter.client_id = client_id;
  return crm_complaint_store_list (db, &filter, error);
}

/* The complaints @filter lets through, newest first. */
GPtrArray *
crm_complaint_store_list (CrmDatabase *db, const CrmListFilter *filter, GError **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  return crm_list_filter_run (db, "SELECT " COMPLAINT_COLUMNS COMPLAINT_FROM, "p.opened_on", filter,
                              read_complaint, error);
}
