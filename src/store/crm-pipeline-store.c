/* crm-pipeline-store.c — the figures of the pipeline board
 *
 * The board shows every open deal and the won and lost ones of the last
 * months, tens of thousands with years of work: it reads them a page at a
 * time, and their count and worth come from the indexes, without loading
 * them.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-deal-store-private.h"
#include "crm-pipeline-store.h"

/* The board's workers open a connection for one read and close it: a
 * page touches a few hundred rows once, and the totals walk the indexes
 * once, so the main connection's 16 MB page cache would only fill up with
 * pages read once. Filled or not, it is memory the worker thread's malloc
 * arena keeps after the connection closes. 2 MB serve as fast. */
CrmDatabase *
crm_pipeline_store_open (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr(CrmDatabase) db = crm_database_new (path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, error);

  if (db == NULL || !crm_database_exec (db, "PRAGMA cache_size = -2000", error))
    return NULL;
  return g_steal_pointer (&db);
}

gboolean
crm_pipeline_store_totals (CrmDatabase   *db,
                           gint64         manager_id,
                           const char    *closed_since,
                           CrmStageTotal  totals[CRM_N_STAGES],
                           GError       **error)
{
  /* Two halves, each on the index that answers it without reading the
   * deals themselves: the open ones from deal_by_manager (it holds the
   * stage and the amount), the closed ones by closing date. "+stage" keeps
   * the planner off the stage index, which it would pick for the GROUP BY
   * and then walk, row by row, through every deal ever won or lost. */
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT stage, count(*), coalesce (sum (amount), 0) FROM deal"
    " WHERE (?1 = 0 OR manager_id = ?1) AND +stage IN ('new', 'qualified', 'meeting', 'proposal', 'negotiation')"
    " GROUP BY +stage"
    " UNION ALL "
    "SELECT stage, count(*), coalesce (sum (amount), 0) FROM deal"
    " WHERE closed_on >= ?2 AND +stage IN ('won', 'lost') AND (?1 = 0 OR manager_id = ?1)"
    " GROUP BY +stage", error);
  int rc;

  g_return_val_if_fail (totals != NULL, FALSE);

  memset (totals, 0, sizeof (CrmStageTotal) * CRM_N_STAGES);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  crm_bind_text (stmt, 2, closed_since != NULL ? closed_since : "");
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrmDealStage stage;

      if (!crm_deal_stage_from_string (crm_column_text (stmt, 0), &stage))
        continue;
      totals[stage].count = sqlite3_column_int64 (stmt, 1);
      totals[stage].amount = sqlite3_column_int64 (stmt, 2);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- pages --------------------------------------------------------------- */

/* The deal first, so that the planner walks the index of the order and
 * looks the client and manager up by key. */
#define DEAL_FIRST \
  " FROM deal d CROSS JOIN client c ON c.id = d.client_id CROSS JOIN manager m ON m.id = d.manager_id"
#define OPEN_STAGES "('new', 'qualified', 'meeting', 'proposal', 'negotiation')"

static gboolean
read_rows (CrmDatabase *db, sqlite3_stmt *stmt, GPtrArray *out, GError **error)
{
  int rc;

  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (out, crm_deal_store_read_row (stmt));
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Appends up to @limit deals of one column after @after to @out, in the
 * board's order or, with @reverse, the opposite one. The open columns walk
 * deal_by_stage (stage, stage_changed_at), the closed ones deal_by_closed
 * (closed_on, …): "+" keeps the planner off the other indexes. */
static gboolean
read_column (CrmDatabase  *db,
             gint64        manager_id,
             CrmDealStage  stage,
             const char   *closed_since,
             CrmDeal      *after,
             gboolean      reverse,
             guint         limit,
             GPtrArray    *out,
             GError      **error)
{
  gboolean open = crm_deal_stage_is_open (stage);
  const char *key = open ? "d.stage_changed_at" : "d.closed_on";
  const char *dir = reverse ? "" : " DESC";
  g_autofree char *keyset = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (limit == 0)
    return TRUE;
  if (after != NULL)
    keyset = g_strdup_printf (" AND %s %s ?4 AND (%s, d.id) %s (?4, ?5)",
                              key, reverse ? ">=" : "<=", key, reverse ? ">" : "<");
  sql = g_strdup_printf ("SELECT " CRM_DEAL_COLUMNS DEAL_FIRST "%s%s ORDER BY %s%s, d.id%s LIMIT ?6",
                         open ? " WHERE d.stage = ?1 AND (?2 = 0 OR d.manager_id = ?2)"
                              : " WHERE d.closed_on >= ?3 AND +d.stage = ?1 AND (?2 = 0 OR +d.manager_id = ?2)",
                         keyset != NULL ? keyset : "", key, dir, dir);
  stmt = crm_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, crm_deal_stage_to_string (stage));
  sqlite3_bind_int64 (stmt, 2, MAX (manager_id, 0));
  crm_bind_text (stmt, 3, closed_since != NULL ? closed_since : "");
  if (after != NULL && open)
    sqlite3_bind_int64 (stmt, 4, after->stage_changed_at);
  else if (after != NULL)
    crm_bind_text (stmt, 4, after->closed_on != NULL ? after->closed_on : "");
  if (after != NULL)
    sqlite3_bind_int64 (stmt, 5, after->id);
  sqlite3_bind_int64 (stmt, 6, limit);
  return read_rows (db, stmt, out, error);
}

GPtrArray *
crm_pipeline_store_column_page (CrmDatabase   *db,
                                gint64         manager_id,
                                CrmDealStage   stage,
                                const char    *closed_since,
                                CrmDeal       *after,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (stage < CRM_N_STAGES, NULL);
  g_return_val_if_fail (after == NULL || after->stage == stage, NULL);

  if (!read_column (db, manager_id, stage, closed_since, after, FALSE, limit, deals, error))
    return NULL;
  return g_steal_pointer (&deals);
}

/* The columns one after the other (the last first when @reverse), from the
 * column of @after on, until @out holds @limit deals. */
static gboolean
read_board (CrmDatabase *db,
            gint64       manager_id,
            const char  *closed_since,
            CrmDeal     *after,
            gboolean     reverse,
            guint        limit,
            GPtrArray   *out,
            GError     **error)
{
  int step = reverse ? -1 : 1;
  int stage = after != NULL ? (int) after->stage : reverse ? CRM_STAGE_LOST : CRM_STAGE_NEW;

  for (; stage >= CRM_STAGE_NEW && stage <= CRM_STAGE_LOST && out->len < limit; stage += step)
    {
      CrmDeal *from = after != NULL && (int) after->stage == stage ? after : NULL;

      if (!read_column (db, manager_id, stage, closed_since, from, reverse, limit - out->len, out, error))
        return FALSE;
    }
  return TRUE;
}

/* The managers by name, or only the one the query names. */
static GArray *
list_managers (CrmDatabase *db, gint64 manager_id, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (manager_id > 0)
    {
      g_array_append_val (ids, manager_id);
      return g_steal_pointer (&ids);
    }
  stmt = crm_database_prepare (db, "SELECT id FROM manager ORDER BY crm_fold (name), id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* Manager by manager (a few dozen), each one's deals as the board. */
static gboolean
read_by_manager (CrmDatabase        *db,
                 const CrmDealQuery *query,
                 CrmDeal            *after,
                 guint               limit,
                 GPtrArray          *out,
                 GError            **error)
{
  g_autoptr(GArray) managers = list_managers (db, query->manager_id, error);
  int step = query->descending ? -1 : 1;
  int i;

  if (managers == NULL)
    return FALSE;
  i = query->descending ? (int) managers->len - 1 : 0;
  if (after != NULL)
    {
      /* The manager of the last deal shown: the page goes on from there. */
      while (i >= 0 && i < (int) managers->len && g_array_index (managers, gint64, i) != after->manager_id)
        i += step;
    }
  for (; i >= 0 && i < (int) managers->len && out->len < limit; i += step)
    {
      gint64 id = g_array_index (managers, gint64, i);
      CrmDeal *from = after != NULL && after->manager_id == id ? after : NULL;

      if (!read_board (db, id, query->closed_since, from, query->descending, limit, out, error))
        return FALSE;
    }
  return TRUE;
}

/* The sort keys the indexes of schema version 2 hold (crm-schema.c): the
 * expressions must stay the same as there for the index to serve. */
static const char *
order_key (CrmDealOrder order)
{
  switch (order)
    {
    case CRM_DEAL_ORDER_TITLE: return "crm_fold (d.title)";
    case CRM_DEAL_ORDER_AMOUNT: return "d.amount";
    case CRM_DEAL_ORDER_PROBABILITY: return "d.probability";
    case CRM_DEAL_ORDER_CLOSE: return "coalesce (d.closed_on, d.expected_close, '')";
    case CRM_DEAL_ORDER_BOARD:
    case CRM_DEAL_ORDER_CLIENT:
    case CRM_DEAL_ORDER_MANAGER:
    default: return NULL;
    }
}

/* One index walk in the order of a key of the deal (or, for the client
 * order, client_by_name with each client's deals from deal_by_client). The
 * filter is kept off the indexes ("+"): the order's index serves, and skips
 * the deals not shown without reading them. */
static gboolean
read_by_key (CrmDatabase        *db,
             const CrmDealQuery *query,
             CrmDeal            *after,
             guint               limit,
             GPtrArray          *out,
             GError            **error)
{
  const char *cmp = query->descending ? "<" : ">";
  const char *dir = query->descending ? " DESC" : "";
  gboolean client = query->order == CRM_DEAL_ORDER_CLIENT;
  const char *key = client ? "c.sort_key" : order_key (query->order);
  g_autofree char *keyset = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text_key = NULL;
  sqlite3_stmt *stmt;

  if (client)
    order = g_strdup_printf ("c.sort_key%s, c.id%s, d.id%s", dir, dir, dir);
  else
    order = g_strdup_printf ("%s%s, d.id%s", key, dir, dir);
  if (after != NULL)
    keyset = client
      ? g_strdup_printf (" AND c.sort_key %s= ?3 AND (c.sort_key, c.id, d.id) %s (?3, ?6, ?4)", cmp, cmp)
      : g_strdup_printf (" AND %s %s= ?3 AND (%s, d.id) %s (?3, ?4)", key, cmp, key, cmp);
  sql = g_strdup_printf ("SELECT " CRM_DEAL_COLUMNS "%s"
                         " WHERE (+d.stage IN " OPEN_STAGES " OR +d.closed_on >= ?1) AND (?2 = 0 OR +d.manager_id = ?2)"
                         "%s ORDER BY %s LIMIT ?5",
                         client ? " FROM client c CROSS JOIN deal d ON d.client_id = c.id"
                                  " CROSS JOIN manager m ON m.id = d.manager_id"
                                : DEAL_FIRST,
                         keyset != NULL ? keyset : "", order);
  stmt = crm_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, query->closed_since != NULL ? query->closed_since : "");
  sqlite3_bind_int64 (stmt, 2, MAX (query->manager_id, 0));
  if (after != NULL)
    {
      switch (query->order)
        {
        case CRM_DEAL_ORDER_AMOUNT:
          sqlite3_bind_int64 (stmt, 3, after->amount);
          break;
        case CRM_DEAL_ORDER_PROBABILITY:
          sqlite3_bind_int64 (stmt, 3, after->probability);
          break;
        case CRM_DEAL_ORDER_CLOSE:
          crm_bind_text (stmt, 3, after->closed_on != NULL ? after->closed_on
                                  : after->expected_close != NULL ? after->expected_close : "");
          break;
        case CRM_DEAL_ORDER_CLIENT:
          /* What client_sort_key() stores. */
          text_key = crm_store_fold (after->client_name);
          crm_bind_text (stmt, 3, text_key);
          sqlite3_bind_int64 (stmt, 6, after->client_id);
          break;
        case CRM_DEAL_ORDER_TITLE:
        default:
          text_key = crm_store_fold (after->title);
          crm_bind_text (stmt, 3, text_key);
          break;
        }
      sqlite3_bind_int64 (stmt, 4, after->id);
    }
  sqlite3_bind_int64 (stmt, 5, limit - out->len);
  return read_rows (db, stmt, out, error);
}

GPtrArray *
crm_pipeline_store_list_page (CrmDatabase        *db,
                              const CrmDealQuery *query,
                              CrmDeal            *after,
                              guint               limit,
                              GError            **error)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&deals);
  switch (query->order)
    {
    case CRM_DEAL_ORDER_BOARD:
      ok = read_board (db, query->manager_id, query->closed_since, after, query->descending, limit, deals, error);
      break;
    case CRM_DEAL_ORDER_MANAGER:
      ok = read_by_manager (db, query, after, limit, deals, error);
      break;
    case CRM_DEAL_ORDER_TITLE:
    case CRM_DEAL_ORDER_CLIENT:
    case CRM_DEAL_ORDER_AMOUNT:
    case CRM_DEAL_ORDER_PROBABILITY:
    case CRM_DEAL_ORDER_CLOSE:
    default:
      ok = read_by_key (db, query, after, limit, deals, error);
      break;
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&deals);
}
