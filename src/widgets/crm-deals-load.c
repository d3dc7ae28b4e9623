/* crm-deals-load.c — read the pipeline board in a worker thread
 *
 * With the scale data set a team has some fifty thousand open deals and
 * as many closed in the last months: the board never holds them all. Each
 * column reads its first page (and the list its own, in the order picked),
 * "Show More" the next one by keyset, and the count and worth of every
 * column come from crm-pipeline-store without loading a deal. The worker
 * has its own connection, so the window keeps drawing meanwhile.
 *
 * A reload puts what it read into the lists as a change of the part that
 * differs, keeping the deal objects that did not change: the cards on
 * screen, the selection and the scroll position stay.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deals-load.h"
#include "crm-locale.h"
#include "crm-memory.h"
#include "crm-period.h"
#include "crm-setting-store.h"

typedef struct {
  char            *path;
  CrmDealsRequest  request;
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
  g_clear_pointer (&snapshot->list, g_ptr_array_unref);
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

/* How many deals the board and its list show: every open one, the closed
 * ones of the last CRM_DEALS_CLOSED_DAYS days. */
gint64
crm_deals_count_shown (const CrmStageTotal totals[CRM_N_STAGES])
{
  gint64 count = 0;

  for (int s = 0; s < CRM_N_STAGES; s++)
    count += totals[s].count;
  return count;
}

/* Below a column and the list, beside "Show More". */
char *
crm_deals_format_shown (guint shown, gint64 total)
{
  g_autofree char *n = crm_locale_format_integer (shown);
  g_autofree char *of = crm_locale_format_integer (total);

  /* Translators: beside "Show More" below a board column and the deals list: deals shown, of how many */
  return g_strdup_printf (_("Showing %s of %s"), n, of);
}

/* Everything a card or a row shows is the same. */
static gboolean
deal_same (CrmDeal *a, CrmDeal *b)
{
  return a->id == b->id && a->updated_at == b->updated_at && a->stage == b->stage &&
         a->amount == b->amount && a->probability == b->probability &&
         a->stage_changed_at == b->stage_changed_at && a->client_id == b->client_id &&
         a->manager_id == b->manager_id && g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->client_name, b->client_name) == 0 &&
         g_strcmp0 (a->manager_name, b->manager_name) == 0 &&
         g_strcmp0 (a->expected_close, b->expected_close) == 0 &&
         g_strcmp0 (a->closed_on, b->closed_on) == 0 &&
         g_strcmp0 (a->lost_reason, b->lost_reason) == 0;
}

/* Makes @store hold @deals: a deal that did not change keeps its object,
 * and only the stretch between the unchanged start and end is replaced. */
void
crm_deals_store_update (GListStore *store, GPtrArray *deals)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) next = g_ptr_array_new_full (deals->len, g_object_unref);
  guint n = g_list_model_get_n_items (model);
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    {
      CrmDeal *d = g_list_model_get_item (model, i);
      g_hash_table_replace (shown, &d->id, d);
    }
  for (guint i = 0; i < deals->len; i++)
    {
      CrmDeal *loaded = deals->pdata[i];
      CrmDeal *old = g_hash_table_lookup (shown, &loaded->id);

      g_ptr_array_add (next, g_object_ref (old != NULL && deal_same (old, loaded) ? old : loaded));
    }

  while (head < n && head < next->len)
    {
      g_autoptr(CrmDeal) d = g_list_model_get_item (model, head);
      if (d != next->pdata[head])
        break;
      head++;
    }
  while (tail < n - head && tail < next->len - head)
    {
      g_autoptr(CrmDeal) d = g_list_model_get_item (model, n - 1 - tail);
      if (d != next->pdata[next->len - 1 - tail])
        break;
      tail++;
    }
  if (head + tail < n || head + tail < next->len)
    g_list_store_splice (store, head, n - head - tail, next->pdata + head, next->len - head - tail);
}

/* Adds a page read after the last deal of @store, but none that it
 * already holds (a deal that moved meanwhile). Returns how many it added. */
guint
crm_deals_store_append (GListStore *store, GPtrArray *deals)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      CrmDeal *d = g_list_model_get_item (model, i);

      g_hash_table_add (shown, &d->id);
      g_object_unref (d);             /* the store keeps it, and the key with it */
    }
  for (guint i = 0; i < deals->len; i++)
    {
      CrmDeal *d = deals->pdata[i];
      if (!g_hash_table_contains (shown, &d->id))
        g_ptr_array_add (added, d);
    }
  g_list_store_splice (store, n, 0, added->pdata, added->len);
  return added->len;
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadRequest *load = task_data;
  CrmDealsRequest *request = &load->request;
  g_autoptr(CrmDealsSnapshot) snapshot = g_new0 (CrmDealsSnapshot, 1);
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmSettings) settings = NULL;
  CrmDealQuery query = { 0 };
  GError *error = NULL;

  db = crm_pipeline_store_open (load->path, cancellable, &error);
  if (db == NULL || (settings = crm_setting_store_load (db, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  snapshot->manager_id = request->manager_id;
  snapshot->currency = g_strdup (settings->currency);
  snapshot->closed_since = crm_deals_closed_since ();
  snapshot->list_order = request->list_order;
  snapshot->list_descending = request->list_descending;

  if (!crm_pipeline_store_totals (db, request->manager_id, snapshot->closed_since, snapshot->totals, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          (snapshot->deals[stage] = crm_pipeline_store_column_page (db, request->manager_id, stage,
                                                                    snapshot->closed_since, NULL,
                                                                    MAX (request->column_limits[stage], CRM_DEALS_PAGE_SIZE),
                                                                    &error)) == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  query.manager_id = request->manager_id;
  query.closed_since = snapshot->closed_since;
  query.order = request->list_order;
  query.descending = request->list_descending;
  snapshot->list = crm_pipeline_store_list_page (db, &query, NULL, MAX (request->list_limit, CRM_DEALS_PAGE_SIZE), &error);
  if (snapshot->list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_object (&db);
  crm_memory_release ();
  g_task_return_pointer (task, g_steal_pointer (&snapshot), (GDestroyNotify) crm_deals_snapshot_free);
}

void
crm_deals_load_async (const char            *database_path,
                      const CrmDealsRequest *request,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadRequest *load = g_new0 (LoadRequest, 1);

  load->path = g_strdup (database_path);
  load->request = *request;
  g_task_set_source_tag (task, crm_deals_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
}

CrmDealsSnapshot *
crm_deals_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- one more page ------------------------------------------------------ */

typedef struct {
  char         *path;
  CrmDealQuery  query;
  char         *closed_since;         /* query.closed_since points here */
  int           stage;
  CrmDeal      *after;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_free (request->path);
  g_free (request->closed_since);
  g_clear_object (&request->after);
  g_free (request);
}

static void
page_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PageRequest *request = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  GPtrArray *page;
  GError *error = NULL;

  db = crm_pipeline_store_open (request->path, cancellable, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (request->stage >= 0)
    page = crm_pipeline_store_column_page (db, request->query.manager_id, request->stage,
                                           request->query.closed_since, request->after, CRM_DEALS_PAGE_SIZE, &error);
  else
    page = crm_pipeline_store_list_page (db, &request->query, request->after, CRM_DEALS_PAGE_SIZE, &error);
  g_clear_object (&db);
  crm_memory_release ();
  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) g_ptr_array_unref);
}

void
crm_deals_load_page_async (const char          *database_path,
                           const CrmDealQuery  *query,
                           int                  stage,
                           CrmDeal             *after,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PageRequest *request = g_new0 (PageRequest, 1);

  g_return_if_fail (stage < CRM_N_STAGES);

  request->path = g_strdup (database_path);
  request->query = *query;
  request->closed_since = g_strdup (query->closed_since);
  request->query.closed_since = request->closed_since;
  request->stage = stage;
  /* The worker reads a copy: the list keeps its own. */
  request->after = after != NULL ? crm_deal_copy (after) : NULL;
  g_task_set_source_tag (task, crm_deals_load_page_async);
  g_task_set_task_data (task, request, (GDestroyNotify) page_request_free);
  g_task_run_in_thread (task, page_thread);
}

GPtrArray *
crm_deals_load_page_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
