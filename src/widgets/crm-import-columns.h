/* crm-import-columns.h — which field of a client each CSV column fills
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-import-map.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_COLUMNS (crm_import_columns_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportColumns, crm_import_columns, CRM, IMPORT_COLUMNS, AdwBin)

GtkWidget    *crm_import_columns_new         (void);
void          crm_import_columns_set_preview (CrmImportColumns *self,
                                              CrmImportMap     *map,
                                              GPtrArray        *rows);
CrmImportMap *crm_import_columns_get_map     (CrmImportColumns *self);
GtkDropDown  *crm_import_columns_get_chooser (CrmImportColumns *self,
                                              guint             column);
void          crm_import_columns_set_field   (CrmImportColumns *self,
                                              guint             column,
                                              CrmImportField    field);

G_END_DECLS
