/* crm-month-grid.h — six weeks of days with their activities
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-activity.h"

G_BEGIN_DECLS

#define CRM_TYPE_MONTH_GRID (crm_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (CrmMonthGrid, crm_month_grid, CRM, MONTH_GRID, GtkWidget)

GtkWidget *crm_month_grid_new            (void);
/* The month of @day, in weeks that start on @first_weekday; @day is
 * selected. */
void       crm_month_grid_set_month      (CrmMonthGrid *self, const GDate *day, GDateWeekday first_weekday);
/* The first and the day after the last day shown. */
void       crm_month_grid_get_range      (CrmMonthGrid *self, GDate *first, GDate *after_last);
void       crm_month_grid_set_activities (CrmMonthGrid *self, GPtrArray *activities);
void       crm_month_grid_set_now        (CrmMonthGrid *self, gint64 now);
void       crm_month_grid_get_selected   (CrmMonthGrid *self, GDate *out);
void       crm_month_grid_set_selected   (CrmMonthGrid *self, const GDate *day);

G_END_DECLS
