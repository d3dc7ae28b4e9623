/* crm-import-private.h — the column presets behind crm-import-map.c
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-import-map.h"

G_BEGIN_DECLS

/* Address groups: the parts of one postal address share a slot. The
 * first group with anything in it is the client's address. */
enum {
  CRM_IMPORT_SLOT_NONE = 0,
  CRM_IMPORT_SLOT_WORK = 1,
  CRM_IMPORT_SLOT_HOME = 2,
  CRM_IMPORT_SLOT_OTHER = 3,
  CRM_IMPORT_SLOT_NUMBERED = 4,   /* Google's "Address 1 - …" is slot 4 + 1 */
  CRM_IMPORT_N_SLOTS = 24,
};

typedef struct {
  CrmImportField field;
  const char    *type;   /* static: the type of a phone or an e-mail address */
  guint          slot;   /* pairs a phone or e-mail with its label column; the address group */
} CrmImportColumn;

typedef struct {
  const char  *id;
  const char  *name;     /* N_() */
  CrmNameOrder order;
} CrmImportPresetInfo;

struct _CrmImportMap {
  guint                      n_columns;
  char                     **header;    /* cleaned, never NULL */
  CrmImportColumn           *columns;
  const CrmImportPresetInfo *preset;
  CrmNameOrder               order;
  char                      *file;
  GStringChunk              *strings;   /* the types named by a column map */
};

const CrmImportPresetInfo *crm_import_detect_columns (const char * const *header,
                                                      guint               n_columns,
                                                      CrmImportColumn    *columns);
const CrmImportPresetInfo *crm_import_find_preset    (const char *id);
const CrmImportPresetInfo *crm_import_preset_columns (const char         *id,
                                                      const char * const *header,
                                                      guint               n_columns,
                                                      CrmImportColumn    *columns);
gboolean                   crm_import_guess_column   (const char      *header,
                                                      CrmImportColumn *column);
gboolean                   crm_import_header_is_deals (const char * const *header,
                                                       guint               n_columns);

G_END_DECLS
