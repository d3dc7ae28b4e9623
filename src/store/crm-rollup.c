/* crm-rollup.c — the KPI rollups: rebuilt from the raw rows when needed
 *
 * kpi_activity_day, kpi_payment_day, kpi_deal_day and kpi_pipeline_day are
 * kept by triggers (crm-schema.c)
 * in the same transaction as every write. They are rebuilt here after a
 * bulk load (the demo generator loads with the triggers off) and when the
 * local time zone is not the one the activity days were counted in.
 * The same for each client's revenue and last contact (client.revenue_minor,
 * client.last_contact_at).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-database-private.h"
#include "crm-rollup.h"

static const char rebuild_activity_sql[] =
  "DELETE FROM kpi_activity_day;"
  "INSERT INTO kpi_activity_day (day, manager_id, calls, calls_inbound, calls_outbound, talk_min,"
  " talk_inbound, talk_outbound, meetings_held, meetings_planned)"
  " SELECT date (starts_at, 'unixepoch', 'localtime'), manager_id,"
  " sum (type = 'call'), sum (type = 'call' AND direction IS 'inbound'),"
  " sum (type = 'call' AND direction IS 'outbound'), sum ((type = 'call') * duration_min),"
  " sum ((type = 'call' AND direction IS 'inbound') * duration_min),"
  " sum ((type = 'call' AND direction IS 'outbound') * duration_min),"
  " sum (type = 'meeting' AND state = 'done'), sum (type = 'meeting' AND state = 'planned')"
  " FROM activity"
  " WHERE rrule IS NULL AND ((type = 'call' AND state = 'done') OR (type = 'meeting' AND state <> 'cancelled'))"
  " GROUP BY 1, 2;";

static const char rebuild_payment_sql[] =
  "DELETE FROM kpi_payment_day;"
  "INSERT INTO kpi_payment_day (day, manager_id, source, revenue)"
  " SELECT p.paid_on, p.manager_id, c.source, sum (p.amount)"
  " FROM payment p JOIN client c ON c.id = p.client_id GROUP BY 1, 2, 3;";

static const char rebuild_deal_sql[] =
  "DELETE FROM kpi_deal_day;"
  "INSERT INTO kpi_deal_day (day, manager_id, created, reached_qualified, reached_meeting, reached_proposal,"
  " reached_negotiation, reached_won, lost, stay_new, left_new, stay_qualified, left_qualified,"
  " stay_meeting, left_meeting, stay_proposal, left_proposal, stay_negotiation, left_negotiation)"
  " SELECT date (created_at, 'unixepoch', 'localtime'), manager_id, count (*),"
  " sum (reached_rank >= 1), sum (reached_rank >= 2), sum (reached_rank >= 3), sum (reached_rank >= 4),"
  " sum (reached_rank >= 5), sum (stage = 'lost'), sum (stay_new), sum (stay_new > 0),"
  " sum (stay_qualified), sum (stay_qualified > 0), sum (stay_meeting), sum (stay_meeting > 0),"
  " sum (stay_proposal), sum (stay_proposal > 0), sum (stay_negotiation), sum (stay_negotiation > 0)"
  " FROM deal GROUP BY 1, 2;"
  "DELETE FROM kpi_pipeline_day;"
  "INSERT INTO kpi_pipeline_day (close_on, manager_id, weighted)"
  " SELECT coalesce (expected_close, ''), manager_id, sum (amount * probability) FROM deal"
  " WHERE stage <> 'won' AND stage <> 'lost' GROUP BY 1, 2;";

/* Whole-table aggregates, so that they need none of the indexes a bulk
 * load drops while it writes. */
static const char rebuild_client_totals_sql[] =
  "UPDATE client SET revenue_minor = 0, last_contact_at = 0 WHERE revenue_minor <> 0 OR last_contact_at <> 0;"
  "UPDATE client SET revenue_minor = t.revenue"
  " FROM (SELECT client_id, sum (amount) AS revenue FROM payment GROUP BY client_id) t"
  " WHERE client.id = t.client_id;"
  "UPDATE client SET last_contact_at = t.last_at"
  " FROM (SELECT client_id, max (starts_at) AS last_at FROM activity"
  "       WHERE state = 'done' AND client_id IS NOT NULL GROUP BY client_id) t"
  " WHERE client.id = t.client_id;";

/* The zone the local days are counted in: the TZ identifier GLib sees. */
static char *
current_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  return g_strdup (g_time_zone_get_identifier (tz));
}

static gboolean
store_zone (CrmDatabase *db, const char *zone, GError **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db,
    "INSERT INTO setting (key, value, created_at, updated_at) VALUES ('rollup_tz', ?1, ?2, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at", error);

  if (stmt == NULL)
    return FALSE;
  crm_bind_text (stmt, 1, zone);
  sqlite3_bind_int64 (stmt, 2, crm_database_now ());
  return crm_database_step_done (db, stmt, error);
}

/* Every rollup from scratch, inside the caller's transaction if any. */
gboolean
crm_rollup_rebuild (CrmDatabase *db, GError **error)
{
  g_autofree char *zone = current_zone ();

  if (!crm_database_begin (db, error))
    return FALSE;
  if (!crm_database_exec (db, rebuild_activity_sql, error) ||
      !crm_database_exec (db, rebuild_payment_sql, error) ||
      !crm_database_exec (db, rebuild_deal_sql, error) ||
      !store_zone (db, zone, error) ||
      !crm_database_commit (db, error))
    {
      if (crm_database_in_transaction (db))
        crm_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Every client's revenue and last contact from the payments and the
 * activities, inside the caller's transaction if any. */
gboolean
crm_rollup_rebuild_client_totals (CrmDatabase *db, GError **error)
{
  if (!crm_database_begin (db, error))
    return FALSE;
  if (!crm_database_exec (db, rebuild_client_totals_sql, error) ||
      !crm_database_commit (db, error))
    {
      if (crm_database_in_transaction (db))
        crm_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* TRUE when the activity days were counted in the current local zone. On a
 * writable database a different zone is fixed here by a rebuild; a
 * read-only one is left as it is and the caller falls back to the raw rows. */
gboolean
crm_rollup_check_zone (CrmDatabase *db, gboolean *current, GError **error)
{
  g_autofree char *zone = current_zone ();
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt = crm_database_prepare (db, "SELECT value FROM setting WHERE key = 'rollup_tz'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = crm_database_step_row (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    stored = crm_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (stored != NULL && g_str_equal (stored, zone))
    {
      *current = TRUE;
      return TRUE;
    }
  if (crm_database_is_read_only (db))
    {
      *current = FALSE;
      return TRUE;
    }
  if (stored == NULL)
    {
      /* A new database: nothing was counted in another zone. */
      gint64 n = 0;
      stmt = crm_database_prepare (db, "SELECT count (*) FROM kpi_activity_day", error);
      if (stmt == NULL)
        return FALSE;
      if (crm_database_step_row (db, stmt, error) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (n == 0)
        {
          *current = TRUE;
          return store_zone (db, zone, error);
        }
    }
  g_debug ("The activity rollup was counted in %s, the zone is now %s: rebuilding it.",
           stored != NULL ? stored : "an unknown zone", zone);
  *current = TRUE;
  return crm_rollup_rebuild (db, error);
}
