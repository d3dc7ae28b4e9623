/* crm-team-actuals.c — what each manager did in a month, read in a worker
 *
 * The plan table shows beside each target what was achieved: the figures
 * come from the KPI engine (crm_kpi_store_compute), on the worker's own
 * connection.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-kpi-store.h"
#include "crm-setting-store.h"
#include "crm-team-actuals.h"

typedef struct {
  char *path;
  char *month;
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request->month);
  g_free (request);
}

void
crm_team_actuals_free (CrmTeamActuals *actuals)
{
  if (actuals == NULL)
    return;
  g_clear_pointer (&actuals->managers, g_hash_table_unref);
  g_free (actuals->month);
  g_free (actuals);
}

/* The figures of a manager; NULL when the manager is not in the report. */
const gint64 *
crm_team_actuals_get (CrmTeamActuals *actuals, gint64 manager_id)
{
  g_return_val_if_fail (actuals != NULL, NULL);
  return g_hash_table_lookup (actuals->managers, &manager_id);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(CrmTeamActuals) actuals = g_new0 (CrmTeamActuals, 1);
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(CrmKpiReport) report = NULL;
  GError *error = NULL;

  if ((period = crm_period_parse (request->month, &error)) == NULL ||
      (db = crm_database_new (request->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error)) == NULL ||
      (settings = crm_setting_store_load (db, &error)) == NULL ||
      (report = crm_kpi_store_compute (db, period, 0, settings, 0, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  actuals->month = g_strdup (request->month);
  actuals->managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < report->managers->len; i++)
    {
      CrmKpiRow *row = report->managers->pdata[i];
      gint64 *values = g_new0 (gint64, CRM_N_KPI);

      for (int k = 0; k < CRM_N_KPI; k++)
        values[k] = crm_kpi_actual (&row->figures, k);
      g_hash_table_insert (actuals->managers, g_memdup2 (&row->manager_id, sizeof (gint64)), values);
    }
  for (int k = 0; k < CRM_N_KPI; k++)
    actuals->team[k] = crm_kpi_actual (&report->team.figures, k);
  g_task_return_pointer (task, g_steal_pointer (&actuals), (GDestroyNotify) crm_team_actuals_free);
}

void
crm_team_actuals_load_async (const char          *database_path,
                             const char          *month,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->path = g_strdup (database_path);
  request->month = g_strdup (month);
  g_task_set_source_tag (task, crm_team_actuals_load_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, load_thread);
}

CrmTeamActuals *
crm_team_actuals_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
