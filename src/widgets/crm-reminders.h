/* crm-reminders.h — desktop notifications before planned activities
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-activity.h"
#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_REMINDERS (crm_reminders_get_type ())

G_DECLARE_FINAL_TYPE (CrmReminders, crm_reminders, CRM, REMINDERS, GObject)

#define CRM_REMINDERS_SNOOZE_MIN 10

CrmReminders *crm_reminders_new        (GApplication *app, CrmDatabase *db);
/* Sends what is due at @now and returns when the next one is (0: nothing
 * within the next two days). The timer calls it with the real time. */
gint64        crm_reminders_check      (CrmReminders *self, gint64 now);
/* Reminds again @minutes after @now. */
void          crm_reminders_snooze     (CrmReminders *self, const char *key, gint64 now, int minutes);
/* The notification's key of an activity ("a:12", "s:7:1767250800"), and
 * the activity of a key (NULL when it is gone). */
char         *crm_reminders_key        (const CrmActivity *activity);
CrmActivity  *crm_reminders_lookup     (CrmReminders *self, const char *key);
/* The keys notified so far, oldest first (for the tests). */
GPtrArray    *crm_reminders_get_sent   (CrmReminders *self);

G_END_DECLS
