/* crm-import-dialog.h — a file of clients (or a database export) imported
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"
#include "crm-import-columns.h"
#include "crm-import-report.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_DIALOG (crm_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, CRM, IMPORT_DIALOG, AdwWindow)

CrmImportDialog  *crm_import_dialog_new         (CrmDatabase     *database,
                                                 GFile           *file);
const char       *crm_import_dialog_get_page    (CrmImportDialog *self);
CrmImportColumns *crm_import_dialog_get_columns (CrmImportDialog *self);
CrmImportReport  *crm_import_dialog_get_report  (CrmImportDialog *self);

G_END_DECLS
