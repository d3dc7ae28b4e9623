/* crm-activity-dialog.h — create or change a call, a meeting or a task
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-activity.h"
#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_ACTIVITY_DIALOG (crm_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmActivityDialog, crm_activity_dialog, CRM, ACTIVITY_DIALOG, AdwWindow)

/* @activity: a new one (id 0, its fields the defaults: the range dragged,
 * the manager) or an existing one, an occurrence of a series included. The
 * dialog works on a copy and writes on Save ("saved" is emitted once it
 * is written, and the dialog closes). */
CrmActivityDialog *crm_activity_dialog_new      (GtkWindow *parent, CrmDatabase *db, CrmActivity *activity);
/* The activity as the fields say now (a new object). */
CrmActivity       *crm_activity_dialog_get_edited (CrmActivityDialog *self);
/* A write is under way (its button turns, the dialog stays open). */
gboolean           crm_activity_dialog_is_saving  (CrmActivityDialog *self);
/* The busy time shown (NULL: none): for the tests. */
const char        *crm_activity_dialog_get_conflict_text (CrmActivityDialog *self);

G_END_DECLS
