/* crm-complaint-store.h — claims and returns: what clients cost
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-list-filter.h"
#include "crm-complaint.h"

G_BEGIN_DECLS

gboolean   crm_complaint_store_create          (CrmDatabase *db, CrmComplaint *complaint, GError **error);
CrmComplaint    *crm_complaint_store_get             (CrmDatabase *db, gint64 id, GError **error);
gboolean   crm_complaint_store_update          (CrmDatabase *db, CrmComplaint *complaint, GError **error);
gboolean   crm_complaint_store_delete          (CrmDatabase *db, gint64 id, GError **error);
GPtrArray *crm_complaint_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error);
GPtrArray *crm_complaint_store_list            (CrmDatabase *db, const CrmListFilter *filter, GError **error);

G_END_DECLS
