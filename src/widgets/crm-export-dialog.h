/* crm-export-dialog.h — clients, activities, deals or payments written out
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-database.h"

G_BEGIN_DECLS

#define CRM_TYPE_EXPORT_DIALOG (crm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmExportDialog, crm_export_dialog, CRM, EXPORT_DIALOG, AdwWindow)

/* The positions of the "what" list (with clients selected, one more first). */
typedef enum {
  CRM_EXPORT_CHOICE_CLIENTS_CSV,
  CRM_EXPORT_CHOICE_CLIENTS_VCARD,
  CRM_EXPORT_CHOICE_ACTIVITIES_CSV,
  CRM_EXPORT_CHOICE_DEALS_CSV,
  CRM_EXPORT_CHOICE_PAYMENTS_CSV,
  CRM_EXPORT_CHOICE_DATABASE_JSON,
  CRM_EXPORT_CHOICE_SELECTED_VCARD,
} CrmExportChoice;

CrmExportDialog *crm_export_dialog_new         (CrmDatabase     *database);
void             crm_export_dialog_set_clients (CrmExportDialog *self,
                                                const gint64    *ids,
                                                gsize            n_ids);
void             crm_export_dialog_set_choice  (CrmExportDialog *self,
                                                CrmExportChoice  choice,
                                                gboolean         excel);
void             crm_export_dialog_export_to   (CrmExportDialog *self,
                                                GFile           *file);
const char      *crm_export_dialog_get_error   (CrmExportDialog *self);

G_END_DECLS
