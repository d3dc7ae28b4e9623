/* crm-pipeline-store.c — the figures of the pipeline board
 *
 * The board shows every open deal, but of the won and lost ones only the
 * recent few: a team that has worked for years has tens of thousands. Their
 * count and worth come from here, from the indexes, without loading them.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-database-private.h"
#include "crm-deal-store.h"
#include "crm-pipeline-store.h"

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

GPtrArray *
crm_pipeline_store_list_closed (CrmDatabase   *db,
                                gint64         manager_id,
                                CrmDealStage   stage,
                                const char    *closed_since,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (!crm_deal_stage_is_open (stage), NULL);

  stmt = crm_database_prepare (db,
    "SELECT id FROM deal"
    " WHERE closed_on >= ?2 AND +stage = ?3 AND (?1 = 0 OR +manager_id = ?1)"
    " ORDER BY closed_on DESC, id DESC LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  crm_bind_text (stmt, 2, closed_since != NULL ? closed_since : "");
  crm_bind_text (stmt, 3, crm_deal_stage_to_string (stage));
  sqlite3_bind_int64 (stmt, 4, limit);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  /* A few dozen lookups by key: the deal store reads them whole. */
  for (guint i = 0; i < ids->len; i++)
    {
      CrmDeal *deal = crm_deal_store_get (db, g_array_index (ids, gint64, i), error);
      if (deal == NULL)
        return NULL;
      g_ptr_array_add (deals, deal);
    }
  return g_steal_pointer (&deals);
}
