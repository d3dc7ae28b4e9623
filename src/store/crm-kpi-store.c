/* crm-kpi-store.c — the aggregate queries behind every KPI
 *
 * One query per group of figures, each grouped by manager so that the team,
 * one manager and the per-manager breakdown come from the same pass; every
 * query is served by a covering index (see crm-schema.c). The arithmetic is
 * core/crm-kpi.c's.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-kpi-store.h"

#define MAX_PROBLEM_CLIENTS 200

typedef struct {
  CrmDatabase        *db;
  CrmKpiReport       *report;
  const CrmSettings  *settings;
  gint64              only_manager;    /* 0: everybody */
  GHashTable         *rows;            /* manager id → CrmKpiRow (borrowed) */
  char               *from_day, *to_day;
  gint64              from_ts, to_ts;
  GDate               today;
  gint64              now;
} Ctx;

static CrmKpiRow *
row_for (Ctx *c, gint64 manager_id)
{
  return g_hash_table_lookup (c->rows, &manager_id);
}

/* Runs @stmt to the end, calling @each for every row. */
static gboolean
each_row (Ctx *c, sqlite3_stmt *stmt, void (*each) (Ctx *c, sqlite3_stmt *stmt, gpointer data),
          gpointer data, GError **error)
{
  int rc;

  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    each (c, stmt, data);
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- managers ----------------------------------------------------------- */

static gboolean
load_managers (Ctx *c, GError **error)
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

static void
activity_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  CrmKpiRow *row = row_for (c, sqlite3_column_int64 (stmt, 0));
  CrmKpiFigures *f;

  if (row == NULL)
    return;
  f = &row->figures;
  f->calls += sqlite3_column_int64 (stmt, 1);
  f->calls_inbound += sqlite3_column_int64 (stmt, 2);
  f->calls_outbound += sqlite3_column_int64 (stmt, 3);
  f->talk_minutes += sqlite3_column_int64 (stmt, 4);
  f->talk_minutes_inbound += sqlite3_column_int64 (stmt, 5);
  f->talk_minutes_outbound += sqlite3_column_int64 (stmt, 6);
  f->meetings_held += sqlite3_column_int64 (stmt, 7);
  f->meetings_planned += sqlite3_column_int64 (stmt, 8);
}

static gboolean
query_activities (Ctx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id,"
    " sum (type = 'call' AND state = 'done'),"
    " sum (type = 'call' AND state = 'done' AND direction = 'inbound'),"
    " sum (type = 'call' AND state = 'done' AND direction = 'outbound'),"
    " sum (CASE WHEN type = 'call' AND state = 'done' THEN duration_min ELSE 0 END),"
    " sum (CASE WHEN type = 'call' AND state = 'done' AND direction = 'inbound' THEN duration_min ELSE 0 END),"
    " sum (CASE WHEN type = 'call' AND state = 'done' AND direction = 'outbound' THEN duration_min ELSE 0 END),"
    " sum (type = 'meeting' AND state = 'done'),"
    " sum (type = 'meeting' AND state = 'planned')"
    " FROM activity INDEXED BY activity_by_time"
    " WHERE starts_at >= ?1 AND starts_at < ?2 AND rrule IS NULL"
    " GROUP BY manager_id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->from_ts);
  sqlite3_bind_int64 (stmt, 2, c->to_ts);
  return each_row (c, stmt, activity_row, NULL, error);
}

/* ---- payments: revenue, sources, new clients, profitability, Pareto ----- */

typedef struct {
  gint64 owner_id;
  gint64 revenue;
  gint64 cost;
  guint  complaints;
} ClientMoney;

typedef struct {
  GHashTable *clients;        /* client id → ClientMoney */
} MoneyData;

static ClientMoney *
client_money (MoneyData *m, gint64 client_id, gint64 owner_id)
{
  ClientMoney *cm = g_hash_table_lookup (m->clients, &client_id);

  if (cm == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = client_id;
      cm = g_new0 (ClientMoney, 1);
      cm->owner_id = owner_id;
      g_hash_table_insert (m->clients, key, cm);
    }
  return cm;
}

static void
payment_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  MoneyData *m = data;
  gint64 client_id = sqlite3_column_int64 (stmt, 0);
  gint64 owner_id = sqlite3_column_int64 (stmt, 1);
  CrmClientSource source = CRM_SOURCE_OTHER;
  gboolean is_new = sqlite3_column_int (stmt, 3) != 0;
  gint64 manager_id = sqlite3_column_int64 (stmt, 4);
  gint64 amount = sqlite3_column_int64 (stmt, 5);
  CrmKpiRow *row = row_for (c, manager_id);

  crm_client_source_from_string (crm_column_text (stmt, 2), &source);
  client_money (m, client_id, owner_id)->revenue += amount;
  if (row == NULL)
    return;
  row->figures.revenue += amount;
  row->figures.revenue_by_source[source] += amount;
  if (is_new)
    row->figures.new_client_revenue += amount;
  else
    row->figures.repeat_revenue += amount;
}

static void
complaint_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  MoneyData *m = data;
  ClientMoney *cm = client_money (m, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  CrmKpiRow *row = row_for (c, sqlite3_column_int64 (stmt, 1));

  cm->cost += sqlite3_column_int64 (stmt, 2);
  cm->complaints += sqlite3_column_int (stmt, 3);
  if (row != NULL)
    row->figures.complaint_cost += sqlite3_column_int64 (stmt, 2);
}

/* Profitability by the client's owner (the manager who brought the client)
 * over the clients with a payment or a complaint in the period. */
static void
add_profitability (CrmKpiFigures *f, ClientMoney *cm)
{
  gboolean loss = cm->revenue - cm->cost < 0;

  f->clients_active++;
  if (loss)
    f->clients_loss_making++;
  if (cm->complaints > 0)
    f->clients_with_complaints++;
  if (loss || cm->complaints > 0)
    f->clients_loss_or_complaint++;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  const CrmKpiClientLine *x = *(CrmKpiClientLine * const *) a;
  const CrmKpiClientLine *y = *(CrmKpiClientLine * const *) b;
  gint64 px = x->revenue - x->cost, py = y->revenue - y->cost;

  if (px != py)
    return px < py ? -1 : 1;
  return x->client_id < y->client_id ? -1 : (x->client_id > y->client_id);
}

static gboolean
name_problem_clients (Ctx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT c.name, m.name FROM client c LEFT JOIN manager m ON m.id = c.owner_id WHERE c.id = ?", error);
  GPtrArray *lines = c->report->problem_clients;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_sort (lines, compare_lines);
  if (lines->len > MAX_PROBLEM_CLIENTS)
    g_ptr_array_remove_range (lines, MAX_PROBLEM_CLIENTS, lines->len - MAX_PROBLEM_CLIENTS);
  for (guint i = 0; i < lines->len; i++)
    {
      CrmKpiClientLine *line = lines->pdata[i];
      sqlite3_bind_int64 (stmt, 1, line->client_id);
      if (crm_database_step_row (c->db, stmt, error) == SQLITE_ROW)
        {
          line->name = crm_column_dup_text (stmt, 0);
          line->manager_name = crm_column_dup_text (stmt, 1);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
query_money (Ctx *c, GError **error)
{
  MoneyData m = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free) };
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = FALSE;

  /* Payments of the period, per client and credited manager, with what the
   * client tells: source, owner, whether its first payment ever is in the
   * period (new-client revenue). */
  stmt = crm_database_prepare (c->db,
    "SELECT p.client_id, c.owner_id, c.source, c.first_paid_on >= ?1 AND c.first_paid_on < ?2,"
    " p.manager_id, sum (p.amount)"
    " FROM payment p INDEXED BY payment_by_day JOIN client c ON c.id = p.client_id"
    " WHERE p.paid_on >= ?1 AND p.paid_on < ?2"
    " GROUP BY p.client_id, p.manager_id", error);
  if (stmt == NULL)
    goto out;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  if (!each_row (c, stmt, payment_row, &m, error))
    goto out;

  stmt = crm_database_prepare (c->db,
    "SELECT k.client_id, c.owner_id, sum (k.cost), count (*)"
    " FROM complaint k JOIN client c ON c.id = k.client_id"
    " WHERE k.opened_on >= ?1 AND k.opened_on < ?2"
    " GROUP BY k.client_id", error);
  if (stmt == NULL)
    goto out;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  if (!each_row (c, stmt, complaint_row, &m, error))
    goto out;

  g_hash_table_iter_init (&iter, m.clients);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ClientMoney *cm = value;
      CrmKpiRow *row = row_for (c, cm->owner_id);

      if (c->only_manager != 0 && row == NULL)
        continue;             /* another manager's client */
      if (row != NULL)
        add_profitability (&row->figures, cm);
      add_profitability (&c->report->team.figures, cm);
      if (cm->revenue > 0)
        g_array_append_val (c->report->client_revenue, cm->revenue);
      if (cm->revenue - cm->cost < 0 || cm->complaints > 0)
        {
          CrmKpiClientLine *line = g_new0 (CrmKpiClientLine, 1);
          line->client_id = *(gint64 *) key;
          line->manager_id = cm->owner_id;
          line->revenue = cm->revenue;
          line->cost = cm->cost;
          line->complaints = cm->complaints;
          g_ptr_array_add (c->report->problem_clients, line);
          if (cm->revenue - cm->cost < 0)
            c->report->n_loss_making++;
        }
    }
  g_array_sort (c->report->client_revenue, crm_kpi_compare_desc);
  ok = name_problem_clients (c, error);

out:
  g_hash_table_unref (m.clients);
  return ok;
}

/* ---- clients, deals ----------------------------------------------------- */

static void
count_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  gsize offset = GPOINTER_TO_SIZE (data);
  CrmKpiRow *row = row_for (c, sqlite3_column_int64 (stmt, 0));

  if (row != NULL)
    G_STRUCT_MEMBER (gint64, &row->figures, offset) += sqlite3_column_int64 (stmt, 1);
}

static gboolean
query_new_prospects (Ctx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT owner_id, count (*) FROM client INDEXED BY client_by_created_owner"
    " WHERE created_at >= ?1 AND created_at < ?2 GROUP BY owner_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->from_ts);
  sqlite3_bind_int64 (stmt, 2, c->to_ts);
  /* The team counts every new client, also those nobody owns yet. */
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = row_for (c, sqlite3_column_int64 (stmt, 0));
      if (row != NULL)
        row->figures.new_prospects += sqlite3_column_int64 (stmt, 1);
      if (c->only_manager == 0)
        c->report->team.figures.new_prospects += sqlite3_column_int64 (stmt, 1);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
query_won_deals (Ctx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id, count (*) FROM deal INDEXED BY deal_by_closed"
    " WHERE closed_on >= ?1 AND closed_on < ?2 AND stage = 'won' GROUP BY manager_id", error);

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  return each_row (c, stmt, count_row, GSIZE_TO_POINTER (G_STRUCT_OFFSET (CrmKpiFigures, won_deals)), error);
}

static void
pipeline_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  CrmKpiRow *row = row_for (c, sqlite3_column_int64 (stmt, 0));

  if (row == NULL)
    return;
  /* Σ amount × probability% in minor units, rounded once at the end. */
  row->figures.weighted_pipeline = (sqlite3_column_int64 (stmt, 1) + 50) / 100;
  row->figures.forecast_30 = (sqlite3_column_int64 (stmt, 2) + 50) / 100;
  row->figures.forecast_60 = (sqlite3_column_int64 (stmt, 3) + 50) / 100;
}

/* Open deals as of today. The forecast takes the deals expected to close
 * before today + 30 (60) days, the overdue ones included: they are still
 * expected. */
static gboolean
query_pipeline (Ctx *c, GError **error)
{
  GDate d30 = c->today, d60 = c->today;
  g_autofree char *s30 = NULL;
  g_autofree char *s60 = NULL;
  sqlite3_stmt *stmt;

  g_date_add_days (&d30, 30);
  g_date_add_days (&d60, 60);
  s30 = crm_date_to_iso (&d30);
  s60 = crm_date_to_iso (&d60);
  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, sum (amount * probability),"
    " sum (CASE WHEN expected_close < ?1 THEN amount * probability ELSE 0 END),"
    " sum (CASE WHEN expected_close < ?2 THEN amount * probability ELSE 0 END)"
    " FROM deal INDEXED BY deal_by_manager"
    " WHERE stage <> 'won' AND stage <> 'lost' GROUP BY manager_id", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, s30);
  crm_bind_text (stmt, 2, s60);
  return each_row (c, stmt, pipeline_row, NULL, error);
}

typedef struct {
  gint64  deal_id;
  gint64  manager_id;
  GArray *stages;
  GArray *times;
} FunnelDeal;

static void
funnel_flush (Ctx *c, FunnelDeal *fd)
{
  CrmKpiRow *row = row_for (c, fd->manager_id);

  if (fd->deal_id != 0 && row != NULL)
    crm_kpi_funnel_add_deal (&row->figures, (const int *) fd->stages->data,
                             (const gint64 *) fd->times->data, fd->stages->len);
  g_array_set_size (fd->stages, 0);
  g_array_set_size (fd->times, 0);
}

static void
funnel_row (Ctx *c, sqlite3_stmt *stmt, gpointer data)
{
  FunnelDeal *fd = data;
  gint64 deal_id = sqlite3_column_int64 (stmt, 1);
  CrmDealStage stage = CRM_STAGE_NEW;
  int s;
  gint64 t = sqlite3_column_int64 (stmt, 3);

  if (deal_id != fd->deal_id)
    {
      funnel_flush (c, fd);
      fd->deal_id = deal_id;
      fd->manager_id = sqlite3_column_int64 (stmt, 0);
    }
  crm_deal_stage_from_string (crm_column_text (stmt, 2), &stage);
  s = stage;
  g_array_append_val (fd->stages, s);
  g_array_append_val (fd->times, t);
}

/* The deals created in the period and every stage change of each. */
static gboolean
query_funnel (Ctx *c, GError **error)
{
  FunnelDeal fd = { 0, 0, g_array_new (FALSE, FALSE, sizeof (int)), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT d.manager_id, s.deal_id, s.to_stage, s.changed_at"
    " FROM deal d INDEXED BY deal_by_created JOIN deal_stage_change s ON s.deal_id = d.id"
    " WHERE d.created_at >= ?1 AND d.created_at < ?2"
    " ORDER BY s.deal_id, s.changed_at, s.id", error);
  gboolean ok = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, c->from_ts);
      sqlite3_bind_int64 (stmt, 2, c->to_ts);
      ok = each_row (c, stmt, funnel_row, &fd, error);
      funnel_flush (c, &fd);
    }
  g_array_unref (fd.stages);
  g_array_unref (fd.times);
  return ok;
}

/* ---- targets ------------------------------------------------------------ */

typedef struct {
  GDate from, to;             /* the period, [from, to) */
  GHashTable *months;         /* manager id → GArray of CrmTarget seen */
} TargetData;

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
load_targets (Ctx *c, GError **error)
{
  GDate first, last;
  g_autofree char *from_month = NULL;
  g_autofree char *to_month = NULL;
  sqlite3_stmt *stmt;
  int n_months;

  crm_period_get_from (c->report->period, &first);
  crm_period_get_to (c->report->period, &last);
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

  {
    /* Per manager: prorated sums and how many months had each indicator. */
    g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
    int rc;

    while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
      {
        gint64 manager_id = sqlite3_column_int64 (stmt, 0);
        CrmKpiRow *row = row_for (c, manager_id);
        double *acc;
        GDate m_first, m_next, a, b;
        double share;

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
        crm_period_get_to (c->report->period, &b);
        if (g_date_compare (&m_next, &b) < 0)
          b = m_next;
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
  }
  return TRUE;
}

/* ---- risk, as of today -------------------------------------------------- */

typedef struct {
  gint64 revenue_6m, meetings_6m, calls_6m, meetings_30d;
  gint64 revenue_planned;     /* of this month and the next */
  int    revenue_months;      /* how many of the two have a revenue target */
  gint64 revenue_target_2m;
  double meetings_target_30d;
} RiskData;

static gboolean
query_risk (Ctx *c, GError **error)
{
  g_autoptr(GHashTable) data = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GDate month_start = c->today, history_start, next_month;
  g_autofree char *h_from = NULL, *h_to = NULL, *this_month = NULL, *next = NULL;
  gint64 h_from_ts, h_to_ts;
  sqlite3_stmt *stmt;
  int rc;
  RiskData team = { 0 };
  gboolean team_history = FALSE;

  g_date_set_day (&month_start, 1);
  history_start = month_start;
  g_date_subtract_months (&history_start, 6);
  next_month = month_start;
  g_date_add_months (&next_month, 1);
  h_from = crm_date_to_iso (&history_start);
  h_to = crm_date_to_iso (&month_start);
  h_from_ts = crm_date_to_unix_local (&history_start, NULL);
  h_to_ts = crm_date_to_unix_local (&month_start, NULL);
  this_month = g_strndup (h_to, 7);
  {
    g_autofree char *n = crm_date_to_iso (&next_month);
    next = g_strndup (n, 7);
  }

  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      RiskData *rd = g_new0 (RiskData, 1);
      rd->revenue_target_2m = CRM_NO_TARGET;
      rd->meetings_target_30d = NAN;
      g_hash_table_insert (data, &row->manager_id, rd);
    }

  /* The six months before this one. */
  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, sum (amount) FROM payment INDEXED BY payment_by_day"
    " WHERE paid_on >= ? AND paid_on < ? GROUP BY manager_id", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, h_from);
  crm_bind_text (stmt, 2, h_to);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RiskData *rd = g_hash_table_lookup (data, &id);
      if (rd != NULL)
        rd->revenue_6m = sqlite3_column_int64 (stmt, 1);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  stmt = crm_database_prepare (c->db,
    "SELECT manager_id,"
    " sum (type = 'meeting' AND state = 'done' AND starts_at >= ?1 AND starts_at < ?2),"
    " sum (type = 'call' AND state = 'done' AND starts_at >= ?1 AND starts_at < ?2),"
    " sum (type = 'meeting' AND state = 'done' AND starts_at >= ?3 AND starts_at < ?4)"
    " FROM activity INDEXED BY activity_by_time"
    " WHERE starts_at >= min (?1, ?3) AND starts_at < max (?2, ?4) AND rrule IS NULL"
    " GROUP BY manager_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h_from_ts);
  sqlite3_bind_int64 (stmt, 2, h_to_ts);
  sqlite3_bind_int64 (stmt, 3, c->now - 30 * 86400);
  sqlite3_bind_int64 (stmt, 4, c->now);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RiskData *rd = g_hash_table_lookup (data, &id);
      if (rd == NULL)
        continue;
      rd->meetings_6m = sqlite3_column_int64 (stmt, 1);
      rd->calls_6m = sqlite3_column_int64 (stmt, 2);
      rd->meetings_30d = sqlite3_column_int64 (stmt, 3);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  /* The plan: revenue of this month and the next (a month without a plan
   * is taken as planned like the other); meetings of this month, scaled to
   * 30 days. */
  stmt = crm_database_prepare (c->db,
    "SELECT manager_id, month, revenue, meetings FROM kpi_target WHERE month = ? OR month = ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, this_month);
  crm_bind_text (stmt, 2, next);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RiskData *rd = g_hash_table_lookup (data, &id);
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
                                  g_date_days_between (&month_start, &next_month);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      RiskData *rd = g_hash_table_lookup (data, &row->manager_id);
      if (rd->revenue_months > 0)
        rd->revenue_target_2m = rd->revenue_planned * 2 / rd->revenue_months;
    }

  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      RiskData *rd = g_hash_table_lookup (data, &row->manager_id);
      CrmRiskInput in = { 0 };

      in.forecast_60 = row->figures.forecast_60;
      in.revenue_target_2m = rd->revenue_target_2m;
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
      if (rd->revenue_target_2m != CRM_NO_TARGET)
        team.revenue_target_2m += rd->revenue_target_2m;
      if (isfinite (rd->meetings_target_30d))
        team.meetings_target_30d += rd->meetings_target_30d;
      team_history = team_history || in.has_history;
    }
  {
    CrmRiskInput in = { 0 };
    in.forecast_60 = c->report->team.figures.forecast_60;
    in.revenue_target_2m = team.revenue_target_2m > 0 ? team.revenue_target_2m : CRM_NO_TARGET;
    in.revenue_history_6m = team.revenue_6m;
    in.meetings_30d = team.meetings_30d;
    in.meetings_target_30d = team.meetings_target_30d > 0 ? team.meetings_target_30d : NAN;
    in.meetings_history_6m = team.meetings_6m;
    in.has_history = team_history;
    crm_kpi_risk (&in, c->settings, &c->report->team.derived.risk);
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
finish (Ctx *c)
{
  CrmKpiReport *report = c->report;
  g_autoptr(GArray) managers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 sources[CRM_N_SOURCES];
  CrmKpiFigures team = report->team.figures;   /* profitability and prospects counted already */

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
  report->team.figures.clients_active = team.clients_active;
  report->team.figures.clients_loss_making = team.clients_loss_making;
  report->team.figures.clients_with_complaints = team.clients_with_complaints;
  report->team.figures.clients_loss_or_complaint = team.clients_loss_or_complaint;
  if (c->only_manager == 0)
    report->team.figures.new_prospects = team.new_prospects;
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
  Ctx c = { 0 };
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
#define STEP(call) (ok = ok && (t0 = g_get_monotonic_time (), (call)) && (g_printerr ("%s: %.1f ms\n", #call, (g_get_monotonic_time () - t0) / 1000.0), TRUE))
  {
    gint64 t0;
    STEP (load_managers (&c, error));
    STEP (query_activities (&c, error));
    STEP (query_money (&c, error));
    STEP (query_new_prospects (&c, error));
    STEP (query_won_deals (&c, error));
    STEP (query_pipeline (&c, error));
    STEP (query_funnel (&c, error));
    STEP (load_targets (&c, error));
  }
  if (ok)
    {
      /* The pipeline is needed by the team's risk: add it up first. */
      for (guint r = 0; r < report->managers->len; r++)
        report->team.figures.forecast_60 += ((CrmKpiRow *) report->managers->pdata[r])->figures.forecast_60;
      gint64 t0 = g_get_monotonic_time ();
      ok = query_risk (&c, error);
      g_printerr ("query_risk: %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
    }
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
