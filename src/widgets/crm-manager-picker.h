/* crm-manager-picker.h — choose a manager (or the whole team)
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_MANAGER_PICKER (crm_manager_picker_get_type ())

G_DECLARE_FINAL_TYPE (CrmManagerPicker, crm_manager_picker, CRM, MANAGER_PICKER, AdwBin)

GtkWidget   *crm_manager_picker_new            (void);
void         crm_manager_picker_set_database   (CrmManagerPicker *self, CrmDatabase *database);
gint64       crm_manager_picker_get_manager_id (CrmManagerPicker *self);
void         crm_manager_picker_set_manager_id (CrmManagerPicker *self, gint64 manager_id);
const char  *crm_manager_picker_get_manager_name (CrmManagerPicker *self);

G_END_DECLS
