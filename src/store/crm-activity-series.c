/* crm-activity-series.c — editing and deleting recurring activities
 *
 * "This one" detaches the occurrence: a row of its own (series_id,
 * recurrence_at, no rrule) and its time in the master's exdates, so that
 * the KPI rollups, which skip masters, count it once it is done. "This and
 * following" ends the master before the occurrence and starts a new master
 * from it. "All" changes the master. Each is one transaction.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-activity-store.h"
#include "crm-database-private.h"
#include "crm-recurrence.h"

static CrmActivity *
get_master (CrmDatabase *db, gint64 series_id, GError **error)
{
  g_autoptr(CrmActivity) master = crm_activity_store_get (db, series_id, error);

  if (master == NULL)
    return NULL;
  if (master->rrule == NULL || *master->rrule == '\0')
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("The activity no. %lld is not a repeating series (any more)."), (long long) series_id);
      return NULL;
    }
  return g_steal_pointer (&master);
}

static void
set_string (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* A free uid for the detached occurrence, derived from the master's so that
 * an export keeps them together. */
static char *
detached_uid (CrmDatabase *db, CrmActivity *master, gint64 at)
{
  char *uid = g_strdup_printf ("%s#%" G_GINT64_FORMAT, master->uid, at);
  g_autoptr(CrmActivity) taken = crm_activity_store_get_by_uid (db, uid, NULL);

  if (taken != NULL)
    {
      g_autofree char *random = g_uuid_string_random ();
      g_free (uid);
      uid = g_strdup_printf ("%s#%" G_GINT64_FORMAT "-%s", master->uid, at, random);
    }
  return uid;
}

static gboolean
detach (CrmDatabase *db, CrmActivity *master, CrmActivity *edited, GError **error)
{
  g_autoptr(CrmActivity) row = crm_activity_copy (edited);
  g_autofree char *exdates = crm_exdates_add (master->exdates, edited->recurrence_at);

  row->id = 0;
  g_clear_pointer (&row->rrule, g_free);
  g_clear_pointer (&row->exdates, g_free);
  g_clear_pointer (&row->tzid, g_free);
  g_free (row->uid);
  row->uid = detached_uid (db, master, edited->recurrence_at);
  row->series_id = master->id;
  row->created_at = 0;
  if (!crm_activity_store_create (db, row, error))
    return FALSE;
  set_string (&master->exdates, exdates);
  if (!crm_activity_store_update (db, master, error))
    return FALSE;
  edited->id = row->id;
  set_string (&edited->uid, row->uid);
  g_clear_pointer (&edited->rrule, g_free);
  g_clear_pointer (&edited->exdates, g_free);
  return TRUE;
}

/* What the person may change in a series, copied from an occurrence. */
static void
copy_series_fields (CrmActivity *master, CrmActivity *edited)
{
  master->type = edited->type;
  master->client_id = edited->client_id;
  master->manager_id = edited->manager_id;
  master->deal_id = edited->deal_id;
  set_string (&master->title, edited->title);
  master->duration_min = edited->duration_min;
  master->all_day = edited->all_day;
  master->direction = edited->direction;
  set_string (&master->location, edited->location);
  master->reminder_min = edited->reminder_min;
  /* A series is planned or called off; "done" belongs to occurrences. */
  master->state = edited->state == CRM_STATE_CANCELLED ? CRM_STATE_CANCELLED : CRM_STATE_PLANNED;
  if (edited->rrule != NULL && *edited->rrule != '\0')
    set_string (&master->rrule, edited->rrule);
}

static gboolean
save_all (CrmDatabase *db, CrmActivity *master, CrmActivity *edited, GError **error)
{
  if (edited->starts_at != edited->recurrence_at)
    {
      g_autofree char *exdates = crm_exdates_shift (master->exdates, edited->recurrence_at,
                                                    edited->starts_at, master->tzid);
      master->starts_at = crm_recurrence_shift (master->starts_at, edited->recurrence_at,
                                                edited->starts_at, master->tzid);
      set_string (&master->exdates, exdates);
    }
  copy_series_fields (master, edited);
  if (!crm_activity_store_update (db, master, error))
    return FALSE;
  /* A detached occurrence edited "for all" keeps its own changes too. */
  return edited->id <= 0 || crm_activity_store_update (db, edited, error);
}

static gboolean
save_following (CrmDatabase *db, CrmActivity *master, CrmActivity *edited, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autofree char *shifted = NULL;
  g_autoptr(CrmActivity) fresh = NULL;
  gint64 at = edited->recurrence_at;

  if (!crm_recurrence_split (master->rrule, master->starts_at, master->all_day, master->tzid, at,
                             &before, &after, error))
    return FALSE;
  if (before == NULL)
    return save_all (db, master, edited, error);

  crm_exdates_split (master->exdates, at, &early, &late);
  shifted = crm_exdates_shift (late, at, edited->starts_at, master->tzid);

  fresh = crm_activity_copy (master);
  copy_series_fields (fresh, edited);
  fresh->id = 0;
  g_clear_pointer (&fresh->uid, g_free);
  fresh->starts_at = edited->starts_at;
  fresh->created_at = 0;
  set_string (&fresh->exdates, shifted);
  /* The rest of the series keeps the count it had left, unless the person
   * chose another rule. */
  if (edited->rrule == NULL || *edited->rrule == '\0' || crm_recurrence_same_rule (edited->rrule, master->rrule))
    set_string (&fresh->rrule, after != NULL ? after : master->rrule);

  set_string (&master->rrule, before);
  set_string (&master->exdates, early);
  if (!crm_activity_store_update (db, master, error) ||
      !crm_activity_store_create (db, fresh, error))
    return FALSE;
  return edited->id <= 0 || crm_activity_store_update (db, edited, error);
}

gboolean
crm_activity_store_save_in_series (CrmDatabase *db, CrmActivity *edited, CrmSeriesScope scope,
                                   GError **error)
{
  g_autoptr(CrmActivity) master = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_ACTIVITY (edited), FALSE);
  g_return_val_if_fail (edited->series_id > 0, FALSE);

  if (!crm_database_begin (db, error))
    return FALSE;
  master = get_master (db, edited->series_id, error);
  if (master == NULL)
    ok = FALSE;
  else if (scope == CRM_SERIES_ALL)
    ok = save_all (db, master, edited, error);
  else if (scope == CRM_SERIES_FOLLOWING)
    ok = save_following (db, master, edited, error);
  else if (edited->id > 0)
    ok = crm_activity_store_update (db, edited, error);
  else
    ok = detach (db, master, edited, error);

  if (!ok)
    {
      crm_database_rollback (db);
      return FALSE;
    }
  return crm_database_commit (db, error);
}

/* Detached occurrences of @series_id from @at on: the planned ones go, the
 * done and cancelled ones are history and stay, no longer in the series
 * when @unlink. */
static gboolean
drop_detached (CrmDatabase *db, gint64 series_id, gint64 at, gboolean unlink, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "DELETE FROM activity WHERE series_id = ?1 AND recurrence_at >= ?2 AND state = 'planned'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, at);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;
  if (!unlink)
    return TRUE;
  stmt = crm_database_prepare (db,
    "UPDATE activity SET series_id = NULL, recurrence_at = NULL WHERE series_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  return crm_database_step_done (db, stmt, error);
}

static gboolean
delete_from (CrmDatabase *db, CrmActivity *master, gint64 at, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;

  if (at != G_MININT64 &&
      !crm_recurrence_split (master->rrule, master->starts_at, master->all_day, master->tzid, at,
                             &before, &after, error))
    return FALSE;
  if (before == NULL)
    return drop_detached (db, master->id, G_MININT64, TRUE, error) &&
           crm_activity_store_delete (db, master->id, error);
  crm_exdates_split (master->exdates, at, &early, &late);
  set_string (&master->rrule, before);
  set_string (&master->exdates, early);
  return drop_detached (db, master->id, at, FALSE, error) &&
         crm_activity_store_update (db, master, error);
}

gboolean
crm_activity_store_delete_in_series (CrmDatabase *db, CrmActivity *occurrence, CrmSeriesScope scope,
                                     GError **error)
{
  g_autoptr(CrmActivity) master = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_ACTIVITY (occurrence), FALSE);

  if (!crm_database_begin (db, error))
    return FALSE;
  /* A master itself stands for the whole series. */
  master = get_master (db, occurrence->series_id > 0 ? occurrence->series_id : occurrence->id, error);
  if (master == NULL)
    ok = FALSE;
  else if (scope == CRM_SERIES_ALL || occurrence->series_id <= 0)
    ok = delete_from (db, master, G_MININT64, error);
  else if (scope == CRM_SERIES_FOLLOWING)
    ok = delete_from (db, master, occurrence->recurrence_at, error);
  else
    {
      g_autofree char *exdates = crm_exdates_add (master->exdates, occurrence->recurrence_at);
      set_string (&master->exdates, exdates);
      ok = crm_activity_store_update (db, master, error) &&
           (occurrence->id <= 0 || crm_activity_store_delete (db, occurrence->id, error));
    }

  if (!ok)
    {
      crm_database_rollback (db);
      return FALSE;
    }
  return crm_database_commit (db, error);
}
