/* crm-application.h — the SalesCRM application object
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-reminders.h"

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())

G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

void            crm_application_init_display (void);
CrmApplication *crm_application_new                  (const char     *database_path);
CrmDatabase    *crm_application_get_database         (CrmApplication *self);
const GError   *crm_application_get_database_error   (CrmApplication *self);
const char     *crm_application_get_database_path    (CrmApplication *self);
GSettings      *crm_application_get_settings         (CrmApplication *self);
/* What sends the reminders: NULL without a writable database. */
CrmReminders   *crm_application_get_reminders        (CrmApplication *self);
/* An older file is upgraded in a worker while the window shows it. */
gboolean        crm_application_is_upgrading         (CrmApplication *self);
void            crm_application_stop_upgrade         (CrmApplication *self);

G_END_DECLS
