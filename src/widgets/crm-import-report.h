/* crm-import-report.h — what an import did, and every record it did not take
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-import-file.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_REPORT (crm_import_report_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportReport, crm_import_report, CRM, IMPORT_REPORT, AdwBin)

GtkWidget  *crm_import_report_new          (void);
gboolean    crm_import_report_set_result   (CrmImportReport       *self,
                                            const CrmImportResult *result);
GListModel *crm_import_report_get_problems (CrmImportReport *self);
const char *crm_import_report_get_title    (CrmImportReport *self);
const char *crm_import_report_get_summary  (CrmImportReport *self);

G_END_DECLS
