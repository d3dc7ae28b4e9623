/* crm-clients-sorter.h — the order a column header of the client list stands for
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-client-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CLIENTS_SORTER (crm_clients_sorter_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientsSorter, crm_clients_sorter, CRM, CLIENTS_SORTER, GtkSorter)

GtkSorter *crm_clients_sorter_new   (CrmClientSort  sort);
gboolean   crm_clients_sorter_probe (GtkSorter     *column_view_sorter,
                                     CrmClientSort *out_sort,
                                     gboolean      *out_descending);

G_END_DECLS
