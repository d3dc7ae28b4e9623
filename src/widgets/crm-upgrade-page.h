/* crm-upgrade-page.h — what the window shows while an older database is upgraded
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-application.h"

G_BEGIN_DECLS

#define CRM_TYPE_UPGRADE_PAGE (crm_upgrade_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmUpgradePage, crm_upgrade_page, CRM, UPGRADE_PAGE, AdwBin)

GtkWidget *crm_upgrade_page_new          (CrmApplication *application);
double     crm_upgrade_page_get_fraction (CrmUpgradePage *self);
const char *crm_upgrade_page_get_step_text (CrmUpgradePage *self);

gboolean   crm_upgrade_page_ask_to_quit  (GtkWindow      *window,
                                          CrmApplication *application);

G_END_DECLS
