/* crm-report-store.c — what the printed reports need beyond the KPIs
 *
 * The client profitability report lists clients by name with their payments
 * and complaint costs of the period; the KPI report keeps only the problem
 * clients. One grouped pass over the covering indexes of the period's
 * payments and complaints, then the names of the clients found.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-database-private.h"
#include "crm-kpi-store.h"
#include "crm-report-store.h"
#include "crm-setting-store.h"

static int
compare_result_desc (gconstpointer a, gconstpointer b)
{
  const CrmKpiClientLine *x = *(CrmKpiClientLine * const *) a;
  const CrmKpiClientLine *y = *(CrmKpiClientLine * const *) b;
  gint64 rx = x->revenue - x->cost, ry = y->revenue - y->cost;

  if (rx != ry)
    return rx > ry ? -1 : 1;
  return x->client_id < y->client_id ? -1 : (x->client_id > y->client_id);
}

GPtrArray *
crm_report_store_client_money (CrmDatabase *db, CrmPeriod *period, gint64 manager_id, GError **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  stmt = crm_database_prepare (db,
    "SELECT g.client_id, c.name, c.owner_id, m.name, g.revenue, g.cost, g.complaints"
    " FROM (SELECT client_id, sum (revenue) AS revenue, sum (cost) AS cost, sum (n) AS complaints"
    "        FROM (SELECT client_id, amount AS revenue, 0 AS cost, 0 AS n"
    "                FROM payment INDEXED BY payment_by_day"
    "               WHERE paid_on >= ?1 AND paid_on < ?2 AND (?3 = 0 OR manager_id = ?3)"
    "              UNION ALL"
    "              SELECT client_id, 0, cost, 1"
    "                FROM complaint INDEXED BY complaint_by_day"
    "               WHERE opened_on >= ?1 AND opened_on < ?2 AND (?3 = 0 OR manager_id = ?3))"
    "       GROUP BY client_id) AS g"
    " JOIN client c ON c.id = g.client_id"
    " LEFT JOIN manager m ON m.id = c.owner_id", error);
  if (stmt == NULL)
    return NULL;

  from = crm_period_get_from_iso (period);
  to = crm_period_get_to_iso (period);
  crm_bind_text (stmt, 1, from);
  crm_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, manager_id);
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_client_line_free);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiClientLine *line = g_new0 (CrmKpiClientLine, 1);

      line->client_id = sqlite3_column_int64 (stmt, 0);
      line->name = crm_column_dup_text (stmt, 1);
      line->manager_id = sqlite3_column_int64 (stmt, 2);
      line->manager_name = crm_column_dup_text (stmt, 3);
      line->revenue = sqlite3_column_int64 (stmt, 4);
      line->cost = sqlite3_column_int64 (stmt, 5);
      line->complaints = (guint) sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (lines, line);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  g_ptr_array_sort (lines, compare_result_desc);
  return g_steal_pointer (&lines);
}

CrmReportData *
crm_report_store_load (CrmDatabase *db, CrmPeriod *period, gint64 manager_id, gint64 now, GError **error)
{
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(CrmKpiReport) kpi = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GDateTime) today = NULL;
  GDate printed_on;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  settings = crm_setting_store_load (db, error);
  if (settings == NULL)
    return NULL;
  kpi = crm_kpi_store_compute (db, period, manager_id, settings, now, error);
  if (kpi == NULL)
    return NULL;
  clients = crm_report_store_client_money (db, period, manager_id, error);
  if (clients == NULL)
    return NULL;

  /* The header says when the report was made: the real day, also for a
   * report taken "as of" another day. */
  today = g_date_time_new_now_local ();
  g_date_clear (&printed_on, 1);
  g_date_set_dmy (&printed_on, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  return crm_report_data_new (g_steal_pointer (&kpi), g_steal_pointer (&clients),
                              g_steal_pointer (&settings), &printed_on);
}
