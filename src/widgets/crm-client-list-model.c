/* crm-client-list-model.c — the client base as a lazy list model
 *
 * n_items is the number of clients that match the query; the items are read
 * in pages of CRM_CLIENT_LIST_PAGE_SIZE around the positions the view asks
 * for, by keyset from the anchors (the cursor before every page, read from
 * the index alone): never OFFSET, never the whole table.
 *
 * A position whose page is not read yet gets an empty CrmClient (id 0) at
 * once; when the page arrives the same object is filled in, so its row
 * updates through "notify" without the list moving. Every query runs in a
 * GTask thread on a connection of its own, one at a time, the page asked
 * for last first; a new query cancels the running one (and interrupts its
 * SQL). A refresh after a change reads the pages on screen again and keeps
 * the objects of the clients still there, so that rows, selection and
 * scroll position survive an edit, and only the positions that changed are
 * announced. At most MAX_PAGES pages stay in memory.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-client-list-model-private.h"

#define PAGE CRM_CLIENT_LIST_PAGE_SIZE
#define MAX_PAGES 16

/* ---- the model ---------------------------------------------------------- */

typedef enum {
  STAGE_HEAD,           /* a new query: the count and first page come next */
  STAGE_ANCHORS,        /* first page shown, the anchors come next */
  STAGE_READY,
} Stage;

struct _CrmClientListModel {
  GObject         parent_instance;

  CrmDatabase    *database;
  WorkerPool     *pool;
  CrmClientQuery  query;
  char           *search;

  guint           n_items;
  GArray         *anchors;         /* CrmClientCursor; NULL until read */
  GHashTable     *pages;           /* page index → Page */
  GArray         *wanted;          /* page indices, the last asked for last */
  Stage           stage;
  gboolean        refresh_requested;
  guint           generation;
  guint64         tick;

  GCancellable   *cancellable;
  Job            *job;             /* the running one */
  guint           pump_id;
  gboolean        loading;
  GError         *error;
};

static void crm_client_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmClientListModel, crm_client_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, crm_client_list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_pump (CrmClientListModel *self);

static void
set_loading (CrmClientListModel *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_n_items (CrmClientListModel *self, guint old_n, guint position, guint removed, guint added, guint new_n)
{
  self->n_items = new_n;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Drops the pages least recently asked for beyond MAX_PAGES; the rows on
 * screen keep their objects. */
static void
evict_pages (CrmClientListModel *self)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      Page *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;
          if (!page->queued && (oldest == NULL || page->used < oldest->used))
            {
              oldest = page;
              oldest_key = key;
            }
        }
      if (oldest == NULL)
        return;
      g_hash_table_remove (self->pages, oldest_key);
    }
}

static void
query_copy (CrmClientQuery *dest, char **dest_search, const CrmClientQuery *src)
{
  g_free (*dest_search);
  *dest_search = src->search != NULL && *src->search != '\0' ? g_strdup (src->search) : NULL;
  *dest = *src;
  dest->search = *dest_search;
}

/* ---- applying what a job read ------------------------------------------- */

static void
apply_head (CrmClientListModel *self, Job *job)
{
  guint old_n = self->n_items;
  GPtrArray *rows = job->pages->pdata[0];
  Page *page;

  g_hash_table_remove_all (self->pages);
  g_array_set_size (self->wanted, 0);
  g_clear_pointer (&self->anchors, g_array_unref);

  page = g_new0 (Page, 1);
  page->items = g_ptr_array_ref (rows);
  page->loaded = TRUE;
  page->used = ++self->tick;
  crm_client_list_insert_page (self->pages, 0, page);

  if (job->count > PAGE)
    self->stage = STAGE_ANCHORS;
  else
    {
      self->stage = STAGE_READY;
      self->anchors = g_array_new (FALSE, TRUE, sizeof (CrmClientCursor));
    }
  /* A page shorter than the count: rows deleted between the two reads. */
  set_n_items (self, old_n, 0, old_n, MAX (job->count, rows->len), MAX (job->count, rows->len));
}

static void
apply_page (CrmClientListModel *self, Job *job)
{
  Page *page = crm_client_list_lookup_page (self->pages, job->page_index);
  GPtrArray *rows = job->pages->pdata[0];

  if (page == NULL)
    return;
  page->queued = FALSE;
  page->loaded = TRUE;
  /* Rows on screen show their empty object: it is filled in; the others
   * (asked for, then scrolled past) simply take the one read. */
  for (guint i = 0; i < page->items->len && i < rows->len; i++)
    if (crm_client_list_row_in_use (page->items->pdata[i]))
      crm_client_list_client_update (page->items->pdata[i], rows->pdata[i]);
    else
      {
        g_object_unref (page->items->pdata[i]);
        page->items->pdata[i] = g_object_ref (rows->pdata[i]);
      }
  /* Fewer rows than expected: the base changed, a refresh follows. */
  if (rows->len < page->items->len)
    self->refresh_requested = TRUE;
}

static void
apply_refresh (CrmClientListModel *self, Job *job)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) old = g_steal_pointer (&self->pages);
  GHashTableIter iter;
  gpointer value;
  guint old_n = self->n_items, new_n = job->count;
  guint position, removed, added;

  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) crm_client_list_page_free);

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;
      for (guint i = 0; i < page->items->len; i++)
        {
          CrmClient *c = page->items->pdata[i];
          if (c->id > 0)
            g_hash_table_insert (by_id, &c->id, c);
        }
    }

  for (guint k = 0; k < job->page_indices->len; k++)
    {
      guint index = g_array_index (job->page_indices, guint, k);
      GPtrArray *rows = job->pages->pdata[k];
      Page *old_page = crm_client_list_lookup_page (old, index);
      Page *page;

      if (rows == NULL)
        continue;
      new_n = MAX (new_n, index * PAGE + rows->len);
      page = g_new0 (Page, 1);
      page->items = g_ptr_array_new_full (rows->len, g_object_unref);
      page->loaded = TRUE;
      page->used = old_page != NULL ? old_page->used : ++self->tick;
      for (guint i = 0; i < rows->len; i++)
        {
          CrmClient *row = rows->pdata[i];
          CrmClient *keep = g_hash_table_lookup (by_id, &row->id);

          /* An empty placeholder at the same place takes the row. */
          if (keep == NULL && old_page != NULL && !old_page->loaded && i < old_page->items->len &&
              CRM_CLIENT (old_page->items->pdata[i])->id == 0)
            keep = old_page->items->pdata[i];
          if (keep != NULL)
            {
              g_hash_table_remove (by_id, &row->id);
              crm_client_list_client_update (keep, row);
              g_ptr_array_add (page->items, g_object_ref (keep));
            }
          else
            g_ptr_array_add (page->items, g_object_ref (row));
        }
      crm_client_list_insert_page (self->pages, index, page);
    }

  g_clear_pointer (&self->anchors, g_array_unref);
  self->anchors = g_steal_pointer (&job->anchors);
  self->stage = STAGE_READY;
  g_array_set_size (self->wanted, 0);

  crm_client_list_diff_ranges (old, old_n, self->pages, new_n, &position, &removed, &added);
  set_n_items (self, old_n, position, removed, added, new_n);
}

/* ---- running the jobs --------------------------------------------------- */

static void
job_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean current = job->generation == self->generation;

  self->job = NULL;
  g_clear_object (&self->cancellable);
  g_debug ("client list: %s job read in %.1f ms, done after %.1f ms",
           (const char *[]) { "head", "anchors", "page", "refresh" }[job->kind],
           job->query_us / 1000.0, (g_get_monotonic_time () - job->queued_at) / 1000.0);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (current && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          /* Nothing more for this query until it changes or the data does. */
          self->stage = STAGE_READY;
          g_array_set_size (self->wanted, 0);
          if (self->anchors == NULL)
            self->anchors = g_array_new (FALSE, TRUE, sizeof (CrmClientCursor));
        }
    }
  else if (current)
    {
      g_clear_error (&self->error);
      switch (job->kind)
        {
        case JOB_HEAD: apply_head (self, job); break;
        case JOB_ANCHORS:
          g_clear_pointer (&self->anchors, g_array_unref);
          self->anchors = g_steal_pointer (&job->anchors);
          self->stage = STAGE_READY;
          break;
        case JOB_PAGE: apply_page (self, job); break;
        case JOB_REFRESH:
        default: apply_refresh (self, job); break;
        }
      evict_pages (self);
    }
  schedule_pump (self);
}

static void
start_job (CrmClientListModel *self, Job *job)
{
  g_autoptr(GTask) task = NULL;

  job->generation = self->generation;
  job->queued_at = g_get_monotonic_time ();
  job->pool = crm_client_list_pool_ref (self->pool);
  g_mutex_init (&job->lock);
  query_copy (&job->query, &job->search, &self->query);
  job->pages = g_ptr_array_new_with_free_func (crm_client_list_job_free_page);

  self->cancellable = g_cancellable_new ();
  self->job = job;
  task = g_task_new (self, self->cancellable, job_finished_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) crm_client_list_job_free);
  g_task_run_in_thread (task, crm_client_list_job_thread);
}

/* The page asked for most recently that a row still shows, or -1. */
static int
next_wanted_page (CrmClientListModel *self)
{
  while (self->wanted->len > 0)
    {
      guint index = g_array_index (self->wanted, guint, self->wanted->len - 1);
      Page *page = crm_client_list_lookup_page (self->pages, index);

      g_array_remove_index (self->wanted, self->wanted->len - 1);
      if (page == NULL || page->loaded)
        continue;
      if (!crm_client_list_page_in_use (page))
        {
          /* Scrolled past: forget it; asking again makes it anew. */
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (index));
          continue;
        }
      if (index > 0 && (self->anchors == NULL || index - 1 >= self->anchors->len))
        {
          page->queued = FALSE;
          continue;
        }
      return (int) index;
    }
  return -1;
}

static gboolean
pump_cb (gpointer user_data)
{
  CrmClientListModel *self = user_data;
  Job *job = NULL;
  int index;

  self->pump_id = 0;
  if (self->job != NULL || self->pool == NULL)
    {
      set_loading (self, self->job != NULL);
      return G_SOURCE_REMOVE;
    }

  if (self->stage == STAGE_HEAD)
    {
      job = g_new0 (Job, 1);
      job->kind = JOB_HEAD;
      self->refresh_requested = FALSE;
    }
  else if (self->refresh_requested)
    {
      GHashTableIter iter;
      gpointer key;

      self->refresh_requested = FALSE;
      job = g_new0 (Job, 1);
      job->kind = JOB_REFRESH;
      job->page_indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint k = GPOINTER_TO_UINT (key);
          g_array_append_val (job->page_indices, k);
        }
    }
  else if (self->stage == STAGE_ANCHORS)
    {
      job = g_new0 (Job, 1);
      job->kind = JOB_ANCHORS;
    }
  else if ((index = next_wanted_page (self)) >= 0)
    {
      job = g_new0 (Job, 1);
      job->kind = JOB_PAGE;
      job->page_index = (guint) index;
      if (index > 0)
        {
          crm_client_cursor_copy (&g_array_index (self->anchors, CrmClientCursor, index - 1), &job->after);
          job->has_after = TRUE;
        }
    }

  if (job != NULL)
    start_job (self, job);
  set_loading (self, self->job != NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_pump (CrmClientListModel *self)
{
  if (self->pump_id == 0 && self->pool != NULL)
    self->pump_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, pump_cb, self, NULL);
}

static void
cancel_job (CrmClientListModel *self)
{
  if (self->job == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  crm_client_list_job_interrupt (self->job);
}

/* ---- GListModel --------------------------------------------------------- */

static GType
crm_client_list_model_get_item_type (GListModel *model)
{
  return CRM_TYPE_CLIENT;
}

static guint
crm_client_list_model_get_n_items (GListModel *model)
{
  return CRM_CLIENT_LIST_MODEL (model)->n_items;
}

static gpointer
crm_client_list_model_get_item (GListModel *model, guint position)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (model);
  guint index = position / PAGE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = crm_client_list_lookup_page (self->pages, index);
  if (page == NULL)
    {
      page = crm_client_list_page_new_empty (MIN (PAGE, self->n_items - index * PAGE));
      crm_client_list_insert_page (self->pages, index, page);
    }
  page->used = ++self->tick;
  if (!page->loaded && !page->queued && self->stage != STAGE_HEAD)
    {
      page->queued = TRUE;
      g_array_append_val (self->wanted, index);
      schedule_pump (self);
    }
  if (position % PAGE >= page->items->len)
    return crm_client_new ();      /* a page cut short by a deletion, until the refresh */
  return g_object_ref (page->items->pdata[position % PAGE]);
}

static void
crm_client_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_client_list_model_get_item_type;
  iface->get_n_items = crm_client_list_model_get_n_items;
  iface->get_item = crm_client_list_model_get_item;
}

/* ---- public ------------------------------------------------------------- */

CrmClientListModel *
crm_client_list_model_new (void)
{
  return g_object_new (CRM_TYPE_CLIENT_LIST_MODEL, NULL);
}

static void
restart (CrmClientListModel *self)
{
  self->generation++;
  cancel_job (self);
  g_array_set_size (self->wanted, 0);
  g_clear_pointer (&self->anchors, g_array_unref);
  self->refresh_requested = FALSE;
  if (self->pool == NULL)
    {
      guint old_n = self->n_items;
      g_hash_table_remove_all (self->pages);
      self->stage = STAGE_READY;
      set_n_items (self, old_n, 0, old_n, 0, 0);
      return;
    }
  /* The rows shown stay until the new ones are there. */
  self->stage = STAGE_HEAD;
  schedule_pump (self);
  set_loading (self, TRUE);
}

void
crm_client_list_model_set_database (CrmClientListModel *self, CrmDatabase *database)
{
  g_return_if_fail (CRM_IS_CLIENT_LIST_MODEL (self));

  if (self->database == database)
    return;
  g_set_object (&self->database, database);
  if (self->pool != NULL)
    {
      crm_client_list_pool_close (self->pool);
      g_clear_pointer (&self->pool, crm_client_list_pool_unref);
    }
  if (database != NULL)
    self->pool = crm_client_list_pool_new (crm_database_get_path (database));
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Closes the connections kept for the next query, with what they cache:
 * for a list that will not be asked for anything soon (not on screen). */
void
crm_client_list_model_release (CrmClientListModel *self)
{
  g_return_if_fail (CRM_IS_CLIENT_LIST_MODEL (self));
  if (self->pool != NULL)
    crm_client_list_pool_drop_idle (self->pool);
}

CrmDatabase *
crm_client_list_model_get_database (CrmClientListModel *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), NULL);
  return self->database;
}

/* A new search, filter or order: the list starts again from the top. */
void
crm_client_list_model_set_query (CrmClientListModel *self, const CrmClientQuery *query)
{
  g_return_if_fail (CRM_IS_CLIENT_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  query_copy (&self->query, &self->search, query);
  restart (self);
}

const CrmClientQuery *
crm_client_list_model_get_query (CrmClientListModel *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), NULL);
  return &self->query;
}

/* The data changed: read again what is shown, in place. */
void
crm_client_list_model_refresh (CrmClientListModel *self)
{
  g_return_if_fail (CRM_IS_CLIENT_LIST_MODEL (self));

  if (self->pool == NULL)
    return;
  self->refresh_requested = TRUE;
  schedule_pump (self);
}

gboolean
crm_client_list_model_get_loading (CrmClientListModel *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), FALSE);
  return self->loading;
}

/* Nothing running and nothing left to read (for tests and benchmarks). */
gboolean
crm_client_list_model_is_idle (CrmClientListModel *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), TRUE);
  return self->job == NULL && self->pump_id == 0 && self->stage == STAGE_READY &&
         !self->refresh_requested && self->wanted->len == 0;
}

/* The number of clients whose page has been read. */
guint
crm_client_list_model_get_n_loaded (CrmClientListModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), 0);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Page *) value)->loaded)
      n += ((Page *) value)->items->len;
  return n;
}

/* The position of a client among the pages read, or GTK_INVALID_LIST_POSITION
 * (G_MAXUINT) when it is not among them. */
guint
crm_client_list_model_find (CrmClientListModel *self, gint64 client_id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), G_MAXUINT);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;
      for (guint i = 0; page->loaded && i < page->items->len; i++)
        if (CRM_CLIENT (page->items->pdata[i])->id == client_id)
          return GPOINTER_TO_UINT (key) * PAGE + i;
    }
  return G_MAXUINT;
}

/* Why the last query failed, or NULL. */
const GError *
crm_client_list_model_get_error (CrmClientListModel *self)
{
  g_return_val_if_fail (CRM_IS_CLIENT_LIST_MODEL (self), NULL);
  return self->error;
}

/* ---- GObject ------------------------------------------------------------ */

static void
crm_client_list_model_dispose (GObject *object)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (object);

  cancel_job (self);
  g_clear_handle_id (&self->pump_id, g_source_remove);
  if (self->pool != NULL)
    {
      crm_client_list_pool_close (self->pool);
      g_clear_pointer (&self->pool, crm_client_list_pool_unref);
    }
  g_clear_object (&self->database);
  G_OBJECT_CLASS (crm_client_list_model_parent_class)->dispose (object);
}

static void
crm_client_list_model_finalize (GObject *object)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (object);

  g_clear_handle_id (&self->pump_id, g_source_remove);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->wanted, g_array_unref);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (crm_client_list_model_parent_class)->finalize (object);
}

static void
crm_client_list_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE: g_value_set_object (value, self->database); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->n_items); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_list_model_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrmClientListModel *self = CRM_CLIENT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE: crm_client_list_model_set_database (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_client_list_model_class_init (CrmClientListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_client_list_model_dispose;
  object_class->finalize = crm_client_list_model_finalize;
  object_class->get_property = crm_client_list_model_get_property;
  object_class->set_property = crm_client_list_model_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CRM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_client_list_model_init (CrmClientListModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) crm_client_list_page_free);
  self->wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  crm_client_query_init (&self->query);
  self->stage = STAGE_READY;
}
