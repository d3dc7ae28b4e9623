/* crm-trend-store.c — revenue by month and by client, for the dashboard charts
 *
 * Revenue by month sums the per-day payment rollup (kpi_payment_day) by the
 * month part of its day: a range scan of its primary key. Payments count on
 * their date, so this rollup never depends on the time zone. Revenue by
 * client streams the period's payments from their covering index, like the
 * KPI engine does for its Pareto figures, and names the clients that paid.
 * Revenue is credited to the payment's manager, as in every KPI.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-database-private.h"
#include "crm-trend-store.h"

void
crm_client_revenue_free (CrmClientRevenue *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line);
}

/* The revenue of @n_months months from @year-@month on, one gint64 (minor
 * units) per month, 0 for a month without payments; of the team
 * (@manager_id 0) or one manager. */
GArray *
crm_trend_store_revenue_by_month (CrmDatabase *db, int year, int month, guint n_months,
                                  gint64 manager_id, GError **error)
{
  g_autoptr(GArray) months = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int end, rc;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (n_months > 0 && n_months <= 12 * 100, NULL);

  months = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_months);
  g_array_set_size (months, n_months);
  end = year * 12 + (month - 1) + (int) n_months;
  from = g_strdup_printf ("%04d-%02d-01", year, month);
  to = g_strdup_printf ("%04d-%02d-01", end / 12, end % 12 + 1);

  stmt = crm_database_prepare (db,
    "SELECT CAST (substr (day, 1, 4) AS INTEGER), CAST (substr (day, 6, 2) AS INTEGER), sum (revenue)"
    " FROM kpi_payment_day WHERE day >= ?1 AND day < ?2 AND (?3 = 0 OR manager_id = ?3)"
    " GROUP BY substr (day, 1, 7)", error);
  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, from);
  crm_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, manager_id);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      int index = sqlite3_column_int (stmt, 0) * 12 + sqlite3_column_int (stmt, 1) - 1 - (year * 12 + month - 1);

      if (index >= 0 && (guint) index < n_months)
        g_array_index (months, gint64, index) = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&months);
}

/* Every client that paid in @period (to @manager_id, or to anybody when 0),
 * with the name and the owner, largest revenue first: CrmClientRevenue *. */
GPtrArray *
crm_trend_store_client_revenue (CrmDatabase *db, CrmPeriod *period, gint64 manager_id, GError **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  from = crm_period_get_from_iso (period);
  to = crm_period_get_to_iso (period);
  stmt = crm_database_prepare (db,
    "SELECT x.client_id, c.name, c.owner_id, x.revenue FROM"
    " (SELECT client_id, sum (amount) AS revenue FROM payment INDEXED BY payment_by_day"
    "  WHERE paid_on >= ?1 AND paid_on < ?2 AND (?3 = 0 OR manager_id = ?3)"
    "  GROUP BY client_id HAVING revenue > 0) x"
    " LEFT JOIN client c ON c.id = x.client_id"
    " ORDER BY x.revenue DESC, x.client_id", error);
  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, from);
  crm_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, manager_id);
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_client_revenue_free);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrmClientRevenue *line = g_new0 (CrmClientRevenue, 1);

      line->client_id = sqlite3_column_int64 (stmt, 0);
      line->name = g_strdup (crm_column_text (stmt, 1));
      line->owner_id = sqlite3_column_int64 (stmt, 2);
      line->revenue = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (lines, line);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&lines);
}
