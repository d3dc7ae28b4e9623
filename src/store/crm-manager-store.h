/* crm-manager-store.h — the managers of the sales team
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-manager.h"

G_BEGIN_DECLS

gboolean    crm_manager_store_create      (CrmDatabase *db, CrmManager *manager, GError **error);
CrmManager *crm_manager_store_get         (CrmDatabase *db, gint64 id, GError **error);
gboolean    crm_manager_store_update      (CrmDatabase *db, CrmManager *manager, GError **error);
gboolean    crm_manager_store_delete      (CrmDatabase *db, gint64 id, GError **error);
gboolean    crm_manager_store_set_active  (CrmDatabase *db, gint64 id, gboolean active, GError **error);
gboolean    crm_manager_store_has_history (CrmDatabase *db, gint64 id, gboolean *out, GError **error);
GPtrArray  *crm_manager_store_list        (CrmDatabase *db, gboolean include_inactive, GError **error);
GPtrArray  *crm_manager_store_match       (CrmDatabase *db, const char *name_or_id, GError **error);
CrmManager *crm_manager_store_find        (CrmDatabase *db, const char *name_or_id, GError **error);
char       *crm_manager_store_join_names  (GPtrArray *managers, guint limit);

G_END_DECLS
