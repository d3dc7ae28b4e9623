/* crm-kpi-money.c — revenue, new and repeat clients, profitability, Pareto
 *
 * Revenue by manager and channel comes from the per-day rollup. The
 * per-client figures (new-client revenue, Pareto, loss-making clients)
 * stream the period's
 * payments and complaints from their covering indexes and add them up in a
 * hash table: cheaper than letting SQLite sort them for a GROUP BY.
 *
 * A manager's clients, for profitability, are the clients whose payments or
 * complaints of the period are credited to that manager.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-kpi-store-private.h"

#define MAX_PROBLEM_CLIENTS 200

typedef struct {
  gint64   revenue;
  gint64   cost;
  guint    complaints;
  gint64   manager_id;         /* the first manager seen with this client */
  gboolean is_new;             /* first payment ever in the period */
  gboolean several;            /* other managers too: see Money.pairs */
} ClientMoney;

typedef struct {
  GHashTable *clients;        /* client id → ClientMoney */
  GHashTable *pairs;          /* (client id, manager id) of clients with several managers */
  GHashTable *new_clients;    /* ids of the clients first paying in the period */
} Money;

static gboolean
revenue_by_source (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT manager_id, source, sum (revenue) FROM kpi_payment_day"
    " WHERE day >= ? AND day < ? GROUP BY manager_id, source", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      CrmKpiRow *row = kpi_row_for (c, sqlite3_column_int64 (stmt, 0));
      CrmClientSource source = CRM_SOURCE_OTHER;
      gint64 amount = sqlite3_column_int64 (stmt, 2);

      if (row == NULL)
        continue;
      crm_client_source_from_string (crm_column_text (stmt, 1), &source);
      row->figures.revenue += amount;
      row->figures.revenue_by_source[source] += amount;
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The clients whose first payment ever falls in the period: their payments
 * of the period are new-client revenue. An index-only scan. */
static gboolean
load_new_clients (KpiCtx *c, GHashTable *new_clients, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT id FROM client INDEXED BY client_by_first_paid WHERE first_paid_on >= ? AND first_paid_on < ?",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      *key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (new_clients, key);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static ClientMoney *
client_money (Money *m, gint64 client_id, gint64 manager_id)
{
  ClientMoney *cm = g_hash_table_lookup (m->clients, &client_id);

  if (cm == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = client_id;
      cm = g_new0 (ClientMoney, 1);
      cm->manager_id = manager_id;
      cm->is_new = g_hash_table_contains (m->new_clients, &client_id);
      g_hash_table_insert (m->clients, key, cm);
    }
  return cm;
}

/* Manager ids are small row ids: a pair packs into one 64-bit key. */
static void
add_pair (Money *m, gint64 client_id, gint64 manager_id)
{
  gint64 *key = g_new (gint64, 1);

  *key = (client_id << 20) | (manager_id & 0xfffff);
  g_hash_table_add (m->pairs, key);    /* a pair seen before: the key is replaced */
}

/* Most clients deal with one manager: only the others are kept as pairs. */
static void
note_manager (Money *m, ClientMoney *cm, gint64 client_id, gint64 manager_id)
{
  if (manager_id == cm->manager_id)
    return;
  if (!cm->several)
    {
      cm->several = TRUE;
      add_pair (m, client_id, cm->manager_id);
    }
  add_pair (m, client_id, manager_id);
}

/* Streams the period's payments (money = TRUE) or complaints into @m. */
static gboolean
stream_client_money (KpiCtx *c, Money *m, gboolean payments, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db, payments
    ? "SELECT client_id, manager_id, amount FROM payment INDEXED BY payment_by_day"
      " WHERE paid_on >= ?1 AND paid_on < ?2 AND (?3 = 0 OR manager_id = ?3)"
    : "SELECT client_id, manager_id, cost FROM complaint INDEXED BY complaint_by_day"
      " WHERE opened_on >= ?1 AND opened_on < ?2 AND (?3 = 0 OR manager_id = ?3)",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, c->from_day);
  crm_bind_text (stmt, 2, c->to_day);
  sqlite3_bind_int64 (stmt, 3, c->only_manager);
  while ((rc = crm_database_step_row (c->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 client_id = sqlite3_column_int64 (stmt, 0);
      gint64 manager_id = sqlite3_column_int64 (stmt, 1);
      ClientMoney *cm = client_money (m, client_id, manager_id);

      if (payments)
        {
          gint64 amount = sqlite3_column_int64 (stmt, 2);

          cm->revenue += amount;
          if (cm->is_new)
            {
              CrmKpiRow *row = kpi_row_for (c, manager_id);
              if (row != NULL)
                row->figures.new_client_revenue += amount;
            }
        }
      else
        {
          CrmKpiRow *row = kpi_row_for (c, manager_id);
          cm->cost += sqlite3_column_int64 (stmt, 2);
          cm->complaints++;
          if (row != NULL)
            row->figures.complaint_cost += sqlite3_column_int64 (stmt, 2);
        }
      note_manager (m, cm, client_id, manager_id);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_profitability (CrmKpiFigures *f, const ClientMoney *cm)
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

/* The worst clients, with their names and the manager who brought them
 * (their owner). */
static gboolean
name_problem_clients (KpiCtx *c, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (c->db,
    "SELECT c.name, c.owner_id, m.name FROM client c LEFT JOIN manager m ON m.id = c.owner_id"
    " WHERE c.id = ?", error);
  GPtrArray *lines = c->report->problem_clients;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_sort (lines, compare_lines);
  if (lines->len > MAX_PROBLEM_CLIENTS)
    g_ptr_array_remove_range (lines, MAX_PROBLEM_CLIENTS, lines->len - MAX_PROBLEM_CLIENTS);
  for (guint i = 0; i < lines->len; i++)
    {
      CrmKpiClientLine *line = lines->pdata[i];
      int rc;

      sqlite3_bind_int64 (stmt, 1, line->client_id);
      rc = crm_database_step_row (c->db, stmt, error);
      if (rc < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        {
          line->name = crm_column_dup_text (stmt, 0);
          line->manager_id = sqlite3_column_int64 (stmt, 1);
          line->manager_name = crm_column_dup_text (stmt, 2);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
kpi_query_money (KpiCtx *c, GError **error)
{
  Money m = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
  };
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = FALSE;

  if (!revenue_by_source (c, error) || !load_new_clients (c, m.new_clients, error) ||
      !stream_client_money (c, &m, TRUE, error) || !stream_client_money (c, &m, FALSE, error))
    goto out;
  for (guint r = 0; r < c->report->managers->len; r++)
    {
      CrmKpiRow *row = c->report->managers->pdata[r];
      row->figures.repeat_revenue = row->figures.revenue - row->figures.new_client_revenue;
    }

  /* Each manager's clients: the clients of one manager, then the others. */
  g_hash_table_iter_init (&iter, m.clients);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ClientMoney *cm = value;
      CrmKpiRow *row = cm->several ? NULL : kpi_row_for (c, cm->manager_id);
      if (row != NULL)
        add_profitability (&row->figures, cm);
    }
  g_hash_table_iter_init (&iter, m.pairs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 pair = *(gint64 *) key;
      gint64 client_id = pair >> 20;
      CrmKpiRow *row = kpi_row_for (c, pair & 0xfffff);
      ClientMoney *cm = g_hash_table_lookup (m.clients, &client_id);

      if (row != NULL && cm != NULL)
        add_profitability (&row->figures, cm);
    }

  /* The team's, the Pareto curve, the problem clients. */
  g_hash_table_iter_init (&iter, m.clients);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ClientMoney *cm = value;

      add_profitability (&c->report->team.figures, cm);
      if (cm->revenue > 0)
        g_array_append_val (c->report->client_revenue, cm->revenue);
      if (cm->revenue - cm->cost < 0 || cm->complaints > 0)
        {
          CrmKpiClientLine *line = g_new0 (CrmKpiClientLine, 1);
          line->client_id = *(gint64 *) key;
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
  g_hash_table_unref (m.pairs);
  g_hash_table_unref (m.new_clients);
  return ok;
}
