/* crm-calendar-view.h — the Calendar screen: day, week and month
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-activity.h"
#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_CALENDAR_VIEW (crm_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmCalendarView, crm_calendar_view, CRM, CALENDAR_VIEW, GtkBox)

GtkWidget  *crm_calendar_view_new            (void);
void        crm_calendar_view_set_database   (CrmCalendarView *self, CrmDatabase *db);
/* "day", "week" or "month", around @day. */
void        crm_calendar_view_show           (CrmCalendarView *self, const char *view, const GDate *day);
const char *crm_calendar_view_get_view       (CrmCalendarView *self);
void        crm_calendar_view_set_manager    (CrmCalendarView *self, gint64 manager_id);
/* Goes to the activity's day and opens it (the reminders' "Open"). */
void        crm_calendar_view_open_activity  (CrmCalendarView *self, CrmActivity *activity);
/* Reads an iCalendar file in a worker thread and says how it went. */
void        crm_calendar_view_import_file    (CrmCalendarView *self, GFile *file);
void        crm_calendar_view_export_file    (CrmCalendarView *self, GFile *file);
/* Freezes the clock of the views (tests, screenshots). */
void        crm_calendar_view_set_now        (CrmCalendarView *self, gint64 now);
/* The activities loaded for what is shown. */
GPtrArray  *crm_calendar_view_get_activities (CrmCalendarView *self);

G_END_DECLS
