/* crm-deal-store.c — deals and their stage history
 *
 * The history (deal_stage_change) is written by triggers on deal: the
 * insert records the first stage, every change of stage records the move.
 * So no path can change a stage without leaving its trace.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-deal-store-private.h"
#include "crm-deal-store.h"
#include "crm-period.h"

CrmDeal *
crm_deal_store_read_row (sqlite3_stmt *stmt)
{
  CrmDeal *d = crm_deal_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->client_id = sqlite3_column_int64 (stmt, 1);
  d->client_name = crm_column_dup_text (stmt, 2);
  d->manager_id = sqlite3_column_int64 (stmt, 3);
  d->manager_name = crm_column_dup_text (stmt, 4);
  d->title = crm_column_dup_text (stmt, 5);
  d->amount = sqlite3_column_int64 (stmt, 6);
  crm_deal_stage_from_string (crm_column_text (stmt, 7), &d->stage);
  d->probability = sqlite3_column_int (stmt, 8);
  d->expected_close = crm_column_dup_text (stmt, 9);
  d->stage_changed_at = sqlite3_column_int64 (stmt, 10);
  d->closed_on = crm_column_dup_text (stmt, 11);
  d->lost_reason = crm_column_dup_text (stmt, 12);
  d->created_at = sqlite3_column_int64 (stmt, 13);
  d->updated_at = sqlite3_column_int64 (stmt, 14);
  return d;
}

static GPtrArray *
read_all (CrmDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, crm_deal_store_read_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static void
explain (CrmDatabase *db, GError **error, CrmDeal *deal)
{
  const CrmForeignRef refs[] = {
    { "client_id", "client", deal->client_id },
    { "manager_id", "manager", deal->manager_id },
  };

  if (g_error_matches (*error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) &&
      crm_store_error_get_field (*error) == NULL)
    {
      g_clear_error (error);
      crm_database_explain_foreign_key (db, error, "deal", refs, G_N_ELEMENTS (refs));
    }
}

gboolean
crm_deal_store_create (CrmDatabase *db, CrmDeal *deal, GError **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();
  gint64 created;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  created = deal->created_at > 0 ? deal->created_at : now;
  stmt = crm_database_prepare (db,
    "INSERT INTO deal (client_id, manager_id, title, amount, stage, probability, expected_close,"
    " stage_changed_at, closed_on, lost_reason, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_int64_or_null (stmt, 1, deal->client_id, deal->client_id <= 0);
  crm_bind_int64_or_null (stmt, 2, deal->manager_id, deal->manager_id <= 0);
  crm_bind_text (stmt, 3, deal->title);
  sqlite3_bind_int64 (stmt, 4, deal->amount);
  crm_bind_text (stmt, 5, crm_deal_stage_to_string (deal->stage));
  sqlite3_bind_int (stmt, 6, deal->probability);
  crm_bind_text (stmt, 7, deal->expected_close != NULL && *deal->expected_close ? deal->expected_close : NULL);
  sqlite3_bind_int64 (stmt, 8, deal->stage_changed_at > 0 ? deal->stage_changed_at : created);
  crm_bind_text (stmt, 9, deal->closed_on != NULL && *deal->closed_on ? deal->closed_on : NULL);
  crm_bind_text_or_empty (stmt, 10, deal->lost_reason);
  sqlite3_bind_int64 (stmt, 11, created);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!crm_database_step_done (db, stmt, &local_error))
    {
      explain (db, &local_error, deal);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  deal->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
  deal->created_at = created;
  if (deal->stage_changed_at <= 0)
    deal->stage_changed_at = created;
  deal->updated_at = now;
  return TRUE;
}

CrmDeal *
crm_deal_store_get (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " CRM_DEAL_COLUMNS CRM_DEAL_FROM " WHERE d.id = ?", error);
  CrmDeal *d = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crm_database_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    d = crm_deal_store_read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("The deal no. %lld does not exist (any more)."), (long long) id);
  sqlite3_reset (stmt);
  return d;
}

/* Updates everything but the stage (use crm_deal_store_set_stage). */
gboolean
crm_deal_store_update (CrmDatabase *db, CrmDeal *deal, GError **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db,
    "UPDATE deal SET client_id = ?, manager_id = ?, title = ?, amount = ?, probability = ?,"
    " expected_close = ?, lost_reason = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_int64_or_null (stmt, 1, deal->client_id, deal->client_id <= 0);
  crm_bind_int64_or_null (stmt, 2, deal->manager_id, deal->manager_id <= 0);
  crm_bind_text (stmt, 3, deal->title);
  sqlite3_bind_int64 (stmt, 4, deal->amount);
  sqlite3_bind_int (stmt, 5, deal->probability);
  crm_bind_text (stmt, 6, deal->expected_close != NULL && *deal->expected_close ? deal->expected_close : NULL);
  crm_bind_text_or_empty (stmt, 7, deal->lost_reason);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, deal->id);
  if (!crm_database_step_done (db, stmt, &local_error))
    {
      explain (db, &local_error, deal);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The deal no. %lld does not exist (any more)."), (long long) deal->id);
      return FALSE;
    }
  deal->updated_at = now;
  return TRUE;
}

gboolean
crm_deal_store_set_stage (CrmDatabase *db, gint64 id, CrmDealStage stage, const char *closed_on,
                          const char *lost_reason, gint64 changed_at, GError **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();
  gboolean closing = !crm_deal_stage_is_open (stage);

  if (!crm_database_check_writable (db, error))
    return FALSE;
  if (closing && (closed_on == NULL || *closed_on == '\0'))
    {
      GDate d;
      crm_date_set_today (&d);
      today = crm_date_to_iso (&d);
      closed_on = today;
    }
  stmt = crm_database_prepare (db,
    /* Moving to the stage it is in changes nothing in the history: its time
     * in the stage keeps counting from when it entered. */
    "UPDATE deal SET stage = ?1, stage_changed_at = CASE WHEN stage = ?1 THEN stage_changed_at ELSE ?2 END,"
    " closed_on = ?3,"
    " lost_reason = CASE WHEN ?1 = 'lost' THEN coalesce (?4, lost_reason) ELSE '' END,"
    " probability = ?5, updated_at = ?6"
    " WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, crm_deal_stage_to_string (stage));
  sqlite3_bind_int64 (stmt, 2, changed_at > 0 ? changed_at : now);
  crm_bind_text (stmt, 3, closing ? closed_on : NULL);
  crm_bind_text (stmt, 4, lost_reason);
  sqlite3_bind_int (stmt, 5, crm_deal_stage_default_probability (stage));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The deal no. %lld does not exist (any more)."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_deal_store_delete (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, "DELETE FROM deal WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return crm_database_step_done (db, stmt, error);
}

GPtrArray *
crm_deal_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " CRM_DEAL_COLUMNS CRM_DEAL_FROM " WHERE d.client_id = ? ORDER BY d.created_at DESC, d.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return read_all (db, stmt, error);
}

GArray *
crm_deal_store_history (CrmDatabase *db, gint64 deal_id, GError **error)
{
  g_autoptr(GArray) history = g_array_new (FALSE, TRUE, sizeof (CrmStageChange));
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT from_stage, to_stage, changed_at FROM deal_stage_change WHERE deal_id = ? ORDER BY changed_at, id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrmStageChange change = { -1, 0, 0 };
      CrmDealStage s;

      if (crm_deal_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), &s))
        change.from_stage = s;
      if (crm_deal_stage_from_string ((const char *) sqlite3_column_text (stmt, 1), &s))
        change.to_stage = s;
      change.changed_at = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (history, change);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&history);
}
