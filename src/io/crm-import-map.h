/* crm-import-map.h — which CSV column holds which field of a client
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-contact.h"
#include "crm-csv.h"

G_BEGIN_DECLS

typedef enum {
  CRM_IMPORT_FIELD_IGNORE,
  CRM_IMPORT_FIELD_NAME,
  CRM_IMPORT_FIELD_FIRST_NAME,
  CRM_IMPORT_FIELD_MIDDLE_NAME,
  CRM_IMPORT_FIELD_LAST_NAME,
  CRM_IMPORT_FIELD_COMPANY,
  CRM_IMPORT_FIELD_PHONE,
  CRM_IMPORT_FIELD_EMAIL,
  CRM_IMPORT_FIELD_ADDRESS,
  CRM_IMPORT_FIELD_STREET,
  CRM_IMPORT_FIELD_CITY,
  CRM_IMPORT_FIELD_REGION,
  CRM_IMPORT_FIELD_POSTCODE,
  CRM_IMPORT_FIELD_COUNTRY,
  CRM_IMPORT_FIELD_NOTES,
  CRM_IMPORT_FIELD_TAGS,
  CRM_IMPORT_FIELD_SOURCE,
  CRM_IMPORT_FIELD_STATUS,
  CRM_IMPORT_FIELD_OWNER,
  CRM_IMPORT_FIELD_KIND,
  CRM_IMPORT_FIELD_PHONE_TYPE,   /* the label of the phone in the same slot (Google's "Phone 1 - Label") */
  CRM_IMPORT_FIELD_EMAIL_TYPE,
  CRM_IMPORT_N_FIELDS
} CrmImportField;

typedef struct _CrmImportMap CrmImportMap;

const char     *crm_import_field_to_string (CrmImportField field);
const char     *crm_import_field_to_label  (CrmImportField field);
gboolean        crm_import_field_from_string (const char     *name,
                                              CrmImportField *field);

CrmImportMap   *crm_import_map_new_auto     (const char * const *header,
                                             guint               n_columns);
CrmImportMap   *crm_import_map_new_for_preset (const char * const *header,
                                             guint               n_columns,
                                             const char         *preset,
                                             GError            **error);
CrmImportMap   *crm_import_map_copy         (CrmImportMap *map);
void            crm_import_map_free         (CrmImportMap *map);
const char * const *crm_import_preset_ids   (void);
const char     *crm_import_preset_get_name  (const char *id);
gboolean        crm_import_map_apply_spec   (CrmImportMap *map,
                                             const char   *spec,
                                             GError      **error);
gboolean        crm_import_map_check        (CrmImportMap *map,
                                             GError      **error);
const char     *crm_import_map_get_preset   (CrmImportMap *map);
const char     *crm_import_map_get_preset_name (CrmImportMap *map);
guint           crm_import_map_get_n_columns (CrmImportMap *map);
CrmImportField  crm_import_map_get_field    (CrmImportMap *map,
                                             guint         column);
void            crm_import_map_set_field    (CrmImportMap  *map,
                                             guint          column,
                                             CrmImportField field);
const char     *crm_import_map_get_header   (CrmImportMap *map,
                                             guint         column);
const char     *crm_import_map_get_type     (CrmImportMap *map,
                                             guint         column);
CrmNameOrder    crm_import_map_get_name_order (CrmImportMap *map);
void            crm_import_map_set_name_order (CrmImportMap *map,
                                             CrmNameOrder  order);
void            crm_import_map_set_file     (CrmImportMap *map,
                                             const char   *display_name);
char           *crm_import_map_to_spec      (CrmImportMap *map);
CrmContact     *crm_import_map_row          (CrmImportMap    *map,
                                             const CrmCsvRow *row,
                                             GPtrArray       *problems);

gboolean        crm_import_csv              (CrmCsvReader *reader,
                                             const char   *spec,
                                             GPtrArray    *contacts,
                                             GPtrArray    *problems,
                                             char        **preset_name,
                                             GError      **error);

const char * const *crm_contact_csv_header  (void);
char          **crm_contact_to_csv_row      (const CrmContact *contact,
                                             gint64            id,
                                             const char       *created);
const CrmCsvCellKind *crm_contact_csv_kinds (guint *n_kinds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportMap, crm_import_map_free)

G_END_DECLS
