/* crm-kpi-store.c — the aggregate queries behind every KPI
 *
 * One query per group of figures, each grouped by manager so that the team,
 * one manager and the per-manager breakdown come from the same pass. The
 * activities, the revenue, the funnel and the pipeline come from the rollups
 * the triggers keep (crm-schema.c); the rest from covering indexes. The
 * arithmetic is core/crm-kpi.c's.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crm-kpi-store-private.h"

CrmKpiRow *
kpi_row_for (KpiCtx *c, gint64 manager_id)
{
  return g_hash_table_lookup (c->rows, &manager_id);
}

/* ---- managers ----------------------------------------------------------- */

static gboolean
load_managers (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT id, name, active FROM manager WHERE ?1 = 0 OR id = ?1 ORDER BY name, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->only_manager);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = crm_kpi_report_add_row (c->report, sqlite3_column_int64 (stmt, 0),
                                               crm_column_text (stmt, 1), sqlite3_column_int (stmt, 2) != 0);
      g_hash_table_insert (c->rows, &row->manager_id, row);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  if (c->only_manager != 0 && c->report->managers->len == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The manager no. %lld does not exist (any more)."), (long long) c->only_manager);
      return FALSE;
    }
  return TRUE;
}

/* ---- activities --------------------------------------------------------- */

/* Calls, talk minutes and meetings per manager over the local days
 * [from, to), into @out (manager id → KpiActivitySums). From the rollup;
 * from the raw rows when the rollup counts days in another zone. */
gboolean
kpi_activity_days (KpiCtx *c, const GDate *from, const GDate *to, GHashTable *out, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (crm_database_rollup_is_current (c->db))
    {
      g_autofree char *a = crm_date_to_iso (from);
      g_autofree char *b = crm_date_to_iso (to);

      stmt = crm_database_prepare (c->db,
        "SELECT manager_id, sum (calls), sum (calls_inbound), sum (calls_outbound), sum (talk_min),"
        " sum (talk_inbound), sum (talk_outbound), sum (meetings_held), sum (meetings_planned)"
        " FROM kpi_activity_day WHERE day >= ? AND day < ? GROUP BY manager_id", error);
      if (stmt == NULL)
        return FALSE;
      crm_bind_text (stmt, 1, a);
      crm_bind_text (stmt, 2, b);
    }
  else
    {
      stmt = crm_database_prepare (c->db,
        "SELECT manager_id,"
        " sum (type = 'call' AND state = 'done'),"
        " sum (type = 'call' AND state = 'done' AND direction IS 'inbound'),"
        " sum (type = 'call' AND state = 'done' AND direction IS 'outbound'),"
        " sum ((type = 'call' AND state = 'done') * duration_min),"
        " sum ((type = 'call' AND state = 'done' AND direction IS 'inbound') * duration_min),"
        " sum ((type = 'call' AND state = 'done' AND direction IS 'outbound') * duration_min),"
        " sum (type = 'meeting' AND state = 'done'),"
        " sum (type = 'meeting' AND state = 'planned')"
        " FROM activity INDEXED BY activity_by_time"
        " WHERE starts_at >= ?1 AND starts_at < ?2 AND rrule IS NULL"
        " GROUP BY manager_id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, crm_date_to_unix_local (from, NULL));
      sqlite3_bind_int64 (stmt, 2, crm_date_to_unix_local (to, NULL));
    }

  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      KpiActivitySums *s = g_new0 (KpiActivitySums, 1);
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      s->calls = sqlite3_column_int64 (stmt, 1);
      s->calls_inbound = sqlite3_column_int64 (stmt, 2);
      s->calls_outbound = sqlite3_column_int64 (stmt, 3);
      s->talk = sqlite3_column_int64 (stmt, 4);
      s->talk_inbound = sqlite3_column_int64 (stmt, 5);
      s->talk_outbound = sqlite3_column_int64 (stmt, 6);
      s->meetings_held = sqlite3_column_int64 (stmt, 7);
      s->meetings_planned = sqlite3_column_int64 (stmt, 8);
      g_hash_table_insert (out, key, s);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
query_activities (KpiCtx *c, GError **error)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GDate from, to;
  GHashTableIter iter;
  gpointer key, value;

  crm_period_get_from (c->report->period, &from);
  crm_period_get_to (c->report->period, &to);
  if (!kpi_activity_days (c, &from, &to, sums, error))
    return FALSE;
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CrmKpiRow *row = kpi_row_for (c, *(gint64 *) key);
      KpiActivitySums *s = value;

      if (row == NULL)
        continue;
      row->figures.calls = s->calls;
      row->figures.calls_inbound = s->calls_inbound;
      row->figures.calls_outbound = s->calls_outbound;
      row->figures.talk_minutes = s->talk;
      row->figures.talk_minutes_inbound = s->talk_inbound;
      row->figures.talk_minutes_outbound = s->talk_outbound;
      row->figures.meetings_held = s->meetings_held;
      row->figures.meetings_planned = s->meetings_planned;
    }
  return TRUE;
}

/* ---- clients and deals -------------------------------------------------- */

static gboolean
query_new_prospects (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT owner_id FROM client INDEXED BY client_by_created_owner"
    " WHERE created_at >= ?1 AND created_at < ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->from_ts);
  sqlite3_bind_int64 (stmt, 2, c->to_ts);
  /* Counted here rather than by GROUP BY, which would sort. The team
   * counts every new client, also those nobody owns yet. */
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      if (row != NULL)
        row->figures.new_prospects++;
      if (c->only_manager == 0)
        c->report->team.figures.new_prospects++;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
query_won_deals (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id FROM deal INDEXED BY deal_by_closed"
    " WHERE closed_on >= ?1 AND closed_on < ?2 AND stage = 'won'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      if (row != NULL)
        row->figures.won_deals++;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Open deals as of today, from the rollup by expected closing day. The
 * forecast takes the deals expected to close before today + 30 (60) days,
 * the overdue ones included: they are still expected. */
static gboolean
query_pipeline (KpiCtx *c, GError **error)
{
  GDate d30 = c->today, d60 = c->today;
  g_autofree char *s30 = NULL;
  g_autofree char *s60 = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_date_add_days (&d30, 30);
  g_date_add_days (&d60, 60);
  s30 = crm_date_to_iso (&d30);
  s60 = crm_date_to_iso (&d60);
  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, sum (weighted),"
    " sum (CASE WHEN close_on <> '' AND close_on < ?1 THEN weighted ELSE 0 END),"
    " sum (CASE WHEN close_on <> '' AND close_on < ?2 THEN weighted ELSE 0 END)"
    " FROM kpi_pipeline_day GROUP BY manager_id", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, s30);
  crm_bind_text (stmt, 2, s60);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      if (row == NULL)
        continue;
      /* Σ amount × probability% in minor units, rounded once. */
      row->figures.weighted_pipeline = (sqlite3_column_int64 (stmt, 1) + 50) / 100;
      row->figures.forecast_30 = (sqlite3_column_int64 (stmt, 2) + 50) / 100;
      row->figures.forecast_60 = (sqlite3_column_int64 (stmt, 3) + 50) / 100;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The deals created in the period, from the rollup by creation day: how
 * far each got (a deal that skipped a stage has passed through it; a won
 * deal has passed them all), how many were lost, and the time spent in
 * each stage by the deals that left it. */
static gboolean
query_funnel (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id, sum (created), sum (reached_qualified), sum (reached_meeting),"
    " sum (reached_proposal), sum (reached_negotiation), sum (reached_won), sum (lost),"
    " sum (stay_new), sum (left_new), sum (stay_qualified), sum (left_qualified),"
    " sum (stay_meeting), sum (left_meeting), sum (stay_proposal), sum (left_proposal),"
    " sum (stay_negotiation), sum (left_negotiation)"
    " FROM kpi_deal_day WHERE day >= ? AND day < ? GROUP BY manager_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      CrmKpiFigures *f;

      if (row == NULL)
        continue;
      f = &row->figures;
      f->funnel_created = sqlite3_column_int64 (stmt, 1);
      f->funnel_reached[0] = f->funnel_created;
      for (int k = 1; k < CRM_FUNNEL_STEPS; k++)
        f->funnel_reached[k] = sqlite3_column_int64 (stmt, 1 + k);
      f->funnel_lost = sqlite3_column_int64 (stmt, 7);
      for (int k = 0; k < CRM_N_OPEN_STAGES; k++)
        {
          f->funnel_stage_seconds[k] = (double) sqlite3_column_int64 (stmt, 8 + 2 * k);
          f->funnel_stage_stays[k] = sqlite3_column_int64 (stmt, 9 + 2 * k);
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- targets ------------------------------------------------------------ */

static void
month_bounds (const char *month, GDate *first, GDate *next)
{
  int y = atoi (month), m = atoi (month + 5);

  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, m, y);
  *next = *first;
  g_date_add_months (next, 1);
}

/* The target of a period: each month it touches, prorated by the share of
 * the month's days inside the period. An indicator has a target only when
 * every month touched has one. */
static gboolean
load_targets (KpiCtx *c, GError **error)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GDate first, end, last;
  g_autofree char *from_month = NULL;
  g_autofree char *to_month = NULL;
  sqlite3_stmt *stmt;
  int n_months, rc;

  crm_period_get_from (c->report->period, &first);
  crm_period_get_to (c->report->period, &end);
  last = end;
  g_date_subtract_days (&last, 1);
  from_month = g_strdup_printf ("%04d-%02d", g_date_get_year (&first), g_date_get_month (&first));
  to_month = g_strdup_printf ("%04d-%02d", g_date_get_year (&last), g_date_get_month (&last));
  n_months = crm_period_get_n_months (c->report->period);

  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, month, revenue, calls, talk_min, meetings, new_clients FROM kpi_target"
    " INDEXED BY kpi_target_by_month WHERE month >= ? AND month <= ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, from_month);
  crm_bind_text (stmt, 2, to_month);

  /* Per manager: prorated sums, then how many months had each indicator. */
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      GDate m_first, m_next, a, b;
      double *acc, share;

      if (row == NULL)
        continue;
      acc = g_hash_table_lookup (sums, &row->manager_id);
      if (acc == NULL)
        {
          acc = g_new0 (double, 2 * CRM_N_KPI);
          g_hash_table_insert (sums, &row->manager_id, acc);
        }
      month_bounds (crm_column_text (stmt, 1), &m_first, &m_next);
      a = g_date_compare (&m_first, &first) > 0 ? m_first : first;
      b = g_date_compare (&m_next, &end) < 0 ? m_next : end;
      share = (double) g_date_days_between (&a, &b) / g_date_days_between (&m_first, &m_next);
      for (int i = 0; i < CRM_N_KPI; i++)
        if (sqlite3_column_type (stmt, 2 + i) != SQLITE_NULL)
          {
            acc[i] += sqlite3_column_int64 (stmt, 2 + i) * share;
            acc[CRM_N_KPI + i] += 1;
          }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      double *acc = g_hash_table_lookup (sums, &row->manager_id);

      for (int i = 0; i < CRM_N_KPI; i++)
        row->figures.targets[i] = acc != NULL && (int) acc[CRM_N_KPI + i] == n_months
                                  ? (gint64) llround (acc[i]) : CRM_NO_TARGET;
    }
  return TRUE;
}

/* ---- the whole report --------------------------------------------------- */

static gboolean
row_is_empty (const CrmKpiRow *row)
{
  const CrmKpiFigures *f = &row->figures;
  return f->revenue == 0 && f->calls == 0 && f->meetings_held == 0 && f->meetings_planned == 0 &&
         f->new_prospects == 0 && f->weighted_pipeline == 0 && f->funnel_created == 0 &&
         f->clients_active == 0 && f->won_deals == 0;
}

static void
finish (KpiCtx *c)
{
  CrmKpiReport *report = c->report;
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 sources[CRM_N_SOURCES];
  CrmKpiFigures counted = report->team.figures;   /* profitability and prospects: counted already */

  /* Inactive managers with nothing in the period are left out. */
  for (guint r = report->managers->len; r-- > 0;)
    {
      CrmKpiRow *row = report->managers->pdata[r];
      if (!row->active && c->only_manager == 0 && row_is_empty (row))
        g_ptr_array_remove_index (report->managers, r);
    }

  crm_kpi_figures_init (&report->team.figures);
  for (guint r = 0; r < report->managers->len; r++)
    {
      CrmKpiRow *row = report->managers->pdata[r];
      crm_kpi_derive (&row->figures, c->settings, &row->derived);
      crm_kpi_figures_add (&report->team.figures, &row->figures);
      g_array_append_val (managers, row->figures.revenue);
    }
  report->team.figures.clients_active = counted.clients_active;
  report->team.figures.clients_loss_making = counted.clients_loss_making;
  report->team.figures.clients_with_complaints = counted.clients_with_complaints;
  report->team.figures.clients_loss_or_complaint = counted.clients_loss_or_complaint;
  if (c->only_manager == 0)
    report->team.figures.new_prospects = counted.new_prospects;
  crm_kpi_derive (&report->team.figures, c->settings, &report->team.derived);

  crm_kpi_pareto ((const gint64 *) report->client_revenue->data, report->client_revenue->len,
                  &report->pareto_clients);
  g_array_sort (managers, crm_kpi_compare_desc);
  crm_kpi_pareto ((const gint64 *) managers->data, managers->len, &report->pareto_managers);
  memcpy (sources, report->team.figures.revenue_by_source, sizeof sources);
  qsort (sources, CRM_N_SOURCES, sizeof (gint64), crm_kpi_compare_desc);
  crm_kpi_pareto (sources, CRM_N_SOURCES, &report->pareto_sources);
}

CrmKpiReport *
crm_kpi_store_compute (CrmDatabase       *db,
                       CrmPeriod         *period,
                       gint64             manager_id,
                       const CrmSettings *settings,
                       gint64             now,
                       GError           **error)
{
  g_autoptr(CrmKpiReport) report = NULL;
  g_autoptr(GDateTime) now_dt = NULL;
  KpiCtx c = { 0 };
  gboolean ok;
  gboolean own_transaction;

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL && settings != NULL, NULL);

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  now_dt = g_date_time_new_from_unix_local (now);
  report = crm_kpi_report_new (period, settings->currency, now);
  report->has_team = manager_id == 0;

  c.db = db;
  c.report = report;
  c.settings = settings;
  c.only_manager = manager_id;
  c.rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  c.from_day = crm_period_get_from_iso (period);
  c.to_day = crm_period_get_to_iso (period);
  c.from_ts = crm_period_get_start_unix (period, NULL);
  c.to_ts = crm_period_get_end_unix (period, NULL);
  c.now = now;
  g_date_clear (&c.today, 1);
  g_date_set_dmy (&c.today, g_date_time_get_day_of_month (now_dt), g_date_time_get_month (now_dt),
                  g_date_time_get_year (now_dt));

  /* One read transaction: every figure from the same snapshot. */
  own_transaction = !crm_database_in_transaction (db);
  ok = !own_transaction || crm_database_exec (db, "BEGIN", error);
  ok = ok && load_managers (&c, error) && query_activities (&c, error) && kpi_query_money (&c, error) &&
       query_new_prospects (&c, error) && query_won_deals (&c, error) && query_pipeline (&c, error) &&
       query_funnel (&c, error) && load_targets (&c, error) && kpi_query_risk (&c, error);
  if (own_transaction)
    crm_database_exec (db, "COMMIT", NULL);

  g_hash_table_unref (c.rows);
  g_free (c.from_day);
  g_free (c.to_day);
  if (!ok)
    return NULL;
  finish (&c);
  return g_steal_pointer (&report);
}
