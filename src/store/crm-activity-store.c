/* crm-activity-store.c — calls, meetings and tasks
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-activity-store-private.h"
#include "crm-recurrence.h"

CrmActivity *
crm_activity_read_row (sqlite3_stmt *stmt)
{
  CrmActivity *a = crm_activity_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->uid = crm_column_dup_text (stmt, 1);
  crm_activity_type_from_string (crm_column_text (stmt, 2), &a->type);
  a->client_id = sqlite3_column_int64 (stmt, 3);
  a->client_name = crm_column_dup_text (stmt, 4);
  a->manager_id = sqlite3_column_int64 (stmt, 5);
  a->manager_name = crm_column_dup_text (stmt, 6);
  a->deal_id = sqlite3_column_int64 (stmt, 7);
  a->title = crm_column_dup_text (stmt, 8);
  a->starts_at = sqlite3_column_int64 (stmt, 9);
  a->duration_min = sqlite3_column_int (stmt, 10);
  a->all_day = sqlite3_column_int (stmt, 11) != 0;
  if (!crm_direction_from_string ((const char *) sqlite3_column_text (stmt, 12), &a->direction))
    a->direction = CRM_DIRECTION_NONE;
  crm_activity_state_from_string (crm_column_text (stmt, 13), &a->state);
  a->outcome = crm_column_dup_text (stmt, 14);
  a->location = crm_column_dup_text (stmt, 15);
  a->reminder_min = sqlite3_column_type (stmt, 16) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 16);
  a->rrule = crm_column_dup_text (stmt, 17);
  a->exdates = crm_column_dup_text (stmt, 18);
  a->tzid = crm_column_dup_text (stmt, 19);
  a->series_id = sqlite3_column_int64 (stmt, 20);
  a->recurrence_at = sqlite3_column_int64 (stmt, 21);
  a->created_at = sqlite3_column_int64 (stmt, 22);
  a->updated_at = sqlite3_column_int64 (stmt, 23);
  return a;
}

static GPtrArray *
read_all (CrmDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = crm_database_step_row (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, crm_activity_read_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static gboolean
write_activity (CrmDatabase *db, CrmActivity *a, gboolean insert, GError **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 now = crm_database_now ();

  if (!crm_database_check_writable (db, error))
    return FALSE;
  if (a->rrule != NULL && *a->rrule != '\0')
    {
      /* A rule that cannot be expanded is refused here, not shown as an
       * empty calendar later. */
      g_autofree char *rule = crm_recurrence_normalize (a->rrule, &local_error);
      if (rule == NULL)
        {
          GError *refused = g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID, "%s", local_error->message);
          crm_store_error_set_field (refused, "activity", "rrule");
          g_clear_error (&local_error);
          g_propagate_error (error, refused);
          return FALSE;
        }
      g_free (a->rrule);
      a->rrule = g_steal_pointer (&rule);
    }
  if (insert && (a->uid == NULL || *a->uid == '\0'))
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_free (a->uid);
      a->uid = g_strconcat (uuid, "@salescrm", NULL);
    }
  stmt = crm_database_prepare (db, insert
    ? "INSERT INTO activity (uid, type, client_id, manager_id, deal_id, title, starts_at, duration_min,"
      " all_day, direction, state, outcome, location, reminder_min, rrule, exdates, tzid, series_id,"
      " recurrence_at, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
    : "UPDATE activity SET uid = ?1, type = ?2, client_id = ?3, manager_id = ?4, deal_id = ?5, title = ?6,"
      " starts_at = ?7, duration_min = ?8, all_day = ?9, direction = ?10, state = ?11, outcome = ?12,"
      " location = ?13, reminder_min = ?14, rrule = ?15, exdates = ?16, tzid = ?17, series_id = ?18,"
      " recurrence_at = ?19, created_at = ?20, updated_at = ?21 WHERE id = ?22",
    error);
  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, a->uid);
  crm_bind_text (stmt, 2, crm_activity_type_to_string (a->type));
  crm_bind_int64_or_null (stmt, 3, a->client_id, a->client_id <= 0);
  crm_bind_int64_or_null (stmt, 4, a->manager_id, a->manager_id <= 0);
  crm_bind_int64_or_null (stmt, 5, a->deal_id, a->deal_id <= 0);
  crm_bind_text_or_empty (stmt, 6, a->title);
  sqlite3_bind_int64 (stmt, 7, a->starts_at);
  sqlite3_bind_int (stmt, 8, a->duration_min);
  sqlite3_bind_int (stmt, 9, a->all_day ? 1 : 0);
  crm_bind_text (stmt, 10, crm_direction_to_string (a->direction));
  crm_bind_text (stmt, 11, crm_activity_state_to_string (a->state));
  crm_bind_text_or_empty (stmt, 12, a->outcome);
  crm_bind_text_or_empty (stmt, 13, a->location);
  crm_bind_int64_or_null (stmt, 14, a->reminder_min, a->reminder_min < 0);
  crm_bind_text (stmt, 15, a->rrule != NULL && *a->rrule ? a->rrule : NULL);
  crm_bind_text (stmt, 16, a->exdates != NULL && *a->exdates ? a->exdates : NULL);
  crm_bind_text (stmt, 17, a->tzid != NULL && *a->tzid ? a->tzid : NULL);
  crm_bind_int64_or_null (stmt, 18, a->series_id, a->series_id <= 0);
  crm_bind_int64_or_null (stmt, 19, a->recurrence_at, a->series_id <= 0);
  sqlite3_bind_int64 (stmt, 20, a->created_at > 0 ? a->created_at : now);
  sqlite3_bind_int64 (stmt, 21, now);
  if (!insert)
    sqlite3_bind_int64 (stmt, 22, a->id);

  if (!crm_database_step_done (db, stmt, &local_error))
    {
      if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONSTRAINT) &&
          crm_store_error_get_field (local_error) == NULL)
        {
          const CrmForeignRef refs[] = {
            { "manager_id", "manager", a->manager_id },
            { "client_id", "client", a->client_id },
            { "deal_id", "deal", a->deal_id },
            { "series_id", "activity", a->series_id },
          };
          g_clear_error (&local_error);
          crm_database_explain_foreign_key (db, &local_error, "activity", refs, G_N_ELEMENTS (refs));
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (insert)
    a->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
  else if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The activity no. %lld does not exist (any more)."), (long long) a->id);
      return FALSE;
    }
  if (a->created_at <= 0)
    a->created_at = now;
  a->updated_at = now;
  return TRUE;
}

gboolean
crm_activity_store_create (CrmDatabase *db, CrmActivity *activity, GError **error)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (activity), FALSE);
  return write_activity (db, activity, TRUE, error);
}

gboolean
crm_activity_store_update (CrmDatabase *db, CrmActivity *activity, GError **error)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (activity), FALSE);
  return write_activity (db, activity, FALSE, error);
}

static CrmActivity *
get_one (CrmDatabase *db, sqlite3_stmt *stmt, const char *what, GError **error)
{
  CrmActivity *a = NULL;
  int rc = crm_database_step_row (db, stmt, error);

  if (rc == SQLITE_ROW)
    a = crm_activity_read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("The activity %s does not exist (any more)."), what);
  sqlite3_reset (stmt);
  return a;
}

CrmActivity *
crm_activity_store_get (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM " WHERE a.id = ?", error);
  g_autofree char *what = g_strdup_printf ("%lld", (long long) id);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return get_one (db, stmt, what, error);
}

CrmActivity *
crm_activity_store_get_by_uid (CrmDatabase *db, const char *uid, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM " WHERE a.uid = ?", error);

  if (stmt == NULL)
    return NULL;
  crm_bind_text (stmt, 1, uid);
  return get_one (db, stmt, uid, error);
}

gboolean
crm_activity_store_delete (CrmDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!crm_database_check_writable (db, error))
    return FALSE;
  stmt = crm_database_prepare (db, "DELETE FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return crm_database_step_done (db, stmt, error);
}

GPtrArray *
crm_activity_store_list_range (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, manager_id > 0
    ? "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
      " WHERE a.manager_id = ?1 AND a.starts_at >= ?2 AND a.starts_at < ?3 AND a.rrule IS NULL"
      " ORDER BY a.starts_at, a.id"
    : "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
      " WHERE ?1 = 0 AND a.starts_at >= ?2 AND a.starts_at < ?3 AND a.rrule IS NULL"
      " ORDER BY a.starts_at, a.id",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return read_all (db, stmt, error);
}

GPtrArray *
crm_activity_store_list_series (CrmDatabase *db, gint64 manager_id, gint64 to, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
    " WHERE a.rrule IS NOT NULL AND (?1 = 0 OR a.manager_id = ?1) AND a.starts_at < ?2"
    " ORDER BY a.starts_at, a.id",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  sqlite3_bind_int64 (stmt, 2, to);
  return read_all (db, stmt, error);
}

GPtrArray *
crm_activity_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM " WHERE a.client_id = ? ORDER BY a.starts_at DESC, a.id DESC",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return read_all (db, stmt, error);
}

GPtrArray *
crm_activity_store_find_conflicts (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                                   gint64 exclude_id, GError **error)
{
  /* An activity overlaps [from, to) when it starts before @to and ends after
   * @from. Nothing lasts longer than a week in practice: the lower bound
   * keeps the index range small. */
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
    " WHERE a.manager_id = ?1 AND a.starts_at < ?3 AND a.starts_at >= ?2 - 7 * 86400"
    "   AND a.starts_at + a.duration_min * 60 > ?2 AND a.state <> 'cancelled' AND a.id <> ?4"
    "   AND a.all_day = 0 AND a.rrule IS NULL AND a.duration_min > 0"
    " ORDER BY a.starts_at",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, exclude_id);
  return read_all (db, stmt, error);
}

/* ---- the calendar ------------------------------------------------------- */

/* How far back a row may start and still reach into a window: a meeting
 * from the evening before that runs past midnight. */
#define LOOKBACK (24 * 3600)

static int
compare_by_start (gconstpointer pa, gconstpointer pb)
{
  const CrmActivity *a = *(CrmActivity * const *) pa;
  const CrmActivity *b = *(CrmActivity * const *) pb;

  if (a->starts_at != b->starts_at)
    return a->starts_at < b->starts_at ? -1 : 1;
  if (a->all_day != b->all_day)
    return a->all_day ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return a->series_id < b->series_id ? -1 : a->series_id > b->series_id;
}

/* Appends the occurrences of every series of @manager_id in [from, to) for
 * which @keep says yes (NULL: all). */
static gboolean
expand_series (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to, GPtrArray *out,
               gboolean (*keep) (CrmActivity *occurrence, gpointer data), gpointer data,
               GError **error)
{
  g_autoptr(GPtrArray) masters = crm_activity_store_list_series (db, manager_id, to, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (masters == NULL)
    return FALSE;
  for (guint i = 0; i < masters->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_ptr_array_set_size (found, 0);
      if (!crm_recurrence_expand_activity (masters->pdata[i], from, to, found, &local_error))
        g_debug ("Series %s: %s", ((CrmActivity *) masters->pdata[i])->uid, local_error->message);
      for (guint k = 0; k < found->len; k++)
        if (keep == NULL || keep (found->pdata[k], data))
          g_ptr_array_add (out, g_object_ref (found->pdata[k]));
    }
  return TRUE;
}

GPtrArray *
crm_activity_store_list_occurrences (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                                     GError **error)
{
  g_autoptr(GPtrArray) rows = crm_activity_store_list_range (db, manager_id, from - LOOKBACK, to, error);
  g_autoptr(GPtrArray) list = NULL;

  if (rows == NULL)
    return NULL;
  list = g_ptr_array_new_full (rows->len + 16, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      CrmActivity *a = rows->pdata[i];
      if (a->starts_at >= from || crm_activity_get_end (a) > from)
        g_ptr_array_add (list, g_object_ref (a));
    }
  if (!expand_series (db, manager_id, from, to, list, NULL, NULL, error))
    return NULL;
  g_ptr_array_sort (list, compare_by_start);
  return g_steal_pointer (&list);
}

typedef struct {
  CrmActivity *editing;
  gint64       from;
  gint64       to;
} BusyFilter;

static gboolean
keep_busy (CrmActivity *o, gpointer data)
{
  BusyFilter *f = data;

  if (o->state == CRM_STATE_CANCELLED || o->all_day || o->duration_min <= 0)
    return FALSE;
  if (o->starts_at >= f->to || o->starts_at + (gint64) o->duration_min * 60 <= f->from)
    return FALSE;
  if (f->editing != NULL)
    {
      /* The series being edited as a whole, or this very occurrence. */
      if (f->editing->rrule != NULL && f->editing->id > 0 && f->editing->id == o->series_id)
        return FALSE;
      if (f->editing->series_id == o->series_id && f->editing->recurrence_at == o->recurrence_at)
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
crm_activity_store_find_busy (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                              CrmActivity *editing, GError **error)
{
  gint64 exclude = editing != NULL && editing->id > 0 ? editing->id : 0;
  g_autoptr(GPtrArray) list = crm_activity_store_find_conflicts (db, manager_id, from, to, exclude, error);
  BusyFilter filter = { editing, from, to };

  if (list == NULL)
    return NULL;
  if (!expand_series (db, manager_id, from, to, list, keep_busy, &filter, error))
    return NULL;
  g_ptr_array_sort (list, compare_by_start);
  return g_steal_pointer (&list);
}

GPtrArray *
crm_activity_store_list_overdue (CrmDatabase *db, gint64 manager_id, gint64 now, guint limit,
                                 GError **error)
{
  /* A planned row that ended before now; the index on (manager_id,
   * starts_at, type, state) is walked back from now. */
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
    " WHERE a.manager_id = ?1 AND a.rrule IS NULL AND a.starts_at < ?2 AND a.state = 'planned'"
    "   AND (CASE WHEN a.all_day THEN a.starts_at + max (a.duration_min, 1440) * 60"
    "        ELSE a.starts_at + a.duration_min * 60 END) <= ?2"
    " ORDER BY a.starts_at DESC LIMIT ?3",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, limit);
  return read_all (db, stmt, error);
}

static gboolean
keep_reminded (CrmActivity *o, gpointer data)
{
  gint64 *from = data;

  return o->state == CRM_STATE_PLANNED && o->reminder_min >= 0 && o->starts_at >= *from;
}

GPtrArray *
crm_activity_store_list_reminders (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                                   GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
    " WHERE a.starts_at >= ?2 AND a.starts_at < ?3 AND a.rrule IS NULL AND (?1 = 0 OR a.manager_id = ?1)"
    "   AND a.state = 'planned' AND a.reminder_min IS NOT NULL"
    " ORDER BY a.starts_at, a.id",
    error);
  g_autoptr(GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (manager_id, 0));
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  list = read_all (db, stmt, error);
  if (list == NULL || !expand_series (db, manager_id, from, to, list, keep_reminded, &from, error))
    return NULL;
  g_ptr_array_sort (list, compare_by_start);
  return g_steal_pointer (&list);
}
