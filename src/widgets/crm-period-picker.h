/* crm-period-picker.h — choose a month, a quarter, a year or a range of days
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-period.h"

G_BEGIN_DECLS

#define CRM_TYPE_PERIOD_PICKER (crm_period_picker_get_type ())

G_DECLARE_FINAL_TYPE (CrmPeriodPicker, crm_period_picker, CRM, PERIOD_PICKER, AdwBin)

GtkWidget *crm_period_picker_new        (void);
CrmPeriod *crm_period_picker_get_period (CrmPeriodPicker *self);
void       crm_period_picker_set_period (CrmPeriodPicker *self, CrmPeriod *period);

G_END_DECLS
