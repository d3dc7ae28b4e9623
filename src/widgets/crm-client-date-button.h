/* crm-client-date-button.h — a day chosen in a calendar popover
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_CLIENT_DATE_BUTTON (crm_client_date_button_get_type ())

G_DECLARE_FINAL_TYPE (CrmClientDateButton, crm_client_date_button, CRM, CLIENT_DATE_BUTTON, AdwBin)

GtkWidget  *crm_client_date_button_new      (void);
const char *crm_client_date_button_get_date (CrmClientDateButton *self);
void        crm_client_date_button_set_date (CrmClientDateButton *self,
                                             const char          *iso_date);

G_END_DECLS
