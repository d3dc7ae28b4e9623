/* crm-welcome-page.h — the first screen on an empty database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_WELCOME_PAGE (crm_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmWelcomePage, crm_welcome_page, CRM, WELCOME_PAGE, AdwBin)

void     crm_welcome_page_set_database_path (CrmWelcomePage *self, const char *path);
gboolean crm_welcome_page_get_busy          (CrmWelcomePage *self);

G_END_DECLS
