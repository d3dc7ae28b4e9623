/* crm-deals-load.c — read the pipeline board in a worker thread
 *
 * With the scale data set a team has some fifty thousand open deals and
 * many more closed ones: the open ones are read whole (the board scrolls
 * through them lazily), the closed ones only the recent few, with the
 * count and worth of each column from crm-pipeline-store. The worker has
 * its own connection, so the window keeps drawing meanwhile.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-deal-store.h"
#include "crm-deals-load.h"
#include "crm-period.h"
#include "crm-setting-store.h"

typedef struct {
  char   *path;
  gint64  manager_id;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->path);
  g_free (request);
}

void
crm_deals_snapshot_free (CrmDealsSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (int i = 0; i < CRM_N_STAGES; i++)
    g_clear_pointer (&snapshot->deals[i], g_ptr_array_unref);
  g_free (snapshot->closed_since);
  g_free (snapshot->currency);
  g_free (snapshot);
}

/* The first closing day the won and lost columns show. */
char *
crm_deals_closed_since (void)
{
  GDate day;

  crm_date_set_today (&day);
  g_date_subtract_days (&day, CRM_DEALS_CLOSED_DAYS - 1);
  return crm_date_to_iso (&day);
}

/* The order of a closed column: the last closed first. */
int
crm_deals_compare_closed (CrmDeal *a, CrmDeal *b)
{
  int c = g_strcmp0 (b->closed_on, a->closed_on);

  if (c != 0)
    return c;
  return (b->id > a->id) - (b->id < a->id);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(CrmDealsSnapshot) snapshot = g_new0 (CrmDealsSnapshot, 1);
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  g_autoptr(GPtrArray) open = NULL;
  GError *error = NULL;

  db = crm_database_new (request->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, &error);
  if (db == NULL || (settings = crm_setting_store_load (db, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  snapshot->manager_id = request->manager_id;
  snapshot->currency = g_strdup (settings->currency);
  snapshot->closed_since = crm_deals_closed_since ();
  for (int i = 0; i < CRM_N_STAGES; i++)
    snapshot->deals[i] = g_ptr_array_new_with_free_func (g_object_unref);

  if (!crm_pipeline_store_totals (db, request->manager_id, snapshot->closed_since, snapshot->totals, &error) ||
      (open = crm_deal_store_list (db, request->manager_id, TRUE, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Newest in its stage first, as listed. */
  for (guint i = 0; i < open->len; i++)
    {
      CrmDeal *deal = open->pdata[i];
      g_ptr_array_add (snapshot->deals[deal->stage], g_object_ref (deal));
    }
  for (CrmDealStage stage = CRM_STAGE_WON; stage <= CRM_STAGE_LOST; stage++)
    {
      g_autoptr(GPtrArray) closed = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      closed = crm_pipeline_store_list_closed (db, request->manager_id, stage, snapshot->closed_since,
                                               CRM_DEALS_CLOSED_LIMIT, &error);
      if (closed == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_pointer (&snapshot->deals[stage], g_ptr_array_unref);
      snapshot->deals[stage] = g_steal_pointer (&closed);
    }
  g_task_return_pointer (task, g_steal_pointer (&snapshot), (GDestroyNotify) crm_deals_snapshot_free);
}

void
crm_deals_load_async (const char          *database_path,
                      gint64               manager_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->path = g_strdup (database_path);
  request->manager_id = manager_id;
  g_task_set_source_tag (task, crm_deals_load_async);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
}

CrmDealsSnapshot *
crm_deals_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
