/* crm-activity-exchange.c — activities in and out of files (iCalendar)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-activity-exchange.h"
#include "crm-activity-store-private.h"
#include "crm-client-store.h"
#include "crm-manager-store.h"
#include "crm-recurrence.h"

CrmActivityImportItem *
crm_activity_import_item_new (CrmActivity *activity, guint line)
{
  CrmActivityImportItem *item = g_new0 (CrmActivityImportItem, 1);

  item->activity = g_object_ref (activity);
  item->line = line;
  return item;
}

void
crm_activity_import_item_free (CrmActivityImportItem *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->activity);
  g_free (item->series_uid);
  g_free (item);
}

/* ---- import ------------------------------------------------------------- */

typedef struct {
  CrmDatabase          *db;
  GPtrArray            *managers;       /* CrmManager, those that exist and those created */
  GHashTable           *clients;        /* folded name → client id (gint64 *) */
  gint64                default_manager;
  CrmImportProblemFunc  problem;
  gpointer              user_data;
} Import;

static gint64
find_manager (Import *im, const char *name, GError **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  g_autoptr(CrmManager) m = NULL;

  for (guint i = 0; i < im->managers->len; i++)
    {
      CrmManager *known = im->managers->pdata[i];
      g_autofree char *folded = g_utf8_casefold (known->name, -1);
      if (g_str_equal (folded, key))
        return known->id;
    }
  m = crm_manager_new ();
  m->name = g_strdup (name);
  m->active = TRUE;
  if (!crm_manager_store_create (im->db, m, error))
    return 0;
  g_ptr_array_add (im->managers, g_object_ref (m));
  return m->id;
}

static gint64
default_manager (Import *im, GError **error)
{
  const char *name;

  if (im->default_manager > 0)
    return im->default_manager;
  for (guint i = 0; i < im->managers->len; i++)
    if (((CrmManager *) im->managers->pdata[i])->active)
      return im->default_manager = ((CrmManager *) im->managers->pdata[i])->id;
  /* An empty database: the calendar is the user's own. */
  name = g_get_real_name ();
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return im->default_manager = find_manager (im, name, error);
}

static gint64
find_client (Import *im, const char *name, gint64 owner_id, GError **error)
{
  g_autofree char *key = crm_store_fold (name);
  gint64 *known = g_hash_table_lookup (im->clients, key);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (known != NULL)
    return *known;
  stmt = crm_database_prepare (im->db,
    "SELECT id FROM client WHERE sort_key = ?1 ORDER BY (name = ?2) DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  crm_bind_text (stmt, 1, key);
  crm_bind_text (stmt, 2, name);
  rc = crm_database_step_row (im->db, stmt, error);
  if (rc < 0)
    return 0;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autoptr(CrmClient) c = crm_client_new ();
      c->name = g_strdup (name);
      c->owner_id = owner_id;
      if (!crm_client_store_create (im->db, c, error))
        return 0;
      id = c->id;
    }
  g_hash_table_insert (im->clients, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

/* The fields a file from another calendar does not know keep what the
 * activity had: its type, who it is with, whether it was done. */
static void
keep_crm_fields (CrmActivity *a, CrmActivity *existing)
{
  a->type = existing->type;
  a->direction = existing->direction;
  a->deal_id = existing->deal_id;
  if (a->state != CRM_STATE_CANCELLED)
    a->state = existing->state;
  if (a->client_id <= 0 && (a->client_name == NULL || *a->client_name == '\0'))
    a->client_id = existing->client_id;
  if (a->manager_id <= 0 && (a->manager_name == NULL || *a->manager_name == '\0'))
    a->manager_id = existing->manager_id;
  if ((a->outcome == NULL || *a->outcome == '\0') && existing->outcome != NULL)
    {
      g_free (a->outcome);
      a->outcome = g_strdup (existing->outcome);
    }
}

static gboolean
attach_to_series (Import *im, CrmActivityImportItem *item, GError **error)
{
  CrmActivity *a = item->activity;
  g_autoptr(CrmActivity) master = crm_activity_store_get_by_uid (im->db, item->series_uid, NULL);

  if (master == NULL || master->rrule == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("the changed occurrence of “%s” has no repeating event in the file or the database; it was imported on its own"),
                         item->series_uid);
      im->problem (item->line, FALSE, message, im->user_data);
      a->series_id = 0;
      a->recurrence_at = 0;
      return TRUE;
    }
  a->series_id = master->id;
  if (!crm_exdates_contains (master->exdates, a->recurrence_at))
    {
      g_autofree char *exdates = crm_exdates_add (master->exdates, a->recurrence_at);
      g_free (master->exdates);
      master->exdates = g_steal_pointer (&exdates);
      return crm_activity_store_update (im->db, master, error);
    }
  return TRUE;
}

static gboolean
import_one (Import *im, CrmActivityImportItem *item, gboolean *created, GError **error)
{
  CrmActivity *a = item->activity;
  g_autoptr(CrmActivity) existing = crm_activity_store_get_by_uid (im->db, a->uid, NULL);

  if (existing != NULL && !item->full)
    keep_crm_fields (a, existing);
  if (a->manager_id <= 0)
    a->manager_id = a->manager_name != NULL && *a->manager_name != '\0'
                    ? find_manager (im, a->manager_name, error) : default_manager (im, error);
  if (a->manager_id <= 0)
    return FALSE;
  if (a->client_id <= 0 && a->client_name != NULL && *a->client_name != '\0')
    {
      a->client_id = find_client (im, a->client_name, a->manager_id, error);
      if (a->client_id <= 0)
        return FALSE;
    }
  if (item->series_uid != NULL && !attach_to_series (im, item, error))
    return FALSE;

  *created = existing == NULL;
  if (existing == NULL)
    return crm_activity_store_create (im->db, a, error);
  a->id = existing->id;
  a->created_at = existing->created_at;
  return crm_activity_store_update (im->db, a, error);
}

/* Errors that concern one activity, not the database. */
static gboolean
item_error (const GError *error)
{
  return g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) ||
         g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND) ||
         g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID);
}

gboolean
crm_activity_store_import (CrmDatabase *db, GPtrArray *items, gint64 default_manager_id,
                           guint *created, guint *updated,
                           CrmImportProblemFunc problem, gpointer user_data, GError **error)
{
  Import im = { db, NULL, NULL, default_manager_id, problem, user_data };
  guint n_created = 0, n_updated = 0;

  im.managers = crm_manager_store_list (db, TRUE, error);
  if (im.managers == NULL)
    return FALSE;
  im.clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!crm_database_begin (db, error))
    {
      g_ptr_array_unref (im.managers);
      g_hash_table_unref (im.clients);
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      CrmActivityImportItem *item = items->pdata[i];
      g_autoptr(GError) local_error = NULL;
      gboolean is_new = FALSE;

      /* A savepoint per activity: one the database refuses is left out
       * and the others still go in. */
      if (!crm_database_begin (db, &local_error))
        goto failed;
      if (!import_one (&im, item, &is_new, &local_error))
        {
          g_autofree char *message = NULL;

          crm_database_rollback (db);
          if (!item_error (local_error))
            goto failed;
          message = g_strdup_printf (_("not imported: %s"), local_error->message);
          problem (item->line, TRUE, message, user_data);
          /* A client or manager made for it went with the savepoint. */
          g_hash_table_remove_all (im.clients);
          g_clear_pointer (&im.managers, g_ptr_array_unref);
          im.managers = crm_manager_store_list (db, TRUE, &local_error);
          if (im.managers == NULL)
            goto failed;
          im.default_manager = default_manager_id;
          continue;
        }
      if (!crm_database_commit (db, &local_error))
        goto failed;
      if (is_new)
        n_created++;
      else
        n_updated++;
      continue;

    failed:
      g_propagate_error (error, g_steal_pointer (&local_error));
      while (crm_database_in_transaction (db))
        crm_database_rollback (db);
      g_clear_pointer (&im.managers, g_ptr_array_unref);
      g_hash_table_unref (im.clients);
      return FALSE;
    }

  g_ptr_array_unref (im.managers);
  g_hash_table_unref (im.clients);
  if (!crm_database_commit (db, error))
    return FALSE;
  if (created != NULL)
    *created = n_created;
  if (updated != NULL)
    *updated = n_updated;
  return TRUE;
}

/* ---- export ------------------------------------------------------------- */

gboolean
crm_activity_store_export (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                           CrmActivityExportFunc func, gpointer user_data, GError **error)
{
  g_autoptr(GPtrArray) masters = crm_activity_store_list_series (db, manager_id, to, error);
  sqlite3_stmt *stmt;
  int rc;

  if (masters == NULL)
    return FALSE;
  for (guint i = 0; i < masters->len; i++)
    {
      CrmActivity *m = masters->pdata[i];
      gint64 last = crm_recurrence_last_start (m->rrule, m->starts_at, m->all_day, m->tzid);
      /* A series over before the window is not part of it. */
      if (last >= 0 && last < from)
        continue;
      if (!func (m, NULL, user_data, error))
        return FALSE;
    }

  stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ", s.uid, s.tzid, s.all_day" ACTIVITY_FROM
    " LEFT JOIN activity s ON s.id = a.series_id"
    " WHERE a.rrule IS NULL AND a.starts_at >= ?2 AND a.starts_at < ?3 AND (?1 = 0 OR a.manager_id = ?1)"
    " ORDER BY a.starts_at, a.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(CrmActivity) a = crm_activity_read_row (stmt);
      CrmSeriesInfo series = {
        (const char *) sqlite3_column_text (stmt, 24), (const char *) sqlite3_column_text (stmt, 25),
        sqlite3_column_int (stmt, 26) != 0,
      };
      gboolean ok = func (a, series.uid != NULL ? &series : NULL, user_data, error);

      if (!ok)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

GStrv
crm_activity_store_series_zones (CrmDatabase *db, gint64 manager_id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT DISTINCT coalesce (tzid, '') FROM activity WHERE rrule IS NOT NULL"
    " AND (?1 = 0 OR manager_id = ?1) ORDER BY tzid", error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, crm_column_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

GArray *
crm_activity_store_detached_times (CrmDatabase *db, gint64 series_id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT recurrence_at FROM activity WHERE series_id = ?1 ORDER BY recurrence_at", error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (times, t);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&times);
}
