/* crm-agenda-store.c — what a manager should follow up ("My day")
 *
 * The clients due are found per owner: each of the manager's clients costs
 * one seek in activity_by_client (client_id, starts_at, state) for its last
 * done activity and one for anything planned ahead (a series master is never
 * done, so the covering index answers alone). With thousands of clients a
 * manager this takes a good part of a second on the scale data set: the
 * screen reads it in a worker thread.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-agenda-store.h"
#include "crm-database-private.h"

#define CLIENTS_DUE \
  " FROM (SELECT c.id, c.name, c.company, c.phones, c.emails, c.status, c.created_at, c.kind," \
  "         (SELECT max (a.starts_at) FROM activity a" \
  "           WHERE a.client_id = c.id AND a.state = 'done') AS last" \
  "       FROM client c WHERE c.owner_id = ?1 AND c.status <> 'lost') d" \
  " WHERE coalesce (d.last, d.created_at) < ?2 - ?3 * 86400" \
  "   AND NOT EXISTS (SELECT 1 FROM activity p WHERE p.client_id = d.id AND p.state = 'planned'" \
  "                     AND p.starts_at >= ?2)"

#define STUCK_DEALS \
  " FROM deal d JOIN client c ON c.id = d.client_id" \
  " WHERE d.manager_id = ?1 AND d.stage NOT IN ('won', 'lost')" \
  "   AND d.stage_changed_at <= ?2 - ?3 * 86400"

typedef gpointer (*ReadRow) (sqlite3_stmt *stmt, gint64 manager_id);

/* One pass over the rows (manager ?1, now ?2, days ?3), in order: the
 * first @limit are read, all are counted. */
static GPtrArray *
read_list (CrmDatabase *db, const char *sql, gint64 manager_id, gint64 now, int days,
           guint limit, guint *total, ReadRow read, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, days);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    if (n++ < limit)
      g_ptr_array_add (list, read (stmt, manager_id));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  if (total != NULL)
    *total = n;
  return g_steal_pointer (&list);
}

static gpointer
read_client_due (sqlite3_stmt *stmt, gint64 manager_id)
{
  CrmClient *c = crm_client_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->name = crm_column_dup_text (stmt, 1);
  c->company = crm_column_dup_text (stmt, 2);
  c->phones = crm_column_dup_text (stmt, 3);
  c->emails = crm_column_dup_text (stmt, 4);
  crm_client_status_from_string (crm_column_text (stmt, 5), &c->status);
  c->created_at = sqlite3_column_int64 (stmt, 6);
  c->last_contact_at = sqlite3_column_int64 (stmt, 7);
  crm_client_kind_from_string (crm_column_text (stmt, 8), &c->kind);
  c->owner_id = manager_id;
  return c;
}

GPtrArray *
crm_agenda_store_clients_due (CrmDatabase *db, gint64 manager_id, gint64 now, int days, guint limit,
                              guint *total, GError **error)
{
  return read_list (db,
                    "SELECT d.id, d.name, d.company, d.phones, d.emails, d.status, d.created_at, d.last, d.kind"
                    CLIENTS_DUE
                    " ORDER BY coalesce (d.last, d.created_at), d.id",
                    manager_id, now, days, limit, total, read_client_due, error);
}

static gpointer
read_stuck_deal (sqlite3_stmt *stmt, gint64 manager_id)
{
  CrmDeal *d = crm_deal_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->client_id = sqlite3_column_int64 (stmt, 1);
  d->client_name = crm_column_dup_text (stmt, 2);
  d->title = crm_column_dup_text (stmt, 3);
  d->amount = sqlite3_column_int64 (stmt, 4);
  crm_deal_stage_from_string (crm_column_text (stmt, 5), &d->stage);
  d->probability = sqlite3_column_int (stmt, 6);
  d->stage_changed_at = sqlite3_column_int64 (stmt, 7);
  d->expected_close = crm_column_dup_text (stmt, 8);
  d->manager_id = manager_id;
  return d;
}

GPtrArray *
crm_agenda_store_stuck_deals (CrmDatabase *db, gint64 manager_id, gint64 now, int days, guint limit,
                              guint *total, GError **error)
{
  return read_list (db,
                    "SELECT d.id, d.client_id, c.name, d.title, d.amount, d.stage, d.probability, d.stage_changed_at,"
                    " d.expected_close" STUCK_DEALS " ORDER BY d.stage_changed_at, d.id",
                    manager_id, now, days, limit, total, read_stuck_deal, error);
}
