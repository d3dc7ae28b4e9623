/* crm-activity.h — a call, a meeting or a task
 *
 * Plain data: the store fills the fields, the widgets read them. The fields
 * are public; the properties exist for bindings and list factories.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_ACTIVITY (crm_activity_get_type ())

G_DECLARE_FINAL_TYPE (CrmActivity, crm_activity, CRM, ACTIVITY, GObject)

struct _CrmActivity {
  GObject parent_instance;

  gint64           id;
  char             *uid;                 /* stable, for iCalendar */
  CrmActivityType  type;
  gint64           client_id;            /* 0: none */
  char             *client_name;
  gint64           manager_id;
  char             *manager_name;
  gint64           deal_id;              /* 0: none */
  char             *title;
  gint64           starts_at;            /* Unix seconds */
  int              duration_min;
  gboolean         all_day;
  CrmDirection     direction;
  CrmActivityState state;
  char             *outcome;
  char             *location;
  int              reminder_min;         /* -1: no reminder */
  char             *rrule;               /* RFC 5545 RRULE, or NULL */
  char             *exdates;             /* excluded occurrences, Unix seconds, comma-separated */
  char             *tzid;                /* zone of a series */
  gint64           series_id;            /* the series this occurrence was detached from, or 0 */
  gint64           recurrence_at;        /* the occurrence it replaces */
  gint64           created_at;
  gint64           updated_at;
};

CrmActivity *crm_activity_new  (void);
CrmActivity *crm_activity_copy (CrmActivity *self);

G_END_DECLS
