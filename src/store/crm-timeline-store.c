/* crm-timeline-store.c — one client's history: activities, deals, payments, complaints
 *
 * Each kind is read newest first through its index on the client, at most
 * @limit rows, and the four lists are merged: a client with thousands of
 * payments costs no more than one with ten.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crm-database-private.h"
#include "crm-timeline-store.h"

void
crm_timeline_entry_free (CrmTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->object);
  g_free (entry);
}

guint
crm_client_summary_n_entries (const CrmClientSummary *summary)
{
  return summary->n_activities + summary->n_deals + summary->n_payments + summary->n_complaints;
}

/* The last second of a local day given as an ISO date. */
static gint64
end_of_day (const char *iso_date)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return 0;
  dt = g_date_time_new_local (y, m, d, 23, 59, 59);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static void
add_entry (GPtrArray *entries, CrmTimelineKind kind, gint64 at, gpointer object)
{
  CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);

  entry->kind = kind;
  entry->at = at;
  entry->object = object;
  g_ptr_array_add (entries, entry);
}

typedef void (*ReadRow) (sqlite3_stmt *stmt, gint64 client_id, GPtrArray *entries);

/* Runs @sql (the client's id and the limit as ?1 and ?2) and reads each row. */
static gboolean
read_rows (CrmDatabase *db, const char *sql, gint64 client_id, guint limit, ReadRow read,
           GPtrArray *entries, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    read (stmt, client_id, entries);
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
read_activity (sqlite3_stmt *stmt, gint64 client_id, GPtrArray *entries)
{
  CrmActivity *a = crm_activity_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->client_id = client_id;
  crm_activity_type_from_string (crm_column_text (stmt, 1), &a->type);
  crm_activity_state_from_string (crm_column_text (stmt, 2), &a->state);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    crm_direction_from_string (crm_column_text (stmt, 3), &a->direction);
  a->starts_at = sqlite3_column_int64 (stmt, 4);
  a->duration_min = sqlite3_column_int (stmt, 5);
  a->title = crm_column_dup_text (stmt, 6);
  a->outcome = crm_column_dup_text (stmt, 7);
  a->location = crm_column_dup_text (stmt, 8);
  a->manager_id = sqlite3_column_int64 (stmt, 9);
  a->manager_name = crm_column_dup_text (stmt, 10);
  a->deal_id = sqlite3_column_int64 (stmt, 11);
  a->rrule = crm_column_dup_text (stmt, 12);
  add_entry (entries, CRM_TIMELINE_ACTIVITY, a->starts_at, a);
}

static void
read_deal (sqlite3_stmt *stmt, gint64 client_id, GPtrArray *entries)
{
  CrmDeal *d = crm_deal_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->client_id = client_id;
  d->title = crm_column_dup_text (stmt, 1);
  d->amount = sqlite3_column_int64 (stmt, 2);
  crm_deal_stage_from_string (crm_column_text (stmt, 3), &d->stage);
  d->probability = sqlite3_column_int (stmt, 4);
  d->expected_close = crm_column_dup_text (stmt, 5);
  d->stage_changed_at = sqlite3_column_int64 (stmt, 6);
  d->closed_on = crm_column_dup_text (stmt, 7);
  d->lost_reason = crm_column_dup_text (stmt, 8);
  d->manager_id = sqlite3_column_int64 (stmt, 9);
  d->manager_name = crm_column_dup_text (stmt, 10);
  d->created_at = sqlite3_column_int64 (stmt, 11);
  add_entry (entries, CRM_TIMELINE_DEAL, d->stage_changed_at, d);
}

static void
read_payment (sqlite3_stmt *stmt, gint64 client_id, GPtrArray *entries)
{
  CrmPayment *p = crm_payment_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->client_id = client_id;
  p->paid_on = crm_column_dup_text (stmt, 1);
  p->amount = sqlite3_column_int64 (stmt, 2);
  p->note = crm_column_dup_text (stmt, 3);
  p->manager_id = sqlite3_column_int64 (stmt, 4);
  p->manager_name = crm_column_dup_text (stmt, 5);
  p->deal_id = sqlite3_column_int64 (stmt, 6);
  add_entry (entries, CRM_TIMELINE_PAYMENT, end_of_day (p->paid_on), p);
}

static void
read_complaint (sqlite3_stmt *stmt, gint64 client_id, GPtrArray *entries)
{
  CrmComplaint *k = crm_complaint_new ();

  k->id = sqlite3_column_int64 (stmt, 0);
  k->client_id = client_id;
  k->opened_on = crm_column_dup_text (stmt, 1);
  k->cost = sqlite3_column_int64 (stmt, 2);
  crm_complaint_status_from_string (crm_column_text (stmt, 3), &k->status);
  k->description = crm_column_dup_text (stmt, 4);
  k->manager_id = sqlite3_column_int64 (stmt, 5);
  k->manager_name = crm_column_dup_text (stmt, 6);
  k->deal_id = sqlite3_column_int64 (stmt, 7);
  add_entry (entries, CRM_TIMELINE_COMPLAINT, end_of_day (k->opened_on), k);
}

static gint64
entry_id (const CrmTimelineEntry *e)
{
  switch (e->kind)
    {
    case CRM_TIMELINE_ACTIVITY: return CRM_ACTIVITY (e->object)->id;
    case CRM_TIMELINE_DEAL: return CRM_DEAL (e->object)->id;
    case CRM_TIMELINE_PAYMENT: return CRM_PAYMENT (e->object)->id;
    case CRM_TIMELINE_COMPLAINT:
    default: return CRM_COMPLAINT (e->object)->id;
    }
}

/* Newest first; on the same second, by kind, then the newest row first. */
static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const CrmTimelineEntry *x = *(CrmTimelineEntry * const *) a;
  const CrmTimelineEntry *y = *(CrmTimelineEntry * const *) b;
  gint64 ix, iy;

  if (x->at != y->at)
    return x->at > y->at ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind > y->kind ? -1 : 1;
  ix = entry_id (x);
  iy = entry_id (y);
  return ix > iy ? -1 : ix < iy;
}

GPtrArray *
crm_timeline_store_list (CrmDatabase *db, gint64 client_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_timeline_entry_free);

  g_return_val_if_fail (CRM_IS_DATABASE (db), NULL);

  if (!read_rows (db,
                  "SELECT a.id, a.type, a.state, a.direction, a.starts_at, a.duration_min, a.title, a.outcome,"
                  " a.location, a.manager_id, m.name, a.deal_id, a.rrule"
                  " FROM activity a JOIN manager m ON m.id = a.manager_id"
                  " WHERE a.client_id = ?1 ORDER BY a.starts_at DESC, a.id DESC LIMIT ?2",
                  client_id, limit, read_activity, entries, error) ||
      !read_rows (db,
                  "SELECT d.id, d.title, d.amount, d.stage, d.probability, d.expected_close, d.stage_changed_at,"
                  " d.closed_on, d.lost_reason, d.manager_id, m.name, d.created_at"
                  " FROM deal d JOIN manager m ON m.id = d.manager_id"
                  " WHERE d.client_id = ?1 ORDER BY d.stage_changed_at DESC, d.id DESC LIMIT ?2",
                  client_id, limit, read_deal, entries, error) ||
      !read_rows (db,
                  "SELECT p.id, p.paid_on, p.amount, p.note, p.manager_id, m.name, p.deal_id"
                  " FROM payment p JOIN manager m ON m.id = p.manager_id"
                  " WHERE p.client_id = ?1 ORDER BY p.paid_on DESC, p.id DESC LIMIT ?2",
                  client_id, limit, read_payment, entries, error) ||
      !read_rows (db,
                  "SELECT k.id, k.opened_on, k.cost, k.status, k.description, k.manager_id, m.name, k.deal_id"
                  " FROM complaint k JOIN manager m ON m.id = k.manager_id"
                  " WHERE k.client_id = ?1 ORDER BY k.opened_on DESC, k.id DESC LIMIT ?2",
                  client_id, limit, read_complaint, entries, error))
    return NULL;
  g_ptr_array_sort (entries, compare_entries);
  if (entries->len > limit)
    g_ptr_array_set_size (entries, limit);
  return g_steal_pointer (&entries);
}

gboolean
crm_timeline_store_summary (CrmDatabase *db, gint64 client_id, CrmClientSummary *out, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  stmt = crm_database_prepare (db,
    "SELECT (SELECT count(*) FROM activity WHERE client_id = ?1),"
    " (SELECT count(*) FROM deal WHERE client_id = ?1),"
    " (SELECT count(*) FROM payment WHERE client_id = ?1),"
    " (SELECT coalesce(sum(amount), 0) FROM payment WHERE client_id = ?1),"
    " (SELECT count(*) FROM complaint WHERE client_id = ?1),"
    " (SELECT coalesce(sum(cost), 0) FROM complaint WHERE client_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (crm_database_step_row (db, stmt, error) == SQLITE_ROW)
    {
      out->n_activities = (guint) sqlite3_column_int64 (stmt, 0);
      out->n_deals = (guint) sqlite3_column_int64 (stmt, 1);
      out->n_payments = (guint) sqlite3_column_int64 (stmt, 2);
      out->revenue = sqlite3_column_int64 (stmt, 3);
      out->n_complaints = (guint) sqlite3_column_int64 (stmt, 4);
      out->complaint_cost = sqlite3_column_int64 (stmt, 5);
      out->result = out->revenue - out->complaint_cost;
      ok = TRUE;
    }
  sqlite3_reset (stmt);
  return ok;
}
