/* crm-activity-actions.h — saving, deleting, marking done, rescheduling
 *
 * What the calendar, the activity dialog and "My day" do to an activity,
 * with the questions that go with it: which part of a repeating series,
 * whether to keep a time the manager is already busy, how the call went.
 * Each asks with an AdwMessageDialog over @parent's window and calls @done
 * at the end (TRUE when something was written).
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-activity-store.h"

G_BEGIN_DECLS

typedef void (*CrmActivityDone) (gboolean changed, gpointer user_data);

typedef enum {
  CRM_SAVE_CONFIRM_CONFLICTS = 1 << 0,   /* ask before keeping a busy time */
  CRM_SAVE_ASK_SCOPE         = 1 << 1,   /* a series: ask which part (else only this one) */
  CRM_SAVE_NO_THIS_ONE       = 1 << 2,   /* the rule changed: "this one" cannot be */
} CrmSaveFlags;

/* Writes @edited: a new activity (id 0), a row, or an occurrence of a
 * series (series_id set). */
void  crm_activity_save         (GtkWidget *parent, CrmDatabase *db, CrmActivity *edited,
                                 CrmSaveFlags flags, CrmActivityDone done, gpointer user_data);
/* Asks, then deletes (for a series: which part). */
void  crm_activity_delete       (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                                 CrmActivityDone done, gpointer user_data);
/* A call: minutes, direction and outcome; a meeting: held or not; a task:
 * the outcome. An occurrence of a series becomes a row of its own. */
void  crm_activity_mark_done    (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                                 CrmActivityDone done, gpointer user_data);
/* The same time tomorrow (today + 1, whatever day it was planned for). */
void  crm_activity_move_to_tomorrow (GtkWidget *parent, CrmDatabase *db, CrmActivity *activity,
                                     CrmActivityDone done, gpointer user_data);

/* "Anna Petrova is already busy then: 10:00–10:30 Call: Acme" (NULL when
 * @busy is empty). */
char *crm_activity_describe_busy (GPtrArray *busy, guint max_lines);
/* A toast on the window of @widget, when it is the main window. */
void  crm_activity_toast         (GtkWidget *widget, const char *text);

G_END_DECLS
