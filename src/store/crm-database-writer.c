/* crm-database-writer.c — saving without waiting: one worker thread writes, in order
 *
 * A save made from the window (a client card, a call logged, a target of
 * the plan) normally takes well under a millisecond. But while another
 * program holds the write lock, SQLite waits up to the busy timeout (5 s)
 * before it gives up, and a window that wrote on its own connection would
 * stand frozen all that time. So the window's writes go here: each is a
 * function run by one worker thread, on a connection of its own that it
 * opens once and keeps, inside one transaction; they run in the order they
 * were asked for. Once one is committed, the main connection announces the
 * tables it changed ("changed::client"), and the caller's callback runs in
 * the main loop with the result.
 *
 * The worker holds no reference to the main connection: each pending write
 * does (through its GTask), so the connection, and with it the worker,
 * lives until the last write has been reported.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-database-writer.h"

typedef struct {
  GAsyncQueue *queue;
  GThread     *thread;
  char        *path;
  gboolean     read_only;
  GMutex       mutex;
  GCond        idle;
  guint        in_worker;      /* queued or being written (under mutex) */
  guint        pending;        /* asked for and not yet reported (main thread) */
} Writer;

typedef struct {
  Writer               *writer;
  GTask                *task;
  GStrv                 tables;
  CrmDatabaseWriteFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
  GAsyncReadyCallback   callback;
  gpointer              user_data;
  gboolean              ok;
  GError               *error;
} Job;

/* Tells the worker to close its connection and end. */
static Job quit_job;

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_strfreev (job->tables);
  g_clear_error (&job->error);
  g_free (job);
}

static void
run_job (Writer *writer, CrmDatabase **db, Job *job)
{
  if (*db == NULL)
    {
      CrmDatabaseFlags flags = CRM_DATABASE_FLAGS_NO_CREATE | (writer->read_only ? CRM_DATABASE_FLAGS_READ_ONLY : 0);

      /* Opened once, in this thread; a failure is tried again next time. */
      *db = crm_database_new (writer->path, flags, NULL, &job->error);
      if (*db == NULL)
        return;
    }
  if (!crm_database_begin (*db, &job->error))
    return;
  if (!job->func (*db, job->data, &job->error))
    {
      crm_database_rollback (*db);
      if (job->error == NULL)
        g_set_error_literal (&job->error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED, "write function failed without an error");
      return;
    }
  job->ok = crm_database_commit (*db, &job->error);
}

/* In the main loop: the tables are announced, then the result. */
static gboolean
report_cb (gpointer user_data)
{
  Job *job = user_data;
  GTask *task = job->task;
  CrmDatabase *self = g_task_get_source_object (task);

  if (job->ok)
    {
      if (job->tables == NULL)
        crm_database_notify_changed (self, NULL);
      else
        for (guint i = 0; job->tables[i] != NULL; i++)
          crm_database_notify_changed (self, job->tables[i]);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, g_steal_pointer (&job->error));
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gpointer
writer_thread (gpointer user_data)
{
  Writer *writer = user_data;
  CrmDatabase *db = NULL;

  for (;;)
    {
      Job *job = g_async_queue_pop (writer->queue);
      GSource *source;

      if (job == &quit_job)
        break;
      run_job (writer, &db, job);
      /* From here on the job belongs to the main loop, at the priority a
       * GTask's thread gives its result: an idle priority would wait behind
       * every redraw and timer, forever when a spinner's frames take longer
       * than their interval (a slow machine, valgrind). */
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, report_cb, job, NULL);
      g_source_attach (source, g_task_get_context (job->task));
      g_source_unref (source);
      g_mutex_lock (&writer->mutex);
      writer->in_worker--;
      g_cond_broadcast (&writer->idle);
      g_mutex_unlock (&writer->mutex);
    }
  g_clear_object (&db);
  return NULL;
}

static void
writer_free (Writer *writer)
{
  g_async_queue_push (writer->queue, &quit_job);
  g_thread_join (writer->thread);
  g_async_queue_unref (writer->queue);
  g_mutex_clear (&writer->mutex);
  g_cond_clear (&writer->idle);
  g_free (writer->path);
  g_free (writer);
}

static Writer *
get_writer (CrmDatabase *self, gboolean create)
{
  Writer *writer = g_object_get_data (G_OBJECT (self), "crm-database-writer");

  if (writer != NULL || !create)
    return writer;
  writer = g_new0 (Writer, 1);
  writer->queue = g_async_queue_new ();
  writer->path = g_strdup (crm_database_get_path (self));
  writer->read_only = crm_database_is_read_only (self);
  g_mutex_init (&writer->mutex);
  g_cond_init (&writer->idle);
  writer->thread = g_thread_new ("crm-writer", writer_thread, writer);
  g_object_set_data_full (G_OBJECT (self), "crm-database-writer", writer, (GDestroyNotify) writer_free);
  return writer;
}

static void
task_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  Writer *writer = job->writer;

  if (job->callback != NULL)
    job->callback (source, result, job->user_data);
  writer->pending--;
}

/* Runs @func (@data) in the writer thread, after every write asked for
 * before it. @tables (NULL: all of them) are announced on @self once it is
 * committed; then @callback runs in the main loop: call
 * crm_database_write_finish(). @destroy frees @data after the callback. */
void
crm_database_write_async (CrmDatabase          *self,
                          const char * const   *tables,
                          CrmDatabaseWriteFunc  func,
                          gpointer              data,
                          GDestroyNotify        destroy,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  Writer *writer;
  Job *job;

  g_return_if_fail (CRM_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  writer = get_writer (self, TRUE);
  job = g_new0 (Job, 1);
  job->writer = writer;
  job->tables = g_strdupv ((char **) tables);
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  job->callback = callback;
  job->user_data = user_data;
  job->task = g_task_new (self, NULL, task_done_cb, NULL);
  g_task_set_source_tag (job->task, crm_database_write_async);
  g_task_set_task_data (job->task, job, (GDestroyNotify) job_free);

  writer->pending++;
  g_mutex_lock (&writer->mutex);
  writer->in_worker++;
  g_mutex_unlock (&writer->mutex);
  g_async_queue_push (writer->queue, job);
}

gboolean
crm_database_write_finish (CrmDatabase *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (CRM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crm_database_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The data given to crm_database_write_async(), for its callback. */
gpointer
crm_database_write_get_data (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  job = g_task_get_task_data (G_TASK (result));
  return job != NULL ? job->data : NULL;
}

/* Writes asked for whose callback has not run yet. */
guint
crm_database_get_n_pending_writes (CrmDatabase *self)
{
  Writer *writer;

  g_return_val_if_fail (CRM_IS_DATABASE (self), 0);
  writer = get_writer (self, FALSE);
  return writer != NULL ? writer->pending : 0;
}

/* Blocks until every write asked for is committed or has failed (their
 * callbacks run later, from the main loop): for quitting. */
void
crm_database_wait_for_writes (CrmDatabase *self)
{
  Writer *writer;

  g_return_if_fail (CRM_IS_DATABASE (self));
  writer = get_writer (self, FALSE);
  if (writer == NULL)
    return;
  g_mutex_lock (&writer->mutex);
  while (writer->in_worker > 0)
    g_cond_wait (&writer->idle, &writer->mutex);
  g_mutex_unlock (&writer->mutex);
}
