/* crm-list-filter.c — payments and complaints by manager, client and period
 *
 * One statement per combination of filters, made of constant pieces, with
 * every value bound: each combination is served by its index (payment_by_
 * manager, payment_by_client, payment_by_day and the complaint's alike).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-database-private.h"
#include "crm-list-filter-private.h"

void
crm_list_filter_init (CrmListFilter *filter)
{
  memset (filter, 0, sizeof *filter);
}

GPtrArray *
crm_list_filter_run (CrmDatabase         *db,
                     const char          *select_from,
                     const char          *day_column,
                     const CrmListFilter *filter,
                     CrmListRowReader     read_row,
                     GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (select_from);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (filter != NULL, NULL);

  /* The pieces are the store's constants; ?1…?5 are always the same
   * values, bound whether the piece is there or not. */
  g_string_append (sql, " WHERE 1");
  if (filter->manager_id != 0)
    g_string_append (sql, " AND p.manager_id = ?1");
  if (filter->client_id != 0)
    g_string_append (sql, " AND p.client_id = ?2");
  if (filter->period != NULL)
    {
      from = crm_period_get_from_iso (filter->period);
      to = crm_period_get_to_iso (filter->period);
      g_string_append_printf (sql, " AND %s >= ?3 AND %s < ?4", day_column, day_column);
    }
  g_string_append_printf (sql, " ORDER BY %s DESC, p.id DESC LIMIT ?5", day_column);

  stmt = crm_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->manager_id);
  sqlite3_bind_int64 (stmt, 2, filter->client_id);
  crm_bind_text (stmt, 3, from);
  crm_bind_text (stmt, 4, to);
  sqlite3_bind_int64 (stmt, 5, filter->limit > 0 ? (gint64) filter->limit : -1);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
