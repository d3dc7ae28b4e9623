/* crm-setting-store.h — the settings kept in the database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-database.h"
#include "crm-settings.h"

G_BEGIN_DECLS

/* Every key not stored keeps its default. */
CrmSettings *crm_setting_store_load      (CrmDatabase *db, GError **error);
gboolean     crm_setting_store_save      (CrmDatabase *db, const CrmSettings *settings, GError **error);
gboolean     crm_setting_store_set_value (CrmDatabase *db, const char *key, const char *value,
                                          GError **error);

G_END_DECLS
