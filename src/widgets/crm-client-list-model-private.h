/* crm-client-list-model-private.h — the client list model and its worker threads
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client-list-model.h"

G_BEGIN_DECLS

typedef struct {
  gatomicrefcount ref;
  char           *path;
  GMutex          lock;
  GPtrArray      *idle;       /* CrmDatabase */
  gboolean        closed;
} WorkerPool;

typedef enum {
  JOB_HEAD,        /* count + first page of a new query */
  JOB_ANCHORS,     /* the cursors before every page */
  JOB_PAGE,        /* one page */
  JOB_REFRESH,     /* count + anchors + the pages in memory, after a change */
} JobKind;

typedef struct {
  JobKind          kind;
  guint            generation;
  WorkerPool      *pool;
  CrmClientQuery   query;
  char            *search;
  CrmClientCursor  after;
  gboolean         has_after;
  guint            page_index;
  GArray          *page_indices;   /* guint, JOB_REFRESH */

  gint64           queued_at;      /* monotonic µs, for the debug log */
  gint64           query_us;       /* time spent in SQL */
  GMutex           lock;           /* guards db */
  CrmDatabase     *db;             /* while the thread uses it */

  guint            count;
  GArray          *anchors;        /* CrmClientCursor */
  GPtrArray       *pages;          /* GPtrArray of CrmClient, per page read; NULL where none */
} Job;

/* crm-client-list-pages.c: the rows the model read, by page. */
typedef struct {
  GPtrArray *items;     /* CrmClient; empty ones (id 0) until loaded */
  gboolean   loaded;
  gboolean   queued;
  guint64    used;
} Page;

void         crm_client_list_page_free     (Page *page);
Page        *crm_client_list_page_new_empty (guint n_rows);
/* Whether anybody but the model holds the row (on screen, selected), or
 * one of the page's rows. */
gboolean     crm_client_list_row_in_use    (gpointer item);
gboolean     crm_client_list_page_in_use   (Page *page);
Page        *crm_client_list_lookup_page   (GHashTable *pages, guint index);
void         crm_client_list_insert_page   (GHashTable *pages, guint index, Page *page);
GObject     *crm_client_list_object_at     (GHashTable *pages, guint position);
void         crm_client_list_client_update (CrmClient *dest, CrmClient *src);
void         crm_client_list_diff_ranges   (GHashTable *old, guint old_n, GHashTable *new, guint new_n,
                                            guint *out_position, guint *out_removed, guint *out_added);

WorkerPool  *crm_client_list_pool_new      (const char *path);
WorkerPool  *crm_client_list_pool_ref      (WorkerPool *pool);
void         crm_client_list_pool_unref    (WorkerPool *pool);
void         crm_client_list_pool_close    (WorkerPool *pool);
void         crm_client_list_pool_drop_idle (WorkerPool *pool);
CrmDatabase *crm_client_list_pool_acquire  (WorkerPool *pool, GCancellable *cancellable, GError **error);
void         crm_client_list_pool_release  (WorkerPool *pool, CrmDatabase *db);

void         crm_client_list_job_free      (Job *job);
void         crm_client_list_job_free_page (gpointer page);
void         crm_client_list_job_thread    (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable);
void         crm_client_list_job_interrupt (Job *job);

G_END_DECLS
