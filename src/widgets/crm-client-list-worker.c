/* crm-client-list-worker.c — what the client list model reads in its threads
 *
 * Each job (the count and first page of a query, the anchors, a page, a
 * refresh) runs in a GTask thread on a connection of the pool, opened in
 * the thread with crm_database_new and kept for the next job; a job still
 * running when its query is replaced is interrupted (its SQL stops).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-client-list-model-private.h"

#define PAGE CRM_CLIENT_LIST_PAGE_SIZE
#define MAX_IDLE_CONNECTIONS 2

/* ---- connections of the worker threads ---------------------------------- */


WorkerPool *
crm_client_list_pool_new (const char *path)
{
  WorkerPool *pool = g_new0 (WorkerPool, 1);

  g_atomic_ref_count_init (&pool->ref);
  pool->path = g_strdup (path);
  g_mutex_init (&pool->lock);
  pool->idle = g_ptr_array_new_with_free_func (g_object_unref);
  return pool;
}

WorkerPool *
crm_client_list_pool_ref (WorkerPool *pool)
{
  g_atomic_ref_count_inc (&pool->ref);
  return pool;
}

void
crm_client_list_pool_unref (WorkerPool *pool)
{
  if (!g_atomic_ref_count_dec (&pool->ref))
    return;
  g_ptr_array_unref (pool->idle);
  g_mutex_clear (&pool->lock);
  g_free (pool->path);
  g_free (pool);
}

/* Closes the idle connections; busy ones close when their job ends. */
void
crm_client_list_pool_close (WorkerPool *pool)
{
  g_mutex_lock (&pool->lock);
  pool->closed = TRUE;
  g_ptr_array_set_size (pool->idle, 0);
  g_mutex_unlock (&pool->lock);
}

/* Closes the idle connections, with their page cache; the next job opens
 * one again. */
void
crm_client_list_pool_drop_idle (WorkerPool *pool)
{
  g_autoptr(GPtrArray) idle = NULL;

  g_mutex_lock (&pool->lock);
  idle = g_steal_pointer (&pool->idle);
  pool->idle = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_unlock (&pool->lock);
}

/* In a worker thread. */
CrmDatabase *
crm_client_list_pool_acquire (WorkerPool *pool, GCancellable *cancellable, GError **error)
{
  CrmDatabase *db = NULL;

  g_mutex_lock (&pool->lock);
  if (pool->idle->len > 0)
    db = g_ptr_array_steal_index_fast (pool->idle, pool->idle->len - 1);
  g_mutex_unlock (&pool->lock);
  if (db == NULL)
    db = crm_database_new (pool->path, CRM_DATABASE_FLAGS_NO_CREATE, cancellable, error);
  return db;
}

void
crm_client_list_pool_release (WorkerPool *pool, CrmDatabase *db)
{
  g_mutex_lock (&pool->lock);
  if (!pool->closed && pool->idle->len < MAX_IDLE_CONNECTIONS)
    g_ptr_array_add (pool->idle, g_steal_pointer (&db));
  g_mutex_unlock (&pool->lock);
  g_clear_object (&db);
}

/* ---- jobs --------------------------------------------------------------- */


void
crm_client_list_job_free (Job *job)
{
  crm_client_list_pool_unref (job->pool);
  g_free (job->search);
  crm_client_cursor_clear (&job->after);
  g_clear_pointer (&job->page_indices, g_array_unref);
  g_clear_pointer (&job->anchors, g_array_unref);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_mutex_clear (&job->lock);
  g_free (job);
}

/* The free function of Job.pages, whose entries may be NULL. */
void
crm_client_list_job_free_page (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static gboolean
job_run (Job *job, CrmDatabase *db, GError **error)
{
  GPtrArray *page;

  switch (job->kind)
    {
    case JOB_HEAD:
      if (!crm_client_store_count (db, &job->query, &job->count, error))
        return FALSE;
      page = crm_client_store_page (db, &job->query, NULL, PAGE, error);
      if (page == NULL)
        return FALSE;
      g_ptr_array_add (job->pages, page);
      return TRUE;

    case JOB_ANCHORS:
      job->anchors = crm_client_store_anchors (db, &job->query, PAGE, error);
      return job->anchors != NULL;

    case JOB_PAGE:
      page = crm_client_store_page (db, &job->query, job->has_after ? &job->after : NULL, PAGE, error);
      if (page == NULL)
        return FALSE;
      g_ptr_array_add (job->pages, page);
      return TRUE;

    case JOB_REFRESH:
    default:
      if (!crm_client_store_count (db, &job->query, &job->count, error))
        return FALSE;
      job->anchors = crm_client_store_anchors (db, &job->query, PAGE, error);
      if (job->anchors == NULL)
        return FALSE;
      for (guint i = 0; i < job->page_indices->len; i++)
        {
          guint index = g_array_index (job->page_indices, guint, i);
          const CrmClientCursor *after = NULL;

          page = NULL;
          if ((guint64) index * PAGE < job->count && (index == 0 || index - 1 < job->anchors->len))
            {
              if (index > 0)
                after = &g_array_index (job->anchors, CrmClientCursor, index - 1);
              page = crm_client_store_page (db, &job->query, after, PAGE, error);
              if (page == NULL)
                return FALSE;
            }
          g_ptr_array_add (job->pages, page);
        }
      return TRUE;
    }
}

void
crm_client_list_job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  CrmDatabase *db;
  gboolean ok;

  db = crm_client_list_pool_acquire (job->pool, cancellable, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_mutex_lock (&job->lock);
  job->db = db;
  g_mutex_unlock (&job->lock);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    ok = FALSE;
  else
    {
      gint64 start = g_get_monotonic_time ();
      ok = job_run (job, db, &error);
      job->query_us = g_get_monotonic_time () - start;
    }

  g_mutex_lock (&job->lock);
  job->db = NULL;
  g_mutex_unlock (&job->lock);
  crm_client_list_pool_release (job->pool, db);

  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* From the main thread: stop the job's SQL now. */
void
crm_client_list_job_interrupt (Job *job)
{
  g_mutex_lock (&job->lock);
  if (job->db != NULL)
    crm_database_interrupt (job->db);
  g_mutex_unlock (&job->lock);
}
