/* crm-kpi-risk.c — what the early warning is computed from, as of today
 *
 * The 60-day forecast comes with the pipeline; this adds the plans of this
 * month and the next, the meetings of the last 30 days (today included) and
 * the six full months before this one, all from the rollups.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <math.h>

#include "crm-kpi-store-private.h"

typedef struct {
  gint64 revenue_6m;
  gint64 meetings_6m;
  gint64 calls_6m;
  gint64 meetings_30d;
  gint64 revenue_planned;     /* of this month and the next */
  int    revenue_months;      /* how many of the two have a revenue plan */
  double meetings_target_30d;
} RiskData;

static RiskData *
risk_data (GHashTable *data, gint64 manager_id)
{
  return g_hash_table_lookup (data, &manager_id);
}

static gboolean
history_revenue (KpiCtx *c, const char *from, const char *to, GHashTable *data, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id, sum (revenue) FROM kpi_payment_day WHERE day >= ? AND day < ? GROUP BY manager_id",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, from);
  crm_bind_text (stmt, 2, to);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      RiskData *rd = risk_data (data, sqlite3_column_int64 (stmt, 0));
      if (rd != NULL)
        rd->revenue_6m = sqlite3_column_int64 (stmt, 1);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* This month's and the next month's plans: revenue for two months (a month
 * without a revenue plan is taken as planned like the other), meetings of
 * this month scaled to 30 days. */
static gboolean
plans (KpiCtx *c, const GDate *month_start, GHashTable *data, GError **error)
{
  GDate next = *month_start;
  g_autofree char *this_iso = crm_date_to_iso (month_start);
  g_autofree char *next_iso = NULL;
  char this_month[8], next_month[8];
  sqlite3_stmt *stmt;
  int rc;

  g_date_add_months (&next, 1);
  next_iso = crm_date_to_iso (&next);
  g_strlcpy (this_month, this_iso, sizeof this_month);
  g_strlcpy (next_month, next_iso, sizeof next_month);

  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, month, revenue, meetings FROM kpi_target WHERE month = ? OR month = ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, this_month);
  crm_bind_text (stmt, 2, next_month);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      RiskData *rd = risk_data (data, sqlite3_column_int64 (stmt, 0));
      gboolean current = g_str_equal (crm_column_text (stmt, 1), this_month);

      if (rd == NULL)
        continue;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          rd->revenue_planned += sqlite3_column_int64 (stmt, 2);
          rd->revenue_months++;
        }
      if (current && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        rd->meetings_target_30d = sqlite3_column_int64 (stmt, 3) * 30.0 /
                                  g_date_days_between (month_start, &next);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
kpi_query_risk (KpiCtx *c, GError **error)
{
  g_autoptr(GHashTable) data = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GHashTable) history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) recent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GDate month_start = c->today, history_start, recent_start = c->today, tomorrow = c->today;
  g_autofree char *h_from = NULL;
  g_autofree char *h_to = NULL;
  RiskData team = { 0 };
  gint64 team_forecast = 0;
  gboolean team_history = FALSE;

  g_date_set_day (&month_start, 1);
  history_start = month_start;
  g_date_subtract_months (&history_start, 6);
  g_date_subtract_days (&recent_start, 29);
  g_date_add_days (&tomorrow, 1);
  h_from = crm_date_to_iso (&history_start);
  h_to = crm_date_to_iso (&month_start);

  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      RiskData *rd = g_new0 (RiskData, 1);
      rd->meetings_target_30d = NAN;
      g_hash_table_insert (data, &row->manager_id, rd);
    }

  if (!history_revenue (c, h_from, h_to, data, error) ||
      !kpi_activity_days (c, &history_start, &month_start, history, error) ||
      !kpi_activity_days (c, &recent_start, &tomorrow, recent, error) ||
      !plans (c, &month_start, data, error))
    return FALSE;

  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      RiskData *rd = risk_data (data, row->manager_id);
      KpiActivitySums *h = g_hash_table_lookup (history, &row->manager_id);
      KpiActivitySums *n = g_hash_table_lookup (recent, &row->manager_id);
      CrmRiskInput in = { 0 };

      rd->meetings_6m = h != NULL ? h->meetings_held : 0;
      rd->calls_6m = h != NULL ? h->calls : 0;
      rd->meetings_30d = n != NULL ? n->meetings_held : 0;

      in.forecast_60 = row->figures.forecast_60;
      in.revenue_target_2m = rd->revenue_months > 0 ? rd->revenue_planned * 2 / rd->revenue_months
                                                    : CRM_NO_TARGET;
      in.revenue_history_6m = rd->revenue_6m;
      in.meetings_30d = rd->meetings_30d;
      in.meetings_target_30d = rd->meetings_target_30d;
      in.meetings_history_6m = rd->meetings_6m;
      in.has_history = rd->revenue_6m > 0 || rd->meetings_6m > 0 || rd->calls_6m > 0;
      in.inactive = !row->active;
      crm_kpi_risk (&in, c->settings, &row->derived.risk);

      if (!row->active)
        continue;
      team.revenue_6m += rd->revenue_6m;
      team.meetings_6m += rd->meetings_6m;
      team.meetings_30d += rd->meetings_30d;
      if (in.revenue_target_2m != CRM_NO_TARGET)
        team.revenue_planned += in.revenue_target_2m;
      if (isfinite (rd->meetings_target_30d))
        team.meetings_target_30d = (isfinite (team.meetings_target_30d) ? team.meetings_target_30d : 0) +
                                   rd->meetings_target_30d;
      team_forecast += row->figures.forecast_60;
      team_history = team_history || in.has_history;
    }

  {
    CrmRiskInput in = { 0 };
    in.forecast_60 = team_forecast;
    in.revenue_target_2m = team.revenue_planned > 0 ? team.revenue_planned : CRM_NO_TARGET;
    in.revenue_history_6m = team.revenue_6m;
    in.meetings_30d = team.meetings_30d;
    in.meetings_target_30d = team.meetings_target_30d > 0 ? team.meetings_target_30d : NAN;
    in.meetings_history_6m = team.meetings_6m;
    in.has_history = team_history;
    crm_kpi_risk (&in, c->settings, &c->report->team.derived.risk);
  }
  return TRUE;
}
