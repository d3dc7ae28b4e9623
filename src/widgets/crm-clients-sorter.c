/* crm-clients-sorter.c — the order a column header of the client list stands for
 *
 * The store sorts the clients (by keyset, over 100,000 rows); the list
 * never sorts in memory. A sortable column gets one of these sorters, so
 * that its header can be clicked and shows the arrow. GTK 4.8 has no API to
 * ask the column view which column sorts and which way
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), so
 * crm_clients_sorter_probe() asks its sorter to compare two items: the
 * column view consults the primary column's sorter first, which notes its
 * order, and inverts the answer when the order is descending.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-widgets"

#include "config.h"

#include "crm-clients-sorter.h"

struct _CrmClientsSorter {
  GtkSorter      parent_instance;
  CrmClientSort  sort;
};

G_DEFINE_FINAL_TYPE (CrmClientsSorter, crm_clients_sorter, GTK_TYPE_SORTER)

/* Which sorter the last probe reached first (main thread only). */
static int probe_hit = -1;

static GtkOrdering
crm_clients_sorter_compare (GtkSorter *sorter, gpointer item1, gpointer item2)
{
  probe_hit = CRM_CLIENTS_SORTER (sorter)->sort;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
crm_clients_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
crm_clients_sorter_class_init (CrmClientsSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = crm_clients_sorter_compare;
  sorter_class->get_order = crm_clients_sorter_get_order;
}

static void
crm_clients_sorter_init (CrmClientsSorter *self)
{
}

GtkSorter *
crm_clients_sorter_new (CrmClientSort sort)
{
  CrmClientsSorter *self = g_object_new (CRM_TYPE_CLIENTS_SORTER, NULL);

  self->sort = sort;
  return GTK_SORTER (self);
}

/* The order the column view's sorter (gtk_column_view_get_sorter) stands
 * for; FALSE when no column sorts. */
gboolean
crm_clients_sorter_probe (GtkSorter *column_view_sorter, CrmClientSort *out_sort, gboolean *out_descending)
{
  static GObject *a, *b;
  GtkOrdering ordering;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  if (a == NULL)
    {
      a = g_object_new (G_TYPE_OBJECT, NULL);
      b = g_object_new (G_TYPE_OBJECT, NULL);
    }
  probe_hit = -1;
  ordering = gtk_sorter_compare (column_view_sorter, a, b);
  if (probe_hit < 0 || ordering == GTK_ORDERING_EQUAL)
    return FALSE;
  *out_sort = (CrmClientSort) probe_hit;
  *out_descending = ordering == GTK_ORDERING_LARGER;
  return TRUE;
}
