/* crm-activity-exchange.h — activities in and out of files (iCalendar)
 *
 * The store side of an import: one transaction that creates or updates
 * activities by their uid (importing the same file twice updates), finds
 * the manager and the client by name (creating them when the database has
 * none of that name), and attaches detached occurrences to their series.
 * The store side of an export: every activity of a window, streamed.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-activity.h"
#include "crm-database.h"

G_BEGIN_DECLS

typedef struct {
  CrmActivity *activity;      /* manager_id/client_id 0: found by manager_name/client_name */
  char        *series_uid;    /* a detached occurrence: its series' uid (activity->recurrence_at set) */
  gboolean     full;          /* written by SalesCRM: type, state, direction and people are known */
  guint        line;          /* where it starts in the file */
} CrmActivityImportItem;

CrmActivityImportItem *crm_activity_import_item_new  (CrmActivity *activity, guint line);
void                   crm_activity_import_item_free (CrmActivityImportItem *item);

/* @skipped: the activity was left out (else it went in with a change). */
typedef void (*CrmImportProblemFunc) (guint line, gboolean skipped, const char *message, gpointer user_data);

/* Writes @items (masters before their detached occurrences) in one
 * transaction. An item the database refuses is reported through @problem
 * and left out; the others are written. Activities without a manager go to
 * @default_manager_id (0: the first active manager; a new one named after
 * the user when there is none). FALSE only when nothing was written. */
gboolean crm_activity_store_import (CrmDatabase *db, GPtrArray *items, gint64 default_manager_id,
                                    guint *created, guint *updated,
                                    CrmImportProblemFunc problem, gpointer user_data,
                                    GError **error);

/* What an export needs to know about the series of a detached occurrence. */
typedef struct {
  const char *uid;
  const char *tzid;
  gboolean    all_day;
} CrmSeriesInfo;

typedef gboolean (*CrmActivityExportFunc) (CrmActivity *activity, const CrmSeriesInfo *series,
                                           gpointer user_data, GError **error);

/* Calls @func for the series masters of @manager_id (0: everybody) that
 * start before @to, then for every other activity starting in [from, to)
 * by start time (@series is NULL unless it is a detached occurrence). Rows
 * are read one at a time: an export of a million activities stays small. */
gboolean crm_activity_store_export (CrmDatabase *db, gint64 manager_id, gint64 from, gint64 to,
                                    CrmActivityExportFunc func, gpointer user_data, GError **error);
/* The recurrence_at of the detached occurrences of @series_id (gint64). */
GArray  *crm_activity_store_detached_times (CrmDatabase *db, gint64 series_id, GError **error);
/* The zones of the series of @manager_id (0: everybody), for VTIMEZONE;
 * "" stands for series in the local zone. */
GStrv    crm_activity_store_series_zones (CrmDatabase *db, gint64 manager_id, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmActivityImportItem, crm_activity_import_item_free)

G_END_DECLS
