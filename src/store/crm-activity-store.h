/* crm-activity-store.h — calls, meetings and tasks
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity.h"
#include "crm-database.h"

G_BEGIN_DECLS

gboolean     crm_activity_store_create          (CrmDatabase *db, CrmActivity *activity, GError **error);
CrmActivity *crm_activity_store_get             (CrmDatabase *db, gint64 id, GError **error);
CrmActivity *crm_activity_store_get_by_uid      (CrmDatabase *db, const char *uid, GError **error);
gboolean     crm_activity_store_update          (CrmDatabase *db, CrmActivity *activity, GError **error);
gboolean     crm_activity_store_delete          (CrmDatabase *db, gint64 id, GError **error);

/* Activities of one manager (0: everybody) that start in [from, to), by
 * start time; series masters (rrule set) are not expanded here. */
GPtrArray   *crm_activity_store_list_range      (CrmDatabase *db, gint64 manager_id,
                                                 gint64 from, gint64 to, GError **error);
/* Series masters of a manager (0: everybody) that start before @to. */
GPtrArray   *crm_activity_store_list_series     (CrmDatabase *db, gint64 manager_id,
                                                 gint64 to, GError **error);
GPtrArray   *crm_activity_store_list_for_client (CrmDatabase *db, gint64 client_id, GError **error);
/* Planned or done activities of @manager_id overlapping [from, to), other than
 * @exclude_id: the manager is busy then. */
GPtrArray   *crm_activity_store_find_conflicts  (CrmDatabase *db, gint64 manager_id,
                                                 gint64 from, gint64 to, gint64 exclude_id,
                                                 GError **error);

G_END_DECLS
