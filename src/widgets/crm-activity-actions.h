/* crm-activity-actions.h — saving, deleting, marking done, rescheduling
 *
 * What the calendar, the activity dialog and "My day" do to an activity,
 * with the questions that go with it: which part of a repeating series,
 * whether to keep a time the manager is already busy, how the call went.
 * Each asks with an AdwMessageDialog over @parent's window, then hands the
 * write to the store's writer thread (crm_database_write_async): the window
 * never waits for the database. @done hears of each step: WRITING once the
 * questions are answered and the write is on its way (not when cancelled),
 * then, last, WRITTEN or NOT_WRITTEN — with @refusal, the sentence saying
 * why, when the store refused (cancelled: NULL). With no @done, a refusal
 * is said in a toast.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-activity-store.h"

G_BEGIN_DECLS

typedef enum {
  CRM_ACTIVITY_WRITING,
  CRM_ACTIVITY_WRITTEN,
  CRM_ACTIVITY_NOT_WRITTEN,
} CrmActivityStep;

typedef void (*CrmActivityDone) (CrmActivityStep step, const char *refusal, gpointer user_data);

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
/* "Does not repeat" chosen for @occurrence: asks which part of its series
 * ends, then deletes that part and writes @single, as an activity of its
 * own, in the same transaction. */
void  crm_activity_stop_series  (GtkWidget *parent, CrmDatabase *db, CrmActivity *occurrence,
                                 CrmActivity *single, CrmActivityDone done, gpointer user_data);
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
/* A toast on the window of @widget, when it is the main window (or the
 * window of a dialog over it), else on a toast overlay around @widget. */
void  crm_activity_toast         (GtkWidget *widget, const char *text);

G_END_DECLS
