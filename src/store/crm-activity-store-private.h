/* crm-activity-store-private.h — what the activity files of src/store share
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity-store.h"
#include "crm-database-private.h"

G_BEGIN_DECLS

#define ACTIVITY_COLUMNS \
  "a.id, a.uid, a.type, a.client_id, c.name, a.manager_id, m.name, a.deal_id, a.title, a.starts_at," \
  " a.duration_min, a.all_day, a.direction, a.state, a.outcome, a.location, a.reminder_min, a.rrule," \
  " a.exdates, a.tzid, a.series_id, a.recurrence_at, a.created_at, a.updated_at"
#define ACTIVITY_FROM \
  " FROM activity a LEFT JOIN client c ON c.id = a.client_id JOIN manager m ON m.id = a.manager_id"

/* An activity from a row selected with ACTIVITY_COLUMNS (24 columns). */
CrmActivity *crm_activity_read_row (sqlite3_stmt *stmt);

G_END_DECLS
