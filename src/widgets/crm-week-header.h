/* crm-week-header.h — the titles of the grid's columns and the all-day row
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-week-grid.h"

G_BEGIN_DECLS

#define CRM_TYPE_WEEK_HEADER (crm_week_header_get_type ())

G_DECLARE_FINAL_TYPE (CrmWeekHeader, crm_week_header, CRM, WEEK_HEADER, GtkWidget)

GtkWidget *crm_week_header_new            (void);
/* The same columns as the grid below (CrmGridColumn). */
void       crm_week_header_set_columns    (CrmWeekHeader *self, GPtrArray *columns);
/* The activities; the all-day ones (and those of a day or more) show here. */
void       crm_week_header_set_activities (CrmWeekHeader *self, GPtrArray *activities);
void       crm_week_header_set_now        (CrmWeekHeader *self, gint64 now);
/* How wide a column must be for @title, a manager's name, to be read. */
int        crm_week_header_name_width     (CrmWeekHeader *self, const char *title);

G_END_DECLS
