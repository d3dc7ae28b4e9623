/* crm-my-day.h — "My day": a manager's agenda, what is late, what to follow up
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_MY_DAY (crm_my_day_get_type ())

G_DECLARE_FINAL_TYPE (CrmMyDay, crm_my_day, CRM, MY_DAY, GtkBox)

GtkWidget *crm_my_day_new            (void);
void       crm_my_day_set_database   (CrmMyDay *self, CrmDatabase *db);
/* Whose day (when the "current manager" setting names nobody). */
void       crm_my_day_set_manager    (CrmMyDay *self, gint64 manager_id);
gint64     crm_my_day_get_manager    (CrmMyDay *self);
/* Freezes the clock (tests, screenshots); 0 follows the real time. */
void       crm_my_day_set_now        (CrmMyDay *self, gint64 now);
/* The lists are being read (in a worker thread). */
gboolean   crm_my_day_is_loading     (CrmMyDay *self);
/* The rows of a section: "agenda", "overdue", "clients", "deals". */
GtkListBox *crm_my_day_get_list      (CrmMyDay *self, const char *section);

G_END_DECLS
