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


/* ---- the calendar (crm-activity-store.c) ---- */

/* What the calendar shows in [from, to) for a manager (0: everybody): the
 * rows that overlap it and the occurrences of the series expanded (see
 * crm-recurrence.h), by start time. A series whose rule hits the expansion
 * limit shows what was expanded. */
GPtrArray   *crm_activity_store_list_occurrences (CrmDatabase *db, gint64 manager_id,
                                                  gint64 from, gint64 to, GError **error);
/* Like find_conflicts, with the series occurrences too. @editing is the
 * activity being changed (a row, an occurrence or a master), left out with
 * its whole series when it is a master; NULL for a new one. */
GPtrArray   *crm_activity_store_find_busy       (CrmDatabase *db, gint64 manager_id,
                                                  gint64 from, gint64 to, CrmActivity *editing,
                                                  GError **error);
/* Planned rows (not series) of a manager that ended before @now, latest
 * first, at most @limit. */
GPtrArray   *crm_activity_store_list_overdue    (CrmDatabase *db, gint64 manager_id, gint64 now,
                                                  guint limit, GError **error);
/* Planned activities with a reminder (rows and occurrences) of a manager
 * (0: everybody) starting in [from, to), by start time. */
GPtrArray   *crm_activity_store_list_reminders  (CrmDatabase *db, gint64 manager_id,
                                                  gint64 from, gint64 to, GError **error);

/* ---- series (crm-activity-series.c) ---- */

typedef enum {
  CRM_SERIES_THIS,          /* only this occurrence */
  CRM_SERIES_FOLLOWING,     /* this one and the ones after it */
  CRM_SERIES_ALL,           /* the whole series */
} CrmSeriesScope;

/* Saves @edited, an occurrence or a detached occurrence of a series
 * (series_id and recurrence_at set) changed by the person. THIS detaches it
 * (a row of its own, its time excluded from the master); FOLLOWING ends the
 * series before it and starts a new one from it; ALL changes the master,
 * moved by as much as this occurrence was (on the wall clock). @edited->id
 * is the row written. One transaction. */
gboolean     crm_activity_store_save_in_series  (CrmDatabase *db, CrmActivity *edited,
                                                  CrmSeriesScope scope, GError **error);
/* Deletes an occurrence, the rest of the series from it, or the whole
 * series; done occurrences stay (they are history the KPIs count). */
gboolean     crm_activity_store_delete_in_series (CrmDatabase *db, CrmActivity *occurrence,
                                                   CrmSeriesScope scope, GError **error);

G_END_DECLS
