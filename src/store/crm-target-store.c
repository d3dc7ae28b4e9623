/* crm-target-store.c — monthly KPI targets (the plan)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-database-private.h"
#include "crm-target-store.h"

static void
read_target (sqlite3_stmt *stmt, CrmTarget *t)
{
  crm_target_init (t, sqlite3_column_int64 (stmt, 0), crm_column_text (stmt, 1));
  for (int i = 0; i < CRM_N_KPI; i++)
    t->values[i] = sqlite3_column_type (stmt, 2 + i) == SQLITE_NULL
                   ? CRM_NO_TARGET : sqlite3_column_int64 (stmt, 2 + i);
}

/* Column order follows CrmKpiIndicator. */
#define TARGET_COLUMNS "manager_id, month, revenue, calls, talk_min, meetings, new_clients"

gboolean
crm_target_store_set (CrmDatabase *db, const CrmTarget *target, GError **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db,
    "INSERT INTO kpi_target (" TARGET_COLUMNS ", created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"
    " ON CONFLICT (manager_id, month) DO UPDATE SET revenue = excluded.revenue, calls = excluded.calls,"
    " talk_min = excluded.talk_min, meetings = excluded.meetings, new_clients = excluded.new_clients,"
    " updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target->manager_id);
  crm_bind_text (stmt, 2, target->month);
  for (int i = 0; i < CRM_N_KPI; i++)
    crm_bind_int64_or_null (stmt, 3 + i, target->values[i], target->values[i] == CRM_NO_TARGET);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!crm_database_step_done (db, stmt, &local_error))
    {
      if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) &&
          crm_store_error_get_field (local_error) == NULL)
        {
          const CrmForeignRef refs[] = { { "manager_id", "manager", target->manager_id } };
          g_clear_error (&local_error);
          crm_database_explain_foreign_key (db, &local_error, "kpi_target", refs, G_N_ELEMENTS (refs));
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_target_store_get (CrmDatabase *db, gint64 manager_id, const char *month, CrmTarget *out, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " TARGET_COLUMNS " FROM kpi_target WHERE manager_id = ? AND month = ?", error);
  int rc;

  crm_target_init (out, manager_id, month);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  crm_bind_text (stmt, 2, month);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    read_target (stmt, out);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
crm_target_store_delete (CrmDatabase *db, gint64 manager_id, const char *month, GError **error)
{
  sqlite3_stmt *stmt;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, "DELETE FROM kpi_target WHERE manager_id = ? AND month = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  crm_bind_text (stmt, 2, month);
  return crm_database_step_done (db, stmt, error);
}

GArray *
crm_target_store_list (CrmDatabase *db, const char *from_month, const char *to_month, GError **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (CrmTarget));
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " TARGET_COLUMNS " FROM kpi_target WHERE month BETWEEN ? AND ? ORDER BY month, manager_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, from_month);
  crm_bind_text (stmt, 2, to_month);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrmTarget t;
      read_target (stmt, &t);
      g_array_append_val (list, t);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
