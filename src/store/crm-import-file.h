/* crm-import-file.h — a CSV, vCard or JSON file imported into the database
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-import-map.h"
#include "crm-import-store.h"

G_BEGIN_DECLS

typedef enum {
  CRM_IMPORT_FORMAT_UNKNOWN,
  CRM_IMPORT_FORMAT_CSV,         /* clients */
  CRM_IMPORT_FORMAT_VCARD,       /* clients */
  CRM_IMPORT_FORMAT_JSON,        /* a whole database, into an empty one */
  CRM_IMPORT_FORMAT_ICALENDAR,   /* calendar events: not read here */
} CrmImportFormat;

typedef struct {
  CrmDuplicatePolicy  duplicates;
  const char         *preset;    /* CSV: a preset id (crm_import_preset_ids()), NULL to detect */
  const char         *map;       /* CSV: "COLUMN=FIELD,…" over the preset's map */
  CrmImportMap       *columns;   /* CSV: the whole map, as the mapping dialog left it */
  gboolean            dry_run;   /* read and check everything, write nothing */
} CrmImportOptions;

typedef struct {
  CrmImportFormat  format;
  char            *file;         /* the file's name for people */
  CrmImportCounts  counts;       /* CSV, vCard */
  CrmRestoreCounts restored;     /* JSON */
  GPtrArray       *problems;     /* CrmImportProblem, in the order of the file */
  char            *preset_name;  /* CSV: the program whose export it is, or NULL */
  char            *encoding;     /* CSV */
  char             delimiter;    /* CSV */
  gboolean         dry_run;
} CrmImportResult;

CrmImportFormat  crm_import_format_for_path (const char *path);
void             crm_import_options_init    (CrmImportOptions *options);
CrmImportResult *crm_import_file            (CrmDatabase            *db,
                                             const char             *path,
                                             CrmImportFormat         format,
                                             const CrmImportOptions *options,
                                             CrmImportProgress       progress,
                                             gpointer                user_data,
                                             GCancellable           *cancellable,
                                             GError                **error);
void             crm_import_result_free     (CrmImportResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportResult, crm_import_result_free)

G_END_DECLS
