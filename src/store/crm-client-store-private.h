/* crm-client-store-private.h — what the client store's files share
 *
 * Only files in src/store/ include this.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-client-store.h"
#include "crm-database-private.h"

G_BEGIN_DECLS

/* The columns crm_client_store_read_row() expects, in order. */
#define CRM_CLIENT_COLUMNS \
  "c.id, c.kind, c.name, c.company, c.phones, c.emails, c.address, c.city, c.source, c.status," \
  " c.owner_id, m.name, c.notes, c.first_paid_on, c.created_at, c.updated_at," \
  " c.last_contact_at, c.revenue_minor," \
  " (SELECT group_concat(t.name, char(10)) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id" \
  "   WHERE ct.client_id = c.id)," \
  " c.sort_key, c.status_rank"

#define CRM_CLIENT_FROM " FROM client c LEFT JOIN manager m ON m.id = c.owner_id"

CrmClient *crm_client_store_read_row (sqlite3_stmt *stmt);
char      *crm_client_store_sort_key (CrmClient    *client);
char      *crm_client_store_explain_page (CrmDatabase           *db,
                                          const CrmClientQuery  *query,
                                          const CrmClientCursor *after,
                                          GError               **error);

G_END_DECLS
