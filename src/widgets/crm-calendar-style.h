/* crm-calendar-style.h — what the calendar views share: colours, boxes, dates
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-activity.h"
#include "crm-calendar-layout.h"
#include "crm-database.h"
#include "crm-settings.h"

G_BEGIN_DECLS

/* How an activity looks: by type (call, meeting, task) and by state
 * (planned, done, cancelled, overdue). */
typedef enum {
  CRM_LOOK_PLANNED,
  CRM_LOOK_DONE,
  CRM_LOOK_CANCELLED,
  CRM_LOOK_OVERDUE,
} CrmActivityLook;

CrmActivityLook crm_calendar_look        (const CrmActivity *a, gint64 now);
const char     *crm_calendar_look_label  (CrmActivityLook look);
/* The colour of a type: blue calls, green meetings, orange tasks. */
void            crm_calendar_type_color  (CrmActivityType type, GdkRGBA *out);

/* Draws an activity box (fill, a bar on the left, the text when it fits)
 * in @rect. @text is the first line, @detail the second (may be NULL).
 * @selected draws a focus ring; @warning a red outline (a conflict). */
void            crm_calendar_draw_box    (GtkSnapshot *snapshot, GtkWidget *widget,
                                          const graphene_rect_t *rect, const CrmActivity *a,
                                          gint64 now, const char *text, const char *detail,
                                          gboolean selected, gboolean warning);

/* The start of @a as a narrow box @rect can say it: "10:30", else "10";
 * NULL when not even that fits. */
char           *crm_calendar_box_time    (GtkWidget *widget, const CrmActivity *a,
                                          const graphene_rect_t *rect);

/* "10:00", "10:00–10:30" in local time. */
char           *crm_calendar_format_time  (gint64 t);
char           *crm_calendar_format_range (gint64 start, gint64 end);
/* "Monday", translated. */
const char     *crm_calendar_weekday_name (GDateWeekday weekday);
/* "Mon 2"; "Monday, 2 November" (long). */
char           *crm_calendar_format_day   (const GDate *day, gboolean long_form);

/* The settings of @db (NULL: none), or the defaults: never NULL. */
CrmSettings    *crm_calendar_load_settings (CrmDatabase *db);
/* The first day of the week: the setting, else the locale's. */
GDateWeekday    crm_calendar_first_weekday (const CrmSettings *settings);

G_END_DECLS
