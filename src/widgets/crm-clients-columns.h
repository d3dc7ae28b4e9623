/* crm-clients-columns.h — the columns of the client list
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CRM_CLIENTS_COLUMN_NAME,
  CRM_CLIENTS_COLUMN_COMPANY,
  CRM_CLIENTS_COLUMN_PHONE,
  CRM_CLIENTS_COLUMN_EMAIL,
  CRM_CLIENTS_COLUMN_STATUS,
  CRM_CLIENTS_COLUMN_OWNER,
  CRM_CLIENTS_COLUMN_SOURCE,
  CRM_CLIENTS_COLUMN_LAST_CONTACT,
  CRM_CLIENTS_COLUMN_REVENUE,
  CRM_CLIENTS_COLUMN_CREATED,       /* the day the client was added */
  CRM_CLIENTS_N_COLUMNS
} CrmClientsColumn;

/* Appends the columns to @view; the revenue is shown in *@currency, read
 * whenever a cell is drawn (the string must outlive the view). */
void crm_clients_columns_add         (GtkColumnView      *view,
                                      char              **currency);
/* Beside an open card only the columns that tell clients apart are shown. */
void crm_clients_columns_set_compact (GtkColumnView      *view,
                                      gboolean            compact);
/* The names of the managers, for the width of the owner column. */
void crm_clients_columns_set_owners  (GtkColumnView      *view,
                                      const char * const *owners);
/* @bin, an ancestor of @view with one child, lays it out after sharing
 * its width among the columns. */
void crm_clients_columns_follow_width (GtkColumnView     *view,
                                      GtkWidget          *bin);
/* Shares the width again (the currency or the language changed). */
void crm_clients_columns_refit       (GtkColumnView      *view);
char *crm_clients_columns_cell_text  (CrmClientsColumn    column,
                                      gpointer            client,
                                      const char         *currency);

G_END_DECLS
