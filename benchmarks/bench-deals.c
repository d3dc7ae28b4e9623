/* bench-deals.c — the pipeline board and its list: what a reload and "Show More" read
 *
 *   bench-deals DATABASE [RUNS]
 *
 * Measures what the Deals screen asks the store for (crm-deals-load.c):
 *
 *   board             a connection of its own, the totals of every column and
 *                     the first 100 deals of each, as the reload's worker does
 *   column_more       the next 100 deals of the New column after its 100th
 *   list_ORDER_asc    the list's first 100 deals in each order, and
 *   list_ORDER_desc   descending (on a warm connection)
 *   list_ORDER_page10 the 10th page in that order, after the 900th deal
 *
 * Each line reads "NAME median_ms=… min_ms=… max_ms=… rows=…" over RUNS runs
 * (default 15), after one warm-up run.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crm-period.h"
#include "crm-pipeline-store.h"

#define PAGE_SIZE 100

typedef struct {
  const char   *path;
  CrmDatabase  *db;             /* warm, for the list */
  char         *since;
  CrmDealQuery  query;
  CrmDeal      *after;          /* where the measured page starts, or NULL */
} Bench;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gboolean
board (Bench *b, guint *out_rows, GError **error)
{
  g_autoptr(CrmDatabase) db = crm_pipeline_store_open (b->path, NULL, error);
  CrmStageTotal totals[CRM_N_STAGES];

  if (db == NULL || !crm_pipeline_store_totals (db, 0, b->since, totals, error))
    return FALSE;
  *out_rows = 0;
  for (CrmDealStage stage = CRM_STAGE_NEW; stage <= CRM_STAGE_LOST; stage++)
    {
      g_autoptr(GPtrArray) page = crm_pipeline_store_column_page (db, 0, stage, b->since, NULL, PAGE_SIZE, error);
      if (page == NULL)
        return FALSE;
      *out_rows += page->len;
    }
  return TRUE;
}

static gboolean
column_more (Bench *b, guint *out_rows, GError **error)
{
  g_autoptr(GPtrArray) page = crm_pipeline_store_column_page (b->db, 0, CRM_STAGE_NEW, b->since, b->after,
                                                              PAGE_SIZE, error);
  if (page == NULL)
    return FALSE;
  *out_rows = page->len;
  return TRUE;
}

static gboolean
list_page (Bench *b, guint *out_rows, GError **error)
{
  g_autoptr(GPtrArray) page = crm_pipeline_store_list_page (b->db, &b->query, b->after, PAGE_SIZE, error);

  if (page == NULL)
    return FALSE;
  *out_rows = page->len;
  return TRUE;
}

typedef gboolean (*Measured) (Bench *, guint *, GError **);

static gboolean
measure (const char *name, Measured fn, Bench *b, int runs, GError **error)
{
  g_autofree double *times = g_new (double, runs);
  guint rows = 0;

  if (!fn (b, &rows, error))
    return FALSE;
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      if (!fn (b, &rows, error))
        return FALSE;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_double);
  printf ("%s median_ms=%.2f min_ms=%.2f max_ms=%.2f rows=%u\n", name, times[runs / 2], times[0],
          times[runs - 1], rows);
  return TRUE;
}

/* The deal after which page @n (from 1) of the query starts. */
static CrmDeal *
deal_before_page (Bench *b, guint n, GError **error)
{
  g_autoptr(CrmDeal) last = NULL;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GPtrArray) page = crm_pipeline_store_list_page (b->db, &b->query, last, PAGE_SIZE, error);
      if (page == NULL || page->len == 0)
        return NULL;
      g_clear_object (&last);
      last = g_object_ref (page->pdata[page->len - 1]);
    }
  return g_steal_pointer (&last);
}

int
main (int argc, char *argv[])
{
  static const struct { CrmDealOrder order; const char *name; } orders[] = {
    { CRM_DEAL_ORDER_BOARD, "board" }, { CRM_DEAL_ORDER_TITLE, "title" },
    { CRM_DEAL_ORDER_CLIENT, "client" }, { CRM_DEAL_ORDER_AMOUNT, "amount" },
    { CRM_DEAL_ORDER_PROBABILITY, "probability" }, { CRM_DEAL_ORDER_CLOSE, "close" },
    { CRM_DEAL_ORDER_MANAGER, "manager" },
  };
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };
  int runs = argc > 2 ? atoi (argv[2]) : 15;
  GDate day;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-deals DATABASE [RUNS]\n");
      return 2;
    }
  b.path = argv[1];
  b.db = crm_pipeline_store_open (b.path, NULL, &error);
  if (b.db == NULL)
    {
      fprintf (stderr, "bench-deals: %s\n", error->message);
      return 1;
    }
  crm_date_set_today (&day);
  g_date_subtract_days (&day, 89);
  b.since = crm_date_to_iso (&day);
  b.query.closed_since = b.since;

  if (!measure ("board", board, &b, runs, &error))
    goto failed;
  {
    g_autoptr(GPtrArray) first = crm_pipeline_store_column_page (b.db, 0, CRM_STAGE_NEW, b.since, NULL, PAGE_SIZE,
                                                                 &error);
    if (first == NULL || first->len == 0)
      goto failed;
    b.after = g_object_ref (first->pdata[first->len - 1]);
    if (!measure ("column_more", column_more, &b, runs, &error))
      goto failed;
    g_clear_object (&b.after);
  }
  for (gsize i = 0; i < G_N_ELEMENTS (orders); i++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *name = g_strdup_printf ("list_%s_%s", orders[i].name, descending ? "desc" : "asc");
        g_autofree char *page10 = g_strdup_printf ("list_%s_%s_page10", orders[i].name,
                                                   descending ? "desc" : "asc");

        b.query.order = orders[i].order;
        b.query.descending = descending;
        if (!measure (name, list_page, &b, runs, &error))
          goto failed;
        b.after = deal_before_page (&b, 10, &error);
        if (b.after == NULL && error != NULL)
          goto failed;
        if (!measure (page10, list_page, &b, runs, &error))
          goto failed;
        g_clear_object (&b.after);
      }
  g_object_unref (b.db);
  g_free (b.since);
  return 0;

failed:
  fprintf (stderr, "bench-deals: %s\n", error != NULL ? error->message : "no deals");
  return 1;
}
